/**
 * Reading sheets in batches: the caller queues every sheet it wants, syncs once, takes the
 * snapshots, optionally queues the extras (hidden rows, fonts) and syncs once more. Nothing here
 * syncs, so a caller can ride other loads on the same syncs.
 */
import type { CellValue, SheetSnapshot } from '../../core/grid/sheet';
import { rangeAt, rangeBounds, type Bounds, type SupportsFn } from './addresses';
import type { RangeLike, WorksheetLike } from './excel-shapes';

export interface QueuedRead {
  name: string;
  sheet: WorksheetLike;
  used: RangeLike;
}

export interface SheetGrid {
  snapshot: SheetSnapshot;
  /** The non-empty part of the used range, or null for an empty sheet. */
  origin: Bounds | null;
}

/** Queues the used range's values, formulas and address (best call the set allows). */
export function queueUsedRange(name: string, sheet: WorksheetLike, has: SupportsFn): QueuedRead {
  const used = has('1.4')
    ? sheet.getUsedRangeOrNullObject(true)
    : has('1.2') ? sheet.getUsedRange(true) : sheet.getUsedRange();
  used.load('values,formulas,address');
  return { name, sheet, used };
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function isEmptyCell(v: CellValue, f: string): boolean {
  return (v === '' || v === null || v === undefined) && !f;
}

/** After the sync: the used range padded to start at A1, trailing empty rows and columns trimmed. */
export function gridOf(p: QueuedRead, has: SupportsFn): SheetGrid {
  const empty = { snapshot: { name: p.name, values: [], formulas: [] } as SheetSnapshot, origin: null };
  if (has('1.4') && p.used.isNullObject) return empty;
  const at = rangeBounds(p.used.address);
  const rawValues = p.used.values ?? [];
  const rawFormulas = p.used.formulas ?? [];
  let height = 0;
  let width = 0;
  rawValues.forEach((row, r) => row.forEach((v, c) => {
    const f = rawFormulas[r]?.[c];
    const formula = typeof f === 'string' && f.startsWith('=') ? f : '';
    if (!isEmptyCell(toCellValue(v), formula)) {
      height = Math.max(height, at.row + r + 1);
      width = Math.max(width, at.col + c + 1);
    }
  }));
  if (!height) return empty;
  const values: CellValue[][] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => toCellValue(rawValues[r - at.row]?.[c - at.col])));
  const formulas: string[][] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const f = rawFormulas[r - at.row]?.[c - at.col];
      return typeof f === 'string' && f.startsWith('=') ? f : '';
    }));
  const origin = { row: at.row, col: at.col, rows: Math.max(0, height - at.row), cols: Math.max(0, width - at.col) };
  return { snapshot: { name: p.name, values, formulas }, origin };
}

/**
 * Queues hidden-row flags (1.9 in bulk, 1.2 per used row) and font names (1.9) of a non-empty sheet.
 * Returns what to run after the next sync to fill them into the snapshot, or null when nothing was queued.
 */
export function queueExtras(sheet: WorksheetLike, grid: SheetGrid, has: SupportsFn): (() => void) | null {
  const { snapshot, origin } = grid;
  if (!origin) {
    if (has('1.2')) snapshot.hiddenRows = [];
    return null;
  }
  if (has('1.9')) {
    const range = rangeAt(sheet, origin, has);
    const rowProps = range.getRowProperties({ rowHidden: true, rowIndex: true });
    const cellProps = range.getCellProperties({ format: { font: { name: true } } });
    return () => {
      snapshot.hiddenRows = rowProps.value.flatMap((r, i) => (r.rowHidden ? [r.rowIndex ?? origin.row + i] : []));
      const fonts = snapshot.values.map((row) => row.map((): string | undefined => undefined));
      cellProps.value.forEach((row, r) => row.forEach((cell, c) => {
        const target = fonts[origin.row + r];
        if (target && origin.col + c < target.length) target[origin.col + c] = cell.format?.font?.name ?? undefined;
      }));
      snapshot.fonts = fonts;
    };
  }
  if (has('1.2')) {
    const range = rangeAt(sheet, origin, has);
    const rows = Array.from({ length: origin.rows }, (_, i) => {
      const row = range.getRow(i);
      row.load('rowHidden');
      return row;
    });
    return () => {
      snapshot.hiddenRows = rows.flatMap((row, i) => (row.rowHidden ? [origin.row + i] : []));
    };
  }
  return null;
}

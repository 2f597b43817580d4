/**
 * Reading sheets in batches: the caller queues every sheet it wants, syncs once, takes the
 * snapshots, optionally queues the extras (hidden rows, fonts) and syncs once more. Nothing here
 * syncs, so a caller can ride other loads on the same syncs.
 */
import type { CellValue, SheetSnapshot } from '../../core/grid/sheet';
import { a1 } from '../../core/grid/address';
import { cellKey, normalFill, rangeAt, rangeBounds, type Bounds, type SupportsFn } from './addresses';
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
  const fill = queueExtrasAt(sheet, grid.origin, has);
  if (!grid.origin) {
    fill?.(grid.snapshot);
    return null;
  }
  return fill ? () => fill(grid.snapshot) : null;
}

/** The bounds of a used range queued by `queueUsedBounds`, after the sync; null for an empty sheet (1.4+). */
export function usedBounds(used: RangeLike, has: SupportsFn): Bounds | null {
  if (has('1.4') && used.isNullObject) return null;
  return rangeBounds(used.address);
}

/** Queues only the address of the used range (values only, where the set allows): what `queueExtrasAt` needs, before the values are read. */
export function queueUsedBounds(sheet: WorksheetLike, has: SupportsFn): RangeLike {
  const used = has('1.4')
    ? sheet.getUsedRangeOrNullObject(true)
    : has('1.2') ? sheet.getUsedRange(true) : sheet.getUsedRange();
  used.load('address');
  return used;
}

/**
 * Like `queueExtras`, over `bounds` (the used range, or null for an empty sheet) known before the values
 * are read, so that the extras can ride the same sync as the values. The returned function fills the
 * snapshot read in that sync; null when nothing was queued and nothing is to fill.
 */
export function queueExtrasAt(
  sheet: WorksheetLike,
  bounds: Bounds | null,
  has: SupportsFn,
): ((snapshot: SheetSnapshot, fills?: Map<string, string>) => void) | null {
  if (!bounds) {
    return has('1.2') ? (snapshot) => { snapshot.hiddenRows = []; } : null;
  }
  const within = (snapshot: SheetSnapshot, rows: number[]) => rows.filter((r) => r < snapshot.values.length);
  if (has('1.9')) {
    const range = rangeAt(sheet, bounds, has);
    const rowProps = range.getRowProperties({ rowHidden: true, rowIndex: true });
    const cellProps = range.getCellProperties({ format: { font: { name: true }, fill: { color: true } } });
    return (snapshot, fills) => {
      snapshot.hiddenRows = within(snapshot, rowProps.value.flatMap((r, i) => (r.rowHidden ? [r.rowIndex ?? bounds.row + i] : [])));
      if (!snapshot.values.length) return;
      const fonts = snapshot.values.map((row) => row.map((): string | undefined => undefined));
      cellProps.value.forEach((row, r) => row.forEach((cell, c) => {
        const target = fonts[bounds.row + r];
        if (target && bounds.col + c < target.length) target[bounds.col + c] = cell.format?.font?.name ?? undefined;
        // A cell's own fill, so that a highlight can give it back when it comes off.
        const fill = fills && normalFill(cell.format?.fill?.color);
        if (fill) fills.set(cellKey(snapshot.name, a1(bounds.row + r, bounds.col + c)), fill);
      }));
      snapshot.fonts = fonts;
    };
  }
  if (has('1.2')) {
    const range = rangeAt(sheet, bounds, has);
    const rows = Array.from({ length: bounds.rows }, (_, i) => {
      const row = range.getRow(i);
      row.load('rowHidden');
      return row;
    });
    return (snapshot) => {
      snapshot.hiddenRows = within(snapshot, rows.flatMap((row, i) => (row.rowHidden ? [bounds.row + i] : [])));
    };
  }
  return null;
}

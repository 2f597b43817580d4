/**
 * Which cells the last check highlighted, kept in a very hidden sheet so that the next check (even
 * after the workbook was closed and reopened) can clear exactly those: with each mark, the note we
 * wrote ('' when none) and the cell's fill before it was marked ('' for none: cleared on removal).
 * A register written before the fill column existed reads as "no fill". Pure grid <-> marks.
 */
import type { Grid } from '../../core/grid/sheet';
import type { SheetSpec } from '../../core/grid/sheet-spec';
import { sheetNameKey } from '../../core/form/import-register';
import type { CellMark } from '../../core/validate/cell-marks';
import type { PlacedMark } from '../../workbook/office/cell-highlights';

/** A mark as stored: `fill` missing or null for no fill. */
export type StoredMark = CellMark & { fill?: string | null };

export const MARKS_SHEET = '_tonghop_danh_dau';
const MARKER = 'tonghop-marks';
const HEADER = ['sheet', 'cell', 'severity', 'note', 'fill'];

export function marksToGrid(marks: readonly StoredMark[]): string[][] {
  return [[MARKER, '1'], HEADER, ...marks.map((m) => [m.sheet, m.cell, m.severity, m.note, m.fill ?? ''])];
}

export function marksSheet(marks: readonly StoredMark[]): SheetSpec {
  return { name: MARKS_SHEET, cells: marksToGrid(marks), visibility: 'veryHidden' };
}

export function marksFromGrid(grid: Grid): PlacedMark[] {
  if (String(grid[0]?.[0] ?? '') !== MARKER) return [];
  return grid.slice(2).flatMap((row): PlacedMark[] => {
    const [sheet, cell, severity, note, fill] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!sheet || !/^[A-Z]+\d+$/i.test(cell ?? '')) return [];
    return [{
      sheet, cell: cell.toUpperCase(), severity: severity === 'error' ? 'error' : 'warning', note: note ?? '',
      fill: /^#[0-9A-F]{6}$/i.test(fill ?? '') ? fill.toUpperCase() : null,
    }];
  });
}

/** The marks without those of the sheets in `sheetKeys` (sheetNameKey): sheets rewritten by an import. */
export function marksWithout(marks: readonly PlacedMark[], sheetKeys: ReadonlySet<string>): PlacedMark[] {
  return marks.filter((m) => !sheetKeys.has(sheetNameKey(m.sheet)));
}

/**
 * Which cells the last check highlighted, kept in a very hidden sheet so that the next check (even
 * after the workbook was closed and reopened) can clear exactly those. Pure grid <-> marks.
 */
import type { Grid } from '../../core/grid/sheet';
import type { SheetSpec } from '../../core/grid/sheet-spec';
import type { CellMark } from '../../core/validate/cell-marks';

export const MARKS_SHEET = '_tonghop_danh_dau';
const MARKER = 'tonghop-marks';
const HEADER = ['sheet', 'cell', 'severity', 'note'];

export function marksToGrid(marks: readonly CellMark[]): string[][] {
  return [[MARKER, '1'], HEADER, ...marks.map((m) => [m.sheet, m.cell, m.severity, m.note])];
}

export function marksSheet(marks: readonly CellMark[]): SheetSpec {
  return { name: MARKS_SHEET, cells: marksToGrid(marks), visibility: 'veryHidden' };
}

export function marksFromGrid(grid: Grid): CellMark[] {
  if (String(grid[0]?.[0] ?? '') !== MARKER) return [];
  return grid.slice(2).flatMap((row): CellMark[] => {
    const [sheet, cell, severity, note] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!sheet || !/^[A-Z]+\d+$/i.test(cell ?? '')) return [];
    return [{ sheet, cell: cell.toUpperCase(), severity: severity === 'error' ? 'error' : 'warning', note: note ?? '' }];
  });
}

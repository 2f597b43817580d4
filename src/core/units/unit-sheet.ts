/** The unit list as a sheet staff can edit in Excel: "STT | Đơn vị", one unit a row. */
import type { Grid } from '../grid/sheet';
import { normalizeText } from '../text/normalize';
import { parseUnitList } from './unit-list';

export const UNITS_SHEET_NAME = 'Đơn vị';
export const UNITS_HEADER = ['STT', 'Đơn vị'] as const;

export function unitsToGrid(units: readonly string[]): (string | number)[][] {
  return [[...UNITS_HEADER], ...units.map((u, i) => [i + 1, u])];
}

/**
 * Names from the "Đơn vị" column (found by its header in the first rows), else from the first column
 * holding text. Duplicates and an empty list throw UnitListError, as for the text list.
 */
export function unitsFromGrid(grid: Grid): string[] {
  let column = -1;
  let firstRow = 0;
  for (let r = 0; r < Math.min(grid.length, 10) && column < 0; r++) {
    const c = (grid[r] ?? []).findIndex((v) => typeof v === 'string' && normalizeText(v).toLowerCase() === 'đơn vị');
    if (c >= 0) {
      column = c;
      firstRow = r + 1;
    }
  }
  if (column < 0) column = Math.max(0, (grid.find((row) => row.some((v) => typeof v === 'string')) ?? []).findIndex((v) => typeof v === 'string'));
  const names = grid.slice(firstRow).map((row) => {
    const v = row?.[column];
    return typeof v === 'string' ? v.replace(/[\r\n]+/g, ' ') : '';
  });
  // Blank lines in front so that the list's "dòng N" is the sheet's row N.
  return parseUnitList([...Array<string>(firstRow).fill(''), ...names].join('\n'));
}

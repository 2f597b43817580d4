/**
 * A sheet as the core sees it: exactly what Excel's `Range.values` / `Range.formulas`
 * give for the used range, anchored at A1 (row 0 / col 0 of the grid is cell A1).
 *
 * Cell values are what Excel's Range.values gives: number | string | boolean, "" for empty,
 * and error results as their text ("#REF!", "#DIV/0!", …).
 */
export type CellValue = number | string | boolean;
export type Grid = CellValue[][];

export interface SheetSnapshot {
  name: string;
  values: Grid;
  /** Same shape as `values`; a formula cell holds "=…", any other cell "" (may be omitted). */
  formulas?: string[][];
  /** Font name per cell where known (used to recognise TCVN3/VNI legacy text). */
  fonts?: (string | undefined)[][];
  /** Zero-based indices of hidden rows. */
  hiddenRows?: number[];
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid[row];
  if (!r) return '';
  const v = r[col];
  return v === undefined || v === null ? '' : v;
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Address helpers shared by the Office.js adapter pieces. */
import { a1, parseA1 } from '../../core/grid/address';
import type { RangeLike, WorksheetLike } from './excel-shapes';

/** ExcelApi version strings ("1.4"), as given to Office.context.requirements.isSetSupported('ExcelApi', v). */
export type SupportsFn = (version: string) => boolean;

/** Zero-based bounds of a cell range. */
export interface Bounds { row: number; col: number; rows: number; cols: number }

/** "Sheet1!C3:F10", "'Tổng hợp'!B2", "A:A" style addresses → zero-based bounds (cell ranges only). */
export function rangeBounds(address: string): Bounds {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const [from, to = from] = local.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

/** getRangeByIndexes where ExcelApi 1.7 is there, an A1 address otherwise. */
export function rangeAt(sheet: WorksheetLike, b: Bounds, has: SupportsFn): RangeLike {
  if (has('1.7')) return sheet.getRangeByIndexes(b.row, b.col, b.rows, b.cols);
  return sheet.getRange(`${a1(b.row, b.col)}:${a1(b.row + b.rows - 1, b.col + b.cols - 1)}`);
}

/** A sheet name as it must appear in a formula or a sheet-qualified address: always quoted. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Quế Sơn'!E12" → { sheet: "Quế Sơn", cell: "E12" }. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, '').toUpperCase() };
}

/** Key for a cell of a sheet, with sheet names compared as Excel does (without regard to case). */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.normalize('NFC').toLocaleLowerCase()}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

/** What Excel answers for a cell without fill. */
const NO_FILL = '#FFFFFF';

/** "#RRGGBB" in upper case, or null for no fill (or an answer that is not a colour). */
export function normalFill(color: string | null | undefined): string | null {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return null;
  return color.toUpperCase() === NO_FILL ? null : color.toUpperCase();
}

/**
 * The slice of the Excel JavaScript API that OfficeWorkbook touches, written as structural
 * types so that the adapter never needs the `Excel` global at module load and tests can pass a
 * fake. A real `Excel.RequestContext` is assignable to `ExcelContextLike` (checked in the tests).
 * Members needing a requirement set above ExcelApi 1.1 are optional-looking in spirit: the adapter
 * only touches them after `supports(set)` said yes.
 */

export interface ClientResultLike<T> {
  value: T;
}

export interface BorderLike {
  style: string;
}

export interface RangeFormatLike {
  font: { name: string; size: number; bold: boolean; italic: boolean };
  fill: { color: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: { getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal'): BorderLike };
  /** ExcelApi 1.2, points. */
  columnWidth: number;
  /** ExcelApi 1.2, points. */
  rowHeight: number;
  /** ExcelApi 1.2. */
  protection: { locked: boolean };
}

export interface RangeLike {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  address: string;
  /** Present on ranges got through an *OrNullObject method (ExcelApi 1.4). */
  isNullObject: boolean;
  /** ExcelApi 1.2. */
  rowHidden: boolean;
  format: RangeFormatLike;
  load(propertyNames: string): unknown;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  /** ExcelApi 1.2. */
  merge(across?: boolean): void;
  /** ExcelApi 1.2. */
  unmerge(): void;
  /** ExcelApi 1.1. */
  getRow(row: number): RangeLike;
  /** ExcelApi 1.8. */
  dataValidation: { rule: unknown; errorAlert: unknown; ignoreBlanks: boolean; clear(): void };
  /** ExcelApi 1.9. */
  getCellProperties(options: { format: { font: { name: true } } }): ClientResultLike<{ format?: { font?: { name?: string } } }[][]>;
  /** ExcelApi 1.9. */
  getRowProperties(options: { rowHidden: true; rowIndex: true }): ClientResultLike<{ rowHidden?: boolean; rowIndex?: number }[]>;
}

export interface WorksheetLike {
  name: string;
  visibility: string;
  load(propertyNames: string): unknown;
  getRange(address?: string): RangeLike;
  /** ExcelApi 1.1 (the `valuesOnly` argument is 1.2); an empty sheet gives A1. */
  getUsedRange(valuesOnly?: boolean): RangeLike;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  /** ExcelApi 1.2. */
  protection: { protect(options?: unknown): void; unprotect(password?: string): void };
  /** ExcelApi 1.7. */
  freezePanes: { freezeAt(frozenRange: RangeLike | string): void; freezeRows(count?: number): void; freezeColumns(count?: number): void; unfreeze(): void };
  /** ExcelApi 1.9. */
  pageLayout: { orientation: string; paperSize: string; zoom: unknown };
}

export interface WorksheetCollectionLike {
  items: WorksheetLike[];
  load(propertyNames: string): unknown;
  getItem(key: string): WorksheetLike;
  add(name?: string): WorksheetLike;
}

export interface CommentLike {
  load(propertyNames: string): unknown;
  delete(): void;
  getLocation(): RangeLike;
}

export interface ExcelContextLike {
  workbook: {
    worksheets: WorksheetCollectionLike;
    /** ExcelApi 1.10. */
    comments: { items: CommentLike[]; load(propertyNames: string): unknown; add(cellAddress: string, content: string): unknown };
  };
  /** ExcelApi 1.6 for suspendApiCalculationUntilNextSync. */
  application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<unknown>;
}

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
  /** `clear()` removes the fill (ExcelApi 1.1). */
  fill: { color: string; clear(): void };
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
  /** ExcelApi 1.2 (read, and written to hide rows). */
  rowHidden: boolean;
  format: RangeFormatLike;
  /** ExcelApi 1.1. */
  select(): void;
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
  getCellProperties(options: { format: { font: { name: true }; fill: { color: true } } }): ClientResultLike<{ format?: { font?: { name?: string }; fill?: { color?: string } } }[][]>;
  /** ExcelApi 1.9. */
  getRowProperties(options: { rowHidden: true; rowIndex: true }): ClientResultLike<{ rowHidden?: boolean; rowIndex?: number }[]>;
}

export interface ChartLike {
  title: { text: string };
  legend: { visible: boolean };
  setPosition(startCell: RangeLike | string, endCell?: RangeLike | string): void;
}

export interface WorksheetLike {
  /** ExcelApi 1.1; settable to rename the sheet. */
  name: string;
  /** ExcelApi 1.1. */
  id: string;
  visibility: string;
  load(propertyNames: string): unknown;
  /** ExcelApi 1.1. */
  delete(): void;
  /** ExcelApi 1.1. */
  activate(): void;
  /** ExcelApi 1.1. */
  charts: { add(type: string, sourceData: RangeLike, seriesBy?: string): ChartLike };
  getRange(address?: string): RangeLike;
  /** ExcelApi 1.1 (the `valuesOnly` argument is 1.2); an empty sheet gives A1. */
  getUsedRange(valuesOnly?: boolean): RangeLike;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  /** ExcelApi 1.2. */
  protection: { protected: boolean; load(propertyNames: string): unknown; protect(options?: unknown): void; unprotect(password?: string): void };
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
  /** ExcelApi 1.10. */
  content: string;
  load(propertyNames: string): unknown;
  delete(): void;
  getLocation(): RangeLike;
}

/** ExcelApi 1.13 (Excel.InsertWorksheetOptions). */
export interface InsertWorksheetOptionsLike {
  sheetNamesToInsert?: string[];
  positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End';
}

export interface ExcelContextLike {
  workbook: {
    worksheets: WorksheetCollectionLike;
    /** ExcelApi 1.13: inserts sheets of an .xlsx given as base64; the result holds the new sheets' ids after the next sync. */
    insertWorksheetsFromBase64(base64File: string, options?: InsertWorksheetOptionsLike): ClientResultLike<string[]>;
    /** ExcelApi 1.10. */
    comments: { items: CommentLike[]; load(propertyNames: string): unknown; add(cellAddress: string, content: string): unknown };
  };
  /** ExcelApi 1.6 for suspendApiCalculationUntilNextSync. */
  application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<unknown>;
}

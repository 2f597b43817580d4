/** exceljs-runtime.ts for the task pane: both values from ExcelJS's self-contained browser bundle. */
import ExcelJS from 'exceljs';

export const { Workbook, ValueType } = ExcelJS;

/**
 * The two ExcelJS values the adapter needs at run time. ExcelJS's package entry also loads its CSV
 * and streaming modules, about 0,15 s of the CLI's start-up; the workbook class alone is enough.
 * ExcelJS is pinned (4.4.0), whose file layout this relies on. The task-pane build replaces this
 * file with exceljs-runtime.browser.ts, which takes both from ExcelJS's browser bundle.
 */
import type ExcelJS from 'exceljs';

declare const require: (id: string) => unknown;

export const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
export const ValueType = (require('exceljs/lib/doc/enums') as { ValueType: typeof ExcelJS.ValueType }).ValueType;

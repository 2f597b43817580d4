/**
 * Writing SheetSpecs through the Excel JavaScript API without syncing: every sheet is created or
 * cleared and written in the caller's batch, with one values/formulas write per sheet.
 */
import { a1, columnLetter } from '../../core/grid/address';
import { isFormulaCell, type CellInput, type CellStyle, type SheetSpec } from '../../core/grid/sheet-spec';
import type { SheetInfo } from '../workbook-port';
import { quoteSheet, rangeAt, rangeBounds, type SupportsFn } from './addresses';
import type { ExcelContextLike, WorksheetLike } from './excel-shapes';

const BODY_FONT = 'Times New Roman';
export const VISIBILITY_OUT: Record<SheetInfo['visibility'], string> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const ALIGN: Record<NonNullable<CellStyle['horizontal']>, string> = { left: 'Left', center: 'Center', right: 'Right' };

/** Excel column width in characters (as ExcelJS stores it) → points (as RangeFormat.columnWidth wants). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * A string that Excel would turn into a number, date, boolean, error or formula when written
 * through `values`/`formulas` gets a leading apostrophe, so that codes like "01" stay text.
 */
export function textForExcel(s: string): string {
  if (s === '') return s;
  if (/^\s*[0-9+\-=.,($%'@#]/.test(s) || /^\s*(true|false)\s*$/i.test(s)) return `'${s}`;
  return s;
}

/**
 * Queues the writes of `specs`: a sheet in `existing` (by exact name) is cleared and rewritten, any
 * other is added. `existing` is updated with the added sheets. Returns each spec's sheet.
 */
export function queueSheetWrites(context: ExcelContextLike, has: SupportsFn, specs: readonly SheetSpec[], existing: Map<string, WorksheetLike>): WorksheetLike[] {
  return specs.map((spec) => {
    const old = existing.get(spec.name);
    const sheet = old ?? context.workbook.worksheets.add(spec.name);
    if (old) resetSheet(old, has);
    existing.set(spec.name, sheet); // a repeated name rewrites the same sheet
    writeSheet(context, has, sheet, spec);
    return sheet;
  });
}

function resetSheet(sheet: WorksheetLike, has: SupportsFn): void {
  if (has('1.2')) sheet.protection.unprotect();
  if (has('1.7')) sheet.freezePanes.unfreeze();
  const all = sheet.getRange();
  if (has('1.8')) all.dataValidation.clear();
  if (has('1.2')) all.unmerge();
  all.clear('All');
}

function writeSheet(context: ExcelContextLike, has: SupportsFn, sheet: WorksheetLike, spec: SheetSpec): void {
  const rows = spec.cells.length;
  const cols = Math.max(0, ...spec.cells.map((r) => r.length));
  if (rows && cols) {
    let anyFormula = false;
    const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => {
      const v: CellInput | undefined = spec.cells[r][c];
      if (isFormulaCell(v)) {
        anyFormula = true;
        return `=${v.formula}`;
      }
      if (v === null || v === undefined) return '';
      return typeof v === 'string' ? textForExcel(v) : v;
    }));
    const range = rangeAt(sheet, { row: 0, col: 0, rows, cols }, has);
    if (anyFormula) range.formulas = grid;
    else range.values = grid;
    range.format.font.name = BODY_FONT;
    range.format.font.size = 12;
  }
  if (has('1.2')) {
    spec.columnWidths?.forEach((w, i) => {
      sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = widthToPoints(w);
    });
    for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
      sheet.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
    }
    for (const m of spec.merges ?? []) sheet.getRange(m).merge(false);
  }
  for (const nf of spec.numberFormats ?? []) {
    const b = rangeBounds(nf.range);
    sheet.getRange(nf.range).numberFormat = Array.from({ length: b.rows }, () => Array.from({ length: b.cols }, () => nf.format));
  }
  for (const s of spec.styles ?? []) applyStyle(sheet, s);
  if (has('1.8')) {
    for (const v of spec.validations ?? []) {
      const dv = sheet.getRange(v.range).dataValidation;
      dv.ignoreBlanks = true;
      const basic = { formula1: v.min, operator: 'GreaterThanOrEqualTo' };
      dv.rule = v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
    }
  }
  if (has('1.10')) {
    for (const n of spec.notes ?? []) context.workbook.comments.add(`${quoteSheet(spec.name)}!${n.cell}`, n.text);
  }
  if (spec.print && has('1.9')) {
    sheet.pageLayout.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    sheet.pageLayout.paperSize = 'A4';
    if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
  if (spec.freeze && has('1.7') && (spec.freeze.rows || spec.freeze.columns)) {
    const { rows: fr, columns: fc } = spec.freeze;
    if (fr && fc) sheet.freezePanes.freezeAt(`A1:${a1(fr - 1, fc - 1)}`);
    else if (fr) sheet.freezePanes.freezeRows(fr);
    else sheet.freezePanes.freezeColumns(fc);
  }
  if (spec.protect && has('1.2')) {
    for (const range of spec.unlocked ?? []) sheet.getRange(range).format.protection.locked = false;
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }
  sheet.visibility = VISIBILITY_OUT[spec.visibility ?? 'visible'];
}

/** One proxy per style range, never per cell. */
function applyStyle(sheet: WorksheetLike, s: CellStyle): void {
  const format = sheet.getRange(s.range).format;
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined) {
    format.font.name = BODY_FONT;
    if (s.bold !== undefined) format.font.bold = s.bold;
    if (s.italic !== undefined) format.font.italic = s.italic;
    if (s.fontSize !== undefined) format.font.size = s.fontSize;
  }
  if (s.fill) format.fill.color = `#${s.fill}`;
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.horizontal) format.horizontalAlignment = ALIGN[s.horizontal];
  if (s.wrap !== undefined || s.horizontal) format.verticalAlignment = 'Center';
  if (s.border) {
    const b = rangeBounds(s.range);
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
    for (const e of edges) format.borders.getItem(e).style = 'Continuous';
    if (b.cols > 1) format.borders.getItem('InsideVertical').style = 'Continuous';
    if (b.rows > 1) format.borders.getItem('InsideHorizontal').style = 'Continuous';
  }
}

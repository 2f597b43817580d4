/**
 * WorkbookPort over the Excel JavaScript API (the task pane inside Excel).
 *
 * Design: the constructor takes an `Excel.RequestContext`-shaped object (see ./office/excel-shapes)
 * and a `supports(version)` function, e.g.
 *   Excel.run(async (context) => {
 *     const book = new OfficeWorkbook(context, { supports: (v) => Office.context.requirements.isSetSupported('ExcelApi', v) });
 *     ...
 *   });
 * Nothing Office-specific is touched at module load. The baseline is ExcelApi 1.1; anything
 * newer is used only when `supports` says yes, each with a 1.1 fallback (listed in OFFICE_FALLBACKS).
 *
 * Sync budget (constant whatever the number of sheets):
 * - listSheets: 1. readSheets / readWorkbook: 2 (1.1) or 3 (1.2+, for hidden rows and fonts).
 * - readMetadata: 2. writeSheets: 2. markCells: 2, or 3 when the workbook already has comments (1.10).
 */
import { a1, columnLetter, parseA1 } from '../core/grid/address';
import type { CellValue, SheetSnapshot } from '../core/grid/sheet';
import { isFormulaCell, type CellInput, type CellStyle, type SheetSpec } from '../core/grid/sheet-spec';
import { META_SHEET_NAME, metaFromGrid, type WorkbookMeta } from '../core/form/metadata';
import { MARK_FILL, type CellMark } from '../core/validate/cell-marks';
import type { SheetInfo, WorkbookPort } from './workbook-port';
import type { ExcelContextLike, RangeLike, WorksheetLike } from './office/excel-shapes';

export type { ExcelContextLike } from './office/excel-shapes';

/** ExcelApi version strings ("1.4"), as given to Office.context.requirements.isSetSupported('ExcelApi', v). */
export type SupportsFn = (version: string) => boolean;

export interface OfficeWorkbookOptions {
  /** Defaults to "1.1 only". */
  supports?: SupportsFn;
}

/** What each newer API gives and what happens without it (for the README). */
export const OFFICE_FALLBACKS: readonly { api: string; set: string; fallback: string }[] = [
  { api: 'Worksheet.getUsedRangeOrNullObject(valuesOnly)', set: '1.4', fallback: 'getUsedRange(); a lone empty A1 is read as an empty sheet' },
  { api: 'getUsedRange(valuesOnly = true)', set: '1.2', fallback: 'getUsedRange() without the argument; trailing empty rows/columns are trimmed' },
  { api: 'Range.getRowProperties (hidden rows, bulk)', set: '1.9', fallback: '1.2: rowHidden loaded per used row in the same sync; 1.1: hiddenRows left undefined' },
  { api: 'Range.getCellProperties (font names, bulk)', set: '1.9', fallback: 'fonts left undefined (no per-cell font reads)' },
  { api: 'Application.suspendApiCalculationUntilNextSync', set: '1.6', fallback: 'not called' },
  { api: 'Range.merge / unmerge', set: '1.2', fallback: 'merges skipped' },
  { api: 'RangeFormat.columnWidth / rowHeight', set: '1.2', fallback: 'widths and heights skipped' },
  { api: 'Worksheet.protection, RangeFormat.protection.locked', set: '1.2', fallback: 'sheet left unprotected' },
  { api: 'Worksheet.freezePanes', set: '1.7', fallback: 'no frozen panes' },
  { api: 'Worksheet.getRangeByIndexes', set: '1.7', fallback: 'A1 addresses with getRange' },
  { api: 'Range.dataValidation', set: '1.8', fallback: 'validations skipped' },
  { api: 'Worksheet.pageLayout', set: '1.9', fallback: 'print setup skipped' },
  { api: 'Workbook.comments (notes of SheetSpec and markCells)', set: '1.10', fallback: 'fill only, no note' },
  { api: 'Worksheet.visibility incl. VeryHidden', set: '1.1', fallback: '(baseline)' },
];

const BODY_FONT = 'Times New Roman';
const VISIBILITY_IN: Record<string, SheetInfo['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };
const VISIBILITY_OUT: Record<SheetInfo['visibility'], string> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const ALIGN: Record<NonNullable<CellStyle['horizontal']>, string> = { left: 'Left', center: 'Center', right: 'Right' };

interface Bounds { row: number; col: number; rows: number; cols: number }

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

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function isEmptyCell(v: CellValue, f: string): boolean {
  return (v === '' || v === null || v === undefined) && !f;
}

interface PendingRead {
  name: string;
  sheet: WorksheetLike;
  used: RangeLike;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: SupportsFn;

  constructor(private readonly context: ExcelContextLike, options: OfficeWorkbookOptions = {}) {
    this.supports = options.supports ?? ((v) => v === '1.1');
  }

  private has(version: string): boolean {
    return version === '1.1' || this.supports(version);
  }

  private async loadSheetList(): Promise<{ info: SheetInfo; sheet: WorksheetLike }[]> {
    const sheets = this.context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await this.context.sync();
    return sheets.items.map((sheet) => ({
      sheet,
      info: { name: sheet.name, visibility: VISIBILITY_IN[sheet.visibility] ?? 'visible' },
    }));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return (await this.loadSheetList()).map((s) => s.info);
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    return (await this.readWorkbook(names)).sheets;
  }

  async readMetadata(): Promise<WorkbookMeta | null> {
    return (await this.readWorkbook([])).meta;
  }

  /**
   * The named sheets (all when omitted) and the metadata sheet, in the same syncs:
   * 1) sheet names and visibility; 2) every used range's values, formulas and address;
   * 3) only with 1.2+: hidden-row flags (and with 1.9 font names) of the non-empty used ranges.
   */
  async readWorkbook(names?: string[]): Promise<{ sheets: SheetSnapshot[]; meta: WorkbookMeta | null }> {
    const list = await this.loadSheetList();
    const wanted = names ? new Set(names) : null;
    const pending: PendingRead[] = [];
    let metaRead: PendingRead | null = null;
    for (const { info, sheet } of list) {
      const want = !wanted || wanted.has(info.name);
      const isMeta = info.name === META_SHEET_NAME;
      if (!want && !isMeta) continue;
      const used = this.has('1.4')
        ? sheet.getUsedRangeOrNullObject(true)
        : this.has('1.2') ? sheet.getUsedRange(true) : sheet.getUsedRange();
      used.load('values,formulas,address');
      const read = { name: info.name, sheet, used };
      if (want) pending.push(read);
      if (isMeta) metaRead = read;
    }
    if (pending.length || metaRead) await this.context.sync();

    const grids = new Map<PendingRead, { snapshot: SheetSnapshot; origin: Bounds | null }>();
    for (const p of new Set([...pending, ...(metaRead ? [metaRead] : [])])) grids.set(p, this.gridOf(p));

    // Phase 3: row flags and fonts, queued for every non-empty sheet, one sync.
    const extras: (() => void)[] = [];
    for (const p of pending) {
      const { snapshot, origin } = grids.get(p)!;
      if (!origin) {
        if (this.has('1.2')) snapshot.hiddenRows = [];
        continue;
      }
      if (this.has('1.9')) {
        const range = this.rangeAt(p.sheet, origin);
        const rowProps = range.getRowProperties({ rowHidden: true, rowIndex: true });
        const cellProps = range.getCellProperties({ format: { font: { name: true } } });
        extras.push(() => {
          snapshot.hiddenRows = rowProps.value.flatMap((r, i) => (r.rowHidden ? [r.rowIndex ?? origin.row + i] : []));
          const fonts = snapshot.values.map((row) => row.map((): string | undefined => undefined));
          cellProps.value.forEach((row, r) => row.forEach((cell, c) => {
            const target = fonts[origin.row + r];
            if (target && origin.col + c < target.length) target[origin.col + c] = cell.format?.font?.name ?? undefined;
          }));
          snapshot.fonts = fonts;
        });
      } else if (this.has('1.2')) {
        const range = this.rangeAt(p.sheet, origin);
        const rows = Array.from({ length: origin.rows }, (_, i) => {
          const row = range.getRow(i);
          row.load('rowHidden');
          return row;
        });
        extras.push(() => {
          snapshot.hiddenRows = rows.flatMap((row, i) => (row.rowHidden ? [origin.row + i] : []));
        });
      }
    }
    if (extras.length) {
      await this.context.sync();
      extras.forEach((f) => f());
    }
    const meta = metaRead ? metaFromGrid(grids.get(metaRead)!.snapshot.values) : null;
    return { sheets: pending.map((p) => grids.get(p)!.snapshot), meta };
  }

  private rangeAt(sheet: WorksheetLike, b: Bounds): RangeLike {
    if (this.has('1.7')) return sheet.getRangeByIndexes(b.row, b.col, b.rows, b.cols);
    return sheet.getRange(`${a1(b.row, b.col)}:${a1(b.row + b.rows - 1, b.col + b.cols - 1)}`);
  }

  /** The used range padded to start at A1, trailing empty rows and columns trimmed. */
  private gridOf(p: PendingRead): { snapshot: SheetSnapshot; origin: Bounds | null } {
    const empty = { snapshot: { name: p.name, values: [], formulas: [] } as SheetSnapshot, origin: null };
    if (this.has('1.4') && p.used.isNullObject) return empty;
    const at = rangeBounds(p.used.address);
    const rawValues = p.used.values ?? [];
    const rawFormulas = p.used.formulas ?? [];
    let height = 0;
    let width = 0;
    rawValues.forEach((row, r) => row.forEach((v, c) => {
      const f = rawFormulas[r]?.[c];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : '';
      if (!isEmptyCell(toCellValue(v), formula)) {
        height = Math.max(height, at.row + r + 1);
        width = Math.max(width, at.col + c + 1);
      }
    }));
    if (!height) return empty;
    const values: CellValue[][] = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => toCellValue(rawValues[r - at.row]?.[c - at.col])));
    const formulas: string[][] = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => {
        const f = rawFormulas[r - at.row]?.[c - at.col];
        return typeof f === 'string' && f.startsWith('=') ? f : '';
      }));
    const origin = { row: at.row, col: at.col, rows: Math.max(0, height - at.row), cols: Math.max(0, width - at.col) };
    return { snapshot: { name: p.name, values, formulas }, origin };
  }

  /**
   * Creates each missing sheet and clears each existing one, then writes it:
   * sync 1 loads the sheet names; sync 2 carries every sheet's writes.
   */
  async writeSheets(specs: SheetSpec[]): Promise<void> {
    if (!specs.length) return;
    const existing = new Map((await this.loadSheetList()).map((s) => [s.info.name, s.sheet]));
    if (this.has('1.6')) this.context.application.suspendApiCalculationUntilNextSync();
    for (const spec of specs) {
      const old = existing.get(spec.name);
      const sheet = old ?? this.context.workbook.worksheets.add(spec.name);
      if (old) this.reset(old);
      existing.set(spec.name, sheet); // a repeated name rewrites the same sheet
      this.writeSheet(sheet, spec);
    }
    await this.context.sync();
  }

  private reset(sheet: WorksheetLike): void {
    if (this.has('1.2')) sheet.protection.unprotect();
    if (this.has('1.7')) sheet.freezePanes.unfreeze();
    const all = sheet.getRange();
    if (this.has('1.8')) all.dataValidation.clear();
    if (this.has('1.2')) all.unmerge();
    all.clear('All');
  }

  private writeSheet(sheet: WorksheetLike, spec: SheetSpec): void {
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
      const range = this.rangeAt(sheet, { row: 0, col: 0, rows, cols });
      if (anyFormula) range.formulas = grid;
      else range.values = grid;
      range.format.font.name = BODY_FONT;
      range.format.font.size = 12;
    }
    if (this.has('1.2')) {
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
    for (const s of spec.styles ?? []) this.applyStyle(sheet, s);
    if (this.has('1.8')) {
      for (const v of spec.validations ?? []) {
        const dv = sheet.getRange(v.range).dataValidation;
        dv.ignoreBlanks = true;
        const basic = { formula1: v.min, operator: 'GreaterThanOrEqualTo' };
        dv.rule = v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
      }
    }
    if (this.has('1.10')) {
      for (const n of spec.notes ?? []) this.context.workbook.comments.add(`${quoteSheet(spec.name)}!${n.cell}`, n.text);
    }
    if (spec.print && this.has('1.9')) {
      sheet.pageLayout.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      sheet.pageLayout.paperSize = 'A4';
      if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
    }
    if (spec.freeze && this.has('1.7') && (spec.freeze.rows || spec.freeze.columns)) {
      const { rows: fr, columns: fc } = spec.freeze;
      if (fr && fc) sheet.freezePanes.freezeAt(`A1:${a1(fr - 1, fc - 1)}`);
      else if (fr) sheet.freezePanes.freezeRows(fr);
      else sheet.freezePanes.freezeColumns(fc);
    }
    if (spec.protect && this.has('1.2')) {
      for (const range of spec.unlocked ?? []) sheet.getRange(range).format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    }
    sheet.visibility = VISIBILITY_OUT[spec.visibility ?? 'visible'];
  }

  /** One proxy per style range, never per cell. */
  private applyStyle(sheet: WorksheetLike, s: CellStyle): void {
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

  /**
   * Fills each marked cell (queued, one proxy per cell) and, with comments (1.10), replaces the
   * cell's comment. Syncs: sheet names and (1.10) the comment list; with existing comments, their
   * locations; then all writes. So 2 syncs, or 3 when the workbook already has comments.
   * Marks on sheets that do not exist are skipped, as in the ExcelJS adapter.
   */
  async markCells(marks: CellMark[]): Promise<void> {
    if (!marks.length) return;
    const withComments = this.has('1.10');
    const comments = this.context.workbook.comments;
    if (withComments) comments.load('items'); // rides on the sheet-list sync
    const sheets = new Map((await this.loadSheetList()).map((s) => [s.info.name, s.sheet]));
    const live = marks.filter((m) => sheets.has(m.sheet));
    const stale: { delete(): void }[] = [];
    if (withComments && live.length) {
      const locations = comments.items.map((c) => {
        const loc = c.getLocation();
        loc.load('address');
        return { comment: c, loc };
      });
      if (locations.length) {
        await this.context.sync();
        const marked = new Set(live.map((m) => cellKey(m.sheet, m.cell)));
        for (const { comment, loc } of locations) {
          const bang = loc.address.lastIndexOf('!');
          const sheetName = loc.address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
          if (marked.has(cellKey(sheetName, loc.address.slice(bang + 1)))) stale.push(comment);
        }
      }
    }
    for (const c of stale) c.delete();
    for (const m of live) {
      sheets.get(m.sheet)!.getRange(m.cell).format.fill.color = `#${MARK_FILL[m.severity]}`;
      if (withComments) this.context.workbook.comments.add(`${quoteSheet(m.sheet)}!${m.cell}`, m.note);
    }
    if (live.length) await this.context.sync();
  }
}

function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

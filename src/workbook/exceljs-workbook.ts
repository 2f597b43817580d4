/** WorkbookPort over an in-memory .xlsx with ExcelJS (CLI and browser mode). */
import type ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { ValueType, Workbook } from './exceljs-runtime';
import { parseA1 } from '../core/grid/address';
import type { CellValue, SheetSnapshot } from '../core/grid/sheet';
import { isFormulaCell, type CellInput, type CellStyle, type SheetSpec } from '../core/grid/sheet-spec';
import { META_SHEET_NAME, metaFromGrid, type WorkbookMeta } from '../core/form/metadata';
import { MARK_FILL, type CellMark } from '../core/validate/cell-marks';
import type { SheetInfo, WorkbookPort } from './workbook-port';

const BODY_FONT = 'Times New Roman';
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return toCellValue(o.text);
  }
  return String(v);
}

function eachAddress(range: string, fn: (row: number, col: number) => void): void {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) fn(r + 1, c + 1);
  }
}

const THIN = { style: 'thin' as const };
const BODY: Partial<ExcelJS.Font> = { name: BODY_FONT, size: 12 };

type Style = Partial<ExcelJS.Style>;

function addStyle(style: Style, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined) {
    const font = style.font ?? BODY;
    style.font = { ...font, bold: s.bold ?? font.bold, italic: s.italic ?? font.italic, size: s.fontSize ?? font.size };
  }
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.wrap !== undefined || s.horizontal) {
    const al = style.alignment ?? {};
    style.alignment = { ...al, wrapText: s.wrap ?? al.wrapText, horizontal: s.horizontal ?? al.horizontal, vertical: 'middle' };
  }
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

type StyleStep = (style: Style) => void;

interface StyleSteps {
  /** Distinct steps: equal number formats or equal styles are one step. */
  steps: StyleStep[];
  /** What is applied to cells, in order: the body font on cells with a value (range null), then the spec's formats and styles. */
  uses: { range: string | null; step: number }[];
}

function styleSteps(spec: SheetSpec): StyleSteps {
  const steps: StyleStep[] = [];
  const ids = new Map<string, number>();
  const uses: StyleSteps['uses'] = [];
  const use = (range: string | null, key: string, step: StyleStep): void => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = steps.push(step) - 1));
    uses.push({ range, step: id });
  };
  use(null, 'font', (style) => (style.font = BODY));
  for (const nf of spec.numberFormats ?? []) use(nf.range, `numFmt ${nf.format}`, (style) => (style.numFmt = nf.format));
  for (const s of spec.styles ?? []) {
    const { range, ...look } = s;
    use(range, `style ${JSON.stringify(look)}`, (style) => addStyle(style, s));
  }
  for (const range of spec.unlocked ?? []) use(range, 'unlocked', (style) => (style.protection = { locked: false }));
  return { steps, uses };
}

/**
 * Every cell's final style, shared: cells that look alike get the same style object, which ExcelJS
 * recognises when writing instead of working each one out again (most of the time of writing the
 * provincial workbook). Cells that went through the same steps look alike, so each distinct
 * sequence of steps is worked out once; styles that still come out equal are merged by content.
 */
function applyStyles(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const { steps, uses } = styleSteps(spec);
  /** Style of each sequence of steps so far, by id; a step only replaces properties, so a shallow copy is enough. */
  const states: Style[] = [];
  const transitions = new Map<number, number>();
  /** State id of each cell that any step reached, by 1-based row and column. */
  const cellStates: number[][] = [];
  const apply = (r: number, c: number, step: number): void => {
    const row = (cellStates[r] ??= []);
    const from = row[c] ?? -1;
    const key = (from + 1) * steps.length + step;
    let to = transitions.get(key);
    if (to === undefined) {
      const style: Style = from < 0 ? {} : { ...states[from] };
      steps[step](style);
      to = states.push(style) - 1;
      transitions.set(key, to);
    }
    row[c] = to;
  };
  for (const { range, step } of uses) {
    if (range === null) {
      spec.cells.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') apply(r + 1, c + 1, step);
      }));
    } else eachAddress(range, (r, c) => apply(r, c, step));
  }
  const byContent = new Map<string, Style>();
  const shared = states.map((style) => {
    const id = JSON.stringify(style);
    let one = byContent.get(id);
    if (!one) byContent.set(id, (one = style));
    return one;
  });
  cellStates.forEach((row, r) => row.forEach((state, c) => {
    ws.getRow(r).getCell(c).style = shared[state];
  }));
}

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, v: CellInput): void {
  if (v === null || v === undefined || v === '') return;
  ws.getRow(row).getCell(col).value = isFormulaCell(v) ? ({ formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue) : v;
}

export class ExcelJsWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static create(): ExcelJsWorkbook {
    const wb = new Workbook();
    wb.creator = 'Tổng hợp báo cáo';
    wb.created = new Date(0);
    wb.modified = new Date(0);
    return new ExcelJsWorkbook(wb);
  }

  /** Throws when the bytes are not a readable .xlsx package. */
  static async fromBytes(bytes: Uint8Array): Promise<ExcelJsWorkbook> {
    const wb = new Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return new ExcelJsWorkbook(wb);
  }

  /**
   * ExcelJS writes the parts and packs them without compression; fflate compresses the package,
   * in a fraction of the time JSZip and pako take to do it inside ExcelJS.
   */
  async toBytes(): Promise<Uint8Array> {
    const stored = new Uint8Array(await this.workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
    const parts: Zippable = {};
    for (const [name, data] of Object.entries(unzipSync(stored))) {
      // JSZip adds an entry for each folder; a package needs none.
      if (!name.endsWith('/')) parts[name] = data;
    }
    return zipSync(parts, { level: 6 });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? 'visible' }));
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    const wanted = names ? new Set(names) : null;
    return this.workbook.worksheets.filter((ws) => !wanted || wanted.has(ws.name)).map(snapshot);
  }

  async readMetadata(): Promise<WorkbookMeta | null> {
    const ws = this.workbook.getWorksheet(META_SHEET_NAME);
    return ws ? metaFromGrid(snapshot(ws).values) : null;
  }

  async markCells(marks: CellMark[]): Promise<void> {
    for (const m of marks) {
      const cell = this.workbook.getWorksheet(m.sheet)?.getCell(m.cell);
      if (!cell) continue;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${MARK_FILL[m.severity]}` } };
      cell.note = m.note;
    }
  }

  async writeSheets(specs: SheetSpec[]): Promise<void> {
    for (const spec of specs) {
      const old = this.workbook.getWorksheet(spec.name);
      if (old) this.workbook.removeWorksheet(old.id);
      await writeSheet(this.workbook, spec);
    }
  }
}

function snapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const fonts: (string | undefined)[][] = [];
  const hiddenRows: number[] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      const c = colNumber - 1;
      width = Math.max(width, c + 1);
      const isFormula = cell.type === ValueType.Formula;
      // ExcelJS leaves a cached result of 0 out of `value`; `result` still has it.
      (values[r] ??= [])[c] = toCellValue(isFormula ? cell.result : cell.value);
      if (isFormula) (formulas[r] ??= [])[c] = `=${cell.formula}`;
      if (cell.font?.name) (fonts[r] ??= [])[c] = cell.font.name;
    });
  });
  const height = values.length;
  const fill = <T>(grid: T[][], empty: T): T[][] =>
    Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? empty));
  return {
    name: ws.name,
    values: fill(values, '' as CellValue),
    formulas: fill(formulas, ''),
    fonts: fill<string | undefined>(fonts, undefined),
    hiddenRows,
  };
}

async function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const ws = wb.addWorksheet(spec.name, {
    state: spec.visibility ?? 'visible',
    views: spec.freeze ? [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }] : undefined,
    pageSetup: spec.print
      ? { paperSize: 9, orientation: spec.print.orientation, fitToPage: !!spec.print.fitToWidth, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } }
      : undefined,
  });
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  spec.cells.forEach((row, r) => row.forEach((v, c) => writeCell(ws, r + 1, c + 1, v)));
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  applyStyles(ws, spec);
  for (const v of spec.validations ?? []) {
    eachAddress(v.range, (r, c) => {
      ws.getCell(r, c).dataValidation = {
        type: v.type, operator: 'greaterThanOrEqual', formulae: [v.min], allowBlank: true,
        showErrorMessage: true, errorStyle: 'stop', errorTitle: v.title, error: v.message,
      };
    });
  }
  for (const n of spec.notes ?? []) ws.getCell(n.cell).note = n.text;
  if (spec.protect) {
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

/**
 * Read a returned form. Returns drift from what was sent, so the table is found by its
 * header, rows are matched by Mã số (then by name), and every deviation becomes a finding.
 */
import { a1 } from '../grid/address';
import { cellAt, isBlank, type CellValue, type SheetSnapshot } from '../grid/sheet';
import type { Template } from '../template/model';
import { decodeLegacyVietnamese } from '../text/legacy-encoding';
import { foldKey, normalizeText } from '../text/normalize';
import { formatNumber } from '../text/number-format';
import type { Finding } from '../validate/finding';
import { finding } from '../validate/finding-factory';
import { headerColumn, normalizeCode, type FormColumn } from './form-layout';
import type { WorkbookMeta } from './metadata';
import { cleanNumber, readValueCell } from './value-cell';

export interface ReturnedWorkbook {
  file: string;
  /** Every sheet of the workbook except the metadata sheet. */
  sheets: SheetSnapshot[];
  meta: WorkbookMeta | null;
}

export interface FormReading {
  file: string;
  sheet: string | null;
  visibleUnit: string | null;
  visiblePeriod: string | null;
  meta: WorkbookMeta | null;
  /** Usable values by code; blank cells count as 0; unusable cells are absent. */
  values: Record<string, number>;
  /** A1 address of each indicator's value cell. */
  cells: Record<string, string>;
  /** Findings about this file; `unit` is filled in once the unit is known. */
  findings: Finding[];
}

interface TableLocation {
  sheet: SheetSnapshot;
  headerRow: number;
  columns: Partial<Record<FormColumn, number>>;
  knownCodes: number;
}

const HEADER_SCAN_ROWS = 60;
const MAX_HEADER_LENGTH = 40;

/**
 * Returns repeat the same labels form after form: each distinct (text, font) is decoded and
 * normalised once. The cache is emptied when it grows past its limit.
 */
const textCache = new Map<string | undefined, Map<string, string>>();
let cachedTexts = 0;
const TEXT_CACHE_LIMIT = 20_000;

function cellText(v: string, font: string | undefined): string {
  let byText = textCache.get(font);
  let out = byText?.get(v);
  if (out !== undefined) return out;
  if (cachedTexts >= TEXT_CACHE_LIMIT) {
    textCache.clear();
    cachedTexts = 0;
    byText = undefined;
  }
  if (!byText) textCache.set(font, (byText = new Map()));
  out = normalizeText(decodeLegacyVietnamese(v, font).text);
  byText.set(v, out);
  cachedTexts++;
  return out;
}

function sheetText(sheet: SheetSnapshot, row: number, col: number): string {
  const v = cellAt(sheet.values, row, col);
  if (typeof v !== 'string') return String(v);
  return cellText(v, sheet.fonts?.[row]?.[col]);
}

function locateTable(sheet: SheetSnapshot): TableLocation | null {
  const rows = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    let columns: Partial<Record<FormColumn, number>> | null = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length > MAX_HEADER_LENGTH) continue;
      const col = headerColumn(sheetText(sheet, r, c));
      if (!col) continue;
      columns ??= {};
      if (columns[col] === undefined) columns[col] = c;
    }
    if (columns?.code === undefined || columns.value === undefined) continue;
    return { sheet, headerRow: r, columns, knownCodes: 0 };
  }
  return null;
}

/** How many template codes the table holds: only needed to choose between several tables. */
function countKnownCodes(t: TableLocation, codes: Set<string>): number {
  let n = 0;
  for (let r = t.headerRow + 1; r < t.sheet.values.length; r++) {
    if (codes.has(normalizeCode(cellAt(t.sheet.values, r, t.columns.code!)))) n++;
  }
  return n;
}

const UNIT_LABEL_KEY = 'don vi bao cao';
const PERIOD_LABEL_KEY = 'ky bao cao';

/** The text given for a label in `row` at `c`: after its colon, or else in the next non-empty cell; null when none. */
function labelValue(sheet: SheetSnapshot, r: number, c: number, text: string): string | null {
  const colon = text.indexOf(':');
  const rest = colon >= 0 ? text.slice(colon + 1).trim() : '';
  if (rest) return rest;
  const row = sheet.values[r];
  for (let cc = c + 1; cc < row.length; cc++) {
    const next = sheetText(sheet, r, cc);
    if (next) return next;
  }
  return null;
}

/**
 * "Đơn vị báo cáo: Hội CCB Tam Kỳ" and "Kỳ báo cáo: …" above the table, in one scan: each is the
 * first labelled cell (row by row) that gives a text.
 */
function labelledTexts(sheet: SheetSnapshot, beforeRow: number): { unit: string | null; period: string | null } {
  let unit: string | null = null;
  let period: string | null = null;
  for (let r = 0; r < beforeRow && (unit === null || period === null); r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      // Labels are text: a number or a boolean never folds to one.
      if (typeof row[c] !== 'string') continue;
      const text = sheetText(sheet, r, c);
      const key = foldKey(text);
      if (unit === null && key.startsWith(UNIT_LABEL_KEY)) unit = labelValue(sheet, r, c, text);
      if (period === null && key.startsWith(PERIOD_LABEL_KEY)) period = labelValue(sheet, r, c, text);
    }
  }
  return { unit, period };
}

/** A1 addresses of the value cells, shared by every reading (most forms keep the table where it was sent). */
const addressCache: string[][] = [];
const CACHED_ROWS = 1000;
const CACHED_COLUMNS = 64;

function cellAddress(row: number, col: number): string {
  if (row >= CACHED_ROWS || col >= CACHED_COLUMNS) return a1(row, col);
  const byRow = (addressCache[col] ??= []);
  return (byRow[row] ??= a1(row, col));
}

interface IndicatorRow {
  /** Position in template.indicators. */
  at: number;
  row: number;
}

/** Indicators by code and by folded name, as positions in template.indicators. */
interface TemplateLookups {
  byCode: Map<string, number>;
  byName: Map<string, number>;
  codes: Set<string>;
}

const lookupCache = new WeakMap<Template, TemplateLookups>();

function lookups(template: Template): TemplateLookups {
  let l = lookupCache.get(template);
  if (!l) {
    l = {
      byCode: new Map(template.indicators.map((ind, i) => [ind.code, i])),
      byName: new Map(template.indicators.map((ind, i) => [foldKey(ind.name), i])),
      codes: new Set(template.indicators.map((i) => i.code)),
    };
    lookupCache.set(template, l);
  }
  return l;
}

export function readForm(book: ReturnedWorkbook, template: Template): FormReading {
  const reading: FormReading = {
    file: book.file,
    sheet: null,
    visibleUnit: null,
    visiblePeriod: null,
    meta: book.meta,
    values: {},
    cells: {},
    findings: [],
  };
  const located = book.sheets.map(locateTable).filter((t): t is TableLocation => t !== null);
  if (located.length > 1) {
    const { codes } = lookups(template);
    for (const t of located) t.knownCodes = countKnownCodes(t, codes);
    located.sort((a, b) => b.knownCodes - a.knownCodes);
  }
  const table = located[0];
  if (!table) {
    reading.findings.push(finding('error', 'no-form-table',
      'Không tìm thấy bảng chỉ tiêu (dòng tiêu đề có cột "Mã số" và cột "Số liệu") trong tệp; tệp không phải biểu mẫu đã gửi hoặc đã bị sửa cấu trúc.',
      { file: book.file }));
    return reading;
  }
  const { sheet, headerRow, columns } = table;
  reading.sheet = sheet.name;
  // A second full copy of the form is ambiguous; a small side table with a few codes is not.
  const rivals = located.slice(1).filter((t) => t.knownCodes * 2 >= template.indicators.length);
  if (rivals.length) {
    const names = [table, ...rivals].map((t) => `"${t.sheet.name}"`).join(', ');
    reading.findings.push(finding('error', 'multiple-form-sheets',
      `Tệp có ${rivals.length + 1} trang chứa bảng chỉ tiêu (${names}); không biết lấy số liệu trang nào. Xóa trang thừa rồi gửi lại.`,
      { file: book.file, sheet: sheet.name }));
  }
  const labels = labelledTexts(sheet, headerRow);
  reading.visibleUnit = labels.unit;
  reading.visiblePeriod = labels.period;
  const at = (row: number, code: string | null, col = columns.value!) => ({
    file: book.file, sheet: sheet.name, cell: a1(row, col), code,
  });

  const { byCode, byName } = lookups(template);
  const indicators = template.indicators;
  /** Row of each indicator found, by position; -1 while not found. */
  const found: number[] = new Array<number>(indicators.length).fill(-1);
  const nameOnly: IndicatorRow[] = [];
  let duplicated: Set<string> | null = null;

  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const rawCode = cellAt(sheet.values, r, columns.code!);
    const code = normalizeCode(rawCode);
    const i = byCode.get(code);
    const ind = i === undefined ? undefined : indicators[i];
    // Most rows are exactly as sent: the label needs no decoding or folding then.
    if (ind && found[i!] < 0 && columns.label !== undefined && cellAt(sheet.values, r, columns.label) === ind.name) {
      found[i!] = r;
      continue;
    }
    const label = columns.label !== undefined ? sheetText(sheet, r, columns.label) : '';
    const value = cellAt(sheet.values, r, columns.value!);
    if (ind) {
      const first = found[i!];
      if (first >= 0) {
        (duplicated ??= new Set()).add(code);
        reading.findings.push(finding('error', 'duplicate-row',
          `Mã số ${code} có hai dòng (dòng ${first + 1} và dòng ${r + 1}); không biết lấy số liệu dòng nào.`, at(r, code)));
        continue;
      }
      found[i!] = r;
      if (label && label !== ind.name && foldKey(label) !== foldKey(ind.name)) {
        reading.findings.push(finding('warning', 'renamed-row',
          `Dòng ${r + 1}, mã số ${code}: tên chỉ tiêu "${label}" khác mẫu ("${ind.name}"); số liệu vẫn lấy theo mã số.`,
          at(r, code, columns.label)));
      }
      continue;
    }
    const byLabel = label ? byName.get(foldKey(label)) : undefined;
    if (byLabel !== undefined && !code) {
      nameOnly.push({ at: byLabel, row: r });
      continue;
    }
    if (code || (!isBlank(value) && (label || !isBlank(rawCode)))) {
      const shown = isBlank(value) ? 'trống' : `"${String(value)}"`;
      reading.findings.push(finding('warning', 'unknown-row',
        `Dòng ${r + 1}${code ? `, mã số ${code}` : ''}${label ? ` "${label}"` : ''} không có trong mẫu; số liệu (${shown}) không được tính.`,
        at(r, code || null)));
    }
  }
  for (const { at: i, row } of nameOnly) {
    const ind = indicators[i];
    if (found[i] >= 0) {
      reading.findings.push(finding('warning', 'unknown-row',
        `Dòng ${row + 1} trùng tên chỉ tiêu mã ${ind.code} "${ind.name}" đã có ở dòng ${found[i] + 1}; số liệu dòng này không được tính.`,
        at(row, ind.code)));
      continue;
    }
    found[i] = row;
    reading.findings.push(finding('warning', 'matched-by-name',
      `Dòng ${row + 1} không có mã số; đã nhận ra chỉ tiêu mã ${ind.code} "${ind.name}" theo tên. Cần ghi lại mã số ${ind.code}.`,
      at(row, ind.code)));
  }

  const hidden = sheet.hiddenRows?.length ? new Set(sheet.hiddenRows) : null;
  const blanks: string[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    const row = found[i];
    if (row < 0) {
      reading.findings.push(finding('error', 'missing-row',
        `Thiếu dòng chỉ tiêu mã số ${ind.code} "${ind.name}".`, { file: book.file, sheet: sheet.name, code: ind.code }));
      continue;
    }
    const address = cellAddress(row, columns.value!);
    reading.cells[ind.code] = address;
    if (duplicated?.has(ind.code)) continue;
    const raw: CellValue = cellAt(sheet.values, row, columns.value!);
    const isHidden = hidden?.has(row) ?? false;
    const clean = isHidden ? undefined : cleanNumber(raw, ind);
    if (clean !== undefined) {
      reading.values[ind.code] = clean;
      continue;
    }
    const place = { file: book.file, sheet: sheet.name, cell: address, code: ind.code };
    if (isHidden) {
      reading.findings.push(finding('info', 'hidden-row',
        `Dòng ${row + 1} (mã số ${ind.code}) đang bị ẩn; số liệu vẫn được tính.`, place));
    }
    const cell = readValueCell(raw, sheet.formulas?.[row]?.[columns.value!], ind);
    for (const p of cell.problems) {
      reading.findings.push(finding(p.severity, p.rule, `Mã số ${ind.code} "${ind.name}": ${p.message}`, place));
    }
    if (cell.blank) blanks.push(ind.code);
    if (cell.value !== undefined) reading.values[ind.code] = cell.value;
  }
  if (blanks.length) {
    reading.findings.push(finding('info', 'blank-values',
      `${formatNumber(blanks.length)} ô "Số liệu" để trống (hoặc ghi "-", "x"), được tính là 0: mã số ${blanks.join(', ')}.`,
      { file: book.file, sheet: sheet.name }));
  }
  return reading;
}

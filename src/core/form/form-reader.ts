/**
 * Read a returned form. Returns drift from what was sent, so the table is found by its
 * header, rows are matched by Mã số (then by name), and every deviation becomes a finding.
 */
import { a1, columnLetter } from '../grid/address';
import { cellAt, isBlank, type CellValue, type SheetSnapshot } from '../grid/sheet';
import type { Indicator, Template } from '../template/model';
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

function sheetText(sheet: SheetSnapshot, row: number, col: number): string {
  const v = cellAt(sheet.values, row, col);
  if (typeof v !== 'string') return String(v);
  return normalizeText(decodeLegacyVietnamese(v, sheet.fonts?.[row]?.[col]).text);
}

function locateTable(sheet: SheetSnapshot): TableLocation | null {
  const rows = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const columns: Partial<Record<FormColumn, number>> = {};
    (sheet.values[r] ?? []).forEach((v, c) => {
      if (typeof v !== 'string' || v.length > MAX_HEADER_LENGTH) return;
      const col = headerColumn(sheetText(sheet, r, c));
      if (col && columns[col] === undefined) columns[col] = c;
    });
    if (columns.code === undefined || columns.value === undefined) continue;
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

/** "Đơn vị báo cáo: Hội CCB Tam Kỳ" above the table → "Hội CCB Tam Kỳ". */
function labelledText(sheet: SheetSnapshot, beforeRow: number, labelKey: string): string | null {
  for (let r = 0; r < beforeRow; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = sheetText(sheet, r, c);
      if (!foldKey(text).startsWith(labelKey)) continue;
      const colon = text.indexOf(':');
      const rest = colon >= 0 ? text.slice(colon + 1).trim() : '';
      if (rest) return rest;
      for (let cc = c + 1; cc < row.length; cc++) {
        const next = sheetText(sheet, r, cc);
        if (next) return next;
      }
    }
  }
  return null;
}

interface IndicatorRow {
  ind: Indicator;
  row: number;
}

interface TemplateLookups {
  byCode: Map<string, Indicator>;
  byName: Map<string, Indicator>;
  codes: Set<string>;
}

const lookupCache = new WeakMap<Template, TemplateLookups>();

function lookups(template: Template): TemplateLookups {
  let l = lookupCache.get(template);
  if (!l) {
    l = {
      byCode: new Map(template.indicators.map((i) => [i.code, i])),
      byName: new Map(template.indicators.map((i) => [foldKey(i.name), i])),
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
  reading.visibleUnit = labelledText(sheet, headerRow, 'don vi bao cao');
  reading.visiblePeriod = labelledText(sheet, headerRow, 'ky bao cao');
  const at = (row: number, code: string | null, col = columns.value!) => ({
    file: book.file, sheet: sheet.name, cell: a1(row, col), code,
  });

  const { byCode, byName } = lookups(template);
  /** Row of each indicator found, by code. */
  const found = new Map<string, number>();
  const nameOnly: IndicatorRow[] = [];
  const duplicated = new Set<string>();

  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const rawCode = cellAt(sheet.values, r, columns.code!);
    const code = normalizeCode(rawCode);
    const ind = byCode.get(code);
    // Most rows are exactly as sent: the label needs no decoding or folding then.
    if (ind && !found.has(code) && columns.label !== undefined && cellAt(sheet.values, r, columns.label) === ind.name) {
      found.set(code, r);
      continue;
    }
    const label = columns.label !== undefined ? sheetText(sheet, r, columns.label) : '';
    const value = cellAt(sheet.values, r, columns.value!);
    if (ind) {
      const first = found.get(code);
      if (first !== undefined) {
        duplicated.add(code);
        reading.findings.push(finding('error', 'duplicate-row',
          `Mã số ${code} có hai dòng (dòng ${first + 1} và dòng ${r + 1}); không biết lấy số liệu dòng nào.`, at(r, code)));
        continue;
      }
      found.set(code, r);
      if (label && label !== ind.name && foldKey(label) !== foldKey(ind.name)) {
        reading.findings.push(finding('warning', 'renamed-row',
          `Dòng ${r + 1}, mã số ${code}: tên chỉ tiêu "${label}" khác mẫu ("${ind.name}"); số liệu vẫn lấy theo mã số.`,
          at(r, code, columns.label)));
      }
      continue;
    }
    const byLabel = label ? byName.get(foldKey(label)) : undefined;
    if (byLabel && !code) {
      nameOnly.push({ ind: byLabel, row: r });
      continue;
    }
    if (code || (!isBlank(value) && (label || !isBlank(rawCode)))) {
      const shown = isBlank(value) ? 'trống' : `"${String(value)}"`;
      reading.findings.push(finding('warning', 'unknown-row',
        `Dòng ${r + 1}${code ? `, mã số ${code}` : ''}${label ? ` "${label}"` : ''} không có trong mẫu; số liệu (${shown}) không được tính.`,
        at(r, code || null)));
    }
  }
  for (const { ind, row } of nameOnly) {
    if (found.has(ind.code)) {
      reading.findings.push(finding('warning', 'unknown-row',
        `Dòng ${row + 1} trùng tên chỉ tiêu mã ${ind.code} "${ind.name}" đã có ở dòng ${found.get(ind.code)! + 1}; số liệu dòng này không được tính.`,
        at(row, ind.code)));
      continue;
    }
    found.set(ind.code, row);
    reading.findings.push(finding('warning', 'matched-by-name',
      `Dòng ${row + 1} không có mã số; đã nhận ra chỉ tiêu mã ${ind.code} "${ind.name}" theo tên. Cần ghi lại mã số ${ind.code}.`,
      at(row, ind.code)));
  }

  const hidden = new Set(sheet.hiddenRows ?? []);
  const valueColumn = columnLetter(columns.value!);
  const blanks: string[] = [];
  for (const ind of template.indicators) {
    const row = found.get(ind.code);
    if (row === undefined) {
      reading.findings.push(finding('error', 'missing-row',
        `Thiếu dòng chỉ tiêu mã số ${ind.code} "${ind.name}".`, { file: book.file, sheet: sheet.name, code: ind.code }));
      continue;
    }
    const address = valueColumn + (row + 1);
    reading.cells[ind.code] = address;
    if (duplicated.has(ind.code)) continue;
    const raw: CellValue = cellAt(sheet.values, row, columns.value!);
    const clean = hidden.has(row) ? undefined : cleanNumber(raw, ind);
    if (clean !== undefined) {
      reading.values[ind.code] = clean;
      continue;
    }
    const place = { file: book.file, sheet: sheet.name, cell: address, code: ind.code };
    if (hidden.has(row)) {
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

/** The previous period, read back from an earlier consolidated workbook ("Tổng hợp" sheet). */
import { cellAt, type SheetSnapshot } from '../grid/sheet';
import { normalizeCode } from '../form/form-layout';
import type { WorkbookMeta } from '../form/metadata';
import type { Template } from '../template/model';
import { foldKey, normalizeText } from '../text/normalize';
import { parseVietnameseNumber } from '../text/number-parse';
import { unitMatcher } from '../units/unit-list';
import { CONSOLIDATION_SHEET_NAME, PERIOD_TITLE_PREFIX, TRAILING_HEADERS } from './sheet-names';

export interface PreviousPeriod {
  /** "Năm 2023", as written in the earlier workbook. */
  label: string;
  totals: Record<string, number>;
  /** Per unit (names as on the current unit list), when the earlier workbook had unit columns. */
  byUnit: Record<string, Record<string, number>>;
}

export class PreviousPeriodError extends Error {}

function asNumber(v: unknown, kind: 'I' | 'D'): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const p = parseVietnameseNumber(v, kind);
  return p.status === 'number' ? p.value : undefined;
}

export function readPreviousPeriod(
  sheets: SheetSnapshot[],
  meta: WorkbookMeta | null,
  template: Template,
  units: readonly string[],
): PreviousPeriod {
  const sheet = sheets.find((s) => foldKey(s.name) === foldKey(CONSOLIDATION_SHEET_NAME)) ?? sheets[0];
  if (!sheet) throw new PreviousPeriodError('Tệp kỳ trước không có trang tính nào.');
  let header = -1;
  let codeCol = -1;
  let totalCol = -1;
  for (let r = 0; r < Math.min(sheet.values.length, 60) && header < 0; r++) {
    const keys = (sheet.values[r] ?? []).map((v) => foldKey(String(v ?? '')));
    codeCol = keys.indexOf('ma so');
    totalCol = keys.indexOf('tong cong');
    if (codeCol >= 0 && totalCol >= 0) header = r;
  }
  if (header < 0) {
    throw new PreviousPeriodError(
      `Tệp kỳ trước không có bảng tổng hợp (trang "${CONSOLIDATION_SHEET_NAME}" với cột "Mã số" và "Tổng cộng").`);
  }
  const headerRow = sheet.values[header];
  const trailing = new Set(TRAILING_HEADERS.map(foldKey));
  const matchUnit = unitMatcher(units);
  const unitCols: { unit: string; col: number }[] = [];
  for (let c = totalCol + 1; c < headerRow.length; c++) {
    const text = normalizeText(String(headerRow[c] ?? ''));
    if (!text || trailing.has(foldKey(text))) break;
    const unit = matchUnit(text);
    if (unit) unitCols.push({ unit, col: c });
  }
  const kinds = new Map(template.indicators.map((i) => [i.code, i.kind]));
  const totals: Record<string, number> = {};
  const byUnit: Record<string, Record<string, number>> = {};
  for (let r = header + 1; r < sheet.values.length; r++) {
    const code = normalizeCode(cellAt(sheet.values, r, codeCol));
    const kind = kinds.get(code);
    if (!kind) continue;
    const total = asNumber(cellAt(sheet.values, r, totalCol), kind);
    if (total !== undefined) totals[code] = total;
    for (const { unit, col } of unitCols) {
      const v = asNumber(cellAt(sheet.values, r, col), kind);
      if (v !== undefined) (byUnit[unit] ??= {})[code] = v;
    }
  }
  if (Object.keys(totals).length === 0) {
    throw new PreviousPeriodError('Bảng tổng hợp kỳ trước không có số liệu nào khớp Mã số của mẫu đang dùng.');
  }
  return { label: meta?.period || titlePeriod(sheet, header) || 'kỳ trước', totals, byUnit };
}

function titlePeriod(sheet: SheetSnapshot, before: number): string | null {
  for (let r = 0; r < before; r++) {
    for (const v of sheet.values[r] ?? []) {
      const text = normalizeText(String(v ?? ''));
      if (foldKey(text).startsWith(foldKey(PERIOD_TITLE_PREFIX))) return text.slice(text.indexOf(':') + 1).trim() || null;
    }
  }
  return null;
}

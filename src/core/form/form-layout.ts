/** Shared facts about the district form's table: the header labels and how a code is written. */
import { foldKey } from '../text/normalize';

export const FORM_SHEET_NAME = 'Biểu chỉ tiêu';
export const FORM_HEADER = ['TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Số liệu', 'Ghi chú'] as const;
export const UNIT_LABEL = 'Đơn vị báo cáo:';
export const PERIOD_LABEL = 'Kỳ báo cáo:';
export const UNIT_PREFIX = 'Hội CCB';

export type FormColumn = 'tt' | 'label' | 'code' | 'unit' | 'value' | 'note';

const HEADER_KEYS: Record<string, FormColumn> = {
  tt: 'tt',
  stt: 'tt',
  'chi tieu': 'label',
  'noi dung': 'label',
  'ma so': 'code',
  ma: 'code',
  'don vi tinh': 'unit',
  dvt: 'unit',
  'so lieu': 'value',
  'ket qua': 'value',
  'ghi chu': 'note',
};

export function headerColumn(text: string): FormColumn | null {
  return HEADER_KEYS[foldKey(text)] ?? null;
}

/** "1" / 1 / " 01 " → "01"; anything that is not a whole number → "". */
export function normalizeCode(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v).padStart(2, '0') : '';
  if (typeof v !== 'string') return '';
  const t = v.trim();
  if (t.length === 0 || t.length > 4) return '';
  // Digit by digit: this runs on every row of every return, and a regular expression costs more.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return '';
  }
  return t.padStart(2, '0');
}

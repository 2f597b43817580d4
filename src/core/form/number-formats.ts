import type { IndicatorKind } from '../template/model';

/**
 * Number formats are stored with Excel's invariant symbols; Excel shows "#,##0" as "#.##0"
 * (37.090) and "#,##0.0" as "#.##0,0" (898,3) under Vietnamese regional settings.
 */
export const WHOLE_FORMAT = '#,##0';
export const ONE_DECIMAL_FORMAT = '#,##0.0';

export function numberFormatFor(kind: IndicatorKind, value?: number): string {
  if (kind === 'I') return WHOLE_FORMAT;
  if (value !== undefined && Number.isInteger(value)) return WHOLE_FORMAT;
  return ONE_DECIMAL_FORMAT;
}

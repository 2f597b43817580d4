import type { Severity } from '../template/model';

/** One problem (or remark) about a return, a rule or the provincial total. */
export interface Finding {
  severity: Severity;
  /** Unit name as on the unit list; null for file-level problems before a unit is known and for the provincial total. */
  unit: string | null;
  file: string | null;
  sheet: string | null;
  /** A1 address or null. */
  cell: string | null;
  /** Mã số or null. */
  code: string | null;
  /** Stable rule id, e.g. "negative", "text-number", "rule:12+13<=11". */
  rule: string;
  /** Vietnamese: what is wrong and which value was read. */
  message: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

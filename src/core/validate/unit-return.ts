import type { FormReading } from '../form/form-reader';
import type { Finding } from './finding';

export type ReturnStatus = 'ok' | 'warnings' | 'errors';

/** A received file after checking: which unit it belongs to and what was found. */
export interface UnitReturn {
  file: string;
  /** Name as on the unit list; null when the return belongs to no listed unit. */
  unit: string | null;
  sheet: string | null;
  reading: FormReading | null;
  findings: Finding[];
  status: ReturnStatus;
}

export function statusOf(findings: readonly Finding[]): ReturnStatus {
  if (findings.some((f) => f.severity === 'error')) return 'errors';
  if (findings.some((f) => f.severity === 'warning')) return 'warnings';
  return 'ok';
}

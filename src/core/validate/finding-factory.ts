import type { Severity } from '../template/model';
import type { Finding } from './finding';

export interface FindingPlace {
  unit?: string | null;
  file?: string | null;
  sheet?: string | null;
  cell?: string | null;
  code?: string | null;
}

export function finding(severity: Severity, rule: string, message: string, place: FindingPlace = {}): Finding {
  return {
    severity,
    unit: place.unit ?? null,
    file: place.file ?? null,
    sheet: place.sheet ?? null,
    cell: place.cell ?? null,
    code: place.code ?? null,
    rule,
    message,
  };
}

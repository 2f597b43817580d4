/** The whole check-and-total job on already-opened returns; the CLI and the task pane both call this. */
import { consolidate, type Consolidation } from './consolidate/consolidate';
import type { PreviousPeriod } from './consolidate/previous-period';
import type { Template } from './template/model';
import { SEVERITY_ORDER, type Finding } from './validate/finding';
import type { ReturnInput } from './validate/return-input';
import type { ReturnStatus } from './validate/unit-return';
import { validateReturns, type ValidationResult } from './validate/validate-returns';

export interface JobOptions {
  units: readonly string[];
  period?: string | null;
  previous?: PreviousPeriod | null;
  includeErrors?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface JobResult {
  validation: ValidationResult;
  consolidation: Consolidation;
  /** Every finding: per return in unit-list order, then those on the provincial total. */
  findings: Finding[];
}

export function runJob(template: Template, inputs: readonly ReturnInput[], options: JobOptions): JobResult {
  const validation = validateReturns(template, inputs, options);
  const consolidation = consolidate(validation, { includeErrors: options.includeErrors, previous: options.previous });
  // Only returns with findings add to the list: the others need no sorting.
  const withFindings = validation.returns.filter((r) => r.findings.length > 0);
  const order = new Map(validation.units.map((u, i) => [u, i]));
  withFindings.sort(
    (a, b) => (order.get(a.unit ?? '') ?? Infinity) - (order.get(b.unit ?? '') ?? Infinity) || a.file.localeCompare(b.file));
  const findings: Finding[] = [];
  for (const r of withFindings) {
    const sorted = r.findings.length === 1 ? r.findings : [...r.findings].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
    for (const f of sorted) findings.push(f);
  }
  for (const f of consolidation.totalFindings) findings.push(f);
  return { validation, consolidation, findings };
}

export interface JsonReport {
  template: { id: string; version: string };
  period: string | null;
  units: { unit: string | null; file: string; sheet: string | null; status: ReturnStatus }[];
  missingUnits: string[];
  issues: Finding[];
}

export function jsonReport(result: JobResult): JsonReport {
  const v = result.validation;
  return {
    template: { id: v.template.id, version: v.template.version },
    period: v.period,
    units: v.returns.map((r) => ({ unit: r.unit, file: r.file, sheet: r.sheet, status: r.status })),
    missingUnits: v.missingUnits,
    issues: result.findings,
  };
}

/** 0: no errors; 1: at least one error. (2, bad usage or nothing readable, is decided by the caller.) */
export function exitCodeFor(result: JobResult): 0 | 1 {
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

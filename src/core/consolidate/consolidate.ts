/** Sum the usable returns into the provincial total, keeping each unit's figures for traceability. */
import type { Template } from '../template/model';
import type { Finding } from '../validate/finding';
import { checkRules } from '../validate/rule-checks';
import type { UnitReturn } from '../validate/unit-return';
import type { ValidationResult } from '../validate/validate-returns';
import type { PreviousPeriod } from './previous-period';

export type UnitState = 'included' | 'errors-excluded' | 'duplicate' | 'missing';

export interface RosterRow {
  unit: string;
  state: UnitState;
  files: string[];
  errors: number;
  warnings: number;
  /** The return whose figures count for this unit (when included). */
  used: UnitReturn | null;
}

export interface Consolidation {
  template: Template;
  period: string | null;
  /** Unit names in unit-list order: one column each. */
  units: string[];
  roster: RosterRow[];
  /** Returns that belong to no listed unit (never in the total). */
  unlisted: UnitReturn[];
  /** Included units' figures, by unit then code (the readings' own objects: read-only). */
  byUnit: Record<string, Readonly<Record<string, number>>>;
  totals: Record<string, number>;
  previous: PreviousPeriod | null;
  /** Rule findings on the provincial total (unit: null). */
  totalFindings: Finding[];
}

export interface ConsolidateOptions {
  /** Put units whose return has errors into the total anyway (their unreadable cells still count as nothing). */
  includeErrors?: boolean;
  previous?: PreviousPeriod | null;
}

/** Sums of one-decimal figures must print as entered: 898.3, not 898.2999999 (15 significant digits are exact in a double). */
export function roundSum(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}

function rosterRow(unit: string, returns: UnitReturn[], includeErrors: boolean): RosterRow {
  const findings = returns.flatMap((r) => r.findings);
  const row = {
    unit,
    files: returns.map((r) => r.file),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
  if (returns.length === 0) return { ...row, state: 'missing', used: null };
  if (returns.length > 1) return { ...row, state: 'duplicate', used: null };
  const only = returns[0];
  if (only.status === 'errors' && !includeErrors) return { ...row, state: 'errors-excluded', used: null };
  return { ...row, state: 'included', used: only };
}

export function consolidate(validation: ValidationResult, options: ConsolidateOptions = {}): Consolidation {
  const { template } = validation;
  const byUnitReturns = new Map<string, UnitReturn[]>(validation.units.map((u) => [u, []]));
  for (const r of validation.returns) if (r.unit) byUnitReturns.get(r.unit)?.push(r);
  const roster = validation.units.map((u) => rosterRow(u, byUnitReturns.get(u) ?? [], !!options.includeErrors));

  const byUnit: Record<string, Record<string, number>> = {};
  const totals: Record<string, number> = {};
  for (const ind of template.indicators) totals[ind.code] = 0;
  for (const row of roster) {
    if (!row.used?.reading) continue;
    byUnit[row.unit] = row.used.reading.values;
    for (const ind of template.indicators) totals[ind.code] += row.used.reading.values[ind.code] ?? 0;
  }
  for (const ind of template.indicators) totals[ind.code] = roundSum(totals[ind.code]);
  const previous = options.previous ?? null;
  const totalFindings = roster.some((r) => r.state === 'included')
    ? checkRules(template, { values: totals, previous: previous?.totals, place: (code) => ({ code }) })
    : [];
  return {
    template,
    period: validation.period,
    units: [...validation.units],
    roster,
    unlisted: validation.returns.filter((r) => r.unit === null),
    byUnit,
    totals,
    previous,
    totalFindings,
  };
}

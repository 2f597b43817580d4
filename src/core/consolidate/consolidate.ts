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

function rosterRow(unit: string, returns: readonly UnitReturn[], includeErrors: boolean): RosterRow {
  let errors = 0;
  let warnings = 0;
  for (const r of returns) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
  }
  const files = returns.map((r) => r.file);
  const only = returns.length === 1 ? returns[0] : null;
  const state: UnitState = returns.length === 0 ? 'missing'
    : !only ? 'duplicate'
    : only.status === 'errors' && !includeErrors ? 'errors-excluded'
    : 'included';
  return { unit, files, errors, warnings, state, used: state === 'included' ? only : null };
}

const NO_RETURNS: readonly UnitReturn[] = [];

export function consolidate(validation: ValidationResult, options: ConsolidateOptions = {}): Consolidation {
  const { template } = validation;
  // A return's unit is always a listed one: it was matched against the list.
  const byUnitReturns = new Map<string, UnitReturn[]>();
  for (const r of validation.returns) {
    if (!r.unit) continue;
    const group = byUnitReturns.get(r.unit);
    if (group) group.push(r);
    else byUnitReturns.set(r.unit, [r]);
  }
  const roster = validation.units.map((u) => rosterRow(u, byUnitReturns.get(u) ?? NO_RETURNS, !!options.includeErrors));

  const byUnit: Record<string, Record<string, number>> = {};
  const codes = template.indicators.map((ind) => ind.code);
  // Summed by indicator position, in roster order (the same additions as by code, without the lookups).
  const sums = new Float64Array(codes.length);
  for (const row of roster) {
    if (!row.used?.reading) continue;
    const values = row.used.reading.values;
    byUnit[row.unit] = values;
    for (let i = 0; i < codes.length; i++) sums[i] += values[codes[i]] ?? 0;
  }
  const totals: Record<string, number> = {};
  codes.forEach((code, i) => (totals[code] = roundSum(sums[i])));
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

/** Check every received file against the template, the unit list and the period. */
import { fileFailureMessage, fileFailureRule } from '../form/file-kind';
import { readForm } from '../form/form-reader';
import type { PreviousPeriod } from '../consolidate/previous-period';
import type { Template } from '../template/model';
import { foldKey } from '../text/normalize';
import { unitMatcher, type UnitMatcher } from '../units/unit-list';
import type { Finding } from './finding';
import { finding } from './finding-factory';
import { checkTemplateAndPeriod, identifyUnit } from './identity-checks';
import type { ReturnInput } from './return-input';
import { checkRules } from './rule-checks';
import { statusOf, type UnitReturn } from './unit-return';

export interface ValidateOptions {
  units: readonly string[];
  /** The period being consolidated; returns of another period are errors. */
  period?: string | null;
  previous?: PreviousPeriod | null;
  /** Called after each file, for progress display. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ValidationResult {
  template: Template;
  period: string | null;
  units: string[];
  returns: UnitReturn[];
  missingUnits: string[];
}

function checkOne(input: ReturnInput, template: Template, options: ValidateOptions, matchUnit: UnitMatcher): UnitReturn {
  if ('failure' in input) {
    const f = finding('error', fileFailureRule(input.failure), fileFailureMessage(input.failure, input.detail), { file: input.file });
    return { file: input.file, unit: null, sheet: null, reading: null, findings: [f], status: 'errors' };
  }
  const reading = readForm(input.workbook, template);
  if (!reading.sheet) {
    return { file: input.file, unit: null, sheet: null, reading, findings: reading.findings, status: 'errors' };
  }
  const identity = identifyUnit(reading, matchUnit);
  const unit = identity.unit;
  const findings: Finding[] = identity.findings.concat(
    checkTemplateAndPeriod(reading, template, options.period ?? null),
    reading.findings,
  );
  if (unit) {
    findings.push(...checkRules(template, {
      values: reading.values,
      previous: options.previous?.byUnit[unit],
      place: (code) => ({ file: reading.file, sheet: reading.sheet, cell: reading.cells[code] ?? null, code }),
    }));
  }
  const withUnit = findings.map((f) => ({ ...f, unit }));
  return { file: input.file, unit, sheet: reading.sheet, reading, findings: withUnit, status: statusOf(withUnit) };
}

function flagDuplicates(returns: UnitReturn[]): void {
  const byUnit = new Map<string, UnitReturn[]>();
  for (const r of returns) {
    if (!r.unit) continue;
    const group = byUnit.get(r.unit);
    if (group) group.push(r);
    else byUnit.set(r.unit, [r]);
  }
  for (const [unit, group] of byUnit) {
    if (group.length < 2) continue;
    const files = group.map((g) => g.file).sort().join(', ');
    for (const r of group) {
      r.findings.push(finding('error', 'unit-duplicate',
        `Có ${group.length} biểu của đơn vị ${unit} (${files}); không biết dùng biểu nào. Bỏ tệp thừa rồi kiểm tra lại.`,
        { unit, file: r.file, sheet: r.sheet }));
      r.status = 'errors';
    }
  }
}

/** Without a given period, returns that name another period than most do are suspicious, not wrong. */
function flagOtherPeriods(returns: UnitReturn[], period: string): void {
  for (const r of returns) {
    const written = r.reading?.visiblePeriod ?? r.reading?.meta?.period;
    if (!written || foldKey(written) === foldKey(period)) continue;
    r.findings.push(finding('warning', 'period-differs',
      `Biểu ghi kỳ báo cáo "${written}", khác kỳ "${period}" của đa số biểu; kiểm tra lại hoặc chạy với --period.`,
      { unit: r.unit, file: r.file, sheet: r.sheet }));
    if (r.status === 'ok') r.status = 'warnings';
  }
}

/** The most common period written on the returns, when none was given. */
function commonPeriod(returns: UnitReturn[]): string | null {
  const counts = new Map<string, { text: string; n: number }>();
  for (const r of returns) {
    const p = r.reading?.visiblePeriod ?? r.reading?.meta?.period;
    if (!p) continue;
    const key = foldKey(p);
    counts.set(key, { text: counts.get(key)?.text ?? p, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.text ?? null;
}

export function validateReturns(template: Template, inputs: readonly ReturnInput[], options: ValidateOptions): ValidationResult {
  const matchUnit = unitMatcher(options.units);
  const returns = inputs.map((input, i) => {
    const r = checkOne(input, template, options, matchUnit);
    options.onProgress?.(i + 1, inputs.length, input.file);
    return r;
  });
  flagDuplicates(returns);
  const period = options.period ?? commonPeriod(returns);
  if (!options.period && period) flagOtherPeriods(returns, period);
  const received = new Set(returns.map((r) => r.unit).filter((u): u is string => u !== null));
  return {
    template,
    period,
    units: [...options.units],
    returns,
    missingUnits: options.units.filter((u) => !received.has(u)),
  };
}

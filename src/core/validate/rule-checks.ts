/** The template's own rules, on one unit's figures or on the provincial total. */
import { ruleCodeList } from '../template/expr-eval';
import type { Rule, Template } from '../template/model';
import { evaluateRule, ruleFails } from '../template/rule-eval';
import type { Finding } from './finding';
import { finding, type FindingPlace } from './finding-factory';

const codesCache = new WeakMap<Rule, string[]>();

/** The codes a rule names, each once. */
function ruleCodes(rule: Rule): string[] {
  let codes = codesCache.get(rule);
  if (!codes) {
    codes = [...new Set(ruleCodeList(rule.body))];
    codesCache.set(rule, codes);
  }
  return codes;
}

/** The severity is shown beside the message already. */
function withoutSeverity(text: string): string {
  return text.replace(/^\s*(lỗi|loi|cảnh báo|canh bao)\s*:?\s*/i, '');
}

function everyCodeRead(codes: readonly string[], values: Record<string, number>): boolean {
  for (const c of codes) if (values[c] === undefined) return false;
  return true;
}

export interface RuleSubject {
  values: Record<string, number>;
  previous?: Record<string, number>;
  /** Where a finding about `code` points. */
  place: (code: string) => FindingPlace;
}

/** Rules whose codes could not all be read are skipped: the unreadable cell is already an error. */
export function checkRules(template: Template, subject: RuleSubject): Finding[] {
  const findings: Finding[] = [];
  const values = (code: string): number => subject.values[code] ?? 0;
  const previous = subject.previous ? (code: string) => subject.previous?.[code] : undefined;
  for (const rule of template.rules) {
    if (!everyCodeRead(ruleCodes(rule), subject.values)) continue;
    // Most rules hold: the full evaluation, with its detail text, only for those that do not.
    if (!ruleFails(rule, values, previous)) continue;
    const result = evaluateRule(rule, values, previous);
    if (!result.applicable || result.holds) continue;
    findings.push(finding(rule.severity, rule.id,
      `Ràng buộc "${withoutSeverity(rule.text)}" không thỏa: ${result.detail}.`, subject.place(rule.anchorCode)));
  }
  return findings;
}

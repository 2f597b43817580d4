/** Drafts the report: the report template's paragraphs filled with the consolidation's figures. */
import type { Consolidation } from '../consolidate/consolidate';
import type { Finding } from '../validate/finding';
import { fillPlain, fillSegments, type FillContext } from './fill';
import type { Block, Report, ReportSettings, Run } from './model';
import { compileReportTemplate, SETTING_KEYS, type ReportTemplate } from './report-template';
import type { FactName } from './text-template';

export interface DraftOptions {
  /** Findings of the job (runJob().findings); by default those kept on the consolidation's returns and total. */
  findings?: readonly Finding[];
  /** Replace settings of the template; taken as written (no fields filled). */
  settings?: Partial<ReportSettings>;
  /** The period, when the consolidation does not know it. */
  period?: string | null;
}

/** At most this many findings are listed in one comment. */
const MAX_NOTES = 6;
const MAX_NOTE_LENGTH = 160;
const TOTAL_LABEL = 'Tổng toàn tỉnh';

/** The first sentence of a finding's message, cut to a comment-sized length. */
export function shortMessage(message: string): string {
  const first = message.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0].replace(/[.\s]+$/, '');
  return first.length <= MAX_NOTE_LENGTH ? first : `${first.slice(0, MAX_NOTE_LENGTH - 1).trimEnd()}…`;
}

function unitLists(c: Consolidation): { missing: string[]; excluded: string[]; duplicate: string[] } {
  const of = (state: string) => c.roster.filter((r) => r.state === state).map((r) => r.unit);
  return { missing: of('missing'), excluded: of('errors-excluded'), duplicate: of('duplicate') };
}

/** "chưa báo cáo: Tây Giang; có lỗi, chưa tính: Hội An; trùng biểu, chưa tính: Phú Ninh" ("" when all are in). */
export function notIncludedText(c: Consolidation): string {
  const { missing, excluded, duplicate } = unitLists(c);
  const parts: string[] = [];
  if (missing.length) parts.push(`chưa báo cáo: ${missing.join(', ')}`);
  if (excluded.length) parts.push(`có lỗi, chưa tính: ${excluded.join(', ')}`);
  if (duplicate.length) parts.push(`trùng biểu, chưa tính: ${duplicate.join(', ')}`);
  return parts.join('; ');
}

/** The last four-digit year in the period ("6 tháng đầu năm 2024" → "2024"). */
export function yearOf(period: string | null): string | null {
  const years = period?.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g);
  return years ? years[years.length - 1] : null;
}

function findingsOf(c: Consolidation): Finding[] {
  return [...c.roster.flatMap((r) => (r.state === 'included' && r.used ? r.used.findings : [])), ...c.totalFindings];
}

/**
 * Reviewer notes per code: open warnings (and errors, when units with errors were included) on
 * the returns of included units, and rule findings on the provincial total.
 */
function notesIndex(c: Consolidation, findings: readonly Finding[]): (codes: readonly string[]) => string[] {
  const included = new Set(c.roster.filter((r) => r.state === 'included').map((r) => r.unit));
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'info' || f.code === null) continue;
    const onIncluded = f.unit !== null && included.has(f.unit);
    const onTotal = f.unit === null && f.file === null;
    if (!onIncluded && !onTotal) continue;
    const list = byCode.get(f.code) ?? [];
    if (!list.includes(f)) list.push(f);
    byCode.set(f.code, list);
  }
  return (codes) => {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const code of codes) {
      for (const f of byCode.get(code) ?? []) {
        const line = `- ${f.unit ?? TOTAL_LABEL} (mã ${f.code}, ${f.severity === 'error' ? 'lỗi' : 'cảnh báo'}): ${shortMessage(f.message)}`;
        if (seen.has(line)) continue;
        seen.add(line);
        lines.push(line);
      }
    }
    if (lines.length === 0) return [];
    const shown = lines.slice(0, MAX_NOTES);
    if (lines.length > MAX_NOTES) shown.push(`- … và ${lines.length - MAX_NOTES} mục khác (xem trang "Kiểm tra")`);
    return ['Cần xem lại: số liệu này dựa trên biểu còn cảnh báo chưa xử lý.', ...shown];
  };
}

export function fillContext(c: Consolidation, options: DraftOptions = {}): FillContext {
  const period = options.period ?? c.period;
  const included = c.roster.filter((r) => r.state === 'included').map((r) => ({ unit: r.unit, values: c.byUnit[r.unit] ?? {} }));
  const { missing, excluded, duplicate } = unitLists(c);
  const facts: Record<FactName, string | number | null> = {
    period: period && period.trim() !== '' ? period.trim() : null,
    previousLabel: c.previous ? c.previous.label : null,
    year: yearOf(period),
    includedCount: included.length,
    expectedCount: c.units.length,
    missingUnits: missing.join(', '),
    excludedUnits: [...excluded, ...duplicate].join(', '),
    notIncluded: notIncludedText(c),
  };
  return {
    totals: c.totals,
    previous: c.previous,
    units: c.units,
    included,
    facts,
    notesFor: notesIndex(c, options.findings ?? findingsOf(c)),
  };
}

function withPrefix(prefix: string, runs: Run[]): Run[] {
  if (runs.length > 0 && runs[0].comment === undefined) return [{ ...runs[0], text: prefix + runs[0].text }, ...runs.slice(1)];
  return [{ text: prefix }, ...runs];
}

/**
 * The report drafted from `consolidation`. Throws TemplateError when the report template refers
 * to codes the consolidation's indicator template does not have.
 */
export function draftReport(consolidation: Consolidation, reportTemplate: ReportTemplate, options: DraftOptions = {}): Report {
  const compiled = compileReportTemplate(reportTemplate, consolidation.template);
  const ctx = fillContext(consolidation, options);

  const blocks: Block[] = compiled.paragraphs.map((p) => {
    const prefix = p.style === 'bullet' ? '- ' : '';
    const runs = fillSegments(p.segments, ctx, prefix);
    return { style: p.style, runs: prefix ? withPrefix(prefix, runs) : runs };
  });

  if (ctx.facts.includedCount !== ctx.facts.expectedCount) {
    const runs = fillSegments(compiled.coverage, ctx).map((r) => ({ ...r, italic: true }));
    const at = blocks.findIndex((b) => b.style === 'heading1');
    blocks.splice(at < 0 ? 0 : at, 0, { style: 'body', runs });
  }

  const settings = {} as ReportSettings;
  for (const key of SETTING_KEYS) settings[key] = fillPlain(compiled.settings[key], ctx);
  settings.recipients = compiled.recipients.map((r) => fillPlain(r, ctx));
  for (const [key, value] of Object.entries(options.settings ?? {}) as [keyof ReportSettings, unknown][]) {
    if (value === undefined) continue;
    if (key === 'recipients') settings.recipients = [...(value as string[])];
    else settings[key] = value as string;
  }
  return { settings, blocks };
}

/** Fills a parsed paragraph (see text-template.ts) with the consolidation's figures. */
import { roundSum } from '../consolidate/consolidate';
import { DivisionByZero, evaluateExpr, MissingValue } from '../template/expr-eval';
import type { Expr } from '../template/model';
import { formatFixed, formatNumber, formatPadded } from '../text/number-format';
import type { Run } from './model';
import { FACTS, type Field, type FactName, type Format, type Segment } from './text-template';

/** Everything a field may draw on. */
export interface FillContext {
  totals: Record<string, number>;
  /** Previous period's totals and per-unit figures; null when no earlier workbook was given. */
  previous: { label: string; totals: Record<string, number>; byUnit: Record<string, Record<string, number>> } | null;
  /** Every expected unit, in unit-list order. */
  units: readonly string[];
  /** Units in the total, in unit-list order, with their figures. */
  included: { unit: string; values: Record<string, number> }[];
  /** Text or number of each named fact; null when unknown (e.g. no period). */
  facts: Record<FactName, string | number | null>;
  /** Reviewer notes about the current figures of these codes (open warnings on the returns behind them). */
  notesFor: (codes: readonly string[]) => string[];
}

/** A value while formats apply; mirrors the stages of the static check in text-template.ts. */
type Value =
  | { t: 'expr'; expr: Expr; previous: boolean }
  | { t: 'number'; value: number }
  | { t: 'list'; items: { unit: string; value: number }[]; format?: (n: number) => string }
  | { t: 'text'; text: string; sentenceCase?: boolean };

/** A field that cannot be filled: shown in brackets, with the reason as a comment. */
class Unfillable {
  constructor(readonly text: string, readonly reason: string) {}
}

/** Sums of one-decimal figures read as entered: 898,3, not 898,2999999. */
function evaluate(e: Expr, read: (code: string) => number | undefined): number {
  return roundSum(evaluateExpr(e, read));
}

function exprLabel(e: Expr): string {
  switch (e.type) {
    case 'code':
      return `mã ${e.code}`;
    case 'number':
      return formatNumber(e.value, 6);
    case 'neg':
      return `-(${exprLabel(e.operand)})`;
    case 'binary':
      return `(${exprLabel(e.left)} ${e.op} ${exprLabel(e.right)})`;
  }
}

const NO_PREVIOUS = '[chưa có số liệu kỳ trước]';

function previousTotals(ctx: FillContext, field: Field): Record<string, number> {
  if (!ctx.previous) {
    throw new Unfillable(NO_PREVIOUS, `Chưa có số liệu kỳ trước cho ${field.raw}: chọn bảng tổng hợp kỳ trước rồi soạn lại.`);
  }
  return ctx.previous.totals;
}

function numberOf(v: Value, ctx: FillContext, field: Field): number {
  if (v.t === 'number') return v.value;
  if (v.t !== 'expr') throw new Error(`internal: number expected for ${field.raw}`);
  const values = v.previous ? previousTotals(ctx, field) : ctx.totals;
  try {
    return evaluate(v.expr, (code) => values[code]);
  } catch (e) {
    if (e instanceof MissingValue) {
      throw v.previous
        ? new Unfillable(NO_PREVIOUS, `Bảng tổng hợp kỳ trước không có số liệu mã ${e.code} (${field.raw}).`)
        : new Unfillable('[thiếu số liệu]', `Không có số liệu mã ${e.code} (${field.raw}).`);
    }
    if (e instanceof DivisionByZero) {
      throw new Unfillable('[không tính được]', `Không tính được ${field.raw}: ${exprLabel(e.denominator)} bằng 0.`);
    }
    throw e;
  }
}

function formatDefault(n: number): string {
  return formatNumber(n, 1);
}

/** Whole numbers below 10 written "01"… as the breakdowns in body text are. */
function formatListItem(n: number): string {
  return Number.isInteger(n) && n >= 0 ? formatPadded(n, 2) : formatNumber(n, 1);
}

function numberFormatter(f: Format): (n: number) => string {
  switch (f.type) {
    case 'decimals':
      return (n) => formatFixed(n, f.digits);
    case 'pad':
      return (n) => formatPadded(n, f.width);
    case 'percent':
      return (n) => `${formatNumber(n * 100, 1)}%`;
    default:
      throw new Error(`internal: ${f.type} is not a number format`);
  }
}

function textOf(v: Value, ctx: FillContext, field: Field): string {
  switch (v.t) {
    case 'text':
      return v.text;
    case 'list':
      return v.items.map((i) => `${i.unit}: ${(v.format ?? formatListItem)(i.value)}`).join('; ');
    default:
      return formatDefault(numberOf(v, ctx, field));
  }
}

function byUnit(v: Value & { t: 'expr' }, ctx: FillContext, field: Field): { unit: string; value: number }[] {
  let rows: { unit: string; values: Record<string, number> }[] = ctx.included;
  if (v.previous) {
    const prev = ctx.previous;
    if (!prev) {
      previousTotals(ctx, field);
      return [];
    }
    rows = ctx.units.flatMap((unit) => (prev.byUnit[unit] ? [{ unit, values: prev.byUnit[unit] }] : []));
  }
  const items: { unit: string; value: number }[] = [];
  for (const row of rows) {
    let value: number;
    try {
      value = evaluate(v.expr, (code) => row.values[code] ?? 0);
    } catch (e) {
      // A unit whose ratio cannot be computed (denominator 0) has nothing to show.
      if (e instanceof DivisionByZero) continue;
      throw e;
    }
    if (value !== 0 && Number.isFinite(value)) items.push({ unit: row.unit, value });
  }
  return items;
}

function changeWords(cur: number, prev: number): string {
  const d = roundSum(cur - prev);
  const magnitude = formatNumber(Math.abs(d), 1);
  if (magnitude === '0') return 'không đổi';
  return `${d > 0 ? 'tăng' : 'giảm'} ${magnitude}`;
}

function applyFormat(v: Value, f: Format, ctx: FillContext, field: Field): Value {
  switch (f.type) {
    case 'previous':
      if (v.t !== 'expr') throw new Error('internal: previous on a non-expression');
      return { ...v, previous: true };
    case 'change': {
      if (v.t !== 'expr') throw new Error('internal: change on a non-expression');
      const cur = numberOf(v, ctx, field);
      const prev = numberOf({ ...v, previous: true }, ctx, field);
      return { t: 'text', text: changeWords(cur, prev) };
    }
    case 'byUnit':
      if (v.t !== 'expr') throw new Error('internal: byUnit on a non-expression');
      return { t: 'list', items: byUnit(v, ctx, field) };
    case 'decimals':
    case 'pad':
    case 'percent':
      if (v.t === 'list') return { ...v, format: numberFormatter(f) };
      return { t: 'text', text: numberFormatter(f)(numberOf(v, ctx, field)) };
    case 'paren': {
      const text = textOf(v, ctx, field);
      return { t: 'text', text: text === '' ? '' : `(${text})` };
    }
    case 'lower':
      return { t: 'text', text: textOf(v, ctx, field).toLocaleLowerCase('vi') };
    case 'upper':
      return { t: 'text', text: textOf(v, ctx, field).toLocaleUpperCase('vi') };
    case 'capitalize': {
      const text = textOf(v, ctx, field);
      return { t: 'text', text: text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) };
    }
  }
}

const MISSING_FACT: Partial<Record<FactName, [string, string]>> = {
  period: ['[chưa rõ kỳ báo cáo]', 'Chưa rõ kỳ báo cáo: ghi kỳ báo cáo khi tổng hợp.'],
  previousLabel: ['[chưa có kỳ trước]', 'Chưa có bảng tổng hợp kỳ trước: chọn bảng tổng hợp kỳ trước rồi soạn lại.'],
  year: ['[chưa rõ năm]', 'Không tìm thấy năm (bốn chữ số) trong kỳ báo cáo.'],
};

function sourceValue(field: Field, ctx: FillContext): Value {
  const s = field.source;
  if (s.type === 'expr') return { t: 'expr', expr: s.expr, previous: false };
  const v = ctx.facts[s.fact];
  if (v === null || v === undefined) {
    const [text, reason] = MISSING_FACT[s.fact] ?? ['[…]', `Không có số liệu cho ${field.raw}.`];
    throw new Unfillable(text, reason);
  }
  if (typeof v === 'number') return { t: 'number', value: v };
  return { t: 'text', text: v, sentenceCase: FACTS[s.fact].sentenceCase };
}

interface FilledField {
  text: string;
  comment?: string;
  /** The period labels adapt their first letter to where they sit. */
  sentenceCase: boolean;
}

/** Uses the current figures of these codes (not the previous period's only). */
function currentCodes(field: Field): string[] {
  if (field.source.type !== 'expr') return [];
  const onlyPrevious = field.formats.some((f) => f.type === 'previous');
  return onlyPrevious ? [] : field.source.codes;
}

export function fillField(field: Field, ctx: FillContext): FilledField {
  let value: Value;
  try {
    value = sourceValue(field, ctx);
    for (const f of field.formats) value = applyFormat(value, f, ctx, field);
    const text = textOf(value, ctx, field);
    const notes = ctx.notesFor(currentCodes(field));
    return {
      text,
      comment: notes.length > 0 ? notes.join('\n') : undefined,
      sentenceCase: value.t === 'text' && !!value.sentenceCase,
    };
  } catch (e) {
    if (e instanceof Unfillable) return { text: e.text, comment: e.reason, sentenceCase: false };
    throw e;
  }
}

/** At the start of the paragraph, or after ".", "!", "?" (a leading "- " or "* " does not count). */
function atSentenceStart(before: string): boolean {
  const t = before.replace(/^\s*[-–•*+]\s+/, '').trimEnd();
  return t === '' || /[.!?…]["”’)]?$/.test(t);
}

function adaptCase(text: string, sentenceStart: boolean): string {
  if (text === '') return text;
  const first = text.charAt(0);
  if (sentenceStart) return first.toLocaleUpperCase('vi') + text.slice(1);
  // "Năm 2023" → "năm 2023", but an acronym ("QĐ…") stays as written.
  const second = text.charAt(1);
  const lowerSecond = second !== '' && second === second.toLocaleLowerCase('vi') && second !== second.toLocaleUpperCase('vi');
  return lowerSecond || second === '' || second === ' ' ? first.toLocaleLowerCase('vi') + text.slice(1) : text;
}

const SPACE_ABSORBING = /^(?:$|[\s,.;:!?)\]…])/;

/**
 * The paragraph's runs: literal text and one run per field, fields with a reviewer's note kept
 * apart so the note attaches to the figure; `prefix` (a bullet's "- ") counts as text before.
 */
export function fillSegments(segments: readonly Segment[], ctx: FillContext, prefix = ''): Run[] {
  const pieces: { text: string; comment?: string; field: boolean }[] = [];
  let before = prefix;
  for (const seg of segments) {
    if (seg.kind === 'text') {
      pieces.push({ text: seg.text, field: false });
      before += seg.text;
      continue;
    }
    const filled = fillField(seg.field, ctx);
    const text = filled.sentenceCase ? adaptCase(filled.text, atSentenceStart(before)) : filled.text;
    pieces.push({ text, comment: filled.comment, field: true });
    before += text;
  }
  dropSpacesAroundEmptyFields(pieces);
  const runs: Run[] = [];
  for (const p of pieces) {
    if (p.text === '' && p.comment === undefined) continue;
    const last = runs[runs.length - 1];
    if (p.comment === undefined && last && last.comment === undefined) {
      last.text += p.text;
      continue;
    }
    runs.push(p.comment === undefined ? { text: p.text } : { text: p.text, comment: p.comment });
  }
  return runs;
}

function dropSpacesAroundEmptyFields(pieces: { text: string; field: boolean }[]): void {
  pieces.forEach((p, i) => {
    if (!p.field || p.text !== '') return;
    const prev = pieces.slice(0, i).reverse().find((q) => q.text !== '');
    const next = pieces.slice(i + 1).find((q) => q.text !== '');
    if (prev && /\s$/.test(prev.text) && SPACE_ABSORBING.test(next?.text ?? '')) {
      prev.text = prev.text.replace(/\s$/, '');
    } else if (!prev && next) {
      next.text = next.text.replace(/^\s/, '');
    }
  });
}

/** The filled text alone (settings lines, which carry no comments). */
export function fillPlain(segments: readonly Segment[], ctx: FillContext): string {
  return fillSegments(segments, ctx).map((r) => r.text).join('');
}

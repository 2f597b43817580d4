/** Evaluates a parsed rule on one set of figures. */
import { DivisionByZero, evaluateExpr, MissingValue, ruleCodeList } from './expr-eval';
import type { CompareOp, Expr, Rule } from './model';

export interface RuleEvaluation {
  /** False when the rule cannot be judged (division by zero, no usable previous value, missing figure). */
  applicable: boolean;
  /** Whether the rule is satisfied; always true when not applicable. */
  holds: boolean;
  /** Compare: value of the left side; range: value of the expression; change: |Δ| / previous. */
  actual?: number;
  /** Short Vietnamese explanation showing the figures read, without a final period. */
  detail: string;
}

// Built on first use: an Intl formatter costs milliseconds, and most runs format no rule detail.
let formatters: { number: Intl.NumberFormat; small: Intl.NumberFormat; percent: Intl.NumberFormat } | undefined;
function viFormat() {
  return (formatters ??= {
    number: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }),
    small: new Intl.NumberFormat('vi-VN', { maximumSignificantDigits: 3 }),
    percent: new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }),
  });
}

export function formatViNumber(n: number): string {
  return n !== 0 && Math.abs(n) < 0.001 ? viFormat().small.format(n) : viFormat().number.format(n);
}

/** Relative tolerance, with a floor of 1e-9 absolute so that sums like 0,1 + 0,2 compare equal to 0,3. */
function tolerance(a: number, b: number): number {
  return 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
}

type Reader = (code: string) => number;

const repeats = new WeakMap<Rule, boolean>();

/** "12 + 12 <= 11": only such rules need a cache to read each code once; the rest read directly. */
function namesACodeTwice(rule: Rule): boolean {
  let r = repeats.get(rule);
  if (r === undefined) {
    const codes = ruleCodeList(rule.body);
    r = new Set(codes).size < codes.length;
    repeats.set(rule, r);
  }
  return r;
}

/** Reads each code once per evaluation (a rule names two or three codes: a short list beats a Map). */
function memoReader(values: (code: string) => number): Reader {
  const codes: string[] = [];
  const read: number[] = [];
  return (code) => {
    const i = codes.indexOf(code);
    if (i >= 0) return read[i];
    const v = values(code);
    codes.push(code);
    read.push(v);
    return v;
  };
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

function precedence(e: Expr): number {
  return e.type === 'binary' ? PRECEDENCE[e.op] : 3;
}

/** Renders an expression, with `leaf` deciding how codes and constants look. */
function render(e: Expr, leaf: (e: Expr & { type: 'code' | 'number' }) => string): string {
  switch (e.type) {
    case 'code':
    case 'number':
      return leaf(e);
    case 'neg': {
      const inner = render(e.operand, leaf);
      return e.operand.type === 'binary' ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const l = render(e.left, leaf);
      const r = render(e.right, leaf);
      const left = precedence(e.left) < p ? `(${l})` : l;
      const right = precedence(e.right) <= p ? `(${r})` : r;
      return `${left} ${e.op} ${right}`;
    }
  }
}

function labelOf(e: Expr): string {
  return render(e, (x) => (x.type === 'code' ? `mã ${x.code}` : formatViNumber(x.value)));
}

function withValues(e: Expr, read: Reader): string {
  return render(e, (x) => {
    const v = x.type === 'code' ? read(x.code) : x.value;
    return v < 0 ? `(${formatViNumber(v)})` : formatViNumber(v);
  });
}

/** "mã 11 = 62.950" or "mã 12 + mã 13 = 40.000 + 18.208 = 58.208". */
function describe(e: Expr, value: number, read: Reader): string {
  if (e.type === 'code') return `${labelOf(e)} = ${formatViNumber(value)}`;
  return `${labelOf(e)} = ${withValues(e, read)} = ${formatViNumber(value)}`;
}

function relation(a: number, b: number): '<' | '=' | '>' {
  if (Math.abs(a - b) <= tolerance(a, b)) return '=';
  return a < b ? '<' : '>';
}

const RELATION_WORDS = { '<': 'nhỏ hơn', '=': 'bằng', '>': 'lớn hơn' } as const;

/** The detail text is built only when read: most rules hold, and formatting numbers is the costly part. */
function withDetail(holds: boolean, actual: number, detail: () => string): RuleEvaluation {
  return {
    applicable: true,
    holds,
    actual,
    get detail() {
      return detail();
    },
  };
}

function notApplicable(detail: string): RuleEvaluation {
  return { applicable: false, holds: true, detail: `không áp dụng: ${detail}` };
}

function guarded(run: () => RuleEvaluation): RuleEvaluation {
  try {
    return run();
  } catch (e) {
    if (e instanceof DivisionByZero) {
      return notApplicable(`mẫu số ${labelOf(e.denominator)} bằng 0`);
    }
    if (e instanceof MissingValue) return notApplicable(`không có số liệu mã ${e.code}`);
    throw e;
  }
}

function compareHolds(op: CompareOp, l: number, r: number): boolean {
  const tol = tolerance(l, r);
  switch (op) {
    case '<=':
      return l <= r + tol;
    case '>=':
      return l >= r - tol;
    case '<':
      return l < r - tol;
    case '>':
      return l > r + tol;
    case '=':
      return relation(l, r) === '=';
    case '<>':
      return relation(l, r) !== '=';
  }
}

function belowRange(v: number, min: number): boolean {
  return v < min - tolerance(v, min);
}

function aboveRange(v: number, max: number): boolean {
  return v > max + tolerance(v, max);
}

function changeHolds(ratio: number, maxChange: number): boolean {
  return ratio <= maxChange + 1e-9;
}

/** A usable previous figure: change rules do not apply without one, nor when it is 0. */
function usablePrevious(prev: number | undefined): prev is number {
  return prev !== undefined && Number.isFinite(prev) && prev !== 0;
}

/**
 * The verdict of evaluateRule without its detail (the cheap question asked of every rule on every
 * return): true when the rule applies and does not hold.
 */
export function ruleFails(
  rule: Rule,
  values: (code: string) => number,
  previous?: (code: string) => number | undefined,
): boolean {
  const body = rule.body;
  try {
    switch (body.type) {
      case 'compare':
        return !compareHolds(body.op, evaluateExpr(body.left, values), evaluateExpr(body.right, values));
      case 'range': {
        const v = evaluateExpr(body.expr, values);
        return belowRange(v, body.min) || aboveRange(v, body.max);
      }
      case 'change': {
        const prev = previous?.(body.code);
        if (!usablePrevious(prev)) return false;
        return !changeHolds(Math.abs(values(body.code) - prev) / Math.abs(prev), body.maxChange);
      }
    }
  } catch (e) {
    if (e instanceof DivisionByZero || e instanceof MissingValue) return false;
    throw e;
  }
}

/**
 * Evaluates `rule` on the figures given by `values`; `previous` gives the previous period's figures
 * (change rules only). Division by zero makes the rule not applicable; comparisons use a 1e-9
 * relative tolerance.
 */
export function evaluateRule(
  rule: Rule,
  values: (code: string) => number,
  previous?: (code: string) => number | undefined,
): RuleEvaluation {
  const read = namesACodeTwice(rule) ? memoReader(values) : values;
  const body = rule.body;
  switch (body.type) {
    case 'compare':
      return guarded(() => {
        const l = evaluateExpr(body.left, read);
        const r = evaluateExpr(body.right, read);
        const rel = relation(l, r);
        return withDetail(compareHolds(body.op, l, r), l, () => `${describe(body.left, l, read)}, ${RELATION_WORDS[rel]} ${describe(body.right, r, read)}`);
      });
    case 'range':
      return guarded(() => {
        const v = evaluateExpr(body.expr, read);
        const range = () => `[${formatViNumber(body.min)}; ${formatViNumber(body.max)}]`;
        const side = () => describe(body.expr, v, read);
        if (belowRange(v, body.min)) {
          return withDetail(false, v, () => `${side()}, nhỏ hơn cận dưới của khoảng ${range()}`);
        }
        if (aboveRange(v, body.max)) {
          return withDetail(false, v, () => `${side()}, lớn hơn cận trên của khoảng ${range()}`);
        }
        return withDetail(true, v, () => `${side()}, nằm trong khoảng ${range()}`);
      });
    case 'change':
      return guarded(() => {
        const code = body.code;
        const prev = previous?.(code);
        if (prev === undefined || !Number.isFinite(prev)) {
          return notApplicable(`không có số liệu kỳ trước của mã ${code}`);
        }
        if (prev === 0) return notApplicable(`kỳ trước mã ${code} = 0`);
        const cur = read(code);
        const ratio = Math.abs(cur - prev) / Math.abs(prev);
        const movement = () =>
          relation(cur, prev) === '='
            ? 'không đổi'
            : `${cur > prev ? 'tăng' : 'giảm'} ${viFormat().percent.format(ratio)}`;
        const holds = changeHolds(ratio, body.maxChange);
        return withDetail(holds, ratio, () =>
          `mã ${code}: kỳ trước ${formatViNumber(prev)}, kỳ này ${formatViNumber(cur)}, ${movement()}` +
          ` (cho phép tối đa ${viFormat().percent.format(body.maxChange)})`);
      });
  }
}

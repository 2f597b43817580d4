/** Arithmetic over indicator codes, shared by the rule checks and the report's placeholders. */
import type { Expr, RuleBody } from './model';

/** A division whose denominator is 0: a ratio with nothing to compare, not an error in the data. */
export class DivisionByZero {
  constructor(readonly denominator: Expr) {}
}

/** A code with no usable figure. */
export class MissingValue {
  constructor(readonly code: string) {}
}

/** `read` gives a code's figure, or undefined (or a non-finite number) when there is none. */
export function evaluateExpr(e: Expr, read: (code: string) => number | undefined): number {
  switch (e.type) {
    case 'code': {
      const v = read(e.code);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new MissingValue(e.code);
      return v;
    }
    case 'number':
      return e.value;
    case 'neg':
      return -evaluateExpr(e.operand, read);
    case 'binary': {
      const l = evaluateExpr(e.left, read);
      const r = evaluateExpr(e.right, read);
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          if (r === 0) throw new DivisionByZero(e.right);
          return l / r;
      }
    }
  }
}

/** Every code a rule names, in order, repeats included ("12 + 12 <= 11" → 12, 12, 11). */
export function ruleCodeList(body: RuleBody): string[] {
  const out: string[] = [];
  const walk = (e: Expr): void => {
    if (e.type === 'code') out.push(e.code);
    else if (e.type === 'neg') walk(e.operand);
    else if (e.type === 'binary') {
      walk(e.left);
      walk(e.right);
    }
  };
  if (body.type === 'compare') {
    walk(body.left);
    walk(body.right);
  } else if (body.type === 'range') walk(body.expr);
  else out.push(body.code);
  return out;
}

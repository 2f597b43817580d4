/**
 * Parser for the rule text staff write in the "Ràng buộc" column, e.g.
 * `12 + 13 <= 11`, `cảnh báo: 28 / 27 trong [20; 200]`, `cảnh báo: biến động <= 50%`.
 */
import { foldKey, normalizeText } from '../text/normalize';
import type { CompareOp, Expr, Rule, RuleBody } from './model';
import { TemplateError } from './template-error';

type TokenKind = 'num' | 'word' | 'op' | 'cmp' | '(' | ')' | '[' | ']' | ';' | '%' | ':';

interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Canonical operator for 'op' / 'cmp' tokens. */
  op?: string;
  /** 0-based index in the rule text. */
  pos: number;
}

const CMP_SPELLINGS: [string, CompareOp][] = [
  // Longest first so that "<=" is not read as "<" then "=".
  ['<=', '<='],
  ['=<', '<='],
  ['>=', '>='],
  ['=>', '>='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['==', '='],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '<>'],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
];

const ARITH: Record<string, '+' | '-' | '*' | '/'> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
};

const SINGLE: Record<string, TokenKind> = {
  '(': '(',
  ')': ')',
  '[': '[',
  ']': ']',
  ';': ';',
  '%': '%',
  ':': ':',
};

const NUMBER_RE = /\d+(?:[.,]\d+)*/y;
const WORD_RE = /[\p{L}\p{M}]+/uy;

/** Splits one "Ràng buộc" cell into rule texts: ";" or line breaks separate rules, except ";" inside "[…]". */
export function splitRuleText(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    // A line break always ends a rule, so an unclosed "[" cannot swallow the next line.
    if (ch === '\n' || ch === '\r' || (ch === ';' && depth === 0)) {
      parts.push(current);
      current = '';
      depth = 0;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map(normalizeText).filter((p) => p !== '');
}

/** Normalises an integer code token to two digits: "9" → "09", "009" → "09". */
export function normalizeCode(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  return trimmed.padStart(2, '0');
}

/**
 * Parses a Vietnamese-style decimal: "200", "0,1", "1.000", "1.000,5"; "0.5" (dot not followed by
 * groups of three digits) is read as a decimal point. Returns undefined when the text is not a number.
 */
export function parseBoundNumber(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(raw)) return Number(raw.replace(',', '.'));
  if (/^\d+\.\d+$/.test(raw)) return Number(raw);
  return undefined;
}

interface SeverityPrefix {
  severity: Rule['severity'];
  /** Index where the rule body starts. */
  bodyStart: number;
}

const PREFIX_RE = /^([\p{L}\p{M}]+)(?: +([\p{L}\p{M}]+))? *(:?) */u;

/** Reads an optional "lỗi:" / "cảnh báo:" prefix (colon and diacritics optional). */
function readSeverity(text: string, fail: (message: string, pos?: number) => never): SeverityPrefix {
  const m = PREFIX_RE.exec(text);
  if (!m) return { severity: 'error', bodyStart: 0 };
  const first = foldKey(m[1]);
  if (first === 'loi') {
    const oneWord = /^[\p{L}\p{M}]+ *:? */u.exec(text)!;
    return { severity: 'error', bodyStart: oneWord[0].length };
  }
  if (m[2] !== undefined && `${first} ${foldKey(m[2])}` === 'canh bao') {
    return { severity: 'warning', bodyStart: m[0].length };
  }
  if (m[3] === ':') {
    const label = m[2] === undefined ? m[1] : `${m[1]} ${m[2]}`;
    fail(`mức độ "${label}" không hợp lệ, chỉ dùng "lỗi:" hoặc "cảnh báo:"`, 0);
  }
  return { severity: 'error', bodyStart: 0 };
}

function tokenize(text: string, start: number, fail: (message: string, pos?: number) => never): Token[] {
  const tokens: Token[] = [];
  let i = start;
  outer: while (i < text.length) {
    const ch = text[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    NUMBER_RE.lastIndex = i;
    const num = NUMBER_RE.exec(text);
    if (num) {
      tokens.push({ kind: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    WORD_RE.lastIndex = i;
    const word = WORD_RE.exec(text);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    for (const [spelling, op] of CMP_SPELLINGS) {
      if (text.startsWith(spelling, i)) {
        tokens.push({ kind: 'cmp', text: spelling, op, pos: i });
        i += spelling.length;
        continue outer;
      }
    }
    if (ARITH[ch] !== undefined) {
      tokens.push({ kind: 'op', text: ch, op: ARITH[ch], pos: i });
      i++;
      continue;
    }
    if (SINGLE[ch] !== undefined) {
      tokens.push({ kind: SINGLE[ch], text: ch, pos: i });
      i++;
      continue;
    }
    if (ch === ',') {
      fail('dấu "," không dùng ở đây: hai cận của khoảng cách nhau bằng ";", số thập phân viết liền như "0,1"', i);
    }
    fail(`ký tự không hợp lệ "${ch}"`, i);
  }
  return tokens;
}

const COLON_HINT = 'dấu ":" không dùng trong biểu thức; phép chia viết là "/"';
const CONSTANT_HINT = 'trong biểu thức mỗi số là một mã chỉ tiêu (số nguyên); hằng số chỉ dùng làm cận trong "trong [min; max]"';

class RuleParser {
  private readonly tokens: Token[];
  private index = 0;
  private readonly codesSeen: string[] = [];
  readonly severity: Rule['severity'];

  constructor(
    private readonly text: string,
    private readonly knownCodes: Set<string>,
    private readonly rowCode: string | undefined,
  ) {
    const prefix = readSeverity(text, (m, p) => this.failAt(m, p));
    this.severity = prefix.severity;
    this.tokens = tokenize(text, prefix.bodyStart, (m, p) => this.failAt(m, p));
    if (this.tokens.length === 0) this.failAt('thiếu nội dung ràng buộc sau mức độ');
  }

  get anchorCode(): string {
    return this.codesSeen[0];
  }

  private failAt(message: string, pos?: number): never {
    const where = pos === undefined ? '(ở cuối)' : `(ký tự ${pos + 1})`;
    throw new TemplateError(`Ràng buộc "${this.text}": ${message} ${where}`);
  }

  private fail(message: string, token: Token | undefined): never {
    return this.failAt(message, token?.pos);
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private isWord(token: Token | undefined, key: string): boolean {
    return token !== undefined && token.kind === 'word' && foldKey(token.text) === key;
  }

  parse(): RuleBody {
    const first = this.peek();
    if (this.isWord(first, 'bien')) return this.parseChange();
    if (first?.kind === 'cmp') this.fail(`thiếu vế trái trước "${first.text}"`, first);
    const left = this.parseExpr();
    const t = this.peek();
    if (t === undefined) {
      this.fail('thiếu phép so sánh (<=, >=, <, >, =, <>) hoặc "trong [min; max]" sau biểu thức', undefined);
    }
    if (t.kind === 'cmp') {
      this.next();
      const right = this.parseExpr(t);
      this.expectEnd();
      return { type: 'compare', left, op: t.op as CompareOp, right };
    }
    if (this.isWord(t, 'trong')) {
      this.next();
      if (this.isWord(this.peek(), 'khoang')) this.next();
      return this.parseRange(left);
    }
    if (t.kind === ')') this.fail('thừa dấu ")" (không có dấu "(" tương ứng)', t);
    if (t.kind === ':') this.fail(COLON_HINT, t);
    this.fail(`cần phép so sánh (<=, >=, <, >, =, <>) hoặc "trong [min; max]", gặp "${t.text}"`, t);
  }

  private parseRange(expr: Expr): RuleBody {
    const open = this.peek();
    if (open?.kind !== '[') this.fail('sau "trong" cần khoảng dạng "[min; max]"', open);
    this.next();
    const min = this.parseBound('cận dưới', open);
    const sep = this.peek();
    if (sep?.kind !== ';') {
      this.fail('cần dấu ";" giữa cận dưới và cận trên, ví dụ "[0,1; 5]"', sep);
    }
    this.next();
    const max = this.parseBound('cận trên', sep);
    const close = this.peek();
    if (close?.kind !== ']') this.fail('thiếu dấu "]" đóng khoảng', close);
    this.next();
    this.expectEnd();
    if (min.value > max.value) {
      this.fail(`cận dưới ${min.text} lớn hơn cận trên ${max.text}`, open);
    }
    return { type: 'range', expr, min: min.value, max: max.value };
  }

  private parseBound(label: string, after: Token): { value: number; text: string } {
    let sign = 1;
    let t = this.peek();
    if (t?.kind === 'op' && t.op === '-') {
      sign = -1;
      this.next();
      t = this.peek();
    }
    if (t?.kind !== 'num') {
      this.fail(`thiếu ${label} (số) sau "${after.text}"`, t);
    }
    this.next();
    const parsed = parseBoundNumber(t.text);
    if (parsed === undefined) this.fail(`${label} "${t.text}" không phải số hợp lệ`, t);
    let value = sign * parsed;
    let text = (sign < 0 ? '-' : '') + t.text;
    if (this.peek()?.kind === '%') {
      this.next();
      value /= 100;
      text += '%';
    }
    return { value, text };
  }

  private parseChange(): RuleBody {
    const bien = this.next();
    if (!this.isWord(this.peek(), 'dong')) this.fail('cần "biến động"', this.peek() ?? bien);
    this.next();
    if (this.rowCode === undefined) {
      this.fail('"biến động" chỉ dùng trong cột Ràng buộc của một chỉ tiêu (chưa biết chỉ tiêu nào)', bien);
    }
    const code = normalizeCode(this.rowCode);
    if (!this.knownCodes.has(code)) this.fail(`mã ${code} không có trong mẫu`, bien);
    this.codesSeen.push(code);
    const cmp = this.peek();
    if (cmp?.kind !== 'cmp' || cmp.op !== '<=') {
      this.fail('sau "biến động" cần "<=" và mức tối đa, ví dụ "biến động <= 50%"', cmp);
    }
    this.next();
    const t = this.peek();
    if (t?.kind !== 'num') this.fail('thiếu mức biến động tối đa, ví dụ "50%" hoặc "0,5"', t);
    this.next();
    const parsed = parseBoundNumber(t.text);
    if (parsed === undefined) this.fail(`mức biến động "${t.text}" không phải số hợp lệ`, t);
    let maxChange = parsed;
    if (this.peek()?.kind === '%') {
      this.next();
      maxChange = parsed / 100;
    } else if (parsed > 1) {
      this.fail(`mức biến động "${t.text}" lớn hơn 1: ghi phần trăm ("${t.text}%") hoặc tỉ lệ ("0,5")`, t);
    }
    this.expectEnd();
    return { type: 'change', code, maxChange };
  }

  private expectEnd(): void {
    const t = this.peek();
    if (t === undefined) return;
    if (t.kind === 'cmp') {
      this.fail('mỗi ràng buộc chỉ có một phép so sánh; tách các ràng buộc bằng dấu ";"', t);
    }
    if (t.kind === ')') this.fail('thừa dấu ")" (không có dấu "(" tương ứng)', t);
    if (t.kind === ':') this.fail(COLON_HINT, t);
    this.fail(`thừa "${t.text}" sau cuối ràng buộc`, t);
  }

  private parseExpr(after?: Token): Expr {
    let left = this.parseTerm(after);
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'op' || (t.op !== '+' && t.op !== '-')) return left;
      this.next();
      const right = this.parseTerm(t);
      left = { type: 'binary', op: t.op, left, right };
    }
  }

  private parseTerm(after?: Token): Expr {
    let left = this.parseUnary(after);
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'op' || (t.op !== '*' && t.op !== '/')) return left;
      this.next();
      const right = this.parseUnary(t);
      left = { type: 'binary', op: t.op, left, right };
    }
  }

  private parseUnary(after?: Token): Expr {
    const t = this.peek();
    if (t?.kind === 'op' && t.op === '-') {
      this.next();
      return { type: 'neg', operand: this.parseUnary(t) };
    }
    return this.parsePrimary(after);
  }

  private parsePrimary(after?: Token): Expr {
    let t = this.peek();
    // Staff sometimes write "mã 12" instead of "12".
    if (this.isWord(t, 'ma') && this.peek(1)?.kind === 'num') {
      this.next();
      t = this.peek();
    }
    if (t?.kind === 'num') {
      this.next();
      if (!/^\d+$/.test(t.text)) this.fail(`"${t.text}" không phải mã chỉ tiêu: ${CONSTANT_HINT}`, t);
      if (this.peek()?.kind === '%') this.fail(`"${t.text}%" không phải mã chỉ tiêu: ${CONSTANT_HINT}`, t);
      const code = normalizeCode(t.text);
      if (!this.knownCodes.has(code)) this.fail(`mã ${code} không có trong mẫu`, t);
      this.codesSeen.push(code);
      return { type: 'code', code };
    }
    if (t?.kind === '(') {
      this.next();
      const inner = this.parseExpr(t);
      const close = this.peek();
      if (close?.kind !== ')') this.fail('dấu "(" chưa được đóng bằng ")"', t);
      this.next();
      return inner;
    }
    const wanted =
      after === undefined
        ? 'vế trái (mã chỉ tiêu)'
        : after.kind === 'cmp'
          ? `vế phải sau "${after.text}"`
          : after.kind === '('
            ? 'biểu thức sau "("'
            : `số hạng sau "${after.text}"`;
    if (t === undefined) this.fail(`thiếu ${wanted}`, undefined);
    if (t.kind === ':') this.fail(COLON_HINT, t);
    if (t.kind === 'word' || t.kind === '[' || t.kind === '%') {
      this.fail(`cần ${wanted}, gặp "${t.text}"`, t);
    }
    this.fail(`thiếu ${wanted}`, t);
  }
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

function exprPrecedence(e: Expr): number {
  return e.type === 'binary' ? PRECEDENCE[e.op] : 3;
}

/** Compact canonical form used in rule ids: no spaces, two-digit codes, minimal parentheses. */
export function exprToKey(e: Expr): string {
  switch (e.type) {
    case 'code':
      return e.code;
    case 'number':
      return String(e.value);
    case 'neg':
      return e.operand.type === 'binary' ? `-(${exprToKey(e.operand)})` : `-${exprToKey(e.operand)}`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const l = exprToKey(e.left);
      const r = exprToKey(e.right);
      const left = exprPrecedence(e.left) < p ? `(${l})` : l;
      // Left-associative: an equal-precedence right operand needs parentheses (a-(b-c)).
      const right = exprPrecedence(e.right) <= p ? `(${r})` : r;
      return `${left}${e.op}${right}`;
    }
  }
}

function percentKey(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(12))}%`;
}

/** The stable id of a rule body: `rule:12+13<=11`, `rule:28/27in[20;200]`, `rule:change:08<=50%`. */
export function ruleId(body: RuleBody): string {
  switch (body.type) {
    case 'compare':
      return `rule:${exprToKey(body.left)}${body.op}${exprToKey(body.right)}`;
    case 'range':
      return `rule:${exprToKey(body.expr)}in[${body.min};${body.max}]`;
    case 'change':
      return `rule:change:${body.code}<=${percentKey(body.maxChange)}`;
  }
}

function parseOne(text: string, knownCodes: Set<string>, rowCode: string | undefined): Rule {
  const parser = new RuleParser(text, knownCodes, rowCode);
  const body = parser.parse();
  const rule: Rule = { id: ruleId(body), severity: parser.severity, text, body, anchorCode: parser.anchorCode };
  if (rowCode !== undefined) rule.rowCode = normalizeCode(rowCode);
  return rule;
}

/**
 * Parses the rules of one "Ràng buộc" cell. `rowCode` is the indicator whose row holds the cell
 * (needed by "biến động"). Throws TemplateError (Vietnamese message with the character position).
 */
export function parseRules(text: string, knownCodes: Set<string>, rowCode?: string): Rule[] {
  return splitRuleText(text).map((segment) => parseOne(segment, knownCodes, rowCode));
}

/**
 * The text to write back for a rule so that parsing it again gives the same severity:
 * the original text, or the text with its severity prefix added/corrected.
 */
export function ruleSourceText(rule: Rule): string {
  const text = normalizeText(rule.text);
  let prefix: SeverityPrefix;
  try {
    prefix = readSeverity(text, () => {
      throw new Error('bad prefix');
    });
  } catch {
    prefix = { severity: 'error', bodyStart: 0 };
  }
  const hasPrefix = prefix.bodyStart > 0;
  if (prefix.severity === rule.severity && (hasPrefix || rule.severity === 'error')) return text;
  const body = text.slice(prefix.bodyStart);
  return rule.severity === 'warning' ? `cảnh báo: ${body}` : `lỗi: ${body}`;
}

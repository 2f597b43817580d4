/**
 * The report template language: the text of one paragraph with fields in braces that the draft
 * fills from the consolidation.
 *
 *   Trong {kỳ báo cáo} đã kết nạp được {07} hội viên, nâng tổng số hội viên CCB lên {08} hội viên,
 *   {08|tăng giảm} hội viên so với cuối {kỳ trước}.
 *
 * A field is `{source}` or `{source|format|format…}`: the source gives a value, each format after a
 * "|" turns it into the next one, left to right. Anything outside braces is copied as written; "{{"
 * and "}}" write a literal "{" and "}".
 *
 * Sources
 *   08, 8, mã 08            the provincial total of indicator 08 (integers are always indicator codes)
 *   18 / 19, (12 + 13) - 11 arithmetic over codes: + - * / (also × ÷) and parentheses; no constants
 *   kỳ báo cáo              the period ("6 tháng đầu năm 2024")
 *   kỳ trước                the previous period's label ("Năm 2023")
 *   năm                     the year in the period ("2024")
 *   số đơn vị đã tổng hợp   how many units are in the total (a number)
 *   tổng số đơn vị          how many units are expected (a number)
 *   chưa báo cáo            units with no return, comma-separated ("" when none)
 *   chưa tính               units whose return was left out (errors, duplicates), comma-separated
 *   đơn vị chưa tổng hợp    both lists labelled: "chưa báo cáo: Tây Giang; có lỗi, chưa tính: Hội An"
 *   The two period labels follow the sentence: first letter lower-cased mid-sentence ("so với cuối
 *   năm 2023"), upper-cased at the start of a sentence, unless a case format is given.
 *
 * Formats (names match without diacritics or case: "chu so" = "chữ số")
 *   (none)                  Vietnamese grouping, at most one decimal: 37.090, 898,3
 *   2                       exactly that many decimals: {18/19|2} → 2,30
 *   2 chữ số                whole numbers zero-padded to that width: {02|2 chữ số} → 02
 *   %                       as a percentage with one decimal: {15/14|%} → 16,2%
 *   kỳ trước                the same expression in the previous period: {08|kỳ trước} → 37.196
 *   tăng giảm               change against the previous period in words: "giảm 106", "tăng 3.262",
 *                           "không đổi"
 *   từng đơn vị             the included units whose value is not zero, in unit-list order:
 *                           "Nam Giang: 10; Hiệp Đức: 02" (whole numbers below 10 zero-padded unless a
 *                           number format follows)
 *   ngoặc                   wraps a non-empty text in parentheses; nothing stays nothing
 *   chữ thường, chữ hoa, viết hoa đầu   letter case of a text
 * A fraction needs no format: "{15}/{14}" → 253/1.557.
 *
 * When a field comes out empty (say "từng đơn vị" with no unit), one space next to it is dropped so
 * the sentence does not get a double space or a space before punctuation.
 *
 * Problems are TemplateErrors in Vietnamese; the caller prefixes the paragraph or sheet row.
 */
import type { Expr } from '../template/model';
import { TemplateError } from '../template/template-error';
import { foldKey } from '../text/normalize';

/** A value source known by name. */
export type FactName =
  | 'period'
  | 'previousLabel'
  | 'year'
  | 'includedCount'
  | 'expectedCount'
  | 'missingUnits'
  | 'excludedUnits'
  | 'notIncluded';

export interface FactInfo {
  /** The spelling shown in messages and documentation. */
  label: string;
  type: 'number' | 'text';
  /** Period labels adapt their first letter to the sentence. */
  sentenceCase?: boolean;
}

export const FACTS: Record<FactName, FactInfo> = {
  period: { label: 'kỳ báo cáo', type: 'text', sentenceCase: true },
  previousLabel: { label: 'kỳ trước', type: 'text', sentenceCase: true },
  year: { label: 'năm', type: 'text' },
  includedCount: { label: 'số đơn vị đã tổng hợp', type: 'number' },
  expectedCount: { label: 'tổng số đơn vị', type: 'number' },
  missingUnits: { label: 'chưa báo cáo', type: 'text' },
  excludedUnits: { label: 'chưa tính', type: 'text' },
  notIncluded: { label: 'đơn vị chưa tổng hợp', type: 'text' },
};

const FACT_BY_KEY = new Map<string, FactName>(
  (Object.keys(FACTS) as FactName[]).map((name) => [foldKey(FACTS[name].label), name]),
);

export type Source =
  | { type: 'expr'; expr: Expr; codes: string[] }
  | { type: 'fact'; fact: FactName };

export type Format =
  | { type: 'decimals'; digits: number }
  | { type: 'pad'; width: number }
  | { type: 'percent' }
  | { type: 'previous' }
  | { type: 'change' }
  | { type: 'byUnit' }
  | { type: 'paren' }
  | { type: 'lower' }
  | { type: 'upper' }
  | { type: 'capitalize' };

export interface Field {
  /** The field as written, braces included. */
  raw: string;
  source: Source;
  formats: Format[];
}

export type Segment = { kind: 'text'; text: string } | { kind: 'field'; field: Field };

/** Format spellings listed in messages, in the order of the documentation. */
export const FORMAT_NAMES = ['2', '2 chữ số', '%', 'kỳ trước', 'tăng giảm', 'từng đơn vị', 'ngoặc', 'chữ thường', 'chữ hoa', 'viết hoa đầu'];

const NAMED_FORMATS = new Map<string, Format>([
  ['%', { type: 'percent' }],
  ['phan tram', { type: 'percent' }],
  ['ky truoc', { type: 'previous' }],
  ['tang giam', { type: 'change' }],
  ['tung don vi', { type: 'byUnit' }],
  ['theo don vi', { type: 'byUnit' }],
  ['ngoac', { type: 'paren' }],
  ['trong ngoac', { type: 'paren' }],
  ['chu thuong', { type: 'lower' }],
  ['chu hoa', { type: 'upper' }],
  ['viet hoa dau', { type: 'capitalize' }],
  ['viet hoa chu dau', { type: 'capitalize' }],
]);

const MAX_DECIMALS = 6;
const MAX_WIDTH = 9;

/** Static type of a field's value as formats apply. */
type Stage =
  | { t: 'expr'; previous: boolean }
  | { t: 'number' }
  | { t: 'list'; formatted: boolean }
  | { t: 'text' };

/** Describes a stage for messages. */
function stageName(s: Stage): string {
  switch (s.t) {
    case 'expr':
    case 'number':
      return 'một số';
    case 'list':
      return 'danh sách từng đơn vị';
    case 'text':
      return 'chữ';
  }
}

// ---------------------------------------------------------------------------
// Splitting a paragraph into text and fields
// ---------------------------------------------------------------------------

/**
 * Parses a paragraph's text. `knownCodes`, when given, is the indicator template's code list:
 * a code outside it is an error. Throws TemplateError (message without the row; callers add it).
 */
export function parseReportText(text: string, knownCodes?: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let literal = '';
  let i = 0;
  const flush = (): void => {
    if (literal !== '') segments.push({ kind: 'text', text: literal });
    literal = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
      continue;
    }
    if (ch === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
      continue;
    }
    if (ch === '}') {
      throw new TemplateError(`thừa dấu "}" ở ký tự ${i + 1} (không có "{" mở tương ứng; muốn viết chính dấu "}" thì gõ "}}")`);
    }
    if (ch === '{') {
      const close = text.indexOf('}', i + 1);
      const nextOpen = text.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        throw new TemplateError(`chỗ điền mở bằng "{" ở ký tự ${i + 1} chưa được đóng bằng "}" (muốn viết chính dấu "{" thì gõ "{{")`);
      }
      flush();
      const raw = text.slice(i, close + 1);
      segments.push({ kind: 'field', field: parseField(raw, i, knownCodes) });
      i = close + 1;
      continue;
    }
    literal += ch;
    i++;
  }
  flush();
  return segments;
}

/** The fields of a parsed paragraph, in order. */
export function fieldsOf(segments: readonly Segment[]): Field[] {
  return segments.flatMap((s) => (s.kind === 'field' ? [s.field] : []));
}

function parseField(raw: string, start: number, knownCodes: ReadonlySet<string> | undefined): Field {
  const fail = (message: string): never => {
    throw new TemplateError(`chỗ điền "${raw}" (ký tự ${start + 1}): ${message}`);
  };
  const parts = raw.slice(1, -1).split('|');
  const sourceText = parts[0].trim();
  if (sourceText === '') {
    fail(parts.length === 1 ? 'trống; ghi mã chỉ tiêu (ví dụ {08}) hoặc tên số liệu (ví dụ {kỳ báo cáo})' : 'thiếu mã chỉ tiêu hoặc tên số liệu trước dấu "|"');
  }
  const source = parseSource(sourceText, knownCodes, fail);
  let stage: Stage =
    source.type === 'expr' ? { t: 'expr', previous: false } : FACTS[source.fact].type === 'number' ? { t: 'number' } : { t: 'text' };
  const formats: Format[] = [];
  for (const part of parts.slice(1)) {
    const format = parseFormat(part.trim(), fail);
    stage = applyStage(stage, format, part.trim(), fail);
    formats.push(format);
  }
  return { raw, source, formats };
}

function parseFormat(text: string, fail: (m: string) => never): Format {
  if (text === '') fail('thiếu tên định dạng sau dấu "|"');
  if (text === '%') return { type: 'percent' };
  const key = foldKey(text);
  const digits = /^(\d+)$/.exec(key);
  if (digits) {
    const n = Number(digits[1]);
    if (n > MAX_DECIMALS) fail(`số chữ số thập phân ${n} quá lớn (tối đa ${MAX_DECIMALS})`);
    return { type: 'decimals', digits: n };
  }
  const width = /^(\d+) chu so$/.exec(key);
  if (width) {
    const n = Number(width[1]);
    if (n < 1 || n > MAX_WIDTH) fail(`độ rộng "${text}" phải từ 1 đến ${MAX_WIDTH} chữ số`);
    return { type: 'pad', width: n };
  }
  const named = NAMED_FORMATS.get(key);
  if (named) return { ...named };
  return fail(`định dạng "${text}" không có; dùng một trong: ${FORMAT_NAMES.join(', ')}`);
}

/** The static type check: which format may follow which value. */
function applyStage(stage: Stage, f: Format, text: string, fail: (m: string) => never): Stage {
  const wrong = (wanted: string): never => fail(`định dạng "${text}" dùng cho ${wanted}, ở đây giá trị là ${stageName(stage)}`);
  switch (f.type) {
    case 'previous':
      if (stage.t !== 'expr') return wrong('số liệu chỉ tiêu');
      if (stage.previous) fail('"kỳ trước" đã ghi rồi');
      return { t: 'expr', previous: true };
    case 'change':
      if (stage.t !== 'expr') return wrong('số liệu chỉ tiêu');
      if (stage.previous) fail('"tăng giảm" đã so với kỳ trước, không ghi thêm "kỳ trước"');
      return { t: 'text' };
    case 'byUnit':
      if (stage.t !== 'expr') return wrong('số liệu chỉ tiêu');
      return { t: 'list', formatted: false };
    case 'decimals':
    case 'pad':
    case 'percent':
      if (stage.t === 'expr' || stage.t === 'number') return { t: 'text' };
      if (stage.t === 'list' && !stage.formatted) return { t: 'list', formatted: true };
      if (stage.t === 'list') fail(`danh sách từng đơn vị đã có định dạng số, không ghi thêm "${text}"`);
      return wrong('số');
    case 'paren':
      return { t: 'text' };
    case 'lower':
    case 'upper':
    case 'capitalize':
      if (stage.t !== 'text') return wrong('chữ');
      return { t: 'text' };
  }
}

// ---------------------------------------------------------------------------
// The source: a named fact or arithmetic over indicator codes
// ---------------------------------------------------------------------------

type TokenKind = 'code' | 'op' | '(' | ')';

interface Token {
  kind: TokenKind;
  text: string;
  op?: '+' | '-' | '*' | '/';
}

const OPS: Record<string, '+' | '-' | '*' | '/'> = { '+': '+', '-': '-', '−': '-', '–': '-', '*': '*', '×': '*', '/': '/', '÷': '/' };

const CONSTANT_HINT = 'trong biểu thức mỗi số là một mã chỉ tiêu; không dùng hằng số';

function parseSource(text: string, knownCodes: ReadonlySet<string> | undefined, fail: (m: string) => never): Source {
  const key = foldKey(text);
  const fact = FACT_BY_KEY.get(key);
  if (fact) return { type: 'fact', fact };
  if (!/\d/.test(text) && /[\p{L}]/u.test(text)) {
    const names = (Object.keys(FACTS) as FactName[]).map((f) => FACTS[f].label).join(', ');
    fail(`không rõ "${text}": ghi mã chỉ tiêu (ví dụ 08) hoặc một trong: ${names}`);
  }
  const tokens = tokenizeExpr(text, fail);
  const codes: string[] = [];
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const next = (): Token => tokens[index++];

  const primary = (after: string | undefined): Expr => {
    const t = peek();
    if (t?.kind === 'code') {
      next();
      const code = t.text.replace(/^0+(?=\d)/, '').padStart(2, '0');
      if (code === '00' || code.length > 2) fail(`"${t.text}" không phải mã chỉ tiêu (từ 01 đến 99)`);
      if (knownCodes && !knownCodes.has(code)) fail(`mã ${code} không có trong mẫu chỉ tiêu`);
      codes.push(code);
      return { type: 'code', code };
    }
    if (t?.kind === '(') {
      next();
      const inner = sum('(');
      if (peek()?.kind !== ')') fail('dấu "(" chưa được đóng bằng ")"');
      next();
      return inner;
    }
    if (t?.kind === 'op' && t.op === '-') {
      next();
      return { type: 'neg', operand: primary('-') };
    }
    const wanted = after === undefined ? 'mã chỉ tiêu' : `mã chỉ tiêu sau "${after}"`;
    if (t === undefined) return fail(`thiếu ${wanted}`);
    return fail(`cần ${wanted}, gặp "${t.text}"`);
  };
  const product = (after: string | undefined): Expr => {
    let left = primary(after);
    for (let t = peek(); t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = peek()) {
      next();
      left = { type: 'binary', op: t.op, left, right: primary(t.text) };
    }
    return left;
  };
  const sum = (after: string | undefined): Expr => {
    let left = product(after);
    for (let t = peek(); t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = peek()) {
      next();
      left = { type: 'binary', op: t.op, left, right: product(t.text) };
    }
    return left;
  };

  const expr = sum(undefined);
  const rest = peek();
  if (rest?.kind === ')') fail('thừa dấu ")"');
  if (rest) fail(`thừa "${rest.text}" sau biểu thức; các mã nối với nhau bằng + - * /`);
  return { type: 'expr', expr, codes: [...new Set(codes)] };
}

function tokenizeExpr(text: string, fail: (m: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^\d+(?:[.,]\d+)*/.exec(text.slice(i));
    if (number) {
      if (!/^\d+$/.test(number[0])) fail(`"${number[0]}" không phải mã chỉ tiêu: ${CONSTANT_HINT}`);
      tokens.push({ kind: 'code', text: number[0] });
      i += number[0].length;
      continue;
    }
    const word = /^[\p{L}\p{M}]+/u.exec(text.slice(i));
    if (word) {
      // "mã 08" is accepted for "08".
      if (foldKey(word[0]) === 'ma' && /^\s*\d/.test(text.slice(i + word[0].length))) {
        i += word[0].length;
        continue;
      }
      fail(`không rõ "${word[0]}" trong biểu thức; ${CONSTANT_HINT}, nối với nhau bằng + - * /`);
    }
    if (OPS[ch] !== undefined) {
      tokens.push({ kind: 'op', text: ch, op: OPS[ch] });
      i++;
      continue;
    }
    if (ch === ':') fail('dấu ":" không dùng trong biểu thức; phép chia viết là "/"');
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, text: ch });
      i++;
      continue;
    }
    fail(`ký tự không hợp lệ "${ch}"`);
  }
  return tokens;
}

// ---------------------------------------------------------------------------
// Literal text
// ---------------------------------------------------------------------------

/** Escapes literal braces so that parseReportText reads `text` back as plain text. */
export function escapeReportText(text: string): string {
  return text.replace(/\{/g, '{{').replace(/\}/g, '}}');
}

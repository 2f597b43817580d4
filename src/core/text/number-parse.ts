/** Reading a number from a text cell written the Vietnamese way ("37.090", "898,3", "gần 1.600", "1,2 tỷ"). */

import type { IndicatorKind } from '../template/model';
import { foldKey, normalizeText } from './normalize';

export type ParseNote =
  /** An approximation word was present: "gần 1.600", "khoảng", "hơn", "trên", "ước", "xấp xỉ". */
  | 'approximate'
  /** The separator could be read two ways ("1,600", "30.3"); the reading chosen is in `value`. */
  | 'ambiguous-comma'
  /** A scale word or money unit changed the value: "1,2 tỷ" in a "triệu đồng" indicator. */
  | 'scaled'
  /** Other text around the number was dropped: "10 (nhà)", "10 nhà, 2 cái". */
  | 'extra-text';

export type ParsedNumber =
  | { status: 'number'; value: number; notes: ParseNote[] }
  /** Nothing arose or not applicable ("", "-", "x", "không"); `marker` is the trimmed original. */
  | { status: 'blank'; marker: string }
  /** Text with no readable number: "chưa có", "abc", "12.5.2024". */
  | { status: 'invalid' };

const NOTE_ORDER: readonly ParseNote[] = ['approximate', 'ambiguous-comma', 'scaled', 'extra-text'];

const BLANK_SYMBOLS = /^(?:[-\u2014\u2015\u2026._/\\*]+|x+)$/i;
const BLANK_WORDS = new Set(['khong', 'khong co', 'khong phat sinh', 'kps', 'ko', 'n a']);

/** Folded word sequences; the first that matches wins, so longer phrases come first. */
const PREFIX_APPROX: readonly string[][] = [
  ['gan', 'nhu'],
  ['gan'],
  ['khoang', 'chung'],
  ['khoang'],
  ['chung'],
  ['hon'],
  ['tren', 'duoi'],
  ['tren'],
  ['duoi'],
  ['uoc', 'tinh'],
  ['uoc', 'dat'],
  ['uoc', 'khoang'],
  ['uoc'],
  ['xap', 'xi'],
  ['tam'],
  ['it', 'nhat'],
  ['toi', 'thieu'],
  ['toi', 'da'],
];
const SUFFIX_APPROX: readonly string[][] = [['tro', 'len'], ['tro', 'xuong'], ['hon'], ['co', 'le']];
const APPROX_SYMBOLS = /[~\u2248<>\u2264\u2265]/;

/**
 * Matched on NFC lower-case words rather than folded keys: folding would also take
 * "ngăn" (compartment) or "tí" (a little) for scale words.
 */
const SCALE_EXPONENT = new Map<string, number>([
  ['nghìn', 3],
  ['ngàn', 3],
  ['nghin', 3],
  ['ngan', 3],
  ['triệu', 6],
  ['trieu', 6],
  ['tỷ', 9],
  ['tỉ', 9],
  ['ty', 9],
  ['ti', 9],
]);
const MONEY_WORDS = new Set(['đồng', 'dong', 'đ', 'vnđ', 'vnd']);
/** "tỷ lệ" is "ratio" and "tỷ suất" is "rate": no "billion" there. */
const AFTER_RATIO = new Set(['lệ', 'le', 'suất', 'suat']);

function scaleWordAt(ws: readonly string[], i: number): number | null {
  const exp = SCALE_EXPONENT.get(ws[i] ?? '');
  if (exp === undefined) return null;
  if (exp === 9 && AFTER_RATIO.has(ws[i + 1] ?? '')) return null;
  return exp;
}

const NUMBER_TOKEN = /\d+(?:[.,]\d+)*/;
const SPACE_GROUPED = /(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)/;
const GROUP_LEAD = /^[1-9]\d{0,2}$/;

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{M}\d]+/u).filter((w) => w !== '');
}

interface UnitInfo {
  exponent: number;
  money: boolean;
  /** foldKey of the whole unit and of the unit without its scale word. */
  keys: string[];
}

function readUnit(unit: string | undefined): UnitInfo {
  if (unit === undefined) return { exponent: 0, money: false, keys: [] };
  const ws = words(normalizeText(unit));
  const money = ws.some((w) => MONEY_WORDS.has(w) || w === 'trđ' || w === 'ngđ');
  let exponent = 0;
  let rest = ws;
  const first = ws[0];
  const second = ws[1];
  if (first === 'trđ') {
    exponent = 6;
  } else if (first === 'ngđ') {
    exponent = 3;
  } else if (first === 'tr' || first === 'ng') {
    if (second !== undefined && MONEY_WORDS.has(second)) exponent = first === 'tr' ? 6 : 3;
  } else {
    exponent = scaleWordAt(ws, 0) ?? 0;
  }
  if (exponent !== 0) rest = ws.slice(1);
  const keys = [foldKey(unit), foldKey(rest.join(' '))].filter((k) => k !== '');
  return { exponent, money, keys };
}

function isBlank(t: string): boolean {
  return t === '' || BLANK_SYMBOLS.test(t) || BLANK_WORDS.has(foldKey(t));
}

/** Reads the digits-and-separators token; null when the separators follow no consistent pattern. */
function readToken(token: string, kind: IndicatorKind): { value: number; ambiguous: boolean } | null {
  const seps = token.match(/[.,]/g) ?? [];
  if (seps.length === 0) return { value: Number(token), ambiguous: false };
  const parts = token.split(/[.,]/);
  const lead = parts[0];
  const last = parts[parts.length - 1];
  const middle = parts.slice(1, -1);
  const grouped = GROUP_LEAD.test(lead) && middle.every((p) => p.length === 3);
  const distinct = new Set(seps);

  if (distinct.size === 2) {
    const decimalSep = seps[seps.length - 1];
    if (seps.slice(0, -1).some((s) => s === decimalSep) || !grouped) return null;
    return { value: Number(`${lead}${middle.join('')}.${last}`), ambiguous: false };
  }
  if (seps.length > 1) {
    if (!grouped || last.length !== 3) return null;
    return { value: Number(parts.join('')), ambiguous: false };
  }
  const looksGrouped = GROUP_LEAD.test(lead) && last.length === 3;
  const asInteger = Number(lead + last);
  const asDecimal = Number(`${lead}.${last}`);
  if (seps[0] === '.') {
    return looksGrouped ? { value: asInteger, ambiguous: false } : { value: asDecimal, ambiguous: true };
  }
  if (looksGrouped) return { value: kind === 'I' ? asInteger : asDecimal, ambiguous: true };
  return { value: asDecimal, ambiguous: false };
}

/** Removes every occurrence of the phrases from `ws`; returns whether any was found. */
function stripPhrases(ws: string[], phrases: readonly string[][]): { found: boolean; rest: string[] } {
  const rest: string[] = [];
  let found = false;
  let i = 0;
  while (i < ws.length) {
    const hit = phrases.find((p) => p.every((w, k) => ws[i + k] === w));
    if (hit) {
      found = true;
      i += hit.length;
    } else {
      rest.push(ws[i]);
      i += 1;
    }
  }
  return { found, rest };
}

function round10(v: number): number {
  const r = parseFloat(v.toFixed(10));
  return r === 0 ? 0 : r;
}

function scaleBy(value: number, exponentDiff: number): number {
  // Dividing by an exact power of ten rounds better than multiplying by its inverse.
  return exponentDiff >= 0 ? value * 10 ** exponentDiff : value / 10 ** -exponentDiff;
}

/**
 * Reads the first number in a text cell. `kind` settles "1,600" (I → 1600, D → 1,6);
 * `indicatorUnit` ("triệu đồng", "hội viên") sets the scale that "tỷ", "nghìn", "đồng" are converted to.
 */
export function parseVietnameseNumber(text: string, kind: IndicatorKind, indicatorUnit?: string): ParsedNumber {
  const normalized = normalizeText(text);
  if (isBlank(normalized)) return { status: 'blank', marker: text.trim() };
  // "1 507" (thousands grouped with a space) is read as grouping, and flagged.
  const t = normalized.replace(SPACE_GROUPED, (m) => m.replace(/ /g, '.'));
  const spaceGrouped = t !== normalized;

  const match = NUMBER_TOKEN.exec(t);
  if (!match) return { status: 'invalid' };
  const read = readToken(match[0], kind);
  if (!read) return { status: 'invalid' };

  const notes = new Set<ParseNote>();
  if (read.ambiguous || spaceGrouped) notes.add('ambiguous-comma');

  let prefix = t.slice(0, match.index);
  let negative = false;
  const sign = /(^|[\s(])([-+]) ?$/.exec(prefix);
  if (sign) {
    negative = sign[2] === '-';
    prefix = prefix.slice(0, sign.index + sign[1].length);
  }
  if (APPROX_SYMBOLS.test(prefix)) notes.add('approximate');
  const before = stripPhrases(foldKey(prefix).split(' ').filter(Boolean), PREFIX_APPROX);
  if (before.found) notes.add('approximate');
  if (before.rest.length > 0) notes.add('extra-text');

  const suffix = t.slice(match.index + match[0].length);
  const after = words(suffix);
  const scaleExponent = scaleWordAt(after, 0);
  let i = scaleExponent === null ? 0 : 1;
  const money = i < after.length && MONEY_WORDS.has(after[i]);
  if (money) i += 1;
  const trailing = stripPhrases(
    after.slice(i).map((w) => foldKey(w)).filter(Boolean),
    SUFFIX_APPROX,
  );
  if (trailing.found) notes.add('approximate');

  const unit = readUnit(indicatorUnit);
  const leftover = trailing.rest.join(' ');
  if (leftover !== '' && !unit.keys.includes(leftover)) notes.add('extra-text');
  if (suffix.includes('%') && !(indicatorUnit ?? '').includes('%')) notes.add('extra-text');
  if (money && indicatorUnit !== undefined && !unit.money) notes.add('extra-text');

  let value = negative ? -read.value : read.value;
  if (scaleExponent !== null || money) {
    const diff = (scaleExponent ?? 0) - unit.exponent;
    if (diff !== 0) {
      value = scaleBy(value, diff);
      notes.add('scaled');
    }
  }

  return { status: 'number', value: round10(value), notes: NOTE_ORDER.filter((n) => notes.has(n)) };
}

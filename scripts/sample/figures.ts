/**
 * Deterministic sample figures for the 18 district veterans' associations of
 * Quảng Nam province.
 *
 * The provincial totals of the current period (6 tháng đầu năm 2024) are the
 * figures of the real provincial report; the generator spreads each total over
 * the districts in proportion to a size weight with seeded jitter, so that the
 * per-district figures look plausible and add up to the report exactly. The
 * previous period (năm 2023) is generated the same way around totals near the
 * current ones, with the stock indicators (08, 11, 14, 18) kept within 30 % of
 * each district's current value.
 *
 * Decimal indicators are handled as integer tenths throughout, so sums are exact.
 * Everything is driven by a small seeded PRNG: the output never changes between
 * runs.
 */
import unitList from '../../src/core/units/default-units.json';

/** Indicator code ("01".."40") → value. */
export type Figures = Record<string, number>;

/** All indicator codes, in order. */
export const CODES: readonly string[] = Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0'));

/** Indicators whose values are decimals with at most one decimal place. */
export const DECIMAL_CODES: ReadonlySet<string> = new Set([
  '18', '23', '24', '25', '28', '33', '34', '35', '36', '37', '38', '39',
]);

/** Stock indicators: a level at a point in time rather than a flow over the period. */
export const STOCK_CODES: readonly string[] = ['08', '11', '14', '18'];

/** Provincial totals of the current period, taken from the 6-month 2024 report. */
export const CURRENT_TOTALS: Figures = Object.freeze({
  '01': 1600, '02': 2, '03': 3, '04': 4, '05': 727, '06': 1507, '07': 297, '08': 37090,
  '09': 2554, '10': 124, '11': 62950, '12': 54153, '13': 4055, '14': 1557, '15': 253, '16': 13,
  '17': 6776, '18': 46326, '19': 20142, '20': 21040, '21': 78995, '22': 4801, '23': 898.3, '24': 30.3,
  '25': 42.3, '26': 157, '27': 17, '28': 882.8, '29': 104, '30': 10, '31': 62, '32': 7514,
  '33': 2904.5, '34': 587, '35': 178.6, '36': 434.2, '37': 104.2, '38': 362, '39': 397, '40': 8,
});

/** Provincial totals of the previous period that are fixed by the report (end of 2023). */
export const PREVIOUS_FIXED_TOTALS: Figures = Object.freeze({ '08': 37196, '18': 43064 });

/** Per-district breakdowns stated in the report for the current period; other districts are 0. */
export const CURRENT_BREAKDOWNS: Readonly<Record<string, Readonly<Record<string, number>>>> = Object.freeze({
  '02': Object.freeze({ 'Quế Sơn': 1, 'Điện Bàn': 1 }),
  '16': Object.freeze({ 'Nam Giang': 10, 'Nam Trà My': 1, 'Hiệp Đức': 2 }),
});

/** Small mountain districts. */
export const MOUNTAIN_UNITS: readonly string[] = [
  'Nông Sơn', 'Đông Giang', 'Tây Giang', 'Nam Giang', 'Phước Sơn', 'Bắc Trà My', 'Nam Trà My',
];

/** Codes exempt from the "mountain district ≤ Tam Kỳ" plausibility check. */
const MOUNTAIN_CHECK_EXEMPT: ReadonlySet<string> = new Set(['16']);

/**
 * Relative size of each district: large lowland districts and the provincial
 * city ~1.3–1.7, medium districts ~0.75–1.0, small mountain districts ~0.35–0.5.
 */
const SIZE_WEIGHT: Readonly<Record<string, number>> = {
  'Tam Kỳ': 1.5,
  'Điện Bàn': 1.7,
  'Thăng Bình': 1.6,
  'Núi Thành': 1.4,
  'Đại Lộc': 1.4,
  'Duy Xuyên': 1.3,
  'Quế Sơn': 1.0,
  'Tiên Phước': 0.9,
  'Phú Ninh': 0.9,
  'Hội An': 0.85,
  'Hiệp Đức': 0.75,
  'Bắc Trà My': 0.5,
  'Nông Sơn': 0.45,
  'Đông Giang': 0.4,
  'Nam Giang': 0.4,
  'Phước Sơn': 0.4,
  'Tây Giang': 0.35,
  'Nam Trà My': 0.35,
};

const UNITS: readonly string[] = (unitList as { units: string[] }).units.map((u) => u.normalize('NFC'));
const TAM_KY = 'Tam Kỳ';

const SIZES: readonly number[] = UNITS.map((u) => {
  const w = SIZE_WEIGHT[u];
  if (w === undefined) throw new Error(`figures: no size weight for unit "${u}"`);
  return w;
});
const IS_MOUNTAIN: readonly boolean[] = UNITS.map((u) => MOUNTAIN_UNITS.includes(u));

const CURRENT_SEED = 0x20240630;
const PREVIOUS_SEED = 0x20231231;
const MAX_ATTEMPTS = 500;

// ---------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------

type Rng = () => number;

/** mulberry32: a tiny 32-bit seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A multiplier uniformly drawn from [1 − amp, 1 + amp]. */
function jitter(rng: Rng, amp: number): number {
  return 1 + amp * (2 * rng() - 1);
}

/** 10 for decimal indicators (values handled as tenths), 1 otherwise. */
function scaleOf(code: string): number {
  return DECIMAL_CODES.has(code) ? 10 : 1;
}

function toScaled(code: string, value: number): number {
  return Math.round(value * scaleOf(code));
}

function fromScaled(code: string, n: number): number {
  return scaleOf(code) === 10 ? n / 10 : n;
}

class InfeasibleError extends Error {}

/**
 * Split an integer `total` over units in proportion to `weights`, keeping each
 * share within [lower, upper]. Continuous water-filling (units that would pass
 * their cap are pinned to it and the rest re-shared), then floor and hand the
 * leftover units to the largest fractional parts; ties go to the earlier unit.
 * Larger weight with at-least-as-large bounds never yields a smaller share.
 */
function allocate(
  total: number,
  weights: readonly number[],
  lower?: readonly number[],
  upper?: readonly number[],
): number[] {
  const n = weights.length;
  const lo = lower ? [...lower] : new Array<number>(n).fill(0);
  const hi = upper ? [...upper] : new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  let minSum = 0;
  let maxSum = 0;
  for (let i = 0; i < n; i++) {
    if (lo[i] > hi[i]) throw new InfeasibleError(`unit ${i}: lower ${lo[i]} > upper ${hi[i]}`);
    minSum += lo[i];
    maxSum += hi[i];
  }
  if (total < minSum || total > maxSum) {
    throw new InfeasibleError(`total ${total} outside [${minSum}; ${maxSum}]`);
  }

  const room = hi.map((h, i) => h - lo[i]);
  const w = weights.map((x) => Math.max(x, 1e-9));
  const share = new Array<number>(n).fill(0);
  const free = new Set<number>();
  for (let i = 0; i < n; i++) if (room[i] > 0) free.add(i);

  let rest = total - minSum;
  while (free.size > 0) {
    let wsum = 0;
    for (const i of free) wsum += w[i];
    const lambda = rest / wsum;
    const saturated = [...free].filter((i) => lambda * w[i] >= room[i]);
    if (saturated.length === 0) {
      for (const i of free) share[i] = lambda * w[i];
      break;
    }
    for (const i of saturated) {
      share[i] = room[i];
      rest -= room[i];
      free.delete(i);
    }
  }

  const result = lo.map((l, i) => l + Math.min(room[i], Math.floor(share[i] + 1e-9)));
  const frac = share.map((s, i) => s - (result[i] - lo[i]));
  const order = [...Array(n).keys()].sort((a, b) => frac[b] - frac[a] || a - b);
  let leftover = total - result.reduce((s, v) => s + v, 0);
  while (leftover > 0) {
    let moved = false;
    for (const i of order) {
      if (leftover === 0) break;
      if (result[i] < hi[i]) {
        result[i]++;
        leftover--;
        moved = true;
      }
    }
    if (!moved) throw new InfeasibleError('cannot place leftover');
  }
  while (leftover < 0) {
    let moved = false;
    for (const i of [...order].reverse()) {
      if (leftover === 0) break;
      if (result[i] > lo[i]) {
        result[i]--;
        leftover++;
        moved = true;
      }
    }
    if (!moved) throw new InfeasibleError('cannot remove excess');
  }
  return result;
}

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

/** code → per-unit values, in scaled units (tenths for decimal codes), units in list order. */
type Table = Record<string, number[]>;

interface Bounds {
  lower: number[];
  upper: number[];
}

interface BuildSpec {
  /** Provincial totals, scaled. */
  totals: Record<string, number>;
  /** Per-unit values fixed in advance, scaled. */
  fixed: Record<string, number[]>;
  /** Weights replacing the size-based ones for some codes. */
  weightOverride: Record<string, number[]>;
  /** Extra per-unit bounds (previous-period stocks relative to the current values). */
  stockBounds: Record<string, Bounds>;
  /** Weights used for codes with stock bounds. */
  stockWeights: Record<string, number[]>;
}

/** Codes that do not depend on any other code. */
const INDEPENDENT_CODES: readonly string[] = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '11', '14', '16', '17', '19', '20', '21',
  '22', '23', '24', '25', '26', '27', '29', '30', '31', '32', '34', '35', '36', '37', '38', '39', '40',
];

function build(spec: BuildSpec, rng: Rng): Table {
  const n = UNITS.length;
  const t: Table = {};
  const sizeWeights = (amp: number): number[] => SIZES.map((s) => s * jitter(rng, amp));
  /** Weights for an amount tied to a count (money per house, per gift…): richer districts give a bit more. */
  const perItemWeights = (counts: readonly number[]): number[] =>
    counts.map((c, i) => c * Math.sqrt(SIZES[i]) * jitter(rng, 0.15));
  const mapped = (xs: readonly number[], f: (x: number) => number): number[] => xs.map(f);

  const put = (code: string, lower?: number[], upper?: number[], weights?: number[]): void => {
    const fixed = spec.fixed[code];
    if (fixed) {
      t[code] = [...fixed];
      return;
    }
    const total = spec.totals[code];
    if (total === undefined) throw new Error(`figures: no total for ${code}`);
    let w = weights ?? spec.weightOverride[code] ?? sizeWeights(total <= 20 ? 0.35 : 0.2);
    let lo = lower ?? new Array<number>(n).fill(0);
    let hi = upper ?? new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const sb = spec.stockBounds[code];
    if (sb) {
      lo = lo.map((v, i) => Math.max(v, sb.lower[i]));
      hi = hi.map((v, i) => Math.min(v, sb.upper[i]));
      w = spec.stockWeights[code] ?? w;
    }
    t[code] = allocate(total, w, lo, hi);
  };

  for (const code of INDEPENDENT_CODES) put(code);

  // 10 (children of members among the new recruits) ≤ 09.
  put('10', undefined, t['09'], mapped(t['09'], (v) => v * jitter(rng, 0.3)));

  // 12 + 13 ≤ 11: first the combined 12 + 13, capped by 11, then 13 inside it.
  const combinedTotal = spec.totals['12'] + spec.totals['13'];
  const combined = allocate(combinedTotal, mapped(t['11'], (v) => v * jitter(rng, 0.04)), undefined, t['11']);
  t['13'] = allocate(spec.totals['13'], mapped(combined, (v) => v * jitter(rng, 0.3)), undefined, combined);
  t['12'] = combined.map((v, i) => v - t['13'][i]);

  // 15 (households out of poverty) ≤ 14.
  put('15', undefined, t['14'], mapped(t['14'], (v) => v * jitter(rng, 0.3)));

  // 18 / 19 within [0.1; 50] — in tenths: 19 ≤ 18 ≤ 500 × 19.
  put('18', t['19'], mapped(t['19'], (v) => v * 500), perItemWeights(t['19']));
  // 28 / 27 within [20; 200] — in tenths: 200 × 27 ≤ 28 ≤ 2000 × 27.
  put('28', mapped(t['27'], (v) => v * 200), mapped(t['27'], (v) => v * 2000), perItemWeights(t['27']));
  // 33 / 32 within [0.1; 5] — in tenths: 32 ≤ 33 ≤ 50 × 32.
  put('33', t['32'], mapped(t['32'], (v) => v * 50), perItemWeights(t['32']));

  return t;
}

/** Problems with a table, in scaled units; empty when everything holds. */
function check(t: Table, totals: Record<string, number>, current?: Table): string[] {
  const problems: string[] = [];
  const n = UNITS.length;
  const tk = UNITS.indexOf(TAM_KY);
  for (const code of CODES) {
    const col = t[code];
    if (!col || col.length !== n) {
      problems.push(`${code}: missing`);
      continue;
    }
    if (col.some((v) => !Number.isInteger(v) || v < 0)) problems.push(`${code}: bad value`);
    const sum = col.reduce((s, v) => s + v, 0);
    if (sum !== totals[code]) problems.push(`${code}: sum ${sum} ≠ ${totals[code]}`);
    if (!MOUNTAIN_CHECK_EXEMPT.has(code)) {
      col.forEach((v, i) => {
        if (IS_MOUNTAIN[i] && v > col[tk]) problems.push(`${code}: ${UNITS[i]} > ${TAM_KY}`);
      });
    }
  }
  if (problems.length > 0) return problems;

  const rows: Array<(k: number) => number> = [...Array(n).keys()].map((i) => (k: number) => t[String(k).padStart(2, '0')][i]);
  rows.push((k) => totals[String(k).padStart(2, '0')]);
  rows.forEach((v, i) => {
    const who = i < n ? UNITS[i] : 'total';
    if (v(10) > v(9)) problems.push(`${who}: 10 > 09`);
    if (v(12) > v(11)) problems.push(`${who}: 12 > 11`);
    if (v(12) + v(13) > v(11)) problems.push(`${who}: 12 + 13 > 11`);
    if (v(15) > v(14)) problems.push(`${who}: 15 > 14`);
    if (v(27) > 0 ? v(28) < 200 * v(27) || v(28) > 2000 * v(27) : v(28) !== 0) problems.push(`${who}: 28/27`);
    if (v(32) > 0 ? v(33) < v(32) || v(33) > 50 * v(32) : v(33) !== 0) problems.push(`${who}: 33/32`);
    if (v(19) > 0 ? v(18) < v(19) || v(18) > 500 * v(19) : v(18) !== 0) problems.push(`${who}: 18/19`);
  });

  if (current) {
    for (const code of STOCK_CODES) {
      t[code].forEach((prev, i) => {
        const cur = current[code][i];
        if (cur > 0 && prev <= 0) problems.push(`${code} ${UNITS[i]}: previous not > 0`);
        if (prev > 0 && 10 * Math.abs(cur - prev) > 3 * prev) problems.push(`${code} ${UNITS[i]}: change > 30 %`);
        if (prev === 0 && cur !== 0) problems.push(`${code} ${UNITS[i]}: change from 0`);
      });
    }
  }
  return problems;
}

/** Run `attempt` with successive seeds until `check` finds nothing. Deterministic. */
function firstValid(label: string, seed: number, attempt: (rng: Rng) => { table: Table; problems: string[] }): Table {
  let last: string[] = [];
  for (let k = 0; k < MAX_ATTEMPTS; k++) {
    const rng = mulberry32((seed + Math.imul(k, 0x9e3779b9)) >>> 0);
    try {
      const { table, problems } = attempt(rng);
      if (problems.length === 0) return table;
      last = problems;
    } catch (err) {
      if (!(err instanceof InfeasibleError)) throw err;
      last = [err.message];
    }
  }
  throw new Error(`figures: no valid ${label} figures after ${MAX_ATTEMPTS} attempts: ${last.slice(0, 5).join('; ')}`);
}

function scaledTotals(figures: Figures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of CODES) out[code] = toScaled(code, figures[code]);
  return out;
}

function buildCurrent(): Table {
  const totals = scaledTotals(CURRENT_TOTALS);
  const fixed: Record<string, number[]> = {};
  for (const [code, breakdown] of Object.entries(CURRENT_BREAKDOWNS)) {
    fixed[code] = UNITS.map((u) => toScaled(code, breakdown[u] ?? 0));
  }
  return firstValid('current', CURRENT_SEED, (rng) => {
    const table = build({ totals, fixed, weightOverride: {}, stockBounds: {}, stockWeights: {} }, rng);
    return { table, problems: check(table, totals) };
  });
}

/**
 * Previous-period totals: fixed ones from the report, the others drawn within
 * ±15 % of the current totals. Related codes share one factor so that the
 * provincial ratios stay close to the current ones.
 */
function previousTotals(rng: Rng): Record<string, number> {
  const current = scaledTotals(CURRENT_TOTALS);
  const draw = (min: number, max: number): number => min + (max - min) * rng();
  const clamp = (f: number): number => Math.min(1.15, Math.max(0.85, f));
  const factor: Record<string, number> = {};
  for (const code of CODES) factor[code] = draw(0.85, 1.15);
  const groups: Array<{ codes: string[]; min: number; max: number }> = [
    { codes: ['09', '10'], min: 0.85, max: 1.15 },
    // Ex-servicemen change slowly.
    { codes: ['11', '12', '13'], min: 0.97, max: 1.05 },
    // Poor households were more numerous a period earlier.
    { codes: ['14', '15'], min: 1.03, max: 1.15 },
    { codes: ['27', '28'], min: 0.85, max: 1.15 },
    { codes: ['32', '33'], min: 0.85, max: 1.15 },
  ];
  for (const g of groups) {
    const f = draw(g.min, g.max);
    for (const code of g.codes) factor[code] = clamp(f * jitter(rng, 0.02));
  }
  const out: Record<string, number> = {};
  for (const code of CODES) {
    const cur = current[code];
    out[code] = Math.max(cur > 0 ? 1 : 0, Math.round(cur * factor[code]));
  }
  for (const [code, value] of Object.entries(PREVIOUS_FIXED_TOTALS)) out[code] = toScaled(code, value);
  return out;
}

function buildPrevious(current: Table): Table {
  return firstValid('previous', PREVIOUS_SEED, (rng) => {
    const totals = previousTotals(rng);
    // |current − previous| ≤ 30 % of previous  ⇔  current / 1.3 ≤ previous ≤ current / 0.7.
    const stockBounds: Record<string, Bounds> = {};
    const stockWeights: Record<string, number[]> = {};
    for (const code of STOCK_CODES) {
      const cur = current[code];
      stockBounds[code] = {
        lower: cur.map((c) => (c > 0 ? Math.max(1, Math.ceil((c * 10) / 13)) : 0)),
        upper: cur.map((c) => Math.floor((c * 10) / 7)),
      };
      stockWeights[code] = cur.map((c) => c * jitter(rng, 0.05));
    }
    // Temporary houses replaced in 2023: mostly in the mountain districts.
    const houses = UNITS.map((_, i) => (IS_MOUNTAIN[i] ? 1.0 : SIZES[i] < 1.2 ? 0.4 : 0.15) * jitter(rng, 0.5));
    const table = build({ totals, fixed: {}, weightOverride: { '16': houses }, stockBounds, stockWeights }, rng);
    return { table, problems: check(table, totals, current) };
  });
}

let cache: { current: Table; previous: Table } | undefined;

function tables(): { current: Table; previous: Table } {
  if (!cache) {
    const current = buildCurrent();
    cache = { current, previous: buildPrevious(current) };
  }
  return cache;
}

function toFigures(t: Table): Map<string, Figures> {
  const out = new Map<string, Figures>();
  UNITS.forEach((unit, i) => {
    const figures: Figures = {};
    for (const code of CODES) figures[code] = fromScaled(code, t[code][i]);
    out.set(unit, figures);
  });
  return out;
}

/** Current period (6 tháng đầu năm 2024): unit name → figures, units in list order. */
export function currentFigures(): Map<string, Figures> {
  return toFigures(tables().current);
}

/** Previous period (năm 2023): unit name → figures, units in list order. */
export function previousFigures(): Map<string, Figures> {
  return toFigures(tables().previous);
}

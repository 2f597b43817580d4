import unitList from '../../src/core/units/default-units.json';
import {
  CURRENT_TOTALS,
  currentFigures,
  previousFigures,
  type Figures,
} from '../../scripts/sample/figures';

const UNITS: string[] = unitList.units;
const CODES = Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0'));
const DECIMAL = new Set(['18', '23', '24', '25', '28', '33', '34', '35', '36', '37', '38', '39']);
const STOCK = ['08', '11', '14', '18'];
const MOUNTAIN = ['Nông Sơn', 'Đông Giang', 'Tây Giang', 'Nam Giang', 'Phước Sơn', 'Bắc Trà My', 'Nam Trà My'];

/** The report's figures, written out independently of the generator. */
const REPORT: Record<string, number> = {
  '01': 1600, '02': 2, '03': 3, '04': 4, '05': 727, '06': 1507, '07': 297, '08': 37090,
  '09': 2554, '10': 124, '11': 62950, '12': 54153, '13': 4055, '14': 1557, '15': 253, '16': 13,
  '17': 6776, '18': 46326, '19': 20142, '20': 21040, '21': 78995, '22': 4801, '23': 898.3, '24': 30.3,
  '25': 42.3, '26': 157, '27': 17, '28': 882.8, '29': 104, '30': 10, '31': 62, '32': 7514,
  '33': 2904.5, '34': 587, '35': 178.6, '36': 434.2, '37': 104.2, '38': 362, '39': 397, '40': 8,
};

/** Value as an integer count of tenths (decimals) or units (whole numbers). */
function scaled(code: string, v: number): number {
  return DECIMAL.has(code) ? Math.round(v * 10) : v;
}

function total(figs: Map<string, Figures>, code: string): number {
  let s = 0;
  for (const f of figs.values()) s += scaled(code, f[code]);
  return s;
}

function totalsOf(figs: Map<string, Figures>): Figures {
  const out: Figures = {};
  for (const code of CODES) out[code] = total(figs, code);
  return out;
}

/** Rule violations for one set of figures, all in scaled integers. */
function ruleViolations(v: (code: string) => number): string[] {
  const bad: string[] = [];
  if (v('10') > v('09')) bad.push('10 <= 09');
  if (v('12') > v('11')) bad.push('12 <= 11');
  if (v('12') + v('13') > v('11')) bad.push('12 + 13 <= 11');
  if (v('15') > v('14')) bad.push('15 <= 14');
  // 28 is in tenths: 20 ≤ 28/27 ≤ 200  ⇔  200·27 ≤ 28ₜ ≤ 2000·27.
  if (v('27') > 0 && (v('28') < 200 * v('27') || v('28') > 2000 * v('27'))) bad.push('28/27 in [20; 200]');
  if (v('27') === 0 && v('28') !== 0) bad.push('27 = 0 ⇒ 28 = 0');
  if (v('32') > 0 && (v('33') < v('32') || v('33') > 50 * v('32'))) bad.push('33/32 in [0.1; 5]');
  if (v('32') === 0 && v('33') !== 0) bad.push('32 = 0 ⇒ 33 = 0');
  if (v('19') > 0 && (v('18') < v('19') || v('18') > 500 * v('19'))) bad.push('18/19 in [0.1; 50]');
  if (v('19') === 0 && v('18') !== 0) bad.push('19 = 0 ⇒ 18 = 0');
  return bad;
}

function describeShapeProblems(figs: Map<string, Figures>): string[] {
  const bad: string[] = [];
  for (const [unit, f] of figs) {
    if (Object.keys(f).sort().join(',') !== CODES.join(',')) bad.push(`${unit}: codes ${Object.keys(f).join(',')}`);
    for (const code of CODES) {
      const v = f[code];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad.push(`${unit} ${code}: ${v}`);
      else if (DECIMAL.has(code) ? Math.round(v * 10) / 10 !== v : !Number.isInteger(v)) {
        bad.push(`${unit} ${code}: ${v} has too many decimals`);
      }
    }
  }
  return bad;
}

function mountainProblems(figs: Map<string, Figures>): string[] {
  const tk = figs.get('Tam Kỳ')!;
  const bad: string[] = [];
  for (const unit of MOUNTAIN) {
    const f = figs.get(unit)!;
    for (const code of CODES) {
      if (code !== '16' && f[code] > tk[code]) bad.push(`${unit} ${code}: ${f[code]} > ${tk[code]}`);
    }
  }
  return bad;
}

describe('sample figures — current period', () => {
  const current = currentFigures();

  it('has the 18 units in list order', () => {
    expect([...current.keys()]).toEqual(UNITS);
    expect(current.size).toBe(18);
  });

  it('exports the report totals', () => {
    expect(CURRENT_TOTALS).toEqual(REPORT);
  });

  it('adds up exactly to the report totals', () => {
    const expected: Figures = {};
    for (const code of CODES) expected[code] = scaled(code, REPORT[code]);
    expect(totalsOf(current)).toEqual(expected);
  });

  it('has whole numbers, ≤ 1 decimal for decimal codes, nothing negative', () => {
    expect(describeShapeProblems(current)).toEqual([]);
  });

  it('satisfies every rule per unit and on the totals', () => {
    const bad: string[] = [];
    for (const [unit, f] of current) {
      for (const r of ruleViolations((c) => scaled(c, f[c]))) bad.push(`${unit}: ${r}`);
    }
    for (const r of ruleViolations((c) => scaled(c, REPORT[c]))) bad.push(`total: ${r}`);
    expect(bad).toEqual([]);
  });

  it('follows the 02 and 16 breakdowns of the report', () => {
    const expect02: Record<string, number> = { 'Quế Sơn': 1, 'Điện Bàn': 1 };
    const expect16: Record<string, number> = { 'Nam Giang': 10, 'Nam Trà My': 1, 'Hiệp Đức': 2 };
    for (const [unit, f] of current) {
      expect([unit, f['02']]).toEqual([unit, expect02[unit] ?? 0]);
      expect([unit, f['16']]).toEqual([unit, expect16[unit] ?? 0]);
    }
  });

  it('never puts a mountain district above Tam Kỳ (except 16)', () => {
    expect(mountainProblems(current)).toEqual([]);
  });

  it('spreads the figures: every large total reaches every district', () => {
    for (const code of ['01', '05', '06', '08', '09', '11', '12', '14', '17', '18', '19', '20', '21', '32', '33']) {
      for (const [unit, f] of current) expect([code, unit, f[code] > 0]).toEqual([code, unit, true]);
    }
  });
});

describe('sample figures — previous period', () => {
  const current = currentFigures();
  const previous = previousFigures();

  it('has the 18 units in list order', () => {
    expect([...previous.keys()]).toEqual(UNITS);
  });

  it('has whole numbers, ≤ 1 decimal for decimal codes, nothing negative', () => {
    expect(describeShapeProblems(previous)).toEqual([]);
  });

  it('has the fixed totals 08 = 37196 and 18 = 43064', () => {
    expect(total(previous, '08')).toBe(37196);
    expect(total(previous, '18')).toBe(430640);
  });

  it('keeps the other totals near the current ones', () => {
    const prev = totalsOf(previous);
    for (const code of CODES) {
      if (code === '08' || code === '18') continue;
      const cur = scaled(code, REPORT[code]);
      if (cur < 20) continue; // tiny counts: rounding dominates
      const ratio = prev[code] / cur;
      expect([code, ratio >= 0.84 && ratio <= 1.16]).toEqual([code, true]);
    }
  });

  it('satisfies every rule per unit and on the totals', () => {
    const bad: string[] = [];
    for (const [unit, f] of previous) {
      for (const r of ruleViolations((c) => scaled(c, f[c]))) bad.push(`${unit}: ${r}`);
    }
    const t = totalsOf(previous);
    for (const r of ruleViolations((c) => t[c])) bad.push(`total: ${r}`);
    expect(bad).toEqual([]);
  });

  it('never puts a mountain district above Tam Kỳ (except 16)', () => {
    expect(mountainProblems(previous)).toEqual([]);
  });

  it('keeps each stock change within 30 % of the previous value', () => {
    const bad: string[] = [];
    for (const unit of UNITS) {
      for (const code of STOCK) {
        const cur = scaled(code, current.get(unit)![code]);
        const prev = scaled(code, previous.get(unit)![code]);
        if (cur > 0 && prev <= 0) bad.push(`${unit} ${code}: previous ${prev}`);
        if (prev > 0 && 10 * Math.abs(cur - prev) > 3 * prev) bad.push(`${unit} ${code}: ${prev} → ${cur}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('sample figures — determinism', () => {
  it('returns equal results on every call', () => {
    expect(currentFigures()).toEqual(currentFigures());
    expect(previousFigures()).toEqual(previousFigures());
  });

  it('returns fresh objects, so callers cannot corrupt later calls', () => {
    const a = currentFigures();
    a.get('Tam Kỳ')!['08'] = -1;
    expect(currentFigures().get('Tam Kỳ')!['08']).toBeGreaterThan(0);
  });

  it('does not depend on Math.random', () => {
    const before = currentFigures();
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../scripts/sample/figures') as typeof import('../../scripts/sample/figures');
        expect(fresh.currentFigures()).toEqual(before);
        expect(fresh.previousFigures()).toEqual(previousFigures());
      });
    } finally {
      spy.mockRestore();
    }
  });
});

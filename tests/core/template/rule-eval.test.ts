import { evaluateRule, ruleFails } from '../../../src/core/template/rule-eval';
import { parseRules } from '../../../src/core/template/rule-parser';

const KNOWN = new Set(Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0')));

function rule(text: string, rowCode?: string) {
  const [r] = parseRules(text, KNOWN, rowCode);
  return r;
}

function figures(values: Record<string, number>) {
  return (code: string) => values[code] ?? 0;
}

describe('evaluateRule', () => {
  const cases: {
    text: string;
    values: Record<string, number>;
    applicable?: boolean;
    holds: boolean;
    actual?: number;
    detail: string;
  }[] = [
    {
      text: '12 + 13 <= 11',
      values: { '11': 62950, '12': 40000, '13': 18208 },
      holds: true,
      actual: 58208,
      detail: 'mã 12 + mã 13 = 40.000 + 18.208 = 58.208, nhỏ hơn mã 11 = 62.950',
    },
    {
      text: '12 + 13 <= 11',
      values: { '11': 50000, '12': 40000, '13': 18208 },
      holds: false,
      actual: 58208,
      detail: 'mã 12 + mã 13 = 40.000 + 18.208 = 58.208, lớn hơn mã 11 = 50.000',
    },
    { text: '10 <= 09', values: { '09': 12, '10': 12 }, holds: true, actual: 12, detail: 'mã 10 = 12, bằng mã 09 = 12' },
    { text: '10 < 09', values: { '09': 12, '10': 12 }, holds: false, detail: 'mã 10 = 12, bằng mã 09 = 12' },
    { text: '10 > 09', values: { '09': 12, '10': 13 }, holds: true, detail: 'mã 10 = 13, lớn hơn mã 09 = 12' },
    { text: '10 >= 09', values: { '09': 12, '10': 11 }, holds: false, detail: 'mã 10 = 11, nhỏ hơn mã 09 = 12' },
    { text: '10 <> 09', values: { '09': 12, '10': 12 }, holds: false, detail: 'mã 10 = 12, bằng mã 09 = 12' },
    {
      text: '18 = 23 + 24',
      values: { '18': 0.3, '23': 0.1, '24': 0.2 },
      holds: true,
      detail: 'mã 18 = 0,3, bằng mã 23 + mã 24 = 0,1 + 0,2 = 0,3',
    },
    {
      text: '18 <= 23',
      values: { '18': 1_000_000_000.0000001, '23': 1_000_000_000 },
      holds: true,
      detail: 'mã 18 = 1.000.000.000, bằng mã 23 = 1.000.000.000',
    },
    {
      text: 'cảnh báo: 28 / 27 trong [20; 200]',
      values: { '27': 30, '28': 5400 },
      holds: true,
      actual: 180,
      detail: 'mã 28 / mã 27 = 5.400 / 30 = 180, nằm trong khoảng [20; 200]',
    },
    {
      text: 'cảnh báo: 28 / 27 trong [20; 200]',
      values: { '27': 2, '28': 898.3 },
      holds: false,
      actual: 449.15,
      detail: 'mã 28 / mã 27 = 898,3 / 2 = 449,15, lớn hơn cận trên của khoảng [20; 200]',
    },
    {
      text: 'cảnh báo: 33 / 32 trong [0,1; 5]',
      values: { '32': 200, '33': 10 },
      holds: false,
      actual: 0.05,
      detail: 'mã 33 / mã 32 = 10 / 200 = 0,05, nhỏ hơn cận dưới của khoảng [0,1; 5]',
    },
    {
      text: 'cảnh báo: 28 / 27 trong [20; 200]',
      values: { '27': 0, '28': 5400 },
      applicable: false,
      holds: true,
      detail: 'không áp dụng: mẫu số mã 27 bằng 0',
    },
    {
      text: '12 <= 11 * (18 / (19 - 20))',
      values: { '19': 5, '20': 5 },
      applicable: false,
      holds: true,
      detail: 'không áp dụng: mẫu số mã 19 - mã 20 bằng 0',
    },
    {
      text: '-12 + 13 < 11',
      values: { '11': 1, '12': 5, '13': 2 },
      holds: true,
      detail: '-mã 12 + mã 13 = -5 + 2 = -3, nhỏ hơn mã 11 = 1',
    },
  ];

  it.each(cases)('$text with $values', ({ text, values, applicable, holds, actual, detail }) => {
    const result = evaluateRule(rule(text), figures(values));
    expect(result.applicable).toBe(applicable ?? true);
    expect(result.holds).toBe(holds);
    if (actual !== undefined) expect(result.actual).toBeCloseTo(actual, 9);
    expect(result.detail).toBe(detail);
  });

  it.each(cases)('ruleFails gives the same verdict: $text with $values', ({ text, values }) => {
    const result = evaluateRule(rule(text), figures(values));
    expect(ruleFails(rule(text), figures(values))).toBe(result.applicable && !result.holds);
  });

  it('ruleFails leaves a change rule without a usable previous figure alone', () => {
    const change = rule('cảnh báo: biến động <= 50%', '08');
    for (const prev of [undefined, 0, NaN, 1000, 100]) {
      const previous = (c: string) => ({ '08': prev })[c];
      const result = evaluateRule(change, figures({ '08': 1400 }), previous);
      expect([prev, ruleFails(change, figures({ '08': 1400 }), previous)]).toEqual([prev, result.applicable && !result.holds]);
    }
  });

  it('reads each code once', () => {
    const reads: string[] = [];
    evaluateRule(rule('12 + 12 <= 11'), (c) => {
      reads.push(c);
      return 1;
    });
    expect(reads.sort()).toEqual(['11', '12']);
  });

  it('treats a non-finite figure as not applicable', () => {
    const result = evaluateRule(rule('12 <= 11'), (c) => (c === '11' ? NaN : 1));
    expect(result).toEqual({ applicable: false, holds: true, detail: 'không áp dụng: không có số liệu mã 11' });
  });

  describe('change rules', () => {
    const change = rule('cảnh báo: biến động <= 50%', '08');

    it('holds within the limit', () => {
      const result = evaluateRule(change, figures({ '08': 1400 }), (c) => ({ '08': 1000 })[c]);
      expect(result).toEqual({
        applicable: true,
        holds: true,
        actual: expect.closeTo(0.4, 9),
        detail: 'mã 08: kỳ trước 1.000, kỳ này 1.400, tăng 40% (cho phép tối đa 50%)',
      });
    });

    it('fails beyond the limit, in both directions', () => {
      const up = evaluateRule(change, figures({ '08': 1600 }), () => 1000);
      expect(up.holds).toBe(false);
      expect(up.detail).toBe('mã 08: kỳ trước 1.000, kỳ này 1.600, tăng 60% (cho phép tối đa 50%)');
      const down = evaluateRule(change, figures({ '08': 300 }), () => 1000);
      expect(down.holds).toBe(false);
      expect(down.actual).toBeCloseTo(0.7, 9);
      expect(down.detail).toBe('mã 08: kỳ trước 1.000, kỳ này 300, giảm 70% (cho phép tối đa 50%)');
    });

    it('accepts exactly the limit', () => {
      expect(evaluateRule(change, figures({ '08': 1500 }), () => 1000).holds).toBe(true);
    });

    it('reports no movement', () => {
      expect(evaluateRule(change, figures({ '08': 1000 }), () => 1000).detail).toBe(
        'mã 08: kỳ trước 1.000, kỳ này 1.000, không đổi (cho phép tối đa 50%)',
      );
    });

    it('is not applicable without previous figures or with previous = 0', () => {
      expect(evaluateRule(change, figures({ '08': 1000 }))).toEqual({
        applicable: false,
        holds: true,
        detail: 'không áp dụng: không có số liệu kỳ trước của mã 08',
      });
      expect(evaluateRule(change, figures({ '08': 1000 }), () => undefined).applicable).toBe(false);
      expect(evaluateRule(change, figures({ '08': 1000 }), () => 0)).toEqual({
        applicable: false,
        holds: true,
        detail: 'không áp dụng: kỳ trước mã 08 = 0',
      });
    });
  });
});

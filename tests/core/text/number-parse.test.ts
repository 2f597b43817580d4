import fc from 'fast-check';
import type { IndicatorKind } from '../../../src/core/template/model';
import { formatNumber } from '../../../src/core/text/number-format';
import { ParseNote, parseVietnameseNumber } from '../../../src/core/text/number-parse';

type NumberCase = [text: string, kind: IndicatorKind, unit: string | undefined, value: number, notes: ParseNote[]];

describe('parseVietnameseNumber: numbers', () => {
  it.each<NumberCase>([
    // separators
    ['37.090', 'I', undefined, 37090, []],
    ['1.234.567', 'I', undefined, 1234567, []],
    ['30,3', 'D', undefined, 30.3, []],
    ['898,3', 'D', undefined, 898.3, []],
    ['0,5', 'D', undefined, 0.5, []],
    ['12,75', 'D', undefined, 12.75, []],
    ['1,600', 'I', undefined, 1600, ['ambiguous-comma']],
    ['1,600', 'D', undefined, 1.6, ['ambiguous-comma']],
    ['0,500', 'D', undefined, 0.5, []],
    ['1234,567', 'D', undefined, 1234.567, []],
    ['1.234,5', 'D', undefined, 1234.5, []],
    ['1,234.5', 'D', undefined, 1234.5, []],
    ['1.234.567,89', 'D', undefined, 1234567.89, []],
    ['1,234,567', 'I', undefined, 1234567, []],
    ['30.3', 'D', undefined, 30.3, ['ambiguous-comma']],
    ['0.500', 'D', undefined, 0.5, ['ambiguous-comma']],
    ['1.600', 'D', undefined, 1600, []],
    ['02', 'I', undefined, 2, []],
    ['0', 'I', undefined, 0, []],
    ['0 ', 'I', undefined, 0, []],
    ['  1.507  ', 'I', undefined, 1507, []],
    ['1\u00a0507', 'I', undefined, 1507, ['ambiguous-comma']],
    ['1 234 567', 'I', undefined, 1234567, ['ambiguous-comma']],
    ['1 507,5', 'D', undefined, 1507.5, ['ambiguous-comma']],
    ['10 nhà 200', 'I', undefined, 10, ['extra-text']],
    // signs
    ['-5', 'I', undefined, -5, []],
    ['\u2212 5', 'I', undefined, -5, []],
    ['\u22125', 'I', undefined, -5, []],
    ['\u2013 5', 'I', undefined, -5, []],
    ['(-5)', 'I', undefined, -5, []],
    ['+5', 'I', undefined, 5, []],
    ['-1.234,5', 'D', undefined, -1234.5, []],
    // approximations
    ['gần 1.600', 'I', undefined, 1600, ['approximate']],
    ['khoảng 50', 'I', undefined, 50, ['approximate']],
    ['hơn 200', 'I', undefined, 200, ['approximate']],
    ['trên 30', 'I', undefined, 30, ['approximate']],
    ['ước 1.000', 'I', undefined, 1000, ['approximate']],
    ['ước tính 1.000', 'I', undefined, 1000, ['approximate']],
    ['trên dưới 50', 'I', undefined, 50, ['approximate']],
    ['xấp xỉ 1.000', 'I', undefined, 1000, ['approximate']],
    ['Gần 1.600', 'I', undefined, 1600, ['approximate']],
    ['gần 1.600'.normalize('NFD'), 'I', undefined, 1600, ['approximate']],
    ['gan 1.600', 'I', undefined, 1600, ['approximate']],
    ['~ 300', 'I', undefined, 300, ['approximate']],
    ['>300', 'I', undefined, 300, ['approximate']],
    ['300 trở lên', 'I', undefined, 300, ['approximate']],
    ['khoảng 1,600', 'I', undefined, 1600, ['approximate', 'ambiguous-comma']],
    // extra text
    ['10 (nhà)', 'I', undefined, 10, ['extra-text']],
    ['1.600 lượt', 'I', undefined, 1600, ['extra-text']],
    ['1.600 lượt', 'I', 'lượt', 1600, []],
    ['1.600 lượt'.normalize('NFD'), 'I', 'Lượt', 1600, []],
    ['10 nhà, 2 cái', 'I', undefined, 10, ['extra-text']],
    ['1.600 - 1.700', 'I', undefined, 1600, ['extra-text']],
    ['Tổng số: 25', 'I', undefined, 25, ['extra-text']],
    ['gần 1.600 lượt', 'I', undefined, 1600, ['approximate', 'extra-text']],
    ['30,3%', 'D', '%', 30.3, []],
    ['30,3%', 'D', undefined, 30.3, ['extra-text']],
    ['30,3 %', 'D', 'hội viên', 30.3, ['extra-text']],
    ['25.', 'I', undefined, 25, []],
    // scale words and money units
    ['1,2 tỷ', 'D', 'triệu đồng', 1200, ['scaled']],
    ['1,2 tỉ', 'D', 'triệu đồng', 1200, ['scaled']],
    ['1,2tỷ đồng', 'D', 'triệu đồng', 1200, ['scaled']],
    ['2.904.500 đồng', 'D', 'triệu đồng', 2.9045, ['scaled']],
    ['2.904.500đ', 'D', 'triệu đồng', 2.9045, ['scaled']],
    ['2.904.500 VNĐ', 'D', 'Triệu đồng', 2.9045, ['scaled']],
    ['46.326 triệu đồng', 'D', 'triệu đồng', 46326, []],
    ['46.326 triệu', 'D', 'triệu đồng', 46326, []],
    ['46.326 triệu đồng'.normalize('NFD'), 'D', 'triệu đồng'.normalize('NFD'), 46326, []],
    ['46.326 triệu', 'D', 'Tr.đ', 46326, []],
    ['46.326 triệu', 'D', 'trđ', 46326, []],
    ['1.500 triệu', 'D', 'tỷ đồng', 1.5, ['scaled']],
    ['300 nghìn', 'D', 'triệu đồng', 0.3, ['scaled']],
    ['300 ngàn đồng', 'D', 'nghìn đồng', 300, []],
    ['2.904.500 đồng', 'D', undefined, 2904500, []],
    ['2.904.500 đồng', 'D', 'đồng', 2904500, []],
    ['1,2 nghìn', 'I', 'hội viên', 1200, ['scaled']],
    ['1,2 nghìn hội viên', 'I', 'hội viên', 1200, ['scaled']],
    ['1,2 nghìn', 'I', undefined, 1200, ['scaled']],
    ['1,5 triệu', 'D', 'nghìn người', 1500, ['scaled']],
    ['1.200 nghìn người', 'D', 'nghìn người', 1200, []],
    ['5 đồng', 'I', 'hội viên', 5, ['extra-text']],
    ['gần 1,2 tỷ', 'D', 'triệu đồng', 1200, ['approximate', 'scaled']],
    ['25 tỷ lệ', 'D', 'tỷ lệ', 25, []],
    ['25 tỷ lệ', 'D', undefined, 25, ['extra-text']],
    ['2 tỷ suất', 'D', undefined, 2, ['extra-text']],
    ['25', 'D', 'tỷ lệ (%)', 25, []],
    ['10 ngăn', 'I', undefined, 10, ['extra-text']],
    ['0,1', 'D', 'triệu đồng', 0.1, []],
    ['0,3 tỷ', 'D', 'triệu đồng', 300, ['scaled']],
    ['1,23456789012345 triệu', 'D', 'tỷ đồng', 0.0012345679, ['scaled']],
  ])('%j (%s, unit %j) → %p %j', (text, kind, unit, value, notes) => {
    expect(parseVietnameseNumber(text, kind, unit)).toEqual({ status: 'number', value, notes });
  });
});

describe('parseVietnameseNumber: blanks', () => {
  it.each<[string, string]>([
    ['', ''],
    ['   ', ''],
    ['-', '-'],
    [' - ', '-'],
    ['--', '--'],
    ['\u2013', '\u2013'],
    ['\u2014', '\u2014'],
    ['x', 'x'],
    ['X', 'X'],
    ['...', '...'],
    ['\u2026', '\u2026'],
    ['/', '/'],
    ['không', 'không'],
    ['Không', 'Không'],
    ['không có', 'không có'],
    ['Không phát sinh', 'Không phát sinh'],
    ['KPS', 'KPS'],
    ['\u200b', '\u200b'],
  ])('%j is blank with marker %j', (text, marker) => {
    expect(parseVietnameseNumber(text, 'I')).toEqual({ status: 'blank', marker });
  });
});

describe('parseVietnameseNumber: invalid', () => {
  it.each<string>(['chưa có', 'abc', 'Chưa báo cáo', 'nhiều', '12.5.2024', '1.23,4', '1,2,3', '1.2.3,4', '1,234.567,8'])(
    '%j is invalid',
    (text) => {
      expect(parseVietnameseNumber(text, 'D')).toEqual({ status: 'invalid' });
    },
  );
});

describe('parseVietnameseNumber: float noise', () => {
  it('rounds to 10 decimal places', () => {
    const r = parseVietnameseNumber('0,3 nghìn', 'D', 'triệu đồng');
    expect(r).toEqual({ status: 'number', value: 0.0003, notes: ['scaled'] });
  });

  it('reads back what formatNumber writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const value = whole + Math.sign(whole || 1) * (tenth / 10);
        const parsed = parseVietnameseNumber(formatNumber(value), 'D');
        expect(parsed).toEqual({ status: 'number', value: parseFloat(value.toFixed(1)), notes: [] });
      }),
    );
  });

  it('reads back whole numbers for count indicators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (value) => {
        expect(parseVietnameseNumber(formatNumber(value), 'I')).toEqual({ status: 'number', value, notes: [] });
      }),
    );
  });
});

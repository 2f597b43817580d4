import { formatFixed, formatNumber, formatPadded } from '../../../src/core/text/number-format';

describe('formatNumber', () => {
  it.each<[number, number | undefined, string]>([
    [37090, undefined, '37.090'],
    [898.3, undefined, '898,3'],
    [46326, undefined, '46.326'],
    [-1234.5, undefined, '-1.234,5'],
    [1600, undefined, '1.600'],
    [1234, undefined, '1.234'],
    [1234567, undefined, '1.234.567'],
    [2.95, 1, '3'],
    [2.94, 1, '2,9'],
    [30.3, undefined, '30,3'],
    [0, undefined, '0'],
    [-0.01, 1, '0'],
    [-0, undefined, '0'],
    [2.9045, 4, '2,9045'],
    [2.9045, 2, '2,9'],
    [1200, 0, '1.200'],
    [0.5, 0, '1'],
  ])('formatNumber(%p, %p) → %p', (value, maxDecimals, expected) => {
    expect(maxDecimals === undefined ? formatNumber(value) : formatNumber(value, maxDecimals)).toBe(expected);
  });
});

describe('formatFixed', () => {
  it.each<[number, number, string]>([
    [2.3, 2, '2,30'],
    [2, 1, '2,0'],
    [1234.5, 2, '1.234,50'],
    [-0.001, 2, '0,00'],
    [-1.005, 1, '-1,0'],
    [37090, 0, '37.090'],
  ])('formatFixed(%p, %p) → %p', (value, decimals, expected) => {
    expect(formatFixed(value, decimals)).toBe(expected);
  });
});

describe('formatPadded', () => {
  it.each<[number, number | undefined, string]>([
    [2, undefined, '02'],
    [1, undefined, '01'],
    [0, undefined, '00'],
    [9, undefined, '09'],
    [13, undefined, '13'],
    [1507, undefined, '1.507'],
    [5, 3, '005'],
    [42, 3, '042'],
    [1.5, undefined, '1,5'],
    [-2, undefined, '-2'],
  ])('formatPadded(%p, %p) → %p', (value, width, expected) => {
    expect(width === undefined ? formatPadded(value) : formatPadded(value, width)).toBe(expected);
  });
});

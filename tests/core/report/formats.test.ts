import { fillSegments, type FillContext } from '../../../src/core/report/fill';
import { parseReportText } from '../../../src/core/report/text-template';

const UNITS = ['Tam Kỳ', 'Hội An', 'Tây Giang', 'Nam Giang', 'Hiệp Đức', 'Nam Trà My'];

function context(overrides: Partial<FillContext> = {}): FillContext {
  const included: FillContext['included'] = [
    { unit: 'Tam Kỳ', values: { '02': 0, '03': 0, '08': 20000, '16': 0, '18': 30000, '19': 10000, '23': 500.2 } },
    { unit: 'Nam Giang', values: { '02': 1, '03': 0, '08': 10000, '16': 10, '18': 10000, '19': 5000, '23': 398.1 } },
    { unit: 'Hiệp Đức', values: { '02': 1, '03': 0, '08': 7000, '16': 2, '18': 6326, '19': 5142, '23': 0 } },
    { unit: 'Nam Trà My', values: { '02': 0, '03': 0, '08': 90, '16': 1, '18': 0, '19': 0, '23': 0 } },
  ];
  return {
    totals: { '02': 2, '03': 0, '07': 297, '08': 37090, '14': 1557, '15': 253, '16': 13, '18': 46326, '19': 20142, '23': 898.3 },
    previous: {
      label: 'Năm 2023',
      totals: { '08': 37196, '16': 13, '18': 43064, '19': 20000, '23': 898.3 },
      byUnit: { 'Hội An': { '16': 4 }, 'Tam Kỳ': { '16': 9 } },
    },
    units: UNITS,
    included,
    facts: {
      period: '6 tháng đầu năm 2024',
      previousLabel: 'Năm 2023',
      year: '2024',
      includedCount: 4,
      expectedCount: 6,
      missingUnits: 'Hội An, Tây Giang',
      excludedUnits: '',
      notIncluded: 'chưa báo cáo: Hội An, Tây Giang',
    },
    notesFor: () => [],
    ...overrides,
  };
}

function fill(text: string, ctx = context()): string {
  return fillSegments(parseReportText(text), ctx).map((r) => r.text).join('');
}

describe('formats', () => {
  const cases: [string, string][] = [
    ['{08}', '37.090'],
    ['{23}', '898,3'],
    ['{18}', '46.326'],
    ['{02|2 chữ số}', '02'],
    ['{16|2 chữ số}', '13'],
    ['{08|3 chữ số}', '37.090'],
    ['{23|3 chữ số}', '898,3'],
    ['{15}/{14}', '253/1.557'],
    ['{18/19|2}', '2,30'],
    ['{18/19}', '2,3'],
    ['{18/19|0}', '2'],
    ['{15/14|%}', '16,2%'],
    ['{15 / 14|phần trăm}', '16,2%'],
    ['{08 - 07}', '36.793'],
    ['{-08}', '-37.090'],
    ['{08|tăng giảm}', 'giảm 106'],
    ['{18|tăng giảm}', 'tăng 3.262'],
    ['{23|tăng giảm}', 'không đổi'],
    ['{18/19|tăng giảm}', 'tăng 0,1'],
    ['{08|kỳ trước}', '37.196'],
    ['{18|kỳ trước|2}', '43.064,00'],
    ['{16|từng đơn vị}', 'Nam Giang: 10; Hiệp Đức: 02; Nam Trà My: 01'],
    ['{16|từng đơn vị|ngoặc}', '(Nam Giang: 10; Hiệp Đức: 02; Nam Trà My: 01)'],
    ['{16|từng đơn vị|1}', 'Nam Giang: 10,0; Hiệp Đức: 2,0; Nam Trà My: 1,0'],
    ['{16|từng đơn vị|3 chữ số}', 'Nam Giang: 010; Hiệp Đức: 002; Nam Trà My: 001'],
    ['{23|từng đơn vị}', 'Tam Kỳ: 500,2; Nam Giang: 398,1'],
    ['{18/19|từng đơn vị|2}', 'Tam Kỳ: 3,00; Nam Giang: 2,00; Hiệp Đức: 1,23'],
    ['{16|kỳ trước|từng đơn vị}', 'Tam Kỳ: 09; Hội An: 04'],
    ['{08|ngoặc}', '(37.090)'],
    ['{kỳ báo cáo}', '6 tháng đầu năm 2024'],
    ['{kỳ báo cáo|chữ hoa}', '6 THÁNG ĐẦU NĂM 2024'],
    ['{kỳ trước|chữ thường}', 'năm 2023'],
    ['{kỳ trước|chữ hoa}', 'NĂM 2023'],
    ['{chưa báo cáo|viết hoa đầu}', 'Hội An, Tây Giang'],
    ['{năm}', '2024'],
    ['{số đơn vị đã tổng hợp}/{tổng số đơn vị}', '4/6'],
    ['{tổng số đơn vị|2 chữ số}', '06'],
    ['{chưa báo cáo}', 'Hội An, Tây Giang'],
    ['{đơn vị chưa tổng hợp}', 'chưa báo cáo: Hội An, Tây Giang'],
    ['{{08}} = {08}', '{08} = 37.090'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(fill(text)).toBe(expected);
  });
});

describe('period labels follow the sentence', () => {
  const cases: [string, string][] = [
    ['so với cuối {kỳ trước}.', 'so với cuối năm 2023.'],
    ['{kỳ trước} là kỳ trước.', 'Năm 2023 là kỳ trước.'],
    ['Xong. {kỳ trước} đã qua.', 'Xong. Năm 2023 đã qua.'],
    ['Xong! {kỳ trước}', 'Xong! Năm 2023'],
    ['kỳ: {kỳ trước}', 'kỳ: năm 2023'],
    ['{kỳ trước|viết hoa đầu} mid', 'Năm 2023 mid'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(fill(text)).toBe(expected);
  });

  it('capitalises a lower-case label at the start of a sentence and leaves acronyms alone', () => {
    const ctx = context({ facts: { ...context().facts, previousLabel: 'năm 2023', period: 'QĐ kỳ 1' } });
    expect(fill('{kỳ trước} và {kỳ báo cáo}', ctx)).toBe('Năm 2023 và QĐ kỳ 1');
  });

  it('treats a bullet prefix as the start of a sentence', () => {
    expect(fillSegments(parseReportText('{kỳ trước} xong'), context(), '- ').map((r) => r.text).join('')).toBe('Năm 2023 xong');
  });
});

describe('empty fields', () => {
  it('drop the space before them when punctuation or the end follows', () => {
    expect(fill('Chủ trì 00 cuộc {03|từng đơn vị|ngoặc}, phối hợp')).toBe('Chủ trì 00 cuộc, phối hợp');
    expect(fill('xóa được nhà tạm {03|từng đơn vị|ngoặc}')).toBe('xóa được nhà tạm');
    expect(fill('a {03|từng đơn vị} b')).toBe('a b');
    expect(fill('{chưa tính} đầu')).toBe('đầu');
  });
});

describe('figures that cannot be filled', () => {
  it('show a bracketed stand-in with the reason as a comment', () => {
    const ctx = context({ previous: null, facts: { ...context().facts, previousLabel: null, period: null, year: null } });
    const runs = fillSegments(parseReportText('{08}, {08|tăng giảm} so với cuối {kỳ trước}; {18/03|2}; {kỳ báo cáo} {năm}'), ctx);
    const commented = runs.filter((r) => r.comment !== undefined);
    expect(commented.map((r) => r.text)).toEqual([
      '[chưa có số liệu kỳ trước]', '[chưa có kỳ trước]', '[không tính được]', '[chưa rõ kỳ báo cáo]', '[chưa rõ năm]',
    ]);
    expect(commented[0].comment).toMatch(/Chưa có số liệu kỳ trước cho \{08\|tăng giảm\}/);
    expect(commented[2].comment).toBe('Không tính được {18/03|2}: mã 03 bằng 0.');
    expect(runs[0]).toEqual({ text: '37.090, ' });
  });

  it('say which code the previous period lacks', () => {
    const runs = fillSegments(parseReportText('{07|tăng giảm}'), context());
    expect(runs).toEqual([{ text: '[chưa có số liệu kỳ trước]', comment: 'Bảng tổng hợp kỳ trước không có số liệu mã 07 ({07|tăng giảm}).' }]);
  });
});

describe('reviewer notes', () => {
  it('attach to the run of each field whose current figures they concern, and only that run', () => {
    const ctx = context({ notesFor: (codes) => (codes.includes('08') ? ['xem lại 08'] : []) });
    const runs = fillSegments(parseReportText('lên {08} hội viên, {08|tăng giảm} hội viên; trước đó {08|kỳ trước}; {07} mới'), ctx);
    expect(runs).toEqual([
      { text: 'lên ' },
      { text: '37.090', comment: 'xem lại 08' },
      { text: ' hội viên, ' },
      { text: 'giảm 106', comment: 'xem lại 08' },
      { text: ' hội viên; trước đó 37.196; 297 mới' },
    ]);
  });
});

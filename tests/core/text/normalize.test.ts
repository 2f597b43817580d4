import { foldKey, normalizeText } from '../../../src/core/text/normalize';

describe('normalizeText', () => {
  const nfdQuangNam = 'Quảng Nam'.normalize('NFD');
  it.each<[string, string, string]>([
    ['NFD becomes NFC', nfdQuangNam, 'Quảng Nam'],
    ['no-break space', '1\u00a0600', '1 600'],
    ['narrow no-break space', '1\u202f600', '1 600'],
    ['thin space', 'a\u2009b', 'a b'],
    ['zero-width characters dropped', 'Hội\u200b An\ufeff', 'Hội An'],
    ['U+2212 minus', '\u22125', '-5'],
    ['en dash', '2023\u20132024', '2023-2024'],
    ['runs of spaces and trim', '  Điện   Bàn \t', 'Điện Bàn'],
    ['soft hyphen kept (TCVN3 ư)', 'ng\u00adêi', 'ng\u00adêi'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('NFD and NFC spellings differ in length but normalise equal', () => {
    expect('Quảng Nam'.length).toBe(9);
    expect(nfdQuangNam.length).toBe(10);
    expect(normalizeText(nfdQuangNam)).toBe(normalizeText('Quảng Nam'));
  });
});

describe('foldKey', () => {
  it.each<[string, string]>([
    ['Hội CCB Điện Bàn', 'hoi ccb dien ban'],
    ['Hoà', 'hoa'],
    ['Hòa', 'hoa'],
    ['Thuỷ', 'thuy'],
    ['Thủy', 'thuy'],
    ['ĐẠI LỘC', 'dai loc'],
    ['Đà Nẵng'.normalize('NFD'), 'da nang'],
    ['Trong đó:', 'trong do'],
    ['  Số hội viên (người) ', 'so hoi vien nguoi'],
    ['Cựu chiến binh', 'cuu chien binh'],
  ])('%j → %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });
});

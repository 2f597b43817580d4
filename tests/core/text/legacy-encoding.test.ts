import iconv from 'iconv-lite';
import { decodeLegacyVietnamese, LegacyEncoding } from '../../../src/core/text/legacy-encoding';

const SOFT_HYPHEN = '\u00ad';

/** [legacy text as read from the cell, expected Unicode] */
const TCVN3_WORDS: [string, string][] = [
  ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
  ['Qu¶ng Nam', 'Quảng Nam'],
  [`ng${SOFT_HYPHEN}êi`, 'người'],
  ['§iÖn Bµn', 'Điện Bàn'],
  ['Th¨ng B×nh', 'Thăng Bình'],
  ['HiÖp §øc', 'Hiệp Đức'],
  [`Tiªn Ph${SOFT_HYPHEN}íc`, 'Tiên Phước'],
  ['Nói Thµnh', 'Núi Thành'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['§µ N½ng', 'Đà Nẵng'],
  ['tØnh', 'tỉnh'],
  ['Kû niÖm', 'Kỷ niệm'],
  ['Mü', 'Mỹ'],
  ['ngµy 05 th¸ng 01 n¨m 2024', 'ngày 05 tháng 01 năm 2024'],
  ['triÖu ®ång', 'triệu đồng'],
  ['Uû ban nh©n d©n', 'Uỷ ban nhân dân'],
  ['Sè héi viªn', 'Số hội viên'],
  [`Tæng sè l${SOFT_HYPHEN}ît`, 'Tổng số lượt'],
  ['§¹i Léc', 'Đại Lộc'],
  ['Nam Trµ My', 'Nam Trà My'],
  ['Qu¶ng Nam – §µ N½ng', 'Quảng Nam – Đà Nẵng'],
];

const VNI_WORDS: [string, string][] = [
  ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['Quaûng Nam', 'Quảng Nam'],
  ['Ñieän Baøn', 'Điện Bàn'],
  ['Thaêng Bình', 'Thăng Bình'],
  ['Hieäp Ñöùc', 'Hiệp Đức'],
  ['Tieân Phöôùc', 'Tiên Phước'],
  ['Nuùi Thaønh', 'Núi Thành'],
  ['ngöôøi', 'người'],
  ['Hoäi Cöïu chieán binh', 'Hội Cựu chiến binh'],
  ['Tam Kyø', 'Tam Kỳ'],
  ['Hoäi An', 'Hội An'],
  ['Queá Sôn', 'Quế Sơn'],
  ['Noâng Sôn', 'Nông Sơn'],
  ['Duy Xuyeân', 'Duy Xuyên'],
  ['Ñaïi Loäc', 'Đại Lộc'],
  ['Ñoâng Giang', 'Đông Giang'],
  ['Taây Giang', 'Tây Giang'],
  ['Phöôùc Sôn', 'Phước Sơn'],
  ['Baéc Traø My', 'Bắc Trà My'],
  ['Phuù Ninh', 'Phú Ninh'],
  ['Ñaø Naüng', 'Đà Nẵng'],
  ['tænh', 'tỉnh'],
  ['chò', 'chị'],
  ['Myõ', 'Mỹ'],
  ['quyõ', 'quỹ'],
  ['kî', 'kỵ'],
  ['Kyû nieäm', 'Kỷ niệm'],
  ['trieäu ñoàng', 'triệu đồng'],
  ['hoäi vieân', 'hội viên'],
  ['naêm', 'năm'],
  ['naëng', 'nặng'],
  ['ñaèng', 'đằng'],
  ['thaúng', 'thẳng'],
  ['daãn', 'dẫn'],
  ['phaåm', 'phẩm'],
  ['Thuaän', 'Thuận'],
  ['khuyeán khích', 'khuyến khích'],
  ['thöôøng xuyeân', 'thường xuyên'],
  ['löôït', 'lượt'],
  ['Thuûy', 'Thủy'],
  ['ngaøy 05 thaùng 01', 'ngày 05 tháng 01'],
  ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Aán Ñoä', 'Ấn Độ'],
  ['UÛY BAN NHAÂN DAÂN TÆNH QUAÛNG NAM', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM'],
  ['COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['ÑAÛNG', 'ĐẢNG'],
  ['NGÖÔØI', 'NGƯỜI'],
  ['ÑAËC BIEÄT', 'ĐẶC BIỆT'],
  ['CHÒ', 'CHỊ'],
  ['MYÕ', 'MỸ'],
  ['TÍNH', 'TÍNH'],
];

function expectNfc(s: string): void {
  expect(s).toBe(s.normalize('NFC'));
}

describe('decodeLegacyVietnamese: TCVN3', () => {
  it.each(TCVN3_WORDS)('%j with font .VnTime → %j', (legacy, unicode) => {
    const r = decodeLegacyVietnamese(legacy, '.VnTime');
    expect(r).toEqual({ text: unicode, encoding: 'tcvn3' });
    expectNfc(r.text);
  });

  it.each(TCVN3_WORDS)('%j without a font → %j', (legacy, unicode) => {
    expect(decodeLegacyVietnamese(legacy)).toEqual({ text: unicode, encoding: 'tcvn3' });
  });

  it.each<[string, string, string]>([
    ['.VnTimeH', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['.VnArialH', 'uû ban nh©n d©n tØnh qu¶ng nam', 'UỶ BAN NHÂN DÂN TỈNH QUẢNG NAM'],
    ['.VnTimeH', `ng${SOFT_HYPHEN}êi`, 'NGƯỜI'],
    ['.VnTime', 'B¸o c¸o', 'Báo cáo'],
    ['.VnArial', 'Qu¶ng Nam', 'Quảng Nam'],
    [' .vntime ', 'Qu¶ng Nam', 'Quảng Nam'],
    ['.VnTime', 'Nam', 'Nam'],
    ['.VnTime', 'Héi Cùu chiÕn binh', 'Hội Cựu chiến binh'],
  ])('font %j: %j → %j', (font, legacy, unicode) => {
    expect(decodeLegacyVietnamese(legacy, font)).toEqual({ text: unicode, encoding: 'tcvn3' });
  });

  it('never strips the soft hyphen: it is the letter ư', () => {
    const r = decodeLegacyVietnamese(`Ng${SOFT_HYPHEN}êi cã c«ng`, '.VnTime');
    expect(r.text).toBe('Người có công');
  });

  it('agrees with iconv-lite "tcvn" on every small letter and on Ă Â Ê Ô Ơ Ư Đ', () => {
    let checked = 0;
    for (let code = 0xa1; code <= 0xfe; code += 1) {
      const ch = String.fromCharCode(code);
      const reference = iconv.decode(Buffer.from([code]), 'tcvn').normalize('NFC');
      const decoded = decodeLegacyVietnamese(ch, '.VnTime').text;
      const isSmallLetter = reference !== reference.toUpperCase() && /\p{L}/u.test(reference);
      if (isSmallLetter || code <= 0xa7) {
        expect([code.toString(16), decoded]).toEqual([code.toString(16), reference]);
        checked += 1;
      } else {
        // Codes TCVN3 leaves unused (VN1 puts toned capitals there) are not letters here.
        expect([code.toString(16), decoded]).toEqual([code.toString(16), ch]);
      }
    }
    expect(checked).toBe(67 + 7);
  });
});

describe('decodeLegacyVietnamese: VNI', () => {
  it.each(VNI_WORDS)('%j with font VNI-Times → %j', (legacy, unicode) => {
    const r = decodeLegacyVietnamese(legacy, 'VNI-Times');
    expect(r).toEqual({ text: unicode, encoding: 'vni' });
    expectNfc(r.text);
  });

  it.each<[string, string]>([
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['Quaûng Nam', 'Quảng Nam'],
    ['Ñieän Baøn', 'Điện Bàn'],
    ['Hieäp Ñöùc', 'Hiệp Đức'],
    ['Tieân Phöôùc', 'Tiên Phước'],
    ['Nuùi Thaønh', 'Núi Thành'],
    ['ngöôøi', 'người'],
    ['Hoäi Cöïu chieán binh', 'Hội Cựu chiến binh'],
    ['UÛY BAN NHAÂN DAÂN TÆNH QUAÛNG NAM', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM'],
    ['Thaêng Bình, Quaûng Nam', 'Thăng Bình, Quảng Nam'],
  ])('%j without a font → %j', (legacy, unicode) => {
    expect(decodeLegacyVietnamese(legacy)).toEqual({ text: unicode, encoding: 'vni' });
  });

  it.each(['VNI-Times', 'VNI-Helve', 'vni-times', 'VNI Times'])('font %j selects VNI', (font) => {
    expect(decodeLegacyVietnamese('Thaêng Bình', font)).toEqual({ text: 'Thăng Bình', encoding: 'vni' });
  });

  it('leaves a mark character that follows no letter able to take it', () => {
    expect(decodeLegacyVietnamese('5ø', 'VNI-Times').text).toBe('5ø');
    expect(decodeLegacyVietnamese('uâ', 'VNI-Times').text).toBe('uâ');
  });
});

describe('decodeLegacyVietnamese: text that must stay as it is', () => {
  it.each<string>([
    'Tôi là Cựu chiến binh',
    'Hội An',
    'Điện Bàn',
    'Quảng Nam',
    'Quảng Nam'.normalize('NFD'),
    'Mỹ',
    'café',
    'Thăng Bình',
    'Tiên Phước',
    'Số hội viên',
    'Nam',
    '1.600',
    '',
    'm²',
    '25°C',
    '2 × 3',
    'ABC®',
    '© 2024',
    'Thaêng Bình', // VNI with no character foreign to Vietnamese: not a strong enough signal
    'Müller',
    'España',
    // TCVN3 by its letters, but every one of them is also a Vietnamese Unicode letter: no strong signal.
    'Héi Cùu chiÕn binh',
  ])('%j is unchanged without a font', (text) => {
    expect(decodeLegacyVietnamese(text)).toEqual({ text, encoding: null });
  });

  it.each<[string, string]>([
    ['Hội An', '.VnTime'],
    ['Cộng hòa xã hội chủ nghĩa Việt Nam', '.VnTimeH'],
    ['Tôi là', '.VnTime'],
    ['Hội An', 'VNI-Times'],
    ['Quảng Nam', 'Times New Roman'],
    ['Qu¶ng Nam', 'Times New Roman'],
  ])('Unicode %j in font %j is unchanged', (text, font) => {
    const r = decodeLegacyVietnamese(text, font);
    if (text.includes('¶')) {
      // A non-legacy font does not block detection.
      expect(r).toEqual({ text: 'Quảng Nam', encoding: 'tcvn3' });
    } else {
      expect(r).toEqual({ text, encoding: null });
    }
  });
});

describe('decodeLegacyVietnamese: choosing between the encodings', () => {
  it.each<[string, LegacyEncoding, string]>([
    ['Coäng hoøa', 'vni', 'Cộng hòa'],
    ['Céng hoµ', 'tcvn3', 'Cộng hoà'],
    ['Ph¸t triÓn', 'tcvn3', 'Phát triển'],
    ['Phaùt trieån', 'vni', 'Phát triển'],
  ])('%j is read as %s', (legacy, encoding, unicode) => {
    expect(decodeLegacyVietnamese(legacy)).toEqual({ text: unicode, encoding });
  });
});

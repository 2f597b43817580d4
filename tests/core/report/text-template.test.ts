import { fieldsOf, parseReportText, escapeReportText } from '../../../src/core/report/text-template';
import { errorOf } from './support';

const CODES = new Set(Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0')));

describe('parseReportText: valid text', () => {
  it('splits text and fields, keeping the text exactly', () => {
    const segs = parseReportText('nâng tổng số lên {08} hội viên, {08|tăng giảm} hội viên.', CODES);
    expect(segs.map((s) => (s.kind === 'text' ? s.text : s.field.raw))).toEqual([
      'nâng tổng số lên ', '{08}', ' hội viên, ', '{08|tăng giảm}', ' hội viên.',
    ]);
    const [plain, change] = fieldsOf(segs);
    expect(plain.source).toEqual({ type: 'expr', expr: { type: 'code', code: '08' }, codes: ['08'] });
    expect(plain.formats).toEqual([]);
    expect(change.formats).toEqual([{ type: 'change' }]);
  });

  it('reads arithmetic over codes with precedence and parentheses', () => {
    const [f] = fieldsOf(parseReportText('{18 / 19|2}', CODES));
    expect(f.source).toEqual({
      type: 'expr',
      expr: { type: 'binary', op: '/', left: { type: 'code', code: '18' }, right: { type: 'code', code: '19' } },
      codes: ['18', '19'],
    });
    expect(f.formats).toEqual([{ type: 'decimals', digits: 2 }]);
    const [g] = fieldsOf(parseReportText('{(12 + 13) × 2 - 11}', CODES));
    expect(g.source.type === 'expr' && g.source.codes).toEqual(['12', '13', '02', '11']);
    expect(g.source.type === 'expr' && g.source.expr).toMatchObject({
      type: 'binary', op: '-', left: { type: 'binary', op: '*', left: { type: 'binary', op: '+' } }, right: { code: '11' },
    });
  });

  it('accepts "mã 8" and a one-digit code for 08', () => {
    for (const text of ['{8}', '{mã 8}', '{ Mã 08 }', '{008}']) {
      expect(fieldsOf(parseReportText(text, CODES))[0].source).toMatchObject({ codes: ['08'] });
    }
  });

  it('matches fact and format names without diacritics or case', () => {
    const [a, b] = fieldsOf(parseReportText('{Ky Bao Cao|CHU HOA} {02|2 chu so}', CODES));
    expect(a.source).toEqual({ type: 'fact', fact: 'period' });
    expect(a.formats).toEqual([{ type: 'upper' }]);
    expect(b.formats).toEqual([{ type: 'pad', width: 2 }]);
  });

  it('reads every fact name', () => {
    const text = '{kỳ báo cáo}{kỳ trước}{năm}{số đơn vị đã tổng hợp}{tổng số đơn vị}{chưa báo cáo}{chưa tính}{đơn vị chưa tổng hợp}';
    expect(fieldsOf(parseReportText(text)).map((f) => f.source.type === 'fact' && f.source.fact)).toEqual([
      'period', 'previousLabel', 'year', 'includedCount', 'expectedCount', 'missingUnits', 'excludedUnits', 'notIncluded',
    ]);
  });

  it('chains formats in order', () => {
    const [f] = fieldsOf(parseReportText('{16|từng đơn vị|2 chữ số|ngoặc}', CODES));
    expect(f.formats).toEqual([{ type: 'byUnit' }, { type: 'pad', width: 2 }, { type: 'paren' }]);
    const [g] = fieldsOf(parseReportText('{08|kỳ trước|từng đơn vị}', CODES));
    expect(g.formats).toEqual([{ type: 'previous' }, { type: 'byUnit' }]);
  });

  it('writes literal braces with {{ and }}', () => {
    expect(parseReportText('a {{b}} c')).toEqual([{ kind: 'text', text: 'a {b} c' }]);
    const text = 'x {y} z }';
    expect(parseReportText(escapeReportText(text))).toEqual([{ kind: 'text', text }]);
  });

  it('accepts any code without a code list (checked later against the indicator template)', () => {
    expect(fieldsOf(parseReportText('{77}'))[0].source).toMatchObject({ codes: ['77'] });
  });
});

describe('parseReportText: errors name the field and position', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown code', 'Có {41} hội viên', /chỗ điền "\{41\}" \(ký tự 4\): mã 41 không có trong mẫu chỉ tiêu/],
    ['unknown format', '{08|in đậm}', /định dạng "in đậm" không có; dùng một trong: 2, 2 chữ số, %/],
    ['unknown fact', '{tháng này}', /không rõ "tháng này": ghi mã chỉ tiêu \(ví dụ 08\) hoặc một trong: kỳ báo cáo/],
    ['unclosed field', 'số {08 hội viên', /chỗ điền mở bằng "\{" ở ký tự 4 chưa được đóng bằng "\}"/],
    ['field opened twice', '{08 {09}', /ký tự 1 chưa được đóng/],
    ['stray closing brace', 'số 08} hội viên', /thừa dấu "\}" ở ký tự 6/],
    ['empty field', 'a {} b', /trống; ghi mã chỉ tiêu/],
    ['empty format', '{08|}', /thiếu tên định dạng sau dấu "\|"/],
    ['missing source', '{|2}', /thiếu mã chỉ tiêu hoặc tên số liệu trước dấu "\|"/],
    ['constant in expression', '{18 / 1,5}', /"1,5" không phải mã chỉ tiêu: trong biểu thức mỗi số là một mã chỉ tiêu/],
    ['word in expression', '{08 + abc}', /không rõ "abc" trong biểu thức/],
    ['two codes without operator', '{08 09}', /thừa "09" sau biểu thức/],
    ['colon as division', '{18 : 19}', /dấu ":" không dùng trong biểu thức; phép chia viết là "\/"/],
    ['open parenthesis', '{(12 + 13}', /dấu "\(" chưa được đóng bằng "\)"/],
    ['extra parenthesis', '{12 + 13)}', /thừa dấu "\)"/],
    ['dangling operator', '{12 +}', /thiếu mã chỉ tiêu sau "\+"/],
    ['code 00', '{00}', /"00" không phải mã chỉ tiêu/],
    ['number format on text', '{kỳ báo cáo|2}', /định dạng "2" dùng cho số, ở đây giá trị là chữ/],
    ['case format on a number', '{08|chữ hoa}', /định dạng "chữ hoa" dùng cho chữ, ở đây giá trị là một số/],
    ['change on a fact', '{tổng số đơn vị|tăng giảm}', /định dạng "tăng giảm" dùng cho số liệu chỉ tiêu/],
    ['previous twice', '{08|kỳ trước|kỳ trước}', /"kỳ trước" đã ghi rồi/],
    ['change after previous', '{08|kỳ trước|tăng giảm}', /"tăng giảm" đã so với kỳ trước/],
    ['two number formats on a list', '{16|từng đơn vị|2|1}', /danh sách từng đơn vị đã có định dạng số/],
    ['formatted twice', '{08|2|1}', /định dạng "1" dùng cho số, ở đây giá trị là chữ/],
    ['too many decimals', '{08|9}', /số chữ số thập phân 9 quá lớn/],
    ['zero width', '{08|0 chữ số}', /độ rộng "0 chữ số" phải từ 1 đến 9/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const e = errorOf(() => parseReportText(text, CODES));
    expect(e.message).toMatch(message);
  });
});

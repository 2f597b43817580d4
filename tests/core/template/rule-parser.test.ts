import { normalizeText } from '../../../src/core/text/normalize';
import type { RuleBody } from '../../../src/core/template/model';
import { parseBoundNumber, parseRules, ruleSourceText, splitRuleText } from '../../../src/core/template/rule-parser';
import { TemplateError } from '../../../src/core/template/template-error';

const KNOWN = new Set(Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0')));

const code = (c: string) => ({ type: 'code' as const, code: c });

describe('parseRules: valid rules', () => {
  const cases: {
    text: string;
    rowCode?: string;
    id: string;
    severity?: 'error' | 'warning';
    anchor: string;
    body?: RuleBody;
  }[] = [
    { text: '10 <= 09', id: 'rule:10<=09', anchor: '10', body: { type: 'compare', left: code('10'), op: '<=', right: code('09') } },
    { text: '9 >= 10', id: 'rule:09>=10', anchor: '09' },
    {
      text: '12 + 13 <= 11',
      id: 'rule:12+13<=11',
      anchor: '12',
      body: {
        type: 'compare',
        left: { type: 'binary', op: '+', left: code('12'), right: code('13') },
        op: '<=',
        right: code('11'),
      },
    },
    { text: '  (12 + 13) ≤ 11  ', id: 'rule:12+13<=11', anchor: '12' },
    { text: '12+13<=11', id: 'rule:12+13<=11', anchor: '12' },
    { text: '12 - (13 - 14) < 11', id: 'rule:12-(13-14)<11', anchor: '12' },
    { text: '(12 - 13) - 14 > 11', id: 'rule:12-13-14>11', anchor: '12' },
    { text: '(12 + 13) * 2 = 11', id: 'rule:(12+13)*02=11', anchor: '12' },
    { text: '-12 + -(13 - 14) <> 11', id: 'rule:-12+-(13-14)<>11', anchor: '12' },
    { text: '12 ≠ 11', id: 'rule:12<>11', anchor: '12' },
    { text: '12 ≥ 11', id: 'rule:12>=11', anchor: '12' },
    { text: '12 =< 11', id: 'rule:12<=11', anchor: '12' },
    { text: '12 − 13 <= 11', id: 'rule:12-13<=11', anchor: '12' },
    { text: '12 × 13 ÷ 14 <= 11', id: 'rule:12*13/14<=11', anchor: '12' },
    { text: 'mã 12 <= mã 11', id: 'rule:12<=11', anchor: '12' },
    { text: 'lỗi: 15 <= 14', id: 'rule:15<=14', severity: 'error', anchor: '15' },
    { text: 'Loi: 15 <= 14', id: 'rule:15<=14', severity: 'error', anchor: '15' },
    {
      text: 'cảnh báo: 28 / 27 trong [20; 200]',
      id: 'rule:28/27in[20;200]',
      severity: 'warning',
      anchor: '28',
      body: { type: 'range', expr: { type: 'binary', op: '/', left: code('28'), right: code('27') }, min: 20, max: 200 },
    },
    { text: 'canh bao: 33/32 trong khoảng [0,1; 5]', id: 'rule:33/32in[0.1;5]', severity: 'warning', anchor: '33' },
    { text: 'CẢNH BÁO 18 / 19 trong khoang [0,1;50]', id: 'rule:18/19in[0.1;50]', severity: 'warning', anchor: '18' },
    { text: '28 / 27 trong [1.000; 1.000,5]', id: 'rule:28/27in[1000;1000.5]', anchor: '28' },
    { text: '28 trong [-5; 50%]', id: 'rule:28in[-5;0.5]', anchor: '28' },
    {
      text: 'cảnh báo: biến động <= 50%',
      rowCode: '08',
      id: 'rule:change:08<=50%',
      severity: 'warning',
      anchor: '08',
      body: { type: 'change', code: '08', maxChange: 0.5 },
    },
    { text: 'bien dong <= 0,5', rowCode: '8', id: 'rule:change:08<=50%', anchor: '08' },
    { text: 'biến động ≤ 7 %', rowCode: '18', id: 'rule:change:18<=7%', anchor: '18' },
  ];

  it.each(cases)('$text', ({ text, rowCode, id, severity, anchor, body }) => {
    const rules = parseRules(text, KNOWN, rowCode);
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule.id).toBe(id);
    expect(rule.severity).toBe(severity ?? 'error');
    expect(rule.anchorCode).toBe(anchor);
    // Stored text is the trimmed original after Unicode clean-up (NFC, U+2212 → "-").
    expect(rule.text).toBe(normalizeText(text));
    if (body) expect(rule.body).toEqual(body);
    if (rowCode) expect(rule.rowCode).toBe(rowCode.padStart(2, '0'));
    else expect(rule.rowCode).toBeUndefined();
  });

  it('splits a cell on ";" and line breaks but not inside brackets', () => {
    const rules = parseRules('12 <= 11; 12 + 13 <= 11\ncảnh báo: 18 / 19 trong [0,1; 50]\r\n;\n', KNOWN, '12');
    expect(rules.map((r) => r.id)).toEqual(['rule:12<=11', 'rule:12+13<=11', 'rule:18/19in[0.1;50]']);
    expect(rules.map((r) => r.text)).toEqual(['12 <= 11', '12 + 13 <= 11', 'cảnh báo: 18 / 19 trong [0,1; 50]']);
    expect(rules.every((r) => r.rowCode === '12')).toBe(true);
  });

  it('returns no rules for an empty cell', () => {
    expect(parseRules('', KNOWN)).toEqual([]);
    expect(parseRules('  ;\n ; ', KNOWN)).toEqual([]);
  });

  it('accepts NFD text (as typed with some Vietnamese keyboards)', () => {
    const [rule] = parseRules('cảnh báo: biến động <= 50%'.normalize('NFD'), KNOWN, '11');
    expect(rule.id).toBe('rule:change:11<=50%');
    expect(rule.severity).toBe('warning');
    expect(rule.text).toBe('cảnh báo: biến động <= 50%');
  });
});

describe('parseRules: invalid rules', () => {
  const cases: { text: string; rowCode?: string; message: string }[] = [
    { text: '12 + <= 11', message: 'Ràng buộc "12 + <= 11": thiếu số hạng sau "+" (ký tự 6)' },
    { text: '12 +', message: 'Ràng buộc "12 +": thiếu số hạng sau "+" (ở cuối)' },
    { text: '<= 11', message: 'Ràng buộc "<= 11": thiếu vế trái trước "<=" (ký tự 1)' },
    { text: '12 <=', message: 'Ràng buộc "12 <=": thiếu vế phải sau "<=" (ở cuối)' },
    { text: '45 <= 11', message: 'Ràng buộc "45 <= 11": mã 45 không có trong mẫu (ký tự 1)' },
    { text: '12 <= 0', message: 'Ràng buộc "12 <= 0": mã 00 không có trong mẫu (ký tự 7)' },
    {
      text: '12 <= 11 <= 13',
      message: 'Ràng buộc "12 <= 11 <= 13": mỗi ràng buộc chỉ có một phép so sánh; tách các ràng buộc bằng dấu ";" (ký tự 10)',
    },
    { text: '(12 + 13 <= 11', message: 'Ràng buộc "(12 + 13 <= 11": dấu "(" chưa được đóng bằng ")" (ký tự 1)' },
    { text: '12 + 13) <= 11', message: 'Ràng buộc "12 + 13) <= 11": thừa dấu ")" (không có dấu "(" tương ứng) (ký tự 8)' },
    { text: '12 <= ()', message: 'Ràng buộc "12 <= ()": thiếu biểu thức sau "(" (ký tự 8)' },
    {
      text: '12 <= 11 * 0,5',
      message:
        'Ràng buộc "12 <= 11 * 0,5": "0,5" không phải mã chỉ tiêu: trong biểu thức mỗi số là một mã chỉ tiêu (số nguyên); hằng số chỉ dùng làm cận trong "trong [min; max]" (ký tự 12)',
    },
    {
      text: '12 <= 50%',
      message:
        'Ràng buộc "12 <= 50%": "50%" không phải mã chỉ tiêu: trong biểu thức mỗi số là một mã chỉ tiêu (số nguyên); hằng số chỉ dùng làm cận trong "trong [min; max]" (ký tự 7)',
    },
    { text: '12 11', message: 'Ràng buộc "12 11": cần phép so sánh (<=, >=, <, >, =, <>) hoặc "trong [min; max]", gặp "11" (ký tự 4)' },
    { text: '(12)', message: 'Ràng buộc "(12)": thiếu phép so sánh (<=, >=, <, >, =, <>) hoặc "trong [min; max]" sau biểu thức (ở cuối)' },
    { text: '12 @ 11', message: 'Ràng buộc "12 @ 11": ký tự không hợp lệ "@" (ký tự 4)' },
    { text: '28 : 27 <= 3', message: 'Ràng buộc "28 : 27 <= 3": dấu ":" không dùng trong biểu thức; phép chia viết là "/" (ký tự 4)' },
    { text: 'trong [1; 2]', message: 'Ràng buộc "trong [1; 2]": cần vế trái (mã chỉ tiêu), gặp "trong" (ký tự 1)' },
    {
      text: 'nguy hiểm: 12 <= 11',
      message: 'Ràng buộc "nguy hiểm: 12 <= 11": mức độ "nguy hiểm" không hợp lệ, chỉ dùng "lỗi:" hoặc "cảnh báo:" (ký tự 1)',
    },
    { text: 'cảnh báo:', message: 'Ràng buộc "cảnh báo:": thiếu nội dung ràng buộc sau mức độ (ở cuối)' },
    { text: '28 / 27 trong [200; 20]', message: 'Ràng buộc "28 / 27 trong [200; 20]": cận dưới 200 lớn hơn cận trên 20 (ký tự 15)' },
    {
      text: '28 / 27 trong [20, 200]',
      message:
        'Ràng buộc "28 / 27 trong [20, 200]": dấu "," không dùng ở đây: hai cận của khoảng cách nhau bằng ";", số thập phân viết liền như "0,1" (ký tự 18)',
    },
    { text: '28 / 27 trong [20; 200', message: 'Ràng buộc "28 / 27 trong [20; 200": thiếu dấu "]" đóng khoảng (ở cuối)' },
    { text: '28 / 27 trong 20', message: 'Ràng buộc "28 / 27 trong 20": sau "trong" cần khoảng dạng "[min; max]" (ký tự 15)' },
    { text: '28 / 27 trong [; 200]', message: 'Ràng buộc "28 / 27 trong [; 200]": thiếu cận dưới (số) sau "[" (ký tự 16)' },
    {
      text: '28 / 27 trong [1,2,3; 200]',
      message: 'Ràng buộc "28 / 27 trong [1,2,3; 200]": cận dưới "1,2,3" không phải số hợp lệ (ký tự 16)',
    },
    {
      text: 'biến động <= 50%',
      message: 'Ràng buộc "biến động <= 50%": "biến động" chỉ dùng trong cột Ràng buộc của một chỉ tiêu (chưa biết chỉ tiêu nào) (ký tự 1)',
    },
    {
      text: 'biến động < 50%',
      rowCode: '08',
      message: 'Ràng buộc "biến động < 50%": sau "biến động" cần "<=" và mức tối đa, ví dụ "biến động <= 50%" (ký tự 11)',
    },
    {
      text: 'biến động <= 50',
      rowCode: '08',
      message: 'Ràng buộc "biến động <= 50": mức biến động "50" lớn hơn 1: ghi phần trăm ("50%") hoặc tỉ lệ ("0,5") (ký tự 14)',
    },
    { text: 'biến động <=', rowCode: '08', message: 'Ràng buộc "biến động <=": thiếu mức biến động tối đa, ví dụ "50%" hoặc "0,5" (ở cuối)' },
    { text: 'biến động <= 50%', rowCode: '77', message: 'Ràng buộc "biến động <= 50%": mã 77 không có trong mẫu (ký tự 1)' },
  ];

  it.each(cases)('$text', ({ text, rowCode, message }) => {
    let error: unknown;
    try {
      parseRules(text, KNOWN, rowCode);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe(message);
  });

  it('reports the failing rule of a multi-rule cell with positions inside that rule', () => {
    expect(() => parseRules('12 <= 11; 13 + <= 11', KNOWN)).toThrow('Ràng buộc "13 + <= 11": thiếu số hạng sau "+" (ký tự 6)');
  });

  it('never evaluates the text as code', () => {
    expect(() => parseRules('process.exit(1) <= 11', KNOWN)).toThrow(TemplateError);
  });
});

describe('helpers', () => {
  it.each([
    ['200', 200],
    ['0,1', 0.1],
    ['1.000', 1000],
    ['1.000.000', 1_000_000],
    ['1.000,5', 1000.5],
    ['0.5', 0.5],
    ['1,2,3', undefined],
    ['1.00,5', undefined],
  ])('parseBoundNumber(%s)', (raw, value) => {
    expect(parseBoundNumber(raw)).toBe(value);
  });

  it('splitRuleText keeps ";" inside brackets', () => {
    expect(splitRuleText('a [1; 2]; b\nc')).toEqual(['a [1; 2]', 'b', 'c']);
  });

  it('ruleSourceText adds or fixes the severity prefix so the text parses back the same', () => {
    const [warning] = parseRules('cảnh báo: 28 / 27 trong [20; 200]', KNOWN);
    expect(ruleSourceText(warning)).toBe('cảnh báo: 28 / 27 trong [20; 200]');
    expect(ruleSourceText({ ...warning, text: '28 / 27 trong [20; 200]' })).toBe('cảnh báo: 28 / 27 trong [20; 200]');
    expect(ruleSourceText({ ...warning, severity: 'error' })).toBe('lỗi: 28 / 27 trong [20; 200]');
    const [error] = parseRules('12 <= 11', KNOWN);
    expect(ruleSourceText(error)).toBe('12 <= 11');
  });
});

import data from '../../../src/core/report/default-report.json';
import { defaultReportTemplate } from '../../../src/core/report/default-report';
import {
  compileReportTemplate, reportTemplateFromJson, reportTemplateToJson, type ReportTemplate,
} from '../../../src/core/report/report-template';
import { fieldsOf } from '../../../src/core/report/text-template';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { errorOf } from './support';

const indicators = defaultTemplate();

function json(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data));
}

describe('the default report template', () => {
  const t = defaultReportTemplate();

  it('carries the seed settings', () => {
    expect(t.settings).toEqual({
      governingBody: 'HỘI CCB VIỆT NAM',
      issuingBody: 'HỘI CCB TỈNH QUẢNG NAM',
      number: '…/BC-CCB',
      place: 'Quảng Nam',
      date: '',
      summary: 'Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh {kỳ báo cáo}',
      signerAuthority: 'TM. BAN THƯỜNG VỤ',
      signerTitle: 'CHỦ TỊCH',
      signerName: '',
      recipients: [
        '- Phòng Chính trị, Bộ Chỉ huy quân sự tỉnh (để tổng hợp);',
        '- Thường trực Hội CCB tỉnh;',
        '- Lưu: VT, TG, Cg 06b.',
      ],
    });
  });

  it('has the seed outline with a style for each paragraph', () => {
    const headings = t.paragraphs
      .filter((p) => p.style.startsWith('heading'))
      .map((p) => `${p.style}: ${p.text.split(' ').slice(0, 5).join(' ')}`);
    expect(headings).toEqual([
      'heading1: I. KẾT QUẢ THỰC HIỆN',
      'heading2: 1. Phối hợp tuyên truyền,',
      'heading2: 2. Phối hợp xây dựng',
      'heading2: 3. Phối hợp vận động',
      'heading2: 4. Phối hợp thực hiện',
      'heading3: * ĐÁNH GIÁ CHUNG',
      'heading3: 2. Nguyên nhân',
      'heading1: II. NHIỆM VỤ 6 THÁNG',
    ]);
    expect(t.paragraphs[t.paragraphs.length - 1].text).toMatch(/^Trên đây là nội dung báo cáo .*\{kỳ báo cáo\}\.\/\.$/);
  });

  it('fills every indicator of the default template from a field', () => {
    const used = new Set(compileReportTemplate(t, indicators).paragraphs.flatMap((p) =>
      fieldsOf(p.segments).flatMap((f) => (f.source.type === 'expr' ? f.source.codes : []))));
    expect([...used].sort()).toEqual(indicators.indicators.map((i) => i.code));
  });

  it('types in none of the figures', () => {
    const text = JSON.stringify(data);
    for (const figure of ['1.600', '727', '1.507', '1507', '297', '37.090', '2.554', '124', '1.557', '6.776', '46.326', '2,30', '3.262',
      '21.040', '78.995', '4.801', '898,3', '30,3', '42,3', '157', '882,8', '7.514', '2.904', '587', '178,6', '434,2', '104,2', '362', '397']) {
      expect(text).not.toContain(figure);
    }
  });

  it('writes the corrected forms of the seed typos', () => {
    const text = t.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('giai đoạn 2019-2024, đề nghị');
    expect(text).not.toContain('2029-2024');
    expect(text).toContain(', toàn Hội xóa được');
    expect(text).toContain('triệu đồng (bình quân {18/19|2} triệu đồng/hộ)');
    expect(text).not.toContain('Toàn Hội');
  });

  it('is a fresh copy on every call', () => {
    const a = defaultReportTemplate();
    a.paragraphs[0].text = 'x';
    expect(defaultReportTemplate().paragraphs[0].text).not.toBe('x');
  });
});

describe('reportTemplateFromJson / reportTemplateToJson', () => {
  it('round-trips exactly', () => {
    const t = defaultReportTemplate();
    expect(reportTemplateFromJson(reportTemplateToJson(t), indicators)).toEqual(t);
    expect(reportTemplateFromJson(JSON.parse(JSON.stringify(reportTemplateToJson(t))))).toEqual(t);
  });

  it('normalises text (NFC, spaces) and drops a bullet\'s own "- "', () => {
    const d = json();
    d.paragraphs = [
      { style: 'bullet', text: '- Chủ trì  {02|2 chữ số}\u00a0cuộc'.normalize('NFD') },
      { style: 'body', text: ' - vẫn giữ ' },
    ];
    expect(reportTemplateFromJson(d).paragraphs).toEqual([
      { style: 'bullet', text: 'Chủ trì {02|2 chữ số} cuộc' },
      { style: 'body', text: '- vẫn giữ' },
    ]);
  });

  it('ignores "$" and "_" keys', () => {
    const d = json();
    d.$schema = 'x';
    (d.settings as Record<string, unknown>)._note = 'y';
    expect(() => reportTemplateFromJson(d)).not.toThrow();
  });

  it('names the paragraph of a field problem', () => {
    const d = json();
    (d.paragraphs as { text: string }[])[5].text = 'Chủ trì {41} cuộc và {02|đậm}';
    const e = errorOf(() => reportTemplateFromJson(d, indicators));
    expect(e.message).toBe('paragraphs[5] (đoạn 6): chỗ điền "{41}" (ký tự 9): mã 41 không có trong mẫu chỉ tiêu');
    // Without an indicator template, codes are not checked; formats still are.
    (d.paragraphs as { text: string }[])[5].text = 'Chủ trì {41} cuộc và {02|đậm}';
    expect(errorOf(() => reportTemplateFromJson(d)).message).toMatch(/^paragraphs\[5\] \(đoạn 6\): chỗ điền "\{02\|đậm\}".*định dạng "đậm" không có/);
  });

  it('lists every schema problem at once', () => {
    const d = json();
    delete d.coverage;
    d.extra = 1;
    const settings = d.settings as Record<string, unknown>;
    settings.issuingBody = '';
    settings.date = '2024-02-30';
    settings.recipients = ['- a', 3];
    settings.colour = 'red';
    (d.paragraphs as unknown[])[2] = { style: 'title', text: 'x' };
    (d.paragraphs as unknown[])[3] = { style: 'body', text: '  ' };
    (d.paragraphs as unknown[])[4] = 'text';
    const e = errorOf(() => reportTemplateFromJson(d));
    expect(e.problems.map((p) => p.message)).toEqual([
      'extra: trường không được hỗ trợ (các trường hợp lệ: id, version, name, settings, coverage, paragraphs)',
      'settings.colour: trường không được hỗ trợ (các trường hợp lệ: governingBody, issuingBody, number, place, date, summary, signerAuthority, signerTitle, signerName, recipients)',
      'settings.issuingBody: phải là chuỗi khác rỗng',
      'settings.date: ngày "2024-02-30" phải ghi dạng năm-tháng-ngày (ví dụ "2024-07-05") hoặc để rỗng ""',
      'settings.recipients[1]: phải là chuỗi khác rỗng',
      'coverage: phải là chuỗi khác rỗng',
      'paragraphs[2].style (đoạn 3): phải là một trong heading1, heading2, heading3, body, bullet',
      'paragraphs[3].text: phải là chuỗi khác rỗng',
      'paragraphs[4] (đoạn 5): phải là đối tượng { "style", "text" }',
    ]);
    expect(e.message).toMatch(/^tìm thấy 9 lỗi:\n- extra/);
  });

  it('rejects a non-object and an empty paragraph list', () => {
    expect(errorOf(() => reportTemplateFromJson([])).message).toBe('Mẫu báo cáo (JSON) phải là một đối tượng');
    const d = json();
    d.paragraphs = [];
    expect(errorOf(() => reportTemplateFromJson(d)).message).toMatch(/paragraphs: phải là danh sách \(mảng\) khác rỗng/);
  });

  it('checks fields in settings, recipients and the coverage sentence too', () => {
    const d = json();
    (d.settings as Record<string, unknown>).summary = 'Kết quả {kỳ}';
    (d.settings as { recipients: string[] }).recipients[1] = '- {x';
    d.coverage = 'Từ {số đơn vị|chữ hoa}';
    const messages = errorOf(() => reportTemplateFromJson(d)).problems.map((p) => p.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^settings\.summary: chỗ điền "\{kỳ\}"/);
    expect(messages[1]).toMatch(/^settings\.recipients\[1\]: chỗ điền mở bằng/);
    expect(messages[2]).toMatch(/^coverage: chỗ điền "\{số đơn vị\|chữ hoa\}"/);
  });
});

describe('compileReportTemplate', () => {
  it('names paragraphs by number when checked against another indicator template', () => {
    const t: ReportTemplate = defaultReportTemplate();
    const small = { ...indicators, indicators: indicators.indicators.filter((i) => i.code !== '16') };
    const e = errorOf(() => compileReportTemplate(t, small));
    const at = t.paragraphs.findIndex((p) => p.text.includes('{16}'));
    expect(e.message).toBe(`Đoạn ${at + 1}: chỗ điền "{16}" (ký tự ${t.paragraphs[at].text.indexOf('{16}') + 1}): mã 16 không có trong mẫu chỉ tiêu`);
  });
});

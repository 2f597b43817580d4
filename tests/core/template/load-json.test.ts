import data from '../../../src/core/template/default-template.json';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { templateFromJson, templateToJson, type TemplateJson } from '../../../src/core/template/load-json';
import { errorOf } from '../../support/template-error';

function minimal(): TemplateJson {
  return {
    id: 'mau-thu',
    version: '2',
    name: 'Mẫu thử',
    sections: [{ id: '1', title: 'Nhóm một' }],
    indicators: [
      { code: '01', sectionId: '1', name: 'Tổng số', unit: 'người', kind: 'I' },
      { code: '02', sectionId: '1', name: 'Trong đó: nữ', unit: 'người', kind: 'I', constraints: '02 <= 01' },
    ],
  };
}


describe('defaultTemplate', () => {
  const t = defaultTemplate();

  it('has the expected identity, sections and indicators', () => {
    expect(t.id).toBe('ccb-bchqs-6thang');
    expect(t.version).toBe('1');
    expect(t.name).toBe('Phối hợp hoạt động Hội CCB tỉnh – Bộ CHQS tỉnh');
    expect(t.sections.map((s) => `${s.id}. ${s.title}`)).toEqual([
      '1. Tuyên truyền, giáo dục',
      '2. Xây dựng tổ chức',
      '3. Phong trào, cuộc vận động',
      '4. Chính sách hậu phương quân đội',
    ]);
    expect(t.indicators).toHaveLength(40);
    expect(t.indicators.map((i) => i.code)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(t.indicators[20]).toEqual({ code: '21', sectionId: '3', name: 'Đất hiến làm công trình', unit: 'm²', kind: 'I' });
    expect(t.indicators.filter((i) => i.kind === 'D').map((i) => i.code)).toEqual([
      '18', '23', '24', '25', '28', '33', '34', '35', '36', '37', '38', '39',
    ]);
  });

  it('has the agreed rules', () => {
    expect(t.rules.map((r) => [r.id, r.severity, r.anchorCode])).toEqual([
      ['rule:change:08<=50%', 'warning', '08'],
      ['rule:10<=09', 'error', '10'],
      ['rule:change:11<=50%', 'warning', '11'],
      ['rule:12<=11', 'error', '12'],
      ['rule:12+13<=11', 'error', '12'],
      ['rule:change:14<=50%', 'warning', '14'],
      ['rule:15<=14', 'error', '15'],
      ['rule:18/19in[0.1;50]', 'warning', '18'],
      ['rule:change:18<=50%', 'warning', '18'],
      ['rule:28/27in[20;200]', 'warning', '28'],
      ['rule:33/32in[0.1;5]', 'warning', '33'],
    ]);
    expect(t.rules.find((r) => r.id === 'rule:33/32in[0.1;5]')?.body).toEqual({
      type: 'range',
      expr: { type: 'binary', op: '/', left: { type: 'code', code: '33' }, right: { type: 'code', code: '32' } },
      min: 0.1,
      max: 5,
    });
  });

  it('returns a fresh copy each time', () => {
    const a = defaultTemplate();
    a.indicators.pop();
    expect(defaultTemplate().indicators).toHaveLength(40);
  });
});

describe('templateFromJson / templateToJson', () => {
  it('round-trips the default template', () => {
    const t = defaultTemplate();
    const json = templateToJson(t);
    expect(json).toEqual(data);
    expect(templateFromJson(JSON.parse(JSON.stringify(json)))).toEqual(t);
  });

  it('reads a minimal template', () => {
    const t = templateFromJson(minimal());
    expect(t.rules).toEqual([
      {
        id: 'rule:02<=01',
        severity: 'error',
        text: '02 <= 01',
        anchorCode: '02',
        rowCode: '02',
        body: { type: 'compare', left: { type: 'code', code: '02' }, op: '<=', right: { type: 'code', code: '01' } },
      },
    ]);
  });

  it('lets a rule refer to an indicator further down', () => {
    const json = minimal();
    json.indicators[0].constraints = '02 <= 01';
    delete json.indicators[1].constraints;
    expect(templateFromJson(json).rules[0].rowCode).toBe('01');
  });

  it('writes rules built without rowCode on their anchor row, adding the severity prefix', () => {
    const t = templateFromJson(minimal());
    t.rules = [{ ...t.rules[0], rowCode: undefined, severity: 'warning' }];
    const json = templateToJson(t);
    expect(json.indicators[1].constraints).toBe('cảnh báo: 02 <= 01');
    expect(templateFromJson(json).rules[0].severity).toBe('warning');
  });

  type Mutation = (j: Record<string, any>) => void;
  const invalid: [string, Mutation, string][] = [
    ['id missing', (j) => delete j.id, 'id: phải là chuỗi khác rỗng'],
    ['blank name', (j) => (j.name = '  '), 'name: phải là chuỗi khác rỗng'],
    ['numeric version', (j) => (j.version = 1), 'version: phải là chuỗi khác rỗng'],
    ['unknown field', (j) => (j.indicators[0].constraint = '01 <= 02'), 'indicators[0].constraint: trường không được hỗ trợ (các trường hợp lệ: code, sectionId, name, unit, kind, constraints)'],
    ['no sections', (j) => (j.sections = []), 'sections: phải là danh sách (mảng) khác rỗng'],
    ['duplicate section', (j) => j.sections.push({ id: '1', title: 'Khác' }), 'sections[1].id: nhóm "1" trùng với sections[0]'],
    ['no indicators', (j) => (j.indicators = {}), 'indicators: phải là danh sách (mảng) khác rỗng'],
    ['indicator not an object', (j) => (j.indicators[1] = 'x'), 'indicators[1]: phải là đối tượng { "code", "sectionId", "name", "unit", "kind" }'],
    ['numeric code', (j) => (j.indicators[0].code = 1), 'indicators[0].code: phải là hai chữ số dạng chuỗi, từ "01" đến "99"'],
    ['one-digit code', (j) => (j.indicators[0].code = '1'), 'indicators[0].code: phải là hai chữ số dạng chuỗi, từ "01" đến "99"'],
    ['code 00', (j) => (j.indicators[1].code = '00'), 'indicators[1].code: phải là hai chữ số dạng chuỗi, từ "01" đến "99"'],
    ['duplicate code', (j) => (j.indicators[1].code = '01'), 'indicators[1].code: mã "01" trùng với indicators[0]'],
    ['bad kind', (j) => (j.indicators[1].kind = 'X'), 'indicators[1].kind: phải là I hoặc D'],
    ['unknown section', (j) => (j.indicators[1].sectionId = '7'), 'indicators[1].sectionId: nhóm "7" không có trong sections'],
    ['empty unit', (j) => (j.indicators[1].unit = ''), 'indicators[1].unit: phải là chuỗi khác rỗng'],
    ['constraints not a string', (j) => (j.indicators[1].constraints = ['02 <= 01']), 'indicators[1].constraints: phải là chuỗi (các ràng buộc cách nhau bằng ";")'],
    ['rule error', (j) => (j.indicators[1].constraints = '02 + <= 01'), 'indicators[1].constraints: Ràng buộc "02 + <= 01": thiếu số hạng sau "+" (ký tự 6)'],
    ['rule with unknown code', (j) => (j.indicators[1].constraints = '02 <= 03'), 'indicators[1].constraints: Ràng buộc "02 <= 03": mã 03 không có trong mẫu (ký tự 7)'],
    ['duplicate rule', (j) => (j.indicators[0].constraints = '2 <= 1'), 'indicators[1].constraints: Ràng buộc "02 <= 01" trùng với ràng buộc đã ghi ở chỉ tiêu mã 01'],
  ];

  it.each(invalid)('rejects: %s', (_, mutate, message) => {
    const json = minimal() as unknown as Record<string, any>;
    mutate(json);
    const e = errorOf(() => templateFromJson(json));
    expect(e.message).toBe(message);
    expect(e.row).toBeUndefined();
  });

  it('rejects a non-object', () => {
    expect(errorOf(() => templateFromJson([])).message).toBe('Mẫu chỉ tiêu (JSON) phải là một đối tượng');
    expect(errorOf(() => templateFromJson(null)).message).toBe('Mẫu chỉ tiêu (JSON) phải là một đối tượng');
  });

  it('lists every problem at once', () => {
    const json = minimal() as unknown as Record<string, any>;
    json.id = '';
    json.indicators[0].kind = 'i';
    json.indicators[1].constraints = '02 <= 09';
    const e = errorOf(() => templateFromJson(json));
    expect(e.problems.map((p) => p.message)).toEqual([
      'id: phải là chuỗi khác rỗng',
      'indicators[0].kind: phải là I hoặc D',
      'indicators[1].constraints: Ràng buộc "02 <= 09": mã 09 không có trong mẫu (ký tự 7)',
    ]);
    expect(e.message).toBe(
      'tìm thấy 3 lỗi:\n' +
        '- id: phải là chuỗi khác rỗng\n' +
        '- indicators[0].kind: phải là I hoặc D\n' +
        '- indicators[1].constraints: Ràng buộc "02 <= 09": mã 09 không có trong mẫu (ký tự 7)',
    );
  });

  it('ignores "$" and "_" comment keys', () => {
    const json = { $schema: 'x', _ghi_chu: 'mẫu thử', ...minimal() };
    expect(templateFromJson(json).id).toBe('mau-thu');
  });
});

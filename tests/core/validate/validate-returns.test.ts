import { runJob } from '../../../src/core/job';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { defaultUnits } from '../../../src/core/units/unit-list';
import { validateReturns } from '../../../src/core/validate/validate-returns';
import { CURRENT_TOTALS } from '../../../scripts/sample/figures';
import { formBook, PERIOD, rowOf, sampleInputs, VALUE_COL } from '../../support/forms';

const template = defaultTemplate();
const units = defaultUnits();

function setValue(book: ReturnType<typeof formBook>, code: string, v: unknown) {
  const s = book.sheets[0];
  s.values[rowOf(s, code)][VALUE_COL] = v as never;
}

describe('validateReturns', () => {
  it('accepts the 18 sample returns with no finding', () => {
    const v = validateReturns(template, sampleInputs(), { units, period: PERIOD });
    expect(v.returns.map((r) => r.unit)).toEqual(units);
    expect(v.returns.every((r) => r.status === 'ok')).toBe(true);
    expect(v.returns.flatMap((r) => r.findings)).toEqual([]);
    expect(v.missingUnits).toEqual([]);
    expect(v.period).toBe(PERIOD);
  });

  it('lists units with no return as missing', () => {
    const inputs = sampleInputs().filter((i) => !i.file.startsWith('Tây Giang'));
    const v = validateReturns(template, inputs, { units });
    expect(v.missingUnits).toEqual(['Tây Giang']);
  });

  it('reports a violated error rule on the first code of the rule, with the values read', () => {
    const inputs = sampleInputs((unit, book) => {
      if (unit === 'Hội An') setValue(book, '15', 5000);
    });
    const r = validateReturns(template, inputs, { units }).returns[1];
    expect(r.status).toBe('errors');
    const f = r.findings.find((x) => x.rule.startsWith('rule:'))!;
    expect(f).toMatchObject({ severity: 'error', unit: 'Hội An', code: '15', rule: 'rule:15<=14' });
    expect(f.message).toContain('5.000');
  });

  it('warns on a ratio out of range: the seed\'s 2.904.500 đồng typed as a number of triệu', () => {
    const inputs = sampleInputs((unit, book) => {
      if (unit === 'Tam Kỳ') setValue(book, '33', 0.3);
    });
    const r = validateReturns(template, inputs, { units }).returns[0];
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', code: '33', rule: expect.stringContaining('33/32') })]);
  });

  it('flags two returns for the same unit on each of them', () => {
    const inputs = [...sampleInputs(), { file: 'Tam Kỳ (sửa lại).xlsx', workbook: formBook('Tam Kỳ', { ...CURRENT_TOTALS }, 'Tam Kỳ (sửa lại).xlsx') }];
    const v = validateReturns(template, inputs, { units });
    const dup = v.returns.filter((r) => r.findings.some((f) => f.rule === 'unit-duplicate'));
    expect(dup.map((r) => r.file)).toEqual(['Tam Kỳ.xlsx', 'Tam Kỳ (sửa lại).xlsx']);
    expect(dup.every((r) => r.status === 'errors')).toBe(true);
  });

  it('rejects a unit that is not on the list', () => {
    const book = formBook('Đà Nẵng', { ...CURRENT_TOTALS }, 'da-nang.xlsx');
    const v = validateReturns(template, [{ file: book.file, workbook: book }], { units });
    expect(v.returns[0].unit).toBeNull();
    expect(v.returns[0].findings).toEqual([expect.objectContaining({ severity: 'error', rule: 'unit-unknown' })]);
  });

  it('warns when the visible unit name and the hidden metadata disagree; the visible name wins', () => {
    const book = formBook('Hội An', { ...CURRENT_TOTALS });
    book.sheets[0].values[1][0] = 'Đơn vị báo cáo: Hội CCB huyện Quế Sơn';
    const v = validateReturns(template, [{ file: book.file, workbook: book }], { units });
    expect(v.returns[0].unit).toBe('Quế Sơn');
    expect(v.returns[0].findings.map((f) => f.rule)).toContain('unit-mismatch');
  });

  it('rejects a form of another template and of another period', () => {
    const other = formBook('Hội An', { ...CURRENT_TOTALS });
    other.meta = { ...other.meta!, templateId: 'mau-khac' };
    const late = formBook('Tam Kỳ', { ...CURRENT_TOTALS });
    late.sheets[0].values[2][0] = 'Kỳ báo cáo: Năm 2023';
    const v = validateReturns(template, [{ file: 'a', workbook: other }, { file: 'b', workbook: late }], { units, period: PERIOD });
    expect(v.returns[0].findings.map((f) => f.rule)).toContain('template-mismatch');
    expect(v.returns[1].findings.map((f) => f.rule)).toContain('period-mismatch');
  });

  it.each([
    ['encrypted', 'file-encrypted', 'mật khẩu'],
    ['xls', 'file-xls', '.xls'],
    ['not-workbook', 'file-unreadable', 'không phải'],
  ] as const)('reports a %s file and still checks the others', (failure, rule, words) => {
    const v = validateReturns(template, [{ file: 'bad', failure }, ...sampleInputs()], { units });
    expect(v.returns[0].findings).toEqual([expect.objectContaining({ severity: 'error', rule, file: 'bad' })]);
    expect(v.returns[0].findings[0].message).toContain(words);
    expect(v.returns.filter((r) => r.status === 'ok')).toHaveLength(18);
  });
});

describe('runJob', () => {
  it('totals the sample to the seed\'s figures', () => {
    const { consolidation, findings } = runJob(template, sampleInputs(), { units, period: PERIOD });
    expect(consolidation.totals).toEqual(CURRENT_TOTALS);
    expect(findings).toEqual([]);
  });

  it('leaves a unit with errors out of the total unless asked, and says so', () => {
    const inputs = sampleInputs((unit, book) => {
      if (unit === 'Nam Giang') setValue(book, '16', -1);
    });
    const out = runJob(template, inputs, { units });
    const nam = out.consolidation.roster.find((r) => r.unit === 'Nam Giang')!;
    expect(nam.state).toBe('errors-excluded');
    expect(out.consolidation.totals['16']).toBe(3);
    expect(out.consolidation.totals['08']).toBeLessThan(CURRENT_TOTALS['08']);
    const inc = runJob(template, inputs, { units, includeErrors: true });
    expect(inc.consolidation.totals['08']).toBe(CURRENT_TOTALS['08']);
    expect(inc.consolidation.totals['16']).toBe(3);
  });

  it('checks the rules again on the provincial total', () => {
    const inputs = sampleInputs((unit, book) => {
      if (unit === 'Tam Kỳ') setValue(book, '28', 9000);
    });
    const out = runJob(template, inputs, { units });
    expect(out.consolidation.totalFindings).toEqual([expect.objectContaining({ unit: null, code: '28', severity: 'warning' })]);
  });
});

describe('period without --period', () => {
  it('takes the period most returns name and warns about a return of another period', () => {
    const inputs = sampleInputs((unit, book) => {
      if (unit === 'Phú Ninh') book.sheets[0].values[2][0] = 'Kỳ báo cáo: 6 tháng đầu năm 2023';
    });
    const v = validateReturns(template, inputs, { units });
    expect(v.period).toBe(PERIOD);
    const phuNinh = v.returns.find((r) => r.unit === 'Phú Ninh')!;
    expect(phuNinh.status).toBe('warnings');
    expect(phuNinh.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'period-differs' })]);
  });
});

describe('edge cases found by the fuzz and property tests', () => {
  it('keeps large one-decimal totals exact', () => {
    const a = formBook('Tam Kỳ', { ...CURRENT_TOTALS, '23': 9000000.1 });
    const b = formBook('Hội An', { ...CURRENT_TOTALS, '23': 0.2 });
    const out = runJob(template, [{ file: 'a', workbook: a }, { file: 'b', workbook: b }], { units: ['Tam Kỳ', 'Hội An'] });
    expect(out.consolidation.totals['23']).toBe(9000000.3);
  });

  it('words the duplicate-return message the same whatever the input order', () => {
    const a = { file: 'a.xlsx', workbook: formBook('Tam Kỳ', { ...CURRENT_TOTALS }, 'a.xlsx') };
    const b = { file: 'b.xlsx', workbook: formBook('Tam Kỳ', { ...CURRENT_TOTALS }, 'b.xlsx') };
    const msgs = (inputs: typeof a[]) => validateReturns(template, inputs, { units }).returns
      .flatMap((r) => r.findings).filter((f) => f.rule === 'unit-duplicate').map((f) => f.message);
    expect(msgs([a, b])).toEqual(msgs([b, a]));
    expect(msgs([a, b])[0]).toContain('(a.xlsx, b.xlsx)');
  });
});

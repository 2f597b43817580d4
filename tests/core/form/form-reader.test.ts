import { readForm } from '../../../src/core/form/form-reader';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { currentFigures } from '../../../scripts/sample/figures';
import { formBook, rowOf, VALUE_COL } from '../../support/forms';

const template = defaultTemplate();
const [unit, figures] = [...currentFigures()][0];

function read(alter?: (values: unknown[][], formulas: string[][]) => void) {
  const book = formBook(unit, figures);
  alter?.(book.sheets[0].values, book.sheets[0].formulas!);
  return readForm(book, template);
}

const rules = (r: ReturnType<typeof read>) => r.findings.map((f) => f.rule);

describe('readForm on the form as sent', () => {
  it('reads every indicator, the unit and the period, with no findings', () => {
    const r = read();
    expect(r.values).toEqual(figures);
    expect(r.visibleUnit).toBe(`Hội CCB ${unit}`);
    expect(r.visiblePeriod).toBe('6 tháng đầu năm 2024');
    expect(r.findings).toEqual([]);
    expect(r.cells['01']).toBe('E8');
  });
});

describe('readForm on altered returns', () => {
  it('finds the table after rows inserted above it and survives reordered rows', () => {
    const r = read((values) => {
      values.splice(2, 0, ['Một dòng chèn thêm'], []);
      const a = rowOf({ name: '', values: values as never }, '05');
      const b = rowOf({ name: '', values: values as never }, '06');
      [values[a], values[b]] = [values[b], values[a]];
    });
    expect(r.values).toEqual(figures);
    expect(r.findings).toEqual([]);
  });

  it('finds the columns by header when a column is inserted', () => {
    const r = read((values) => values.forEach((row) => row.splice(1, 0, 'x')));
    expect(r.values['08']).toBe(figures['08']);
    expect(r.findings).toEqual([]);
  });

  it('reports a deleted row as missing (error) and keeps the other values', () => {
    const r = read((values) => values.splice(rowOf({ name: '', values: values as never }, '16'), 1));
    expect(r.values['16']).toBeUndefined();
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'error', rule: 'missing-row', code: '16' })]);
  });

  it('matches a row by name when the code was erased, and warns', () => {
    const r = read((values) => (values[rowOf({ name: '', values: values as never }, '16')][2] = ''));
    expect(r.values['16']).toBe(figures['16']);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'matched-by-name', code: '16' })]);
  });

  it('warns about a renamed indicator but takes its value by code', () => {
    const r = read((values) => (values[rowOf({ name: '', values: values as never }, '20')][1] = 'Trồng cây'));
    expect(r.values['20']).toBe(figures['20']);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'renamed-row', code: '20', cell: expect.stringMatching(/^B/) })]);
  });

  it('does not count an unknown extra row and warns', () => {
    const r = read((values) => values.splice(12, 0, ['', 'Chỉ tiêu tự thêm', '41', 'cái', 5, '']));
    expect(r.values['41']).toBeUndefined();
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'unknown-row' })]);
    expect(r.findings[0].message).toContain('"5"');
  });

  it('flags a duplicated row as an error', () => {
    const r = read((values) => values.splice(20, 0, [...values[rowOf({ name: '', values: values as never }, '07')]]));
    expect(rules(r)).toEqual(['duplicate-row']);
    expect(r.values['07']).toBeUndefined();
  });

  it('reads a numeric code (7 instead of "07") and NFD labels', () => {
    const r = read((values) => {
      const row = values[rowOf({ name: '', values: values as never }, '07')];
      row[2] = 7;
      row[1] = String(row[1]).normalize('NFD');
    });
    expect(r.values['07']).toBe(figures['07']);
    expect(r.findings).toEqual([]);
  });

  it.each([
    ['1.600', 1600, 'text-number', 'warning'],
    ['gần 1.600', 1600, 'text-number', 'warning'],
    ['-5', undefined, 'negative', 'error'],
    ['chưa có', undefined, 'not-a-number', 'error'],
    ['#REF!', undefined, 'formula-error', 'error'],
  ])('value cell %p → %p (%s)', (text, value, rule, severity) => {
    const r = read((values) => (values[rowOf({ name: '', values: values as never }, '01')][VALUE_COL] = text));
    expect(r.values['01']).toBe(value);
    expect(r.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule, severity, code: '01', cell: r.cells['01'] })]));
    expect(r.findings.find((f) => f.rule === rule)!.message).toContain(text);
  });

  it('rejects a fraction in a whole-number indicator and a negative number cell', () => {
    const r = read((values) => {
      values[rowOf({ name: '', values: values as never }, '08')][VALUE_COL] = 37.09;
      values[rowOf({ name: '', values: values as never }, '26')][VALUE_COL] = -3;
    });
    expect(r.findings.map((f) => [f.rule, f.code])).toEqual([['fraction', '08'], ['negative', '26']]);
  });

  it('takes a formula result as stored and reports a formula error', () => {
    const r = read((values, formulas) => {
      const a = rowOf({ name: '', values: values as never }, '29');
      formulas[a][VALUE_COL] = '=50+54';
      const b = rowOf({ name: '', values: values as never }, '30');
      values[b][VALUE_COL] = '#DIV/0!';
      formulas[b][VALUE_COL] = '=1/0';
    });
    expect(r.values['29']).toBe(figures['29']);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'formula-error', code: '30' })]);
    expect(r.findings[0].message).toContain('=1/0');
  });

  it('counts blanks and "-" as 0 and lists them once as info', () => {
    const r = read((values) => {
      values[rowOf({ name: '', values: values as never }, '03')][VALUE_COL] = '';
      values[rowOf({ name: '', values: values as never }, '04')][VALUE_COL] = '-';
    });
    expect(r.values['03']).toBe(0);
    expect(r.values['04']).toBe(0);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'info', rule: 'blank-values' })]);
    expect(r.findings[0].message).toContain('03, 04');
  });

  it('reads TCVN3 labels typed with a .VnTime font', () => {
    const book = formBook(unit, figures);
    const sheet = book.sheets[0];
    const r16 = rowOf(sheet, '16');
    sheet.values[r16][2] = '';
    sheet.values[r16][1] = 'Nhµ t¹m ®­îc xãa';
    sheet.fonts = sheet.values.map((row) => row.map(() => undefined));
    sheet.fonts[r16][1] = '.VnTime';
    const r = readForm(book, template);
    expect(r.values['16']).toBe(figures['16']);
    expect(r.findings.map((f) => f.rule)).toEqual(['matched-by-name']);
  });

  it('reports a workbook without the indicator table', () => {
    const r = readForm({ file: 'x.xlsx', sheets: [{ name: 'Sheet1', values: [['Báo cáo'], [1, 2, 3]] }], meta: null }, template);
    expect(r.sheet).toBeNull();
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'error', rule: 'no-form-table', file: 'x.xlsx' })]);
  });

  it('picks the form sheet among extra sheets', () => {
    const book = formBook(unit, figures);
    book.sheets.unshift({ name: 'Ghi chú', values: [['Ghi chú của đơn vị']] });
    const r = readForm(book, template);
    expect(r.sheet).toBe('Biểu chỉ tiêu');
    expect(r.values).toEqual(figures);
  });
});

describe('readForm with two copies of the form', () => {
  it('reports which sheets compete instead of silently taking one', () => {
    const book = formBook(unit, figures);
    const copy = structuredClone(book.sheets[0]);
    copy.name = 'Kỳ trước';
    copy.values[rowOf(copy, '16')][VALUE_COL] = 999;
    book.sheets.unshift(copy);
    const r = readForm(book, template);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'error', rule: 'multiple-form-sheets' })]);
    expect(r.findings[0].message).toContain('"Kỳ trước"');
    expect(r.findings[0].message).toContain('"Biểu chỉ tiêu"');
  });
});

describe('readForm with a small side table', () => {
  it('takes the full form and ignores a summary sheet that repeats a few codes', () => {
    const book = formBook(unit, figures);
    book.sheets.unshift({ name: 'Tóm tắt', values: [['Mã số', 'Số liệu'], ['01', 999], ['08', 123456]] });
    const r = readForm(book, template);
    expect(r.sheet).toBe('Biểu chỉ tiêu');
    expect(r.values).toEqual(figures);
    expect(r.findings).toEqual([]);
  });
});

import { consolidationSheets } from '../../../src/core/consolidate/consolidation-sheets';
import { readPreviousPeriod, PreviousPeriodError } from '../../../src/core/consolidate/previous-period';
import { runJob } from '../../../src/core/job';
import { isFormulaCell } from '../../../src/core/grid/sheet-spec';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { defaultUnits } from '../../../src/core/units/unit-list';
import { CURRENT_TOTALS, currentFigures } from '../../../scripts/sample/figures';
import { PERIOD, rowOf, sampleInputs, snapshotFromSpec, VALUE_COL } from '../../support/forms';

const template = defaultTemplate();
const units = defaultUnits();

function job(alter?: Parameters<typeof sampleInputs>[0], previous?: ReturnType<typeof readPreviousPeriod>) {
  return runJob(template, sampleInputs(alter), { units, period: PERIOD, previous });
}

function totalsSheet(result: ReturnType<typeof job>) {
  return consolidationSheets(result.consolidation, result.findings)[0];
}

describe('consolidationSheets', () => {
  it('writes the header, one column per unit in list order, and SUM formulas with cached totals', () => {
    const sheet = totalsSheet(job());
    const headerRow = sheet.cells.findIndex((r) => r[0] === 'TT');
    expect(sheet.cells[headerRow]).toEqual(['TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Tổng cộng', ...units, 'Ghi chú']);
    const row08 = sheet.cells.find((r) => r[2] === '08')!;
    expect(row08[4]).toEqual({ formula: expect.stringMatching(/^SUM\(F\d+:W\d+\)$/), result: 37090 });
    expect(row08.slice(5, 23)).toEqual(units.map((u) => currentFigures().get(u)!['08']));
    expect(sheet.cells.find((r) => r[2] === '23')![4]).toMatchObject({ result: 898.3 });
  });

  it('keeps a unit with errors out of the SUM (blank column) and says so above the header', () => {
    const result = job((unit, book) => {
      if (unit === 'Tây Giang') book.sheets[0].values[rowOf(book.sheets[0], '08')][VALUE_COL] = 'không rõ';
    });
    const sheet = totalsSheet(result);
    const col = 5 + units.indexOf('Tây Giang');
    expect(sheet.cells.find((r) => r[2] === '01')![col]).toBeNull();
    expect(sheet.cells[3][col]).toBe('Có lỗi – chưa tính');
    expect(String(sheet.cells[2][0])).toContain('Đã tổng hợp 17/18 đơn vị');
    expect(String(sheet.cells[2][0])).toContain('Tây Giang');
    const row01 = sheet.cells.find((r) => r[2] === '01')!;
    const cached = (row01[4] as { result: number }).result;
    expect(cached).toBe(CURRENT_TOTALS['01'] - currentFigures().get('Tây Giang')!['01']);
  });

  it('lists every finding in "Kiểm tra" and every unit in "Tình trạng"', () => {
    const result = job((unit, book) => {
      if (unit === 'Hội An') book.sheets[0].values[rowOf(book.sheets[0], '01')][VALUE_COL] = '1.234';
    });
    const [, findings, roster] = consolidationSheets(result.consolidation, result.findings);
    expect(findings.name).toBe('Kiểm tra');
    expect(findings.cells).toHaveLength(1 + result.findings.length);
    expect(findings.cells[1]).toEqual([1, 'Cảnh báo', 'Hội An', 'Hội An.xlsx', 'Biểu chỉ tiêu', expect.stringMatching(/^E\d+$/), '01', 'text-number', expect.stringContaining('1.234')]);
    expect(roster.name).toBe('Tình trạng');
    expect(roster.cells.slice(3).map((r) => r[1])).toEqual(units);
  });

  it('reads its own output back as the previous period, and then adds Kỳ trước and Tăng/giảm', () => {
    const first = totalsSheet(job());
    const previous = readPreviousPeriod([snapshotFromSpec(first)], null, template, units);
    expect(previous.totals['08']).toBe(37090);
    expect(previous.byUnit['Tam Kỳ']['08']).toBe(currentFigures().get('Tam Kỳ')!['08']);
    expect(previous.label).toBe(PERIOD);

    const second = totalsSheet(job((unit, book) => {
      if (unit === 'Tam Kỳ') book.sheets[0].values[rowOf(book.sheets[0], '08')][VALUE_COL] = currentFigures().get('Tam Kỳ')!['08'] - 106;
    }, previous));
    const header = second.cells.find((r) => r[0] === 'TT')!;
    expect(header.slice(-3)).toEqual(['Kỳ trước', 'Tăng/giảm', 'Ghi chú']);
    const row08 = second.cells.find((r) => r[2] === '08')!;
    expect(row08[header.indexOf('Kỳ trước')]).toBe(37090);
    const change = row08[header.indexOf('Tăng/giảm')];
    expect(isFormulaCell(change) && change.result).toBe(-106);
  });

  it('refuses a previous workbook without a totals table', () => {
    expect(() => readPreviousPeriod([{ name: 'Sheet1', values: [['x']] }], null, template, units)).toThrow(PreviousPeriodError);
  });
});

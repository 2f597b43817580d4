/** The logic both task-pane workspaces share, on real sample files and in-memory returns. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { runJob } from '../../src/core/job';
import { TEMPLATE_SHEET_NAME, templateToGrid } from '../../src/core/template/sheet-format';
import { defaultTemplate } from '../../src/core/template/default-template';
import { defaultUnits } from '../../src/core/units/unit-list';
import { returnFromBytes } from '../../src/workbook/open-return';
import { readXlsxWorkbook } from '../../src/workbook/xlsx-reader';
import {
  blankFormsZip, checkOutcome, importFailure, resolveSetup, sheetNameFor, sheetNameForFile, templateSheetSpecs, unitOfReturn,
} from '../../src/taskpane/workspace/pane-engine';
import { PERIOD, sampleInputs } from '../support/forms';

const SAMPLES = path.join(__dirname, '..', '..', 'samples', 'quang-nam-2024-6t');
const FIXTURES = path.join(__dirname, '..', 'fixtures');

describe('resolveSetup', () => {
  it('uses the built-in data when the workbook has no setup sheets', () => {
    const setup = resolveSetup({}, '');
    expect(setup.info).toMatchObject({ templateSource: 'built-in', unitSource: 'built-in', reportSource: 'built-in', problems: [] });
    expect(setup.info.indicatorCount).toBe(defaultTemplate().indicators.length);
    expect(setup.units).toEqual(defaultUnits());
  });

  it('uses edited sheets, and reports a broken one while falling back for it only', () => {
    const grid = templateToGrid(defaultTemplate());
    const specs = templateSheetSpecs(resolveSetup({}, ''));
    const unitsGrid = specs.find((s) => s.name === 'Đơn vị')!.cells as (string | number)[][];
    const setup = resolveSetup({ template: grid, units: [...unitsGrid.slice(0, 4)], report: [['Kiểu', 'Nội dung'], ['Đoạn lạ', 'x']] }, PERIOD);
    expect(setup.info.templateSource).toBe('sheet');
    expect(setup.units).toEqual(defaultUnits().slice(0, 3));
    expect(setup.info.unitSource).toBe('sheet');
    expect(setup.info.reportSource).toBe('built-in');
    expect(setup.info.problems).toHaveLength(1);
    expect(setup.info.problems[0]).toMatch(/^Trang "Mẫu báo cáo" có lỗi nên đang dùng dữ liệu có sẵn: /);
  });

  it('writes the three setup sheets in a shape it reads back', () => {
    const setup = resolveSetup({}, '');
    const [template, report, units] = templateSheetSpecs(setup);
    expect([template.name, report.name, units.name]).toEqual([TEMPLATE_SHEET_NAME, 'Mẫu báo cáo', 'Đơn vị']);
    const again = resolveSetup({ template: template.cells as never, report: report.cells as never, units: units.cells as never }, '');
    expect(again.info).toMatchObject({ templateSource: 'sheet', unitSource: 'sheet', reportSource: 'sheet', problems: [] });
    expect(again.units).toEqual(setup.units);
  });
});

describe('sheet names', () => {
  it('makes valid Excel sheet names', () => {
    expect(sheetNameFor('Hội CCB huyện Quế Sơn')).toBe('Hội CCB huyện Quế Sơn');
    expect(sheetNameFor('a/b:c*d?[e]\\f')).toBe('a b c d e f');
    expect(sheetNameFor("'Tây Giang'")).toBe('Tây Giang');
    expect(sheetNameFor('Hội Cựu chiến binh thành phố Tam Kỳ tỉnh Quảng Nam')).toHaveLength(31);
    expect(sheetNameFor(' :: ')).toBe('Đơn vị');
  });

  it('numbers a file name already taken, ignoring case', () => {
    expect(sheetNameForFile('bieu la.xlsx', new Set())).toBe('bieu la');
    expect(sheetNameForFile('bieu la.xlsx', new Set(['BIEU LA', 'bieu la (2)']))).toBe('bieu la (3)');
    // Compared as Excel compares sheet names: NFC and any case, like nameKey inside Excel.
    expect(sheetNameForFile('Quế Sơn.xlsx', new Set(['QUẾ SƠN'.normalize('NFD')]))).toBe('Quế Sơn (2)');
  });
});

describe('opening picked files', () => {
  it('tells the unit of a real sample return and why a bad file cannot be imported', async () => {
    const setup = resolveSetup({}, '');
    const ok = await returnFromBytes('que-son.xlsx', readFileSync(path.join(SAMPLES, 'que-son.xlsx')));
    expect(importFailure(ok)).toBeNull();
    expect(unitOfReturn(ok, setup)).toBe('Quế Sơn');
    const xls = await returnFromBytes('xls-tam-ky.xls', readFileSync(path.join(FIXTURES, 'xls-tam-ky.xls')));
    expect(unitOfReturn(xls, setup)).toBeNull();
    expect(importFailure(xls)).toMatch(/Excel 97-2003 \(\.xls\)/);
  });
});

describe('checkOutcome', () => {
  it('builds the roster and groups findings by unit, naming the indicator', () => {
    const inputs = sampleInputs((unit, book) => {
      if (unit !== 'Tây Giang') return;
      const sheet = book.sheets[0];
      const row = sheet.values.findIndex((r) => r[2] === '08');
      sheet.values[row][4] = -5;
    }).filter((i) => i.file !== 'Núi Thành.xlsx');
    const result = runJob(defaultTemplate(), inputs, { units: defaultUnits(), period: PERIOD });
    const outcome = checkOutcome(result, { sourceOf: (u) => `${u}!`, selectable: (f) => f.unit === 'Tây Giang' });
    expect(outcome.roster.find((r) => r.unit === 'Núi Thành')).toEqual({ unit: 'Núi Thành', state: 'missing', source: null, errors: 0, warnings: 0 });
    expect(outcome.roster.find((r) => r.unit === 'Tây Giang')).toMatchObject({ state: 'received', source: 'Tây Giang!' });
    const group = outcome.groups.find((g) => g.unit === 'Tây Giang')!;
    const negative = group.findings.find((f) => f.code === '08' && f.severity === 'error')!;
    expect(negative).toMatchObject({ severityText: 'Lỗi', indicator: defaultTemplate().indicators.find((i) => i.code === '08')!.name, selectable: true });
    expect(negative.message).toContain('-5');
    expect(outcome.errors).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(outcome.coverage).toContain('Chưa nhận: Núi Thành.');
    expect(new Set(outcome.groups.flatMap((g) => g.findings.map((f) => f.id))).size).toBe(result.findings.length);
  });
});

describe('blankFormsZip', () => {
  it('zips one readable form per unit, named after it', async () => {
    const setup = resolveSetup({}, '');
    const seen: string[] = [];
    const units = ['Đại Lộc', 'Bắc Trà My', 'Điện Bàn'];
    const zip = await blankFormsZip({ ...setup, units }, PERIOD, (p) => seen.push(p.label));
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(['bieu-bac-tra-my.xlsx', 'bieu-dai-loc.xlsx', 'bieu-dien-ban.xlsx'].sort());
    expect(seen.slice(0, 3)).toEqual(units.map((u) => `Đang tạo biểu: ${u}`));
    const book = readXlsxWorkbook(files['bieu-dai-loc.xlsx']);
    expect(JSON.stringify(book.sheets[0].snapshot().values)).toContain('Đại Lộc');
  });

  it('refuses to make forms without a period, since it is printed on every form', async () => {
    await expect(blankFormsZip(resolveSetup({}, ''), '  ')).rejects.toThrow('Hãy ghi "Kỳ báo cáo"');
  });
});

import path from 'node:path';
import { IMPORT_REGISTER_SHEET, registerFromGrid } from '../../../src/core/form/import-register';
import { FakeExcel } from '../../workbook/support/fake-excel';
import { ALL_SETS, FIXTURES, filesWithAlteredDienBan, importAll, NOW, pickedFile, SAMPLES, sampleFiles, WITHOUT_1_13, workspaceOver } from './support';

const queSon = () => pickedFile(path.join(SAMPLES, 'que-son.xlsx'));

function registerOf(fake: FakeExcel) {
  return registerFromGrid(fake.sheet(IMPORT_REGISTER_SHEET).values);
}

describe('ExcelWorkspace import', () => {
  test('plans one sheet per unit, named after the unit, and nothing replaces in an empty workbook', async () => {
    const ws = workspaceOver(new FakeExcel([{ name: 'Sheet1', values: [] }]));
    const plan = await ws.planImport(sampleFiles().slice(0, 3));
    expect(plan).toEqual([
      { file: 'bac-tra-my.xlsx', unit: 'Bắc Trà My', sheet: 'Bắc Trà My', replaces: false, failure: null },
      { file: 'dai-loc.xlsx', unit: 'Đại Lộc', sheet: 'Đại Lộc', replaces: false, failure: null },
      { file: 'dien-ban.xlsx', unit: 'Điện Bàn', sheet: 'Điện Bàn', replaces: false, failure: null },
    ]);
  });

  test('with ExcelApi 1.13: the form sheet is inserted from the file and renamed by its id; the register keeps the metadata', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake, ALL_SETS);
    const files = sampleFiles().slice(0, 4);
    const { outcome } = await importAll(ws, files);
    expect(outcome.failed).toEqual([]);
    expect(outcome.imported.map((i) => i.sheet)).toEqual(['Bắc Trà My', 'Đại Lộc', 'Điện Bàn', 'Đông Giang']);
    expect(fake.calls.filter((c) => c.api === 'workbook.insertWorksheetsFromBase64')).toHaveLength(4);
    expect(fake.writes.filter((w) => w.sheet === 'Đại Lộc')).toEqual([]); // nothing written cell by cell
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bắc Trà My', 'Đại Lộc', 'Điện Bàn', 'Đông Giang', IMPORT_REGISTER_SHEET]);
    expect(fake.sheet('Đại Lộc').protectedNow).toBe(false);
    expect(fake.sheet(IMPORT_REGISTER_SHEET).state).toBe('VeryHidden');
    expect(registerOf(fake).records[1]).toEqual({
      sheet: 'Đại Lộc', unit: 'Đại Lộc', file: 'dai-loc.xlsx', sourceSheet: 'Biểu chỉ tiêu', importedAt: NOW.toISOString(),
      meta: { kind: 'form', templateId: 'ccb-bchqs-6thang', templateVersion: '1', period: '6 tháng đầu năm 2024', unit: 'Đại Lộc' },
    });
  });

  test('without ExcelApi 1.13 the values are written, with the hidden rows, and the check finds the same as with 1.13', async () => {
    const files = filesWithAlteredDienBan();
    const results = [];
    for (const supports of [ALL_SETS, WITHOUT_1_13]) {
      const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
      const ws = workspaceOver(fake, supports);
      await importAll(ws, files);
      const inserted = fake.calls.some((c) => c.api === 'workbook.insertWorksheetsFromBase64');
      expect(inserted).toBe(supports === ALL_SETS);
      results.push({ check: await ws.check(), fake });
    }
    const [withInsert, withValues] = results;
    expect(withValues.fake.writes.filter((w) => w.sheet === 'Điện Bàn' && w.kind === 'values')).toHaveLength(1);
    expect(withValues.fake.sheet('Điện Bàn').hiddenRows).toEqual(withInsert.fake.sheet('Điện Bàn').hiddenRows);
    expect(withValues.fake.sheet('Điện Bàn').hiddenRows.length).toBeGreaterThan(0);
    expect(withValues.check.result.findings).toEqual(withInsert.check.result.findings);
    expect(withValues.check.result.consolidation.totals).toEqual(withInsert.check.result.consolidation.totals);
    expect(withInsert.check.warnings).toBeGreaterThan(0);
  });

  test('an existing sheet is replaced only with consent; otherwise the file is kept out and the sheet untouched', async () => {
    for (const supports of [ALL_SETS, WITHOUT_1_13]) {
      const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
      const ws = workspaceOver(fake, supports);
      await importAll(ws, [queSon()]);
      fake.sheet('Quế Sơn').values[0][0] = 'sửa tay';

      const plan = await ws.planImport([queSon()]);
      expect(plan[0]).toMatchObject({ sheet: 'Quế Sơn', replaces: true });
      const refused = await ws.importReturns(plan, [queSon()], new Set());
      expect(refused).toEqual({ imported: [], kept: [{ file: 'que-son.xlsx', sheet: 'Quế Sơn' }], failed: [] });
      expect(fake.sheet('Quế Sơn').values[0][0]).toBe('sửa tay');

      const agreed = await ws.importReturns(plan, [queSon()], new Set(['que-son.xlsx']));
      expect(agreed.imported).toEqual([{ file: 'que-son.xlsx', unit: 'Quế Sơn', sheet: 'Quế Sơn' }]);
      expect(fake.sheet('Quế Sơn').values[0][0]).not.toBe('sửa tay');
      expect(fake.sheets.filter((s) => s.name.startsWith('Quế Sơn') || s.name.startsWith('Biểu'))).toHaveLength(1);
      expect(registerOf(fake).records.map((r) => r.sheet)).toEqual(['Quế Sơn']);
    }
  });

  test('sheet names are compared without regard to case, as Excel does', async () => {
    const fake = new FakeExcel([{ name: 'quế sơn', values: [['cũ']] }, { name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake);
    const plan = await ws.planImport([queSon()]);
    expect(plan[0]).toMatchObject({ sheet: 'Quế Sơn', replaces: true });
    await ws.importReturns(plan, [queSon()], new Set(['que-son.xlsx']));
    // Replaced in place (never deleted, so formulas pointing at it survive): it keeps its tab position.
    expect(fake.sheets.map((s) => s.name)).toEqual(['Quế Sơn', 'Sheet1', IMPORT_REGISTER_SHEET]);
  });

  test('unreadable files are listed with their reason and write nothing', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake);
    const files = [queSon(), pickedFile(path.join(FIXTURES, 'not-a-workbook.xlsx')), pickedFile(path.join(FIXTURES, 'truncated.xlsx')),
      pickedFile(path.join(FIXTURES, 'xls-tam-ky.xls')), { name: 'mat.xlsx', read: async () => { throw new Error('NotReadableError'); } }];
    const plan = await ws.planImport(files);
    expect(plan.map((p) => p.failure === null)).toEqual([true, false, false, false, false]);
    const outcome = await ws.importReturns(plan, files, new Set());
    expect(outcome.imported.map((i) => i.file)).toEqual(['que-son.xlsx']);
    expect(outcome.failed.map((f) => f.file)).toEqual(['not-a-workbook.xlsx', 'truncated.xlsx', 'xls-tam-ky.xls', 'mat.xlsx']);
    expect(outcome.failed[0].reason).toMatch(/không phải sổ làm việc Excel/);
    expect(outcome.failed[2].reason).toMatch(/\.xls/);
    expect(outcome.failed[3].reason).toMatch(/NotReadableError/);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Quế Sơn', IMPORT_REGISTER_SHEET]);
  });

  test('a return of no listed unit goes to a sheet named after its file, and back to it when imported again', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }, { name: 'Đơn vị', values: [['STT', 'Đơn vị'], [1, 'Tam Kỳ']] }]);
    const ws = workspaceOver(fake);
    const file = queSon();
    const [first] = await ws.planImport([file]);
    expect(first).toMatchObject({ unit: null, sheet: 'que-son', replaces: false });
    await ws.importReturns([first], [file], new Set());
    const [again] = await ws.planImport([queSon()]);
    expect(again).toMatchObject({ sheet: 'que-son', replaces: true });
  });

  test('the period set in the pane is stored in the workbook and read back when it is reopened', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake);
    await ws.loadSetup();
    ws.setPeriod('6 tháng đầu năm 2024');
    await importAll(ws, [queSon()]);
    expect(registerOf(fake).period).toBe('6 tháng đầu năm 2024');
    const reopened = workspaceOver(fake);
    expect((await reopened.loadSetup()).period).toBe('6 tháng đầu năm 2024');
  });

  test('template sheets: the missing ones are written, existing ones left as they are', async () => {
    const fake = new FakeExcel([{ name: 'Đơn vị', values: [['STT', 'Đơn vị'], [1, 'Tam Kỳ'], [2, 'Hội An']] }]);
    const ws = workspaceOver(fake);
    const out = await ws.insertTemplateSheets();
    expect(out).toEqual({ written: ['Mẫu chỉ tiêu', 'Mẫu báo cáo'], existing: ['Đơn vị'], download: null });
    expect(fake.sheet('Đơn vị').values).toEqual([['STT', 'Đơn vị'], [1, 'Tam Kỳ'], [2, 'Hội An']]);
    const setup = await workspaceOver(fake).loadSetup();
    expect(setup).toMatchObject({ templateSource: 'sheet', reportSource: 'sheet', unitSource: 'sheet', units: ['Tam Kỳ', 'Hội An'], problems: [] });
  });
});

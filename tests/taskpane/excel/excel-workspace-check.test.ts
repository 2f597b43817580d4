/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { MARK_FILL } from '../../../src/core/validate/cell-marks';
import { ExcelWorkspace, type ExcelContextLike } from '../../../src/taskpane/excel/excel-workspace';
import { MARKS_SHEET } from '../../../src/taskpane/excel/mark-register';
import { WorkspaceError } from '../../../src/taskpane/workspace/workspace';
import type { SheetSnapshot } from '../../../src/core/grid/sheet';
import { FakeExcel, FakeSheet } from '../../workbook/support/fake-excel';
import { ALL_SETS, cliResult, filesWithAlteredDienBan, importAll, ONLY_1_1, sampleFiles, WITHOUT_1_13, workspaceOver } from './support';

jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

// Compile-time: the real Excel.run fits the workspace's constructor.
export const overRealExcel = (run: typeof Excel.run): ExcelWorkspace =>
  new ExcelWorkspace((fn) => run((context: Excel.RequestContext) => fn(context)), () => true);

async function checkedWorkspace(supports: (v: string) => boolean = ALL_SETS) {
  const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
  const ws = workspaceOver(fake, supports);
  const files = filesWithAlteredDienBan();
  const { plan } = await importAll(ws, files);
  const sheetOfFile = new Map(plan.map((p) => [p.file, p.sheet]));
  return { fake, ws, files, sheetOfFile };
}

describe('ExcelWorkspace check', () => {
  test.each([['all sets', ALL_SETS], ['without 1.13', WITHOUT_1_13]])('finds what the CLI finds on the same files (%s)', async (_label, supports) => {
    const { ws, files, sheetOfFile } = await checkedWorkspace(supports);
    const outcome = await ws.check();
    const { result: cli } = await cliResult(files);
    // The CLI names the form sheet inside the file; inside Excel the return is the unit's sheet.
    const expected = cli.findings.map((f) => ({ ...f, sheet: f.sheet === null ? null : sheetOfFile.get(f.file!)! }));
    expect(outcome.result.findings).toEqual(expected);
    expect(outcome.result.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['text-number', 'hidden-row']));
    expect(outcome.result.consolidation.totals).toEqual(cli.consolidation.totals);
    expect(outcome.roster.find((r) => r.unit === 'Điện Bàn')).toMatchObject({ state: 'received', source: 'Điện Bàn', errors: 0 });
    const textNumber = outcome.groups.flatMap((g) => g.findings).find((f) => f.code === '08' && f.unit === 'Điện Bàn')!;
    expect(textNumber).toMatchObject({ sheet: 'Điện Bàn', cell: 'E18', selectable: true, indicator: expect.any(String) });
  });

  test('highlights faulty cells, then clears the previous run\'s highlights and notes', async () => {
    const { fake, ws } = await checkedWorkspace();
    await ws.check();
    const fills = () => fake.fills();
    expect(fills().get('Điện Bàn!E18')).toBe(`#${MARK_FILL.warning}`);
    expect(fills().get('Điện Bàn!E34')).toBe(`#${MARK_FILL.warning}`);
    const notes = () => fake.comments.filter((c) => !c.deleted).map((c) => c.address).sort();
    expect(notes()).toEqual(["'Điện Bàn'!E18", "'Điện Bàn'!E34"]);
    expect(fake.sheet(MARKS_SHEET).state).toBe('VeryHidden');

    // The unit corrects E18 and someone types a negative figure in Quế Sơn.
    fake.sheet('Điện Bàn').values[17][4] = 3416;
    const queSon = fake.sheet('Quế Sơn');
    const row01 = queSon.values.findIndex((r) => r[2] === '01');
    queSon.values[row01][4] = -5;
    const second = await workspaceOver(fake).check(); // a new pane session: the marks are read from the workbook
    expect(fills().has('Điện Bàn!E18')).toBe(false);
    expect(fills().get('Điện Bàn!E34')).toBe(`#${MARK_FILL.warning}`);
    expect(fills().get(`Quế Sơn!E${row01 + 1}`)).toBe(`#${MARK_FILL.error}`);
    expect(notes()).toEqual(["'Quế Sơn'!E" + (row01 + 1), "'Điện Bàn'!E34"].sort());
    expect(second.roster.find((r) => r.unit === 'Quế Sơn')).toMatchObject({ errors: 1 });
    const clears = fake.formats.filter((f) => f.path === 'format.fill.clear()').map((f) => `${f.sheet}!${f.address}`);
    // Only the corrected cell is cleared; E34, still faulty, keeps its mark.
    expect(clears.sort()).toEqual(['Điện Bàn!E18']);
  });

  test('a corrected cell gets back the shading it had before it was highlighted', async () => {
    const { fake, ws } = await checkedWorkspace();
    fake.sheet('Điện Bàn').cellFills.set('E18', '#DDEBF7'); // the form's shaded input cell
    const syncsBefore = fake.syncs;
    await ws.check();
    const checkSyncs = fake.syncs - syncsBefore;
    expect(fake.fills().get('Điện Bàn!E18')).toBe(`#${MARK_FILL.warning}`);
    fake.sheet('Điện Bàn').values[17][4] = 3416;
    await ws.check();
    expect(fake.fills().get('Điện Bàn!E18')).toBe('#DDEBF7');
    expect(fake.fills().has('Điện Bàn!E34')).toBe(true); // still faulty: still marked
    expect(fake.syncs - syncsBefore).toBe(2 * checkSyncs);
    expect(checkSyncs).toBeLessThanOrEqual(4);
  });

  test('a note the user changed on a previously marked cell is left alone', async () => {
    const { fake, ws } = await checkedWorkspace();
    await ws.check();
    const e34 = fake.comments.find((c) => c.address === "'Điện Bàn'!E34" && !c.deleted)!;
    e34.text = 'Đã hỏi lại đơn vị';
    fake.sheet('Điện Bàn').values[33][4] = 92.1;
    await ws.check();
    expect(fake.comments.filter((c) => !c.deleted).map((c) => c.text)).toContain('Đã hỏi lại đơn vị');
  });

  test('with ExcelApi 1.1 only: fill only, no newer API touched', async () => {
    const { fake, ws } = await checkedWorkspace(ONLY_1_1);
    await ws.check();
    expect(fake.fills().get('Điện Bàn!E18')).toBe(`#${MARK_FILL.warning}`);
    expect(fake.comments).toHaveLength(0);
    expect([...fake.setsUsed()]).toEqual(['1.1']);
  });

  test('sheets named after a listed unit holding a form count even when not imported by the pane', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake);
    await importAll(ws, sampleFiles().filter((f) => f.name === 'hoi-an.xlsx'));
    const { inputs } = await cliResult(sampleFiles().filter((f) => f.name === 'tam-ky.xlsx'));
    const tamKy = (inputs[0] as { workbook: { sheets: SheetSnapshot[] } }).workbook.sheets[0];
    fake.sheets.push(new FakeSheet(fake, { name: 'Tam Kỳ', values: tamKy.values, formulas: tamKy.formulas }));
    fake.sheets.push(new FakeSheet(fake, { name: 'Ghi chép', values: tamKy.values, formulas: tamKy.formulas }));
    fake.sheets.push(new FakeSheet(fake, { name: 'Núi Thành', values: [['Ghi chú riêng, không phải biểu']] }));
    const outcome = await ws.check();
    expect(outcome.roster.find((r) => r.unit === 'Tam Kỳ')).toMatchObject({ state: 'received', source: 'Tam Kỳ' });
    expect(outcome.roster.find((r) => r.unit === 'Núi Thành')).toMatchObject({ state: 'missing' });
    expect(outcome.result.validation.returns.map((r) => r.file)).toEqual(['hoi-an.xlsx', 'Tam Kỳ']);
  });

  test('an empty workbook says to import first', async () => {
    const ws = workspaceOver(new FakeExcel([{ name: 'Sheet1', values: [] }]));
    await expect(ws.check()).rejects.toThrow(new WorkspaceError('Sổ làm việc chưa có trang biểu nào của đơn vị: hãy bấm "Nhập biểu đã nhận" trước.'));
  });

  test('Office errors come back as a Vietnamese sentence saying what to do', async () => {
    const { fake, ws } = await checkedWorkspace();
    fake.failNextSync = Object.assign(new Error('The operation is not allowed in cell edit mode.'), { code: 'InvalidOperationInCellEditMode' });
    const err = await ws.check().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkspaceError);
    expect((err as Error).message).toMatch(/Hãy thoát khỏi chế độ sửa ô/);
    fake.failNextSync = Object.assign(new Error('The sheet is protected.'), { code: 'AccessDenied' });
    await expect(ws.consolidate({ chartCode: null })).rejects.toThrow(/bỏ bảo vệ/);
  });
});

describe('ExcelWorkspace selectCell', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const { fake, ws } = await checkedWorkspace();
    const before = fake.syncs;
    await ws.selectCell('Điện Bàn', 'E18');
    expect(fake.syncs - before).toBe(1);
    expect(fake.activeSheet).toBe('Điện Bàn');
    expect(fake.selections.at(-1)).toEqual({ sheet: 'Điện Bàn', address: 'E18' });
    await expect(ws.selectCell('Không có', 'A1')).rejects.toThrow(/Không tìm thấy trang tính/);
  });

  test('over office-addin-mock', async () => {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (cell: string) => ({ select: () => calls.push(`select ${cell}`) }),
          }),
        },
      },
    });
    const ws = new ExcelWorkspace((fn) => fn(mock as unknown as ExcelContextLike), () => true);
    await ws.selectCell('Hội An', 'E12');
    expect(calls).toEqual(['activate Hội An', 'select E12']);
  });
});

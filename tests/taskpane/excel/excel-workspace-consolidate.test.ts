import { consolidationSheets } from '../../../src/core/consolidate/consolidation-sheets';
import { isFormulaCell, type SheetSpec } from '../../../src/core/grid/sheet-spec';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { unitCellLinks } from '../../../src/taskpane/excel/unit-links';
import { OfficeWorkbook } from '../../../src/workbook/office-workbook';
import { FakeExcel } from '../../workbook/support/fake-excel';
import { ALL_SETS, cliResult, filesWithAlteredDienBan, importAll, ONLY_1_1, WITHOUT_1_13, workspaceOver } from './support';

const CODES = defaultTemplate().indicators.map((i) => i.code);

async function consolidated(supports: (v: string) => boolean = ALL_SETS, chartCode: string | null = null) {
  const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
  const ws = workspaceOver(fake, supports);
  const files = filesWithAlteredDienBan();
  await importAll(ws, files);
  const outcome = await ws.consolidate({ chartCode });
  const { result: cli } = await cliResult(files);
  return { fake, ws, outcome, cli };
}

/** "Tổng hợp" as Excel shows it (formulas evaluated by the fake), with row/column lookups. */
async function totalsView(fake: FakeExcel) {
  const [sheet] = await new OfficeWorkbook(fake.context, { supports: ALL_SETS }).readSheets(['Tổng hợp']);
  const header = sheet.values.findIndex((r) => r[0] === 'TT');
  const rowOf = (code: string) => sheet.values.findIndex((r, i) => i > header && r[2] === code);
  const colOf = (unit: string) => sheet.values[header].indexOf(unit);
  return { sheet, rowOf, colOf };
}

describe('ExcelWorkspace consolidate', () => {
  test.each([['all sets', ALL_SETS], ['without 1.13', WITHOUT_1_13], ['1.1 only', ONLY_1_1]])(
    'unit cells are formulas into the unit sheets and "Tổng hợp" shows the CLI totals (%s)', async (_l, supports) => {
      const { fake, outcome, cli } = await consolidated(supports);
      expect(outcome).toEqual({ coverage: expect.stringContaining('Đã tổng hợp 18/18 đơn vị'), sheetsWritten: ['Tổng hợp', 'Kiểm tra', 'Tình trạng'], chart: false });
      const { sheet, rowOf, colOf } = await totalsView(fake);
      const queSon = fake.sheet('Quế Sơn');
      const r08 = rowOf('08');
      const queSonRow08 = queSon.values.findIndex((r) => r[2] === '08');
      expect(sheet.formulas![r08][colOf('Quế Sơn')]).toBe(`='Quế Sơn'!E${queSonRow08 + 1}`);
      for (const code of CODES) {
        expect([code, sheet.values[rowOf(code)][4]]).toEqual([code, cli.consolidation.totals[code]]);
        for (const unit of cli.consolidation.units) {
          expect([code, unit, sheet.values[rowOf(code)][colOf(unit)]]).toEqual([code, unit, cli.consolidation.byUnit[unit][code]]);
        }
      }
      expect(fake.sheet('Tổng hợp').state).toBe('Visible');
      expect(fake.activeSheet).toBe('Tổng hợp');
    });

  test('a figure corrected in a unit sheet flows into the total', async () => {
    const { fake, cli } = await consolidated();
    const queSon = fake.sheet('Quế Sơn');
    const at = queSon.values.findIndex((r) => r[2] === '08');
    queSon.values[at][4] = (queSon.values[at][4] as number) + 10;
    const { sheet, rowOf } = await totalsView(fake);
    expect(sheet.values[rowOf('08')][4]).toBe(cli.consolidation.totals['08'] + 10);
  });

  test('a number typed as text keeps the figure read, with a note, instead of a reference SUM would skip', async () => {
    const { fake } = await consolidated();
    const { sheet, rowOf, colOf } = await totalsView(fake);
    const cell = sheet.formulas![rowOf('08')][colOf('Điện Bàn')];
    expect(cell).toBe('');
    expect(sheet.values[rowOf('08')][colOf('Điện Bàn')]).toBe(3416);
    const notes = fake.comments.filter((c) => !c.deleted && c.address.startsWith("'Tổng hợp'!"));
    expect(notes.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Ô E18 trang "Điện Bàn" ghi chữ "3\.416", đã đọc là 3\.416\./),
      expect.stringMatching(/^Ô E34 trang "Điện Bàn" ghi chữ "92,1", đã đọc là 92,1\./),
    ]);
  });

  test('consolidating again rebuilds "Tổng hợp" without piling up notes', async () => {
    const { fake, ws } = await consolidated();
    await ws.consolidate({ chartCode: null });
    expect(fake.sheets.filter((s) => s.name === 'Tổng hợp')).toHaveLength(1);
    expect(fake.comments.filter((c) => !c.deleted && c.address.startsWith("'Tổng hợp'!"))).toHaveLength(2);
  });

  test('the links give the unit-sheet formulas with the CLI figures as cached results; without links the CLI sheet is unchanged', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake);
    const files = filesWithAlteredDienBan();
    await importAll(ws, files);
    const checked = await ws.check();
    const snapshots = new Map((await new OfficeWorkbook(fake.context, { supports: ALL_SETS }).readSheets())
      .map((s) => [s.name, s]));
    const { result: cli } = await cliResult(files);
    const linked: SheetSpec = consolidationSheets(checked.result.consolidation, checked.result.findings, unitCellLinks(checked.result, snapshots))[0];
    const plain = consolidationSheets(cli.consolidation, cli.findings)[0];
    const header = linked.cells.findIndex((r) => r[0] === 'TT');
    let refs = 0;
    linked.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (r <= header || c < 5 || c >= 5 + cli.consolidation.units.length) {
        expect(cell).toEqual(plain.cells[r][c]);
        return;
      }
      if (isFormulaCell(cell)) {
        refs += 1;
        expect(cell.formula).toMatch(/^'[^']+'!E\d+$/);
        expect(cell.result).toBe(plain.cells[r][c]);
      } else {
        expect(cell).toBe(plain.cells[r][c]);
      }
    }));
    expect(refs).toBe(18 * 40 - 2);
    expect(plain.notes).toBeUndefined();
    expect(linked.notes).toHaveLength(2);
  });

  test('a chart is added only when an indicator is chosen, on "Biểu đồ", from values that read "Tổng hợp"', async () => {
    const { fake, ws, outcome, cli } = await consolidated(ALL_SETS, '08');
    expect(outcome.chart).toBe(true);
    expect(outcome.sheetsWritten).toEqual(['Tổng hợp', 'Kiểm tra', 'Tình trạng', 'Biểu đồ']);
    const live = () => fake.charts.filter((c) => !c.deleted);
    expect(live()).toEqual([expect.objectContaining({ sheet: 'Biểu đồ', type: 'ColumnClustered', source: 'A2:B20', seriesBy: 'Columns' })]);
    expect(live()[0].title).toMatch(/^Tổng số hội viên.*theo đơn vị – 6 tháng đầu năm 2024$/);
    const [table] = await new OfficeWorkbook(fake.context, { supports: ALL_SETS }).readSheets(['Biểu đồ']);
    expect(table.formulas![2][1]).toMatch(/^='Tổng hợp'!F\d+$/);
    expect(table.values.slice(2).map((r) => [r[0], r[1]])).toEqual(cli.consolidation.units.map((u) => [u, cli.consolidation.byUnit[u]['08']]));

    const again = await ws.consolidate({ chartCode: null });
    expect(again.chart).toBe(false);
    expect(live()).toEqual([]);
    expect(fake.findSheet('Biểu đồ')).toBeUndefined();
  });

  test('no chart for a code that is not an indicator', async () => {
    const { fake, outcome } = await consolidated(ALL_SETS, '99');
    expect(outcome.chart).toBe(false);
    expect(fake.charts).toEqual([]);
  });

  test('file, report and chart choices come from the last consolidation', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake);
    await expect(ws.consolidationFile()).rejects.toThrow(/Tổng hợp/);
    await importAll(ws, filesWithAlteredDienBan());
    await ws.consolidate({ chartCode: null });
    const file = await ws.consolidationFile();
    expect(file.name).toBe('tong-hop.xlsx');
    expect(file.bytes.length).toBeGreaterThan(1000);
    const report = await ws.draftReport();
    expect(report.text).toContain('37.090');
    expect((await ws.chartChoices())[0]).toEqual({ code: '01', name: defaultTemplate().indicators[0].name });
  });
});

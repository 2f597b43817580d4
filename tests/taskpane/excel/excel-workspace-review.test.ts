/** Period races, the period read from the register, one setup read at start-up, hand-made output sheets, what a check reads. */
import { IMPORT_REGISTER_SHEET, registerFromGrid, registerToGrid } from '../../../src/core/form/import-register';
import { ExcelWorkspace } from '../../../src/taskpane/excel/excel-workspace';
import { guarded } from '../../../src/taskpane/excel/excel-errors';
import { WorkspaceError } from '../../../src/taskpane/workspace/workspace';
import type { ExcelContextLike } from '../../../src/workbook/office/excel-shapes';
import { FakeExcel, FakeSheet, officeError, type FakeSheetSeed } from '../../workbook/support/fake-excel';
import { ALL_SETS, NOW, ONLY_1_1, registeredUnitSheets, WITHOUT_1_13, workspaceOver } from './support';

const OLD = '6 tháng đầu năm 2024';
const NEW = 'Năm 2024';

/** A workspace whose run calls `onSync(n)` right after the fake's n-th sync settles (n counted from the workspace's start). */
function racingWorkspace(fake: FakeExcel, onSync: (n: number, ws: ExcelWorkspace) => void) {
  const start = fake.syncs;
  let ws!: ExcelWorkspace;
  const run = <T>(fn: (context: ExcelContextLike) => Promise<T>): Promise<T> => {
    const context = fake.context;
    const wrapped = {
      ...context,
      sync: async () => {
        await context.sync();
        onSync(fake.syncs - start, ws);
      },
    } as ExcelContextLike;
    return fn(wrapped);
  };
  ws = new ExcelWorkspace(run, ALL_SETS, () => NOW);
  return ws;
}

function registerPeriod(fake: FakeExcel): string | null {
  return registerFromGrid(fake.sheet(IMPORT_REGISTER_SHEET).values).period;
}

/** registeredUnitSheets with the register saying which output sheets the add-in wrote (none yet). */
function withKnownOutputs(seeds: FakeSheetSeed[], outputs: string[] = []): FakeSheetSeed[] {
  return seeds.map((s) => (s.name === IMPORT_REGISTER_SHEET
    ? { ...s, values: registerToGrid({ ...registerFromGrid(s.values), outputs }) }
    : s));
}

describe('a period typed while a step awaits Excel', () => {
  test('typed during a check: the check is not kept for the new period, and the typed period is not overwritten', async () => {
    const fake = new FakeExcel(registeredUnitSheets(3));
    // Sync 3 settles after the check resolved its setup (with the register's period).
    const ws = racingWorkspace(fake, (n, w) => { if (n === 3) w.setPeriod(NEW); });
    const outcome = await ws.check();
    expect(outcome.result.consolidation.period).toBe(OLD);
    expect(registerPeriod(fake)).toBe(NEW); // the check's write went out after the typing
    await expect(ws.consolidationFile()).rejects.toThrow(WorkspaceError);
    expect((await ws.loadSetup()).period).toBe(NEW);

    // consolidate does not use the stale check: it checks again, for the typed period.
    const before = fake.syncs;
    await ws.consolidate({ chartCode: null });
    expect(fake.syncs - before).toBe(4 + 2);
    const file = await ws.consolidationFile();
    expect(file.bytes.length).toBeGreaterThan(0);
  });

  test('typed after the check wrote the register: it stays unsaved and the next check writes it', async () => {
    const fake = new FakeExcel(registeredUnitSheets(3));
    let typeAt = 0;
    const ws = racingWorkspace(fake, (n, w) => { if (n === typeAt) w.setPeriod(NEW); });
    await ws.check(); // nothing typed
    ws.setPeriod('Quý 3/2024');
    typeAt = fake.syncs + 4; // the next check's write sync
    await ws.check();
    // The write carried 'Quý 3/2024'; NEW was typed after it and is still to be saved.
    expect(registerPeriod(fake)).toBe('Quý 3/2024');
    await ws.check();
    expect(registerPeriod(fake)).toBe(NEW);
  });

  test('typed during consolidate: the sheets are written, the result is not kept for the new period', async () => {
    const fake = new FakeExcel(registeredUnitSheets(3));
    let typeAt = -1;
    const ws = racingWorkspace(fake, (n, w) => { if (n === typeAt) w.setPeriod(NEW); });
    await ws.check();
    typeAt = fake.syncs + 1;
    const outcome = await ws.consolidate({ chartCode: null });
    expect(outcome.sheetsWritten).toContain('Tổng hợp');
    await expect(ws.draftReport()).rejects.toThrow(WorkspaceError);
  });

  test('typed during an import: the register keeps the period the import wrote, the typed one stays to be saved', async () => {
    const fake = new FakeExcel(registeredUnitSheets(2));
    let typeAt = -1;
    const ws = racingWorkspace(fake, (n, w) => { if (n === typeAt) w.setPeriod(NEW); });
    await ws.loadSetup();
    ws.setPeriod('Quý 3/2024');
    typeAt = fake.syncs + 1;
    await ws.importReturns([], [], new Set());
    expect(registerPeriod(fake)).toBe('Quý 3/2024');
    await ws.check();
    expect(registerPeriod(fake)).toBe(NEW);
  });
});

describe('the period read from the workbook', () => {
  test('stays unknown (null) until typed, so returns imported later in the session name it', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', values: [['x']] }]);
    const ws = workspaceOver(fake);
    expect((await ws.loadSetup()).period).toBe('');
    // Returns arrive (as an import would leave them): the register names no period, the returns do.
    const seeds = registeredUnitSheets(3).map((s) => (s.name === IMPORT_REGISTER_SHEET
      ? { ...s, values: registerToGrid({ ...registerFromGrid(s.values), period: null }) }
      : s));
    for (const seed of seeds) fake.sheets.push(new FakeSheet(fake, seed));
    expect((await ws.loadSetup()).period).toBe(OLD);
    const outcome = await ws.check();
    expect(outcome.result.consolidation.period).toBe(OLD);
  });

  test('an emptied period field falls back to the workbook\'s period', async () => {
    const ws = workspaceOver(new FakeExcel(registeredUnitSheets(2)));
    await ws.loadSetup();
    ws.setPeriod(NEW);
    expect((await ws.loadSetup()).period).toBe(NEW);
    ws.setPeriod('  ');
    expect((await ws.loadSetup()).period).toBe(OLD);
  });
});

describe('loadSetup', () => {
  test('the setup step and the chart choices at start-up share one read; an explicit loadSetup reads again', async () => {
    const fake = new FakeExcel(registeredUnitSheets(2));
    const ws = workspaceOver(fake);
    const [info, choices] = await Promise.all([ws.loadSetup(), ws.chartChoices()]);
    expect(info.indicatorCount).toBe(choices.length);
    expect(fake.syncs).toBe(2);
    await ws.loadSetup();
    expect(fake.syncs).toBe(4);
    await Promise.all([ws.loadSetup(), ws.loadSetup()]);
    expect(fake.syncs).toBe(6);
  });

  test('a failed read is not kept: the next call reads again', async () => {
    const fake = new FakeExcel(registeredUnitSheets(2));
    const ws = workspaceOver(fake);
    fake.failNextSync = officeError('GeneralException', 'boom');
    await expect(ws.loadSetup()).rejects.toThrow(WorkspaceError);
    expect((await ws.loadSetup()).period).toBe(OLD);
  });
});

describe('errors', () => {
  test('only Office errors become "Excel báo lỗi…"; others pass through unchanged', async () => {
    const bug = new TypeError('Cannot read properties of undefined');
    await expect(guarded(() => Promise.reject(bug))).rejects.toBe(bug);
    const mine = new WorkspaceError('đã nói rõ');
    await expect(guarded(() => Promise.reject(mine))).rejects.toBe(mine);
    const office = guarded(() => Promise.reject(officeError('GeneralException', 'x')));
    await expect(office).rejects.toThrow(WorkspaceError);
    await expect(guarded(() => Promise.reject(officeError('GeneralException', 'x')))).rejects.toThrow(/Excel báo lỗi/);
    await expect(guarded(() => Promise.reject(officeError('AccessDenied', 'x')))).rejects.toThrow(/bảo vệ/);
  });

  test('through the workspace: a fault in the code is not blamed on Excel', async () => {
    const ws = new ExcelWorkspace(() => Promise.reject(new RangeError('lỗi trong mã')), ALL_SETS, () => NOW);
    await expect(ws.check()).rejects.toThrow(RangeError);
  });
});

describe('output sheets the add-in did not write', () => {
  const SETS = [['all sets', ALL_SETS], ['1.1 only', ONLY_1_1]] as const;

  test.each(SETS)('a hand-made "Tổng hợp" is left alone; the output goes to "Tổng hợp (2)" (%s)', async (_l, supports) => {
    const mine = [['Bảng của tôi'], [1, 2, 3]];
    const fake = new FakeExcel([...withKnownOutputs(registeredUnitSheets(3)), { name: 'Tổng hợp', values: mine }]);
    const ws = workspaceOver(fake, supports);
    const outcome = await ws.consolidate({ chartCode: '08' });
    expect(outcome.sheetsWritten).toEqual(['Tổng hợp (2)', 'Kiểm tra', 'Tình trạng', 'Biểu đồ']);
    expect(fake.sheet('Tổng hợp').values).toEqual(mine);
    expect(fake.writes.some((w) => w.sheet === 'Tổng hợp')).toBe(false);
    expect(fake.sheet('Biểu đồ').formulas.flat().some((f) => f.startsWith("='Tổng hợp (2)'!"))).toBe(true);
    expect(registerFromGrid(fake.sheet(IMPORT_REGISTER_SHEET).values).outputs).toEqual(outcome.sheetsWritten);

    // Again, in a new session: the same sheets are rewritten (no "Tổng hợp (3)"), the clerk's still untouched.
    const again = await workspaceOver(fake, supports).consolidate({ chartCode: null });
    expect(again.sheetsWritten).toEqual(['Tổng hợp (2)', 'Kiểm tra', 'Tình trạng']);
    expect(fake.findSheet('Tổng hợp (3)')).toBeUndefined();
    expect(fake.findSheet('Biểu đồ')).toBeUndefined(); // ours: rebuilt, here without a chart
    expect(fake.sheet('Tổng hợp').values).toEqual(mine);
  });

  test('each output name is judged on its own: a hand-made "Biểu đồ" stays, the chart goes to "Biểu đồ (2)"', async () => {
    const fake = new FakeExcel([...withKnownOutputs(registeredUnitSheets(3)), { name: 'biểu đồ', values: [['vẽ tay']] }]);
    const outcome = await workspaceOver(fake).consolidate({ chartCode: '08' });
    expect(outcome.sheetsWritten).toEqual(['Tổng hợp', 'Kiểm tra', 'Tình trạng', 'Biểu đồ (2)']);
    expect(fake.sheet('biểu đồ').values).toEqual([['vẽ tay']]);
    expect(fake.charts.filter((c) => !c.deleted).map((c) => c.sheet)).toEqual(['Biểu đồ (2)']);
  });

  test('a register written before outputs were recorded: sheets of the usual names are taken as the add-in\'s', async () => {
    const fake = new FakeExcel([...registeredUnitSheets(3), { name: 'Tổng hợp', values: [['cũ']] }]);
    const outcome = await workspaceOver(fake).consolidate({ chartCode: null });
    expect(outcome.sheetsWritten[0]).toBe('Tổng hợp');
    expect(fake.sheet('Tổng hợp').values[0][0]).not.toBe('cũ');
  });

  test('check + consolidate with a hand-made "Tổng hợp": still 6 syncs, as many for 5 as for 50 sheets', async () => {
    const counts: number[] = [];
    for (const n of [5, 50]) {
      const fake = new FakeExcel([...withKnownOutputs(registeredUnitSheets(n)), { name: 'Tổng hợp', values: [['x']] }]);
      const ws = workspaceOver(fake);
      await ws.check();
      await ws.consolidate({ chartCode: '08' });
      counts.push(fake.syncs);
    }
    expect(counts).toEqual([6, 6]);
  });
});

describe('what a check reads', () => {
  const big: FakeSheetSeed = {
    name: 'Dữ liệu lớn',
    values: Array.from({ length: 300 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * 40 + c)),
  };
  const valueLoads = (fake: FakeExcel, sheet: string) => fake.rangeLoads.filter((l) => l.sheet === sheet && /values/.test(l.props));

  test.each([['all sets', ALL_SETS], ['without 1.13', WITHOUT_1_13], ['1.2 only', (v: string) => v === '1.2']] as const)(
    'an unrelated sheet is not read; registered and unit-named sheets are (%s)', async (_l, supports) => {
      const seeds = registeredUnitSheets(3);
      const fake = new FakeExcel([big, ...seeds]);
      const outcome = await workspaceOver(fake, supports).check();
      expect(outcome.result.validation.returns).toHaveLength(3);
      expect(valueLoads(fake, big.name)).toEqual([]);
      for (const s of seeds.filter((x) => x.name !== IMPORT_REGISTER_SHEET)) expect(valueLoads(fake, s.name)).toHaveLength(1);
      expect(fake.syncs).toBe(4);
    });

  test('a visible sheet named after a listed unit is read though not registered', async () => {
    const [unit, ...rest] = registeredUnitSheets(3);
    const register = rest.find((s) => s.name === IMPORT_REGISTER_SHEET)!;
    const records = registerFromGrid(register.values).records.filter((r) => r.sheet !== unit.name);
    const seeds = [big, unit, ...rest.filter((s) => s !== register),
      { ...register, values: registerToGrid({ period: OLD, records }) }];
    const fake = new FakeExcel(seeds);
    const outcome = await workspaceOver(fake).check();
    expect(outcome.roster.find((r) => r.unit === unit.name)).toMatchObject({ state: 'received', source: unit.name });
    expect(valueLoads(fake, unit.name)).toHaveLength(1);
    expect(valueLoads(fake, big.name)).toEqual([]);
  });

  test('on ExcelApi 1.1 (no sync to spare) every sheet is still read, in 3 syncs', async () => {
    const fake = new FakeExcel([big, ...registeredUnitSheets(3)]);
    await workspaceOver(fake, ONLY_1_1).check();
    expect(fake.syncs).toBe(3);
    expect(valueLoads(fake, big.name)).toHaveLength(1);
  });
});

/** The number of syncs (round trips to Excel) must not grow with the number of unit sheets or files. */
import { FakeExcel, type FakeSheetSeed } from '../../workbook/support/fake-excel';
import { ALL_SETS, importAll, ONLY_1_1, registeredUnitSheets, sampleFiles, WITHOUT_1_13, workspaceOver } from './support';
import type { PickedFile } from '../../../src/taskpane/workspace/workspace';

const SETS = [['all sets', ALL_SETS], ['without 1.13', WITHOUT_1_13], ['1.1 only', ONLY_1_1]] as const;

async function checkAndConsolidateSyncs(n: number, supports: (v: string) => boolean) {
  const fake = new FakeExcel(registeredUnitSheets(n));
  const ws = workspaceOver(fake, supports);
  const outcome = await ws.check();
  const check = fake.syncs;
  await ws.consolidate({ chartCode: '08' });
  expect(outcome.result.validation.returns).toHaveLength(n);
  return { check, consolidate: fake.syncs - check, total: fake.syncs };
}

/** `n` files cycling over the samples, for a unit list none of them is on (so each gets its own sheet). */
function manyFiles(n: number): { seeds: FakeSheetSeed[]; files: PickedFile[] } {
  const samples = sampleFiles();
  const files = Array.from({ length: n }, (_, i) => ({ ...samples[i % samples.length], name: `bieu-${String(i + 1).padStart(3, '0')}.xlsx` }));
  const units = [['STT', 'Đơn vị'], [1, 'Xã A']];
  return { seeds: [{ name: 'Sheet1', values: [] }, { name: 'Đơn vị', values: units }], files };
}

describe('sync budget', () => {
  test.each(SETS)('check + consolidate of 5 and 100 unit sheets: same syncs, at most 6 (%s)', async (_label, supports) => {
    const five = await checkAndConsolidateSyncs(5, supports);
    const hundred = await checkAndConsolidateSyncs(100, supports);
    expect(hundred).toEqual(five);
    expect(five.total).toBeLessThanOrEqual(6);
    expect(five.consolidate).toBe(2);
  });

  test.each(SETS)('import of 5 and of 100 files: same syncs (%s)', async (_label, supports) => {
    const counts = [];
    for (const n of [5, 100]) {
      const { seeds, files } = manyFiles(n);
      const fake = new FakeExcel(seeds);
      const ws = workspaceOver(fake, supports);
      await ws.loadSetup();
      const before = fake.syncs;
      const { outcome } = await importAll(ws, files);
      expect(outcome.imported).toHaveLength(n);
      expect(fake.sheets.filter((s) => s.name.startsWith('bieu-'))).toHaveLength(n);
      counts.push(fake.syncs - before);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(2 + 3); // planImport 2, importReturns 3
  });

  test('selectCell is one sync; loadSetup two', async () => {
    const fake = new FakeExcel(registeredUnitSheets(3));
    const ws = workspaceOver(fake);
    await ws.loadSetup();
    expect(fake.syncs).toBe(2);
    await ws.selectCell(fake.sheets[0].name, 'E10');
    expect(fake.syncs).toBe(3);
  });
});

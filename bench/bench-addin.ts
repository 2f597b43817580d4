/**
 * Benchmark (not a test): the Office.js side against the counting fake Excel context.
 * For 18 / 100 / 500 unit sheets, with every requirement set and with ExcelApi 1.1 only:
 * - OfficeWorkbook: syncs and time of readSheets (all units) + writeSheets of the 4 consolidation sheets;
 * - ExcelWorkspace: syncs and time of check (read, validate, highlight) + consolidate (with a chart).
 * The fake executes instantly, so the times are the adapter's own work, not Excel's.
 * Run: npm run bench:addin
 */
import { performance } from 'node:perf_hooks';
import { OfficeWorkbook } from '../src/workbook/office-workbook';
import { FakeExcel } from '../tests/workbook/support/fake-excel';
import { consolidationSpecs, unitSheetSeeds } from '../tests/workbook/support/scenario';
import { registeredUnitSheets, workspaceOver } from '../tests/taskpane/excel/support';

async function measure(n: number, label: string, supports: (v: string) => boolean) {
  const seeds = unitSheetSeeds(n);
  const specs = consolidationSpecs();
  const fake = new FakeExcel(seeds);
  const book = new OfficeWorkbook(fake.context, { supports });
  const t0 = performance.now();
  await book.readSheets(seeds.map((s) => s.name));
  const readSyncs = fake.syncs;
  const t1 = performance.now();
  await book.writeSheets(specs);
  const t2 = performance.now();
  const cellWrites = fake.writes.filter((w) => w.kind !== 'numberFormat').length;
  return `| ${n} | ${label} | ${readSyncs} | ${fake.syncs - readSyncs} | ${fake.syncs} | ${cellWrites} | ${(t1 - t0).toFixed(1)} | ${(t2 - t1).toFixed(1)} |`;
}

async function measureWorkspace(n: number, label: string, supports: (v: string) => boolean) {
  const fake = new FakeExcel(registeredUnitSheets(n));
  const ws = workspaceOver(fake, supports);
  const t0 = performance.now();
  await ws.check();
  const checkSyncs = fake.syncs;
  const t1 = performance.now();
  await ws.consolidate({ chartCode: '08' });
  const t2 = performance.now();
  return `| ${n} | ${label} | ${checkSyncs} | ${fake.syncs - checkSyncs} | ${fake.syncs} | ${(t1 - t0).toFixed(1)} | ${(t2 - t1).toFixed(1)} |`;
}

async function main(): Promise<void> {
  const pane = [
    '| unit sheets | API sets | check syncs | consolidate syncs | total syncs | check ms | consolidate ms |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const n of [18, 100, 500]) {
    pane.push(await measureWorkspace(n, 'all', () => true));
    pane.push(await measureWorkspace(n, '1.1 only', () => false));
  }
  console.log(`ExcelWorkspace: check + consolidate\n${pane.join('\n')}\n\nOfficeWorkbook: read + write`);
  const lines = [
    '| sheets | API sets | read syncs | write syncs | total syncs | values/formulas writes | read ms | write ms |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of [18, 100, 500]) {
    lines.push(await measure(n, 'all', () => true));
    lines.push(await measure(n, '1.1 only', () => false));
  }
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

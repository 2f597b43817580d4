/**
 * The import against the documented limits of insertWorksheetsFromBase64: files Excel on the web
 * refuses go by values, large batches are cut into 4 MB requests, and a refused insert is retried
 * by values instead of failing the import.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { IMPORT_REGISTER_SHEET, registerFromGrid } from '../../../src/core/form/import-register';
import { ExcelWorkspace } from '../../../src/taskpane/excel/excel-workspace';
import { insertChunks, MAX_INSERT_BASE64 } from '../../../src/taskpane/excel/insert-payload';
import type { PickedFile } from '../../../src/taskpane/workspace/workspace';
import { FakeExcel, officeError } from '../../workbook/support/fake-excel';
import { ALL_SETS, NOW, sampleFiles, workspaceOver } from './support';

const FORM = 'Biểu chỉ tiêu';

function withBytes(file: PickedFile, change: (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array): PickedFile {
  return { name: file.name, read: async () => change(await file.read()) };
}

async function withNote(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  wb.getWorksheet(FORM)!.getCell('E10').note = 'Số liệu ước tính';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same return, made `extra` bytes larger by a stored part nobody reads. */
function padded(bytes: Uint8Array, extra: number): Uint8Array {
  return zipSync({ ...unzipSync(bytes), 'customXml/pad.bin': [new Uint8Array(randomBytes(extra)), { level: 0 }] });
}

async function syncsOf(fake: FakeExcel, run: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await run();
  return fake.syncs - before;
}

const unitSheets = (fake: FakeExcel) => fake.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1' && n !== IMPORT_REGISTER_SHEET);

describe('insertChunks', () => {
  test('cuts in order at the limit; a larger item goes alone', () => {
    const size = (n: number) => n;
    expect(insertChunks([3, 3, 3], size, 6)).toEqual([[3, 3], [3]]);
    expect(insertChunks([2, 9, 1, 1], size, 6)).toEqual([[2], [9], [1, 1]]);
    expect(insertChunks([], size, 6)).toEqual([]);
  });
});

describe('ExcelWorkspace import within the limits of insertWorksheetsFromBase64', () => {
  test('a return whose form sheet has a note goes by values, the others are inserted, in the same 3 syncs', async () => {
    const [a, b, c] = sampleFiles();
    const files = [a, withBytes(b, withNote), c];
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake, ALL_SETS);
    const plan = await ws.planImport(files);
    const syncs = await syncsOf(fake, async () => {
      const outcome = await ws.importReturns(plan, files, new Set());
      expect(outcome.failed).toEqual([]);
      expect(outcome.imported.map((i) => i.sheet)).toEqual(['Bắc Trà My', 'Đại Lộc', 'Điện Bàn']);
    });
    expect(syncs).toBe(3);
    expect(fake.inserts).toHaveLength(2);
    expect(fake.writes.filter((w) => w.sheet === 'Đại Lộc' && w.kind === 'values')).toHaveLength(1);
    expect(fake.writes.filter((w) => w.sheet === 'Bắc Trà My')).toEqual([]);
    expect(unitSheets(fake).sort()).toEqual(['Bắc Trà My', 'Điện Bàn', 'Đại Lộc'].sort());
    const check = await ws.check();
    // Sheets written by values are added in sync 2 before the inserted ones: only the tab order differs.
    expect(check.result.validation.returns.map((r) => r.unit).sort()).toEqual(['Bắc Trà My', 'Đại Lộc', 'Điện Bàn'].sort());
    const plain = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const plainWs = workspaceOver(plain, ALL_SETS);
    await plainWs.importReturns(await plainWs.planImport([a, b, c]), [a, b, c], new Set());
    const sorted = (fs: unknown[]) => fs.map((f) => JSON.stringify(f)).sort();
    expect(sorted(check.result.findings)).toEqual(sorted((await plainWs.check()).result.findings));
  });

  test('inserts over 4 MB of base64 are cut into requests of at most 4 MB, one more sync each, and every file lands', async () => {
    const files = sampleFiles().slice(0, 5).map((f) => withBytes(f, (bytes) => padded(bytes, 1_200_000)));
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    const ws = workspaceOver(fake, ALL_SETS);
    const plan = await ws.planImport(files);
    const syncs = await syncsOf(fake, () => ws.importReturns(plan, files, new Set()));

    const perSync = new Map<number, number>();
    for (const i of fake.inserts) perSync.set(i.sync, (perSync.get(i.sync) ?? 0) + i.length);
    expect(fake.inserts).toHaveLength(5);
    expect(fake.inserts[0].length).toBeGreaterThan(1_600_000);
    expect(perSync.size).toBe(3); // 2 + 2 + 1 files of ~1.6 MB of base64
    for (const total of perSync.values()) expect(total).toBeLessThanOrEqual(MAX_INSERT_BASE64);
    expect(syncs).toBe(3 + 2);

    const sheets = plan.map((p) => p.sheet);
    expect(unitSheets(fake)).toEqual(sheets);
    for (const s of sheets) expect(fake.sheet(s).protectedNow).toBe(false);
    expect(registerFromGrid(fake.sheet(IMPORT_REGISTER_SHEET).values).records.map((r) => r.sheet)).toEqual(sheets);
  });

  test.each([
    ['at the sync', false, 3 + 1],
    ['at the call', true, 3], // the batch never reaches its sync
  ])('when Excel refuses an insert (%s), that sync\'s files are written by values: all imported, no stray sheet', async (_when, atCall, expectedSyncs) => {
    const files = sampleFiles().slice(0, 4);
    // files[1] (Đại Lộc) replaces a sheet, so it goes by values anyway; the refused one is a new sheet.
    const refused = Buffer.from(await files[2].read()).toString('base64');
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }, { name: 'Đại Lộc', values: [['cũ']] }]);
    fake.refuseInsert = (base64) => {
      if (base64 !== refused) return null;
      const e = officeError('InvalidArgument', 'The argument is invalid or missing.');
      if (atCall) throw e;
      return e;
    };
    const ws = workspaceOver(fake, ALL_SETS);
    const plan = await ws.planImport(files);
    let outcome;
    const syncs = await syncsOf(fake, async () => { outcome = await ws.importReturns(plan, files, new Set(['dai-loc.xlsx'])); });

    expect(outcome).toEqual({ imported: plan.map((p) => ({ file: p.file, unit: p.unit, sheet: p.sheet })), kept: [], failed: [] });
    expect(syncs).toBe(expectedSyncs);
    expect(fake.sheets.map((s) => s.name).sort()).toEqual(['Sheet1', ...plan.map((p) => p.sheet), IMPORT_REGISTER_SHEET].sort());
    for (const p of plan) {
      // The replacement's values written in the refused sync are written again by the retry: harmless, same values.
      expect(fake.writes.filter((w) => w.sheet === p.sheet && w.kind === 'values').length).toBeGreaterThanOrEqual(1);
      expect(fake.sheet(p.sheet).values[0][0]).not.toBe('cũ');
    }
    expect(registerFromGrid(fake.sheet(IMPORT_REGISTER_SHEET).values).records).toHaveLength(4);
    const check = await ws.check();
    // A replaced sheet the refused batch did not delete is rewritten where it is: only the tab order may differ.
    expect(check.result.validation.returns.map((r) => r.unit).sort()).toEqual(plan.map((p) => p.unit).sort());
  });

  test('a later chunk refused: the earlier chunks stay inserted, the rest goes by values', async () => {
    const [a, b, c, noted] = sampleFiles();
    const files = [...[a, b, c].map((f) => withBytes(f, (bytes) => padded(bytes, 2_000_000))), withBytes(noted, withNote)];
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    let calls = 0;
    fake.refuseInsert = () => (++calls === 2 ? officeError('RequestPayloadSizeLimitExceeded', 'too large') : null);
    const ws = workspaceOver(fake, ALL_SETS);
    const plan = await ws.planImport(files);
    const outcome = await ws.importReturns(plan, files, new Set());
    expect(outcome.failed).toEqual([]);
    expect(outcome.imported).toHaveLength(4);
    expect(unitSheets(fake).sort()).toEqual(plan.map((p) => p.sheet).sort());
    // The noted file by values in sync 2 (kept), the first padded file inserted, the two others by values after the refusal.
    const byValues = fake.writes.filter((w) => w.kind === 'values' && w.sheet !== IMPORT_REGISTER_SHEET).map((w) => w.sheet);
    expect(byValues).toEqual([plan[3], plan[1], plan[2]].map((p) => p.sheet));
    for (const p of plan) expect(fake.sheet(p.sheet).protectedNow).toBe(false);
  });

  test('when the values retry fails too, the import fails with the Office error, as before', async () => {
    const files = sampleFiles().slice(0, 2);
    const fake = new FakeExcel([{ name: 'Sheet1', values: [] }]);
    fake.refuseInsert = () => officeError('InvalidArgument', 'The argument is invalid or missing.');
    const context = fake.context;
    const ws = new ExcelWorkspace((fn) => fn({
      ...context,
      sync: async () => {
        await context.sync();
        if (fake.inserts.length) throw officeError('AccessDenied', 'The sheet is protected.');
      },
    }), ALL_SETS, () => NOW);
    const plan = await ws.planImport(files);
    await expect(ws.importReturns(plan, files, new Set())).rejects.toThrow(/bảo vệ/);
  });
});

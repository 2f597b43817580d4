/** The task pane's browser-mode job, run under Node on the bundled sample returns. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONSOLIDATION_SHEET_NAME, FINDINGS_SHEET_NAME } from '../../src/core/consolidate/sheet-names';
import { findingRow, runBrowserJob, type PickedFile } from '../../src/taskpane/browser-job';
import { detectOfficeHost } from '../../src/taskpane/office-ready';
import { returnFromBytes } from '../../src/workbook/open-return';
import { consolidationFileBytes } from '../../src/workbook/consolidation-file';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs-workbook';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'quang-nam-2024-6t');

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, read: async () => bytes };
}

function sampleFiles(): PickedFile[] {
  return readdirSync(SAMPLE)
    .filter((n) => n.endsWith('.xlsx'))
    .sort()
    .map((n) => picked(n, new Uint8Array(readFileSync(path.join(SAMPLE, n)))));
}

describe('returnFromBytes', () => {
  it('opens a return without its metadata sheet', async () => {
    const input = await returnFromBytes('tam-ky.xlsx', new Uint8Array(readFileSync(path.join(SAMPLE, 'tam-ky.xlsx'))));
    if (!('workbook' in input)) throw new Error(`not opened: ${JSON.stringify(input)}`);
    expect(input.workbook.meta?.unit).toBeTruthy();
    expect(input.workbook.sheets.length).toBeGreaterThan(0);
  });

  it('names what is wrong with a file that is not a workbook', async () => {
    expect(await returnFromBytes('a.xlsx', new Uint8Array())).toEqual({ file: 'a.xlsx', failure: 'empty' });
    expect(await returnFromBytes('a.txt', new TextEncoder().encode('hello'))).toEqual({ file: 'a.txt', failure: 'not-workbook' });
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await returnFromBytes('old.xls', cfb)).toEqual({ file: 'old.xls', failure: 'xls' });
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await returnFromBytes('broken.xlsx', brokenZip)).toMatchObject({ file: 'broken.xlsx', failure: 'unreadable' });
  });
});

describe('runBrowserJob', () => {
  it('consolidates the sample returns and builds the provincial workbook', async () => {
    const progress: number[] = [];
    const job = await runBrowserJob(sampleFiles(), (done) => progress.push(done));
    expect(progress).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(job.coverage).toMatch(/^Đã tổng hợp 18\/\d+ đơn vị\./);
    expect(job.rows.filter((r) => r.severity === 'error')).toEqual([]);

    const wb = await ExcelJsWorkbook.fromBytes(await consolidationFileBytes(job.result));
    const names = (await wb.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([CONSOLIDATION_SHEET_NAME, FINDINGS_SHEET_NAME]));
  });

  it('reports an unreadable file as a finding row and still totals the rest', async () => {
    const files = [...sampleFiles().slice(0, 2), picked('ghi-chu.txt', new TextEncoder().encode('không phải biểu'))];
    const job = await runBrowserJob(files);
    const row = job.rows.find((r) => r.unit === 'ghi-chu.txt');
    expect(row).toMatchObject({ severity: 'error', severityText: 'Lỗi', cell: '', code: '' });
    expect(row?.message).toContain('không phải sổ làm việc Excel');
    expect(job.coverage).toMatch(/^Đã tổng hợp 2\//);
  });

  it('turns a file that cannot be read into a finding instead of failing', async () => {
    const failing: PickedFile = { name: 'mat.xlsx', read: () => Promise.reject(new Error('NotReadableError')) };
    const job = await runBrowserJob([failing]);
    expect(job.rows.some((r) => r.unit === 'mat.xlsx' && r.severity === 'error')).toBe(true);
  });
});

describe('findingRow', () => {
  it('shows unit, sheet-qualified cell and code, and falls back to the file or the province', () => {
    const base = { severity: 'warning' as const, rule: 'x', message: 'm' };
    expect(findingRow({ ...base, unit: 'Tam Kỳ', file: 'tam-ky.xlsx', sheet: 'Biểu 01', cell: 'E12', code: '05' })).toEqual({
      severity: 'warning', severityText: 'Cảnh báo', unit: 'Tam Kỳ', cell: 'Biểu 01!E12', code: '05', message: 'm',
    });
    expect(findingRow({ ...base, unit: null, file: 'x.xlsx', sheet: null, cell: null, code: null }).unit).toBe('x.xlsx');
    expect(findingRow({ ...base, unit: null, file: null, sheet: null, cell: 'E5', code: '01' })).toMatchObject({
      unit: 'Tổng hợp toàn tỉnh', cell: 'E5',
    });
  });
});

describe('detectOfficeHost', () => {
  it('is null without office.js', async () => {
    await expect(detectOfficeHost({}, 50)).resolves.toBeNull();
  });

  it('is the host when Office.onReady resolves, null when it resolves outside Office', async () => {
    await expect(detectOfficeHost({ Office: { onReady: async () => ({ host: 'Excel', platform: 'PC' }) } }, 50)).resolves.toBe('Excel');
    await expect(detectOfficeHost({ Office: { onReady: async () => ({ host: null, platform: null }) } }, 50)).resolves.toBeNull();
  });

  it('gives up after the timeout when onReady never settles', async () => {
    const started = Date.now();
    await expect(detectOfficeHost({ Office: { onReady: () => new Promise(() => undefined) } }, 50)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

/**
 * What the pane uses before any workspace step: telling whether it runs inside Office, and opening a
 * picked file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectOfficeHost } from '../../src/taskpane/office-ready';
import { returnFromBytes } from '../../src/workbook/open-return';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'quang-nam-2024-6t');

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

/** The committed sample is exactly what scripts/make-sample.ts writes (reproducible, never hand-edited). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs-workbook';
import { makeSample } from '../../scripts/make-sample';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

async function contents(file: string) {
  const wb = await ExcelJsWorkbook.fromBytes(new Uint8Array(await fs.readFile(file)));
  return { sheets: await wb.listSheets(), grids: (await wb.readSheets()).map((s) => [s.name, s.values, s.formulas]) };
}

async function xlsxUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of (await fs.readdir(dir)).sort()) {
    const full = path.join(dir, sub);
    if ((await fs.stat(full)).isDirectory()) out.push(...(await xlsxUnder(full)).map((f) => path.join(sub, f)));
    else if (sub.endsWith('.xlsx')) out.push(sub);
  }
  return out;
}

describe('bundled sample', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = await fs.mkdtemp(path.join(os.tmpdir(), 'tonghop-sample-'));
    await makeSample(fresh);
  });
  afterAll(() => fs.rm(fresh, { recursive: true, force: true }));

  it('has the same files as a fresh run of the script', async () => {
    const committed = await xlsxUnder(SAMPLES);
    expect(committed).toHaveLength(19);
    expect(await xlsxUnder(fresh)).toEqual(committed);
  });

  it('has the same sheets, values and formulas in every file', async () => {
    for (const file of await xlsxUnder(SAMPLES)) {
      expect({ file, ...(await contents(path.join(SAMPLES, file))) }).toEqual({ file, ...(await contents(path.join(fresh, file))) });
    }
  });
});

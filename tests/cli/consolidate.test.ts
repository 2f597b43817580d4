/** `tonghop consolidate`: units with errors left out (and named) by default, `--include-errors`, no overwriting. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CURRENT_TOTALS } from '../../scripts/sample/figures';
import {
  parseWholeJson, readWorkbook, removeTempDirs, runCli, sampleFile, sampleFiles, sha256, tempDir, totalsSheet,
  type JsonReport, type TotalsSheet,
} from './cli-support';

const BROKEN_UNIT = 'Quế Sơn';
const BROKEN_FILE = 'que-son.xlsx';

/** The Quế Sơn return with a negative number typed in code 01: an error. */
async function brokenReturn(dir: string): Promise<{ file: string; values: Record<string, number> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sampleFile(BROKEN_FILE));
  const ws = wb.getWorksheet('Biểu chỉ tiêu')!;
  const values: Record<string, number> = {};
  ws.eachRow((row) => {
    const code = row.getCell(3).value;
    if (typeof code === 'string' && /^\d\d$/.test(code)) {
      values[code] = Number(row.getCell(5).value ?? 0);
      if (code === '01') row.getCell(5).value = -5;
    }
  });
  const file = path.join(dir, BROKEN_FILE);
  await wb.xlsx.writeFile(file);
  return { file, values };
}

function rosterStates(wb: ExcelJS.Workbook): Record<string, string> {
  const ws = wb.getWorksheet('Tình trạng')!;
  const header = ws.getRow(3);
  let unitCol = 0;
  let stateCol = 0;
  header.eachCell((cell, col) => {
    if (cell.value === 'Đơn vị') unitCol = col;
    if (cell.value === 'Đưa vào tổng hợp') stateCol = col;
  });
  const states: Record<string, string> = {};
  ws.eachRow((row, n) => {
    if (n > 3) states[String(row.getCell(unitCol).value)] = String(row.getCell(stateCol).value);
  });
  return states;
}

afterAll(removeTempDirs);

describe('consolidate with one return in error', () => {
  let dir: string;
  let inputs: string[];
  let broken: { file: string; values: Record<string, number> };

  beforeAll(async () => {
    dir = await tempDir('consolidate');
    broken = await brokenReturn(dir);
    inputs = [...sampleFiles().filter((f) => path.basename(f) !== BROKEN_FILE), broken.file];
  });

  describe('by default', () => {
    let out: string;
    let stdout: string;
    let code: number;
    let totals: TotalsSheet;
    let wb: ExcelJS.Workbook;

    beforeAll(async () => {
      out = path.join(dir, 'mac-dinh', 'tong-hop.xlsx');
      const run = await runCli(['consolidate', ...inputs, '--out', out]);
      stdout = run.out;
      code = run.code;
      wb = await readWorkbook(out);
      totals = totalsSheet(wb);
    });

    it('exits 1 and names the left-out unit in the summary', () => {
      expect(code).toBe(1);
      expect(stdout).toContain('Đã tổng hợp 17/18 đơn vị.');
      expect(stdout).toMatch(new RegExp(`Có lỗi, chưa tính: ${BROKEN_UNIT}\\.`));
      expect(stdout).toMatch(/Số âm -5/);
    });

    it('leaves its figures out of every total and shows it so on "Tình trạng" and the status row', () => {
      for (const [c, v] of Object.entries(CURRENT_TOTALS)) {
        expect(totals.rows[c].total).toBeCloseTo(v - broken.values[c], 9);
        expect(totals.rows[c].byHeader[BROKEN_UNIT]).toBeNull();
      }
      expect(rosterStates(wb)[BROKEN_UNIT]).toBe('Có lỗi – chưa tính');
      expect(rosterStates(wb)['Hội An']).toBe('Đã tính');
    });

    it('lists the error on "Kiểm tra"', () => {
      const ws = wb.getWorksheet('Kiểm tra')!;
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      expect(rows.some((r) => r.includes(BROKEN_UNIT) && r.includes('negative') && r.includes('Lỗi'))).toBe(true);
    });
  });

  describe('with --include-errors', () => {
    let stdout: string;
    let totals: TotalsSheet;
    let wb: ExcelJS.Workbook;

    beforeAll(async () => {
      const out = path.join(dir, 'tinh-ca-loi', 'tong-hop.xlsx');
      const run = await runCli(['consolidate', ...inputs, '--out', out, '--include-errors']);
      expect(run.code).toBe(1);
      stdout = run.out;
      wb = await readWorkbook(out);
      totals = totalsSheet(wb);
    });

    it('puts the unit in, counting its unusable cell as nothing', () => {
      expect(stdout).toContain('Đã tổng hợp 18/18 đơn vị.');
      expect(rosterStates(wb)[BROKEN_UNIT]).toBe('Đã tính');
      for (const [c, v] of Object.entries(CURRENT_TOTALS)) {
        const expected = c === '01' ? v - broken.values[c] : v;
        expect(totals.rows[c].total).toBeCloseTo(expected, 9);
      }
      expect(totals.rows['08'].byHeader[BROKEN_UNIT]).toBe(broken.values['08']);
    });
  });

  it('the same rule holds for run: kiem-tra.json shows the error, tong-hop.xlsx leaves the unit out', async () => {
    const outDir = path.join(dir, 'run');
    const run = await runCli(['run', ...inputs, '--out-dir', outDir]);
    expect(run.code).toBe(1);
    const report = parseWholeJson<JsonReport>(await fs.readFile(path.join(outDir, 'kiem-tra.json'), 'utf8'));
    expect(report.units.find((u) => u.unit === BROKEN_UNIT)?.status).toBe('errors');
    const totals = totalsSheet(await readWorkbook(path.join(outDir, 'tong-hop.xlsx')));
    expect(totals.rows['08'].total).toBe(CURRENT_TOTALS['08'] - broken.values['08']);
  });
});

describe('never overwriting an input', () => {
  it('consolidate a.xlsx --out a.xlsx is refused, exit 2, and a.xlsx is unchanged', async () => {
    const dir = await tempDir('overwrite');
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await fs.copyFile(sampleFile('hoi-an.xlsx'), a);
    await fs.copyFile(sampleFile('tam-ky.xlsx'), b);
    const before = sha256(a);
    const run = await runCli(['consolidate', a, b, '--out', a]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Không ghi đè');
    expect(sha256(a)).toBe(before);
    expect((await fs.readdir(dir)).sort()).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('is refused through another spelling of the same path too', async () => {
    const dir = await tempDir('overwrite');
    const a = path.join(dir, 'a.xlsx');
    await fs.copyFile(sampleFile('hoi-an.xlsx'), a);
    const before = sha256(a);
    const run = await runCli(['consolidate', dir, '--out', path.join(dir, '.', 'sub', '..', 'a.xlsx')]);
    expect(run.code).toBe(2);
    expect(sha256(a)).toBe(before);
  });

  it('is refused when --out is a symbolic link to an input', async () => {
    const dir = await tempDir('overwrite');
    const a = path.join(dir, 'a.xlsx');
    await fs.copyFile(sampleFile('hoi-an.xlsx'), a);
    await fs.symlink(a, path.join(dir, 'lien-ket.xlsx'));
    const before = sha256(a);
    const run = await runCli(['consolidate', a, '--out', path.join(dir, 'lien-ket.xlsx')]);
    expect(run.code).toBe(2);
    expect(sha256(a)).toBe(before);
  });

  it('run --out-dir onto the folder of the inputs never replaces an input', async () => {
    const dir = await tempDir('overwrite');
    const input = path.join(dir, 'tong-hop.xlsx');
    await fs.copyFile(sampleFile('hoi-an.xlsx'), input);
    const before = sha256(input);
    const run = await runCli(['run', input, '--out-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Không ghi đè');
    expect(sha256(input)).toBe(before);
  });
});

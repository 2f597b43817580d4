/** `validate --annotate DIR`: marked-up copies of faulty returns; the inputs stay byte-for-byte the same. */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  FIXTURE_DIR, fixture, folderHashes, readWorkbook, removeTempDirs, runCli, sampleFile, sha256, tempDir,
} from './cli-support';

interface Sidecar {
  expectedFindings: { severity: string; rule: string; code: string | null; cell: string | null }[];
}
const sidecar: Sidecar = JSON.parse(readFileSync(fixture('lo-dien-ban-altered.expected.json'), 'utf8'));

const WARNING_FILL = 'FFFFE699';
const ERROR_FILL = 'FFF8CBAD';

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

afterAll(removeTempDirs);

describe('validate --annotate', () => {
  let inputDir: string;
  let outDir: string;
  let inputs: string[];
  let hashesBefore: Record<string, string>;
  let fixturesBefore: Record<string, string>;
  let code: number;

  beforeAll(async () => {
    inputDir = await tempDir('annotate-in');
    outDir = path.join(await tempDir('annotate-out'), 'danh-dau');
    // A return with an error (negative number in 01), a clean one, and the clerk-edited LibreOffice file.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sampleFile('que-son.xlsx'));
    const ws = wb.getWorksheet('Biểu chỉ tiêu')!;
    ws.eachRow((row) => {
      if (row.getCell(3).value === '01') row.getCell(5).value = -5;
    });
    await wb.xlsx.writeFile(path.join(inputDir, 'que-son.xlsx'));
    await fs.copyFile(sampleFile('hoi-an.xlsx'), path.join(inputDir, 'hoi-an.xlsx'));
    inputs = [path.join(inputDir, 'que-son.xlsx'), path.join(inputDir, 'hoi-an.xlsx'), fixture('lo-dien-ban-altered.xlsx')];
    hashesBefore = Object.fromEntries(inputs.map((f) => [f, sha256(f)]));
    fixturesBefore = await folderHashes(FIXTURE_DIR);
    const run = await runCli(['validate', '--annotate', outDir, ...inputs]);
    code = run.code;
  });

  it('leaves every input byte-for-byte unchanged', async () => {
    expect(code).toBe(1);
    for (const f of inputs) expect(sha256(f)).toBe(hashesBefore[f]);
    expect(await folderHashes(FIXTURE_DIR)).toEqual(fixturesBefore);
  });

  it('writes copies only of the returns with errors or warnings', async () => {
    expect((await fs.readdir(outDir)).sort()).toEqual(['lo-dien-ban-altered.xlsx', 'que-son.xlsx']);
  });

  it('marks the faulty cell of the erroneous return with the error fill and a note', async () => {
    const wb = await readWorkbook(path.join(outDir, 'que-son.xlsx'));
    const ws = wb.getWorksheet('Biểu chỉ tiêu')!;
    let marked: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      if (row.getCell(3).value === '01') marked = row.getCell(5);
    });
    expect(marked).toBeDefined();
    expect(marked!.value).toBe(-5);
    expect(fillOf(marked!)).toBe(ERROR_FILL);
    expect(noteText(marked!)).toMatch(/Số âm -5/);
    const list = wb.getWorksheet('Kết quả kiểm tra');
    expect(list).toBeDefined();
    expect(list!.getRow(1).getCell(1).value).toBe('STT');
  });

  it('marks the warning cells of the LibreOffice return where the sidecar says, and only those', async () => {
    const wb = await readWorkbook(path.join(outDir, 'lo-dien-ban-altered.xlsx'));
    const ws = wb.getWorksheet('Biểu chỉ tiêu')!;
    const warned = sidecar.expectedFindings.filter((f) => f.severity === 'warning' && f.cell);
    expect(warned.length).toBeGreaterThan(0);
    for (const f of warned) {
      const cell = ws.getCell(f.cell!);
      expect(fillOf(cell)).toBe(WARNING_FILL);
      expect(noteText(cell)).toContain(`Mã số ${f.code}`);
    }
    const markedCells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (fillOf(cell) === WARNING_FILL || fillOf(cell) === ERROR_FILL) markedCells.push(cell.address);
    }));
    expect(markedCells.sort()).toEqual(warned.map((f) => f.cell!).sort());
  });

  it('keeps the figures of the copy as they were', async () => {
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(fixture('lo-dien-ban-altered.xlsx'));
    const copy = await readWorkbook(path.join(outDir, 'lo-dien-ban-altered.xlsx'));
    const cells = (wb: ExcelJS.Workbook) => {
      const out: Record<string, unknown> = {};
      wb.getWorksheet('Biểu chỉ tiêu')!.eachRow((row) => row.eachCell((c) => (out[c.address] = c.value)));
      return out;
    };
    expect(cells(copy)).toEqual(cells(original));
  });
});

/** `tonghop form`: one blank form per unit, protected, validated, with hidden metadata. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { foldKey } from '../../src/core/text/normalize';
import { defaultUnits } from '../../src/core/units/unit-list';
import { PERIOD, parseWholeJson, plain, readWorkbook, removeTempDirs, runCli, tempDir, type JsonReport } from './cli-support';

const FORM_HEADER = ['TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Số liệu', 'Ghi chú'];

function fileNameOf(unit: string): string {
  return `bieu-${foldKey(unit).replace(/ /g, '-')}.xlsx`;
}

/** 1-based header row and the indicator rows (code → row) of the form sheet. */
function layout(ws: ExcelJS.Worksheet): { headerRow: number; codes: Record<string, number> } {
  let headerRow = -1;
  const codes: Record<string, number> = {};
  ws.eachRow((row, n) => {
    if (headerRow < 0 && plain(row.getCell(1).value) === 'TT') headerRow = n;
    const code = plain(row.getCell(3).value);
    if (headerRow > 0 && n > headerRow && typeof code === 'string' && /^\d+$/.test(code)) codes[code] = n;
  });
  return { headerRow, codes };
}

function metadata(wb: ExcelJS.Workbook): Record<string, string> {
  const ws = wb.getWorksheet('_tonghop');
  const map: Record<string, string> = {};
  ws?.eachRow((row) => (map[String(plain(row.getCell(1).value))] = String(plain(row.getCell(2).value))));
  return map;
}

afterAll(removeTempDirs);

describe('tonghop form --out-dir D --period "6 tháng đầu năm 2024"', () => {
  let outDir: string;
  let stdout: string;
  let code: number;

  beforeAll(async () => {
    outDir = path.join(await tempDir('form'), 'bieu-mau');
    const run = await runCli(['form', '--out-dir', outDir, '--period', PERIOD]);
    code = run.code;
    stdout = run.out;
  });

  it('writes 18 files, one per unit, and says so', async () => {
    expect(code).toBe(0);
    expect((await fs.readdir(outDir)).sort()).toEqual(defaultUnits().map(fileNameOf).sort());
    expect(stdout).toContain('18');
  });

  it('gives every form the header, the unit, the period and the hidden metadata', async () => {
    for (const unit of defaultUnits()) {
      const wb = await readWorkbook(path.join(outDir, fileNameOf(unit)));
      const ws = wb.getWorksheet('Biểu chỉ tiêu');
      expect(ws).toBeDefined();
      const { headerRow, codes } = layout(ws!);
      const header = FORM_HEADER.map((_, i) => plain(ws!.getRow(headerRow).getCell(i + 1).value));
      expect(header).toEqual(FORM_HEADER);
      expect(Object.keys(codes)).toHaveLength(40);
      const meta = wb.getWorksheet('_tonghop');
      expect(meta?.state).toBe('veryHidden');
      expect(metadata(wb)).toMatchObject({ kind: 'form', unit, period: PERIOD });
      const above: string[] = [];
      for (let r = 1; r < headerRow; r++) above.push(String(plain(ws!.getRow(r).getCell(1).value) ?? ''));
      expect(above.some((t) => t.includes(unit))).toBe(true);
      expect(above.some((t) => t.includes(PERIOD))).toBe(true);
    }
  });

  it('protects the form sheet, leaving only the value and note cells open, each value cell validated', async () => {
    const wb = await readWorkbook(path.join(outDir, fileNameOf('Tam Kỳ')));
    const ws = wb.getWorksheet('Biểu chỉ tiêu')!;
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const { headerRow, codes } = layout(ws);
    for (const [code, row] of Object.entries(codes)) {
      const value = ws.getRow(row).getCell(5);
      expect(value.value).toBeNull();
      expect(value.protection?.locked).toBe(false);
      expect(ws.getRow(row).getCell(6).protection?.locked).toBe(false);
      expect(ws.getRow(row).getCell(3).protection?.locked).not.toBe(false);
      const dv = value.dataValidation;
      expect(dv).toBeDefined();
      expect(['whole', 'decimal']).toContain(dv.type);
      expect(dv.operator).toBe('greaterThanOrEqual');
      expect(dv.formulae).toEqual([0]);
      expect(dv.showErrorMessage).toBe(true);
      expect(dv.error).toContain(`Mã số ${code}`);
    }
    expect(ws.getRow(codes['08']).getCell(5).dataValidation.type).toBe('whole');
    expect(ws.getRow(codes['23']).getCell(5).dataValidation.type).toBe('decimal');
    expect(ws.getRow(headerRow).getCell(5).protection?.locked).not.toBe(false);
  });

  it('writes forms that validate back as their units, blank and of the right period', async () => {
    const run = await runCli(['validate', '--json', '--period', PERIOD, outDir]);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.missingUnits).toEqual([]);
    expect(report.units.map((u) => u.unit).sort()).toEqual([...defaultUnits()].sort());
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('--unit writes only the named units, and an unknown unit is a usage error', async () => {
    const dir = path.join(await tempDir('form'), 'mot-don-vi');
    const one = await runCli(['form', '--out-dir', dir, '--period', PERIOD, '--unit', 'Hội CCB Hội An']);
    expect(one.code).toBe(0);
    expect(await fs.readdir(dir)).toEqual([fileNameOf('Hội An')]);
    const bad = await runCli(['form', '--out-dir', dir, '--period', PERIOD, '--unit', 'Không Có']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Không Có');
  });

  it('refuses to run without --period', async () => {
    const dir = path.join(await tempDir('form'), 'khong-ky');
    const run = await runCli(['form', '--out-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--period');
  });
});

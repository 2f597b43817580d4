/** `tonghop run` on the bundled sample: the three outputs and the provincial workbook's content. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CURRENT_TOTALS, PREVIOUS_FIXED_TOTALS } from '../../scripts/sample/figures';
import { columnLetter } from '../../src/core/grid/address';
import { defaultUnits } from '../../src/core/units/unit-list';
import {
  PREVIOUS_FILE, SAMPLE_DIR, folderHashes, parseWholeJson, readWorkbook, removeTempDirs, runCli, sampleFiles,
  tempDir, totalsSheet, type CliRun, type JsonReport, type TotalsSheet,
} from './cli-support';
import type ExcelJS from 'exceljs';

describe('tonghop run (18 sample returns + previous period)', () => {
  let outDir: string;
  let run: CliRun;
  let wb: ExcelJS.Workbook;
  let totals: TotalsSheet;
  let samplesBefore: Record<string, string>;

  beforeAll(async () => {
    samplesBefore = await folderHashes(SAMPLE_DIR);
    outDir = path.join(await tempDir('run'), 'ket-qua');
    run = await runCli(['run', ...sampleFiles(), '--previous', PREVIOUS_FILE, '--out-dir', outDir]);
    wb = await readWorkbook(path.join(outDir, 'tong-hop.xlsx'));
    totals = totalsSheet(wb);
  });
  afterAll(removeTempDirs);

  it('exits 0 and writes kiem-tra.json, tong-hop.xlsx and the report as .docx, .html and .txt', async () => {
    expect(run.code).toBe(0);
    expect((await fs.readdir(outDir)).sort()).toEqual(['bao-cao.docx', 'bao-cao.html', 'bao-cao.txt', 'kiem-tra.json', 'tong-hop.xlsx']);
    const docx = await fs.readFile(path.join(outDir, 'bao-cao.docx'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(run.out).toContain('Đã tổng hợp 18/18 đơn vị.');
    expect(run.out).toContain('Không có lỗi hay cảnh báo: Tam Kỳ, Hội An, ');
  });

  it('leaves the sample folder untouched', async () => {
    expect(await folderHashes(SAMPLE_DIR)).toEqual(samplesBefore);
  });

  it('writes a kiem-tra.json with template, period, units, missingUnits and issues', async () => {
    const report = parseWholeJson<JsonReport>(await fs.readFile(path.join(outDir, 'kiem-tra.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['template', 'period', 'units', 'missingUnits', 'issues']));
    expect(report.period).toBe('6 tháng đầu năm 2024');
    expect(report.units).toHaveLength(18);
    expect(report.units.every((u) => u.status === 'ok')).toBe(true);
    expect(new Set(report.units.map((u) => u.unit))).toEqual(new Set(defaultUnits()));
    expect(report.missingUnits).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('has the "Tổng hợp" header: TT | Chỉ tiêu | Mã số | Đơn vị tính | Tổng cộng | 18 units | Kỳ trước | Tăng/giảm | Ghi chú', () => {
    expect(totals.header).toEqual([
      'TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Tổng cộng', ...defaultUnits(), 'Kỳ trước', 'Tăng/giảm', 'Ghi chú',
    ]);
  });

  it('puts SUM formulas in "Tổng cộng" whose cached results are the report totals', () => {
    const literal: Record<string, number> = { '08': 37090, '18': 46326, '23': 898.3, '33': 2904.5 };
    for (const [code, value] of Object.entries(literal)) {
      expect(totals.rows[code].totalFormula).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
      expect(totals.rows[code].total).toBe(value);
    }
    expect(Object.keys(totals.rows).sort()).toEqual(Object.keys(CURRENT_TOTALS).sort());
    for (const [code, value] of Object.entries(CURRENT_TOTALS)) {
      expect(totals.rows[code].totalFormula).toMatch(/^SUM\(/);
      expect(totals.rows[code].total).toBeCloseTo(value, 9);
    }
  });

  it('sums exactly the unit columns of its row', () => {
    const units = defaultUnits();
    const first = totals.header.indexOf(units[0]);
    const last = totals.header.indexOf(units[units.length - 1]);
    for (const [code, row] of Object.entries(totals.rows)) {
      expect(row.totalFormula).toBe(`SUM(${columnLetter(first)}${row.row}:${columnLetter(last)}${row.row})`);
      const sum = units.reduce((s, u) => s + Number(row.byHeader[u]), 0);
      expect(sum).toBeCloseTo(CURRENT_TOTALS[code], 9);
    }
  });

  it('fills "Kỳ trước" from the previous consolidated workbook', () => {
    expect(totals.rows['08'].byHeader['Kỳ trước']).toBe(37196);
    expect(totals.rows['18'].byHeader['Kỳ trước']).toBe(43064);
    expect(PREVIOUS_FIXED_TOTALS).toEqual({ '08': 37196, '18': 43064 });
    expect(totals.rows['08'].byHeader['Tăng/giảm']).toBe(37090 - 37196);
  });

  it('also writes the "Kiểm tra" and "Tình trạng" sheets', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Kiểm tra', 'Tình trạng']));
  });
});

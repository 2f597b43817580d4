/**
 * Files that are not usable .xlsx returns (a .xls, a password-protected .xlsx, a text file named
 * .xlsx, a cut-off download): each gets one error with a Vietnamese message, the others are checked.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CURRENT_TOTALS } from '../../scripts/sample/figures';
import { defaultUnits } from '../../src/core/units/unit-list';
import {
  VIETNAMESE, fixture, parseWholeJson, readWorkbook, removeTempDirs, runCli, sampleFiles, tempDir, totalsSheet,
  type JsonReport,
} from './cli-support';

const BAD: Record<string, { rule: string; mentions: RegExp }> = {
  'xls-tam-ky.xls': { rule: 'file-xls', mentions: /97-2003|\.xls\b/ },
  'encrypted-hoi-an.xlsx': { rule: 'file-encrypted', mentions: /mật khẩu/ },
  'not-a-workbook.xlsx': { rule: 'file-unreadable', mentions: /không phải/i },
  'truncated.xlsx': { rule: 'file-unreadable', mentions: /hỏng/ },
};

const CASES = Object.entries(BAD).map(([name, b]) => [name, b.rule, b.mentions] as const);

afterAll(removeTempDirs);

describe('unusable files among the 18 sample returns', () => {
  let dir: string;
  let report: JsonReport;
  let code: number;

  beforeAll(async () => {
    dir = await tempDir('bad-files');
    for (const f of [...sampleFiles(), ...Object.keys(BAD).map(fixture)]) {
      await fs.copyFile(f, path.join(dir, path.basename(f)));
    }
    const run = await runCli(['validate', '--json', dir]);
    code = run.code;
    report = parseWholeJson<JsonReport>(run.out);
  });

  it('reads every file of the folder, .xls included, and exits 1', () => {
    expect(code).toBe(1);
    expect(report.units).toHaveLength(18 + Object.keys(BAD).length);
  });

  it.each(CASES)('%s: one error %s, with a Vietnamese message', (name, rule, mentions) => {
    const issues = report.issues.filter((i) => i.file !== null && path.basename(i.file) === name);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', rule, unit: null });
    expect(issues[0].message).toMatch(VIETNAMESE);
    expect(issues[0].message).toMatch(mentions);
    const entry = report.units.find((u) => path.basename(u.file) === name);
    expect(entry).toMatchObject({ unit: null, sheet: null, status: 'errors' });
  });

  it('still checks the 18 good returns: all clean, no unit missing', () => {
    const good = report.units.filter((u) => !(path.basename(u.file) in BAD));
    expect(good.map((u) => u.unit).sort()).toEqual([...defaultUnits()].sort());
    expect(good.every((u) => u.status === 'ok')).toBe(true);
    expect(report.missingUnits).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error')).toHaveLength(Object.keys(BAD).length);
  });

  it('consolidates the 18 good returns to the full totals, naming the bad files in "Tình trạng"', async () => {
    const out = path.join(await tempDir('bad-files-out'), 'tong-hop.xlsx');
    const run = await runCli(['consolidate', dir, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Đã tổng hợp 18/18 đơn vị.');
    const wb = await readWorkbook(out);
    const totals = totalsSheet(wb);
    for (const [c, v] of Object.entries(CURRENT_TOTALS)) expect(totals.rows[c].total).toBeCloseTo(v, 9);
    const roster = wb.getWorksheet('Tình trạng')!;
    const text: string[] = [];
    roster.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    for (const name of Object.keys(BAD)) expect(text.some((t) => t.includes(name))).toBe(true);
  });

  it('prints a Vietnamese line for each bad file in the human summary', async () => {
    const run = await runCli(['validate', dir]);
    expect(run.code).toBe(1);
    for (const name of Object.keys(BAD)) {
      const line = run.out.split('\n').findIndex((l) => l.includes(name));
      expect(line).toBeGreaterThanOrEqual(0);
    }
    expect(run.out).toMatch(/Tổng cộng: 4 lỗi/);
  });
});

describe('a bad file alone', () => {
  it.each(CASES)('%s: exit 2 (nothing readable), the error is %s', async (name, rule) => {
    const run = await runCli(['validate', '--json', fixture(name)]);
    expect(run.code).toBe(2);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.issues.map((i) => i.rule)).toEqual([rule]);
  });
});

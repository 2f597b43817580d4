/** `tonghop validate --json`: one JSON object on stdout, and the exit codes 0 / 1 / 2. */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import {
  fixture, parseWholeJson, removeTempDirs, runCli, sampleFile, sampleFiles, tempDir, type JsonReport,
} from './cli-support';

afterAll(removeTempDirs);

describe('tonghop validate --json', () => {
  it('prints exactly one JSON object and exits 0 when all 18 returns are clean', async () => {
    const run = await runCli(['validate', '--json', ...sampleFiles()]);
    expect(run.code).toBe(0);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.units).toHaveLength(18);
    expect(report.missingUnits).toEqual([]);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(report.template.id).toEqual(expect.any(String));
  });

  it('accepts a folder and reads the same 18 returns', async () => {
    const run = await runCli(['validate', '--json', path.dirname(sampleFiles()[0])]);
    expect(run.code).toBe(0);
    expect(parseWholeJson<JsonReport>(run.out).units.map((u) => path.basename(u.file)))
      .toEqual(sampleFiles().map((f) => path.basename(f)));
  });

  it('exits 1 when a return has an error, still with one JSON object on stdout', async () => {
    const run = await runCli(['validate', '--json', ...sampleFiles(), fixture('xls-tam-ky.xls')]);
    expect(run.code).toBe(1);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['file-xls']);
  });

  it('lists the missing units when only some returns came in (not an error: exit 0)', async () => {
    const run = await runCli(['validate', '--json', sampleFile('hoi-an.xlsx'), sampleFile('tam-ky.xlsx')]);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.missingUnits).toHaveLength(16);
    expect(report.missingUnits).not.toContain('Hội An');
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('exits 2 on an unknown option, with a usage message on stderr and nothing on stdout', async () => {
    const run = await runCli(['validate', '--khong-co', ...sampleFiles()]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('--khong-co');
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runCli(['kiemtra', sampleFile('hoi-an.xlsx')]);
    expect(run.code).toBe(2);
  });

  it('exits 2 when a required option is missing', async () => {
    const run = await runCli(['consolidate', sampleFile('hoi-an.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--out');
  });

  it('exits 2 when no file is readable, and still prints one JSON object', async () => {
    const run = await runCli(['validate', '--json', fixture('not-a-workbook.xlsx'), fixture('truncated.xlsx')]);
    expect(run.code).toBe(2);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.issues.map((i) => i.rule)).toEqual(['file-unreadable', 'file-unreadable']);
    expect(run.err).not.toBe('');
  });

  it('exits 2 when a named file does not exist, with a Vietnamese message', async () => {
    const dir = await tempDir('validate');
    const run = await runCli(['validate', '--json', path.join(dir, 'khong-co.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('Không tìm thấy');
  });

  it('exits 2 on an empty folder', async () => {
    const dir = await tempDir('validate');
    await fs.writeFile(path.join(dir, 'ghi-chu.txt'), 'không phải biểu');
    const run = await runCli(['validate', '--json', dir]);
    expect(run.code).toBe(2);
  });
});

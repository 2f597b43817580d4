/**
 * The installed entry point, `node bin/tonghop.js`, as a child process: real exit codes and
 * real stdout/stderr. It runs the compiled build/ (made by `npm ci` → prepare, or
 * `npm run build:cli`), so it is checked first.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { PREVIOUS_FILE, ROOT, fixture, removeTempDirs, sampleFiles, tempDir, type JsonReport } from './cli-support';

const BIN = path.join(ROOT, 'bin', 'tonghop.js');
const BUILT = path.join(ROOT, 'build', 'cli', 'main.js');

interface Child {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tonghop(args: string[]): Promise<Child> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

afterAll(removeTempDirs);

describe('node bin/tonghop.js', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) {
      throw new Error(`${path.relative(ROOT, BUILT)} is missing: run "npm ci" (its prepare step builds it) or "npm run build:cli".`);
    }
  });

  it('validate --json on the 18 sample returns: exit 0, stdout is exactly one JSON object', async () => {
    const child = await tonghop(['validate', '--json', ...sampleFiles()]);
    expect(child.code).toBe(0);
    const report = JSON.parse(child.stdout) as JsonReport;
    expect(report.units).toHaveLength(18);
    expect(report.missingUnits).toEqual([]);
  });

  it('run with --previous writes its five outputs and exits 0', async () => {
    const outDir = path.join(await tempDir('spawn'), 'ket-qua');
    const child = await tonghop(['run', ...sampleFiles(), '--previous', PREVIOUS_FILE, '--out-dir', outDir]);
    expect(child.code).toBe(0);
    expect((await fs.readdir(outDir)).sort()).toEqual(['bao-cao.docx', 'bao-cao.html', 'bao-cao.txt', 'kiem-tra.json', 'tong-hop.xlsx']);
    expect(child.stdout).toContain('18/18');
  });

  it('exits 1 when a return has an error', async () => {
    const child = await tonghop(['validate', fixture('xls-tam-ky.xls'), ...sampleFiles()]);
    expect(child.code).toBe(1);
    expect(child.stdout).toContain('Excel 97-2003');
  });

  it('exits 2 on an unknown option, with the message on stderr and nothing on stdout', async () => {
    const child = await tonghop(['validate', '--khong-co', ...sampleFiles()]);
    expect(child.code).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain('--khong-co');
  });

  it('exits 2 when no file is readable', async () => {
    const child = await tonghop(['validate', fixture('not-a-workbook.xlsx')]);
    expect(child.code).toBe(2);
  });

  it('--help prints the Vietnamese help on stdout and exits 0', async () => {
    const child = await tonghop(['--help']);
    expect(child.code).toBe(0);
    expect(child.stdout).toContain('hiện hướng dẫn (show help)');
  });
});

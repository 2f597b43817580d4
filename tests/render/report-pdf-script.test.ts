/**
 * scripts/report-pdf.sh: skips cleanly without LibreOffice, and where LibreOffice Writer is
 * installed, the PDF it makes shows the page number on page 2 but not on page 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderReportDocx } from '../../src/render/report-docx';
import { largeReport } from './sample-reports';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'report-pdf.sh');

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'report-pdf-test-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function which(cmd: string): string | null {
  const r = spawnSync('bash', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const BASH = which('bash') ?? '/bin/bash';

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(BASH, [SCRIPT, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('fails with a clear message when the input is missing', () => {
  const r = run([path.join(tempDir(), 'khong-co.docx')]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/không tìm thấy tệp .*khong-co\.docx \/ error: file not found/);
});

it('skips with a bilingual note when soffice is not on the PATH', () => {
  const dir = tempDir();
  const bin = path.join(dir, 'bin');
  spawnSync('mkdir', [bin]);
  // Only the few tools the script needs before it looks for soffice.
  for (const tool of ['dirname', 'basename', 'mkdir']) symlinkSync(which(tool)!, path.join(bin, tool));
  const docx = path.join(dir, 'bao-cao.docx');
  writeFileSync(docx, 'not opened');
  const r = run([docx, dir], { PATH: bin, HOME: dir });
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toBe('Bỏ qua: không có LibreOffice (soffice), không tạo PDF / skipped: soffice not found, no PDF made\n');
});

// LibreOffice Writer and poppler-utils are installed by .ci/run (scripts/install-system-deps.sh).
it('converts the report to PDF with a page number from page 2 on', async () => {
  for (const tool of ['soffice', 'pdftotext', 'pdfinfo']) {
    if (!which(tool)) throw new Error(`${tool} is missing: run scripts/install-system-deps.sh (libreoffice-writer-nogui, poppler-utils)`);
  }
  const dir = tempDir();
  const docx = path.join(dir, 'bao-cao.docx');
  writeFileSync(docx, await renderReportDocx(largeReport()));
  const r = run([docx]);
  expect(r.code).toBe(0);
  const pdf = path.join(dir, 'bao-cao.pdf');
  expect(r.out).toContain(`PDF: ${pdf}`);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const page = (n: number) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  const firstLine = (s: string) => s.split('\n').map((l) => l.trim()).find(Boolean);
  expect(firstLine(page(1))).toMatch(/^HỘI CCB VIỆT NAM\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
  expect(firstLine(page(2))).toBe('2');
  expect(page(1)).toContain('BÁO CÁO');
  expect(r.out).toContain(`PNG (trang 1 / page 1): ${path.join(dir, 'bao-cao-p1.png')}`);
  expect(existsSync(path.join(dir, 'bao-cao-p1.png'))).toBe(true);
});

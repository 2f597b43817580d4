/** Outputs never clobber inputs or each other, and failures are explained in Vietnamese. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fixture, removeTempDirs, runCli, sampleFile, sha256, tempDir } from './cli-support';

afterAll(removeTempDirs);

async function faultyCopy(dir: string, name: string, from: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  await fs.copyFile(from, target);
  return target;
}

describe('output safety', () => {
  it('numbers annotated copies when two returns share a file name', async () => {
    const root = await tempDir('same-name');
    // The altered LibreOffice return has warnings, so each copy gets annotated.
    const a = await faultyCopy(path.join(root, 'a'), 'bao-cao.xlsx', fixture('lo-dien-ban-altered.xlsx'));
    const b = await faultyCopy(path.join(root, 'b'), 'bao-cao.xlsx', fixture('lo-dien-ban-altered.xlsx'));
    const out = path.join(root, 'out');
    await runCli(['validate', a, b, '--annotate', out]);
    expect((await fs.readdir(out)).sort()).toEqual(['bao-cao (2).xlsx', 'bao-cao.xlsx']);
  });

  it('run writes nothing when one of its outputs is an input', async () => {
    const dir = await tempDir('run-clash');
    const input = await faultyCopy(dir, 'tong-hop.xlsx', sampleFile('hoi-an.xlsx'));
    const before = sha256(input);
    const r = await runCli(['run', input, '--out-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không ghi đè tệp đầu vào');
    expect((await fs.readdir(dir)).sort()).toEqual(['tong-hop.xlsx']);
    expect(sha256(input)).toBe(before);
  });

  it('explains in Vietnamese why no file could be read', async () => {
    const r = await runCli(['validate', fixture('encrypted-hoi-an.xlsx'), fixture('xls-tam-ky.xls')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('mật khẩu');
    expect(r.err).toContain('Excel 97-2003');
    expect(r.err).not.toMatch(/: (encrypted|xls)$/m);
  });
});

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const dir = join(__dirname, '../../../src/core/text');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/core/text stays pure', () => {
  it('has source files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['normalize.ts', 'number-parse.ts', 'number-format.ts', 'legacy-encoding.ts']));
  });

  it.each(files)('%s imports only relative modules and uses no Node globals', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const imports = [...source.matchAll(/\bfrom\s+'([^']+)'|\brequire\(\s*'([^']+)'\s*\)|\bimport\(\s*'([^']+)'\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    expect(imports.filter((spec) => !spec.startsWith('.'))).toEqual([]);
    expect(source).not.toMatch(/\b(Buffer|process|__dirname|require|TextDecoder|window|document)\b/);
  });
});

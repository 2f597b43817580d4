/** src/core is pure TypeScript: grids in, plain data out. No Node, DOM, Office or I/O library may leak in. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const CORE = path.join(__dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const FORBIDDEN_GLOBALS = /\b(process|Buffer|document|window|Office|Excel|__dirname|require)[.(]/;

export function violations(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = path.resolve(path.dirname(file), spec);
    if (!spec.startsWith('.') || !target.startsWith(CORE)) found.push(`${path.relative(CORE, file)} imports "${spec}"`);
  }
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  withoutComments.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (FORBIDDEN_GLOBALS.test(code)) found.push(`${path.relative(CORE, file)}:${i + 1} uses ${code.match(FORBIDDEN_GLOBALS)![1]}`);
  });
  return found;
}

describe('src/core purity', () => {
  const files = sources(CORE);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports only other src/core modules and uses no host globals', () => {
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('catches a forbidden import and a host global', () => {
    const fake = path.join(CORE, 'x', 'fake.ts');
    expect(violations(fake, "import fs from 'node:fs';\nimport ExcelJS from 'exceljs';\nimport { a } from '../grid/sheet';")).toEqual([
      'x/fake.ts imports "node:fs"',
      'x/fake.ts imports "exceljs"',
    ]);
    expect(violations(fake, 'const x = document.title;')).toHaveLength(1);
    expect(violations(fake, "import { y } from '../../workbook/exceljs-workbook';")).toHaveLength(1);
  });
});

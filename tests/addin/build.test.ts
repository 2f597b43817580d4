/** The task pane bundles with webpack, with ExcelJS's browser build in place of the CLI's lean entry. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: { mode: string }) => webpack.Configuration;

describe('npm run build', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'tonghop-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes taskpane.html, its bundle and the manifest, and bundles no Node-only ExcelJS entry', async () => {
    const config = makeConfig({}, { mode: 'development' });
    config.output = { ...config.output, path: out };
    config.devtool = false;
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'manifest.xml']));
    const bundle = files.find((f) => /^taskpane\..*\.js$/.test(f))!;
    const code = readFileSync(path.join(out, bundle), 'utf8');
    expect(code).toContain('exceljs-runtime.browser');
    expect(code).not.toContain('exceljs/lib/doc/workbook');
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(html).toContain(bundle);
    // The React entry (src/taskpane/index.tsx) renders into this element.
    expect(html).toContain('<div id="root"></div>');
  }, 180_000);
});

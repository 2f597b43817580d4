/**
 * @jest-environment node
 *
 * End to end in a real browser: the task pane is built with webpack, served on 127.0.0.1 and driven
 * in Debian's Chromium (/usr/bin/chromium) by playwright-core, in browser mode (office.js, from
 * Microsoft's CDN, is answered with a 404 so the pane does not wait for Office). The files the pane
 * lets the user download are read back: the totals of the provincial workbook and the report's text.
 * Screenshots of both runs go to test-artifacts/e2e/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import webpack from 'webpack';
import { CURRENT_TOTALS } from '../../scripts/sample/figures';
import { alteredReturn, consolidatedTotals, docxText, REPORT_PHRASES, ROOT, samplePaths } from './sample-support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: { mode: string }) => webpack.Configuration;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createStaticServer } = require(path.join(ROOT, 'src', 'taskpane', 'serve.js')) as { createStaticServer(root: string): Server };

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Reading 18 files, checking, totalling and drafting in the page: generous for a loaded 2-core machine. */
const STEP_MS = 90_000;

const BUTTON = {
  import: 'Nhập biểu đã nhận',
  all: 'Kiểm tra, tổng hợp và soạn báo cáo',
  xlsx: 'Tải bảng tổng hợp (.xlsx)',
  docx: 'Tải báo cáo (.docx)',
};

let work = '';
let server: Server | null = null;
let baseUrl = '';
let browser: Browser | null = null;
const contexts: BrowserContext[] = [];

async function buildPane(out: string): Promise<void> {
  // Development mode: several times faster than production (no minifier) and the same code paths.
  const config = makeConfig({}, { mode: 'development' });
  config.output = { ...config.output, path: out };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('webpack gave no stats')) : resolve(s))));
  if (stats.hasErrors()) throw new Error(`webpack failed:\n${stats.toString('errors-only')}`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(path.join(os.tmpdir(), 'tonghop-e2e-'));
  const dist = path.join(work, 'dist');
  await buildPane(dist);
  server = createStaticServer(dist);
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}, 300_000);

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  if (server) {
    const s = server;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

interface Pane {
  page: Page;
  /** Uncaught exceptions in the page. */
  errors: string[];
}

/** A fresh browser context (own storage and downloads) with the pane open in browser mode. */
async function openPane(): Promise<Pane> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  contexts.push(context);
  // Nothing leaves the machine: office.js (Microsoft's CDN) and anything else not served here get a 404.
  await context.route(
    (url) => /^https?:$/.test(url.protocol) && url.host !== new URL(baseUrl).host,
    (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: '' }),
  );
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/taskpane.html`);
  return { page, errors };
}

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** Waits until the button can be pressed again (a trial click checks it is enabled, without clicking). */
async function enabled(locator: Locator): Promise<void> {
  await locator.click({ trial: true, timeout: 15_000 });
}

type FileSpec = string | { name: string; mimeType: string; buffer: Buffer };

/** "Nhập biểu đã nhận" → the file chooser → the files; resolves once the pane says they are in. */
async function importFiles(page: Page, files: FileSpec[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: STEP_MS }), button(page, BUTTON.import).click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files as Parameters<typeof chooser.setFiles>[0]);
  await page.getByText(new RegExp(`Đã nhập ${files.length} biểu`)).first().waitFor({ timeout: STEP_MS });
}

async function download(page: Page, name: string, dir: string): Promise<{ file: Download; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), button(page, name).click()]);
  const saved = path.join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  return { file, bytes: new Uint8Array(readFileSync(saved)) };
}

/**
 * The report preview once the one-click run has drafted the report. A step that fails shows an
 * error bar ("Không thực hiện được …"): then this fails at once with what the pane says.
 */
async function reportPreview(page: Page): Promise<Locator> {
  const preview = page.getByRole('region', { name: 'Xem trước báo cáo' });
  const failure = page.getByText('Không thực hiện được').first();
  await preview.or(failure).first().waitFor({ timeout: STEP_MS });
  if (!(await preview.isVisible())) {
    throw new Error(`no report preview; the pane says: ${await failure.locator('xpath=..').innerText()}`);
  }
  return preview;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true }).catch(() => undefined);
}

describe('the task pane in Chromium (browser mode)', () => {
  it('imports the 18 sample returns, checks, totals and drafts in one click, and downloads the right files', async () => {
    const { page, errors } = await openPane();
    try {
      await importFiles(page, samplePaths());
      await button(page, BUTTON.all).click();
      const preview = await reportPreview(page);
      const previewText = await preview.innerText();
      for (const phrase of ['37.090 hội viên', '898,3 triệu đồng', '7.514 suất quà']) expect(previewText).toContain(phrase);
      expect(await page.locator('body').innerText()).toContain('Đã tổng hợp 18/18 đơn vị.');
      await enabled(button(page, BUTTON.all));

      const downloads = mkdtempSync(path.join(work, 'downloads-'));
      const xlsx = await download(page, BUTTON.xlsx, downloads);
      expect(xlsx.file.suggestedFilename()).toBe('tong-hop.xlsx');
      const totals = await consolidatedTotals(xlsx.bytes);
      // The seed report's figures, e.g. 08 = 37.090 members, 11 = 62.950, 23 = 898,3 million đồng.
      expect({ '08': totals['08'], '11': totals['11'], '21': totals['21'], '23': totals['23'], '33': totals['33'] })
        .toEqual({ '08': 37090, '11': 62950, '21': 78995, '23': 898.3, '33': 2904.5 });
      expect(totals).toEqual(CURRENT_TOTALS);

      const docx = await download(page, BUTTON.docx, downloads);
      expect(docx.file.suggestedFilename()).toBe('bao-cao.docx');
      const text = await docxText(docx.bytes);
      for (const phrase of REPORT_PHRASES) expect(text).toContain(phrase);
      expect(text).not.toContain('chưa báo cáo');
      expect(errors).toEqual([]);
    } finally {
      await screenshot(page, 'a-18-bieu-mau.png');
    }
  }, 240_000);

  it('names the district and the indicator of a return holding a negative count', async () => {
    const { page, errors } = await openPane();
    try {
      const bad = Buffer.from(await alteredReturn('que-son.xlsx', '07', -5));
      // Playwright takes either paths or buffers in one call, not both.
      const good = readFileSync(samplePaths().find((p) => p.endsWith('tam-ky.xlsx'))!);
      await importFiles(page, [
        { name: 'tam-ky.xlsx', mimeType: XLSX_MIME, buffer: good },
        { name: 'que-son.xlsx', mimeType: XLSX_MIME, buffer: bad },
      ]);
      await button(page, BUTTON.all).click();
      const message = page.getByText(/Số âm -5/).first();
      // The findings may be grouped by unit, the groups closed: open Quế Sơn's as a user would.
      const group = page.getByRole('button', { name: /^Quế Sơn\b/ }).first();
      await message.or(group).first().waitFor({ timeout: STEP_MS });
      if (!(await message.isVisible())) await group.click();
      await message.waitFor({ timeout: STEP_MS });
      // The finding (with whatever groups it on screen) names Quế Sơn and indicator 07, and not the other unit.
      const around = await message.evaluate((el) => {
        // The DOM's own types are not in this project's lib: the two properties used, structurally.
        type Node = { innerText?: string; parentElement: Node | null };
        let node = el as unknown as Node | null;
        while (node && !(node.innerText ?? '').includes('Quế Sơn')) node = node.parentElement;
        return node?.innerText ?? '';
      });
      expect(around).toContain('Quế Sơn');
      expect(around).not.toContain('Tam Kỳ');
      expect(around).toMatch(/\b07\b|Hội viên kết nạp mới/);
      expect(await page.locator('body').innerText()).toContain('Có lỗi, chưa tính: Quế Sơn.');
      // The one-click run goes on to the report (of Tam Kỳ alone) and then gives the buttons back.
      await reportPreview(page);
      await enabled(button(page, BUTTON.all));
      expect(errors).toEqual([]);
    } finally {
      await screenshot(page, 'b-so-am-que-son.png');
    }
  }, 240_000);
});

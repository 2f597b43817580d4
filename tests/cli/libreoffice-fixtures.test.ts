/**
 * Returns written by LibreOffice Calc (tests/fixtures, see its README): read through the CLI
 * like any other return, with the values of the original and the warnings a clerk's edits call for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { openReturn } from '../../src/cli/files';
import { readForm } from '../../src/core/form/form-reader';
import { defaultTemplate } from '../../src/core/template/default-template';
import { defaultUnits } from '../../src/core/units/unit-list';
import {
  FIXTURE_DIR, ROOT, fixture, folderHashes, parseWholeJson, readWorkbook, removeTempDirs, runCli, sampleFile,
  sampleFiles, tempDir, totalsSheet, type JsonReport, type TotalsSheet,
} from './cli-support';

interface ExpectedFinding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  code: string | null;
  cell: string | null;
  messageIncludes: string[];
}

interface Sidecar {
  fixture: string;
  source: string;
  unit: string;
  alterations: { what: string; code?: string; original?: number; typed?: string; finalCell?: string }[];
  expectedValues: Record<string, number>;
  expectedCells: Record<string, string>;
  expectedErrors: number;
  expectedFindings: ExpectedFinding[];
  totalChange: Record<string, number>;
  otherReturns: string[];
  expectedTotals: Record<string, number>;
}

const sidecar: Sidecar = JSON.parse(readFileSync(fixture('lo-dien-ban-altered.expected.json'), 'utf8'));

async function consolidated(files: string[], label: string): Promise<{ code: number; totals: TotalsSheet; out: string }> {
  const out = path.join(await tempDir(label), 'tong-hop.xlsx');
  const run = await runCli(['consolidate', ...files, '--out', out]);
  return { code: run.code, out: run.out, totals: totalsSheet(await readWorkbook(out)) };
}

/** The <Application> that wrote an .xlsx, from docProps/app.xml. */
async function applicationOf(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file('docProps/app.xml')?.async('string')) ?? '';
  return /<Application>([^<]*)<\/Application>/.exec(xml)?.[1] ?? '';
}

function unitColumn(t: TotalsSheet, unit: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(t.rows).map(([code, row]) => [code, row.byHeader[unit]]));
}

let fixturesBefore: Record<string, string>;
beforeAll(async () => {
  fixturesBefore = await folderHashes(FIXTURE_DIR);
});
afterAll(async () => {
  // Reading and consolidating never writes beside the inputs.
  expect(await folderHashes(FIXTURE_DIR)).toEqual(fixturesBefore);
  await removeTempDirs();
});

describe('lo-hoi-an.xlsx: the Hội An return re-saved by LibreOffice', () => {
  it('is a LibreOffice file, not the ExcelJS original', async () => {
    for (const name of ['lo-hoi-an.xlsx', 'lo-dien-ban-altered.xlsx']) {
      expect(await applicationOf(fixture(name))).toMatch(/^LibreOffice/);
    }
    expect(await applicationOf(sampleFile('hoi-an.xlsx'))).not.toMatch(/LibreOffice/);
  });

  it('validates with no error or warning, as Hội An of the right period', async () => {
    const run = await runCli(['validate', '--json', '--period', '6 tháng đầu năm 2024', fixture('lo-hoi-an.xlsx')]);
    expect(run.code).toBe(0);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.units).toEqual([expect.objectContaining({ unit: 'Hội An', status: 'ok' })]);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('gives the same value for every code as the original return', async () => {
    const lo = await consolidated([fixture('lo-hoi-an.xlsx')], 'lo-hoi-an');
    const original = await consolidated([sampleFile('hoi-an.xlsx')], 'hoi-an');
    expect(lo.code).toBe(0);
    const values = unitColumn(lo.totals, 'Hội An');
    expect(Object.keys(values)).toHaveLength(40);
    expect(Object.values(values).every((v) => typeof v === 'number')).toBe(true);
    expect(values).toEqual(unitColumn(original.totals, 'Hội An'));
  });
});

describe('lo-dien-ban-altered.xlsx: the Điện Bàn return edited like a clerk, saved by LibreOffice', () => {
  let report: JsonReport;

  beforeAll(async () => {
    const run = await runCli(['validate', '--json', fixture('lo-dien-ban-altered.xlsx')]);
    report = parseWholeJson<JsonReport>(run.out);
    expect(run.code).toBe(sidecar.expectedErrors === 0 ? 0 : 1);
  });

  it('has a sidecar that describes every alteration and 40 expected values', () => {
    expect(sidecar.unit).toBe('Điện Bàn');
    expect(sidecar.alterations.map((a) => a.what)).toEqual(expect.arrayContaining([
      'rows-inserted', 'text-number', 'row-moved', 'value-blanked', 'row-hidden',
    ]));
    expect(Object.keys(sidecar.expectedValues)).toHaveLength(40);
    expect(sidecar.otherReturns).toHaveLength(17);
  });

  it('is read as Điện Bàn with the expected number of errors', () => {
    expect(report.units).toEqual([expect.objectContaining({ unit: sidecar.unit })]);
    expect(report.issues.filter((i) => i.severity === 'error')).toHaveLength(sidecar.expectedErrors);
  });

  it.each(sidecar.expectedFindings.map((f) => [`${f.severity} ${f.rule}${f.code ? ` on ${f.code}` : ''}`, f]))(
    'reports %s, naming what it found',
    (_label, expected) => {
      const f = expected as ExpectedFinding;
      const hit = report.issues.find((i) => i.rule === f.rule && i.code === f.code && i.severity === f.severity);
      expect(hit).toBeDefined();
      expect(hit!.cell).toBe(f.cell);
      expect(hit!.unit).toBe(sidecar.unit);
      for (const part of f.messageIncludes) expect(hit!.message).toContain(part);
    },
  );

  it('shows each number typed as text, and what it was read as', () => {
    const typed = sidecar.alterations.filter((a) => a.what === 'text-number');
    expect(typed).toHaveLength(2);
    for (const a of typed) {
      const hit = report.issues.find((i) => i.rule === 'text-number' && i.code === a.code)!;
      expect(hit.severity).toBe('warning');
      expect(hit.message).toContain(`"${a.typed}"`);
      expect(hit.cell).toBe(a.finalCell);
    }
  });

  it('reports nothing beyond what the sidecar expects (the moved row and the note rows are silent)', () => {
    const expectedKeys = sidecar.expectedFindings.map((f) => `${f.severity}/${f.rule}/${f.code}`).sort();
    expect(report.issues.map((i) => `${i.severity}/${i.rule}/${i.code}`).sort()).toEqual(expectedKeys);
  });

  it('reads the expected value for every code', async () => {
    const { totals } = await consolidated([fixture('lo-dien-ban-altered.xlsx')], 'dien-ban-alone');
    expect(unitColumn(totals, sidecar.unit)).toEqual(sidecar.expectedValues);
  });

  it('finds every indicator in the cell the sidecar names (rows moved by the edits)', async () => {
    const input = await openReturn(fixture('lo-dien-ban-altered.xlsx'));
    if (!('workbook' in input)) throw new Error(`not readable: ${input.failure}`);
    const reading = readForm(input.workbook, defaultTemplate());
    expect(reading.cells).toEqual(sidecar.expectedCells);
    expect(reading.values).toEqual(sidecar.expectedValues);
  });

  it('with the 17 other sample returns, changes the provincial total exactly as the sidecar says', async () => {
    const others = sidecar.otherReturns.map((p) => path.join(ROOT, p));
    expect(others.map((p) => path.basename(p))).toEqual(
      sampleFiles().map((p) => path.basename(p)).filter((n) => n !== path.basename(sidecar.source)));
    const altered = await consolidated([...others, fixture('lo-dien-ban-altered.xlsx')], 'altered');
    const original = await consolidated(sampleFiles(), 'original');
    expect(altered.code).toBe(sidecar.expectedErrors === 0 ? 0 : 1);
    expect(altered.out).toContain(`Đã tổng hợp ${defaultUnits().length}/${defaultUnits().length} đơn vị.`);
    for (const [code, row] of Object.entries(altered.totals.rows)) {
      expect(row.total).toBeCloseTo(sidecar.expectedTotals[code], 9);
      const change = Number(row.total) - Number(original.totals.rows[code].total);
      expect(change).toBeCloseTo(sidecar.totalChange[code] ?? 0, 9);
    }
    expect(Object.keys(sidecar.totalChange).length).toBeGreaterThan(0);
  });
});

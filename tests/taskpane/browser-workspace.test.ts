/**
 * @jest-environment node
 *
 * The browser workspace on the real sample returns: import, check, consolidate, report and the
 * blank forms, as the task pane drives them in a plain browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { CURRENT_TOTALS } from '../../scripts/sample/figures';
import { runJob } from '../../src/core/job';
import { defaultTemplate } from '../../src/core/template/default-template';
import { defaultUnits } from '../../src/core/units/unit-list';
import { returnFromBytes } from '../../src/workbook/open-return';
import { BrowserWorkspace } from '../../src/taskpane/workspace/browser-workspace';
import { formFileName, resolveSetup, unitOfReturn } from '../../src/taskpane/workspace/pane-engine';
import { WorkspaceError, type PickedFile, type ProgressInfo } from '../../src/taskpane/workspace/workspace';
import { alteredReturn, consolidatedTotals, docxText, REPORT_PHRASES, ROOT, samplePaths } from '../e2e/sample-support';

const UNITS = defaultUnits();

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, read: async () => bytes };
}

function samples(): PickedFile[] {
  return samplePaths().map((p) => picked(path.basename(p), new Uint8Array(readFileSync(p))));
}

/** A workspace holding the given files, all imported (consenting to every replacement). */
async function withImported(files: PickedFile[]): Promise<BrowserWorkspace> {
  const ws = new BrowserWorkspace();
  const plan = await ws.planImport(files);
  await ws.importReturns(plan, files, new Set(files.map((f) => f.name)));
  return ws;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('BrowserWorkspace: setup', () => {
  it('uses the built-in template, units and report, and keeps the period set in the pane', async () => {
    const ws = new BrowserWorkspace();
    expect(ws.mode).toBe('browser');
    const info = await ws.loadSetup();
    expect(info).toMatchObject({
      templateSource: 'built-in', unitSource: 'built-in', reportSource: 'built-in', indicatorCount: 40, problems: [], period: '',
    });
    expect(info.units).toEqual(UNITS);
    ws.setPeriod('6 tháng đầu năm 2024');
    expect((await ws.loadSetup()).period).toBe('6 tháng đầu năm 2024');
    const choices = await ws.chartChoices();
    expect(choices).toHaveLength(40);
    expect(choices[7]).toEqual({ code: '08', name: 'Tổng số hội viên cuối kỳ' });
  });

  it('offers the template sheets as one workbook to download', async () => {
    const result = await new BrowserWorkspace().insertTemplateSheets();
    expect(result.written).toEqual([]);
    expect(result.existing).toEqual([]);
    expect(result.download?.name).toMatch(/\.xlsx$/);
    const names = Object.keys(unzipSync(result.download!.bytes)).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(names).toHaveLength(3);
  });

  it('zips one blank form per unit, each recognised as its unit\'s', async () => {
    const ws = new BrowserWorkspace();
    ws.setPeriod('6 tháng đầu năm 2024');
    const progress: ProgressInfo[] = [];
    const zip = await ws.blankForms((p) => progress.push(p));
    expect(zip.name).toMatch(/\.zip$/);
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(UNITS.map(formFileName).sort());
    expect(Object.keys(files).every((n) => n.endsWith('.xlsx'))).toBe(true);
    const setup = resolveSetup({}, '');
    const name = formFileName('Điện Bàn');
    expect(unitOfReturn(await returnFromBytes(name, files[name]), setup)).toBe('Điện Bàn');
    expect(progress.filter((p) => p.done < p.total).map((p) => p.label)).toEqual(UNITS.map((u) => `Đang tạo biểu: ${u}`));
  }, 60_000);
});

describe('BrowserWorkspace: the 18 sample returns', () => {
  it('plans one slot per unit, imports them all, and checks them with no error', async () => {
    const ws = new BrowserWorkspace();
    const files = samples();
    const plan = await ws.planImport(files);
    expect(plan).toHaveLength(18);
    expect(plan.every((p) => p.failure === null && !p.replaces && p.unit !== null)).toBe(true);
    expect(plan.find((p) => p.file === 'dien-ban.xlsx')).toEqual({
      file: 'dien-ban.xlsx', unit: 'Điện Bàn', sheet: 'Điện Bàn', replaces: false, failure: null,
    });
    expect(new Set(plan.map((p) => p.unit))).toEqual(new Set(UNITS));

    const importProgress: ProgressInfo[] = [];
    const outcome = await ws.importReturns(plan, files, new Set(), (p) => importProgress.push(p));
    expect(outcome.imported).toHaveLength(18);
    expect(outcome.kept).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(importProgress.filter((p) => p.done < p.total)).toHaveLength(18);

    const checkProgress: ProgressInfo[] = [];
    const checked = await ws.check((p) => checkProgress.push(p));
    expect(checked.errors).toBe(0);
    expect(checked.coverage).toBe('Đã tổng hợp 18/18 đơn vị.');
    expect(checked.roster.map((r) => r.unit)).toEqual(UNITS);
    expect(checked.roster.every((r) => r.state === 'received' && r.errors === 0)).toBe(true);
    expect(checked.roster.find((r) => r.unit === 'Tam Kỳ')?.source).toBe('tam-ky.xlsx');
    expect(checked.groups.flatMap((g) => g.findings).every((f) => !f.selectable)).toBe(true);
    // One step per file, labelled with it.
    expect(checkProgress.filter((p) => p.label.startsWith('Đang kiểm tra: ')).map((p) => p.done)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('totals the sample as the CLI does: the report\'s figures, in the downloaded workbook', async () => {
    const files = samples();
    const ws = await withImported(files);
    const consolidated = await ws.consolidate({ chartCode: '08' });
    expect(consolidated).toEqual({ coverage: 'Đã tổng hợp 18/18 đơn vị.', sheetsWritten: [], chart: false });

    const download = await ws.consolidationFile();
    expect(download.name).toBe('tong-hop.xlsx');
    const totals = await consolidatedTotals(download.bytes);
    expect(Object.keys(totals).sort()).toEqual(Object.keys(CURRENT_TOTALS).sort());
    for (const [code, value] of Object.entries(CURRENT_TOTALS)) expect([code, totals[code]]).toEqual([code, value]);

    // And the same as the CLI's engine on the same inputs.
    const inputs = await Promise.all(files.map(async (f) => returnFromBytes(f.name, await f.read())));
    const cli = runJob(defaultTemplate(), inputs, { units: UNITS, period: null });
    expect(cli.consolidation.totals).toEqual(CURRENT_TOTALS);
    expect((await ws.check()).result.consolidation.totals).toEqual(cli.consolidation.totals);
  });

  it('drafts the report as a real .docx with the sample\'s figures', async () => {
    const ws = await withImported(samples());
    await ws.consolidate({ chartCode: null });
    const report = await ws.draftReport();
    expect(report.docx.name).toBe('bao-cao.docx');
    expect(report.docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = await docxText(report.docx.bytes);
    for (const phrase of REPORT_PHRASES) expect(text).toContain(phrase);
    expect(text).toContain('BÁO CÁO');
    expect(text).not.toContain('chưa báo cáo');
    expect(report.text).toContain('37.090 hội viên');
    expect(report.html).toContain('898,3 triệu đồng');
  });
});

describe('BrowserWorkspace: importing again and bad files', () => {
  it('asks before replacing a unit\'s return and keeps the old one without consent', async () => {
    const ws = await withImported(samples());
    const again = [picked('tam-ky-gui-lai.xlsx', new Uint8Array(readFileSync(samplePaths().find((p) => p.endsWith('tam-ky.xlsx'))!)))];
    const plan = await ws.planImport(again);
    expect(plan).toEqual([{ file: 'tam-ky-gui-lai.xlsx', unit: 'Tam Kỳ', sheet: 'Tam Kỳ', replaces: true, failure: null }]);

    const refused = await ws.importReturns(plan, again, new Set());
    expect(refused).toEqual({ imported: [], kept: [{ file: 'tam-ky-gui-lai.xlsx', sheet: 'Tam Kỳ' }], failed: [] });
    let checked = await ws.check();
    expect(checked.roster.find((r) => r.unit === 'Tam Kỳ')?.source).toBe('tam-ky.xlsx');
    expect(checked.result.validation.returns).toHaveLength(18);

    const agreed = await ws.importReturns(plan, again, new Set(['tam-ky-gui-lai.xlsx']));
    expect(agreed.imported).toEqual([{ file: 'tam-ky-gui-lai.xlsx', unit: 'Tam Kỳ', sheet: 'Tam Kỳ' }]);
    checked = await ws.check();
    expect(checked.roster.find((r) => r.unit === 'Tam Kỳ')?.source).toBe('tam-ky-gui-lai.xlsx');
    expect(checked.result.validation.returns).toHaveLength(18);
    expect(checked.errors).toBe(0);
  });

  it('lists an unreadable file and a .txt with their reasons and does not keep them', async () => {
    const ws = new BrowserWorkspace();
    const truncated = new Uint8Array(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'truncated.xlsx')));
    const files = [
      ...samples().slice(0, 2),
      picked('hong.xlsx', truncated),
      picked('ghi-chu.txt', new TextEncoder().encode('Kính gửi Hội CCB tỉnh')),
      { name: 'mat.xlsx', read: () => Promise.reject(new Error('NotReadableError')) },
    ];
    const plan = await ws.planImport(files);
    expect(plan.slice(2).map((p) => [p.file, p.unit, p.replaces])).toEqual([
      ['hong.xlsx', null, false], ['ghi-chu.txt', null, false], ['mat.xlsx', null, false],
    ]);
    const outcome = await ws.importReturns(plan, files, new Set());
    expect(outcome.imported.map((i) => i.file)).toEqual(['bac-tra-my.xlsx', 'dai-loc.xlsx']);
    expect(outcome.failed.map((f) => f.file)).toEqual(['hong.xlsx', 'ghi-chu.txt', 'mat.xlsx']);
    const reasons = Object.fromEntries(outcome.failed.map((f) => [f.file, f.reason]));
    expect(reasons['hong.xlsx']).toMatch(/^Không đọc được tệp \.xlsx \(tệp có thể bị hỏng\)/);
    expect(reasons['ghi-chu.txt']).toBe('Tệp không phải sổ làm việc Excel (.xlsx).');
    expect(reasons['mat.xlsx']).toContain('NotReadableError');

    const checked = await ws.check();
    expect(checked.result.validation.returns.map((r) => r.file)).toEqual(['bac-tra-my.xlsx', 'dai-loc.xlsx']);
    expect(checked.coverage).toMatch(/^Đã tổng hợp 2\/18 đơn vị\. Chưa nhận: Tam Kỳ, Hội An, /);
    expect(checked.errors).toBe(0);
  });

  it('reports a negative count as an error naming the unit and the indicator, and leaves the unit out', async () => {
    const bad = await alteredReturn('que-son.xlsx', '07', -5);
    const ws = await withImported(samples().map((f) => (f.name === 'que-son.xlsx' ? picked('que-son.xlsx', bad) : f)));
    const checked = await ws.check();
    expect(checked.errors).toBe(1);
    const errors = checked.groups.flatMap((g) => g.findings).filter((f) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({
      severity: 'error', severityText: 'Lỗi', unit: 'Quế Sơn', code: '07', indicator: 'Hội viên kết nạp mới', selectable: false,
    })]);
    expect(errors[0].message).toContain('Số âm');
    expect(checked.groups.find((g) => g.findings.includes(errors[0]))?.unit).toBe('Quế Sơn');
    expect(checked.roster.find((r) => r.unit === 'Quế Sơn')).toMatchObject({ errors: 1, source: 'que-son.xlsx' });
    expect(checked.coverage).toBe('Đã tổng hợp 17/18 đơn vị. Có lỗi, chưa tính: Quế Sơn.');
  });

  it('treats a second return for the same unit in one batch as a replacement, asked like any other', async () => {
    const ws = new BrowserWorkspace();
    const [first] = samples();
    const files = [first, picked('bac-tra-my-ban-2.xlsx', await first.read())];
    const plan = await ws.planImport(files);
    expect(plan.map((p) => [p.file, p.sheet, p.replaces])).toEqual([
      ['bac-tra-my.xlsx', 'Bắc Trà My', false], ['bac-tra-my-ban-2.xlsx', 'Bắc Trà My', true],
    ]);
    const outcome = await ws.importReturns(plan, files, new Set());
    expect(outcome.imported.map((i) => i.file)).toEqual(['bac-tra-my.xlsx']);
    expect(outcome.kept).toEqual([{ file: 'bac-tra-my-ban-2.xlsx', sheet: 'Bắc Trà My' }]);
  });
});

describe('BrowserWorkspace: what to do when a step comes too early', () => {
  it('says to import returns first, and to consolidate before downloading or drafting', async () => {
    const ws = new BrowserWorkspace();
    const noReturns = await rejection(ws.check());
    expect(noReturns).toBeInstanceOf(WorkspaceError);
    expect((noReturns as Error).message).toBe('Chưa nhập biểu nào: hãy bấm "Nhập biểu đã nhận" trước.');
    expect(await rejection(ws.consolidate({ chartCode: null }))).toBeInstanceOf(WorkspaceError);

    const loaded = await withImported(samples().slice(0, 3));
    const noFile = await rejection(loaded.consolidationFile());
    expect(noFile).toBeInstanceOf(WorkspaceError);
    expect((noFile as Error).message).toContain('"Tổng hợp"');
    expect(await rejection(loaded.draftReport())).toBeInstanceOf(WorkspaceError);
    await loaded.consolidate({ chartCode: null });
    await expect(loaded.consolidationFile()).resolves.toMatchObject({ name: 'tong-hop.xlsx' });
    // Importing changes the returns: the old consolidation is gone.
    const more = samples().slice(3, 4);
    await loaded.importReturns(await loaded.planImport(more), more, new Set());
    expect(await rejection(loaded.consolidationFile())).toBeInstanceOf(WorkspaceError);
  });

  it('checks against the period set in the pane', async () => {
    const ws = await withImported(samples().slice(0, 2));
    ws.setPeriod('Năm 2024');
    const checked = await ws.check();
    expect(checked.errors).toBe(2);
    expect(checked.groups.flatMap((g) => g.findings).filter((f) => f.severity === 'error').map((f) => f.unit)).toEqual(
      ['Đại Lộc', 'Bắc Trà My']);
    ws.setPeriod('6 tháng đầu năm 2024');
    expect((await ws.check()).errors).toBe(0);
  });
});

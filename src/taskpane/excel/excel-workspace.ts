/**
 * The task pane's workspace inside Excel: returns become sheets of the open workbook (one per unit),
 * the check highlights faulty cells where they are, and the consolidation is written as sheets whose
 * unit cells read the unit sheets.
 *
 * Every call runs in one `run` (Excel.run in the pane, a fake in tests) with a fixed number of
 * syncs whatever the number of unit sheets: loadSetup 2, planImport 2, importReturns 3, check 4
 * (3 on ExcelApi 1.1), selectCell 1, consolidate 2. importReturns takes more only when a batch needs
 * it: one per further 4 MB of inserted files, one when Excel refuses an insert (see import-batch.ts). Anything newer than ExcelApi 1.1 is used only when
 * `supports` says so (see OFFICE_FALLBACKS). Office errors reach the pane as WorkspaceError with a
 * Vietnamese sentence saying what to do.
 */
import { consolidationSheets } from '../../core/consolidate/consolidation-sheets';
import { CONSOLIDATION_SHEET_NAME } from '../../core/consolidate/sheet-names';
import { readForm } from '../../core/form/form-reader';
import {
  IMPORT_REGISTER_SHEET, registerSheet, sameSheetName, withExistingSheets, type ImportRegister,
} from '../../core/form/import-register';
import type { SheetSnapshot } from '../../core/grid/sheet';
import { runJob, type JobResult } from '../../core/job';
import { cellMarks } from '../../core/validate/cell-marks';
import type { ReturnInput } from '../../core/validate/return-input';
import type { SupportsFn } from '../../workbook/office/addresses';
import { queueHighlights } from '../../workbook/office/cell-highlights';
import type { ExcelContextLike, WorksheetLike } from '../../workbook/office/excel-shapes';
import { queueSheetWrites } from '../../workbook/office/sheet-writes';
import { queueSheetList } from '../../workbook/office-workbook';
import { returnFromBytes } from '../../workbook/open-return';
import {
  blankFormsZip, checkOutcome, consolidationDownload, importFailure, reportOutcome, resolveSetup, sheetNameFor,
  sheetNameForFile, templateSheetSpecs, unitOfReturn, type Setup,
} from '../workspace/pane-engine';
import {
  WorkspaceError, type CheckOutcome, type ConsolidateOptions, type ConsolidateOutcome, type Download, type ImportOutcome,
  type ImportPlanItem, type OnProgress, type PickedFile, type ReportOutcome, type SetupInfo, type Workspace,
} from '../workspace/workspace';
import { chartPlan, queueChart } from './chart-sheet';
import { guarded } from './excel-errors';
import { writeImports, type PreparedReturn } from './import-batch';
import { insertPayload } from './insert-payload';
import { MARKS_SHEET, marksSheet } from './mark-register';
import { CHART_SHEET, nameKey, reservedKeys, uniqueSheetName } from './sheet-names';
import { unitCellLinks } from './unit-links';
import { pickUnitSheets, returnInputs } from './unit-sheets';
import { readForCheck, readSetup, sheetDirectory } from './workbook-reads';

export type { ExcelContextLike } from '../../workbook/office/excel-shapes';
export type { SupportsFn } from '../../workbook/office/addresses';

/** Excel.run's shape: runs `fn` with a request context and settles with its result. */
export type ExcelRun = <T>(fn: (context: ExcelContextLike) => Promise<T>) => Promise<T>;

export const NO_UNIT_SHEETS_MESSAGE = 'Sổ làm việc chưa có trang biểu nào của đơn vị: hãy bấm "Nhập biểu đã nhận" trước.';
export const NOT_CONSOLIDATED_MESSAGE = 'Chưa có bảng tổng hợp: hãy bấm "Tổng hợp" trước.';

/** A check's result with what consolidate needs to link "Tổng hợp" to the unit sheets. */
interface CheckState {
  setup: Setup;
  result: JobResult;
  /** Unit sheets as read, by exact sheet name. */
  snapshots: Map<string, SheetSnapshot>;
  outcome: CheckOutcome;
}

interface Opened {
  bytes: Uint8Array | null;
  input: ReturnInput | null;
  failure: string | null;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The period most registered returns name (used until one is set in the pane). */
function commonPeriod(register: ImportRegister): string | null {
  const counts = new Map<string, number>();
  for (const r of register.records) if (r.meta?.period) counts.set(r.meta.period, (counts.get(r.meta.period) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export class ExcelWorkspace implements Workspace {
  readonly mode = 'excel' as const;
  /** Null until known: set in the pane, else read from the import register. */
  private period: string | null = null;
  /** Set in the pane and not yet stored in the workbook's register. */
  private periodUnsaved = false;
  private setup: Setup | null = null;
  private lastCheck: CheckState | null = null;
  private consolidated: CheckState | null = null;
  private readonly opened = new WeakMap<PickedFile, Opened>();

  constructor(
    private readonly run: ExcelRun,
    private readonly supports: SupportsFn,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private readonly has = (version: string): boolean => version === '1.1' || this.supports(version);

  private excel<T>(fn: (context: ExcelContextLike) => Promise<T>): Promise<T> {
    return guarded(() => this.run(fn));
  }

  private periodFor(register: ImportRegister): string {
    return this.period ?? register.period ?? commonPeriod(register) ?? '';
  }

  async loadSetup(): Promise<SetupInfo> {
    const read = await this.excel((context) => readSetup(context, this.has));
    this.period = this.periodFor(read.register);
    this.setup = resolveSetup(read.setupSheets, this.period);
    return this.setup.info;
  }

  setPeriod(period: string): void {
    const next = period.trim();
    if (next === this.period) return;
    this.period = next;
    this.periodUnsaved = true;
    if (this.setup) this.setup = { ...this.setup, info: { ...this.setup.info, period: next } };
    this.invalidate();
  }

  private async currentSetup(): Promise<Setup> {
    if (!this.setup) await this.loadSetup();
    return this.setup!;
  }

  async insertTemplateSheets(): Promise<{ written: string[]; existing: string[]; download: Download | null }> {
    const specs = templateSheetSpecs(await this.currentSetup());
    return this.excel(async (context) => {
      const list = queueSheetList(context);
      await context.sync();
      const directory = sheetDirectory(list());
      const missing = specs.filter((s) => !directory.exactName(s.name));
      if (missing.length) {
        queueSheetWrites(context, this.has, missing, new Map());
        await context.sync();
      }
      return {
        written: missing.map((s) => s.name),
        existing: specs.filter((s) => directory.exactName(s.name)).map((s) => s.name),
        download: null,
      };
    });
  }

  async blankForms(onProgress?: OnProgress): Promise<Download> {
    return blankFormsZip(await this.currentSetup(), this.period ?? '', onProgress);
  }

  async planImport(files: readonly PickedFile[]): Promise<ImportPlanItem[]> {
    const setup = await this.currentSetup();
    const { directory, register } = await this.excel((context) => readSetup(context, this.has));
    const reserved = reservedKeys();
    /** Sheet names (any case) taken now or by the plan's earlier items. */
    const taken = new Set(directory.listed.map((s) => s.info.name));
    const takenKeys = () => new Set([...taken].map(nameKey));
    const plan: ImportPlanItem[] = [];
    for (const picked of files) {
      const opened = await this.open(picked);
      if (opened.failure !== null || !opened.input) {
        plan.push({ file: picked.name, unit: null, sheet: '', replaces: false, failure: opened.failure });
        continue;
      }
      const unit = unitOfReturn(opened.input, setup);
      // A file of no known unit imported before goes back to its sheet (so the user is asked before it is replaced).
      const before = unit ? undefined : register.records.find((r) => r.unit === null && sameSheetName(r.file, picked.name) && directory.get(r.sheet));
      let sheet = unit ? sheetNameFor(unit) : before?.sheet ?? sheetNameForFile(picked.name, new Set([...taken, ...reservedNames()]));
      if (reserved.has(nameKey(sheet))) sheet = uniqueSheetName(sheet, new Set([...takenKeys(), ...reserved]));
      plan.push({ file: picked.name, unit, sheet, replaces: takenKeys().has(nameKey(sheet)), failure: null });
      taken.add(sheet);
    }
    return plan;
  }

  async importReturns(
    plan: readonly ImportPlanItem[],
    files: readonly PickedFile[],
    replace: ReadonlySet<string>,
    onProgress: OnProgress = () => undefined,
  ): Promise<ImportOutcome> {
    const setup = await this.currentSetup();
    const outcome: ImportOutcome = { imported: [], kept: [], failed: [] };
    const remaining = [...files];
    const prepared: PreparedReturn[] = [];
    for (const [i, item] of plan.entries()) {
      onProgress({ done: i, total: plan.length, label: `Đang đọc: ${item.file}` });
      // Same name, first unused: two picked files may share a name (from different folders).
      const at = remaining.findIndex((f) => f.name === item.file);
      const picked = at >= 0 ? remaining.splice(at, 1)[0] : undefined;
      if (item.failure !== null) {
        outcome.failed.push({ file: item.file, reason: item.failure });
        continue;
      }
      if (!picked) {
        outcome.failed.push({ file: item.file, reason: 'Không tìm thấy tệp này trong các tệp đã chọn; hãy chọn lại tệp.' });
        continue;
      }
      const opened = await this.open(picked);
      if (opened.failure !== null || !opened.input || !opened.bytes || !('workbook' in opened.input)) {
        outcome.failed.push({ file: item.file, reason: opened.failure ?? 'Không đọc được tệp.' });
        continue;
      }
      const book = opened.input.workbook;
      const sourceSheet = readForm(book, setup.template).sheet ?? book.sheets[0]?.name;
      const snapshot = book.sheets.find((s) => s.name === sourceSheet);
      if (!sourceSheet || !snapshot) {
        outcome.failed.push({ file: item.file, reason: 'Tệp không có trang tính nào để nhập.' });
        continue;
      }
      prepared.push({
        item, consent: replace.has(item.file), sourceSheet, meta: book.meta, snapshot,
        base64: this.has('1.13') ? insertPayload(opened.bytes, sourceSheet) : null,
      });
    }
    onProgress({ done: plan.length, total: plan.length, label: 'Đang ghi các biểu vào sổ làm việc…' });
    const written = await this.excel((context) => writeImports(context, this.has, prepared, {
      period: this.period || null, now: this.now().toISOString(),
    }));
    this.periodUnsaved = false;
    outcome.imported = written.imported.map((p) => ({ file: p.item.file, unit: p.item.unit, sheet: p.item.sheet }));
    outcome.kept = written.kept.map((p) => ({ file: p.item.file, sheet: p.item.sheet }));
    onProgress({ done: plan.length, total: plan.length, label: '' });
    if (outcome.imported.length) this.invalidate();
    return outcome;
  }

  async check(onProgress: OnProgress = () => undefined): Promise<CheckOutcome> {
    onProgress({ done: 0, total: 1, label: 'Đang đọc các trang tính…' });
    const state = await this.excel(async (context) => {
      const resolved: { setup?: Setup } = {};
      const read = await readForCheck(context, this.has, (s, candidates) => {
        const setup = resolveSetup(s.setupSheets, this.periodFor(s.register));
        resolved.setup = setup;
        return pickUnitSheets(candidates, s.register, setup.units, setup.template);
      });
      const current = resolved.setup!;
      this.setup = current;
      this.period = current.info.period;
      if (!read.unitSheets.length) throw new WorkspaceError(NO_UNIT_SHEETS_MESSAGE);

      const inputs = returnInputs(read.unitSheets, read.register);
      const result = runJob(current.template, inputs, {
        units: current.units,
        period: current.info.period || null,
        onProgress: (done, total, file) => onProgress({ done, total, label: `Đang kiểm tra: ${file}` }),
      });
      onProgress({ done: inputs.length, total: inputs.length, label: 'Đang tô màu các ô cần xem lại…' });

      // Highlights: the previous run's come off, this run's go on; protected sheets are left alone.
      const open = (sheet: string) => !read.protectedKeys.has(nameKey(sheet));
      const placed = queueHighlights(context, {
        sheetOf: (name) => read.directory.get(name),
        previous: read.marks.filter((m) => open(m.sheet)),
        next: cellMarks(result.findings).filter((m) => open(m.sheet)),
        comments: read.comments,
      });
      const stillMarked = read.marks.filter((m) => !open(m.sheet) && read.directory.get(m.sheet));
      const existing = new Map<string, WorksheetLike>();
      for (const name of [MARKS_SHEET, IMPORT_REGISTER_SHEET]) {
        const sheet = read.directory.get(name);
        if (sheet) existing.set(name, sheet);
      }
      const writes = [marksSheet([...placed, ...stillMarked])];
      const pruned = withExistingSheets(read.register, read.directory.listed.map((s) => s.info.name));
      if (this.periodUnsaved || pruned.records.length !== read.register.records.length) {
        writes.push(registerSheet({ ...pruned, period: this.period || pruned.period }));
      }
      queueSheetWrites(context, this.has, writes, existing);
      await context.sync();
      this.periodUnsaved = false;

      const sheetOfUnit = new Map<string, string>();
      result.validation.returns.forEach((r, i) => {
        if (r.unit && !sheetOfUnit.has(r.unit)) sheetOfUnit.set(r.unit, read.unitSheets[i].name);
      });
      const outcome = checkOutcome(result, {
        sourceOf: (unit) => sheetOfUnit.get(unit) ?? null,
        selectable: (f) => !!f.sheet && read.directory.get(f.sheet) !== undefined,
      });
      const snapshots = new Map(read.unitSheets.map((s) => [s.name, s]));
      return { setup: current, result, snapshots, outcome };
    });
    onProgress({ done: 1, total: 1, label: '' });
    this.lastCheck = state;
    this.consolidated = null;
    return state.outcome;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.excel(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async consolidate(options: ConsolidateOptions, onProgress: OnProgress = () => undefined): Promise<ConsolidateOutcome> {
    if (!this.lastCheck) await this.check(onProgress);
    const state = this.lastCheck!;
    const { consolidation, findings } = state.result;
    onProgress({ done: 0, total: 1, label: 'Đang ghi bảng tổng hợp…' });
    const specs = consolidationSheets(consolidation, findings, unitCellLinks(state.result, state.snapshots));
    const chart = options.chartCode ? chartPlan(state.result, specs[0], options.chartCode) : null;
    const all = chart ? [...specs, chart.spec] : specs;
    await this.excel(async (context) => {
      const list = queueSheetList(context);
      await context.sync();
      const directory = sheetDirectory(list());
      if (this.has('1.6')) context.application.suspendApiCalculationUntilNextSync();
      // "Biểu đồ" is rebuilt (clearing a sheet does not remove its chart). With comments (1.10),
      // "Tổng hợp" is rebuilt too: a cell can hold one comment, and the notes of the previous
      // consolidation would otherwise stay where they no longer apply.
      const rebuilt = [CHART_SHEET, ...(this.has('1.10') ? [CONSOLIDATION_SHEET_NAME] : [])];
      for (const name of rebuilt) directory.get(name)?.delete();
      const existing = new Map<string, WorksheetLike>();
      for (const spec of all) {
        const sheet = directory.get(spec.name);
        if (sheet && !rebuilt.some((r) => sameSheetName(r, spec.name))) existing.set(spec.name, sheet);
      }
      const sheets = queueSheetWrites(context, this.has, all, existing);
      if (chart) queueChart(sheets[sheets.length - 1], chart);
      sheets[0].activate();
      await context.sync();
    });
    onProgress({ done: 1, total: 1, label: '' });
    this.consolidated = state;
    return {
      coverage: state.outcome.coverage,
      sheetsWritten: all.filter((s) => s.visibility !== 'veryHidden').map((s) => s.name),
      chart: chart !== null,
    };
  }

  async consolidationFile(): Promise<Download> {
    if (!this.consolidated) throw new WorkspaceError(NOT_CONSOLIDATED_MESSAGE);
    return consolidationDownload(this.consolidated.result);
  }

  async draftReport(): Promise<ReportOutcome> {
    if (!this.consolidated) throw new WorkspaceError('Chưa có bảng tổng hợp để soạn báo cáo: hãy bấm "Tổng hợp" trước.');
    return reportOutcome(this.consolidated.result, this.consolidated.setup.reportTemplate);
  }

  async chartChoices(): Promise<{ code: string; name: string }[]> {
    return (await this.currentSetup()).template.indicators.map((i) => ({ code: i.code, name: i.name }));
  }

  /** Results made before the returns or the period changed no longer hold. */
  private invalidate(): void {
    this.lastCheck = null;
    this.consolidated = null;
  }

  /** Reads and opens a picked file once; a file that cannot be read gets a reason instead of throwing. */
  private async open(picked: PickedFile): Promise<Opened> {
    const known = this.opened.get(picked);
    if (known) return known;
    let opened: Opened;
    try {
      const bytes = await picked.read();
      const input = await returnFromBytes(picked.name, bytes);
      opened = { bytes, input, failure: importFailure(input) };
    } catch (e) {
      opened = { bytes: null, input: null, failure: `Không đọc được tệp (${errorText(e)}); hãy chọn lại tệp.` };
    }
    this.opened.set(picked, opened);
    return opened;
  }
}

function reservedNames(): string[] {
  return [...reservedKeys()];
}

interface OfficeGlobals {
  Excel?: { run?: (fn: (context: ExcelContextLike) => Promise<unknown>) => Promise<unknown> };
  Office?: { context?: { requirements?: { isSetSupported?: (name: string, version: string) => boolean } } };
}

/** The workspace over the real Excel.run and Office requirement sets, read from globalThis when called. */
export function createExcelWorkspace(): Workspace {
  const g = globalThis as unknown as OfficeGlobals;
  const run: ExcelRun = <T>(fn: (context: ExcelContextLike) => Promise<T>): Promise<T> => {
    const excel = g.Excel;
    if (!excel || typeof excel.run !== 'function') {
      return Promise.reject(new WorkspaceError('Không kết nối được với Excel. Hãy đóng rồi mở lại ngăn "Tổng hợp báo cáo".'));
    }
    return excel.run(fn) as Promise<T>;
  };
  const supports: SupportsFn = (version) => {
    try {
      return g.Office?.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;
    } catch {
      return false;
    }
  };
  return new ExcelWorkspace(run, supports);
}

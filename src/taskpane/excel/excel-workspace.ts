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
 * Vietnamese sentence saying what to do; other errors reach it as they are.
 *
 * The pane may call setPeriod while a step awaits Excel: a result computed before the period (or the
 * returns) changed is not kept (`generation`), and the period typed is never overwritten by one read
 * from the workbook.
 */
import { consolidationSheets } from '../../core/consolidate/consolidation-sheets';
import { CONSOLIDATION_SHEET_NAME } from '../../core/consolidate/sheet-names';
import { readForm } from '../../core/form/form-reader';
import {
  IMPORT_REGISTER_SHEET, isOwnOutput, registerSheet, sameSheetName, withExistingSheets, withOutputs, type ImportRegister,
} from '../../core/form/import-register';
import type { SheetSpec } from '../../core/grid/sheet-spec';
import type { SheetSnapshot } from '../../core/grid/sheet';
import { runJob, type JobResult } from '../../core/job';
import { cellMarks } from '../../core/validate/cell-marks';
import type { SupportsFn } from '../../workbook/office/addresses';
import { queueHighlights } from '../../workbook/office/cell-highlights';
import type { ExcelContextLike, WorksheetLike } from '../../workbook/office/excel-shapes';
import { queueSheetWrites } from '../../workbook/office/sheet-writes';
import { queueSheetList } from '../../workbook/office-workbook';
import {
  blankFormsZip, chartChoicesOf, checkOutcome, consolidationDownload, NOT_CONSOLIDATED_MESSAGE,
  NOT_CONSOLIDATED_REPORT_MESSAGE, openPicked, openPlanned, reportOutcome, resolveSetup, sheetNameFor, sheetNameForFile,
  templateSheetSpecs, unitOfReturn, type Opened, type Setup,
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
import { mayHoldReturn, pickUnitSheets, returnInputs } from './unit-sheets';
import { readForCheck, readSetup, sheetDirectory } from './workbook-reads';

export type { ExcelContextLike } from '../../workbook/office/excel-shapes';
export type { SupportsFn } from '../../workbook/office/addresses';

/** Excel.run's shape: runs `fn` with a request context and settles with its result. */
export type ExcelRun = <T>(fn: (context: ExcelContextLike) => Promise<T>) => Promise<T>;

export const NO_UNIT_SHEETS_MESSAGE = 'Sổ làm việc chưa có trang biểu nào của đơn vị: hãy bấm "Nhập biểu đã nhận" trước.';
export { NOT_CONSOLIDATED_MESSAGE };

/** A check's result with what consolidate needs to link "Tổng hợp" to the unit sheets. */
interface CheckState {
  setup: Setup;
  result: JobResult;
  /** Unit sheets as read, by exact sheet name. */
  snapshots: Map<string, SheetSnapshot>;
  outcome: CheckOutcome;
  /** The import register as the check left it (consolidate records its output sheets in it). */
  register: ImportRegister;
}

/** The period most registered returns name (used until one is set in the pane). */
function commonPeriod(register: ImportRegister): string | null {
  const counts = new Map<string, number>();
  for (const r of register.records) if (r.meta?.period) counts.set(r.meta.period, (counts.get(r.meta.period) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The name each output spec is written under: its own name when that sheet is free or the add-in
 * wrote it, else the first free "Tổng hợp (2)"… (a sheet of that name made by hand is left alone).
 */
function outputNames(specs: readonly SheetSpec[], listed: readonly string[], register: ImportRegister): Map<string, string> {
  const names = new Map<string, string>();
  const assigned = new Set<string>();
  for (const spec of specs) {
    let name = spec.name; // the add-in's very hidden sheets are its own whatever the register says
    if (spec.visibility !== 'veryHidden') {
      const notOurs = listed.filter((n) => !isOwnOutput(register, spec.name, n)).map(nameKey);
      name = uniqueSheetName(spec.name, new Set([...notOurs, ...assigned]));
    }
    names.set(spec.name, name);
    assigned.add(nameKey(name));
  }
  return names;
}

export class ExcelWorkspace implements Workspace {
  readonly mode = 'excel' as const;
  /** What the user typed in the pane; null until then (the register's period is used meanwhile). */
  private period: string | null = null;
  /** Set in the pane and not yet stored in the workbook's register. */
  private periodUnsaved = false;
  private setup: Setup | null = null;
  /** The setup read under way, shared by callers that start meanwhile. */
  private setupLoad: Promise<Setup> | null = null;
  private lastCheck: CheckState | null = null;
  private consolidated: CheckState | null = null;
  /** Bumped whenever results stop holding (period or returns changed): a result from before is not kept. */
  private generation = 0;
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

  /** The period in use: typed in the pane, else the register's, else the one most returns name; '' when none. */
  private periodFor(register: ImportRegister): string {
    return this.period || register.period || commonPeriod(register) || '';
  }

  /** Reads the setup again (a read already under way is shared, e.g. by the setup step and the chart choices at start-up). */
  async loadSetup(): Promise<SetupInfo> {
    return (await this.readSetupShared()).info;
  }

  private readSetupShared(): Promise<Setup> {
    if (!this.setupLoad) {
      const load: Promise<Setup> = this.excel((context) => readSetup(context, this.has)).then((read) => {
        this.setup = resolveSetup(read.setupSheets, this.periodFor(read.register));
        return this.setup;
      }).finally(() => {
        if (this.setupLoad === load) this.setupLoad = null;
      });
      this.setupLoad = load;
    }
    return this.setupLoad;
  }

  setPeriod(period: string): void {
    // Nothing typed is no period: the register's is used, as before anything was typed.
    const next = period.trim() || null;
    if (next === this.period) return;
    this.period = next;
    this.periodUnsaved = next !== null;
    if (this.setup) this.setup = { ...this.setup, info: { ...this.setup.info, period: next ?? '' } };
    this.invalidate();
  }

  private async currentSetup(): Promise<Setup> {
    return this.setup ?? this.readSetupShared();
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
    const setup = await this.currentSetup();
    return blankFormsZip(setup, this.period ?? setup.info.period, onProgress);
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
      const file = await openPlanned(this.opened, item, remaining);
      if (file.failure !== null) {
        outcome.failed.push({ file: item.file, reason: file.failure });
        continue;
      }
      const book = file.input.workbook;
      const sourceSheet = readForm(book, setup.template).sheet ?? book.sheets[0]?.name;
      const snapshot = book.sheets.find((s) => s.name === sourceSheet);
      if (!sourceSheet || !snapshot) {
        outcome.failed.push({ file: item.file, reason: 'Tệp không có trang tính nào để nhập.' });
        continue;
      }
      prepared.push({
        item, consent: replace.has(item.file), sourceSheet, meta: book.meta, snapshot,
        base64: this.has('1.13') ? insertPayload(file.bytes, sourceSheet) : null,
      });
    }
    onProgress({ done: plan.length, total: plan.length, label: 'Đang ghi các biểu vào sổ làm việc…' });
    const period = this.period;
    const written = await this.excel((context) => writeImports(context, this.has, prepared, {
      period, now: this.now().toISOString(),
    }));
    // Saved only if it is still the period in use (one typed meanwhile is not in the register yet).
    if (this.period === period) this.periodUnsaved = false;
    outcome.imported = written.imported.map((p) => ({ file: p.item.file, unit: p.item.unit, sheet: p.item.sheet }));
    outcome.kept = written.kept.map((p) => ({ file: p.item.file, sheet: p.item.sheet }));
    onProgress({ done: plan.length, total: plan.length, label: '' });
    if (outcome.imported.length) this.invalidate();
    return outcome;
  }

  async check(onProgress: OnProgress = () => undefined): Promise<CheckOutcome> {
    return (await this.checkState(onProgress)).outcome;
  }

  /** Runs a check; keeps its result as the last check unless the period or the returns changed meanwhile. */
  private async checkState(onProgress: OnProgress): Promise<CheckState> {
    const generation = this.generation;
    onProgress({ done: 0, total: 1, label: 'Đang đọc các trang tính…' });
    const state = await this.excel(async (context): Promise<CheckState> => {
      const resolved: { setup?: Setup } = {};
      const read = await readForCheck(context, this.has, (s) => {
        const setup = resolveSetup(s.setupSheets, this.periodFor(s.register));
        resolved.setup = setup;
        return {
          mayHold: (name, visible) => mayHoldReturn(name, visible, s.register, setup.units),
          pick: (candidates) => pickUnitSheets(candidates, s.register, setup.units, setup.template),
        };
      });
      const current = resolved.setup!;
      if (this.generation === generation) this.setup = current;
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
        fills: read.fills,
      });
      const stillMarked = read.marks.filter((m) => !open(m.sheet) && read.directory.get(m.sheet));
      const existing = new Map<string, WorksheetLike>();
      for (const name of [MARKS_SHEET, IMPORT_REGISTER_SHEET]) {
        const sheet = read.directory.get(name);
        if (sheet) existing.set(name, sheet);
      }
      const writes = [marksSheet([...placed, ...stillMarked])];
      const pruned = withExistingSheets(read.register, read.directory.listed.map((s) => s.info.name));
      // The period typed now (it may differ from the one this check used, if typed while Excel read).
      const period = this.period;
      const unsaved = this.periodUnsaved;
      const register = { ...pruned, period: period || pruned.period };
      if (unsaved || pruned.records.length !== read.register.records.length) writes.push(registerSheet(register));
      queueSheetWrites(context, this.has, writes, existing);
      await context.sync();
      if (unsaved && this.period === period) this.periodUnsaved = false;

      const sheetOfUnit = new Map<string, string>();
      result.validation.returns.forEach((r, i) => {
        if (r.unit && !sheetOfUnit.has(r.unit)) sheetOfUnit.set(r.unit, read.unitSheets[i].name);
      });
      const outcome = checkOutcome(result, {
        sourceOf: (unit) => sheetOfUnit.get(unit) ?? null,
        selectable: (f) => !!f.sheet && read.directory.get(f.sheet) !== undefined,
      });
      const snapshots = new Map(read.unitSheets.map((s) => [s.name, s]));
      return { setup: current, result, snapshots, outcome, register };
    });
    onProgress({ done: 1, total: 1, label: '' });
    if (this.generation === generation) {
      this.lastCheck = state;
      this.consolidated = null;
    }
    return state;
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
    const generation = this.generation;
    const state = this.lastCheck ?? await this.checkState(onProgress);
    const { consolidation, findings } = state.result;
    onProgress({ done: 0, total: 1, label: 'Đang ghi bảng tổng hợp…' });
    const written = await this.excel(async (context) => {
      const list = queueSheetList(context);
      await context.sync();
      const directory = sheetDirectory(list());
      const listed = directory.listed.map((s) => s.info.name);
      // A sheet of an output's name that the add-in did not write (a clerk's own "Tổng hợp") is left
      // alone: the output goes to the first free "Tổng hợp (2)"…
      const base = consolidationSheets(consolidation, findings, unitCellLinks(state.result, state.snapshots));
      const names = outputNames([...base, { name: CHART_SHEET, cells: [] }], listed, state.register);
      const specs = base.map((s) => ({ ...s, name: names.get(s.name)! }));
      const plan = options.chartCode ? chartPlan(state.result, specs[0], options.chartCode) : null;
      const chart = plan ? { ...plan, spec: { ...plan.spec, name: names.get(CHART_SHEET)! } } : null;
      const all = chart ? [...specs, chart.spec] : specs;
      const outputs = all.filter((s) => s.visibility !== 'veryHidden').map((s) => s.name);

      if (this.has('1.6')) context.application.suspendApiCalculationUntilNextSync();
      // "Biểu đồ" is rebuilt (clearing a sheet does not remove its chart). With comments (1.10),
      // "Tổng hợp" is rebuilt too: a cell can hold one comment, and the notes of the previous
      // consolidation would otherwise stay where they no longer apply. Only sheets the add-in wrote
      // are deleted or cleared (outputNames chose no other).
      const rebuilt = [names.get(CHART_SHEET)!, ...(this.has('1.10') ? [names.get(CONSOLIDATION_SHEET_NAME)!] : [])];
      for (const name of rebuilt) directory.get(name)?.delete();
      const existing = new Map<string, WorksheetLike>();
      for (const spec of all) {
        const sheet = directory.get(spec.name);
        if (sheet && !rebuilt.some((r) => sameSheetName(r, spec.name))) existing.set(spec.name, sheet);
      }
      // The register records the output sheets, in the same sync.
      const registerNow = directory.get(IMPORT_REGISTER_SHEET);
      if (registerNow) existing.set(IMPORT_REGISTER_SHEET, registerNow);
      const register = withOutputs(withExistingSheets(state.register, listed), outputs);
      const sheets = queueSheetWrites(context, this.has, [...all, registerSheet(register)], existing);
      if (chart) queueChart(sheets[all.length - 1], chart);
      sheets[0].activate();
      await context.sync();
      state.register = register; // a further consolidation from the same check knows these sheets are ours
      return { outputs, chart: chart !== null };
    });
    onProgress({ done: 1, total: 1, label: '' });
    if (this.generation === generation) this.consolidated = state;
    return { coverage: state.outcome.coverage, sheetsWritten: written.outputs, chart: written.chart };
  }

  async consolidationFile(): Promise<Download> {
    if (!this.consolidated) throw new WorkspaceError(NOT_CONSOLIDATED_MESSAGE);
    return consolidationDownload(this.consolidated.result);
  }

  async draftReport(): Promise<ReportOutcome> {
    if (!this.consolidated) throw new WorkspaceError(NOT_CONSOLIDATED_REPORT_MESSAGE);
    return reportOutcome(this.consolidated.result, this.consolidated.setup.reportTemplate);
  }

  async chartChoices(): Promise<{ code: string; name: string }[]> {
    return chartChoicesOf(await this.currentSetup());
  }

  /** Results made before the returns or the period changed no longer hold. */
  private invalidate(): void {
    this.generation++;
    this.lastCheck = null;
    this.consolidated = null;
  }

  private open(picked: PickedFile): Promise<Opened> {
    return openPicked(this.opened, picked);
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

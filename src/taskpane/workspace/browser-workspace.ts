/**
 * The workspace of the task pane in a plain browser: the picked returns are kept in memory (one slot
 * per unit, like one sheet per unit inside Excel) and every result is offered as a download.
 * Nothing leaves the browser. No DOM here either, so it runs under Node in tests.
 */
import { sameSheetName } from '../../core/form/import-register';
import { runJob, type JobResult } from '../../core/job';
import type { ReturnInput } from '../../core/validate/return-input';
import {
  blankFormsZip,
  chartChoicesOf,
  checkOutcome,
  consolidationDownload,
  NOT_CONSOLIDATED_MESSAGE,
  NOT_CONSOLIDATED_REPORT_MESSAGE,
  openPicked,
  openPlanned,
  reportOutcome,
  resolveSetup,
  sheetNameFor,
  sheetNameForFile,
  templateDownload,
  unitOfReturn,
  type Opened,
  type Setup,
} from './pane-engine';
import {
  WorkspaceError,
  type CheckOutcome,
  type ConsolidateOptions,
  type ConsolidateOutcome,
  type Download,
  type ImportOutcome,
  type ImportPlanItem,
  type OnProgress,
  type PickedFile,
  type ReportOutcome,
  type SetupInfo,
  type Workspace,
} from './workspace';

/** One imported return. */
interface Slot {
  file: string;
  bytes: Uint8Array;
  input: ReturnInput;
  unit: string | null;
}

export const NO_RETURNS_MESSAGE = 'Chưa nhập biểu nào: hãy bấm "Nhập biểu đã nhận" trước.';
export { NOT_CONSOLIDATED_MESSAGE };

export class BrowserWorkspace implements Workspace {
  readonly mode = 'browser' as const;
  private period = '';
  private setup: Setup | null = null;
  /** Slot name (sheetNameFor(unit) or sheetNameForFile) → return; in import order. */
  private readonly slots = new Map<string, Slot>();
  private readonly opened = new WeakMap<PickedFile, Opened>();
  private lastCheck: CheckOutcome | null = null;
  private consolidated: JobResult | null = null;

  async loadSetup(): Promise<SetupInfo> {
    return { ...this.currentSetup().info, period: this.period };
  }

  setPeriod(period: string): void {
    const next = period.trim();
    if (next === this.period) return;
    this.period = next;
    if (this.setup) this.setup = { ...this.setup, info: { ...this.setup.info, period: next } };
    this.invalidate();
  }

  async insertTemplateSheets(): Promise<{ written: string[]; existing: string[]; download: Download | null }> {
    return { written: [], existing: [], download: await templateDownload(this.currentSetup()) };
  }

  blankForms(onProgress?: OnProgress): Promise<Download> {
    return blankFormsZip(this.currentSetup(), this.period, onProgress);
  }

  async planImport(files: readonly PickedFile[]): Promise<ImportPlanItem[]> {
    const setup = this.currentSetup();
    const plan: ImportPlanItem[] = [];
    /** Slots that will be taken once the plan's earlier items are imported. */
    const taken = new Set(this.slots.keys());
    for (const picked of files) {
      const opened = await this.open(picked);
      if (opened.failure !== null || !opened.input) {
        plan.push({ file: picked.name, unit: null, sheet: '', replaces: false, failure: opened.failure });
        continue;
      }
      const unit = unitOfReturn(opened.input, setup);
      const sheet = unit ? sheetNameFor(unit) : this.slotForFile(picked.name, taken);
      plan.push({ file: picked.name, unit, sheet, replaces: taken.has(sheet), failure: null });
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
    const outcome: ImportOutcome = { imported: [], kept: [], failed: [] };
    const remaining = [...files];
    for (const [i, item] of plan.entries()) {
      onProgress({ done: i, total: plan.length, label: `Đang nhập: ${item.file}` });
      const file = await openPlanned(this.opened, item, remaining);
      if (file.failure !== null) {
        outcome.failed.push({ file: item.file, reason: file.failure });
        continue;
      }
      if (item.replaces && !replace.has(item.file)) {
        outcome.kept.push({ file: item.file, sheet: item.sheet });
        continue;
      }
      this.slots.delete(item.sheet); // a replaced return moves to the end, like a newly written sheet
      this.slots.set(item.sheet, { file: item.file, bytes: file.bytes, input: file.input, unit: item.unit });
      outcome.imported.push({ file: item.file, unit: item.unit, sheet: item.sheet });
    }
    onProgress({ done: plan.length, total: plan.length, label: '' });
    if (outcome.imported.length > 0) this.invalidate();
    return outcome;
  }

  async check(onProgress: OnProgress = () => undefined): Promise<CheckOutcome> {
    if (this.slots.size === 0) throw new WorkspaceError(NO_RETURNS_MESSAGE);
    const setup = this.currentSetup();
    const inputs = [...this.slots.values()].map((s) => s.input);
    onProgress({ done: 0, total: inputs.length, label: 'Đang kiểm tra…' });
    const result = runJob(setup.template, inputs, {
      units: setup.units,
      period: this.period || null,
      onProgress: (done, total, file) => onProgress({ done, total, label: `Đang kiểm tra: ${file}` }),
    });
    const fileOf = new Map<string, string>();
    for (const r of result.validation.returns) if (r.unit && !fileOf.has(r.unit)) fileOf.set(r.unit, r.file);
    this.lastCheck = checkOutcome(result, { sourceOf: (unit) => fileOf.get(unit) ?? null, selectable: () => false });
    this.consolidated = null;
    return this.lastCheck;
  }

  async selectCell(): Promise<void> {
    // Nothing to select in a plain browser: the returns are not open anywhere.
  }

  async consolidate(_options: ConsolidateOptions, onProgress?: OnProgress): Promise<ConsolidateOutcome> {
    const checked = this.lastCheck ?? (await this.check(onProgress));
    this.consolidated = checked.result;
    return { coverage: checked.coverage, sheetsWritten: [], chart: false };
  }

  async consolidationFile(): Promise<Download> {
    if (!this.consolidated) throw new WorkspaceError(NOT_CONSOLIDATED_MESSAGE);
    return consolidationDownload(this.consolidated);
  }

  async draftReport(): Promise<ReportOutcome> {
    if (!this.consolidated) throw new WorkspaceError(NOT_CONSOLIDATED_REPORT_MESSAGE);
    return reportOutcome(this.consolidated, this.currentSetup().reportTemplate);
  }

  async chartChoices(): Promise<{ code: string; name: string }[]> {
    return chartChoicesOf(this.currentSetup());
  }

  private currentSetup(): Setup {
    this.setup ??= resolveSetup({}, this.period);
    return this.setup;
  }

  /** Results made before the returns or the period changed no longer hold. */
  private invalidate(): void {
    this.lastCheck = null;
    this.consolidated = null;
  }

  private open(picked: PickedFile): Promise<Opened> {
    return openPicked(this.opened, picked);
  }

  /**
   * Slot for a return of no known unit: the slot of the same file when it was imported before (so
   * importing it again asks before replacing it), else a name from the file not taken yet.
   */
  private slotForFile(file: string, taken: ReadonlySet<string>): string {
    for (const [name, slot] of this.slots) {
      if (slot.unit === null && sameSheetName(slot.file, file)) return name;
    }
    return sheetNameForFile(file, taken);
  }
}

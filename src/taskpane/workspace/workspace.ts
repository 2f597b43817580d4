/**
 * What the task pane asks of the place it runs in. Two implementations:
 * - ExcelWorkspace (inside Excel): returns live as sheets of the open workbook, results are written as sheets;
 * - BrowserWorkspace (plain browser): returns are kept in memory, results are offered as downloads.
 * The pane (React) only talks to this interface, so every step works the same in both modes.
 * All texts in these types are Vietnamese and shown to the user as they are.
 */
import type { JobResult } from '../../core/job';
import type { Severity } from '../../core/template/model';

export type WorkspaceMode = 'excel' | 'browser';

/** A file the user picked (File in the browser, a buffer in tests). */
export interface PickedFile {
  name: string;
  read(): Promise<Uint8Array>;
}

/** Bytes the user can save (or, inside Excel for Mac, cannot: see `PanePlatform.canDownload`). */
export interface Download {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface ProgressInfo {
  done: number;
  total: number;
  /** What is being worked on, e.g. "Đang đọc: bieu-hoa-vang.xlsx". */
  label: string;
}
export type OnProgress = (p: ProgressInfo) => void;

/** Step 1: what template, period and units are in use. */
export interface SetupInfo {
  /** "built-in": the bundled template; "sheet": the "Mẫu chỉ tiêu" sheet of this workbook. */
  templateSource: 'built-in' | 'sheet';
  templateName: string;
  indicatorCount: number;
  unitSource: 'built-in' | 'sheet';
  units: string[];
  reportSource: 'built-in' | 'sheet';
  /** Period the forms are made for and the total is labelled with; editable in the pane. */
  period: string;
  /** Problems in the staff-edited sheets (the built-in data is used instead), each a full sentence. */
  problems: string[];
}

/** Step 2, before anything is written: what each picked file would become. */
export interface ImportPlanItem {
  file: string;
  /** Unit on the unit list the file belongs to, or null when it cannot be told (then `sheet` is from the file name). */
  unit: string | null;
  /** Sheet (Excel) or slot (browser) the return goes to. */
  sheet: string;
  /** A sheet of that name already exists: the user must agree before it is replaced. */
  replaces: boolean;
  /** Why the file cannot be imported (unreadable, .xls, encrypted…); null when it can. */
  failure: string | null;
}

export interface ImportOutcome {
  imported: { file: string; unit: string | null; sheet: string }[];
  /** Files left alone because the user did not agree to replace the existing sheet. */
  kept: { file: string; sheet: string }[];
  failed: { file: string; reason: string }[];
}

export type RosterState = 'received' | 'missing';

export interface RosterEntry {
  unit: string;
  state: RosterState;
  /** Sheet holding the unit's return (Excel) or file name (browser); null when missing. */
  source: string | null;
  errors: number;
  warnings: number;
}

export interface FindingView {
  /** Stable within one check run: React key and test handle. */
  id: string;
  severity: Severity;
  severityText: string;
  /** Unit, else the file name, else "Tổng hợp toàn tỉnh". */
  unit: string;
  sheet: string | null;
  cell: string | null;
  code: string | null;
  /** Indicator name for `code`, or null. */
  indicator: string | null;
  message: string;
  /** Inside Excel, when the cell exists in this workbook: clicking selects it. */
  selectable: boolean;
}

export interface CheckOutcome {
  roster: RosterEntry[];
  /** Findings grouped by unit, in unit-list order; the provincial total's group last. */
  groups: { unit: string; findings: FindingView[] }[];
  errors: number;
  warnings: number;
  coverage: string;
  result: JobResult;
}

export interface ConsolidateOptions {
  /** Mã số of the indicator to chart by unit; null for no chart. */
  chartCode: string | null;
}

export interface ConsolidateOutcome {
  coverage: string;
  /** Sheets written inside Excel (empty in browser mode). */
  sheetsWritten: string[];
  /** Whether a chart was added (Excel) or is part of the download. */
  chart: boolean;
}

export interface ReportOutcome {
  /** HTML fragment for the preview and for copying into Word (inline styles only). */
  html: string;
  /** Plain text of the same report, for the clipboard's text/plain part. */
  text: string;
  docx: Download;
}

export interface Workspace {
  readonly mode: WorkspaceMode;
  loadSetup(): Promise<SetupInfo>;
  setPeriod(period: string): void;
  /** Excel: writes "Mẫu chỉ tiêu", "Mẫu báo cáo", "Đơn vị" sheets (asks nothing: sheets that exist are left as they are and listed). Browser: returns them as a workbook download. */
  insertTemplateSheets(): Promise<{ written: string[]; existing: string[]; download: Download | null }>;
  /** One blank form per unit, zipped. */
  blankForms(onProgress?: OnProgress): Promise<Download>;
  planImport(files: readonly PickedFile[]): Promise<ImportPlanItem[]>;
  /** Imports the plan's readable files; items with `replaces` are written only when their file is in `replace`. */
  importReturns(plan: readonly ImportPlanItem[], files: readonly PickedFile[], replace: ReadonlySet<string>, onProgress?: OnProgress): Promise<ImportOutcome>;
  /** Reads every return, checks it, highlights faulty cells (Excel) after clearing the previous run's highlights. */
  check(onProgress?: OnProgress): Promise<CheckOutcome>;
  /** Excel: activates the sheet and selects the cell. Browser: no-op. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes "Tổng hợp", "Kiểm tra", "Tình trạng" (Excel) from the last check (runs a check first when there is none). */
  consolidate(options: ConsolidateOptions, onProgress?: OnProgress): Promise<ConsolidateOutcome>;
  /** The provincial workbook as a file (after consolidate). */
  consolidationFile(): Promise<Download>;
  /** Drafts the report from the last consolidation. */
  draftReport(): Promise<ReportOutcome>;
  /** Indicators that can be charted: code and name, in template order. */
  chartChoices(): Promise<{ code: string; name: string }[]>;
}

/** Platform services the pane needs besides the workspace. */
export interface PanePlatform {
  /** False inside Excel for Mac (and other hosts that cannot save a blob). */
  canDownload: boolean;
  download(file: Download): void;
  /** Copies HTML (with a plain-text alternative) to the clipboard; resolves false when the platform refuses. */
  copyRich(html: string, text: string): Promise<boolean>;
}

export class WorkspaceError extends Error {
  /** `message` says what went wrong and what to do, in Vietnamese. */
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

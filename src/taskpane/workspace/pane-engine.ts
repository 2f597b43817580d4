/**
 * What both workspaces (Excel and browser) do the same way: resolve the template, unit list and
 * report wording from staff-edited sheets, tell which unit a file belongs to, turn a job result into
 * what the pane shows, and make the downloadable files. No Office.js and no DOM here.
 */
import { zipSync } from 'fflate';
import { coverageSentence, SEVERITY_TEXT } from '../../core/consolidate/consolidation-sheets';
import { buildForm } from '../../core/form/form-writer';
import { fileFailureMessage } from '../../core/form/file-kind';
import { sheetNameKey, uniqueSheetName } from '../../core/form/import-register';
import type { Grid } from '../../core/grid/sheet';
import type { SheetSpec } from '../../core/grid/sheet-spec';
import type { JobResult } from '../../core/job';
import { defaultReportTemplate } from '../../core/report/default-report';
import { draftReport } from '../../core/report/draft';
import { REPORT_SHEET_NAME, reportTemplateFromGrid } from '../../core/report/report-sheet';
import type { ReportTemplate } from '../../core/report/report-template';
import { defaultTemplate } from '../../core/template/default-template';
import type { Template } from '../../core/template/model';
import { setupSheetSpecs } from '../../core/setup-sheets';
import { TEMPLATE_SHEET_NAME, templateFromGrid } from '../../core/template/sheet-format';
import { foldKey } from '../../core/text/normalize';
import { defaultUnits } from '../../core/units/unit-list';
import { UNITS_SHEET_NAME, unitsFromGrid } from '../../core/units/unit-sheet';
import type { Finding } from '../../core/validate/finding';
import type { ReturnInput } from '../../core/validate/return-input';
import { validateReturns } from '../../core/validate/validate-returns';
import { consolidationFileBytes } from '../../workbook/consolidation-file';
import { ExcelJsWorkbook } from '../../workbook/exceljs-workbook';
import { returnFromBytes } from '../../workbook/open-return';
import {
  WorkspaceError, type CheckOutcome, type Download, type FindingView, type ImportPlanItem, type OnProgress, type PickedFile, type ReportOutcome,
  type RosterEntry, type SetupInfo,
} from './workspace';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_MIME = 'application/zip';
export const CONSOLIDATION_FILE_NAME = 'tong-hop.xlsx';
export const REPORT_FILE_NAME = 'bao-cao.docx';
export const FORMS_FILE_NAME = 'bieu-mau-gui-don-vi.zip';
export const TEMPLATE_FILE_NAME = 'mau-chi-tieu.xlsx';
export const PROVINCE_TOTAL_LABEL = 'Tổng hợp toàn tỉnh';
export const NOT_CONSOLIDATED_MESSAGE = 'Chưa có bảng tổng hợp: hãy bấm "Tổng hợp" trước.';
export const NOT_CONSOLIDATED_REPORT_MESSAGE = 'Chưa có bảng tổng hợp để soạn báo cáo: hãy bấm "Tổng hợp" trước.';
export const FILE_NOT_PICKED_MESSAGE = 'Không tìm thấy tệp này trong các tệp đã chọn; hãy chọn lại tệp.';

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A picked file once read: kept between planImport and importReturns so it is read and parsed once. */
export interface Opened {
  bytes: Uint8Array | null;
  input: ReturnInput | null;
  failure: string | null;
}

/** Reads and opens a picked file once (per `cache`); a file that cannot be read gets a reason instead of throwing. */
export async function openPicked(cache: WeakMap<PickedFile, Opened>, picked: PickedFile): Promise<Opened> {
  const known = cache.get(picked);
  if (known) return known;
  let opened: Opened;
  try {
    const bytes = await picked.read();
    const input = await returnFromBytes(picked.name, bytes);
    opened = { bytes, input, failure: importFailure(input) };
  } catch (e) {
    opened = { bytes: null, input: null, failure: `Không đọc được tệp (${errorText(e)}); hãy chọn lại tệp.` };
  }
  cache.set(picked, opened);
  return opened;
}

/** Takes out of `remaining` the first file called `name`: two picked files may share a name (from different folders). */
function takePicked(remaining: PickedFile[], name: string): PickedFile | undefined {
  const at = remaining.findIndex((f) => f.name === name);
  return at >= 0 ? remaining.splice(at, 1)[0] : undefined;
}

/** A plan item's file, ready to import, or why it cannot be. */
export type PlannedFile =
  | { bytes: Uint8Array; input: Extract<ReturnInput, { workbook: unknown }>; failure: null }
  | { failure: string };

/**
 * Takes the plan item's file out of `remaining` (always, so that files of the same name pair up in
 * order) and opens it, once per `cache`.
 */
export async function openPlanned(cache: WeakMap<PickedFile, Opened>, item: ImportPlanItem, remaining: PickedFile[]): Promise<PlannedFile> {
  const picked = takePicked(remaining, item.file);
  if (item.failure !== null) return { failure: item.failure };
  if (!picked) return { failure: FILE_NOT_PICKED_MESSAGE };
  const opened = await openPicked(cache, picked);
  if (opened.failure !== null || !opened.bytes || !opened.input || !('workbook' in opened.input)) {
    return { failure: opened.failure ?? 'Không đọc được tệp.' };
  }
  return { bytes: opened.bytes, input: opened.input, failure: null };
}

/** Indicators that can be charted: code and name, in template order. */
export function chartChoicesOf(setup: Setup): { code: string; name: string }[] {
  return setup.template.indicators.map((i) => ({ code: i.code, name: i.name }));
}

/** The staff-editable sheets of the open workbook (null when absent). */
export interface SetupSheets {
  template?: Grid | null;
  report?: Grid | null;
  units?: Grid | null;
}

export interface Setup {
  template: Template;
  reportTemplate: ReportTemplate;
  units: string[];
  info: SetupInfo;
}

/** Each sheet that exists is used; one with mistakes is reported and the built-in data is used in its place. */
export function resolveSetup(sheets: SetupSheets, period: string): Setup {
  const problems: string[] = [];
  const attempt = <T>(grid: Grid | null | undefined, sheetName: string, read: (g: Grid) => T, fallback: () => T): [T, 'sheet' | 'built-in'] => {
    if (!grid) return [fallback(), 'built-in'];
    try {
      return [read(grid), 'sheet'];
    } catch (e) {
      problems.push(`Trang "${sheetName}" có lỗi nên đang dùng dữ liệu có sẵn: ${(e as Error).message}`);
      return [fallback(), 'built-in'];
    }
  };
  const [template, templateSource] = attempt(sheets.template, TEMPLATE_SHEET_NAME, templateFromGrid, defaultTemplate);
  const [units, unitSource] = attempt(sheets.units, UNITS_SHEET_NAME, unitsFromGrid, defaultUnits);
  const [reportTemplate, reportSource] = attempt(
    sheets.report, REPORT_SHEET_NAME, (g) => reportTemplateFromGrid(g, template), defaultReportTemplate);
  return {
    template,
    reportTemplate,
    units,
    info: {
      templateSource, templateName: template.name, indicatorCount: template.indicators.length,
      unitSource, units: [...units], reportSource, period, problems,
    },
  };
}

/** "Mẫu chỉ tiêu", "Mẫu báo cáo" and "Đơn vị", as `tonghop template` writes the first two. */
export function templateSheetSpecs(setup: Setup): SheetSpec[] {
  return setupSheetSpecs(setup.template, setup.reportTemplate, setup.units);
}

export async function templateDownload(setup: Setup): Promise<Download> {
  const wb = ExcelJsWorkbook.create();
  await wb.writeSheets(templateSheetSpecs(setup));
  return { name: TEMPLATE_FILE_NAME, mime: XLSX_MIME, bytes: await wb.toBytes() };
}

/** File name for a unit: "bieu-que-son.xlsx". */
export function formFileName(unit: string): string {
  return `bieu-${foldKey(unit).replace(/ /g, '-') || 'don-vi'}.xlsx`;
}

/** One blank form per unit, zipped (stored: .xlsx files are compressed already). */
export async function blankFormsZip(setup: Setup, period: string, onProgress: OnProgress = () => undefined): Promise<Download> {
  if (period.trim() === '') {
    throw new WorkspaceError('Hãy ghi "Kỳ báo cáo" (ví dụ: 6 tháng đầu năm 2025) trước khi tạo biểu mẫu: kỳ được in trên từng biểu.');
  }
  const files: Record<string, Uint8Array> = {};
  for (const [i, unit] of setup.units.entries()) {
    onProgress({ done: i, total: setup.units.length, label: `Đang tạo biểu: ${unit}` });
    const wb = ExcelJsWorkbook.create();
    await wb.writeSheets(buildForm(setup.template, { unit, period }));
    files[formFileName(unit)] = await wb.toBytes();
  }
  onProgress({ done: setup.units.length, total: setup.units.length, label: '' });
  return { name: FORMS_FILE_NAME, mime: ZIP_MIME, bytes: zipSync(files, { level: 0 }) };
}

/** Vietnamese reason why an opened file cannot be imported, or null when it can. */
export function importFailure(input: ReturnInput): string | null {
  return 'failure' in input ? fileFailureMessage(input.failure, input.detail) : null;
}

/** The listed unit a readable return belongs to (from its hidden metadata or the unit line it shows). */
export function unitOfReturn(input: ReturnInput, setup: Setup): string | null {
  if ('failure' in input) return null;
  return validateReturns(setup.template, [input], { units: setup.units }).returns[0]?.unit ?? null;
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/** A valid Excel sheet name (≤ 31 characters, none of \ / ? * [ ] :, no leading/trailing apostrophe). */
export function sheetNameFor(name: string): string {
  const clean = name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  return (clean || 'Đơn vị').slice(0, 31).trim();
}

/** Sheet name for a file of no known unit: its name without extension, made unique among `taken` (compared as Excel compares sheet names). */
export function sheetNameForFile(file: string, taken: ReadonlySet<string>): string {
  return uniqueSheetName(sheetNameFor(file.replace(/\.[^.]+$/, '')), new Set([...taken].map(sheetNameKey)));
}

export interface FindingPlace {
  /** Where the unit's return lives: its sheet (Excel) or file (browser). */
  sourceOf(unit: string): string | null;
  /** Whether clicking the finding can select its cell. */
  selectable(f: Finding): boolean;
}

function findingView(f: Finding, index: number, template: Template, place: FindingPlace): FindingView {
  const indicator = f.code ? template.indicators.find((i) => i.code === f.code)?.name ?? null : null;
  return {
    id: `f${index}`,
    severity: f.severity,
    severityText: SEVERITY_TEXT[f.severity],
    unit: f.unit ?? f.file ?? PROVINCE_TOTAL_LABEL,
    sheet: f.sheet,
    cell: f.cell,
    code: f.code,
    indicator,
    message: f.message,
    selectable: !!(f.sheet && f.cell) && place.selectable(f),
  };
}

export function checkOutcome(result: JobResult, place: FindingPlace): CheckOutcome {
  const c = result.consolidation;
  const roster: RosterEntry[] = c.roster.map((r) => ({
    unit: r.unit,
    state: r.state === 'missing' ? 'missing' : 'received',
    source: r.state === 'missing' ? null : place.sourceOf(r.unit),
    errors: r.errors,
    warnings: r.warnings,
  }));
  const groups = new Map<string, FindingView[]>();
  result.findings.forEach((f, i) => {
    const view = findingView(f, i, c.template, place);
    const group = groups.get(view.unit);
    if (group) group.push(view);
    else groups.set(view.unit, [view]);
  });
  return {
    roster,
    groups: [...groups].map(([unit, findings]) => ({ unit, findings })),
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    coverage: coverageSentence(c),
    result,
  };
}

export async function consolidationDownload(result: JobResult): Promise<Download> {
  return { name: CONSOLIDATION_FILE_NAME, mime: XLSX_MIME, bytes: await consolidationFileBytes(result) };
}

export async function reportOutcome(result: JobResult, reportTemplate: ReportTemplate): Promise<ReportOutcome> {
  const report = draftReport(result.consolidation, reportTemplate, { findings: result.findings });
  const [{ renderReportDocx }, { renderReportHtmlFragment }, { renderReportText }] = await Promise.all([
    import('../../render/report-docx'),
    import('../../render/report-html'),
    import('../../render/report-text'),
  ]);
  return {
    html: renderReportHtmlFragment(report),
    text: renderReportText(report),
    docx: { name: REPORT_FILE_NAME, mime: DOCX_MIME, bytes: await renderReportDocx(report) },
  };
}

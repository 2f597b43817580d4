/** The report step of the CLI: which report template, which settings, and the three drafts it writes. */
import { promises as fs } from 'node:fs';
import type { JobResult } from '../core/job';
import { defaultReportTemplate } from '../core/report/default-report';
import { draftReport } from '../core/report/draft';
import type { ReportSettings } from '../core/report/model';
import { REPORT_SHEET_NAME, reportTemplateFromGrid } from '../core/report/report-sheet';
import { reportTemplateFromJson, type ReportTemplate } from '../core/report/report-template';
import type { Template } from '../core/template/model';
import { TemplateError } from '../core/template/template-error';
import { CliError, findSheet, readWorkbookFile } from './files';

export interface ReportFlags {
  reportTemplate?: string;
  template?: string;
  number?: string;
  date?: string;
  place?: string;
  governingBody?: string;
  issuingBody?: string;
  signerAuthority?: string;
  signerTitle?: string;
  signer?: string;
  recipient?: string[];
}

async function reportSheetOf(file: string): Promise<unknown[][] | null> {
  return findSheet(await readWorkbookFile(file), REPORT_SHEET_NAME)?.values ?? null;
}

/** --report-template, else a "Mẫu báo cáo" sheet in the --template workbook, else the built-in one. */
export async function loadReportTemplate(flags: ReportFlags, template: Template): Promise<ReportTemplate> {
  const file = flags.reportTemplate ?? (flags.template && /\.xlsx$/i.test(flags.template) ? flags.template : undefined);
  if (!file) return defaultReportTemplate();
  try {
    if (/\.json$/i.test(file)) return reportTemplateFromJson(JSON.parse(await fs.readFile(file, 'utf8')), template);
    const grid = await reportSheetOf(file);
    if (grid) return reportTemplateFromGrid(grid, template);
    if (flags.reportTemplate) throw new CliError(`Tệp "${file}" không có trang "${REPORT_SHEET_NAME}".`);
    return defaultReportTemplate();
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof TemplateError) throw new CliError(`Mẫu báo cáo "${file}" có lỗi: ${e.message}`);
    throw new CliError(`Không đọc được mẫu báo cáo "${file}": ${(e as Error).message}`);
  }
}

export function settingsFromFlags(flags: ReportFlags): Partial<ReportSettings> {
  if (flags.date !== undefined && flags.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) {
    throw new CliError(`Ngày ban hành "${flags.date}" phải viết dạng năm-tháng-ngày, ví dụ 2024-07-05.`);
  }
  const settings: Partial<ReportSettings> = {
    number: flags.number,
    date: flags.date,
    place: flags.place,
    governingBody: flags.governingBody,
    issuingBody: flags.issuingBody,
    signerAuthority: flags.signerAuthority,
    signerTitle: flags.signerTitle,
    signerName: flags.signer,
    recipients: flags.recipient,
  };
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

export interface ReportDrafts {
  docx: Uint8Array;
  html: string;
  text: string;
}

export async function draftReportFiles(result: JobResult, reportTemplate: ReportTemplate, settings: Partial<ReportSettings>): Promise<ReportDrafts> {
  const report = draftReport(result.consolidation, reportTemplate, { findings: result.findings, settings });
  // The renderers pull in docx; load them only when a report is written (a tenth of start-up time).
  const [{ renderReportDocx }, { renderReportHtml }, { renderReportText }] = await Promise.all([
    import('../render/report-docx'),
    import('../render/report-html'),
    import('../render/report-text'),
  ]);
  return { docx: await renderReportDocx(report), html: renderReportHtml(report), text: renderReportText(report) };
}

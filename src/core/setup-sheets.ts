/** The sheets staff edit in Excel to change what the tool does: indicators, report wording, units. */
import type { SheetSpec } from './grid/sheet-spec';
import { REPORT_SHEET_NAME, reportTemplateToGrid } from './report/report-sheet';
import type { ReportTemplate } from './report/report-template';
import type { Template } from './template/model';
import { TEMPLATE_SHEET_NAME, templateToGrid } from './template/sheet-format';
import { UNITS_SHEET_NAME, unitsToGrid } from './units/unit-sheet';

export function setupSheetSpecs(template: Template, reportTemplate: ReportTemplate, units: readonly string[]): SheetSpec[] {
  return [
    { name: TEMPLATE_SHEET_NAME, cells: templateToGrid(template), columnWidths: [14, 30, 52, 12, 8, 40] },
    { name: REPORT_SHEET_NAME, cells: reportTemplateToGrid(reportTemplate), columnWidths: [24, 120] },
    { name: UNITS_SHEET_NAME, cells: unitsToGrid(units), columnWidths: [6, 40] },
  ];
}

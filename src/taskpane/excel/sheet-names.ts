/** Names of the sheets the add-in keeps in the province's workbook, and how new sheets are named. */
import { CONSOLIDATION_SHEET_NAME, FINDINGS_SHEET_NAME, ROSTER_SHEET_NAME } from '../../core/consolidate/sheet-names';
import { IMPORT_REGISTER_SHEET, sheetNameKey, uniqueSheetName } from '../../core/form/import-register';
import { META_SHEET_NAME } from '../../core/form/metadata';
import { REPORT_SHEET_NAME } from '../../core/report/report-sheet';
import { TEMPLATE_SHEET_NAME } from '../../core/template/sheet-format';
import { UNITS_SHEET_NAME } from '../../core/units/unit-sheet';
import { MARKS_SHEET } from './mark-register';

export const CHART_SHEET = 'Biểu đồ';
export const SETUP_SHEETS = { template: TEMPLATE_SHEET_NAME, report: REPORT_SHEET_NAME, units: UNITS_SHEET_NAME } as const;

/** Sheets that are never a unit's return. */
const RESERVED = [
  TEMPLATE_SHEET_NAME, REPORT_SHEET_NAME, UNITS_SHEET_NAME,
  CONSOLIDATION_SHEET_NAME, FINDINGS_SHEET_NAME, ROSTER_SHEET_NAME, CHART_SHEET,
  META_SHEET_NAME, IMPORT_REGISTER_SHEET, MARKS_SHEET,
];

/** Excel compares sheet names without regard to case (NFC, lower case): the one folding used for sheet names. */
export const nameKey = sheetNameKey;
export { uniqueSheetName };

/** The output sheets a consolidation writes, as they are named when the name is free. */
export const OUTPUT_SHEETS = [CONSOLIDATION_SHEET_NAME, FINDINGS_SHEET_NAME, ROSTER_SHEET_NAME, CHART_SHEET] as const;

export function isReserved(name: string): boolean {
  return RESERVED.some((r) => nameKey(r) === nameKey(name));
}

export function reservedKeys(): Set<string> {
  return new Set(RESERVED.map(nameKey));
}

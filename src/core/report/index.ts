export * from './model';
export {
  parseReportText, escapeReportText, fieldsOf, FACTS, FORMAT_NAMES,
  type Segment, type Field, type Source, type Format, type FactName, type FactInfo,
} from './text-template';
export { fillSegments, fillPlain, fillField, type FillContext } from './fill';
export {
  reportTemplateFromJson, reportTemplateToJson, compileReportTemplate, bulletText, isIsoDate,
  BLOCK_STYLES, SETTING_KEYS, SETTING_LABELS, REQUIRED_SETTINGS,
  type ReportTemplate, type ReportTemplateJson, type ReportParagraph, type SettingKey, type CompiledReportTemplate,
} from './report-template';
export { REPORT_SHEET_NAME, REPORT_HEADER, STYLE_LABELS, reportTemplateToGrid, reportTemplateFromGrid } from './report-sheet';
export { defaultReportTemplate } from './default-report';
export { draftReport, fillContext, notIncludedText, shortMessage, yearOf, type DraftOptions } from './draft';

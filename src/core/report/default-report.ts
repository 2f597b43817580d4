/** The built-in report template: the six-month coordination report of Hội CCB tỉnh with Bộ CHQS tỉnh. */
import { defaultTemplate } from '../template/default-template';
import data from './default-report.json';
import { reportTemplateFromJson, type ReportTemplate } from './report-template';

/** A fresh copy on every call, checked against the default indicator template. */
export function defaultReportTemplate(): ReportTemplate {
  return reportTemplateFromJson(data, defaultTemplate());
}

/** The built-in template: Hội CCB tỉnh – Bộ CHQS tỉnh six-month coordination report. */
import data from './default-template.json';
import { templateFromJson } from './load-json';
import type { Template } from './model';

/** A fresh copy on every call, so callers may modify it. */
export function defaultTemplate(): Template {
  return templateFromJson(data);
}

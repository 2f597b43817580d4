/** Load what a job needs besides the returns: template, unit list, previous period. */
import { promises as fs } from 'node:fs';
import { readPreviousPeriod, type PreviousPeriod } from '../core/consolidate/previous-period';
import { META_SHEET_NAME, metaFromGrid } from '../core/form/metadata';
import { defaultTemplate } from '../core/template/default-template';
import { templateFromJson } from '../core/template/load-json';
import type { Template } from '../core/template/model';
import { TEMPLATE_SHEET_NAME, templateFromGrid } from '../core/template/sheet-format';
import { TemplateError } from '../core/template/template-error';
import { defaultUnits, parseUnitList } from '../core/units/unit-list';
import { UNITS_SHEET_NAME, unitsFromGrid } from '../core/units/unit-sheet';
import { CliError, findSheet, readWorkbookFile } from './files';

export async function loadTemplate(file?: string): Promise<Template> {
  if (!file) return defaultTemplate();
  try {
    if (/\.json$/i.test(file)) {
      const text = await fs.readFile(file, 'utf8');
      return templateFromJson(JSON.parse(text));
    }
    const sheet = findSheet(await readWorkbookFile(file), TEMPLATE_SHEET_NAME);
    if (!sheet) throw new CliError(`Tệp mẫu "${file}" không có trang "${TEMPLATE_SHEET_NAME}".`);
    return templateFromGrid(sheet.values);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof TemplateError) throw new CliError(`Mẫu chỉ tiêu "${file}" có lỗi: ${e.message}`);
    if (e instanceof SyntaxError) throw new CliError(`Tệp mẫu "${file}" không phải JSON hợp lệ: ${e.message}`);
    throw new CliError(`Không đọc được tệp mẫu "${file}": ${(e as Error).message}`);
  }
}

export async function loadUnits(file?: string): Promise<string[]> {
  if (!file) return defaultUnits();
  if (/\.xlsx$/i.test(file)) return loadUnitSheet(file);
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new CliError(`Không đọc được danh sách đơn vị "${file}".`);
  });
  try {
    return parseUnitList(text);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** The "Đơn vị" sheet of a workbook (as `tonghop template` writes it). */
async function loadUnitSheet(file: string): Promise<string[]> {
  let sheet;
  try {
    sheet = findSheet(await readWorkbookFile(file), UNITS_SHEET_NAME);
  } catch (e) {
    throw new CliError(`Không đọc được danh sách đơn vị "${file}": ${(e as Error).message}`);
  }
  if (!sheet) throw new CliError(`Tệp "${file}" không có trang "${UNITS_SHEET_NAME}".`);
  try {
    return unitsFromGrid(sheet.values);
  } catch (e) {
    throw new CliError(`Trang "${UNITS_SHEET_NAME}" của "${file}": ${(e as Error).message}`);
  }
}

export async function loadPrevious(file: string | undefined, template: Template, units: readonly string[]): Promise<PreviousPeriod | null> {
  if (!file) return null;
  try {
    const wb = await readWorkbookFile(file);
    const sheets = wb.sheets.filter((s) => s.name !== META_SHEET_NAME).map((s) => s.snapshot());
    const meta = wb.sheet(META_SHEET_NAME);
    return readPreviousPeriod(sheets, meta ? metaFromGrid(meta.snapshot().values) : null, template, units);
  } catch (e) {
    throw new CliError(`Không đọc được bảng tổng hợp kỳ trước "${file}": ${(e as Error).message}`);
  }
}

/** In-memory returns for core tests: a form as the province sends it, filled, then altered like a clerk would. */
import type { CellValue, SheetSnapshot } from '../../src/core/grid/sheet';
import { isFormulaCell, type SheetSpec } from '../../src/core/grid/sheet-spec';
import { buildForm } from '../../src/core/form/form-writer';
import { metaFromGrid } from '../../src/core/form/metadata';
import type { ReturnedWorkbook } from '../../src/core/form/form-reader';
import { defaultTemplate } from '../../src/core/template/default-template';
import type { ReturnInput } from '../../src/core/validate/return-input';
import { currentFigures } from '../../scripts/sample/figures';

export const PERIOD = '6 tháng đầu năm 2024';

export function snapshotFromSpec(spec: SheetSpec): SheetSnapshot {
  const width = Math.max(...spec.cells.map((r) => r.length));
  const values: CellValue[][] = spec.cells.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c];
      if (isFormulaCell(v)) return v.result ?? '';
      return v === null || v === undefined ? '' : v;
    }));
  const formulas = spec.cells.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c];
      return isFormulaCell(v) ? `=${v.formula}` : '';
    }));
  return { name: spec.name, values, formulas };
}

export function formBook(unit: string, values: Record<string, number>, file = `${unit}.xlsx`): ReturnedWorkbook {
  const [form, meta] = buildForm(defaultTemplate(), { unit, period: PERIOD, values });
  return { file, sheets: [snapshotFromSpec(form)], meta: metaFromGrid(snapshotFromSpec(meta).values) };
}

/** The 18 sample units' returns, optionally altered per unit. */
export function sampleInputs(alter?: (unit: string, book: ReturnedWorkbook) => void): ReturnInput[] {
  return [...currentFigures()].map(([unit, values]) => {
    const book = formBook(unit, values);
    alter?.(unit, book);
    return { file: book.file, workbook: book };
  });
}

/** Row index (0-based) of the indicator with this code in the form sheet. */
export function rowOf(sheet: SheetSnapshot, code: string): number {
  const r = sheet.values.findIndex((row) => row[2] === code);
  if (r < 0) throw new Error(`no row for ${code}`);
  return r;
}

export const VALUE_COL = 4;

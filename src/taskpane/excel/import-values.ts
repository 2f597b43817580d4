/**
 * The values path of an import: the form sheet's values and formulas (with its hidden rows) written
 * through the writeSheets path, for a return that cannot be inserted from its file (no ExcelApi 1.13,
 * a package Excel would refuse, or an insert Excel refused).
 */
import { isFormulaCell, type CellInput, type SheetSpec } from '../../core/grid/sheet-spec';
import type { SheetSnapshot } from '../../core/grid/sheet';
import type { SupportsFn } from '../../workbook/office/addresses';
import type { ExcelContextLike, WorksheetLike } from '../../workbook/office/excel-shapes';
import { queueSheetWrites } from '../../workbook/office/sheet-writes';
import type { PreparedReturn } from './import-batch';
import type { SheetDirectory } from './workbook-reads';

/** The form sheet as a spec: values and formulas (formulas keep their cached result), hidden rows apart. */
export function formSheetSpec(snapshot: SheetSnapshot, name: string): SheetSpec {
  const cells: CellInput[][] = snapshot.values.map((row, r) => row.map((v, c): CellInput => {
    const f = snapshot.formulas?.[r]?.[c];
    return f ? { formula: f.slice(1), result: v } : v === '' ? null : v;
  }));
  return { name, cells };
}

export function hasFormula(spec: SheetSpec): boolean {
  return spec.cells.some((row) => row.some(isFormulaCell));
}

/** Queues the writes of `writes` (an existing sheet of the name, per `directory`, is cleared and rewritten). */
export function queueValueWrites(context: ExcelContextLike, has: SupportsFn, directory: SheetDirectory, writes: readonly PreparedReturn[]): void {
  if (!writes.length) return;
  if (has('1.6')) context.application.suspendApiCalculationUntilNextSync();
  const existing = new Map<string, WorksheetLike>();
  for (const p of writes) {
    const old = directory.get(p.item.sheet);
    if (old) existing.set(p.item.sheet, old);
  }
  const sheets = queueSheetWrites(context, has, writes.map((p) => formSheetSpec(p.snapshot, p.item.sheet)), existing);
  writes.forEach((p, i) => {
    const sheet = sheets[i];
    // Same name in another case: take the plan's spelling.
    const exact = directory.exactName(p.item.sheet);
    if (exact && exact !== p.item.sheet) sheet.name = p.item.sheet;
    if (has('1.2')) for (const r of p.snapshot.hiddenRows ?? []) sheet.getRange(`${r + 1}:${r + 1}`).rowHidden = true;
  });
}

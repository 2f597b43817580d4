/** Which sheets of the workbook are units' returns, and the ReturnInputs the core checks. */
import { readForm } from '../../core/form/form-reader';
import { recordOfSheet, type ImportRegister } from '../../core/form/import-register';
import type { SheetSnapshot } from '../../core/grid/sheet';
import type { Template } from '../../core/template/model';
import type { ReturnInput } from '../../core/validate/return-input';
import { sheetNameFor } from '../workspace/pane-engine';
import { nameKey } from './sheet-names';

/**
 * Whether a sheet may hold a return, from its name alone: registered (hidden or not), or visible and
 * named after a listed unit. Only such sheets are read by a check.
 */
export function mayHoldReturn(name: string, visible: boolean, register: ImportRegister, units: readonly string[]): boolean {
  if (recordOfSheet(register, name)) return true;
  return visible && units.some((u) => nameKey(sheetNameFor(u)) === nameKey(name));
}

/**
 * Registered sheets (imported by the pane), and sheets named after a listed unit that hold a form
 * table (a return pasted or copied in by hand). Order: as the candidates come (tab order).
 */
export function pickUnitSheets(
  candidates: readonly SheetSnapshot[],
  register: ImportRegister,
  units: readonly string[],
  template: Template,
): SheetSnapshot[] {
  const unitKeys = new Set(units.map((u) => nameKey(sheetNameFor(u))));
  return candidates.filter((snap) => {
    if (recordOfSheet(register, snap.name)) return true;
    if (!unitKeys.has(nameKey(snap.name))) return false;
    return readForm({ file: snap.name, sheets: [snap], meta: null }, template).sheet !== null;
  });
}

/**
 * One input per unit sheet: named after the file it was imported from (so findings read as the CLI's
 * on the same files), with the metadata the register kept; a sheet typed in by hand goes by its name.
 */
export function returnInputs(unitSheets: readonly SheetSnapshot[], register: ImportRegister): ReturnInput[] {
  return unitSheets.map((snap) => {
    const record = recordOfSheet(register, snap.name);
    const file = record?.file ?? snap.name;
    return { file, workbook: { file, sheets: [snap], meta: record?.meta ?? null } };
  });
}

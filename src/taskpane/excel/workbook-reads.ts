/**
 * Reading what the pane needs from the open workbook in a fixed number of syncs, whatever the number
 * of unit sheets:
 *   1) sheet names and visibility (and, with ExcelApi 1.10, the comments with their text);
 *   2) the used range of the setup sheets, the import register, the highlight register and every
 *      sheet that may hold a return; with 1.10 where each comment is; with 1.2 which sheets are protected;
 *   3) only with 1.2+ and only for the unit sheets: hidden rows (and, with 1.9, fonts).
 */
import type { SheetSnapshot } from '../../core/grid/sheet';
import { EMPTY_REGISTER, IMPORT_REGISTER_SHEET, registerFromGrid, type ImportRegister } from '../../core/form/import-register';
import type { CellMark } from '../../core/validate/cell-marks';
import type { SupportsFn } from '../../workbook/office/addresses';
import { queueCommentPlaces, type PlacedComment } from '../../workbook/office/cell-highlights';
import type { ExcelContextLike, WorksheetLike } from '../../workbook/office/excel-shapes';
import { gridOf, queueExtras, queueUsedRange, type QueuedRead, type SheetGrid } from '../../workbook/office/sheet-reads';
import { queueSheetList, type ListedSheet } from '../../workbook/office-workbook';
import type { SetupSheets } from '../workspace/pane-engine';
import { MARKS_SHEET, marksFromGrid } from './mark-register';
import { isReserved, nameKey, SETUP_SHEETS } from './sheet-names';

export interface SheetDirectory {
  listed: ListedSheet[];
  /** Sheet by name, compared as Excel does. */
  get(name: string): WorksheetLike | undefined;
  /** Exact name of the sheet called `name` (any case), or undefined. */
  exactName(name: string): string | undefined;
}

export function sheetDirectory(listed: ListedSheet[]): SheetDirectory {
  const byKey = new Map(listed.map((s) => [nameKey(s.info.name), s]));
  return {
    listed,
    get: (name) => byKey.get(nameKey(name))?.sheet,
    exactName: (name) => byKey.get(nameKey(name))?.info.name,
  };
}

export interface SetupRead {
  directory: SheetDirectory;
  setupSheets: SetupSheets;
  register: ImportRegister;
}

export interface CheckRead extends SetupRead {
  marks: CellMark[];
  /** Snapshots of the unit sheets chosen by `pickUnitSheets`, with hidden rows and fonts where the sets allow. */
  unitSheets: SheetSnapshot[];
  /** Keys (nameKey) of protected sheets; empty without ExcelApi 1.2. */
  protectedKeys: Set<string>;
  comments: PlacedComment[] | null;
}

function readSetupGrids(reads: Map<string, SheetGrid>): SetupSheets {
  const grid = (name: string) => reads.get(nameKey(name))?.snapshot.values ?? null;
  return { template: grid(SETUP_SHEETS.template), report: grid(SETUP_SHEETS.report), units: grid(SETUP_SHEETS.units) };
}

/** Setup sheets and the import register: 2 syncs. */
export async function readSetup(context: ExcelContextLike, has: SupportsFn): Promise<SetupRead> {
  const list = queueSheetList(context);
  await context.sync();
  const directory = sheetDirectory(list());
  const wanted = [...Object.values(SETUP_SHEETS), IMPORT_REGISTER_SHEET];
  const queued = queueNamed(directory, wanted, has);
  if (queued.length) await context.sync();
  const reads = gridsByKey(queued, has);
  return { directory, setupSheets: readSetupGrids(reads), register: registerOf(reads) };
}

function queueNamed(directory: SheetDirectory, names: readonly string[], has: SupportsFn): QueuedRead[] {
  return names.flatMap((name) => {
    const exact = directory.exactName(name);
    return exact ? [queueUsedRange(exact, directory.get(exact)!, has)] : [];
  });
}

function gridsByKey(queued: readonly QueuedRead[], has: SupportsFn): Map<string, SheetGrid> {
  return new Map(queued.map((q) => [nameKey(q.name), gridOf(q, has)]));
}

function registerOf(reads: Map<string, SheetGrid>): ImportRegister {
  const grid = reads.get(nameKey(IMPORT_REGISTER_SHEET));
  return grid ? registerFromGrid(grid.snapshot.values) : EMPTY_REGISTER;
}

/**
 * Everything a check needs. `pickUnitSheets` gets the setup and register read in sync 2 and the
 * snapshot of every sheet that may hold a return (registered sheets, and visible sheets that are not
 * the add-in's own), and names the unit sheets, whose extras are then read in sync 3.
 */
export async function readForCheck(
  context: ExcelContextLike,
  has: SupportsFn,
  pickUnitSheets: (setup: SetupRead, candidates: SheetSnapshot[]) => SheetSnapshot[],
): Promise<CheckRead> {
  const withComments = has('1.10');
  const comments = context.workbook.comments;
  if (withComments) comments.load('items/content');
  const list = queueSheetList(context);
  await context.sync();
  const directory = sheetDirectory(list());

  // Sync 2.
  const own = queueNamed(directory, [...Object.values(SETUP_SHEETS), IMPORT_REGISTER_SHEET, MARKS_SHEET], has);
  const places = withComments ? queueCommentPlaces(comments.items, true) : null;
  const protection = has('1.2')
    ? directory.listed.map((s) => {
      const p = s.sheet.protection;
      p.load('protected');
      return { key: nameKey(s.info.name), protection: p };
    })
    : [];
  // The register is not read yet: every sheet except the add-in's own visible ones is a candidate,
  // hidden ones too (a registered return may have been hidden by the user).
  const candidates = directory.listed
    .filter((s) => !isReserved(s.info.name))
    .map((s) => queueUsedRange(s.info.name, s.sheet, has));
  await context.sync();

  const reads = gridsByKey(own, has);
  const setup: SetupRead = { directory, setupSheets: readSetupGrids(reads), register: registerOf(reads) };
  const candidateGrids = new Map(candidates.map((q) => [q.name, { queued: q, grid: gridOf(q, has) }]));
  const visible = new Set(directory.listed.filter((s) => s.info.visibility === 'visible').map((s) => s.info.name));
  const registered = new Set(setup.register.records.map((r) => nameKey(r.sheet)));
  const visibleOrRegistered = candidates.filter((q) => visible.has(q.name) || registered.has(nameKey(q.name)));
  const picked = pickUnitSheets(setup, visibleOrRegistered.map((q) => candidateGrids.get(q.name)!.grid.snapshot));

  // Sync 3 (1.2+): hidden rows and fonts of the unit sheets only.
  const extras = picked.flatMap((snap) => {
    const c = candidateGrids.get(snap.name)!;
    return queueExtras(c.queued.sheet, c.grid, has) ?? [];
  });
  if (extras.length) {
    await context.sync();
    extras.forEach((f) => f());
  }
  const marksGrid = reads.get(nameKey(MARKS_SHEET));
  return {
    ...setup,
    marks: marksGrid ? marksFromGrid(marksGrid.snapshot.values) : [],
    unitSheets: picked,
    protectedKeys: new Set(protection.filter((p) => p.protection.protected).map((p) => p.key)),
    comments: places ? places() : null,
  };
}

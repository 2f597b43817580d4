/**
 * Reading what the pane needs from the open workbook in a fixed number of syncs, whatever the number
 * of unit sheets:
 *   1) sheet names and visibility (and, with ExcelApi 1.10, the comments with their text);
 *   2) the used range of the setup sheets, the import register and the highlight register; with 1.10
 *      where each comment is; with 1.2 which sheets are protected and the address (only) of every
 *      other sheet's used range;
 *   3) only with 1.2+: values, formulas, hidden rows (and, with 1.9, fonts) of the sheets that may
 *      hold a return (registered, or named after a listed unit): what sync 2 told. A sheet that can
 *      never be a return is not read, so a big unrelated sheet does not swell the response (Excel on
 *      the web caps one at 5 MB).
 * On ExcelApi 1.1 there is no sync 3: the values of every sheet but the add-in's own are read in
 * sync 2, before the register and the unit list are known (Excel on the web has every set, so the
 * cap does not meet this path).
 */
import type { SheetSnapshot } from '../../core/grid/sheet';
import { EMPTY_REGISTER, IMPORT_REGISTER_SHEET, registerFromGrid, type ImportRegister } from '../../core/form/import-register';
import type { CellMark } from '../../core/validate/cell-marks';
import type { SupportsFn } from '../../workbook/office/addresses';
import { queueCommentPlaces, type PlacedComment } from '../../workbook/office/cell-highlights';
import type { ExcelContextLike, WorksheetLike } from '../../workbook/office/excel-shapes';
import {
  gridOf, queueExtrasAt, queueUsedBounds, queueUsedRange, usedBounds, type QueuedRead, type SheetGrid,
} from '../../workbook/office/sheet-reads';
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
  /** Own fill colours of the unit sheets' cells by cellKey (with ExcelApi 1.9; empty otherwise). */
  fills: Map<string, string>;
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

/** What the check makes of the setup and register read in sync 2: which sheets to read, and which of those are returns. */
export interface UnitSheetChoice {
  /** Whether the sheet called `name` may hold a return: only those are read. */
  mayHold(name: string, visible: boolean): boolean;
  /** The unit sheets among the snapshots of the sheets `mayHold` let through (in tab order). */
  pick(candidates: SheetSnapshot[]): SheetSnapshot[];
}

/**
 * Everything a check needs: 3 syncs (2 on ExcelApi 1.1). `choose` gets the setup and register read in
 * sync 2 and says which sheets may hold a return (only those are read, with their extras) and which
 * of them are the unit sheets.
 */
export async function readForCheck(
  context: ExcelContextLike,
  has: SupportsFn,
  choose: (setup: SetupRead) => UnitSheetChoice,
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
  // Every sheet but the add-in's own may hold a return, hidden ones too (a registered return may
  // have been hidden by the user); which ones do is known once the register and unit list are read.
  const others = directory.listed.filter((s) => !isReserved(s.info.name));
  const narrow = has('1.2');
  const addresses = narrow ? others.map((s) => ({ listed: s, used: queueUsedBounds(s.sheet, has) })) : [];
  const wide = narrow ? [] : others.map((s) => ({ listed: s, queued: queueUsedRange(s.info.name, s.sheet, has) }));
  await context.sync();

  const reads = gridsByKey(own, has);
  const setup: SetupRead = { directory, setupSheets: readSetupGrids(reads), register: registerOf(reads) };
  const choice = choose(setup);
  const wanted = (s: ListedSheet) => choice.mayHold(s.info.name, s.info.visibility === 'visible');

  let candidates: SheetSnapshot[];
  const fills = new Map<string, string>();
  if (narrow) {
    // Sync 3: values, formulas and extras of the sheets that may hold a return.
    const queued = addresses.filter((a) => wanted(a.listed)).map((a) => ({
      read: queueUsedRange(a.listed.info.name, a.listed.sheet, has),
      extras: queueExtrasAt(a.listed.sheet, usedBounds(a.used, has), has),
    }));
    if (queued.length) await context.sync();
    candidates = queued.map(({ read, extras }) => {
      const { snapshot } = gridOf(read, has);
      extras?.(snapshot, fills);
      return snapshot;
    });
  } else {
    candidates = wide.filter((w) => wanted(w.listed)).map((w) => gridOf(w.queued, has).snapshot);
  }
  const picked = choice.pick(candidates);

  const marksGrid = reads.get(nameKey(MARKS_SHEET));
  return {
    ...setup,
    marks: marksGrid ? marksFromGrid(marksGrid.snapshot.values) : [],
    unitSheets: picked,
    protectedKeys: new Set(protection.filter((p) => p.protection.protected).map((p) => p.key)),
    comments: places ? places() : null,
    fills,
  };
}

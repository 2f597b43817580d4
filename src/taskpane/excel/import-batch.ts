/**
 * Writing picked returns as unit sheets, all files in 3 syncs:
 *   1) sheet names (what exists now decides what is replaced or kept);
 *   2) the import register is read, and each return is written, by one of two paths (both can share
 *      the sync):
 *      - insert: with ExcelApi 1.13, a return for a sheet that does not exist yet and that has an
 *        insert payload (a plain .xlsx whose form sheet carries no comments, drawings, pivot tables,
 *        slicers or password protection: insert-payload.ts) has its form sheet inserted from the
 *        file (Workbook.insertWorksheetsFromBase64, at the end; Excel gives it a free name);
 *      - values: any other return, and every replacement, has the form sheet's values and formulas
 *        written through the writeSheets path: an existing sheet is cleared and rewritten in place,
 *        never deleted, so formulas pointing at it (the links of "Tổng hợp", the user's own) keep
 *        working and a later failure cannot lose it: import-values.ts;
 *      the highlight register is read too;
 *   3) each inserted sheet is renamed (by the id the insert returned) to its unit's name and
 *      unprotected (the province's copy must take highlights); the import register is rewritten, and
 *      the highlight register loses the marks of the sheets written (their cells are new).
 * More syncs only when a batch needs them:
 *   - inserts beyond MAX_INSERT_BASE64 of base64 go after sync 2, one more sync per 4 MB chunk;
 *   - when Excel refuses a sync carrying inserts, the files of that chunk and of the later ones
 *     are written by values instead, after one more sync (import-retry.ts).
 */
import {
  EMPTY_REGISTER, IMPORT_REGISTER_SHEET, registerFromGrid, registerSheet, withExistingSheets, withImports,
  type ImportRecord,
} from '../../core/form/import-register';
import type { SheetSnapshot } from '../../core/grid/sheet';
import type { WorkbookMeta } from '../../core/form/metadata';
import type { SupportsFn } from '../../workbook/office/addresses';
import type { ClientResultLike, ExcelContextLike, WorksheetLike } from '../../workbook/office/excel-shapes';
import { gridOf, queueUsedRange, type QueuedRead } from '../../workbook/office/sheet-reads';
import { queueSheetWrites } from '../../workbook/office/sheet-writes';
import { queueSheetList } from '../../workbook/office-workbook';
import type { ImportPlanItem } from '../workspace/workspace';
import { isOfficeError } from './excel-errors';
import { queueValueWrites } from './import-values';
import { retryByValues } from './import-retry';
import { insertChunks } from './insert-payload';
import { MARKS_SHEET, marksFromGrid, marksSheet, marksWithout } from './mark-register';
import { nameKey } from './sheet-names';
import { sheetDirectory, type SheetDirectory } from './workbook-reads';

export interface PreparedReturn {
  item: ImportPlanItem;
  /** The user agreed to replace an existing sheet of that name. */
  consent: boolean;
  /** Name of the form sheet in the file. */
  sourceSheet: string;
  meta: WorkbookMeta | null;
  /** The file as base64 when it can take the insert path (ExcelApi 1.13), else null. */
  base64: string | null;
  /** The form sheet as read (values path). */
  snapshot: SheetSnapshot;
}

export interface ImportWriteResult {
  imported: PreparedReturn[];
  kept: PreparedReturn[];
}

interface Inserted {
  p: PreparedReturn;
  /** Readable after the sync, if it went through. */
  ids: ClientResultLike<string[]>;
}

/** Decided with what exists now: a sheet that appeared since the plan still needs consent. */
function decide(directory: SheetDirectory, prepared: readonly PreparedReturn[]): ImportWriteResult & { writes: PreparedReturn[] } {
  const imported: PreparedReturn[] = [];
  const kept: PreparedReturn[] = [];
  const lastWriteOf = new Map<string, PreparedReturn>();
  for (const p of prepared) {
    const key = nameKey(p.item.sheet);
    const taken = directory.exactName(p.item.sheet) !== undefined || lastWriteOf.has(key);
    if (taken && !p.consent) {
      kept.push(p);
      continue;
    }
    imported.push(p);
    lastWriteOf.set(key, p); // two files for one sheet: the later one is what the sheet holds
  }
  return { imported, kept, writes: [...lastWriteOf.values()] };
}

function queueInserts(context: ExcelContextLike, chunk: readonly PreparedReturn[]): Inserted[] {
  const inserted = chunk.map((p) => ({
    p,
    ids: context.workbook.insertWorksheetsFromBase64(p.base64!, { sheetNamesToInsert: [p.sourceSheet], positionType: 'End' }),
  }));
  return inserted;
}

export async function writeImports(
  context: ExcelContextLike,
  has: SupportsFn,
  prepared: readonly PreparedReturn[],
  options: { period: string | null; now: string },
): Promise<ImportWriteResult> {
  const list = queueSheetList(context);
  await context.sync();
  const directory = sheetDirectory(list());
  const { imported, kept, writes } = decide(directory, prepared);
  // Only new sheets are inserted: a replaced sheet is rewritten in place (the values path).
  const byInsert = (p: PreparedReturn) => has('1.13') && p.base64 !== null && directory.exactName(p.item.sheet) === undefined;
  const byValues = writes.filter((p) => !byInsert(p));
  const chunks = insertChunks(writes.filter(byInsert), (p) => p.base64!.length);

  // Sync 2 (and one more per further chunk of inserts).
  const registerSheetNow = directory.get(IMPORT_REGISTER_SHEET);
  const queueRegisterRead = () => (registerSheetNow ? queueUsedRange(IMPORT_REGISTER_SHEET, registerSheetNow, has) : null);
  const marksSheetNow = directory.get(MARKS_SHEET);
  const queueMarksRead = () => (marksSheetNow ? queueUsedRange(MARKS_SHEET, marksSheetNow, has) : null);
  let registerRead: QueuedRead | null = queueRegisterRead();
  let marksRead: QueuedRead | null = queueMarksRead();
  queueValueWrites(context, has, directory, byValues);
  const inserted: Inserted[] = [];
  for (const [k, chunk] of (chunks.length ? chunks : [[]]).entries()) {
    let queued: Inserted[];
    try {
      queued = queueInserts(context, chunk);
      await context.sync();
    } catch (e) {
      if (!chunk.length || !isOfficeError(e)) throw e;
      // Sync 2 also carried the register read and the values path: both are done again.
      if (k === 0) {
        registerRead = queueRegisterRead();
        marksRead = queueMarksRead();
      }
      const redo = [...(k === 0 ? byValues : []), ...chunks.slice(k).flat()];
      const insertedIds = new Set(inserted.map((i) => i.ids.value[0]));
      await retryByValues(context, has, { before: directory, insertedIds, targets: writes.map((p) => p.item.sheet), redo });
      break;
    }
    inserted.push(...queued);
  }

  // Last sync (3 in an ordinary batch).
  for (const { p, ids } of inserted) {
    const sheet = context.workbook.worksheets.getItem(ids.value[0]);
    sheet.name = p.item.sheet;
    sheet.protection.unprotect();
  }
  const before = registerRead ? registerFromGrid(gridOf(registerRead, has).snapshot.values) : EMPTY_REGISTER;
  const records: ImportRecord[] = writes.map((p) => ({
    sheet: p.item.sheet, unit: p.item.unit, file: p.item.file, sourceSheet: p.sourceSheet, importedAt: options.now, meta: p.meta,
  }));
  const namesAfter = [...directory.listed.map((s) => s.info.name), ...writes.map((p) => p.item.sheet)];
  const register = withExistingSheets(withImports({ ...before, period: options.period ?? before.period }, records), namesAfter);
  const existing = new Map<string, WorksheetLike>(registerSheetNow ? [[IMPORT_REGISTER_SHEET, registerSheetNow]] : []);
  const specs = [registerSheet(register)];
  if (marksRead && marksSheetNow) {
    const marks = marksFromGrid(gridOf(marksRead, has).snapshot.values);
    const kept = marksWithout(marks, new Set(writes.map((p) => nameKey(p.item.sheet))));
    if (kept.length !== marks.length) {
      specs.push(marksSheet(kept));
      existing.set(MARKS_SHEET, marksSheetNow);
    }
  }
  queueSheetWrites(context, has, specs, existing);
  await context.sync();
  return { imported, kept };
}

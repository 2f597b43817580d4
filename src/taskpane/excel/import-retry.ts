/**
 * When Excel refuses a sync that carries inserts (Excel on the web refusing a sheet the package check
 * did not flag, a request over its size cap), the files of that sync go through the values path
 * instead of failing the import.
 *
 * Excel runs a failed batch's operations in order up to the failing one, so that batch may have left
 * inserted sheets whose ids never came back, and half-written values. One more sync lists the sheets;
 * then, queued for the caller's next sync: the sheets that appeared without a known id are deleted
 * and every file of `redo` is (re)written by values. If that sync fails too, the import fails.
 */
import type { SupportsFn } from '../../workbook/office/addresses';
import type { ExcelContextLike } from '../../workbook/office/excel-shapes';
import { queueSheetList } from '../../workbook/office-workbook';
import type { PreparedReturn } from './import-batch';
import { queueValueWrites } from './import-values';
import { nameKey } from './sheet-names';
import { sheetDirectory, type SheetDirectory } from './workbook-reads';

export interface RetryState {
  /** The sheets before any write of this import. */
  before: SheetDirectory;
  /** Ids of the sheets inserted by syncs that went through. */
  insertedIds: ReadonlySet<string>;
  /** Names of the sheets this import writes (by either path). */
  targets: readonly string[];
  /** Files to write by values (those of the refused sync and later, and the values path if it shared that sync). */
  redo: readonly PreparedReturn[];
}

/** 1 sync; what it queues goes with the caller's next sync. Whatever the caller queued before goes with this one. */
export async function retryByValues(context: ExcelContextLike, has: SupportsFn, state: RetryState): Promise<void> {
  const list = queueSheetList(context, { withIds: true });
  await context.sync();
  const now = sheetDirectory(list());
  const known = new Set([...state.before.listed.map((s) => s.info.name), ...state.targets].map(nameKey));
  const leftovers = now.listed.filter((s) => !known.has(nameKey(s.info.name)) && !state.insertedIds.has(s.sheet.id));
  queueValueWrites(context, has, now, state.redo);
  // After the writes, which may add sheets: the workbook keeps a visible sheet.
  for (const s of leftovers) s.sheet.delete();
}

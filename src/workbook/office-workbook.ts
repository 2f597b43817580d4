/**
 * WorkbookPort over the Excel JavaScript API (the task pane inside Excel).
 *
 * Design: the constructor takes an `Excel.RequestContext`-shaped object (see ./office/excel-shapes)
 * and a `supports(version)` function, e.g.
 *   Excel.run(async (context) => {
 *     const book = new OfficeWorkbook(context, { supports: (v) => Office.context.requirements.isSetSupported('ExcelApi', v) });
 *     ...
 *   });
 * Nothing Office-specific is touched at module load. The baseline is ExcelApi 1.1; anything
 * newer is used only when `supports` says yes, each with a 1.1 fallback (listed in OFFICE_FALLBACKS).
 * The batching pieces (./office/sheet-reads, sheet-writes, cell-highlights) never sync, so the
 * task pane's ExcelWorkspace can put several of them on the same syncs.
 *
 * Sync budget (constant whatever the number of sheets):
 * - listSheets: 1. readSheets / readWorkbook: 2 (1.1) or 3 (1.2+, for hidden rows and fonts).
 * - readMetadata: 2. writeSheets: 2. markCells: 2, or 3 when the workbook already has comments (1.10).
 */
import type { SheetSnapshot } from '../core/grid/sheet';
import type { SheetSpec } from '../core/grid/sheet-spec';
import { META_SHEET_NAME, metaFromGrid, type WorkbookMeta } from '../core/form/metadata';
import type { CellMark } from '../core/validate/cell-marks';
import type { SheetInfo, WorkbookPort } from './workbook-port';
import type { ExcelContextLike, WorksheetLike } from './office/excel-shapes';
import type { SupportsFn } from './office/addresses';
import { gridOf, queueExtras, queueUsedRange, type QueuedRead, type SheetGrid } from './office/sheet-reads';
import { queueSheetWrites } from './office/sheet-writes';
import { queueCommentPlaces, queueHighlights, type PlacedComment } from './office/cell-highlights';

export type { ExcelContextLike } from './office/excel-shapes';
export type { SupportsFn } from './office/addresses';
export { rangeBounds } from './office/addresses';
export { textForExcel, widthToPoints } from './office/sheet-writes';

export interface OfficeWorkbookOptions {
  /** Defaults to "1.1 only". */
  supports?: SupportsFn;
}

/** What each newer API gives and what happens without it (for the README). */
export const OFFICE_FALLBACKS: readonly { api: string; set: string; fallback: string }[] = [
  { api: 'Worksheet.getUsedRangeOrNullObject(valuesOnly)', set: '1.4', fallback: 'getUsedRange(); a lone empty A1 is read as an empty sheet' },
  { api: 'getUsedRange(valuesOnly = true)', set: '1.2', fallback: 'getUsedRange() without the argument; trailing empty rows/columns are trimmed' },
  { api: 'Range.getRowProperties (hidden rows, bulk)', set: '1.9', fallback: '1.2: rowHidden loaded per used row in the same sync; 1.1: hiddenRows left undefined' },
  { api: 'Range.getCellProperties (font names, bulk)', set: '1.9', fallback: 'fonts left undefined (no per-cell font reads)' },
  { api: 'Application.suspendApiCalculationUntilNextSync', set: '1.6', fallback: 'not called' },
  { api: 'Range.merge / unmerge', set: '1.2', fallback: 'merges skipped' },
  { api: 'RangeFormat.columnWidth / rowHeight', set: '1.2', fallback: 'widths and heights skipped' },
  { api: 'Worksheet.protection, RangeFormat.protection.locked', set: '1.2', fallback: 'sheet left unprotected' },
  { api: 'Worksheet.freezePanes', set: '1.7', fallback: 'no frozen panes' },
  { api: 'Worksheet.getRangeByIndexes', set: '1.7', fallback: 'A1 addresses with getRange' },
  { api: 'Range.dataValidation', set: '1.8', fallback: 'validations skipped' },
  { api: 'Worksheet.pageLayout', set: '1.9', fallback: 'print setup skipped' },
  { api: 'Workbook.comments (notes of SheetSpec and markCells)', set: '1.10', fallback: 'fill only, no note' },
  { api: 'Worksheet.visibility incl. VeryHidden', set: '1.1', fallback: '(baseline)' },
  {
    api: 'Workbook.insertWorksheetsFromBase64 (import a return\'s form sheet with its formatting; at most 4 MB of base64 per request)',
    set: '1.13',
    fallback: 'the form sheet\'s values and formulas are written (writeSheets path; formatting, validation and fonts of the file are not copied): without 1.13; for a file that is not a plain .xlsx (.xlsm, .xltm, templates); for a form sheet carrying notes or comments, drawings (charts, pictures, shapes), PivotTables or slicers, which Excel on the web refuses; and, retried once, for the files of an insert request Excel refused',
  },
  { api: 'Range.rowHidden = true (hidden rows of an imported return, writeSheets path)', set: '1.2', fallback: 'rows stay visible; the check then reports no hidden-row remark' },
  { api: 'Worksheet.protection.unprotect / .protected (imported sheets; highlights on protected sheets)', set: '1.2', fallback: 'imported sheets are written unprotected anyway; protection is not read' },
  { api: 'Worksheet.delete, activate, Range.select, RangeFill.clear, ChartCollection.add', set: '1.1', fallback: '(baseline)' },
];

const VISIBILITY_IN: Record<string, SheetInfo['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

export interface ListedSheet {
  info: SheetInfo;
  /** `id` is readable only when listed `withIds`. */
  sheet: WorksheetLike;
}

/** Queues the sheet list (names and visibility); call the result after the next sync. */
export function queueSheetList(context: ExcelContextLike, options: { withIds?: boolean } = {}): () => ListedSheet[] {
  const sheets = context.workbook.worksheets;
  sheets.load(options.withIds ? 'items/name,items/visibility,items/id' : 'items/name,items/visibility');
  return () => sheets.items.map((sheet) => ({
    sheet,
    info: { name: sheet.name, visibility: VISIBILITY_IN[sheet.visibility] ?? 'visible' },
  }));
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: SupportsFn;

  constructor(private readonly context: ExcelContextLike, options: OfficeWorkbookOptions = {}) {
    this.supports = options.supports ?? ((v) => v === '1.1');
  }

  /** Whether ExcelApi `version` is there (1.1 always is). */
  readonly has = (version: string): boolean => version === '1.1' || this.supports(version);

  private async loadSheetList(): Promise<ListedSheet[]> {
    const list = queueSheetList(this.context);
    await this.context.sync();
    return list();
  }

  async listSheets(): Promise<SheetInfo[]> {
    return (await this.loadSheetList()).map((s) => s.info);
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    return (await this.readWorkbook(names)).sheets;
  }

  async readMetadata(): Promise<WorkbookMeta | null> {
    return (await this.readWorkbook([])).meta;
  }

  /**
   * The named sheets (all when omitted) and the metadata sheet, in the same syncs:
   * 1) sheet names and visibility; 2) every used range's values, formulas and address;
   * 3) only with 1.2+: hidden-row flags (and with 1.9 font names) of the non-empty used ranges.
   */
  async readWorkbook(names?: string[]): Promise<{ sheets: SheetSnapshot[]; meta: WorkbookMeta | null }> {
    const list = await this.loadSheetList();
    const wanted = names ? new Set(names) : null;
    const pending: QueuedRead[] = [];
    let metaRead: QueuedRead | null = null;
    for (const { info, sheet } of list) {
      const want = !wanted || wanted.has(info.name);
      const isMeta = info.name === META_SHEET_NAME;
      if (!want && !isMeta) continue;
      const read = queueUsedRange(info.name, sheet, this.has);
      if (want) pending.push(read);
      if (isMeta) metaRead = read;
    }
    if (pending.length || metaRead) await this.context.sync();

    const grids = new Map<QueuedRead, SheetGrid>();
    for (const p of new Set([...pending, ...(metaRead ? [metaRead] : [])])) grids.set(p, gridOf(p, this.has));

    const extras = pending.flatMap((p) => queueExtras(p.sheet, grids.get(p)!, this.has) ?? []);
    if (extras.length) {
      await this.context.sync();
      extras.forEach((f) => f());
    }
    const meta = metaRead ? metaFromGrid(grids.get(metaRead)!.snapshot.values) : null;
    return { sheets: pending.map((p) => grids.get(p)!.snapshot), meta };
  }

  /**
   * Creates each missing sheet and clears each existing one, then writes it:
   * sync 1 loads the sheet names; sync 2 carries every sheet's writes.
   */
  async writeSheets(specs: SheetSpec[]): Promise<void> {
    if (!specs.length) return;
    const existing = new Map((await this.loadSheetList()).map((s) => [s.info.name, s.sheet]));
    if (this.has('1.6')) this.context.application.suspendApiCalculationUntilNextSync();
    queueSheetWrites(this.context, this.has, specs, existing);
    await this.context.sync();
  }

  /**
   * Fills each marked cell (queued, one proxy per cell) and, with comments (1.10), replaces the
   * cell's comment. Syncs: sheet names and (1.10) the comment list; with existing comments, their
   * locations; then all writes. So 2 syncs, or 3 when the workbook already has comments.
   * Marks on sheets that do not exist are skipped, as in the ExcelJS adapter.
   */
  async markCells(marks: CellMark[]): Promise<void> {
    if (!marks.length) return;
    const withComments = this.has('1.10');
    const comments = this.context.workbook.comments;
    if (withComments) comments.load('items'); // rides on the sheet-list sync
    const sheets = new Map((await this.loadSheetList()).map((s) => [s.info.name, s.sheet]));
    const live = marks.filter((m) => sheets.has(m.sheet));
    if (!live.length) return;
    let placed: PlacedComment[] | null = null;
    if (withComments) {
      placed = [];
      if (comments.items.length) {
        const places = queueCommentPlaces(comments.items, false);
        await this.context.sync();
        placed = places();
      }
    }
    queueHighlights(this.context, { sheetOf: (name) => sheets.get(name), previous: [], next: live, comments: placed, replaceComments: true });
    await this.context.sync();
  }
}

/**
 * Highlighting faulty cells: fill (ExcelApi 1.1) and, with comments (1.10), a note. Removing an
 * earlier run's highlights gives each cell back the fill it had before it was marked (read with the
 * unit sheets, ExcelApi 1.9; no fill when unknown) and deletes only the notes that still read
 * exactly as written: a comment of the clerk's is never deleted, and a cell carrying one gets the
 * fill only. Everything is queued; the caller syncs.
 */
import { MARK_FILL, type CellMark } from '../../core/validate/cell-marks';
import { cellKey, quoteSheet, splitAddress } from './addresses';
import type { CommentLike, ExcelContextLike, RangeLike, WorksheetLike } from './excel-shapes';

export interface PlacedComment {
  comment: CommentLike;
  /** cellKey of the comment's cell. */
  key: string;
  content: string;
}

/**
 * Queues the location of each comment (the collection must have been loaded with 'items' and synced;
 * with `withContent`, with 'items/content'). Returns what to call after the next sync.
 */
export function queueCommentPlaces(comments: readonly CommentLike[], withContent: boolean): () => PlacedComment[] {
  const located = comments.map((comment) => {
    const loc: RangeLike = comment.getLocation();
    loc.load('address');
    return { comment, loc };
  });
  return () => located.map(({ comment, loc }) => {
    const { sheet, cell } = splitAddress(loc.address);
    return { comment, key: cellKey(sheet, cell), content: withContent ? comment.content : '' };
  });
}

/** A mark as placed: with the cell's fill before it was marked, and the note written ('' when none). */
export interface PlacedMark extends CellMark {
  /** "#RRGGBB" of the cell before it was marked, or null for no fill (or unknown): cleared on removal. */
  fill: string | null;
}

export interface HighlightChange {
  /** Sheet by name (as Excel compares names), or undefined when it is gone. */
  sheetOf(name: string): WorksheetLike | undefined;
  /**
   * Marks written by the previous run: their cells get their saved fill back (or no fill), and their
   * notes are deleted where the cell's comment still reads exactly as written.
   */
  previous: readonly (CellMark & { fill?: string | null })[];
  next: readonly CellMark[];
  /** Comments of the workbook with their places; null without ExcelApi 1.10 (fill only). */
  comments: readonly PlacedComment[] | null;
  /** Own fill of cells (read with the unit sheets), by cellKey; a cell missing here has none: cleared on removal. */
  fills?: ReadonlyMap<string, string | null>;
  /**
   * true: a newly marked cell loses whatever comment it had (markCells). Otherwise a comment that is
   * not a note of `previous` (the clerk's own) is kept and that cell gets the fill only.
   */
  replaceComments?: boolean;
}

/** Queues the change; returns the marks actually placed (those whose sheet exists). */
export function queueHighlights(context: ExcelContextLike, change: HighlightChange): PlacedMark[] {
  const old = change.previous.filter((m) => change.sheetOf(m.sheet));
  const live = change.next.filter((m) => change.sheetOf(m.sheet));
  const oldByKey = new Map(old.map((m) => [cellKey(m.sheet, m.cell), m]));
  const remarked = new Set(live.map((m) => cellKey(m.sheet, m.cell)));
  /** Cells keeping a comment we did not write: a cell holds one comment thread, so no note there. */
  const foreign = new Set<string>();
  if (change.comments) {
    for (const c of change.comments) {
      const ours = oldByKey.get(c.key)?.note;
      const isOurs = !!ours && ours === c.content.replace(/\r\n?/g, '\n');
      if (isOurs || (change.replaceComments && remarked.has(c.key))) c.comment.delete();
      else foreign.add(c.key);
    }
  }
  for (const [key, m] of oldByKey) {
    if (remarked.has(key)) continue; // painted over below; its saved fill carries over
    const fill = change.sheetOf(m.sheet)!.getRange(m.cell).format.fill;
    if (m.fill) fill.color = m.fill;
    else fill.clear();
  }
  return live.map((m) => {
    const key = cellKey(m.sheet, m.cell);
    change.sheetOf(m.sheet)!.getRange(m.cell).format.fill.color = `#${MARK_FILL[m.severity]}`;
    const withNote = !!change.comments && !foreign.has(key);
    if (withNote) context.workbook.comments.add(`${quoteSheet(m.sheet)}!${m.cell}`, m.note);
    const before = oldByKey.get(key);
    const fill = before ? before.fill ?? null : change.fills?.get(key) ?? null;
    return { ...m, note: withNote ? m.note : '', fill };
  });
}

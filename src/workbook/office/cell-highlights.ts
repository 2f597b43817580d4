/**
 * Highlighting faulty cells: fill (ExcelApi 1.1) and, with comments (1.10), a note. Removing an
 * earlier run's highlights clears the fill (cells are left with no fill) and deletes the notes that
 * are still exactly as written. Everything is queued; the caller syncs.
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

export interface HighlightChange {
  /** Sheet by name (as Excel compares names), or undefined when it is gone. */
  sheetOf(name: string): WorksheetLike | undefined;
  /** Marks written by the previous run: their fill is cleared and their unchanged notes deleted. */
  previous: readonly CellMark[];
  next: readonly CellMark[];
  /** Comments of the workbook with their places; null without ExcelApi 1.10 (fill only). */
  comments: readonly PlacedComment[] | null;
}

/** Queues the change; returns the marks actually placed (those whose sheet exists). */
export function queueHighlights(context: ExcelContextLike, change: HighlightChange): CellMark[] {
  const old = change.previous.filter((m) => change.sheetOf(m.sheet));
  const live = change.next.filter((m) => change.sheetOf(m.sheet));
  if (change.comments) {
    const ourOldNotes = new Map(old.map((m) => [cellKey(m.sheet, m.cell), m.note]));
    const remarked = new Set(live.map((m) => cellKey(m.sheet, m.cell)));
    for (const c of change.comments) {
      // A cell can hold one comment thread: a newly marked cell loses whatever note it had.
      if (remarked.has(c.key) || ourOldNotes.get(c.key) === c.content.replace(/\r\n?/g, '\n')) c.comment.delete();
    }
  }
  for (const m of old) change.sheetOf(m.sheet)!.getRange(m.cell).format.fill.clear();
  for (const m of live) {
    change.sheetOf(m.sheet)!.getRange(m.cell).format.fill.color = `#${MARK_FILL[m.severity]}`;
    if (change.comments) context.workbook.comments.add(`${quoteSheet(m.sheet)}!${m.cell}`, m.note);
  }
  return live;
}

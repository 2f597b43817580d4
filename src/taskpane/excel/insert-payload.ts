/**
 * What travels to Excel through Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13), and in which syncs.
 *
 * Excel on the web caps each request at 5 MB, and a file inserted with insertWorksheetsFromBase64
 * travels as base64 (a third larger than the file). The inserts of one sync are kept to 4 MB of
 * base64, leaving about 1 MB for what shares that sync (register read, sheets written by values,
 * deletes). Ordinary batches (a hundred 12 KB forms, about 1.6 MB) fit in one chunk.
 */
import { insertBlockers } from '../../workbook/xlsx-insert-check';
import { bytesToBase64 } from './base64';

export const MAX_INSERT_BASE64 = 4 * 1024 * 1024;

/**
 * The file as base64 when its form sheet can be inserted as it is on every Excel, else null (the
 * values path then writes it): see xlsx-insert-check.ts.
 */
export function insertPayload(bytes: Uint8Array, formSheet: string): string | null {
  try {
    if (insertBlockers(bytes, formSheet).length) return null;
  } catch {
    return null;
  }
  return bytesToBase64(bytes);
}

/** `items` in order, cut into runs of at most `limit` total size; an item larger than `limit` goes alone. */
export function insertChunks<T>(items: readonly T[], size: (item: T) => number, limit = MAX_INSERT_BASE64): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length && total + n > limit) {
      chunks.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += n;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * Opens one received return from its bytes (a file read from disk by the CLI, or picked in the task pane).
 * The file kind is sniffed first so a non-workbook gets a clear message.
 */
import { sniffFileKind } from '../core/form/file-kind';
import { META_SHEET_NAME } from '../core/form/metadata';
import type { ReturnInput } from '../core/validate/return-input';
import { ExcelJsWorkbook } from './exceljs-workbook';

export async function returnFromBytes(file: string, bytes: Uint8Array): Promise<ReturnInput> {
  if (bytes.length === 0) return { file, failure: 'empty' };
  const kind = sniffFileKind(bytes);
  if (kind === 'encrypted' || kind === 'xls') return { file, failure: kind };
  if (kind === 'unknown') return { file, failure: 'not-workbook' };
  try {
    const wb = await ExcelJsWorkbook.fromBytes(bytes);
    const sheets = (await wb.readSheets()).filter((s) => s.name !== META_SHEET_NAME);
    return { file, workbook: { file, sheets, meta: await wb.readMetadata() } };
  } catch (e) {
    return { file, failure: 'unreadable', detail: (e as Error).message };
  }
}

import { consolidationSheets } from '../core/consolidate/consolidation-sheets';
import type { JobResult } from '../core/job';
import { ExcelJsWorkbook } from './exceljs-workbook';

/** The provincial workbook as .xlsx bytes: "Tổng hợp", "Kiểm tra", "Tình trạng" and the hidden metadata. */
export async function consolidationFileBytes(result: JobResult): Promise<Uint8Array> {
  const wb = ExcelJsWorkbook.create();
  await wb.writeSheets(consolidationSheets(result.consolidation, result.findings));
  return wb.toBytes();
}

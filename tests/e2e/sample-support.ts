/**
 * Shared by the browser-workspace unit test and the end-to-end test: the bundled sample returns,
 * a sample return edited to hold a negative count, and the text of a .docx / totals of a .xlsx.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { plain, ROOT, SAMPLE_DIR, sampleFiles, totalsSheet } from '../cli/cli-support';
import { readDocx, textOf, wEls } from '../render/docx-reader';

export { ROOT, SAMPLE_DIR };

/** Paths of the 18 sample returns, sorted by file name. */
export const samplePaths = sampleFiles;

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLE_DIR, name)));
}

/** A fresh ArrayBuffer holding exactly these bytes (what ExcelJS's load takes everywhere). */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** A copy of a sample return with the value of indicator `code` set to `value` (e.g. a negative count). */
export async function alteredReturn(name: string, code: string, value: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBufferOf(sampleBytes(name)));
  const ws = wb.worksheets.find((s) => s.state === 'visible');
  if (!ws) throw new Error(`${name}: no visible sheet`);
  let header = -1;
  let codeCol = -1;
  let valueCol = -1;
  for (let r = 1; r <= 20 && header < 0; r++) {
    ws.getRow(r).eachCell((cell, col) => {
      if (plain(cell.value) === 'Mã số') codeCol = col;
      if (plain(cell.value) === 'Số liệu') valueCol = col;
    });
    if (codeCol > 0 && valueCol > 0) header = r;
  }
  if (header < 0) throw new Error(`${name}: no header with "Mã số" and "Số liệu"`);
  for (let r = header + 1; r <= ws.rowCount; r++) {
    if (plain(ws.getRow(r).getCell(codeCol).value) === code) {
      ws.getRow(r).getCell(valueCol).value = value;
      return new Uint8Array(await wb.xlsx.writeBuffer());
    }
  }
  throw new Error(`${name}: no row with Mã số ${code}`);
}

/** The "Tổng cộng" column of the "Tổng hợp" sheet of a provincial workbook, by Mã số. */
export async function consolidatedTotals(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBufferOf(bytes));
  const { rows } = totalsSheet(wb);
  return Object.fromEntries(Object.entries(rows).map(([code, row]) => [code, row.total]));
}

/** The paragraphs of word/document.xml as plain text (runs joined), one a line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { document } = await readDocx(bytes);
  return wEls(document, 'p').map(textOf).filter((t) => t.trim()).join('\n');
}

/** Figures of the bundled sample's report that need no previous period (from tests/cli/report.test.ts). */
export const REPORT_PHRASES = [
  '02 cuộc giám sát', '727 tập thể', '1.507 cá nhân', '297 hội viên', '37.090 hội viên', '2.554 thanh niên',
  '124 con', '253/1.557', '13 nhà tạm', 'Nam Giang: 10', '6.776 hội viên', '46.326 triệu đồng',
  '21.040 cây', '4.801 ngày công', '898,3 triệu đồng', '30,3 km', '157 đơn vị máu', '882,8 triệu đồng',
  '7.514 suất quà', '8 hài cốt',
];

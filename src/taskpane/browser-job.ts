/**
 * The task pane's job in browser mode: bytes of the picked files in, coverage sentence, finding rows
 * and the consolidated workbook out. Plain data only (no DOM), so it is testable under Node.
 */
import { coverageSentence, SEVERITY_TEXT } from '../core/consolidate/consolidation-sheets';
import { runJob, type JobResult } from '../core/job';
import { defaultTemplate } from '../core/template/default-template';
import { defaultUnits } from '../core/units/unit-list';
import type { Finding } from '../core/validate/finding';
import type { ReturnInput } from '../core/validate/return-input';
import { returnFromBytes } from '../workbook/open-return';

export interface PickedFile {
  name: string;
  /** Reads the file's bytes (File.arrayBuffer in the browser, a buffer in tests). */
  read(): Promise<Uint8Array>;
}

export interface FindingRow {
  severity: Finding['severity'];
  severityText: string;
  /** Unit name, else the file name, else the provincial total. */
  unit: string;
  /** "Sheet!A1" when the finding names a cell, else "". */
  cell: string;
  code: string;
  message: string;
}

export interface BrowserJob {
  result: JobResult;
  coverage: string;
  rows: FindingRow[];
}

export const PROVINCE_TOTAL_LABEL = 'Tổng hợp toàn tỉnh';
export const CONSOLIDATION_FILE_NAME = 'tong-hop.xlsx';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function findingRow(f: Finding): FindingRow {
  return {
    severity: f.severity,
    severityText: SEVERITY_TEXT[f.severity],
    unit: f.unit ?? f.file ?? PROVINCE_TOTAL_LABEL,
    cell: f.cell ? (f.sheet ? `${f.sheet}!${f.cell}` : f.cell) : '',
    code: f.code ?? '',
    message: f.message,
  };
}

/** Opens every file one after another (reports progress), then checks and consolidates them. */
export async function runBrowserJob(
  files: readonly PickedFile[],
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): Promise<BrowserJob> {
  const inputs: ReturnInput[] = [];
  for (const [i, f] of files.entries()) {
    onProgress(i, files.length, f.name);
    let bytes: Uint8Array;
    try {
      bytes = await f.read();
    } catch (e) {
      inputs.push({ file: f.name, failure: 'unreadable', detail: (e as Error).message });
      continue;
    }
    inputs.push(await returnFromBytes(f.name, bytes));
  }
  onProgress(files.length, files.length, '');
  const result = runJob(defaultTemplate(), inputs, { units: defaultUnits(), period: null });
  return { result, coverage: coverageSentence(result.consolidation), rows: result.findings.map(findingRow) };
}

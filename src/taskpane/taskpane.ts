/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Task pane entry (plain DOM; the React/Fluent UI comes later). Works in two modes:
 * inside Excel (office.js ready) and in a plain browser; both check the files the user picks.
 */
import { consolidationFileBytes } from '../workbook/consolidation-file';
import { CONSOLIDATION_FILE_NAME, XLSX_MIME, runBrowserJob, type BrowserJob, type FindingRow, type PickedFile } from './browser-job';
import { detectOfficeHost } from './office-ready';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

function readFile(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp.'));
    reader.readAsArrayBuffer(file);
  });
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderFindings(table: HTMLTableElement, rows: readonly FindingRow[]): void {
  const body = table.tBodies[0];
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.className = r.severity;
      tr.append(cell(r.severityText, 'nowrap'), cell(r.unit), cell(r.cell, 'nowrap'), cell(r.code, 'nowrap'), cell(r.message));
      return tr;
    }),
  );
  table.hidden = rows.length === 0;
}

function summaryText(job: BrowserJob, fileCount: number): string {
  const count = (s: FindingRow['severity']) => job.rows.filter((r) => r.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  if (errors === 0 && warnings === 0) return `Đã kiểm tra ${fileCount} tệp: không có lỗi hay cảnh báo.`;
  return `Đã kiểm tra ${fileCount} tệp: ${errors} lỗi, ${warnings} cảnh báo.`;
}

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([new Uint8Array(bytes)], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function start(): void {
  const input = byId<HTMLInputElement>('files');
  const runButton = byId<HTMLButtonElement>('run');
  const downloadButton = byId<HTMLButtonElement>('download');
  const status = byId<HTMLParagraphElement>('status');
  const fileCount = byId<HTMLParagraphElement>('file-count');
  const resultBox = byId<HTMLElement>('result');
  const table = byId<HTMLTableElement>('findings');
  let lastJob: BrowserJob | null = null;

  const setStatus = (text: string, isError = false) => {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  };

  input.addEventListener('change', () => {
    const n = input.files?.length ?? 0;
    fileCount.textContent = n === 0 ? 'Chưa chọn tệp nào.' : `Đã chọn ${n} tệp.`;
    runButton.disabled = n === 0;
  });

  runButton.addEventListener('click', async () => {
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    runButton.disabled = true;
    resultBox.hidden = true;
    lastJob = null;
    try {
      const picked: PickedFile[] = files.map((f) => ({ name: f.name, read: () => readFile(f) }));
      const job = await runBrowserJob(picked, (done, total, name) => {
        setStatus(done < total ? `Đang đọc tệp ${done + 1}/${total}: ${name}…` : 'Đang kiểm tra và tổng hợp…');
      });
      lastJob = job;
      byId('coverage').textContent = job.coverage;
      byId('summary').textContent = summaryText(job, files.length);
      renderFindings(table, job.rows);
      resultBox.hidden = false;
      setStatus('');
    } catch (e) {
      setStatus(`Không kiểm tra được: ${(e as Error).message}`, true);
    } finally {
      runButton.disabled = (input.files?.length ?? 0) === 0;
    }
  });

  downloadButton.addEventListener('click', async () => {
    if (!lastJob) return;
    downloadButton.disabled = true;
    try {
      download(await consolidationFileBytes(lastJob.result), CONSOLIDATION_FILE_NAME);
    } catch (e) {
      setStatus(`Không tạo được bảng tổng hợp: ${(e as Error).message}`, true);
    } finally {
      downloadButton.disabled = false;
    }
  });

  const mode = byId<HTMLParagraphElement>('mode');
  void detectOfficeHost().then((host) => {
    mode.textContent = host
      ? `Đang chạy trong ${host}. Chọn các tệp biểu đã nhận để kiểm tra và tổng hợp.`
      : 'Chế độ trình duyệt: chọn các tệp biểu (.xlsx) trên máy để kiểm tra và tổng hợp.';
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

/** Shared helpers for the CLI tests: run `main` in-process, temporary folders, read outputs back. */
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE_DIR = path.join(ROOT, 'samples', 'quang-nam-2024-6t');
export const PREVIOUS_FILE = path.join(ROOT, 'samples', 'quang-nam-2023-nam', 'tong-hop.xlsx');
export const FIXTURE_DIR = path.join(ROOT, 'tests', 'fixtures');
export const PERIOD = '6 tháng đầu năm 2024';

/** The 18 sample returns, sorted by file name. */
export function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((n) => n.endsWith('.xlsx'))
    .sort()
    .map((n) => path.join(SAMPLE_DIR, n));
}

export function sampleFile(name: string): string {
  return path.join(SAMPLE_DIR, name);
}

export function fixture(name: string): string {
  return path.join(FIXTURE_DIR, name);
}

export interface CliRun {
  code: number;
  /** Everything written through io.out, joined with newlines. */
  out: string;
  err: string;
}

/** Runs the CLI in-process, as `tonghop ARGS…` would, capturing what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'tonghop', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const made: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs` (call it in afterAll). */
export async function tempDir(label = 'cli'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `tonghop-${label}-`));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Hashes of every file in a folder, by name: to show nothing there was touched. */
export async function folderHashes(dir: string): Promise<Record<string, string>> {
  const names = (await fs.readdir(dir)).sort();
  return Object.fromEntries(names.map((n) => [n, sha256(path.join(dir, n))]));
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The plain value of a cell: formula cells give their cached result, rich text its text. */
export function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return o.result ?? null;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  }
  return v;
}

export interface TotalsRow {
  row: number;
  /** The "Tổng cộng" cell: formula text and cached result. */
  totalFormula: string | null;
  total: unknown;
  /** By header text (unit names, "Kỳ trước", "Tăng/giảm", "Ghi chú"). */
  byHeader: Record<string, unknown>;
}

export interface TotalsSheet {
  header: string[];
  headerRow: number;
  rows: Record<string, TotalsRow>;
}

/** The "Tổng hợp" sheet of a consolidated workbook, by Mã số. */
export function totalsSheet(wb: ExcelJS.Workbook): TotalsSheet {
  const ws = wb.getWorksheet('Tổng hợp');
  if (!ws) throw new Error('no "Tổng hợp" sheet');
  let headerRow = -1;
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && headerRow < 0; r++) {
    if (plain(ws.getRow(r).getCell(1).value) === 'TT' && plain(ws.getRow(r).getCell(3).value) === 'Mã số') headerRow = r;
  }
  if (headerRow < 0) throw new Error('no header row on "Tổng hợp"');
  const headerCells = ws.getRow(headerRow);
  const header: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const v = plain(headerCells.getCell(c).value);
    if (v === null || v === '') break;
    header.push(String(v));
  }
  const codeCol = header.indexOf('Mã số') + 1;
  const totalCol = header.indexOf('Tổng cộng') + 1;
  const rows: Record<string, TotalsRow> = {};
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = plain(row.getCell(codeCol).value);
    if (typeof code !== 'string' || !/^\d+$/.test(code)) continue;
    const totalCell = row.getCell(totalCol);
    const byHeader: Record<string, unknown> = {};
    header.forEach((h, i) => (byHeader[h] = plain(row.getCell(i + 1).value)));
    rows[code] = {
      row: r,
      totalFormula: totalCell.formula ?? null,
      total: plain(totalCell.value),
      byHeader,
    };
  }
  return { header, headerRow, rows };
}

/** Parses the whole of stdout as one JSON document (throws when there is anything else). */
export function parseWholeJson<T = Record<string, unknown>>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

export interface JsonIssue {
  severity: 'error' | 'warning' | 'info';
  unit: string | null;
  file: string | null;
  sheet: string | null;
  cell: string | null;
  code: string | null;
  rule: string;
  message: string;
}

export interface JsonReport {
  template: { id: string; version: string };
  period: string | null;
  units: { unit: string | null; file: string; sheet: string | null; status: string }[];
  missingUnits: string[];
  issues: JsonIssue[];
}

/** Vietnamese text: at least one letter only Vietnamese has (đ, ơ, ư, ạ… ỹ). */
export const VIETNAMESE = /[đĐăĂâÂêÊôÔơƠưƯ\u1EA0-\u1EF9]/;

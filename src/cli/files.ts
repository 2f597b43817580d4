/** File system edges of the CLI: open returns, expand folders, write outputs safely. */
import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import type { SheetSnapshot } from '../core/grid/sheet';
import { foldKey } from '../core/text/normalize';
import type { ReturnInput } from '../core/validate/return-input';
import type { ExcelJsWorkbook } from '../workbook/exceljs-workbook';
import { readXlsxWorkbook, type XlsxWorkbook } from '../workbook/xlsx-reader';
import { returnFromBytes } from '../workbook/open-return';

export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 2) {
    super(message);
  }
}

/** Arguments may be files or folders (every .xlsx inside, sorted by name). */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => null);
    if (!stat) throw new CliError(`Không tìm thấy tệp hoặc thư mục "${arg}".`);
    if (stat.isDirectory()) {
      const names = (await fs.readdir(arg)).filter((n) => /\.(xlsx|xls)$/i.test(n) && !n.startsWith('~$')).sort();
      files.push(...names.map((n) => path.join(arg, n)));
    } else files.push(arg);
  }
  if (files.length === 0) throw new CliError('Không có tệp biểu nào để kiểm tra.');
  return files;
}

/** A workbook to read (templates, the previous period): the lean reader, no ExcelJS. */
export async function readWorkbookFile(file: string): Promise<XlsxWorkbook> {
  return readXlsxWorkbook(new Uint8Array(await fs.readFile(file)));
}

/** The sheet whose name matches without regard to case or diacritics ("Mau chi tieu" finds "Mẫu chỉ tiêu"). */
export function findSheet(wb: XlsxWorkbook, name: string): SheetSnapshot | null {
  return wb.sheets.find((s) => foldKey(s.name) === foldKey(name))?.snapshot() ?? null;
}

/** A workbook to change and save (annotated copies): ExcelJS, loaded only when needed. */
export async function openWorkbookForEditing(file: string): Promise<ExcelJsWorkbook> {
  const { ExcelJsWorkbook } = await import('../workbook/exceljs-workbook');
  return ExcelJsWorkbook.fromBytes(new Uint8Array(await fs.readFile(file)));
}

export async function openReturn(file: string): Promise<ReturnInput> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    return { file, failure: 'unreadable', detail: (e as Error).message };
  }
  return returnFromBytes(file, bytes);
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Refuses before anything is written when one of the outputs is one of the inputs. */
export function assertNotInputs(targets: readonly string[], inputs: readonly string[]): void {
  const inputPaths = new Set(inputs.map(realOrResolved));
  const clash = targets.find((t) => inputPaths.has(realOrResolved(t)));
  if (clash) throw new CliError(`Không ghi đè tệp đầu vào "${clash}"; chọn tệp hoặc thư mục kết quả khác.`);
}

/** Writes through a temporary file and a rename; never onto one of the inputs. */
export async function writeFileSafely(target: string, bytes: Uint8Array | string, inputs: readonly string[]): Promise<void> {
  assertNotInputs([target], inputs);
  const resolved = realOrResolved(target);
  await fs.mkdir(path.dirname(resolved), { recursive: true });
  const tmp = `${resolved}.tmp-${process.pid}`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, resolved);
}

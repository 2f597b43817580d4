/**
 * The register of returns imported into the province's workbook, one row per unit sheet.
 * Only a return's form sheet is copied in, so its hidden metadata (template, period, unit) and its
 * file name would otherwise be lost; the register keeps them, with the period the province is
 * working on, and which output sheets ("Tổng hợp", "Kiểm tra"…) the add-in wrote, so that a sheet of
 * that name made by hand is never overwritten. It lives in a very hidden sheet of plain text cells.
 */
import type { Grid } from '../grid/sheet';
import type { SheetSpec } from '../grid/sheet-spec';
import { normalizeText } from '../text/normalize';
import type { WorkbookKind, WorkbookMeta } from './metadata';

export const IMPORT_REGISTER_SHEET = '_tonghop_nhap';
const MARKER = 'tonghop-import-register';
const FORMAT_VERSION = '1';
const PERIOD_KEY = 'period';
const OUTPUTS_KEY = 'outputSheets';
const HEADER = [
  'sheet', 'unit', 'file', 'sourceSheet', 'importedAt',
  'metaKind', 'metaTemplateId', 'metaTemplateVersion', 'metaPeriod', 'metaUnit',
] as const;

export interface ImportRecord {
  /** Sheet of this workbook holding the return. */
  sheet: string;
  /** Unit on the unit list, or null when it could not be told at import. */
  unit: string | null;
  /** File name the return was imported from. */
  file: string;
  /** Name of the form sheet inside that file. */
  sourceSheet: string;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** The file's hidden metadata, or null when it had none. */
  meta: WorkbookMeta | null;
}

export interface ImportRegister {
  /** The period the province is consolidating (set in the pane), or null when never set. */
  period: string | null;
  records: ImportRecord[];
  /**
   * Output sheets (consolidation, findings, roster, chart) the add-in wrote, by exact name. Undefined
   * in a register written before they were recorded: then the sheets of the usual names are taken as
   * the add-in's own, as that version treated them.
   */
  outputs?: string[];
}

export const EMPTY_REGISTER: ImportRegister = { period: null, records: [], outputs: [] };

/** A sheet name as Excel compares names: NFC, without regard to case. Equal keys, same sheet. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase();
}

/** Sheet names compare as Excel compares them: without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/** `base`, or "base (2)", "base (3)"… whichever is not taken (keys as sheetNameKey gives), within 31 characters. */
export function uniqueSheetName(base: string, takenKeys: ReadonlySet<string>): string {
  if (!takenKeys.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
    if (!takenKeys.has(sheetNameKey(candidate))) return candidate;
  }
}

export function registerToGrid(register: ImportRegister): string[][] {
  return [
    [MARKER, FORMAT_VERSION],
    [PERIOD_KEY, register.period ?? ''],
    ...(register.outputs ? [[OUTPUTS_KEY, ...register.outputs]] : []),
    [...HEADER],
    ...register.records.map((r) => [
      r.sheet, r.unit ?? '', r.file, r.sourceSheet, r.importedAt,
      r.meta?.kind ?? '', r.meta?.templateId ?? '', r.meta?.templateVersion ?? '', r.meta?.period ?? '', r.meta?.unit ?? '',
    ]),
  ];
}

export function registerSheet(register: ImportRegister): SheetSpec {
  return { name: IMPORT_REGISTER_SHEET, cells: registerToGrid(register), visibility: 'veryHidden' };
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : normalizeText(String(v));
}

function metaOf(kind: string, templateId: string, templateVersion: string, period: string, unit: string): WorkbookMeta | null {
  if ((kind !== 'form' && kind !== 'consolidation') || !templateId) return null;
  return { kind: kind as WorkbookKind, templateId, templateVersion, period, unit: unit || undefined };
}

/** A grid that is not a register (or an empty sheet) gives the empty register. Columns are found by header. */
export function registerFromGrid(grid: Grid): ImportRegister {
  if (text(grid[0]?.[0]) !== MARKER) return { ...EMPTY_REGISTER, outputs: [] };
  let period: string | null = null;
  let outputs: string[] | undefined;
  let headerRow = -1;
  for (let r = 1; r < grid.length && headerRow < 0; r++) {
    const key = text(grid[r]?.[0]);
    if (key === PERIOD_KEY) period = text(grid[r]?.[1]) || null;
    else if (key === OUTPUTS_KEY) outputs = (grid[r] ?? []).slice(1).map(text).filter((n) => n !== '');
    else if ((grid[r] ?? []).some((v) => text(v) === HEADER[0])) headerRow = r;
  }
  const known = outputs ? { outputs } : {};
  if (headerRow < 0) return { period, records: [], ...known };
  const col = new Map((grid[headerRow] ?? []).map((v, i) => [text(v), i]));
  const at = (row: readonly unknown[], key: (typeof HEADER)[number]) => {
    const c = col.get(key);
    return c === undefined ? '' : text(row[c]);
  };
  const records: ImportRecord[] = [];
  for (const row of grid.slice(headerRow + 1)) {
    const sheet = at(row, 'sheet');
    if (!sheet) continue;
    records.push({
      sheet,
      unit: at(row, 'unit') || null,
      file: at(row, 'file') || sheet,
      sourceSheet: at(row, 'sourceSheet'),
      importedAt: at(row, 'importedAt'),
      meta: metaOf(at(row, 'metaKind'), at(row, 'metaTemplateId'), at(row, 'metaTemplateVersion'), at(row, 'metaPeriod'), at(row, 'metaUnit')),
    });
  }
  return { period, records, ...known };
}

/** The register with `added` recorded: an earlier row for the same sheet is replaced. */
export function withImports(register: ImportRegister, added: readonly ImportRecord[]): ImportRegister {
  const kept = register.records.filter((r) => !added.some((a) => sameSheetName(a.sheet, r.sheet)));
  return { ...register, records: [...kept, ...added] };
}

/** The register without rows (and recorded outputs) whose sheet is no longer in the workbook. */
export function withExistingSheets(register: ImportRegister, sheetNames: readonly string[]): ImportRegister {
  const exists = (sheet: string) => sheetNames.some((n) => sameSheetName(n, sheet));
  return {
    ...register,
    records: register.records.filter((r) => exists(r.sheet)),
    ...(register.outputs ? { outputs: register.outputs.filter(exists) } : {}),
  };
}

/** The register with `written` recorded as the add-in's output sheets (earlier ones that still exist are kept). */
export function withOutputs(register: ImportRegister, written: readonly string[]): ImportRegister {
  const earlier = (register.outputs ?? []).filter((o) => !written.some((w) => sameSheetName(w, o)));
  return { ...register, outputs: [...earlier, ...written] };
}

/**
 * Whether the sheet called `sheet` (it exists) was written by the add-in as output `base`. A register
 * that never recorded outputs takes a sheet of the very name `base` as the add-in's.
 */
export function isOwnOutput(register: ImportRegister, base: string, sheet: string): boolean {
  if (!register.outputs) return sameSheetName(base, sheet);
  return register.outputs.some((o) => sameSheetName(o, sheet));
}

/** The record of a sheet, compared as Excel compares names. */
export function recordOfSheet(register: ImportRegister, sheet: string): ImportRecord | undefined {
  return register.records.find((r) => sameSheetName(r.sheet, sheet));
}

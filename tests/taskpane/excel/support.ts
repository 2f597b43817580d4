/** Shared by the ExcelWorkspace tests and bench/bench-addin.ts: sample files, a workspace over the counting fake, the CLI's view. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { registerToGrid, type ImportRecord } from '../../../src/core/form/import-register';
import { runJob, type JobResult } from '../../../src/core/job';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { defaultUnits } from '../../../src/core/units/unit-list';
import type { ReturnInput } from '../../../src/core/validate/return-input';
import { ExcelWorkspace } from '../../../src/taskpane/excel/excel-workspace';
import type { PickedFile } from '../../../src/taskpane/workspace/workspace';
import { returnFromBytes } from '../../../src/workbook/open-return';
import { FakeExcel, type FakeSheetSeed } from '../../workbook/support/fake-excel';
import { unitSheetSeeds } from '../../workbook/support/scenario';

const ROOT = path.join(__dirname, '..', '..', '..');
export const SAMPLES = path.join(ROOT, 'samples', 'quang-nam-2024-6t');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const NOW = new Date('2024-07-05T08:00:00.000Z');

export const ALL_SETS = () => true;
export const WITHOUT_1_13 = (v: string) => v !== '1.13';
export const ONLY_1_1 = () => false;

export function pickedFile(file: string, name = path.basename(file)): PickedFile {
  return { name, read: async () => new Uint8Array(readFileSync(file)) };
}

export function sampleFiles(): PickedFile[] {
  return readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort().map((f) => pickedFile(path.join(SAMPLES, f)));
}

/** The 17 sample returns with Điện Bàn's replaced by the altered one LibreOffice saved (text numbers, a hidden row, a moved row). */
export function filesWithAlteredDienBan(): PickedFile[] {
  return [
    ...sampleFiles().filter((f) => f.name !== 'dien-ban.xlsx'),
    pickedFile(path.join(FIXTURES, 'lo-dien-ban-altered.xlsx'), 'dien-ban-altered.xlsx'),
  ];
}

export function workspaceOver(fake: FakeExcel, supports: (v: string) => boolean = ALL_SETS): ExcelWorkspace {
  return new ExcelWorkspace((fn) => fn(fake.context), supports, () => NOW);
}

/** What the CLI makes of the same files (no --period, default template and units). */
export async function cliResult(files: readonly PickedFile[], period: string | null = null): Promise<{ result: JobResult; inputs: ReturnInput[] }> {
  const inputs = await Promise.all(files.map(async (f) => returnFromBytes(f.name, await f.read())));
  return { result: runJob(defaultTemplate(), inputs, { units: defaultUnits(), period }), inputs };
}

/** Imports every file (agreeing to every replacement); returns the plan and the outcome. */
export async function importAll(ws: ExcelWorkspace, files: readonly PickedFile[]) {
  const plan = await ws.planImport(files);
  const outcome = await ws.importReturns(plan, files, new Set(files.map((f) => f.name)));
  return { plan, outcome };
}

/** `n` unit sheets (cycling over the 18 samples) already in the workbook, each in the import register. */
export function registeredUnitSheets(n: number): FakeSheetSeed[] {
  const seeds = unitSheetSeeds(n);
  const records: ImportRecord[] = seeds.map((s, i) => ({
    sheet: s.name, unit: null, file: `bieu-${i + 1}.xlsx`, sourceSheet: 'Biểu chỉ tiêu', importedAt: NOW.toISOString(),
    meta: { kind: 'form', templateId: 'ccb-bchqs-6thang', templateVersion: '1', period: '6 tháng đầu năm 2024', unit: s.name.replace(/ #\d+$/, '') },
  }));
  return [...seeds, { name: '_tonghop_nhap', visibility: 'VeryHidden', values: registerToGrid({ period: '6 tháng đầu năm 2024', records }) }];
}

/**
 * Writes the bundled sample through the same form writer the province uses:
 *   samples/quang-nam-2024-6t/*.xlsx        18 filled returns (6 tháng đầu năm 2024)
 *   samples/quang-nam-2023-nam/tong-hop.xlsx the previous period's consolidated workbook
 * Run: npm run sample
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildForm } from '../src/core/form/form-writer';
import { runJob } from '../src/core/job';
import { defaultTemplate } from '../src/core/template/default-template';
import { foldKey } from '../src/core/text/normalize';
import { defaultUnits } from '../src/core/units/unit-list';
import type { ReturnInput } from '../src/core/validate/return-input';
import { ExcelJsWorkbook } from '../src/workbook/exceljs-workbook';
import { consolidationFileBytes } from '../src/workbook/consolidation-file';
import { returnFromBytes } from '../src/workbook/open-return';
import { currentFigures, previousFigures, type Figures } from './sample/figures';

export const CURRENT_PERIOD = '6 tháng đầu năm 2024';
export const PREVIOUS_PERIOD = 'Năm 2023';

export function sampleFileName(unit: string): string {
  return `${foldKey(unit).replace(/ /g, '-')}.xlsx`;
}

export async function filledForm(unit: string, period: string, values: Figures): Promise<Uint8Array> {
  const wb = ExcelJsWorkbook.create();
  await wb.writeSheets(buildForm(defaultTemplate(), { unit, period, values }));
  return wb.toBytes();
}

export async function makeSample(root: string): Promise<void> {
  const currentDir = path.join(root, 'quang-nam-2024-6t');
  const previousDir = path.join(root, 'quang-nam-2023-nam');
  await fs.mkdir(currentDir, { recursive: true });
  await fs.mkdir(previousDir, { recursive: true });

  for (const [unit, values] of currentFigures()) {
    await fs.writeFile(path.join(currentDir, sampleFileName(unit)), await filledForm(unit, CURRENT_PERIOD, values));
  }

  const inputs: ReturnInput[] = [];
  for (const [unit, values] of previousFigures()) {
    inputs.push(await returnFromBytes(sampleFileName(unit), await filledForm(unit, PREVIOUS_PERIOD, values)));
  }
  const template = defaultTemplate();
  const result = runJob(template, inputs, { units: defaultUnits(), period: PREVIOUS_PERIOD });
  if (result.findings.some((f) => f.severity === 'error')) {
    throw new Error(`previous period has errors: ${JSON.stringify(result.findings.filter((f) => f.severity === 'error'))}`);
  }
  await fs.writeFile(path.join(previousDir, 'tong-hop.xlsx'), await consolidationFileBytes(result));
}

if (require.main === module) {
  const root = process.argv[2] ?? path.join(__dirname, '..', 'samples');
  makeSample(root).then(
    () => console.log(`Đã tạo mẫu trong ${root}`),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

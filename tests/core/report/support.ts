/** Shared helpers for the report tests: the bundled sample, its previous period, and text of a report. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readPreviousPeriod, type PreviousPeriod } from '../../../src/core/consolidate/previous-period';
import { META_SHEET_NAME } from '../../../src/core/form/metadata';
import { runJob, type JobResult } from '../../../src/core/job';
import { blockText, type Report } from '../../../src/core/report/model';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { defaultUnits } from '../../../src/core/units/unit-list';
import { ExcelJsWorkbook } from '../../../src/workbook/exceljs-workbook';
import { PERIOD, sampleInputs } from '../../support/forms';

export const PREVIOUS_FILE = path.join(__dirname, '..', '..', '..', 'samples', 'quang-nam-2023-nam', 'tong-hop.xlsx');

let previousCache: Promise<PreviousPeriod> | undefined;

/** The bundled previous period (Năm 2023), read once. */
export function samplePrevious(): Promise<PreviousPeriod> {
  previousCache ??= (async () => {
    const wb = await ExcelJsWorkbook.fromBytes(new Uint8Array(await fs.readFile(PREVIOUS_FILE)));
    const sheets = (await wb.readSheets()).filter((s) => s.name !== META_SHEET_NAME);
    return readPreviousPeriod(sheets, await wb.readMetadata(), defaultTemplate(), defaultUnits());
  })();
  return previousCache;
}

export interface SampleJobOptions {
  alter?: Parameters<typeof sampleInputs>[0];
  drop?: string[];
  previous?: PreviousPeriod | null;
}

/** The 18 sample returns (optionally altered or some dropped) through the whole job. */
export function sampleJob(options: SampleJobOptions = {}): JobResult {
  const inputs = sampleInputs(options.alter).filter((i) => !(options.drop ?? []).some((u) => i.file === `${u}.xlsx`));
  return runJob(defaultTemplate(), inputs, { units: defaultUnits(), period: PERIOD, previous: options.previous ?? null });
}

/** The report body as text, one paragraph a line. */
export function bodyText(report: Report): string {
  return report.blocks.map(blockText).join('\n');
}

export { errorOf } from '../../support/template-error';

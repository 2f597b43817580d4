/** A workbook of N unit sheets plus the consolidation specs, shared by the tests and bench/bench-addin.ts. */
import { consolidationSheets } from '../../../src/core/consolidate/consolidation-sheets';
import { runJob } from '../../../src/core/job';
import type { SheetSpec } from '../../../src/core/grid/sheet-spec';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { defaultUnits } from '../../../src/core/units/unit-list';
import { PERIOD, sampleInputs } from '../../support/forms';
import type { FakeSheetSeed } from './fake-excel';

/** `count` unit sheets cycling over the 18 sample returns ("<unit> #k" past the first round). */
export function unitSheetSeeds(count: number): FakeSheetSeed[] {
  const inputs = sampleInputs();
  return Array.from({ length: count }, (_, i) => {
    const input = inputs[i % inputs.length];
    if (!('workbook' in input)) throw new Error(`sample return ${input.file} did not open`);
    const book = input.workbook;
    const snap = book.sheets[0];
    const round = Math.floor(i / inputs.length);
    const unit = book.meta?.unit ?? `unit ${i}`;
    return {
      name: (round ? `${unit} #${round}` : unit).slice(0, 31),
      values: snap.values,
      formulas: snap.formulas,
    };
  });
}

export function consolidationSpecs(): SheetSpec[] {
  const result = runJob(defaultTemplate(), sampleInputs(), { units: defaultUnits(), period: PERIOD });
  return consolidationSheets(result.consolidation, result.findings);
}

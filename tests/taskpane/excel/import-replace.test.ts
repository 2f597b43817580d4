/** Replacing a return rewrites its sheet in place: references to it survive, and so does its tab position. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeImports, type PreparedReturn } from '../../../src/taskpane/excel/import-batch';
import { insertPayload } from '../../../src/taskpane/excel/insert-payload';
import { returnFromBytes } from '../../../src/workbook/open-return';
import { FakeExcel } from '../../workbook/support/fake-excel';

const FORM = 'Biểu chỉ tiêu';
const file = path.join(__dirname, '..', '..', '..', 'samples', 'quang-nam-2024-6t', 'que-son.xlsx');

async function prepared(sheet: string, consent: boolean): Promise<PreparedReturn> {
  const bytes = new Uint8Array(readFileSync(file));
  const input = await returnFromBytes('que-son.xlsx', bytes);
  if (!('workbook' in input)) throw new Error('not a workbook');
  const snapshot = input.workbook.sheets.find((s) => s.name === FORM)!;
  return {
    item: { file: 'que-son.xlsx', unit: 'Quế Sơn', sheet, replaces: consent, failure: null },
    consent, sourceSheet: FORM, meta: input.workbook.meta, snapshot, base64: insertPayload(bytes, FORM),
  };
}

describe('writeImports: replacing a unit sheet', () => {
  test('with 1.13, a new sheet is inserted but a replacement is rewritten in place', async () => {
    const fake = new FakeExcel([
      { name: 'Quế Sơn', values: [['cũ']] },
      { name: 'Tổng hợp', values: [[0]], formulas: [["='Quế Sơn'!E12"]] },
    ]);
    const id = fake.sheet('Quế Sơn').id;
    await writeImports(fake.context, () => true, [await prepared('Quế Sơn', true), await prepared('Mới', false)], { period: null, now: 'x' });
    expect(fake.syncs).toBe(3);
    expect(fake.sheet('Quế Sơn').id).toBe(id); // never deleted
    expect(fake.sheets.indexOf(fake.sheet('Quế Sơn'))).toBe(0);
    const total = fake.sheet('Tổng hợp');
    const linked = fake.cellValue(total, 0, 0);
    expect(linked).not.toBe('#REF!');
    expect(linked).toBe(fake.cellValue(fake.sheet('Quế Sơn'), 11, 4));
    expect(fake.inserts).toHaveLength(1); // only "Mới"
    expect(fake.findSheet('Mới')).toBeDefined();
  });

  test('marks of a replaced sheet are dropped from the highlight register', async () => {
    const marks = [['tonghop-marks', '1'], ['sheet', 'cell', 'severity', 'note', 'fill'], ['Quế Sơn', 'E7', 'error', 'n', '#DDEBF7'], ['Khác', 'E7', 'error', 'n', '']];
    const fake = new FakeExcel([
      { name: 'Quế Sơn', values: [['cũ']] }, { name: 'Khác', values: [['x']] },
      { name: '_tonghop_danh_dau', visibility: 'VeryHidden', values: marks },
    ]);
    await writeImports(fake.context, () => true, [await prepared('Quế Sơn', true)], { period: null, now: 'x' });
    expect(fake.syncs).toBe(3);
    expect(fake.sheet('_tonghop_danh_dau').values.map((r) => r[0])).toEqual(['tonghop-marks', 'sheet', 'Khác']);
  });
});

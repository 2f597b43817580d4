/** A form sheet protected with a password cannot be unprotected by the add-in: it goes by values. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { insertBlockers } from '../../src/workbook/xlsx-insert-check';

const FORM = 'Biểu chỉ tiêu';
const sample = () => new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'samples', 'quang-nam-2024-6t', 'que-son.xlsx')));

function withProtection(attrs: string): Uint8Array {
  const parts = unzipSync(sample());
  const key = 'xl/worksheets/sheet1.xml';
  parts[key] = strToU8(strFromU8(parts[key]).replace(/<sheetProtection[^>]*\/>/, `<sheetProtection ${attrs}/>`));
  return zipSync(parts);
}

describe('insertBlockers: password protection', () => {
  test('protection without a password does not block', () => {
    expect(insertBlockers(withProtection('sheet="1" formatColumns="0"'), FORM)).toEqual([]);
  });
  test.each([
    ['legacy password', 'password="CC3D" sheet="1"'],
    ['hashed password', 'algorithmName="SHA-512" hashValue="abc==" saltValue="x==" spinCount="100000" sheet="1"'],
  ])('%s blocks the insert', (_label, attrs) => {
    expect(insertBlockers(withProtection(attrs), FORM)).toEqual(['password']);
  });
});

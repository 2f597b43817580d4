/** Which returns can be inserted as they are (ExcelApi 1.13 on every Excel), read from the package alone. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { insertBlockers } from '../../src/workbook/xlsx-insert-check';

const SAMPLES = path.join(__dirname, '..', '..', 'samples', 'quang-nam-2024-6t');
const FORM = 'Biểu chỉ tiêu';
const sample = (file = 'que-son.xlsx') => new Uint8Array(readFileSync(path.join(SAMPLES, file)));

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(sample()) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The package with some parts rewritten. */
function repackaged(bytes: Uint8Array, change: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(bytes);
  change(parts);
  return zipSync(parts);
}

function withSheetRel(bytes: Uint8Array, type: string, target: string): Uint8Array {
  return repackaged(bytes, (parts) => {
    const rel = `<Relationship Id="rIdX" Type="${type}" Target="${target}"/>`;
    const key = 'xl/worksheets/_rels/sheet1.xml.rels';
    const old = parts[key] ? strFromU8(parts[key]) : '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    parts[key] = strToU8(old.replace('</Relationships>', `${rel}</Relationships>`));
  });
}

describe('insertBlockers', () => {
  test('the sample returns carry nothing that stops an insert', () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect([f, insertBlockers(sample(f), FORM)]).toEqual([f, []]);
  });

  test('a note on the form sheet stops it; a note on another sheet does not', async () => {
    const noted = await edited((wb) => { wb.getWorksheet(FORM)!.getCell('E10').note = 'Số liệu ước tính'; });
    expect(insertBlockers(noted, FORM)).toContain('comments');

    const elsewhere = await edited((wb) => { wb.addWorksheet('Ghi chú').getCell('A1').note = 'x'; });
    expect(insertBlockers(elsewhere, FORM)).toEqual([]);
    expect(insertBlockers(elsewhere, 'Ghi chú')).toContain('comments');
  });

  test('a picture (a drawing part) on the form sheet stops it', async () => {
    const pictured = await edited((wb) => {
      const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
      wb.getWorksheet(FORM)!.addImage(id, 'H2:I4');
    });
    expect(insertBlockers(pictured, FORM)).toEqual(['drawing']);
  });

  test('pivot tables, slicers and threaded comments hanging off the sheet stop it', () => {
    const base = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    expect(insertBlockers(withSheetRel(sample(), `${base}/pivotTable`, '../pivotTables/pivotTable1.xml'), FORM)).toEqual(['pivot-table']);
    expect(insertBlockers(withSheetRel(sample(), 'http://schemas.microsoft.com/office/2007/relationships/slicer', '../slicers/slicer1.xml'), FORM)).toEqual(['slicer']);
    expect(insertBlockers(withSheetRel(sample(), 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/t1.xml'), FORM)).toEqual(['comments']);
    expect(insertBlockers(withSheetRel(sample(), `${base}/hyperlink`, 'https://example.org'), FORM)).toEqual([]);
  });

  test('a macro-enabled workbook or template is not an .xlsx, whatever its file name', () => {
    for (const type of ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.ms-excel.template.macroEnabled.main+xml']) {
      const xlsm = repackaged(sample(), (parts) => {
        parts['[Content_Types].xml'] = strToU8(strFromU8(parts['[Content_Types].xml']).replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', type));
      });
      expect(insertBlockers(xlsm, FORM)).toEqual(['not-xlsx']);
    }
  });

  test('a sheet the file does not have, and bytes that are not a package', () => {
    expect(insertBlockers(sample(), 'Sheet9')).toEqual(['no-sheet']);
    expect(() => insertBlockers(strToU8('not a zip'), FORM)).toThrow();
  });
});

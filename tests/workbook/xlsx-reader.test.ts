/**
 * The lean reader (src/workbook/xlsx-reader.ts) must read what ExcelJsWorkbook reads: the same
 * sheet list and visibility, and the same snapshot (values, formulas, fonts, hidden rows) for
 * every bundled sample, the LibreOffice fixtures and workbooks built here with ExcelJS. Where
 * the two readers knowingly differ, the difference is spelled out by a test of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { META_SHEET_NAME } from '../../src/core/form/metadata';
import type { SheetSnapshot } from '../../src/core/grid/sheet';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs-workbook';
import { returnFromBytes } from '../../src/workbook/open-return';
import { translateFormula } from '../../src/workbook/xlsx-formula';
import { readXlsxWorkbook } from '../../src/workbook/xlsx-reader';
import { walkXml } from '../../src/workbook/xlsx-xml';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'samples', 'quang-nam-2024-6t');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

/** The font of cellXfs[0] in every workbook ExcelJS writes. */
const EXCELJS_DEFAULT_FONT = 'Calibri';

/**
 * ExcelJS gives no font to a cell without a style (no `s`, or `s="0"`); Excel (and this reader)
 * give it the font of the default style, cellXfs[0]. Everywhere else the fonts must be equal.
 */
function expectedFonts(ej: SheetSnapshot, ws: ExcelJS.Worksheet, defaultFont: string | undefined): (string | undefined)[][] {
  const holdsSomething = (r: number, c: number): boolean => {
    const type = ws.getCell(r + 1, c + 1).type;
    return type !== ExcelJS.ValueType.Null && type !== ExcelJS.ValueType.Merge;
  };
  return ej.fonts!.map((row, r) => row.map((f, c) => f ?? (holdsSomething(r, c) ? defaultFont : undefined)));
}

async function expectSameAsExcelJs(bytes: Uint8Array, defaultFont: string | undefined): Promise<SheetSnapshot[]> {
  const ej = await ExcelJsWorkbook.fromBytes(bytes);
  const mine = readXlsxWorkbook(bytes);
  expect(mine.sheets.map((s) => ({ name: s.name, visibility: s.visibility }))).toEqual(await ej.listSheets());
  const ejSheets = await ej.readSheets();
  const snapshots = mine.sheets.map((s) => s.snapshot());
  ejSheets.forEach((e, i) => {
    const m = snapshots[i];
    expect(m.name).toBe(e.name);
    expect(m.values).toEqual(e.values);
    expect(m.formulas).toEqual(e.formulas);
    expect(m.hiddenRows).toEqual(e.hiddenRows);
    expect(m.fonts).toEqual(expectedFonts(e, ej.workbook.getWorksheet(e.name)!, defaultFont));
  });
  return snapshots;
}

// ---------------------------------------------------------------------------------------------
// Real files

describe('readXlsxWorkbook reads the bundled files exactly as ExcelJS does', () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort();

  it('has the 18 sample returns', () => {
    expect(samples).toHaveLength(18);
  });

  it.each(samples)('samples/quang-nam-2024-6t/%s', async (file) => {
    const [form] = await expectSameAsExcelJs(read(path.join(SAMPLES, file)), EXCELJS_DEFAULT_FONT);
    expect(form.values.length).toBeGreaterThan(40);
  });

  it('samples/quang-nam-2023-nam/tong-hop.xlsx (formulas with cached results, four sheets)', async () => {
    const sheets = await expectSameAsExcelJs(read(path.join(ROOT, 'samples', 'quang-nam-2023-nam', 'tong-hop.xlsx')), EXCELJS_DEFAULT_FONT);
    expect(sheets.length).toBeGreaterThanOrEqual(4);
    expect(sheets.some((s) => s.formulas!.some((row) => row.some((f) => f.startsWith('=SUM('))))).toBe(true);
  });

  it.each(['lo-hoi-an.xlsx', 'lo-dien-ban-altered.xlsx'])('tests/fixtures/%s (written by LibreOffice)', async (file) => {
    const sheets = await expectSameAsExcelJs(read(path.join(FIXTURES, file)), EXCELJS_DEFAULT_FONT);
    expect(sheets.map((s) => s.name)).toContain(META_SHEET_NAME);
  });

  it('keeps the hidden row of the altered Điện Bàn return', async () => {
    const [form] = await expectSameAsExcelJs(read(path.join(FIXTURES, 'lo-dien-ban-altered.xlsx')), EXCELJS_DEFAULT_FONT);
    expect(form.hiddenRows).toHaveLength(1);
  });

  it('gives returnFromBytes the same ReturnInput as the ExcelJS reading did', async () => {
    for (const file of [...samples.map((f) => path.join(SAMPLES, f)), path.join(FIXTURES, 'lo-hoi-an.xlsx'), path.join(FIXTURES, 'lo-dien-ban-altered.xlsx')]) {
      const bytes = read(file);
      const ej = await ExcelJsWorkbook.fromBytes(bytes);
      const viaExcelJs = {
        file,
        workbook: { file, sheets: (await ej.readSheets()).filter((s) => s.name !== META_SHEET_NAME), meta: await ej.readMetadata() },
      };
      expect(await returnFromBytes(file, bytes)).toEqual(viaExcelJs);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks built with ExcelJS

async function excelJsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsxWorkbook on workbooks written by ExcelJS', () => {
  it('reads every kind of cell as ExcelJS does', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('Biểu');
      // shared strings: plain, special characters, spaces kept, rich text
      ws.getCell('A1').value = 'Chỉ tiêu';
      ws.getCell('B1').value = '<a & "b"> \'c\'';
      ws.getCell('C1').value = '  hai dòng\nthứ hai  ';
      ws.getCell('D1').value = { richText: [{ text: 'Hội ' }, { text: 'An', font: { bold: true } }] };
      // numbers
      ws.getCell('A2').value = 42;
      ws.getCell('B2').value = -12.5;
      ws.getCell('C2').value = 0.1 + 0.2;
      ws.getCell('D2').value = 1e-7;
      ws.getCell('E2').value = 123456789012;
      ws.getCell('F2').value = 0;
      // booleans, errors
      ws.getCell('A3').value = true;
      ws.getCell('B3').value = false;
      ws.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('D3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      // formulas with cached results of every type, and one without
      ws.getCell('A4').value = { formula: '0*1', result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').value = { formula: 'SUM(A2:B2)', result: 29.5 } as ExcelJS.CellFormulaValue;
      ws.getCell('C4').value = { formula: '"Hội "&"An"', result: 'Hội An' } as ExcelJS.CellFormulaValue;
      ws.getCell('D4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('E4').value = { formula: 'A2>1', result: true } as ExcelJS.CellFormulaValue;
      ws.getCell('F4').value = { formula: 'A2<1', result: false } as ExcelJS.CellFormulaValue;
      ws.getCell('G4').value = { formula: 'A2+1' } as ExcelJS.CellFormulaValue;
      ws.getCell('H4').value = { formula: 'DATE(2024,7,5)', result: new Date(Date.UTC(2024, 6, 5)) } as ExcelJS.CellFormulaValue;
      // dates (a date number format), one with a time of day
      ws.getCell('A5').value = new Date(Date.UTC(2024, 6, 5));
      ws.getCell('B5').value = new Date(Date.UTC(2024, 6, 5, 12, 0));
      ws.getCell('C5').value = new Date(Date.UTC(1999, 11, 31, 6, 0));
      ws.getCell('B5').numFmt = 'dd/mm/yyyy hh:mm';
      // merged ranges: across, down, and a block
      ws.getCell('A6').value = 'Tiêu đề gộp';
      ws.mergeCells('A6:D6');
      ws.getCell('F6').value = 'Gộp dọc';
      ws.mergeCells('F6:F8');
      ws.getCell('A9').value = 'Khối';
      ws.mergeCells('A9:C10');
      // hidden rows: one with values, one holding only merged-away cells, one that is empty but styled
      ws.getCell('A7').value = 'ẩn';
      ws.getRow(7).hidden = true;
      ws.getRow(10).hidden = true;
      ws.getCell('B12').font = { name: 'Arial' };
      ws.getRow(12).hidden = true;
      // fonts, including a TCVN3 font
      ws.getCell('A13').value = 'Céng';
      ws.getCell('A13').font = { name: '.VnTime' };
      ws.getCell('B13').value = 'Times';
      ws.getCell('B13').font = { name: 'Times New Roman', bold: true };
      ws.getCell('C13').value = 7;
      ws.getCell('C13').font = { name: '.VnTimeH' };
      // far to the right, and rows with gaps
      ws.getCell('AA14').value = 'cột AA';
      ws.getCell('B20').value = 'sau khoảng trống';
      ws.getCell('C31').value = 31;
      // an empty string is still a cell
      ws.getCell('D32').value = '';
    });
    const [sheet] = await expectSameAsExcelJs(bytes, EXCELJS_DEFAULT_FONT);
    expect(sheet.values[0]).toEqual(['Chỉ tiêu', '<a & "b"> \'c\'', '  hai dòng\nthứ hai  ', 'Hội An', ...Array(23).fill('')]);
    expect(sheet.values[1].slice(0, 6)).toEqual([42, -12.5, 0.1 + 0.2, 1e-7, 123456789012, 0]);
    expect(sheet.values[2].slice(0, 4)).toEqual([true, false, '#REF!', '#N/A']);
    expect(sheet.values[3].slice(0, 8)).toEqual([0, 29.5, 'Hội An', '#DIV/0!', true, false, '', 45478]);
    expect(sheet.formulas![3].slice(0, 8)).toEqual(['=0*1', '=SUM(A2:B2)', '="Hội "&"An"', '=1/0', '=A2>1', '=A2<1', '=A2+1', '=DATE(2024,7,5)']);
    expect(sheet.values[4].slice(0, 3)).toEqual([45478, 45478.5, 36525.25]);
    expect(sheet.values[5].slice(0, 6)).toEqual(['Tiêu đề gộp', '', '', '', '', 'Gộp dọc']);
    expect(sheet.hiddenRows).toEqual([6, 9]);
    expect(sheet.fonts![12].slice(0, 3)).toEqual(['.VnTime', 'Times New Roman', '.VnTimeH']);
    expect(sheet.values[13][26]).toBe('cột AA');
    expect(sheet.values).toHaveLength(32);
    expect(sheet.values.every((row) => row.length === 27)).toBe(true);
  });

  it('reads a very hidden sheet, a hidden sheet and an empty sheet', async () => {
    const bytes = await excelJsBytes((wb) => {
      wb.addWorksheet('Trống');
      wb.addWorksheet('Biểu').getCell('B2').value = 5;
      wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'x';
      const meta = wb.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
      meta.getCell('A1').value = 'kind';
      meta.getCell('B1').value = 'form';
    });
    const sheets = await expectSameAsExcelJs(bytes, EXCELJS_DEFAULT_FONT);
    expect(readXlsxWorkbook(bytes).sheets.map((s) => s.visibility)).toEqual(['visible', 'visible', 'hidden', 'veryHidden']);
    expect(sheets[0]).toEqual({ name: 'Trống', values: [], formulas: [], fonts: [], hiddenRows: [] });
    expect(sheets[1].values).toEqual([['', ''], ['', 5]]);
    expect(readXlsxWorkbook(bytes).sheet(META_SHEET_NAME)!.snapshot().values).toEqual([['kind', 'form']]);
  });

  it('rebuilds the formula of each cell of a shared formula', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('S');
      for (let r = 1; r <= 4; r++) ws.getCell(r, 1).value = r;
      ws.getCell('B1').value = { formula: 'A1*2+$A$1+A$1+$A1', result: 5, shareType: 'shared', ref: 'B1:B4' } as unknown as ExcelJS.CellFormulaValue;
      for (let r = 2; r <= 4; r++) ws.getCell(r, 2).value = { sharedFormula: 'B1', result: r * 2 + 3 } as unknown as ExcelJS.CellFormulaValue;
    });
    const [sheet] = await expectSameAsExcelJs(bytes, EXCELJS_DEFAULT_FONT);
    expect(sheet.formulas!.map((row) => row[1])).toEqual(['=A1*2+$A$1+A$1+$A1', '=A2*2+$A$1+A$1+$A2', '=A3*2+$A$1+A$1+$A3', '=A4*2+$A$1+A$1+$A4']);
    expect(sheet.values.map((row) => row[1])).toEqual([5, 7, 9, 11]);
  });

  it('reads the forms the product writes (protection, validations, metadata) as ExcelJS does', async () => {
    const { buildForm } = await import('../../src/core/form/form-writer');
    const { defaultTemplate } = await import('../../src/core/template/default-template');
    const wb = ExcelJsWorkbook.create();
    await wb.writeSheets(buildForm(defaultTemplate(), { unit: 'Tam Kỳ', period: '6 tháng đầu năm 2024', values: { '01': 5 } }));
    await expectSameAsExcelJs(await wb.toBytes(), EXCELJS_DEFAULT_FONT);
  });
});

describe('readXlsxWorkbook equals ExcelJS on random workbooks written by ExcelJS', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Hội CCB', '  lề  ', 'a\nb', '<&>"\'', 'Céng t¸c', '3.416', '92,1', '=A1', '_x'),
  );
  const cell = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: text },
    { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!').map((error) => ({ error })) },
    {
      weight: 2,
      arbitrary: fc.record({
        formula: fc.constantFrom('SUM(A1:B2)', 'A1*2', '"x"&B1', '1/0', 'TODAY()'),
        result: fc.option(fc.oneof(fc.integer(), fc.constant(0), text, fc.boolean(), fc.constant({ error: '#DIV/0!' })), { nil: undefined }),
      }),
    },
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 });
  const font = fc.option(fc.constantFrom('.VnTime', '.VnTimeH', 'VNI-Times', 'Times New Roman', 'Arial'), { nil: undefined });
  const layout = fc.record({
    grid,
    fonts: fc.array(fc.tuple(fc.nat(9), fc.nat(7), font), { maxLength: 6 }),
    hidden: fc.uniqueArray(fc.nat(11), { maxLength: 3 }),
    merge: fc.option(fc.tuple(fc.nat(8), fc.nat(6), fc.nat(2), fc.nat(2)), { nil: undefined }),
    state: fc.constantFrom('visible', 'hidden', 'veryHidden') as fc.Arbitrary<'visible' | 'hidden' | 'veryHidden'>,
  });

  it('gives the same sheets, values, formulas, fonts and hidden rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(layout, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const bytes = await excelJsBytes((wb) => {
          sheets.forEach((l, i) => {
            const ws = wb.addWorksheet(`Trang ${i + 1}`, { state: i === 0 ? 'visible' : l.state });
            l.grid.forEach((row, r) => row.forEach((v, c) => {
              if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
            }));
            for (const [r, c, name] of l.fonts) if (name) ws.getCell(r + 1, c + 1).font = { name };
            for (const r of l.hidden) ws.getRow(r + 1).hidden = true;
            if (l.merge) {
              const [r, c, h, w] = l.merge;
              if (h + w > 0) ws.mergeCells(r + 1, c + 1, r + 1 + h, c + 1 + w);
            }
          });
        });
        await expectSameAsExcelJs(bytes, EXCELJS_DEFAULT_FONT);
      }),
      { seed: 20240705, numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made packages: what other writers (Excel, LibreOffice, libraries) put in files

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const worksheet = (sheetData: string, after = ''): string =>
  `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

const styles = (fonts: string[], xfFontIds: number[]): string =>
  `${XML_DECL}<styleSheet xmlns="${MAIN_NS}"><fonts count="${fonts.length}">${fonts.map((f) => `<font><sz val="11"/><name val="${f}"/></font>`).join('')}</fonts>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="${fonts.length - 1}"/></cellStyleXfs>` +
  `<cellXfs count="${xfFontIds.length}">${xfFontIds.map((id) => `<xf numFmtId="0" fontId="${id}" applyFont="1"/>`).join('')}</cellXfs>` +
  `<dxfs count="1"><dxf><font><name val="Dxf Font"/></font></dxf></dxfs></styleSheet>`;

interface BookParts {
  sheets: { name: string; xml: string; state?: string }[];
  sharedStrings?: string[];
  styles?: string;
}

/** A minimal package, laid out as Excel lays it out. */
function book({ sheets, sharedStrings, styles: stylesXml }: BookParts): Record<string, string> {
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${sheets
      .map((_, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}${sharedStrings ? `<Relationship Id="rIdSST" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${
      stylesXml ? `<Relationship Id="rIdST" Type="${REL_NS}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  if (sharedStrings) {
    files['xl/sharedStrings.xml'] = `${XML_DECL}<sst xmlns="${MAIN_NS}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.join('')}</sst>`;
  }
  if (stylesXml) files['xl/styles.xml'] = stylesXml;
  return files;
}

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, v]) => [name, typeof v === 'string' ? strToU8(v) : v])));
}

const only = (bytes: Uint8Array): SheetSnapshot => readXlsxWorkbook(bytes).sheets[0].snapshot();

describe('readXlsxWorkbook on packages written by other tools', () => {
  it('reads shared strings with rich text, phonetic runs, entities, xml:space and _xHHHH_ escapes, as ExcelJS does', async () => {
    const bytes = zip(book({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>') }],
      sharedStrings: [
        '<si><t>Mã số</t></si>',
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Hội </t></r><r><t>An</t></r></si>',
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="0"/></si>',
        '<si><t>A &amp; B &lt;C&gt; &#x1EA0;&#7840; &quot;x&quot;</t></si>',
        '<si><t xml:space="preserve">  hai  </t></si>',
        '<si><t>dòng_x000D__x000A_mới _x005F_x0041_</t></si>',
      ],
    }));
    const [sheet] = await expectSameAsExcelJs(bytes, undefined);
    expect(sheet.values).toEqual([['Mã số', 'Hội An', '漢字', 'A & B <C> ẠẠ "x"', '  hai  ', 'dòng\r\nmới _x0041_']]);
  });

  it('reads inline strings (plain and rich), str results, numbers in every spelling and error cells, as ExcelJS does', async () => {
    const bytes = zip(book({
      sheets: [{
        name: 'S',
        xml: worksheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Tam Kỳ</t></is></c><c r="B1" t="inlineStr"><is><r><t>Hội </t></r><r><rPr><i/></rPr><t>An</t></r></is></c>' +
          '<c r="C1" t="str"><v>văn bản</v></c><c r="D1" t="n"><v>1.5E3</v></c><c r="E1"><v>-0.25</v></c><c r="F1" t="e"><v>#VALUE!</v></c><c r="G1" t="b"><v>0</v></c></row>' +
          '<row r="2"><c r="A2" t="str"><f>A1&amp;"!"</f><v>Tam Kỳ!</v></c><c r="B2" t="e"><f>NA()</f><v>#N/A</v></c><c r="C2" t="b"><f>TRUE()</f><v>1</v></c><c r="D2"><f>0</f><v>0</v></c><c r="E2"><f>A9</f></c><c r="F2" t="str"><f>""</f><v></v></c></row>',
        ),
      }],
    }));
    const [sheet] = await expectSameAsExcelJs(bytes, undefined);
    expect(sheet.values).toEqual([
      ['Tam Kỳ', 'Hội An', 'văn bản', 1500, -0.25, '#VALUE!', false],
      ['Tam Kỳ!', '#N/A', true, 0, '', '', ''],
    ]);
    expect(sheet.formulas![1]).toEqual(['=A1&"!"', '=NA()', '=TRUE()', '=0', '=A9', '=""', '']);
  });

  it('reads Excel-style shared formulas (a block, absolute parts, another sheet), as ExcelJS does', async () => {
    const row = (r: number): string =>
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c>` +
      (r === 2
        ? '<c r="B2"><f t="shared" ref="B2:C4" si="0">SUM($A2:A$2)+\'Kỳ trước\'!B2</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>1</v></c>'
        : r > 2 ? `<c r="B${r}"><f t="shared" si="0"/><v>1</v></c><c r="C${r}"><f t="shared" si="0"/><v>1</v></c>` : '') +
      '</row>';
    const bytes = zip(book({ sheets: [{ name: 'S', xml: worksheet([1, 2, 3, 4].map(row).join('')) }] }));
    const [sheet] = await expectSameAsExcelJs(bytes, undefined);
    expect(sheet.formulas!.slice(1).map((r) => r.slice(1))).toEqual([
      ["=SUM($A2:A$2)+'Kỳ trước'!B2", "=SUM($A2:B$2)+'Kỳ trước'!C2"],
      ["=SUM($A3:A$2)+'Kỳ trước'!B3", "=SUM($A3:B$2)+'Kỳ trước'!C3"],
      ["=SUM($A4:A$2)+'Kỳ trước'!B4", "=SUM($A4:B$2)+'Kỳ trước'!C4"],
    ]);
  });

  it('leaves text in quotes alone when it rebuilds a shared formula, where ExcelJS moves it too', async () => {
    const bytes = zip(book({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="str"><f t="shared" ref="A1:A2" si="0">B1&amp;"B1"</f><v>x</v></c></row><row r="2"><c r="A2" t="str"><f t="shared" si="0"/><v>x</v></c></row>') }],
    }));
    expect(only(bytes).formulas).toEqual([['=B1&"B1"'], ['=B2&"B1"']]);
    const [ej] = await (await ExcelJsWorkbook.fromBytes(bytes)).readSheets();
    expect(ej.formulas).toEqual([['=B1&"B1"'], ['=B2&"B2"']]);
  });

  it('blanks merged cells that still hold a value and counts a hidden row made only of merged cells, as ExcelJS does', async () => {
    const bytes = zip(book({
      sheets: [{
        name: 'S',
        xml: worksheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" t="inlineStr"><is><t>thừa</t></is></c><c r="C1"><v>3</v></c></row>' +
          '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' +
          '<row r="3" hidden="true"/><row r="4" hidden="1" s="1" customFormat="1"><c r="A4" s="1"/></row><row r="5"><c r="B5"><v>5</v></c></row>',
          '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="C2:C3"/></mergeCells>',
        ),
      }],
      styles: styles(['Calibri', 'Arial'], [0, 1]),
    }));
    const [sheet] = await expectSameAsExcelJs(bytes, 'Calibri');
    expect(sheet.values).toEqual([['Tiêu đề', ''], ['x', ''], ['', ''], ['', ''], ['', 5]]);
    expect(sheet.hiddenRows).toEqual([1, 2]);
  });

  it('reads fonts from cellXfs (not cellStyleXfs or dxfs), as ExcelJS does for styled cells', async () => {
    const bytes = zip(book({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>2</v></c><c r="C1" s="3"><v>3</v></c><c r="D1" s="0"><v>4</v></c><c r="E1"><v>5</v></c></row>') }],
      styles: styles(['.VnTime', 'Times New Roman', '.VnArialH', 'VNI-Times'], [0, 1, 2, 3]),
    }));
    const [sheet] = await expectSameAsExcelJs(bytes, '.VnTime');
    expect(sheet.fonts).toEqual([['Times New Roman', '.VnArialH', 'VNI-Times', '.VnTime', '.VnTime']]);
  });

  it('gives a cell without a style the default font (cellXfs[0]), where ExcelJS gives none', async () => {
    const bytes = zip(book({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Céng</t></is></c><c r="B1" s="0"><v>1</v></c></row>') }],
      styles: styles(['.VnTime'], [0]),
    }));
    expect(only(bytes).fonts).toEqual([['.VnTime', '.VnTime']]);
    const [ej] = await (await ExcelJsWorkbook.fromBytes(bytes)).readSheets();
    expect(ej.fonts).toEqual([[undefined, undefined]]);
  });

  it('follows rows and cells written without r, where ExcelJS refuses the file', async () => {
    const bytes = zip(book({
      sheets: [{
        name: 'S',
        xml: worksheet(
          '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>' + // row 1: A1, B1
          '<row hidden="1"><c><v>2</v></c><c r="D2"><v>3</v></c><c><v>4</v></c></row>' + // row 2: A2, D2, E2
          '<row r="5"><c r="B5"><v>5</v></c></row>' +
          '<row><c><v>6</v></c></row>' + // row 6
          '<row><c r="C8"><v>8</v></c></row>', // no r on the row: its cell says row 8
        ),
      }],
    }));
    expect(only(bytes).values).toEqual([
      ['a', 1, '', '', ''],
      [2, '', '', 3, 4],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
      ['', 5, '', '', ''],
      [6, '', '', '', ''],
      ['', '', '', '', ''],
      ['', '', 8, '', ''],
    ]);
    expect(only(bytes).hiddenRows).toEqual([1]);
    await expect(ExcelJsWorkbook.fromBytes(bytes)).rejects.toThrow();
  });

  it('decodes a str text once, where ExcelJS decodes it twice', async () => {
    const bytes = zip(book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row>') }] }));
    expect(only(bytes)).toMatchObject({ values: [['&lt;']], formulas: [['="&lt;"']] });
    const [ej] = await (await ExcelJsWorkbook.fromBytes(bytes)).readSheets();
    expect(ej.values).toEqual([['<']]);
  });

  it('tolerates overlapping merged ranges, which ExcelJS refuses', async () => {
    const bytes = zip(book({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="B2"><v>3</v></c><c r="C2"><v>4</v></c></row>', '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>') }],
    }));
    expect(only(bytes).values).toEqual([[1]]);
    await expect(ExcelJsWorkbook.fromBytes(bytes)).rejects.toThrow(/merge/);
  });

  it('reads ISO dates (t="d") as serial numbers, where ExcelJS reads the year', async () => {
    const bytes = zip(book({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="d"><v>2024-07-05</v></c><c r="B1" t="d"><v>2024-07-05T18:00:00</v></c><c r="C1" t="d"><v>1899-12-30T12:00:00.000Z</v></c></row>') }],
    }));
    expect(only(bytes).values).toEqual([[45478, 45478.75, 0.5]]);
    const [ej] = await (await ExcelJsWorkbook.fromBytes(bytes)).readSheets();
    expect(ej.values).toEqual([[2024, 2024, 1899]]);
  });

  it('reads elements written with a namespace prefix (x:c), which ExcelJS does not', () => {
    const xml = `${XML_DECL}<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>tiền tố</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = zip(book({ sheets: [{ name: 'S', xml }] }));
    expect(only(bytes)).toMatchObject({ values: [['tiền tố', 2]], formulas: [['', '=1+1']] });
  });

  it('finds parts through the relationships: absolute targets, other part names, no _rels/.rels, chart sheets left out', () => {
    const files = book({ sheets: [{ name: 'Một', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: ['<si><t>chuỗi</t></si>'] });
    const moved: Record<string, string> = {
      'xl/workbook.xml': `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:ns9="${REL_NS}"><sheets><sheet name="Một" sheetId="1" ns9:id="rA"/><sheet name="Biểu đồ" sheetId="2" ns9:id="rB"/><sheet name="Hai" sheetId="3" state="veryHidden" ns9:id="rC"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rA" Type="${REL_NS}/worksheet" Target="/xl/data/Sheet%20One.xml"/><Relationship Id="rB" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rC" Type="${REL_NS}/worksheet" Target="./worksheets/../worksheets/two.xml"/><Relationship Id="rS" Type="${REL_NS}/sharedStrings" Target="strings/sst.xml"/></Relationships>`,
      'xl/data/Sheet One.xml': files['xl/worksheets/sheet1.xml'],
      'xl/chartsheets/sheet1.xml': `${XML_DECL}<chartsheet xmlns="${MAIN_NS}"/>`,
      'XL/Worksheets/Two.xml': worksheet('<row r="2"><c r="B2"><v>2</v></c></row>'),
      'xl/strings/sst.xml': files['xl/sharedStrings.xml'],
      '[Content_Types].xml': files['[Content_Types].xml'],
    };
    const wb = readXlsxWorkbook(zip(moved));
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([['Một', 'visible'], ['Hai', 'veryHidden']]);
    expect(wb.sheet('Một')!.snapshot().values).toEqual([['chuỗi']]);
    expect(wb.sheet('Hai')!.snapshot().values).toEqual([['', ''], ['', 2]]);
    expect(wb.sheet('Biểu đồ')).toBeUndefined();
  });

  it('reads a workbook whose parts start with a byte order mark', () => {
    const files: Record<string, string | Uint8Array> = book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>7</v></c></row>') }] });
    const bom = (s: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(s)]);
    files['xl/workbook.xml'] = bom(files['xl/workbook.xml'] as string);
    files['xl/worksheets/sheet1.xml'] = bom(files['xl/worksheets/sheet1.xml'] as string);
    expect(only(zip(files)).values).toEqual([[7]]);
  });

  it('parses a sheet only when asked, once', () => {
    const wb = readXlsxWorkbook(zip(book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] })));
    expect(wb.sheets[0].snapshot()).toBe(wb.sheets[0].snapshot());
  });
});

describe('readXlsxWorkbook refuses what is not a readable package', () => {
  it.each([
    ['truncated.xlsx', read(path.join(FIXTURES, 'truncated.xlsx'))],
    ['not-a-workbook.xlsx', read(path.join(FIXTURES, 'not-a-workbook.xlsx'))],
    ['the first half of a sample', read(path.join(SAMPLES, 'hoi-an.xlsx')).slice(0, 6000)],
    ['empty bytes', new Uint8Array(0)],
    ['a zip without a workbook', zip({ 'hello.txt': 'xin chào' })],
    ['a workbook part that is not XML', zip({ 'xl/workbook.xml': '<workbook><sheets><sheet name="S"' })],
  ])('throws on %s', (_, bytes) => {
    expect(() => readXlsxWorkbook(bytes)).toThrow();
  });

  it('throws when a sheet is not well-formed XML, when the sheet is read', () => {
    const wb = readXlsxWorkbook(zip(book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></row>') }] })));
    expect(() => wb.sheets[0].snapshot()).toThrow();
  });

  it('lets returnFromBytes report broken files as before', async () => {
    expect(await returnFromBytes('t.xlsx', read(path.join(FIXTURES, 'truncated.xlsx')))).toMatchObject({ failure: 'unreadable' });
    expect(await returnFromBytes('n.xlsx', read(path.join(FIXTURES, 'not-a-workbook.xlsx')))).toMatchObject({ failure: 'not-workbook' });
    expect(await returnFromBytes('z.xlsx', zip({ 'hello.txt': 'xin chào' }))).toMatchObject({ failure: 'unreadable', detail: expect.stringMatching(/workbook/) });
    const badSheet = zip(book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></row>') }] }));
    expect(await returnFromBytes('b.xlsx', badSheet)).toMatchObject({ failure: 'unreadable' });
  });
});

describe('translateFormula (shared formulas)', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['A1+B2', 0, 2, 'C1+D2'],
    ['$A$1+$A1+A$1', 3, 3, '$A$1+$A4+D$1'],
    ['SUM(A1:B2)*LOG10(C3)', 1, 1, 'SUM(B2:C3)*LOG10(D4)'],
    ["'Kỳ trước'!A1+Sheet2!B1+Biểu!C1", 1, 0, "'Kỳ trước'!A2+Sheet2!B2+Biểu!C2"],
    ['"A1 và B2"&A1', 1, 0, '"A1 và B2"&A2'],
    ['SUM(A:A)+SUM(1:2)+SUM($B:C)', 1, 1, 'SUM(B:B)+SUM(2:3)+SUM($B:D)'],
    ['Table1[[#This Row],[A1]]+A1', 1, 0, 'Table1[[#This Row],[A1]]+A2'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['IF(TRUE,1.5E+3,A1)', 2, 0, 'IF(TRUE,1.5E+3,A3)'],
    ['_xlfn.XLOOKUP(A1,B:B,C:C)', 1, 1, '_xlfn.XLOOKUP(B2,C:C,D:D)'],
    ['XFD1+A1048576', 0, 0, 'XFD1+A1048576'],
    ['XFD1', 0, 1, '#REF!'],
    ['TAX2019+A1', 1, 0, 'TAX2020+A2'],
  ])('%s moved by (%i, %i) is %s', (formula, dRow, dCol, expected) => {
    expect(translateFormula(formula, dRow, dCol)).toBe(expected);
  });
});

describe('walkXml (saxes under the reader)', () => {
  /** Every event as a line: "<name a=v>", "</name>", "'text'". */
  function events(xml: string): string[] {
    const out: string[] = [];
    walkXml(xml, {
      open: (name, a) => out.push(`<${name}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join('')}>`),
      close: (name) => out.push(`</${name}>`),
      text: (t) => out.push(`'${t}'`),
    });
    return out;
  }

  it('reads declarations, comments, CDATA, both quotes, references, prefixes and loose white space', () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- đầu --><x:root xmlns:x="urn:x" a=\'1 > 0\' b = "&quot;&amp;&#65;&#x1EA0;&#x1F600;" >' +
      '<x:t xml:space="preserve">a &lt; b\r\nc</x:t><![CDATA[<không> & phân tích]]><!-- giữa --><?pi data?><e\n/>' +
      '<v c="x\ty"></v ></x:root >\n';
    expect(events(xml.replace('\uFEFF', ''))).toEqual([
      '<root xmlns:x=urn:x a=1 > 0 b="&AẠ😀>',
      '<t xml:space=preserve>',
      "'a < b\nc'",
      '</t>',
      "'<không> & phân tích'",
      '<e>',
      '</e>',
      '<v c=x y>',
      '</v>',
      '</root>',
    ]);
  });

  it.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element (a cut-off part)', '<sst><si><t>Hội'],
    ['a cut-off start tag', '<sst><si a="1'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>Hội & CCB</a>'],
    ['a bad character reference', '<a>&#xZZ;</a>'],
    ['a document type declaration', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unterminated comment', '<a><!-- </a>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['text after the root', '<a/>b'],
    ['two roots', '<a/><b/>'],
    ['no root at all', '  '],
    ['an end tag with no start', '</a>'],
    ['"<" in an attribute', '<a b="<"/>'],
  ])('throws on %s', (_, xml) => {
    expect(() => walkXml(xml, { open: () => undefined })).toThrow(/XML/);
  });
});

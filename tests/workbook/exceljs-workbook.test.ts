import ExcelJS from 'exceljs';
import { buildForm } from '../../src/core/form/form-writer';
import { defaultTemplate } from '../../src/core/template/default-template';
import { cellMarks } from '../../src/core/validate/cell-marks';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs-workbook';

async function bytesOf(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Biểu'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('ExcelJsWorkbook.readSheets gives what Excel\'s Range.values would', () => {
  it('maps formulas to cached results, errors to their text, rich text to plain text, and blanks merged cells', async () => {
    const bytes = await bytesOf((ws) => {
      ws.getCell('A1').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
      ws.getCell('B1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('D1').value = { formula: '0*1', result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell('C1').value = { richText: [{ text: 'Hội ' }, { text: 'An', font: { bold: true } }] };
      ws.getCell('A2').value = 'Tiêu đề gộp';
      ws.mergeCells('A2:C2');
      ws.getCell('A3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('B3').value = new Date(Date.UTC(2024, 6, 5));
      ws.getCell('C3').value = true;
      ws.getRow(4).getCell(1).value = 'ẩn';
      ws.getRow(4).hidden = true;
      ws.getCell('D4').value = 'Céng';
      ws.getCell('D4').font = { name: '.VnTime' };
    });
    const [sheet] = await (await ExcelJsWorkbook.fromBytes(bytes)).readSheets();
    expect(sheet.values).toEqual([
      [3, '#DIV/0!', 'Hội An', 0],
      ['Tiêu đề gộp', '', '', ''],
      ['#REF!', 45478, true, ''],
      ['ẩn', '', '', 'Céng'],
    ]);
    expect(sheet.formulas![0]).toEqual(['=SUM(1,2)', '=1/0', '', '=0*1']);
    expect(sheet.formulas![2][0]).toBe('');
    expect(sheet.hiddenRows).toEqual([3]);
    expect(sheet.fonts![3][3]).toBe('.VnTime');
  });

  it('writes a form that reads back with validation, protection and very hidden metadata', async () => {
    const wb = ExcelJsWorkbook.create();
    await wb.writeSheets(buildForm(defaultTemplate(), { unit: 'Tam Kỳ', period: '6 tháng đầu năm 2024', values: { '01': 5 } }));
    const back = await ExcelJsWorkbook.fromBytes(await wb.toBytes());
    expect(await back.listSheets()).toEqual([
      { name: 'Biểu chỉ tiêu', visibility: 'visible' },
      { name: '_tonghop', visibility: 'veryHidden' },
    ]);
    expect(await back.readMetadata()).toEqual({
      kind: 'form', templateId: 'ccb-bchqs-6thang', templateVersion: '1', period: '6 tháng đầu năm 2024', unit: 'Tam Kỳ',
    });
    const ws = back.workbook.getWorksheet('Biểu chỉ tiêu')!;
    expect(ws.getCell('E8').value).toBe(5);
    expect(ws.getCell('E8').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell('E8').protection).toMatchObject({ locked: false });
    expect(ws.getCell('B8').protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeUndefined();
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it('marks cells with a fill and a note', async () => {
    const wb = ExcelJsWorkbook.create();
    await wb.writeSheets([{ name: 'Biểu', cells: [['a', 1]] }]);
    await wb.markCells(cellMarks([
      { severity: 'error', unit: 'X', file: 'f', sheet: 'Biểu', cell: 'B1', code: '01', rule: 'negative', message: 'Số âm' },
      { severity: 'warning', unit: 'X', file: 'f', sheet: 'Biểu', cell: 'B1', code: '01', rule: 'text-number', message: 'Số dạng chữ' },
    ]));
    const back = await ExcelJsWorkbook.fromBytes(await wb.toBytes());
    const cell = back.workbook.getWorksheet('Biểu')!.getCell('B1');
    expect(cell.fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    const note = cell.note as unknown as { texts: { text: string }[] } | string;
    const text = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(text).toBe('Số âm\nSố dạng chữ');
  });
});

import {
  EMPTY_REGISTER, registerFromGrid, registerSheet, registerToGrid, withExistingSheets, withImports, type ImportRegister,
} from '../../../src/core/form/import-register';
import { marksFromGrid, marksToGrid } from '../../../src/taskpane/excel/mark-register';
import { textForExcel } from '../../../src/workbook/office-workbook';

const REGISTER: ImportRegister = {
  period: '6 tháng đầu năm 2024',
  records: [
    {
      sheet: 'Quế Sơn', unit: 'Quế Sơn', file: 'que-son.xlsx', sourceSheet: 'Biểu chỉ tiêu', importedAt: '2024-07-05T08:00:00.000Z',
      meta: { kind: 'form', templateId: 'ccb-bchqs-6thang', templateVersion: '1', period: '6 tháng đầu năm 2024', unit: 'Quế Sơn' },
    },
    { sheet: 'bieu-la', unit: null, file: 'bieu-la.xlsx', sourceSheet: 'Sheet1', importedAt: '2024-07-05T08:00:00.000Z', meta: null },
  ],
};

/** What Excel gives back after the grid was written through `values` (apostrophe-prefixed text stays text). */
function throughExcel(grid: string[][]): string[][] {
  return grid.map((row) => row.map((v) => textForExcel(v).replace(/^'/, '')));
}

describe('import register', () => {
  test('round trip through a grid, also as Excel stores it', () => {
    expect(registerFromGrid(registerToGrid(REGISTER))).toEqual(REGISTER);
    expect(registerFromGrid(throughExcel(registerToGrid(REGISTER)))).toEqual(REGISTER);
    expect(registerSheet(REGISTER)).toMatchObject({ name: '_tonghop_nhap', visibility: 'veryHidden' });
  });

  test('columns are found by header; anything else reads as an empty register', () => {
    const grid: (string | number)[][] = registerToGrid(REGISTER);
    const swapped = grid.map((row, i) => (i < 2 ? row : [row[2], row[0], ...row.slice(1, 2), ...row.slice(3)]));
    expect(registerFromGrid(swapped)).toEqual(REGISTER);
    expect(registerFromGrid([])).toEqual(EMPTY_REGISTER);
    expect(registerFromGrid([['kind', 'form']])).toEqual(EMPTY_REGISTER);
  });

  test('a new import replaces the row of its sheet (any case); rows of deleted sheets go', () => {
    const again = withImports(REGISTER, [{ ...REGISTER.records[0], sheet: 'QUẾ SƠN', file: 'que-son-2.xlsx' }]);
    expect(again.records.map((r) => r.file)).toEqual(['bieu-la.xlsx', 'que-son-2.xlsx']);
    expect(withExistingSheets(REGISTER, ['quế sơn']).records.map((r) => r.sheet)).toEqual(['Quế Sơn']);
  });

  test('highlight register round trip', () => {
    const marks = [
      { sheet: 'Quế Sơn', cell: 'E12', severity: 'error' as const, note: 'Số âm -5\nvà dòng hai', fill: null },
      { sheet: 'Tam Kỳ', cell: 'E9', severity: 'warning' as const, note: '', fill: '#DDEBF7' },
    ];
    expect(marksFromGrid(marksToGrid(marks))).toEqual(marks);
    expect(marksFromGrid([['x']])).toEqual([]);
  });
});

import { defaultUnits, UnitListError } from '../../../src/core/units/unit-list';
import { unitsFromGrid, unitsToGrid, UNITS_HEADER } from '../../../src/core/units/unit-sheet';

describe('the "Đơn vị" sheet', () => {
  it('round-trips the built-in unit list', () => {
    const units = defaultUnits();
    const grid = unitsToGrid(units);
    expect(grid[0]).toEqual([...UNITS_HEADER]);
    expect(grid[3]).toEqual([3, units[2]]);
    expect(unitsFromGrid(grid)).toEqual(units);
  });

  it('finds the "Đơn vị" column by its header below a title, whatever the column', () => {
    const grid = [
      ['DANH SÁCH ĐƠN VỊ BÁO CÁO'],
      [],
      ['Số TT', 'Ghi chú', 'ĐƠN VỊ'],
      [1, 'mới', '  Hội CCB huyện Quế  Sơn '],
      [2, '', 'Tây Giang'],
      ['', '', ''],
      [3, '', 'Đông Giang'],
    ];
    expect(unitsFromGrid(grid)).toEqual(['Hội CCB huyện Quế Sơn', 'Tây Giang', 'Đông Giang']);
  });

  it('takes the first text column when there is no header', () => {
    expect(unitsFromGrid([[1, 'Núi Thành'], [2, 'Phú Ninh']])).toEqual(['Núi Thành', 'Phú Ninh']);
  });

  it('names the sheet row of a duplicate', () => {
    const grid = [['STT', 'Đơn vị'], [1, 'Quế Sơn'], [2, 'Tây Giang'], [3, 'Huyện Quế Sơn']];
    expect(() => unitsFromGrid(grid)).toThrow(UnitListError);
    expect(() => unitsFromGrid(grid)).toThrow('dòng 4: "Huyện Quế Sơn" trùng với dòng 2');
  });

  it('rejects a sheet with no unit', () => {
    expect(() => unitsFromGrid([['STT', 'Đơn vị'], [1, '']])).toThrow('Danh sách đơn vị trống');
  });
});

import { defaultTemplate } from '../../../src/core/template/default-template';
import { templateFromGrid, templateToGrid, TEMPLATE_SHEET_NAME } from '../../../src/core/template/sheet-format';
import { errorOf } from '../../support/template-error';


/** A small sheet as staff might have it; row 5 (index 4) is the header. */
function smallGrid(): unknown[][] {
  return [
    ['Mã mẫu', 'mau-thu', '', '', '', ''],
    ['Phiên bản', 3, '', '', '', ''],
    ['Tên mẫu', 'Mẫu thử', '', '', '', ''],
    ['', '', '', '', '', ''],
    ['Mã số', 'Nhóm', 'Chỉ tiêu', 'Đơn vị tính', 'Kiểu', 'Ràng buộc'],
    ['01', '1. Tổ chức', 'Tổng số hội viên', 'hội viên', 'I', 'cảnh báo: biến động <= 50%'],
    ['02', '1', 'Hội viên mới', 'hội viên', 'I', '02 <= 01'],
    ['03', '2. Quỹ', 'Số dư quỹ', 'triệu đồng', 'D', ''],
  ];
}

describe('templateToGrid', () => {
  it('writes the key/value rows, the header and one row per indicator', () => {
    const grid = templateToGrid(defaultTemplate());
    expect(TEMPLATE_SHEET_NAME).toBe('Mẫu chỉ tiêu');
    expect(grid.slice(0, 7)).toEqual([
      ['Mã mẫu', 'ccb-bchqs-6thang', '', '', '', ''],
      ['Phiên bản', '1', '', '', '', ''],
      ['Tên mẫu', 'Phối hợp hoạt động Hội CCB tỉnh – Bộ CHQS tỉnh', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['Mã số', 'Nhóm', 'Chỉ tiêu', 'Đơn vị tính', 'Kiểu', 'Ràng buộc'],
      ['01', '1. Tuyên truyền, giáo dục', 'Lượt ý kiến góp ý xây dựng Đảng, hệ thống chính trị', 'lượt', 'I', ''],
      ['02', '1', 'Cuộc giám sát do Hội CCB chủ trì (Quyết định 217-QĐ/TW)', 'cuộc', 'I', ''],
    ]);
    expect(grid).toHaveLength(5 + 40);
    expect(grid.every((row) => row.length === 6)).toBe(true);
    const row = (code: string) => grid.find((r) => r[0] === code)!;
    expect(row('07')[1]).toBe('2. Xây dựng tổ chức');
    expect(row('12')[5]).toBe('12 <= 11; 12 + 13 <= 11');
    expect(row('18')[5]).toBe('cảnh báo: 18 / 19 trong [0,1; 50]; cảnh báo: biến động <= 50%');
  });
});

describe('templateFromGrid', () => {
  it('round-trips the default template', () => {
    const t = defaultTemplate();
    expect(templateFromGrid(templateToGrid(t))).toEqual(t);
  });

  it('reads a small sheet', () => {
    const t = templateFromGrid(smallGrid());
    expect(t.id).toBe('mau-thu');
    expect(t.version).toBe('3');
    expect(t.sections).toEqual([
      { id: '1', title: 'Tổ chức' },
      { id: '2', title: 'Quỹ' },
    ]);
    expect(t.indicators.map((i) => [i.code, i.sectionId, i.kind])).toEqual([
      ['01', '1', 'I'],
      ['02', '1', 'I'],
      ['03', '2', 'D'],
    ]);
    expect(t.rules.map((r) => [r.id, r.rowCode])).toEqual([
      ['rule:change:01<=50%', '01'],
      ['rule:02<=01', '02'],
    ]);
  });

  it('tolerates blank rows, numeric codes, NFD text, extra columns and moved columns', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const grid: unknown[][] = [
      ['BIỂU MẪU CHỈ TIÊU'],
      [],
      [nfd('Mã mẫu'), '', 'mau-thu'],
      [nfd('PHIÊN BẢN'), 1],
      [nfd('Tên mẫu'), nfd('Mẫu thử')],
      ['Ghi chú', 'STT', nfd('MÃ SỐ'), nfd('Chỉ tiêu'), nfd('Nhóm'), 'ĐVT', nfd('Kiểu'), nfd('Ràng buộc')],
      ['', '', '', '', '', '', '', ''],
      ['mới', 1, 1, nfd('Tổng số hội viên'), nfd('1. Tổ chức'), nfd('hội viên'), 'i', ''],
      [null, 2, 2, nfd('Hội viên mới'), 1, nfd('hội viên'), nfd('số nguyên'), '2 <= 1'],
      [],
      ['', 3, '3', 'Số dư quỹ', nfd('Tổ chức'), nfd('triệu đồng'), 'D', undefined],
    ];
    const t = templateFromGrid(grid);
    expect(t).toEqual({
      id: 'mau-thu',
      version: '1',
      name: 'Mẫu thử',
      sections: [{ id: '1', title: 'Tổ chức' }],
      indicators: [
        { code: '01', sectionId: '1', name: 'Tổng số hội viên', unit: 'hội viên', kind: 'I' },
        { code: '02', sectionId: '1', name: 'Hội viên mới', unit: 'hội viên', kind: 'I' },
        { code: '03', sectionId: '1', name: 'Số dư quỹ', unit: 'triệu đồng', kind: 'D' },
      ],
      rules: [
        {
          id: 'rule:02<=01',
          severity: 'error',
          text: '2 <= 1',
          anchorCode: '02',
          rowCode: '02',
          body: { type: 'compare', left: { type: 'code', code: '02' }, op: '<=', right: { type: 'code', code: '01' } },
        },
      ],
    });
  });

  it('reads a staff-added indicator row with a new rule', () => {
    const grid = templateToGrid(defaultTemplate()) as unknown[][];
    grid.push(['41', '4', 'Trong đó: hài cốt đã xác định danh tính', 'hài cốt', 'I', '41 <= 40']);
    grid.push([42, '3. Phong trào, cuộc vận động', 'Hội viên vay vốn', 'hội viên', 'I', 'cảnh báo: 42 <= 08\nbiến động <= 30%']);
    const t = templateFromGrid(grid);
    expect(t.indicators).toHaveLength(42);
    expect(t.indicators.slice(-2)).toEqual([
      { code: '41', sectionId: '4', name: 'Trong đó: hài cốt đã xác định danh tính', unit: 'hài cốt', kind: 'I' },
      { code: '42', sectionId: '3', name: 'Hội viên vay vốn', unit: 'hội viên', kind: 'I' },
    ]);
    expect(t.rules.slice(-3).map((r) => [r.id, r.severity, r.anchorCode])).toEqual([
      ['rule:41<=40', 'error', '41'],
      ['rule:42<=08', 'warning', '42'],
      ['rule:change:42<=30%', 'error', '42'],
    ]);
    expect(t.sections).toHaveLength(4);
  });

  it('accepts a section heading row and a section given by its title', () => {
    const grid = smallGrid();
    grid.splice(5, 0, ['', '3. Chính sách', '', '', '', '']);
    grid.push(['04', 'chinh sach', 'Nhà tình nghĩa', 'nhà', 'I', '']);
    const t = templateFromGrid(grid);
    expect(t.sections.map((s) => s.id)).toEqual(['3', '1', '2']);
    expect(t.indicators.find((i) => i.code === '04')?.sectionId).toBe('3');
  });

  it('reports a single broken row with its row number and column letter', () => {
    const grid = smallGrid();
    grid[6][4] = 'X';
    const e = errorOf(() => templateFromGrid(grid));
    expect(e.message).toBe('Dòng 7, cột E: Kiểu phải là I (số nguyên) hoặc D (số thập phân), đang là "X"');
    expect(e.row).toBe(7);
    expect(e.column).toBe('E');
  });

  it('reports every broken row', () => {
    const grid = smallGrid();
    grid.push(['01', '1', 'Trùng mã', 'người', 'I', '']);
    grid.push(['1a', '1', 'Mã sai', 'người', 'I', '']);
    grid.push(['05', '', '', '', 'I', '']);
    grid.push(['', '', 'Không có mã', 'người', 'I', '']);
    grid.push(['06', '9', 'Nhóm chưa có tên', 'người', 'D', '']);
    grid.push(['07', 'Nhóm lạ', 'Nhóm không rõ', 'người', 'D', '']);
    grid.push(['08', '2. Quỹ khác', 'Tên nhóm khác', 'người', 'D', '']);
    grid.push(['09', '2', 'Có ràng buộc sai', 'người', 'D', '09 + <= 01']);
    grid.push(['10', '2', 'Ràng buộc mã lạ', 'người', 'D', '10 <= 99']);
    grid.push(['', 'không có số', '', '', '', '']);
    const e = errorOf(() => templateFromGrid(grid));
    expect(e.problems.map((p) => p.message)).toEqual([
      'Dòng 9, cột A: Mã số 01 trùng với dòng 6',
      'Dòng 10, cột A: Mã số phải là số từ 01 đến 99, đang là "1a"',
      'Dòng 11, cột B: thiếu Nhóm (ghi số thứ tự nhóm, ví dụ "1", hoặc "1. Tên nhóm")',
      'Dòng 11, cột C: thiếu tên Chỉ tiêu',
      'Dòng 11, cột D: thiếu Đơn vị tính',
      'Dòng 12, cột A: thiếu Mã số',
      'Dòng 13, cột B: Nhóm 9 chưa có tên; ghi "9. Tên nhóm" ở dòng đầu tiên của nhóm',
      'Dòng 14, cột B: không rõ Nhóm "Nhóm lạ"; ghi số thứ tự nhóm (ví dụ "1") hoặc "1. Tên nhóm"',
      'Dòng 15, cột B: Nhóm 2 đã có tên "Quỹ" ở dòng 8, ở đây lại là "Quỹ khác"',
      'Dòng 16, cột F: Ràng buộc "09 + <= 01": thiếu số hạng sau "+" (ký tự 6)',
      'Dòng 17, cột F: Ràng buộc "10 <= 99": mã 99 không có trong mẫu (ký tự 7)',
      'Dòng 18, cột B: dòng tên nhóm phải ghi dạng "1. Tên nhóm", đang là "không có số"',
    ]);
    expect(e.problems.map((p) => [p.row, p.column])).toEqual([
      [9, 'A'],
      [10, 'A'],
      [11, 'B'],
      [11, 'C'],
      [11, 'D'],
      [12, 'A'],
      [13, 'B'],
      [14, 'B'],
      [15, 'B'],
      [16, 'F'],
      [17, 'F'],
      [18, 'B'],
    ]);
    expect(e.row).toBe(9);
    expect(e.column).toBe('A');
    expect(e.message.split('\n')[0]).toBe('tìm thấy 12 lỗi:');
  });

  it('reports a missing header row', () => {
    const e = errorOf(() => templateFromGrid([['Mã mẫu', 'x'], ['01', 'Tổng số']]));
    expect(e.message).toBe(
      'Không tìm thấy dòng tiêu đề của bảng chỉ tiêu (Mã số | Nhóm | Chỉ tiêu | Đơn vị tính | Kiểu | Ràng buộc)',
    );
  });

  it('reports missing header columns with the header row number', () => {
    const grid = smallGrid().map((r) => r.slice(0, 4));
    const e = errorOf(() => templateFromGrid(grid));
    expect(e.message).toBe('Dòng 5: thiếu cột "Kiểu" trong dòng tiêu đề');
    expect(e.row).toBe(5);
  });

  it('reports missing key/value rows', () => {
    const grid = smallGrid();
    grid[0] = ['Mã mẫu', '', ''];
    grid[1] = [];
    const e = errorOf(() => templateFromGrid(grid));
    expect(e.problems.map((p) => p.message)).toEqual([
      'Thiếu dòng "Phiên bản" phía trên dòng tiêu đề (dòng 5): cột A ghi "Phiên bản", cột B ghi giá trị',
      'Dòng 1, cột B: thiếu giá trị của "Mã mẫu"',
    ]);
  });

  it('reports a sheet without indicators', () => {
    const e = errorOf(() => templateFromGrid(smallGrid().slice(0, 5)));
    expect(e.message).toBe('Bảng chỉ tiêu không có chỉ tiêu nào dưới dòng tiêu đề (dòng 5)');
  });
});

import fc from 'fast-check';
import { defaultReportTemplate } from '../../../src/core/report/default-report';
import type { BlockStyle } from '../../../src/core/report/model';
import { reportTemplateFromJson, reportTemplateToJson, type ReportTemplate } from '../../../src/core/report/report-template';
import { REPORT_SHEET_NAME, reportTemplateFromGrid, reportTemplateToGrid } from '../../../src/core/report/report-sheet';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { errorOf } from './support';

const indicators = defaultTemplate();

/** The default grid's row index (0-based) of a label in column A. */
function rowOfLabel(grid: unknown[][], label: string): number {
  const r = grid.findIndex((row) => row[0] === label);
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

describe('reportTemplateToGrid', () => {
  it('writes the key/value block, the header and one row per paragraph', () => {
    const grid = reportTemplateToGrid(defaultReportTemplate());
    expect(REPORT_SHEET_NAME).toBe('Mẫu báo cáo');
    expect(grid.slice(0, 20)).toEqual([
      ['Mã mẫu', 'ccb-bchqs-6thang-bao-cao'],
      ['Phiên bản', '1'],
      ['Tên mẫu', 'Báo cáo kết quả phối hợp hoạt động Hội CCB tỉnh – Bộ CHQS tỉnh'],
      ['', ''],
      ['Thiết lập', 'Giá trị'],
      ['Cơ quan chủ quản', 'HỘI CCB VIỆT NAM'],
      ['Cơ quan ban hành', 'HỘI CCB TỈNH QUẢNG NAM'],
      ['Số, ký hiệu', '…/BC-CCB'],
      ['Địa danh', 'Quảng Nam'],
      ['Ngày ban hành', ''],
      ['Trích yếu', 'Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh {kỳ báo cáo}'],
      ['Thẩm quyền ký', 'TM. BAN THƯỜNG VỤ'],
      ['Chức vụ người ký', 'CHỦ TỊCH'],
      ['Họ tên người ký', ''],
      ['Nơi nhận', '- Phòng Chính trị, Bộ Chỉ huy quân sự tỉnh (để tổng hợp);'],
      ['Nơi nhận', '- Thường trực Hội CCB tỉnh;'],
      ['Nơi nhận', '- Lưu: VT, TG, Cg 06b.'],
      ['Câu khi thiếu đơn vị', 'Số liệu tổng hợp từ {số đơn vị đã tổng hợp}/{tổng số đơn vị} đơn vị; {đơn vị chưa tổng hợp}.'],
      ['', ''],
      ['Kiểu', 'Nội dung'],
    ]);
    expect(grid[20][0]).toBe('Đoạn văn');
    expect(grid[21]).toEqual(['Đề mục 1', 'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP {kỳ báo cáo|chữ hoa}']);
    expect(grid.find((r) => r[1].startsWith('Chủ trì'))![0]).toBe('Gạch đầu dòng');
    expect(grid.find((r) => r[1] === '* ĐÁNH GIÁ CHUNG')![0]).toBe('Đề mục 3');
  });
});

describe('reportTemplateFromGrid', () => {
  it('round-trips the default template exactly', () => {
    const t = defaultReportTemplate();
    expect(reportTemplateFromGrid(reportTemplateToGrid(t), indicators)).toEqual(t);
  });

  it('tolerates NFD text, blank rows, extra columns, other label spellings and a dashed bullet', () => {
    const t = defaultReportTemplate();
    const grid: unknown[][] = reportTemplateToGrid(t).map((row) => ['', ...row.map((c) => c.normalize('NFD')), '']);
    grid.splice(3, 0, [], ['', '  ', null]);
    grid.splice(grid.length - 4, 0, ['', '', '']);
    grid.push([], ['', '', '   ']);
    const bullet = grid.findIndex((r) => String(r[2]).startsWith('Chủ trì'.normalize('NFD')));
    grid[bullet][1] = 'gach dau dong';
    grid[bullet][2] = `- ${String(grid[bullet][2])}`;
    grid[rowOfLabelIn(grid, 'Địa danh')][1] = 'DIA DANH';
    grid[rowOfLabelIn(grid, 'Phiên bản')][2] = 1;
    expect(reportTemplateFromGrid(grid, indicators)).toEqual(t);
  });

  it('reads the date as ISO, d/m/yyyy or an Excel date number', () => {
    const base = reportTemplateToGrid(defaultReportTemplate()) as unknown[][];
    const r = rowOfLabel(base, 'Ngày ban hành');
    for (const [cell, iso] of [['2024-07-05', '2024-07-05'], ['5/7/2024', '2024-07-05'], [45478, '2024-07-05'], ['', '']] as const) {
      const grid = base.map((row) => [...row]);
      grid[r][1] = cell;
      expect(reportTemplateFromGrid(grid).settings.date).toBe(iso);
    }
  });

  it('lets a blank "Kiểu" be a body paragraph and leaves out optional setting rows', () => {
    const grid: unknown[][] = reportTemplateToGrid(defaultReportTemplate()).filter((r) => r[0] !== 'Ngày ban hành' && r[0] !== 'Họ tên người ký');
    grid.push(['', 'Một đoạn mới.']);
    const t = reportTemplateFromGrid(grid);
    expect(t.paragraphs[t.paragraphs.length - 1]).toEqual({ style: 'body', text: 'Một đoạn mới.' });
    expect(t.settings.date).toBe('');
    expect(t.settings.signerName).toBe('');
  });

  it('names the row and column of every broken cell', () => {
    const grid: unknown[][] = reportTemplateToGrid(defaultReportTemplate());
    const header = rowOfLabel(grid, 'Kiểu');
    grid[header + 3] = ['Đề mục 9', 'x'];
    grid[header + 4] = ['Đoạn văn', ''];
    grid[header + 6] = ['Gạch đầu dòng', 'Chủ trì {41} cuộc'];
    grid[header + 7] = ['Đoạn văn', 'kỳ {kỳ báo cáo|đậm}'];
    grid[rowOfLabel(grid, 'Ngày ban hành')][1] = '31/02/2024';
    grid[rowOfLabel(grid, 'Trích yếu')][1] = '';
    grid[rowOfLabel(grid, 'Địa danh')][0] = 'Địa điểm';
    const e = errorOf(() => reportTemplateFromGrid(grid, indicators));
    expect(e.problems.map((p) => p.message)).toEqual([
      // The renamed row leaves "Địa danh" missing: a problem with no row, listed first.
      `Thiếu dòng "Địa danh" phía trên dòng tiêu đề (dòng ${header + 1}): cột A ghi "Địa danh", cột B ghi giá trị`,
      'Dòng 9, cột A: không rõ thiết lập "Địa điểm"; dùng một trong: Mã mẫu, Phiên bản, Tên mẫu, Cơ quan chủ quản, Cơ quan ban hành, Số, ký hiệu, Địa danh, Ngày ban hành, Trích yếu, Thẩm quyền ký, Chức vụ người ký, Họ tên người ký, Nơi nhận, Câu khi thiếu đơn vị',
      'Dòng 10, cột B: ngày ban hành "31/02/2024" không hợp lệ; ghi dạng 2024-07-05 hoặc 05/07/2024, hoặc để trống',
      'Dòng 11, cột B: thiếu "Trích yếu"',
      `Dòng ${header + 4}, cột A: kiểu "Đề mục 9" không có; dùng một trong: Đề mục 1, Đề mục 2, Đề mục 3, Đoạn văn, Gạch đầu dòng`,
      `Dòng ${header + 5}, cột B: thiếu Nội dung của đoạn`,
      `Dòng ${header + 7}, cột B: chỗ điền "{41}" (ký tự 9): mã 41 không có trong mẫu chỉ tiêu`,
      `Dòng ${header + 8}, cột B: chỗ điền "{kỳ báo cáo|đậm}" (ký tự 4): định dạng "đậm" không có; dùng một trong: 2, 2 chữ số, %, kỳ trước, tăng giảm, từng đơn vị, ngoặc, chữ thường, chữ hoa, viết hoa đầu`,
    ]);
    expect(e.problems.find((p) => p.message.includes('{41}'))).toMatchObject({ row: header + 7, column: 'B' });
    expect(e.problems.find((p) => p.message.includes('Địa điểm'))).toMatchObject({ row: 9, column: 'A' });
  });

  it('reports a single problem with its row', () => {
    const grid: unknown[][] = reportTemplateToGrid(defaultReportTemplate());
    const r = grid.findIndex((row) => row[1] === '* ĐÁNH GIÁ CHUNG');
    grid[r][1] = '* ĐÁNH GIÁ {chung}';
    const e = errorOf(() => reportTemplateFromGrid(grid));
    expect(e.message).toMatch(new RegExp(`^Dòng ${r + 1}, cột B: chỗ điền "\\{chung\\}"`));
    expect(e.row).toBe(r + 1);
    expect(e.column).toBe('B');
  });

  it('needs the header row and the settings rows', () => {
    expect(errorOf(() => reportTemplateFromGrid([['a', 'b']])).message).toBe('Không tìm thấy dòng tiêu đề của mẫu báo cáo (Kiểu | Nội dung)');
    const grid = reportTemplateToGrid(defaultReportTemplate()).filter((r) => !['Mã mẫu', 'Cơ quan ban hành', 'Câu khi thiếu đơn vị'].includes(r[0]));
    const header = grid.findIndex((r) => r[0] === 'Kiểu') + 1;
    expect(errorOf(() => reportTemplateFromGrid(grid)).problems.map((p) => p.message)).toEqual([
      `Thiếu dòng "Mã mẫu" phía trên dòng tiêu đề (dòng ${header}): cột A ghi "Mã mẫu", cột B ghi giá trị`,
      `Thiếu dòng "Cơ quan ban hành" phía trên dòng tiêu đề (dòng ${header}): cột A ghi "Cơ quan ban hành", cột B ghi giá trị`,
      `Thiếu dòng "Câu khi thiếu đơn vị" phía trên dòng tiêu đề (dòng ${header})`,
    ]);
  });

  it('rejects a repeated setting row', () => {
    const grid = reportTemplateToGrid(defaultReportTemplate());
    grid.splice(6, 0, ['Cơ quan chủ quản', 'KHÁC']);
    expect(errorOf(() => reportTemplateFromGrid(grid)).message).toBe('Dòng 7, cột A: "Cơ quan chủ quản" trùng với dòng 6');
  });
});

function rowOfLabelIn(grid: unknown[][], label: string): number {
  const r = grid.findIndex((row) => String(row[1] ?? '').normalize('NFC') === label);
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

describe('round trip (property)', () => {
  const word = fc.constantFrom('Hội', 'CCB', 'tỉnh', 'đã', 'xóa', 'nhà', 'tạm', '“thi đua”', '-', '2024', 'Quảng', 'Nam', '(a)', '{{', '}}');
  const field = fc.constantFrom('{08}', '{18/19|2}', '{02|2 chữ số}', '{08|tăng giảm}', '{16|từng đơn vị|ngoặc}', '{kỳ trước}', '{năm}');
  const text = fc.array(fc.oneof(word, field), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
  const style = fc.constantFrom<BlockStyle>('heading1', 'heading2', 'heading3', 'body', 'bullet');
  const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
  const template: fc.Arbitrary<ReportTemplate> = fc.record({
    id: fc.constantFrom('mau-1', 'bao-cao'),
    version: fc.constantFrom('1', '2.0'),
    name: line,
    settings: fc.record({
      governingBody: fc.oneof(fc.constant(''), line),
      issuingBody: line,
      number: fc.constantFrom('…/BC-CCB', '05/BC-CCB', ''),
      place: fc.oneof(fc.constant(''), line),
      date: fc.constantFrom('', '2024-07-05', '2025-01-31'),
      summary: text,
      signerAuthority: fc.oneof(fc.constant(''), line),
      signerTitle: line,
      signerName: fc.oneof(fc.constant(''), line),
      recipients: fc.array(line.map((l) => `- ${l}`), { maxLength: 4 }),
    }),
    coverage: text,
    paragraphs: fc.array(fc.record({ style, text }), { minLength: 1, maxLength: 8 }),
  }).map((t) => ({
    ...t,
    // A bullet's own leading "- " is not part of its text.
    paragraphs: t.paragraphs.map((p) => (p.style === 'bullet' && /^- /.test(p.text) ? { ...p, text: `x ${p.text}` } : p)),
  }));

  it('grid and JSON give back the same template', () => {
    fc.assert(
      fc.property(template, (t) => {
        expect(reportTemplateFromGrid(reportTemplateToGrid(t), indicators)).toEqual(t);
        expect(reportTemplateFromJson(reportTemplateToJson(t), indicators)).toEqual(t);
      }),
      { numRuns: 200 },
    );
  });
});

/** Hand-built reports for the renderer tests (and for looking at a rendered page). */
import type { Report, ReportSettings } from '../../src/core/report/model';

export const SETTINGS: ReportSettings = {
  governingBody: 'Hội CCB Việt Nam',
  issuingBody: 'HỘI CCB TỈNH QUẢNG NAM',
  number: '45/BC-CCB',
  place: 'Quảng Nam',
  date: '2024-07-05',
  summary: 'Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh 6 tháng đầu năm 2024',
  signerAuthority: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn Hùng',
  recipients: [
    '- Phòng Chính trị, Bộ CHQS tỉnh (để tổng hợp);',
    '- Thường trực Hội CCB tỉnh;',
    '- Lưu: VT, TG.',
  ],
};

/** A few blocks of each style, one bold run, one italic run and one run with a reviewer note. */
export function smallReport(overrides: Partial<ReportSettings> = {}): Report {
  return {
    settings: { ...SETTINGS, ...overrides },
    blocks: [
      { style: 'body', runs: [{ text: 'Thực hiện Quy chế phối hợp số 08/QC-BCHQS-CCB ngày 11/3/2024, Hội CCB tỉnh báo cáo kết quả như sau:' }] },
      { style: 'heading1', runs: [{ text: 'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP 6 THÁNG ĐẦU NĂM 2024' }] },
      { style: 'heading2', runs: [{ text: '1. Phối hợp tuyên truyền, giáo dục' }] },
      {
        style: 'body',
        runs: [
          { text: 'Trong 6 tháng đầu năm 2024 đã kết nạp ' },
          { text: '297', bold: true },
          { text: ' hội viên, nâng tổng số hội viên lên ' },
          { text: '37.090', comment: 'Số liệu Điện Bàn còn 2 cảnh báo chưa xử lý.' },
          { text: ' hội viên, ' },
          { text: 'giảm 106 hội viên', italic: true },
          { text: ' so với cuối năm 2023.' },
        ],
      },
      { style: 'bullet', runs: [{ text: '- Chủ trì 02 cuộc giám sát theo Quyết định 217-QĐ/TW.' }] },
      { style: 'heading3', runs: [{ text: '* ĐÁNH GIÁ CHUNG' }] },
      { style: 'body', runs: [{ text: 'Trên đây là báo cáo kết quả phối hợp 6 tháng đầu năm 2024./.' }] },
    ],
  };
}

const LONG_PARAGRAPH =
  'Các cấp Hội CCB đã làm tốt công tác phối hợp vận động hội viên và cán bộ, chiến sỹ lực lượng DQTV, DBĐV tích cực tham gia '
  + 'thực hiện tốt các phong trào, các cuộc vận động "chung sức xây dựng nông thôn mới, đô thị văn minh", phong trào "chung tay '
  + 'vì người nghèo - không để ai bỏ lại phía sau"; gắn với phong trào thi đua yêu nước của các Hội, đoàn thể đạt kết quả thiết thực.';

/** Long enough for three pages: page numbers, headings and the closing table after a page break. */
export function largeReport(): Report {
  const small = smallReport();
  const blocks: Report['blocks'] = [...small.blocks.slice(0, -1)];
  const sections = [
    '2. Phối hợp xây dựng các tổ chức CT-XH và cơ quan, đơn vị LLVT vững mạnh toàn diện',
    '3. Phối hợp vận động Nhân dân thực hiện tốt các phong trào, các cuộc vận động',
    '4. Phối hợp thực hiện tốt công tác Chính sách hậu phương Quân đội',
  ];
  for (const [i, heading] of sections.entries()) {
    blocks.push({ style: 'heading2', runs: [{ text: heading }] });
    blocks.push({ style: 'body', runs: [{ text: LONG_PARAGRAPH }] });
    blocks.push({
      style: 'bullet',
      runs: [
        { text: `- Toàn Hội xóa được ${253 + i}/1.557 hộ CCB nghèo, xóa được 13 nhà tạm; giải quyết việc làm cho ` },
        { text: '6.776', comment: `Ghi chú ${i + 1}: tổng có dùng số ước tính "gần 1.600" của Thăng Bình.` },
        { text: ' hội viên & gia đình <CCB>.' },
      ],
    });
    blocks.push({ style: 'bullet', runs: [{ text: '- ' + LONG_PARAGRAPH }] });
    blocks.push({ style: 'body', runs: [{ text: LONG_PARAGRAPH }] });
  }
  blocks.push({ style: 'heading1', runs: [{ text: 'II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024' }] });
  blocks.push({ style: 'body', runs: [{ text: '1. Tiếp tục phối hợp thực hiện tốt các nội dung, chương trình trong quy chế đã ký kết.' }] });
  blocks.push({ style: 'body', runs: [{ text: LONG_PARAGRAPH }] });
  blocks.push({ style: 'body', runs: [{ text: 'Trên đây là nội dung báo cáo kết quả phối hợp hoạt động 6 tháng đầu năm 2024./.' }] });
  return {
    settings: {
      ...SETTINGS,
      date: '2024-02-03',
      recipients: [
        '- Phòng Chính trị, Bộ Chỉ huy quân sự tỉnh (để tổng hợp);',
        '- Thường trực Hội CCB tỉnh;',
        '- Các Hội CCB huyện, thị xã, thành phố;',
        '- Lưu: VT, TG, Cg 06b.',
      ],
    },
    blocks,
  };
}

import { defaultReportTemplate } from '../../../src/core/report/default-report';
import { draftReport, shortMessage, yearOf } from '../../../src/core/report/draft';
import { blockText, type Report } from '../../../src/core/report/model';
import type { ReportTemplate } from '../../../src/core/report/report-template';
import { defaultTemplate } from '../../../src/core/template/default-template';
import { formatNumber } from '../../../src/core/text/number-format';
import { currentFigures } from '../../../scripts/sample/figures';
import { rowOf, VALUE_COL } from '../../support/forms';
import { bodyText, errorOf, sampleJob, samplePrevious } from './support';

const reportTemplate = defaultReportTemplate();

async function draftSample(options: Parameters<typeof sampleJob>[0] = {}): Promise<Report> {
  const job = sampleJob({ previous: await samplePrevious(), ...options });
  return draftReport(job.consolidation, reportTemplate, { findings: job.findings });
}

function paragraphWith(report: Report, fragment: string): string {
  const found = report.blocks.map(blockText).find((t) => t.includes(fragment));
  if (found === undefined) throw new Error(`no paragraph with "${fragment}"`);
  return found;
}

describe('draftReport on the bundled sample (acceptance)', () => {
  let report: Report;
  beforeAll(async () => {
    report = await draftSample();
  });

  it('reads the previous period the sample ships with', async () => {
    const previous = await samplePrevious();
    expect(previous.label).toBe('Năm 2023');
    expect(previous.totals['08']).toBe(37196);
    expect(previous.totals['18']).toBe(43064);
  });

  it.each([
    '02 cuộc giám sát', '727 tập thể', '1.507 cá nhân', '297 hội viên', '37.090 hội viên', 'giảm 106 hội viên',
    '2.554 thanh niên', '124 con', '253/1.557', '13 nhà tạm', 'Nam Giang: 10', 'Nam Trà My: 01', 'Hiệp Đức: 02',
    '6.776 hội viên', '46.326 triệu đồng', '2,30 triệu đồng/hộ', 'tăng 3.262 triệu đồng', '21.040 cây', '4.801 ngày công',
    '898,3 triệu đồng', '30,3 km', '42,3 km', '157 đơn vị máu', '17 nhà tình nghĩa', '882,8 triệu đồng', '7.514 suất quà',
    '8 hài cốt',
  ])('contains "%s"', (fragment) => {
    expect(bodyText(report)).toContain(fragment);
  });

  it('writes the seed sentences with the figures in place', () => {
    expect(paragraphWith(report, '297 hội viên')).toMatch(
      /Trong 6 tháng đầu năm 2024 đã kết nạp được 297 hội viên, nâng tổng số hội viên CCB lên 37\.090 hội viên, giảm 106 hội viên so với cuối năm 2023\.$/);
    expect(paragraphWith(report, '02 cuộc')).toBe(
      '- Chủ trì 02 cuộc giám sát theo Quyết định 217-QĐ/TW (Điện Bàn: 01; Quế Sơn: 01), phối hợp tham gia Ủy ban MTTQVN cùng cấp giám sát 03 cuộc; cơ sở Hội phối hợp tham gia 04 cuộc giám sát.');
    expect(paragraphWith(report, 'nhà tạm (')).toMatch(
      /^- Trong 6 tháng đầu năm 2024, toàn Hội xóa được 253\/1\.557 hộ CCB nghèo, xóa được 13 nhà tạm \(Nam Giang: 10; Hiệp Đức: 02; Nam Trà My: 01\);/);
    expect(paragraphWith(report, 'bình quân')).toContain(
      'đạt 46.326 triệu đồng (bình quân 2,30 triệu đồng/hộ). Tiền gửi tiết kiệm tăng 3.262 triệu đồng so với cuối năm 2023.');
    expect(paragraphWith(report, 'suất quà')).toContain('7.514 suất quà, trị giá 2.904,5 triệu đồng; ủng hộ các Quỹ hoạt động tình nghĩa 587 triệu;');
  });

  it('fills the headings, the closing sentence and the settings from the period', () => {
    const texts = report.blocks.map(blockText);
    expect(texts[0]).toMatch(/^Thực hiện Quy chế phối hợp hoạt động số 08\/QC-BCHQS-CCB/);
    expect(report.blocks[1]).toEqual({ style: 'heading1', runs: [{ text: 'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP 6 THÁNG ĐẦU NĂM 2024' }] });
    expect(texts).toContain('* ĐÁNH GIÁ CHUNG');
    expect(texts).toContain('II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024');
    expect(texts[texts.length - 1]).toBe(
      'Trên đây là nội dung báo cáo kết quả phối hợp hoạt động giữa Bộ chỉ huy Quân sự tỉnh với Hội CCB tỉnh 6 tháng đầu năm 2024./.');
    expect(report.settings.summary).toBe('Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh 6 tháng đầu năm 2024');
    expect(report.settings.number).toBe('…/BC-CCB');
    expect(report.settings.date).toBe('');
    expect(report.settings.recipients[2]).toBe('- Lưu: VT, TG, Cg 06b.');
  });

  it('starts every bullet with "- " and has no coverage sentence nor comment when all units are in', () => {
    for (const b of report.blocks.filter((x) => x.style === 'bullet')) expect(blockText(b)).toMatch(/^- \S/);
    expect(bodyText(report)).not.toContain('Số liệu tổng hợp từ');
    expect(report.blocks.flatMap((b) => b.runs).filter((r) => r.comment !== undefined)).toEqual([]);
  });
});

describe('draftReport on a partial total', () => {
  it('says which unit has not reported, right before section I', async () => {
    const report = await draftSample({ drop: ['Tây Giang'] });
    expect(report.blocks[1]).toEqual({
      style: 'body',
      runs: [{ text: 'Số liệu tổng hợp từ 17/18 đơn vị; chưa báo cáo: Tây Giang.', italic: true }],
    });
    expect(report.blocks[2].style).toBe('heading1');
    const tayGiang = currentFigures().get('Tây Giang')!;
    expect(bodyText(report)).toContain(`nâng tổng số hội viên CCB lên ${formatNumber(37090 - tayGiang['08'])} hội viên`);
  });

  it('names units left out for errors too', async () => {
    const report = await draftSample({
      drop: ['Tây Giang'],
      alter: (unit, book) => {
        if (unit === 'Hội An') book.sheets[0].values[rowOf(book.sheets[0], '05')][VALUE_COL] = 'không rõ';
      },
    });
    expect(blockText(report.blocks[1])).toBe('Số liệu tổng hợp từ 16/18 đơn vị; chưa báo cáo: Tây Giang; có lỗi, chưa tính: Hội An.');
  });

  it('puts the sentence first when the template has no section heading', async () => {
    const job = sampleJob({ drop: ['Phú Ninh', 'Tam Kỳ'] });
    const small: ReportTemplate = { ...reportTemplate, paragraphs: [{ style: 'body', text: 'Có {08} hội viên.' }] };
    const report = draftReport(job.consolidation, small);
    expect(report.blocks.map(blockText)).toEqual([
      'Số liệu tổng hợp từ 16/18 đơn vị; chưa báo cáo: Tam Kỳ, Phú Ninh.',
      `Có ${formatNumber(job.consolidation.totals['08'])} hội viên.`,
    ]);
  });
});

describe('draftReport: figures resting on returns with warnings', () => {
  it('puts a comment on the 08 run naming the unit and the warning', async () => {
    const hoiAn08 = currentFigures().get('Hội An')!['08'];
    const report = await draftSample({
      alter: (unit, book) => {
        if (unit === 'Hội An') book.sheets[0].values[rowOf(book.sheets[0], '08')][VALUE_COL] = formatNumber(hoiAn08);
      },
    });
    const runs = report.blocks.flatMap((b) => b.runs);
    const run08 = runs.find((r) => r.text === '37.090');
    expect(run08?.comment).toBeDefined();
    expect(run08!.comment).toContain('Hội An (mã 08, cảnh báo)');
    expect(run08!.comment).toContain(`Số được gõ dưới dạng chữ "${formatNumber(hoiAn08)}"`);
    expect(run08!.comment!.split('\n')[0]).toBe('Cần xem lại: số liệu này dựa trên biểu còn cảnh báo chưa xử lý.');
    // The change against the previous period rests on 08 too; other figures carry no comment.
    expect(runs.find((r) => r.text === 'giảm 106')?.comment).toBe(run08!.comment);
    expect(runs.filter((r) => r.comment !== undefined).map((r) => r.text)).toEqual(['37.090', 'giảm 106']);
    expect(bodyText(report)).toContain('nâng tổng số hội viên CCB lên 37.090 hội viên, giảm 106 hội viên');
  });

  it('falls back on the findings kept on the consolidation', async () => {
    const job = sampleJob({
      previous: await samplePrevious(),
      alter: (unit, book) => {
        if (unit === 'Nam Giang') book.sheets[0].values[rowOf(book.sheets[0], '16')][VALUE_COL] = '10';
      },
    });
    const report = draftReport(job.consolidation, reportTemplate);
    const commented = report.blocks.flatMap((b) => b.runs).filter((r) => r.comment !== undefined);
    expect(commented.map((r) => r.text)).toEqual(['13', '(Nam Giang: 10; Hiệp Đức: 02; Nam Trà My: 01)']);
    expect(commented[0].comment).toContain('Nam Giang (mã 16, cảnh báo)');
  });

  it('ignores warnings of units that are not in the total', async () => {
    const job = sampleJob({
      alter: (unit, book) => {
        const sheet = book.sheets[0];
        if (unit === 'Hội An') {
          sheet.values[rowOf(sheet, '08')][VALUE_COL] = '1.234';
          sheet.values[rowOf(sheet, '05')][VALUE_COL] = 'không rõ';
        }
      },
    });
    const report = draftReport(job.consolidation, reportTemplate, { findings: job.findings });
    expect(report.blocks.flatMap((b) => b.runs).filter((r) => r.comment !== undefined)).toEqual([
      // Without a previous period, the change cannot be written.
      { text: '[chưa có số liệu kỳ trước]', comment: expect.stringContaining('Chưa có số liệu kỳ trước cho {08|tăng giảm}') },
      { text: '[chưa có kỳ trước]', comment: expect.stringContaining('Chưa có bảng tổng hợp kỳ trước') },
      { text: '[chưa có số liệu kỳ trước]', comment: expect.stringContaining('{18|tăng giảm}') },
      { text: '[chưa có kỳ trước]', comment: expect.stringContaining('Chưa có bảng tổng hợp kỳ trước') },
    ]);
  });
});

describe('draftReport: the figures come from the returns', () => {
  it('changes the sentences when a return changes', async () => {
    const report = await draftSample({
      alter: (unit, book) => {
        const sheet = book.sheets[0];
        const values = currentFigures().get(unit)!;
        if (unit === 'Hiệp Đức') sheet.values[rowOf(sheet, '16')][VALUE_COL] = 5;
        if (unit === 'Tam Kỳ') {
          sheet.values[rowOf(sheet, '08')][VALUE_COL] = values['08'] + 200;
          sheet.values[rowOf(sheet, '23')][VALUE_COL] = values['23'] + 0.4;
          sheet.values[rowOf(sheet, '02')][VALUE_COL] = 3;
        }
      },
    });
    const text = bodyText(report);
    expect(text).toContain('xóa được 16 nhà tạm (Nam Giang: 10; Hiệp Đức: 05; Nam Trà My: 01)');
    expect(text).toContain('nâng tổng số hội viên CCB lên 37.290 hội viên, tăng 94 hội viên so với cuối năm 2023');
    expect(text).toContain('898,7 triệu đồng');
    expect(text).toContain('Chủ trì 05 cuộc giám sát theo Quyết định 217-QĐ/TW (Tam Kỳ: 03; Điện Bàn: 01; Quế Sơn: 01)');
    expect(text).not.toContain('37.090');
  });

  it('follows a rewritten template sentence', async () => {
    const job = sampleJob({ previous: await samplePrevious() });
    const t: ReportTemplate = {
      ...reportTemplate,
      paragraphs: [{ style: 'bullet', text: 'Hội viên: {08|kỳ trước} ở {kỳ trước}, {08} ở {kỳ báo cáo} ({08|tăng giảm}).' }],
    };
    expect(draftReport(job.consolidation, t).blocks).toEqual([
      { style: 'bullet', runs: [{ text: '- Hội viên: 37.196 ở năm 2023, 37.090 ở 6 tháng đầu năm 2024 (giảm 106).' }] },
    ]);
  });
});

describe('draftReport: settings and errors', () => {
  it('takes given settings as written', async () => {
    const job = sampleJob();
    const report = draftReport(job.consolidation, reportTemplate, {
      settings: { date: '2024-07-05', signerName: 'Nguyễn Văn A', number: '12/BC-CCB', recipients: ['- Như trên;'] },
    });
    expect(report.settings).toMatchObject({
      date: '2024-07-05', signerName: 'Nguyễn Văn A', number: '12/BC-CCB', recipients: ['- Như trên;'], place: 'Quảng Nam',
    });
  });

  it('uses a period given in the options, and shows a stand-in when there is none', () => {
    const job = sampleJob();
    const noPeriod = { ...job.consolidation, period: null };
    expect(draftReport(noPeriod, reportTemplate, { period: 'Năm 2024' }).settings.summary)
      .toBe('Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh năm 2024');
    const report = draftReport(noPeriod, reportTemplate);
    expect(report.settings.summary).toBe('Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh [chưa rõ kỳ báo cáo]');
    expect(report.blocks[1].runs).toEqual([
      { text: 'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP ' },
      { text: '[chưa rõ kỳ báo cáo]', comment: 'Chưa rõ kỳ báo cáo: ghi kỳ báo cáo khi tổng hợp.' },
    ]);
  });

  it('throws a TemplateError naming the paragraph when a code is not in the indicator template', () => {
    const job = sampleJob();
    const t: ReportTemplate = { ...reportTemplate, paragraphs: [...reportTemplate.paragraphs, { style: 'body', text: 'Thêm {42} mục.' }] };
    expect(errorOf(() => draftReport(job.consolidation, t)).message)
      .toBe(`Đoạn ${t.paragraphs.length}: chỗ điền "{42}" (ký tự 6): mã 42 không có trong mẫu chỉ tiêu`);
  });

  it('is deterministic and leaves the template untouched', () => {
    const job = sampleJob();
    const before = JSON.stringify(reportTemplate);
    expect(draftReport(job.consolidation, reportTemplate)).toEqual(draftReport(job.consolidation, reportTemplate));
    expect(JSON.stringify(reportTemplate)).toBe(before);
    expect(defaultTemplate().indicators).toHaveLength(40);
  });
});

describe('helpers', () => {
  it.each([
    ['6 tháng đầu năm 2024', '2024'],
    ['Năm 2023', '2023'],
    ['Từ 2023 đến 2024', '2024'],
    ['Quý 3', null],
    [null, null],
  ])('yearOf(%p) = %p', (period, year) => {
    expect(yearOf(period)).toBe(year);
  });

  it('shortMessage keeps the first sentence and cuts long ones', () => {
    expect(shortMessage('Số được gõ dưới dạng chữ "1.234"; đã đọc là 1.234. Kiểm tra lại và nhập dạng số.'))
      .toBe('Số được gõ dưới dạng chữ "1.234"; đã đọc là 1.234');
    const long = shortMessage(`${'a'.repeat(300)}.`);
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });
});

/** The shared layout: date and number lines, text clean-up, rule widths. */
import {
  cleanText, estimateTextWidth, formatDateLine, formatNumberLine, layoutReport, pieceTexts, CLOSING_COLUMNS, HEADING_COLUMNS,
  PAGE, TEXT_WIDTH,
} from '../../src/render/report-layout';
import { smallReport } from './sample-reports';

describe('formatDateLine', () => {
  it.each([
    ['2024-07-05', 'Quảng Nam, ngày 05 tháng 7 năm 2024'],
    ['2024-01-09', 'Quảng Nam, ngày 09 tháng 01 năm 2024'],
    ['2024-02-10', 'Quảng Nam, ngày 10 tháng 02 năm 2024'],
    ['2024-03-01', 'Quảng Nam, ngày 01 tháng 3 năm 2024'],
    ['2024-10-31', 'Quảng Nam, ngày 31 tháng 10 năm 2024'],
    ['2024-12-25T08:00:00+07:00', 'Quảng Nam, ngày 25 tháng 12 năm 2024'],
    ['', 'Quảng Nam, ngày … tháng … năm …'],
    ['   ', 'Quảng Nam, ngày … tháng … năm …'],
  ])('%s → %s', (date, line) => {
    expect(formatDateLine('Quảng Nam', date)).toBe(line);
  });

  it('leaves out the place when there is none, and NFC-normalises it', () => {
    expect(formatDateLine('', '2024-07-05')).toBe('ngày 05 tháng 7 năm 2024');
    const nfd = 'Quảng Nam'.normalize('NFD');
    expect(formatDateLine(nfd, '2024-07-05')).toBe('Quảng Nam, ngày 05 tháng 7 năm 2024');
  });

  it.each(['05/07/2024', '2024-13-01', '2023-02-29', '2024-04-31', '2024-7-5', 'hôm nay'])('rejects %s', (date) => {
    expect(() => formatDateLine('Quảng Nam', date)).toThrow(RangeError);
  });
});

describe('formatNumberLine', () => {
  it('zero-pads a number below 10 and fills a blank one', () => {
    expect(formatNumberLine('45/BC-CCB')).toBe('Số: 45/BC-CCB');
    expect(formatNumberLine('5/BC-CCB')).toBe('Số: 05/BC-CCB');
    expect(formatNumberLine('05/BC-CCB')).toBe('Số: 05/BC-CCB');
    expect(formatNumberLine('…/BC-CCB')).toBe('Số: …/BC-CCB');
    expect(formatNumberLine('  ')).toBe('Số: …/BC-…');
  });
});

describe('cleanText', () => {
  it('normalises to NFC, turns CR LF and vertical tabs into \\n and drops control characters', () => {
    expect(cleanText('Ho\u0300a\r\nb\u000Bc\u0000d\u0007e\tf')).toBe('Hòa\nb\ncde\tf');
  });
});

describe('estimateTextWidth', () => {
  it('is close to the real width of Times New Roman lines', () => {
    // Measured on the rendered PDF: "Độc lập - Tự do - Hạnh phúc" 13 pt bold ≈ 3 150 twips.
    const motto = estimateTextWidth('Độc lập - Tự do - Hạnh phúc', 26, true);
    expect(motto).toBeGreaterThan(2900);
    expect(motto).toBeLessThan(3500);
    expect(estimateTextWidth('ABC', 28, true)).toBeGreaterThan(estimateTextWidth('abc', 28, true));
    expect(estimateTextWidth('abc', 28, true)).toBeGreaterThan(estimateTextWidth('abc', 28, false));
  });
});

describe('layoutReport', () => {
  it('fits the columns to the text width between the margins', () => {
    expect(TEXT_WIDTH).toBe(PAGE.width - PAGE.marginLeft - PAGE.marginRight);
    expect(HEADING_COLUMNS[0] + HEADING_COLUMNS[1]).toBe(TEXT_WIDTH);
    expect(CLOSING_COLUMNS[0] + CLOSING_COLUMNS[1]).toBe(TEXT_WIDTH);
  });

  it('orders the heading, title and closing lines', () => {
    const laid = layoutReport(smallReport({ governingBody: 'Hội CCB Việt Nam' }));
    expect(pieceTexts(laid.headingLeft)).toEqual(['HỘI CCB VIỆT NAM', 'HỘI CCB TỈNH QUẢNG NAM', 'Số: 45/BC-CCB']);
    expect(laid.headingLeft.map((p) => p.kind)).toEqual(['text', 'text', 'rule', 'text']);
    expect(laid.headingRight.map((p) => p.kind)).toEqual(['text', 'text', 'rule', 'text']);
    expect(laid.title.map((p) => p.kind)).toEqual(['text', 'text', 'rule']);
    expect(pieceTexts(laid.closingRight)).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Nguyễn Văn Hùng']);
    expect(laid.closingRight.map((p) => p.kind)).toEqual(['text', 'text', 'gap', 'text']);
  });

  it('keeps runs with their notes and drops empty runs and blank notes', () => {
    const r = smallReport();
    r.blocks = [{ style: 'body', runs: [{ text: '' }, { text: 'a', comment: '  ' }, { text: 'b', comment: ' ghi chú ', bold: false }] }];
    expect(layoutReport(r).blocks).toEqual([{ style: 'body', runs: [{ text: 'a' }, { text: 'b', comment: 'ghi chú' }] }]);
  });

  it('does not change the report it is given', () => {
    const r = smallReport();
    const before = JSON.stringify(r);
    layoutReport(r);
    expect(JSON.stringify(r)).toBe(before);
  });
});

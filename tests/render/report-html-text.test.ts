/** The HTML and plain-text renderings, and that all three renderings carry the same text. */
import { renderReportDocx } from '../../src/render/report-docx';
import { escapeHtml, renderReportHtml, renderReportHtmlFragment } from '../../src/render/report-html';
import { renderReportText } from '../../src/render/report-text';
import { blockText, type Report } from '../../src/core/report/model';
import { bodyParagraphs, readDocx, textOf } from './docx-reader';
import { largeReport, smallReport } from './sample-reports';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00A0' };

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]);
}

/** Text of each paragraph-like element of the HTML, tags stripped, split at <br>. */
function htmlLines(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(p|h1|h2|h3)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decodeEntities(m[2].replace(/<br\s*\/?>/g, '\n').replace(/<[^>]*>/g, ''));
    out.push(...text.split('\n'));
  }
  return out.map((l) => l.trim()).filter(Boolean);
}

function textLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

async function docxLines(report: Report): Promise<string[]> {
  const parts = await readDocx(await renderReportDocx(report));
  return bodyParagraphs(parts).flatMap((p) => textOf(p).split('\n')).map((l) => l.trim()).filter(Boolean);
}

const SMALL = smallReport();

describe('renderReportText', () => {
  it('lays out the heading lines, the title, blank-line-separated paragraphs and the closing', () => {
    expect(renderReportText(SMALL)).toBe([
      'HỘI CCB VIỆT NAM',
      'HỘI CCB TỈNH QUẢNG NAM',
      'Số: 45/BC-CCB',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Nam, ngày 05 tháng 7 năm 2024',
      '',
      'BÁO CÁO',
      'Kết quả phối hợp hoạt động giữa Hội CCB tỉnh với Bộ CHQS tỉnh 6 tháng đầu năm 2024',
      '',
      'Thực hiện Quy chế phối hợp số 08/QC-BCHQS-CCB ngày 11/3/2024, Hội CCB tỉnh báo cáo kết quả như sau:',
      '',
      'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP 6 THÁNG ĐẦU NĂM 2024',
      '',
      '1. Phối hợp tuyên truyền, giáo dục',
      '',
      'Trong 6 tháng đầu năm 2024 đã kết nạp 297 hội viên, nâng tổng số hội viên lên 37.090 hội viên, giảm 106 hội viên so với cuối năm 2023.',
      '',
      '- Chủ trì 02 cuộc giám sát theo Quyết định 217-QĐ/TW.',
      '',
      '* ĐÁNH GIÁ CHUNG',
      '',
      'Trên đây là báo cáo kết quả phối hợp 6 tháng đầu năm 2024./.',
      '',
      'Nơi nhận:',
      '- Phòng Chính trị, Bộ CHQS tỉnh (để tổng hợp);',
      '- Thường trực Hội CCB tỉnh;',
      '- Lưu: VT, TG.',
      '',
      'TM. BAN THƯỜNG VỤ',
      'CHỦ TỊCH',
      '',
      '',
      '',
      'Nguyễn Văn Hùng',
      '',
    ].join('\n'));
  });

  it('leaves the reviewer notes out', () => {
    expect(renderReportText(SMALL)).not.toContain('cảnh báo');
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(SMALL);

  it('is a UTF-8 Vietnamese document wrapping the fragment', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain(renderReportHtmlFragment(SMALL));
    expect(html).toContain(`<title>Báo cáo ${SMALL.settings.summary}</title>`);
  });

  it('uses inline styles only, in Times New Roman, black on white', () => {
    expect(html).not.toMatch(/<style|<link|<script|class="[^"]*"\s*>/);
    expect(renderReportHtmlFragment(SMALL)).toMatch(/^<div class="report" lang="vi" style="font-family:'Times New Roman',Times,serif;font-size:14pt;color:#000/);
  });

  it('has the two tables without borders', () => {
    const tables = [...html.matchAll(/<table\b[^>]*>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t).toContain('border="0"');
      expect(t).toMatch(/style="[^"]*border:none/);
    }
    const cells = [...html.matchAll(/<td\b[^>]*>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(4);
    for (const c of cells) expect(c).toMatch(/border:none/);
    // Inside the tables, the only borders drawn are the rules, which are empty.
    const inTables = [...html.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]).join('');
    const bordered = [...inTables.matchAll(/<(\w+)\b[^>]*border-(?:top|bottom):[^>]*>([\s\S]*?)<\/\1>/g)];
    expect(bordered).toHaveLength(2);
    for (const m of bordered) expect(m[2]).toBe('');
    expect([...html.matchAll(/class="rule"/g)]).toHaveLength(3);
  });

  it('sets the body justified with a 1.27 cm first-line indent, 14 pt, 6 pt after', () => {
    const body = /<p class="body" style="([^"]*)">Thực hiện/.exec(html)![1];
    expect(body).toContain('text-align:justify');
    expect(body).toContain('text-indent:1.27cm');
    expect(body).toContain('font-size:14pt');
    expect(body).toMatch(/margin:0pt 0 6pt 0/);
    expect(/<p class="bullet" style="([^"]*)">- Chủ trì/.exec(html)![1]).toBe(body);
    expect(html).toMatch(/<h1 class="heading1" style="[^"]*font-weight:bold[^"]*">I\. KẾT QUẢ/);
    expect(html).toMatch(/<h2 class="heading2" style="[^"]*font-weight:bold[^"]*">1\. Phối hợp/);
    expect(html).toMatch(/<h3 class="heading3" style="[^"]*font-weight:bold[^"]*">\* ĐÁNH GIÁ CHUNG/);
  });

  it('sets the heading and closing lines per Decree 30', () => {
    const style = (text: string) => new RegExp(`<p class="\\w+" style="([^"]*)">${text}</p>`).exec(html)?.[1] ?? '';
    expect(style('HỘI CCB VIỆT NAM')).toMatch(/font-size:13pt.*font-weight:normal/);
    expect(style('HỘI CCB TỈNH QUẢNG NAM')).toMatch(/font-size:13pt.*font-weight:bold/);
    expect(style('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/font-size:12pt.*font-weight:bold/);
    expect(style('Quảng Nam, ngày 05 tháng 7 năm 2024')).toMatch(/font-size:14pt.*font-style:italic/);
    expect(style('BÁO CÁO')).toMatch(/text-align:center.*font-weight:bold/);
    expect(style('Nơi nhận:')).toMatch(/font-size:12pt.*font-weight:bold;font-style:italic/);
    expect(style('- Lưu: VT, TG\\.')).toMatch(/font-size:11pt.*font-weight:normal/);
    expect(style('Nguyễn Văn Hùng')).toMatch(/font-weight:bold/);
  });

  it('keeps bold and italic runs and shows a note as a titled span', () => {
    expect(html).toContain('<b>297</b>');
    expect(html).toContain('<i>giảm 106 hội viên</i>');
    expect(html).toMatch(/<span class="review-note" title="Số liệu Điện Bàn còn 2 cảnh báo chưa xử lý\." style="[^"]*">37\.090<\/span>/);
  });

  it('escapes text and attributes', () => {
    const large = renderReportHtml(largeReport());
    expect(large).toContain('hội viên &amp; gia đình &lt;CCB&gt;.');
    expect(large).not.toContain('<CCB>');
    expect(large).toContain('title="Ghi chú 1: tổng có dùng số ước tính &quot;gần 1.600&quot; của Thăng Bình."');
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
    const r = smallReport({ summary: '</title><script>alert(1)</script>' });
    r.blocks = [{ style: 'body', runs: [{ text: 'x', comment: '" onmouseover="alert(1)' }] }];
    const evil = renderReportHtml(r);
    expect(evil).not.toContain('<script>');
    expect(evil).toContain('title="&quot; onmouseover=&quot;alert(1)"');
  });
});

describe('the three renderings', () => {
  it.each([
    ['a small report', smallReport()],
    ['a large report', largeReport()],
    ['a report with a blank date and line breaks', {
      ...smallReport({ date: '', number: '7/BC-CCB' }),
      blocks: [{ style: 'body' as const, runs: [{ text: 'Dòng một\nDòng hai & <ba>' }, { text: ' tiếp', bold: true, comment: 'n' }] }],
    }],
  ])('render the same text: %s', async (_label, report) => {
    const fromText = textLines(renderReportText(report));
    const fromHtml = htmlLines(renderReportHtml(report));
    const fromDocx = await docxLines(report);
    expect(fromHtml).toEqual(fromText);
    expect(fromDocx).toEqual(fromText);
    // And the text is what the report says, not an empty shell.
    for (const b of report.blocks) for (const l of blockText(b).split('\n')) expect(fromText).toContain(l.trim());
    expect(fromText[0]).toBe(report.settings.governingBody.toLocaleUpperCase('vi'));
    expect(fromText).toContain('Nơi nhận:');
  });

  it('the comparison notices a missing line', () => {
    const report = smallReport();
    const fromText = textLines(renderReportText(report));
    const html = renderReportHtml(report).replace(/<p class="recipient"[^>]*>- Lưu: VT, TG\.<\/p>/, '');
    expect(htmlLines(html)).not.toEqual(fromText);
  });
});

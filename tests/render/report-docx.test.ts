/** The report .docx read back: Decree 30/2020 layout, fonts, heading and closing tables, comments. */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { renderReportDocx } from '../../src/render/report-docx';
import { blockText } from '../../src/core/report/model';
import {
  bodyParagraphs, bodyTables, children, effectiveParagraph, isOn, layoutProblems, paragraphWithText, readDocx,
  runSize, sectPr, styleById, textOf, textRuns, topParagraphs, wAttr, wChild, wEls, wNum, wPath, type DocxParts,
} from './docx-reader';
import { largeReport, smallReport } from './sample-reports';

const SMALL = smallReport();
const LARGE = largeReport();
let small: DocxParts;
let large: DocxParts;

beforeAll(async () => {
  small = await readDocx(await renderReportDocx(SMALL));
  large = await readDocx(await renderReportDocx(LARGE));
});

const bodyTextsOf = (r: typeof SMALL) => r.blocks.filter((b) => b.style === 'body' || b.style === 'bullet').map(blockText);

/** The paragraphs of one cell of a top-level table, text or not. */
function cellParagraphs(parts: DocxParts, table: number, cell: number): ReturnType<typeof wEls> {
  const tc = wEls(bodyTables(parts)[table], 'tc')[cell];
  return children(tc).filter((c) => c.localName === 'p');
}

const texts = (ps: ReturnType<typeof wEls>) => ps.map(textOf).filter((t) => t !== '');

function onlyRun(p: ReturnType<typeof wEls>[number]) {
  const runs = textRuns(p);
  expect(runs).toHaveLength(1);
  return runs[0];
}

describe('renderReportDocx: page and fonts', () => {
  it('meets every Decree 30 layout check, on a small and a large report', () => {
    expect(layoutProblems(small, bodyTextsOf(SMALL))).toEqual([]);
    expect(layoutProblems(large, bodyTextsOf(LARGE))).toEqual([]);
  });

  it('the checks catch a document laid out with the library defaults', async () => {
    const plain = new Document({
      sections: [{
        children: [
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('HỘI CCB')] })] })] }),
          new Paragraph({ children: [new TextRun({ text: 'Thân bài', font: 'Arial' })] }),
        ],
      }],
    });
    const problems = layoutProblems(await readDocx(new Uint8Array(await Packer.toBuffer(plain))), ['Thân bài']);
    expect(problems).toEqual(expect.arrayContaining([
      'no w:titlePg: page 1 would carry a page number',
      'no PAGE field in the default header',
      'document defaults: no w:rFonts',
      expect.stringMatching(/^left margin 1440 twips is outside 30–35 mm$/),
      expect.stringMatching(/font slot hAnsi is Arial/),
      expect.stringMatching(/^"Thân bài…" is not justified/),
      'table border top is single',
      '"Thân bài…" spacing after 0 < 120',
    ]));
  });

  it('is A4 portrait with margins top/bottom 20 mm, left 30 mm, right 15 mm', () => {
    const s = sectPr(small);
    expect(wNum(wChild(s, 'pgSz'), 'w')).toBe(11906);
    expect(wNum(wChild(s, 'pgSz'), 'h')).toBe(16838);
    const m = wChild(s, 'pgMar');
    expect([wNum(m, 'top'), wNum(m, 'bottom'), wNum(m, 'left'), wNum(m, 'right')]).toEqual([1134, 1134, 1701, 851]);
    // The header (page number) sits inside the top margin.
    expect(wNum(m, 'header')).toBeLessThan(1134);
  });

  it('sets Times New Roman in all four font slots in the defaults, the styles and every run', () => {
    const defaults = wPath(wEls(small.styles, 'rPrDefault')[0], 'rPr', 'rFonts');
    for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia']) expect(wAttr(defaults, slot)).toBe('Times New Roman');
    for (const parts of [small, large]) {
      const runs = wEls(parts.document, 'r').filter((r) => wEls(r, 't').length > 0);
      expect(runs.length).toBeGreaterThan(20);
      for (const r of runs) {
        const f = wPath(r, 'rPr', 'rFonts');
        expect([wAttr(f, 'ascii'), wAttr(f, 'hAnsi'), wAttr(f, 'cs'), wAttr(f, 'eastAsia')]).toEqual(Array(4).fill('Times New Roman'));
      }
    }
    // The body styles too, so text typed later in Word keeps the font.
    for (const id of ['ReportBody', 'ReportBullet', 'Heading1', 'Heading2', 'Heading3']) {
      expect(wAttr(wPath(styleById(small, id), 'rPr', 'rFonts'), 'hAnsi')).toBe('Times New Roman');
    }
  });

  it('has a default body size of 14 pt (28 half-points) and black text', () => {
    const rPr = wPath(wEls(small.styles, 'rPrDefault')[0], 'rPr');
    expect(wNum(wChild(rPr, 'sz'), 'val')).toBe(28);
    expect(wAttr(wChild(rPr, 'color'), 'val')).toBe('000000');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) expect(wAttr(wPath(styleById(small, id), 'rPr', 'color'), 'val')).toBe('000000');
  });
});

describe('renderReportDocx: body blocks', () => {
  it('sets body and bullet paragraphs justified, 1.27 cm first-line indent, ≥ 6 pt after, 1.15 lines', () => {
    const texts = bodyTextsOf(SMALL);
    expect(texts.length).toBe(4);
    for (const text of texts) {
      const p = paragraphWithText(small, text);
      expect(wAttr(wPath(p, 'pPr', 'jc'), 'val')).toBe('both');
      expect(wNum(wPath(p, 'pPr', 'ind'), 'firstLine')).toBe(720);
      const spacing = wPath(p, 'pPr', 'spacing');
      expect(wNum(spacing, 'after')).toBeGreaterThanOrEqual(120);
      expect(wAttr(spacing, 'lineRule')).toBe('auto');
      expect(wNum(spacing, 'line')).toBe(276);
      for (const r of textRuns(p)) expect(runSize(small, r)).toBe(28);
    }
    // The named style carries the same setting.
    const style = styleById(small, 'ReportBody');
    expect(wAttr(wPath(style, 'pPr', 'jc'), 'val')).toBe('both');
    expect(wNum(wPath(style, 'pPr', 'ind'), 'firstLine')).toBe(720);
    expect(wNum(wPath(style, 'pPr', 'spacing'), 'after')).toBeGreaterThanOrEqual(120);
  });

  it('sets headings bold, in Heading 1–3 with outline levels, kept with the next paragraph', () => {
    const cases: [string, string, string][] = [
      ['I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP 6 THÁNG ĐẦU NĂM 2024', 'Heading1', '0'],
      ['1. Phối hợp tuyên truyền, giáo dục', 'Heading2', '1'],
      ['* ĐÁNH GIÁ CHUNG', 'Heading3', '2'],
    ];
    for (const [text, style, level] of cases) {
      const p = paragraphWithText(small, text);
      expect(wAttr(wPath(p, 'pPr', 'pStyle'), 'val')).toBe(style);
      expect(wPath(p, 'pPr', 'keepNext')).not.toBeNull();
      expect(wAttr(wPath(styleById(small, style), 'pPr', 'outlineLvl'), 'val')).toBe(level);
      for (const r of textRuns(p)) expect(isOn(wChild(r, 'rPr'), 'b')).toBe(true);
      expect(effectiveParagraph(small, p).jc).toBe('both');
    }
  });

  it('keeps bold and italic runs and leaves the others plain', () => {
    const p = bodyParagraphs(small).find((x) => textOf(x).startsWith('Trong 6 tháng đầu năm 2024'))!;
    const byText = new Map(textRuns(p).map((r) => [textOf(r), wChild(r, 'rPr')]));
    expect(isOn(byText.get('297')!, 'b')).toBe(true);
    expect(isOn(byText.get('297')!, 'i')).toBe(false);
    expect(isOn(byText.get('giảm 106 hội viên')!, 'i')).toBe(true);
    expect(isOn(byText.get('giảm 106 hội viên')!, 'b')).toBe(false);
    expect(isOn(byText.get(' hội viên, nâng tổng số hội viên lên ')!, 'b')).toBe(false);
    expect(textOf(p)).toBe(blockText(SMALL.blocks[3]));
  });

  it('writes line breaks inside a run as w:br and drops characters XML forbids', async () => {
    const r = smallReport();
    r.blocks = [{ style: 'body', runs: [{ text: 'Dòng một\nDòng hai\u0007 và\u000Bba' }] }];
    const parts = await readDocx(await renderReportDocx(r));
    const p = paragraphWithText(parts, 'Dòng một\nDòng hai và\nba');
    expect(wEls(p, 'br')).toHaveLength(2);
  });
});

describe('renderReportDocx: heading table', () => {
  it('is a borderless two-column table: governing body, issuing body, number | motto, date', () => {
    const tbl = bodyTables(small)[0];
    expect(wEls(tbl, 'gridCol')).toHaveLength(2);
    expect(wEls(tbl, 'tc')).toHaveLength(2);
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(['none', 'nil']).toContain(wAttr(wPath(tbl, 'tblPr', 'tblBorders', side), 'val'));
    }
    expect(texts(cellParagraphs(small, 0, 0))).toEqual(['HỘI CCB VIỆT NAM', 'HỘI CCB TỈNH QUẢNG NAM', 'Số: 45/BC-CCB']);
    expect(texts(cellParagraphs(small, 0, 1))).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Nam, ngày 05 tháng 7 năm 2024',
    ]);
  });

  it('sets the sizes and weights of Decree 30', () => {
    const cases: [string, { size: [number, number]; bold: boolean; italic: boolean }][] = [
      ['HỘI CCB VIỆT NAM', { size: [24, 26], bold: false, italic: false }],
      ['HỘI CCB TỈNH QUẢNG NAM', { size: [24, 26], bold: true, italic: false }],
      ['Số: 45/BC-CCB', { size: [26, 26], bold: false, italic: false }],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: [24, 26], bold: true, italic: false }],
      ['Độc lập - Tự do - Hạnh phúc', { size: [26, 28], bold: true, italic: false }],
      ['Quảng Nam, ngày 05 tháng 7 năm 2024', { size: [26, 28], bold: false, italic: true }],
      ['BÁO CÁO', { size: [26, 28], bold: true, italic: false }],
      [SMALL.settings.summary, { size: [26, 28], bold: true, italic: false }],
    ];
    for (const [text, want] of cases) {
      const p = paragraphWithText(small, text);
      const r = onlyRun(p);
      const size = runSize(small, r)!;
      expect([text, size >= want.size[0] && size <= want.size[1]]).toEqual([text, true]);
      expect([text, isOn(wChild(r, 'rPr'), 'b'), isOn(wChild(r, 'rPr'), 'i')]).toEqual([text, want.bold, want.italic]);
      expect([text, wAttr(wPath(p, 'pPr', 'jc'), 'val')]).toEqual([text, 'center']);
      expect([text, wNum(wPath(p, 'pPr', 'ind'), 'firstLine') ?? 0]).toEqual([text, 0]);
    }
  });

  it('draws a short rule under the issuing body and a full rule under "Độc lập - Tự do - Hạnh phúc"', () => {
    const ruleAfter = (cell: number, text: string) => {
      const ps = cellParagraphs(small, 0, cell);
      const at = ps.findIndex((p) => textOf(p) === text);
      const rule = ps[at + 1];
      expect(textOf(rule)).toBe('');
      const top = wPath(rule, 'pPr', 'pBdr', 'top');
      expect(wAttr(top, 'val')).toBe('single');
      expect(wNum(top, 'sz')).toBeGreaterThanOrEqual(4);
      const ind = wPath(rule, 'pPr', 'ind');
      expect(wNum(ind, 'left')).toBe(wNum(ind, 'right'));
      const cellWidth = wNum(wEls(bodyTables(small)[0], 'gridCol')[cell], 'w')!;
      return cellWidth - wNum(ind, 'left')! - wNum(ind, 'right')!;
    };
    const issuing = ruleAfter(0, 'HỘI CCB TỈNH QUẢNG NAM');
    const motto = ruleAfter(1, 'Độc lập - Tự do - Hạnh phúc');
    // "HỘI CCB TỈNH QUẢNG NAM" at 13 pt bold is about 3 500 twips: a third to a half of it.
    expect(issuing).toBeGreaterThan(900);
    expect(issuing).toBeLessThan(1900);
    // "Độc lập - Tự do - Hạnh phúc" at 13 pt bold is about 3 300 twips.
    expect(motto).toBeGreaterThan(2800);
    expect(motto).toBeLessThan(3900);
  });

  it('zero-pads days below 10 and the months 1–2, and leaves a blank date to fill in', async () => {
    const dateLine = async (date: string) => {
      const parts = await readDocx(await renderReportDocx(smallReport({ date })));
      return texts(cellParagraphs(parts, 0, 1))[2];
    };
    expect(await dateLine('2024-01-09')).toBe('Quảng Nam, ngày 09 tháng 01 năm 2024');
    expect(await dateLine('2024-02-29')).toBe('Quảng Nam, ngày 29 tháng 02 năm 2024');
    expect(await dateLine('2024-12-25')).toBe('Quảng Nam, ngày 25 tháng 12 năm 2024');
    expect(await dateLine('')).toBe('Quảng Nam, ngày … tháng … năm …');
    await expect(renderReportDocx(smallReport({ date: '05/07/2024' }))).rejects.toThrow(RangeError);
  });

  it('puts the title and its summary, bold and centred, between the heading table and the body', () => {
    const top = topParagraphs(small).map(textOf).filter(Boolean);
    expect(top.slice(0, 3)).toEqual(['BÁO CÁO', SMALL.settings.summary, blockText(SMALL.blocks[0])]);
    const titleIndex = children(wEls(small.document, 'body')[0]).findIndex((c) => textOf(c) === 'BÁO CÁO');
    expect(titleIndex).toBe(1);
  });
});

describe('renderReportDocx: page numbers', () => {
  it('puts a centred PAGE field in the default header and nothing on page 1', () => {
    expect(isOn(sectPr(small), 'titlePg')).toBe(true);
    const header = small.headers.default;
    expect(header).toBeDefined();
    expect(wEls(header, 'instrText').map((i) => i.textContent?.trim())).toEqual(['PAGE']);
    expect(wEls(header, 'fldChar').map((f) => wAttr(f, 'fldCharType'))).toEqual(['begin', 'separate', 'end']);
    const p = wEls(header, 'p')[0];
    expect(wAttr(wPath(p, 'pPr', 'jc'), 'val')).toBe('center');
    const r = wEls(p, 'r')[0];
    expect(wAttr(wPath(r, 'rPr', 'rFonts'), 'hAnsi')).toBe('Times New Roman');
    const first = small.headers.first;
    expect(first).toBeDefined();
    expect(wEls(first, 'instrText')).toHaveLength(0);
    expect(wEls(first, 't')).toHaveLength(0);
    // No footers: the number belongs in the top margin.
    expect(wEls(sectPr(small), 'footerReference')).toHaveLength(0);
  });
});

describe('renderReportDocx: closing table', () => {
  it('is borderless: "Nơi nhận:" 12 pt bold italic and recipients 11 pt | signer block', () => {
    const tbl = bodyTables(small)[1];
    expect(bodyTables(small)).toHaveLength(2);
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(['none', 'nil']).toContain(wAttr(wPath(tbl, 'tblPr', 'tblBorders', side), 'val'));
    }
    expect(wEls(tbl, 'pBdr')).toHaveLength(0);
    const left = cellParagraphs(small, 1, 0);
    expect(texts(left)).toEqual(['Nơi nhận:', ...SMALL.settings.recipients]);
    const head = onlyRun(left[0]);
    expect(runSize(small, head)).toBe(24);
    expect(isOn(wChild(head, 'rPr'), 'b')).toBe(true);
    expect(isOn(wChild(head, 'rPr'), 'i')).toBe(true);
    for (const p of left.slice(1)) {
      const r = onlyRun(p);
      expect(runSize(small, r)).toBe(22);
      expect(isOn(wChild(r, 'rPr'), 'b')).toBe(false);
    }
    const right = cellParagraphs(small, 1, 1);
    expect(texts(right)).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Nguyễn Văn Hùng']);
    for (const p of right.filter((x) => textOf(x))) {
      const r = onlyRun(p);
      expect(isOn(wChild(r, 'rPr'), 'b')).toBe(true);
      expect(runSize(small, r)).toBeGreaterThanOrEqual(26);
      expect(wAttr(wPath(p, 'pPr', 'jc'), 'val')).toBe('center');
    }
    // Room for the signature and seal between the title and the name (≥ 2 cm).
    const gap = right.find((p) => textOf(p) === '' && wAttr(wPath(p, 'pPr', 'spacing'), 'lineRule') === 'exact');
    expect(wNum(wPath(gap, 'pPr', 'spacing'), 'line')).toBeGreaterThanOrEqual(1134);
  });

  it('upper-cases the bodies and the signer, whatever case the settings use', async () => {
    const parts = await readDocx(await renderReportDocx(smallReport({
      governingBody: 'hội ccb việt nam', issuingBody: 'Hội CCB tỉnh Quảng Nam', signerAuthority: 'tm. ban thường vụ', signerTitle: 'Chủ tịch',
    })));
    expect(texts(cellParagraphs(parts, 0, 0)).slice(0, 2)).toEqual(['HỘI CCB VIỆT NAM', 'HỘI CCB TỈNH QUẢNG NAM']);
    expect(texts(cellParagraphs(parts, 1, 1)).slice(0, 2)).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']);
  });
});

describe('renderReportDocx: reviewer notes', () => {
  it('turns a run with a note into a Word comment anchored on that run', () => {
    expect(small.comments).not.toBeNull();
    const comments = wEls(small.comments!, 'comment');
    expect(comments).toHaveLength(1);
    expect(textOf(comments[0])).toBe('Số liệu Điện Bàn còn 2 cảnh báo chưa xử lý.');
    expect(wAttr(comments[0], 'author')).toBe('Tổng hợp báo cáo');
    const id = wAttr(comments[0], 'id');
    const start = wEls(small.document, 'commentRangeStart');
    const end = wEls(small.document, 'commentRangeEnd');
    const ref = wEls(small.document, 'commentReference');
    expect([start, end, ref].map((l) => l.map((e) => wAttr(e, 'id')))).toEqual([[id], [id], [id]]);
    // The range holds exactly the noted run.
    const between: string[] = [];
    for (let n = start[0].nextSibling; n && n !== end[0]; n = n.nextSibling) between.push(textOf(n as unknown as ReturnType<typeof wEls>[number]));
    expect(between.join('')).toBe('37.090');
    expect(small.relsXml).toMatch(/Target="comments\.xml"/);
    expect(small.contentTypesXml).toMatch(/wordprocessingml\.comments\+xml/);
  });

  it('gives each note its own id in a larger report, and writes none without notes', async () => {
    const notes = LARGE.blocks.flatMap((b) => b.runs.filter((r) => r.comment).map((r) => r.comment));
    const comments = wEls(large.comments!, 'comment');
    expect(comments.map(textOf)).toEqual(notes);
    expect(new Set(comments.map((c) => wAttr(c, 'id'))).size).toBe(notes.length);

    const r = smallReport();
    r.blocks = r.blocks.map((b) => ({ ...b, runs: b.runs.map(({ comment: _c, ...run }) => run) }));
    const parts = await readDocx(await renderReportDocx(r));
    expect(wEls(parts.document, 'commentReference')).toHaveLength(0);
    expect(parts.comments === null ? 0 : wEls(parts.comments, 'comment').length).toBe(0);
  });
});

describe('renderReportDocx: robustness', () => {
  it('drops blank blocks and adds the dash to a bullet that lacks it', async () => {
    const r = smallReport();
    r.blocks = [
      { style: 'body', runs: [{ text: '   ' }] },
      { style: 'bullet', runs: [{ text: 'Không có gạch đầu dòng' }] },
      { style: 'body', runs: [] },
    ];
    const parts = await readDocx(await renderReportDocx(r));
    const top = topParagraphs(parts).map(textOf).filter(Boolean);
    expect(top).toEqual(['BÁO CÁO', SMALL.settings.summary, '- Không có gạch đầu dòng']);
  });

  it('renders an almost empty report (no governing body, no signer, no recipients, no summary)', async () => {
    const parts = await readDocx(await renderReportDocx({
      settings: {
        governingBody: '', issuingBody: 'HỘI CCB TỈNH', number: '', place: '', date: '', summary: '',
        signerAuthority: '', signerTitle: '', signerName: '', recipients: [],
      },
      blocks: [],
    }));
    expect(bodyParagraphs(parts).map(textOf).filter(Boolean)).toEqual([
      'HỘI CCB TỈNH', 'Số: …/BC-…', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'ngày … tháng … năm …', 'BÁO CÁO', 'Nơi nhận:',
    ]);
    expect(layoutProblems(parts)).toEqual([]);
  });

  it('uses the alignment constants docx writes', () => {
    // Guards the "both" assertions above against a docx upgrade renaming the value.
    expect(AlignmentType.JUSTIFIED).toBe('both');
  });
});

/**
 * The report as a Word document laid out per Decree 30/2020/NĐ-CP, Appendix I: A4, Times New
 * Roman in every font slot, the borderless two-column heading and closing tables, page numbers
 * centred in the header from page 2 on, reviewer notes as Word comments.
 */
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ICommentOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, BlockStyle, Report } from '../core/report/model';
import {
  BLOCK_FORMATS,
  BODY,
  CLOSING_COLUMNS,
  FONT_NAME,
  HEADING_COLUMNS,
  LINE_FORMATS,
  PAGE,
  TEXT_WIDTH,
  documentTitle,
  layoutReport,
  type Align,
  type Piece,
} from './report-layout';

/** Every slot: Vietnamese letters outside Latin-1 are drawn with hAnsi, others with ascii/cs/eastAsia. */
export const REPORT_FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, cs: FONT_NAME, eastAsia: FONT_NAME } as const;

const COMMENT_AUTHOR = 'Tổng hợp báo cáo';
const COMMENT_INITIALS = 'TH';

/** Paragraph style ids written to styles.xml, one per block style. */
export const BLOCK_STYLE_IDS: Record<BlockStyle, string> = {
  heading1: HeadingLevel.HEADING_1,
  heading2: HeadingLevel.HEADING_2,
  heading3: HeadingLevel.HEADING_3,
  body: 'ReportBody',
  bullet: 'ReportBullet',
};

type DocxAlign = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<Align, DocxAlign> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

interface RunProps {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Text runs for one string; "\n" becomes a line break inside the paragraph. */
function textRuns(text: string, props: RunProps): TextRun[] {
  return text.split('\n').map((part, i) =>
    new TextRun({
      text: part,
      break: i > 0 ? 1 : undefined,
      font: REPORT_FONT,
      size: props.size,
      sizeComplexScript: props.size,
      bold: props.bold || undefined,
      boldComplexScript: props.bold || undefined,
      italics: props.italic || undefined,
      italicsComplexScript: props.italic || undefined,
    }));
}

class CommentCollector {
  readonly comments: ICommentOptions[] = [];

  add(note: string): number {
    const id = this.comments.length;
    this.comments.push({
      id,
      author: COMMENT_AUTHOR,
      initials: COMMENT_INITIALS,
      children: note.split('\n').map((text) =>
        new Paragraph({ children: [new TextRun({ text, font: REPORT_FONT, size: 20, sizeComplexScript: 20 })] })),
    });
    return id;
  }
}

function blockParagraph(block: Block, comments: CommentCollector): Paragraph {
  const f = BLOCK_FORMATS[block.style];
  const children: ParagraphChild[] = [];
  for (const run of block.runs) {
    const runs = textRuns(run.text, { size: f.size, bold: f.bold || run.bold, italic: run.italic });
    if (run.comment) {
      const id = comments.add(run.comment);
      children.push(new CommentRangeStart(id), ...runs, new CommentRangeEnd(id),
        new TextRun({ children: [new CommentReference(id)], font: REPORT_FONT, size: f.size }));
    } else {
      children.push(...runs);
    }
  }
  return new Paragraph({
    style: BLOCK_STYLE_IDS[block.style],
    alignment: ALIGN[f.align],
    indent: { firstLine: f.firstLine },
    spacing: { before: f.before, after: f.after, line: f.line, lineRule: LineRuleType.AUTO },
    keepNext: f.keepNext || undefined,
    children,
  });
}

/** A centred, empty paragraph whose top border draws a rule of the given width. */
function ruleParagraph(width: number, column: number, before: number, after: number): Paragraph {
  const side = Math.max(0, Math.floor((column - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before, after, line: 240, lineRule: LineRuleType.AUTO },
    border: { top: RULE },
    run: { size: 4, font: REPORT_FONT },
    children: [],
  });
}

function pieceParagraph(piece: Piece, column: number): Paragraph {
  if (piece.kind === 'rule') return ruleParagraph(piece.width, column, piece.before, piece.after);
  if (piece.kind === 'gap') {
    return new Paragraph({
      spacing: { before: 0, after: 0, line: piece.height, lineRule: LineRuleType.EXACT },
      indent: { firstLine: 0 },
      children: [],
    });
  }
  const f = LINE_FORMATS[piece.role];
  return new Paragraph({
    alignment: ALIGN[f.align],
    indent: { firstLine: 0 },
    spacing: { before: f.before, after: f.after, line: f.line, lineRule: LineRuleType.AUTO },
    keepNext: true,
    children: textRuns(piece.text, f),
  });
}

/** A two-column table with no borders at all, cells flush with the text margins. */
function layoutTable(columns: readonly [number, number], left: Piece[], right: Piece[]): Table {
  const cell = (width: number, pieces: Piece[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      children: pieces.length ? pieces.map((p) => pieceParagraph(p, width)) : [new Paragraph({ children: [] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    rows: [new TableRow({ cantSplit: true, children: [cell(columns[0], left), cell(columns[1], right)] })],
  });
}

function blockStyle(style: BlockStyle, name: string): IParagraphStyleOptions {
  const f = BLOCK_FORMATS[style];
  return {
    id: BLOCK_STYLE_IDS[style],
    name,
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: REPORT_FONT, size: f.size, sizeComplexScript: f.size, bold: f.bold, boldComplexScript: f.bold, color: '000000' },
    paragraph: {
      alignment: ALIGN[f.align],
      indent: { firstLine: f.firstLine },
      spacing: { before: f.before, after: f.after, line: f.line, lineRule: LineRuleType.AUTO },
      keepNext: f.keepNext,
      ...(f.outlineLevel === undefined ? {} : { outlineLevel: f.outlineLevel }),
    },
  };
}

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      indent: { firstLine: 0 },
      children: [new TextRun({ children: [PageNumber.CURRENT], font: REPORT_FONT, size: BODY.size, sizeComplexScript: BODY.size })],
    })],
  });
}

/** The .docx bytes of the report. Throws a RangeError when settings.date is not empty and not an ISO date. */
export async function renderReportDocx(report: Report): Promise<Uint8Array> {
  const laid = layoutReport(report);
  const comments = new CommentCollector();

  const titleParagraphs = laid.title.map((p) => pieceParagraph(p, TEXT_WIDTH));
  const body = laid.blocks.map((b) => blockParagraph(b, comments));

  const doc = new Document({
    creator: COMMENT_AUTHOR,
    title: documentTitle(report),
    styles: {
      default: {
        document: {
          run: { font: REPORT_FONT, size: BODY.size, sizeComplexScript: BODY.size, color: '000000', language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO } },
        },
        heading1: blockStyle('heading1', 'Heading 1'),
        heading2: blockStyle('heading2', 'Heading 2'),
        heading3: blockStyle('heading3', 'Heading 3'),
      },
      paragraphStyles: [blockStyle('body', 'Report Body'), blockStyle('bullet', 'Report Bullet')],
    },
    comments: { children: comments.comments },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: {
            top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight,
            header: PAGE.header, footer: PAGE.header, gutter: 0,
          },
        },
      },
      headers: {
        default: pageNumberHeader(),
        // Page 1 carries no number: an empty first-page header.
        first: new Header({ children: [new Paragraph({ children: [] })] }),
      },
      children: [
        layoutTable(HEADING_COLUMNS, laid.headingLeft, laid.headingRight),
        ...titleParagraphs,
        ...body,
        layoutTable(CLOSING_COLUMNS, laid.closingLeft, laid.closingRight),
      ],
    }],
  });
  // toArrayBuffer works in Node and in the browser (toBuffer needs Node's Buffer).
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

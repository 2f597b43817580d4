/**
 * The report laid out once for all renderers (.docx, HTML, plain text), per Decree
 * 30/2020/NĐ-CP, Appendix I: which lines go in the heading table, the title, the body and the
 * closing table, and how each line is set (size, weight, alignment, spacing). The renderers only
 * translate this into their own markup, so the three outputs carry the same text in the same order.
 */
import type { Block, BlockStyle, Report, Run } from '../core/report/model';

/** Word's unit: 1/20 pt; 1 mm ≈ 56.7 twips. */
export const PAGE = {
  /** A4 portrait. */
  width: 11906,
  height: 16838,
  /** 20 mm top and bottom (20–25 mm allowed), 30 mm left (30–35), 15 mm right (15–20). */
  marginTop: 1134,
  marginBottom: 1134,
  marginLeft: 1701,
  marginRight: 851,
  /** Distance of the page-number header from the top edge (12.5 mm, inside the top margin). */
  header: 708,
} as const;

/** Width of the text column between the margins. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

export const FONT_NAME = 'Times New Roman';

/** Body paragraphs: 14 pt, justified, 1.27 cm first-line indent, 6 pt after, line spacing 1.15. */
export const BODY = {
  size: 28,
  firstLine: 720,
  after: 120,
  /** 240ths of a line ("auto" rule): 276 = 1.15 lines. */
  line: 276,
} as const;

/** Column widths of the two borderless tables (twips; they add up to TEXT_WIDTH). */
export const HEADING_COLUMNS = [3742, TEXT_WIDTH - 3742] as const;
export const CLOSING_COLUMNS = [5000, TEXT_WIDTH - 5000] as const;

export type Align = 'left' | 'center' | 'justify';

/** Every kind of line outside the body blocks, with its own setting. */
export type LineRole =
  | 'governingBody'
  | 'issuingBody'
  | 'number'
  | 'motto'
  | 'mottoSub'
  | 'dateLine'
  | 'title'
  | 'summary'
  | 'recipientsHead'
  | 'recipient'
  | 'signerAuthority'
  | 'signerTitle'
  | 'signerName';

export interface LineFormat {
  /** Half-points (28 = 14 pt). */
  size: number;
  bold: boolean;
  italic: boolean;
  align: Align;
  /** Twips. */
  before: number;
  after: number;
  /** 240 = single, 276 = 1.15. */
  line: number;
}

const fmt = (size: number, bold: boolean, italic: boolean, align: Align, before = 0, after = 0, line = 240): LineFormat =>
  ({ size, bold, italic, align, before, after, line });

export const LINE_FORMATS: Record<LineRole, LineFormat> = {
  governingBody: fmt(26, false, false, 'center'),
  issuingBody: fmt(26, true, false, 'center'),
  number: fmt(26, false, false, 'center', 60),
  motto: fmt(24, true, false, 'center'),
  mottoSub: fmt(26, true, false, 'center'),
  dateLine: fmt(28, false, true, 'center', 60),
  title: fmt(28, true, false, 'center', 480),
  summary: fmt(28, true, false, 'center'),
  recipientsHead: fmt(24, true, true, 'left', 240),
  recipient: fmt(22, false, false, 'left'),
  signerAuthority: fmt(28, true, false, 'center', 240),
  signerTitle: fmt(28, true, false, 'center'),
  signerName: fmt(28, true, false, 'center'),
};

export interface BlockFormat {
  size: number;
  bold: boolean;
  align: Align;
  firstLine: number;
  before: number;
  after: number;
  line: number;
  /** Outline level for Word's navigation pane (0 = level 1); undefined for body text. */
  outlineLevel?: number;
  keepNext: boolean;
}

const bodyFormat: BlockFormat = {
  size: BODY.size, bold: false, align: 'justify', firstLine: BODY.firstLine,
  before: 0, after: BODY.after, line: BODY.line, keepNext: false,
};

export const BLOCK_FORMATS: Record<BlockStyle, BlockFormat> = {
  heading1: { ...bodyFormat, bold: true, before: 120, outlineLevel: 0, keepNext: true },
  heading2: { ...bodyFormat, bold: true, outlineLevel: 1, keepNext: true },
  heading3: { ...bodyFormat, bold: true, outlineLevel: 2, keepNext: true },
  body: bodyFormat,
  bullet: bodyFormat,
};

/** A line of text outside the body. */
export interface TextPiece {
  kind: 'text';
  role: LineRole;
  text: string;
}

/** A short horizontal rule centred under the line above it. */
export interface RulePiece {
  kind: 'rule';
  /** Twips. */
  width: number;
  /** Space between the line above and the rule, twips. */
  before: number;
  /** Space kept after the rule, twips. */
  after: number;
}

/** Empty vertical space (the room for the signature and seal). */
export interface GapPiece {
  kind: 'gap';
  /** Twips. */
  height: number;
}

export type Piece = TextPiece | RulePiece | GapPiece;

export interface LaidOutReport {
  headingLeft: Piece[];
  headingRight: Piece[];
  /** "BÁO CÁO", the summary line and the short rule under it. */
  title: Piece[];
  /** The body blocks, cleaned, without blank ones; bullets start with "- ". */
  blocks: Block[];
  closingLeft: Piece[];
  closingRight: Piece[];
}

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';
export const TITLE = 'BÁO CÁO';
export const RECIPIENTS_HEAD = 'Nơi nhận:';
/** Stand-in for a blank field, as printed on forms. */
export const BLANK = '…';

/**
 * Text safe for XML and consistent across renderers: NFC, CR LF and Word's vertical tab become
 * "\n", other control characters (which XML 1.0 forbids) are dropped.
 */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u000B/g, '\n')
    .replace(/[\u0000-\u0008\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const upper = (s: string): string => cleanText(s).trim().toLocaleUpperCase('vi');

/**
 * "Quảng Nam, ngày 05 tháng 7 năm 2024": days below 10 and the months 1 and 2 get a leading
 * zero (Decree 30/2020, Appendix I). An empty date gives "ngày … tháng … năm …" to fill in by hand.
 * Throws a RangeError when the date is neither empty nor a valid ISO date.
 */
export function formatDateLine(place: string, isoDate: string): string {
  const where = cleanText(place).trim();
  const prefix = where ? `${where}, ` : '';
  const date = isoDate.trim();
  if (!date) return `${prefix}ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(date);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  const day = m ? Number(m[3]) : NaN;
  const valid = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new RangeError(`Report date "${isoDate}" is not an ISO date (YYYY-MM-DD).`);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${prefix}ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "Số: 05/BC-CCB": a document number below 10 gets a leading zero; an empty one prints "…/BC-…". */
export function formatNumberLine(number: string): string {
  const n = cleanText(number).trim().replace(/^(\d)(?=\/)/, '0$1');
  return `Số: ${n || `${BLANK}/BC-${BLANK}`}`;
}

/**
 * Rough width of a line of Times New Roman in twips, from per-character classes (em/1000).
 * Good enough to size the rules under heading lines; never used to break lines.
 */
export function estimateTextWidth(text: string, halfPoints: number, bold: boolean): number {
  let units = 0;
  for (const ch of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    if (ch === ' ') units += 250;
    else if ('.,:;!|\'’'.includes(ch)) units += 260;
    else if ('ijlIJft()[]-/'.includes(ch)) units += bold ? 340 : 300;
    else if ('mwMW'.includes(ch)) units += bold ? 920 : 860;
    else if (/[0-9]/.test(ch)) units += 500;
    else if (/[A-ZĐ]/.test(ch)) units += bold ? 730 : 690;
    else units += bold ? 520 : 470;
  }
  // units/1000 em × (halfPoints/2) pt × 20 twips/pt
  return Math.round((units / 1000) * halfPoints * 10);
}

/** A rule as long as a fraction of the line above it, never wider than its column. */
function ruleUnder(text: string, role: LineRole, fraction: number, column: number, min: number, before: number, after: number): RulePiece {
  const f = LINE_FORMATS[role];
  const lineWidth = Math.min(estimateTextWidth(text, f.size, f.bold), column);
  return { kind: 'rule', width: Math.max(min, Math.min(column, Math.round(lineWidth * fraction))), before, after };
}

const line = (role: LineRole, text: string): TextPiece => ({ kind: 'text', role, text });

function cleanBlock(block: Block): Block | null {
  const runs: Run[] = block.runs
    .map((r) => ({ ...r, text: cleanText(r.text), comment: r.comment === undefined ? undefined : cleanText(r.comment) }))
    .filter((r) => r.text.length > 0);
  if (runs.map((r) => r.text).join('').trim() === '') return null;
  if (block.style === 'bullet' && !/^\s*[-–+•]/.test(runs[0].text)) {
    runs[0] = { ...runs[0], text: `- ${runs[0].text.replace(/^\s+/, '')}` };
  }
  // Drop keys left undefined so renderers can test `'comment' in run` or truthiness alike.
  return {
    style: block.style,
    runs: runs.map((r) => {
      const out: Run = { text: r.text };
      if (r.bold) out.bold = true;
      if (r.italic) out.italic = true;
      if (r.comment && r.comment.trim()) out.comment = r.comment.trim();
      return out;
    }),
  };
}

/** Lays the report out; throws a RangeError on an invalid date (see formatDateLine). */
export function layoutReport(report: Report): LaidOutReport {
  const s = report.settings;
  const [leftCol, rightCol] = HEADING_COLUMNS;

  const headingLeft: Piece[] = [];
  const governing = upper(s.governingBody);
  const issuing = upper(s.issuingBody);
  if (governing) headingLeft.push(line('governingBody', governing));
  if (issuing) {
    headingLeft.push(line('issuingBody', issuing));
    // Decree 30: a rule 1/3 to 1/2 as long as the line, centred under it.
    headingLeft.push(ruleUnder(issuing, 'issuingBody', 0.4, leftCol, 800, 40, 60));
  }
  headingLeft.push(line('number', formatNumberLine(s.number)));

  const headingRight: Piece[] = [
    line('motto', MOTTO),
    line('mottoSub', MOTTO_SUB),
    // As long as the line above it.
    ruleUnder(MOTTO_SUB, 'mottoSub', 1, rightCol, 800, 40, 60),
    line('dateLine', formatDateLine(s.place, s.date)),
  ];

  const title: Piece[] = [line('title', TITLE)];
  const summary = cleanText(s.summary).trim();
  if (summary) {
    title.push(line('summary', summary));
    title.push(ruleUnder(summary, 'summary', 0.33, TEXT_WIDTH, 1200, 100, 240));
  } else {
    title.push(ruleUnder(TITLE, 'title', 1, TEXT_WIDTH, 1200, 100, 240));
  }

  const closingLeft: Piece[] = [line('recipientsHead', RECIPIENTS_HEAD)];
  for (const r of s.recipients) {
    const text = cleanText(r).trim();
    if (text) closingLeft.push(line('recipient', text));
  }

  const closingRight: Piece[] = [];
  const authority = upper(s.signerAuthority);
  const signerTitle = upper(s.signerTitle);
  if (authority) closingRight.push(line('signerAuthority', authority));
  if (signerTitle) closingRight.push(line(authority ? 'signerTitle' : 'signerAuthority', signerTitle));
  closingRight.push({ kind: 'gap', height: 1600 });
  const name = cleanText(s.signerName).trim();
  if (name) closingRight.push(line('signerName', name));

  return {
    headingLeft,
    headingRight,
    title,
    blocks: report.blocks.map(cleanBlock).filter((b): b is Block => b !== null),
    closingLeft,
    closingRight,
  };
}

/** "Báo cáo <summary>", for the .docx properties and the HTML <title>. */
export function documentTitle(report: Report): string {
  const summary = cleanText(report.settings.summary).replace(/\s+/g, ' ').trim();
  return summary ? `Báo cáo ${summary}` : 'Báo cáo';
}

/** The text pieces of a column, in order. */
export function pieceTexts(pieces: Piece[]): string[] {
  return pieces.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
}

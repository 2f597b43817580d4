/**
 * The report as HTML with inline styles only: a preview pane can show it as is, and copying it
 * into Word keeps Times New Roman, sizes, alignment, indents and the borderless heading and
 * closing tables. Reviewer notes become highlighted spans whose title holds the note.
 */
import type { Block, Report } from '../core/report/model';
import {
  BLOCK_FORMATS,
  CLOSING_COLUMNS,
  FONT_NAME,
  HEADING_COLUMNS,
  LINE_FORMATS,
  TEXT_WIDTH,
  documentTitle,
  layoutReport,
  type Align,
  type Piece,
} from './report-layout';

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pt = (halfPoints: number) => `${halfPoints / 2}pt`;
const twipsToPt = (twips: number) => `${twips / 20}pt`;
const twipsToCm = (twips: number) => `${Math.round((twips / 567) * 100) / 100}cm`;
/** Word's "single" spacing for Times New Roman is about 1.15 em (ascent + descent), so scale by that. */
const lineHeight = (line: number) => String(Math.round((line / 240) * 1.15 * 100) / 100);
const CSS_ALIGN: Record<Align, string> = { left: 'left', center: 'center', justify: 'justify' };

/** Escaped text with "\n" as <br>. */
const textHtml = (s: string) => s.split('\n').map(escapeHtml).join('<br>');

function paragraphStyle(o: { size: number; bold: boolean; italic?: boolean; align: Align; firstLine: number; before: number; after: number; line: number }): string {
  return [
    `margin:${twipsToPt(o.before)} 0 ${twipsToPt(o.after)} 0`,
    `text-align:${CSS_ALIGN[o.align]}`,
    `text-indent:${o.firstLine ? twipsToCm(o.firstLine) : '0'}`,
    `font-size:${pt(o.size)}`,
    `line-height:${lineHeight(o.line)}`,
    `font-weight:${o.bold ? 'bold' : 'normal'}`,
    `font-style:${o.italic ? 'italic' : 'normal'}`,
  ].join(';');
}

function pieceHtml(piece: Piece): string {
  if (piece.kind === 'rule') {
    return `<div class="rule" style="width:${twipsToCm(piece.width)};height:0;margin:${twipsToPt(piece.before)} auto ${twipsToPt(piece.after)} auto;border-top:0.75pt solid #000;font-size:1pt;line-height:0"></div>`;
  }
  if (piece.kind === 'gap') return `<div class="signature-space" style="height:${twipsToPt(piece.height)}"></div>`;
  const f = LINE_FORMATS[piece.role];
  return `<p class="${piece.role}" style="${paragraphStyle({ ...f, firstLine: 0 })}">${textHtml(piece.text)}</p>`;
}

const TABLE_STYLE = 'width:100%;border-collapse:collapse;border:none;table-layout:fixed;margin:0';
const CELL_STYLE = 'vertical-align:top;border:none;padding:0';

function tableHtml(cls: string, columns: readonly [number, number], left: Piece[], right: Piece[]): string {
  const pct = (w: number) => `${Math.round((w / TEXT_WIDTH) * 1000) / 10}%`;
  const cell = (w: number, pieces: Piece[]) =>
    `<td style="width:${pct(w)};${CELL_STYLE}">${pieces.map(pieceHtml).join('')}</td>`;
  return `<table class="${cls}" role="presentation" border="0" cellspacing="0" cellpadding="0" style="${TABLE_STYLE}">`
    + `<colgroup><col style="width:${pct(columns[0])}"><col style="width:${pct(columns[1])}"></colgroup>`
    + `<tr>${cell(columns[0], left)}${cell(columns[1], right)}</tr></table>`;
}

function blockHtml(block: Block): string {
  const f = BLOCK_FORMATS[block.style];
  const tag = block.style === 'heading1' ? 'h1' : block.style === 'heading2' ? 'h2' : block.style === 'heading3' ? 'h3' : 'p';
  const runs = block.runs.map((r) => {
    let html = textHtml(r.text);
    if (r.italic) html = `<i>${html}</i>`;
    if (r.bold && !f.bold) html = `<b>${html}</b>`;
    if (r.comment) {
      html = `<span class="review-note" title="${escapeHtml(r.comment)}" style="background-color:#fff2cc;border-bottom:1px dotted #b45f06">${html}</span>`;
    }
    return html;
  }).join('');
  return `<${tag} class="${block.style}" style="${paragraphStyle({ ...f, italic: false })}">${runs}</${tag}>`;
}

/** The report as one <div> (inline styles only), for embedding in a page or the clipboard. */
export function renderReportHtmlFragment(report: Report): string {
  const laid = layoutReport(report);
  const parts = [
    tableHtml('report-heading', HEADING_COLUMNS, laid.headingLeft, laid.headingRight),
    ...laid.title.map(pieceHtml),
    ...laid.blocks.map(blockHtml),
    tableHtml('report-closing', CLOSING_COLUMNS, laid.closingLeft, laid.closingRight),
  ];
  const style = `font-family:'${FONT_NAME}',Times,serif;font-size:14pt;color:#000;background:#fff;max-width:${twipsToCm(TEXT_WIDTH)};margin:0 auto`;
  return `<div class="report" lang="vi" style="${style}">\n${parts.join('\n')}\n</div>`;
}

/** A complete HTML document (UTF-8) holding the report; throws a RangeError on an invalid settings.date. */
export function renderReportHtml(report: Report): string {
  const title = escapeHtml(documentTitle(report));
  return '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
    + `<title>${title}</title>\n</head>\n<body style="margin:0;padding:1cm 0.5cm;background:#fff">\n`
    + `${renderReportHtmlFragment(report)}\n</body>\n</html>\n`;
}

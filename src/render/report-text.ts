/**
 * The report as plain text: the heading lines (left column, then right column), the title,
 * the body paragraphs separated by blank lines, and the closing. Reviewer notes are not shown.
 */
import type { Report } from '../core/report/model';
import { layoutReport, type Piece } from './report-layout';

/** Lines of one column; a gap (the signature space) becomes blank lines. */
function columnLines(pieces: Piece[]): string[] {
  return pieces.flatMap((p) => {
    if (p.kind === 'text') return [p.text];
    if (p.kind === 'gap') return ['', '', ''];
    return [];
  });
}

/** Plain text ending with one newline; throws a RangeError on an invalid settings.date. */
export function renderReportText(report: Report): string {
  const laid = layoutReport(report);
  const groups: string[][] = [
    columnLines(laid.headingLeft),
    columnLines(laid.headingRight),
    columnLines(laid.title),
    ...laid.blocks.map((b) => [b.runs.map((r) => r.text).join('')]),
    columnLines(laid.closingLeft),
    columnLines(laid.closingRight),
  ].filter((g) => g.length > 0);
  return `${groups.map((g) => g.join('\n')).join('\n\n')}\n`;
}

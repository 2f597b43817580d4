/**
 * A plain .docx listing the provincial totals: the report draft's stand-in until the full
 * report template (the report issue) lands.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Consolidation } from '../core/consolidate/consolidate';
import { coverageSentence } from '../core/consolidate/consolidation-sheets';
import { formatNumber } from '../core/text/number-format';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'Times New Roman' };

function cell(text: string, bold = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT): TableCell {
  return new TableCell({ children: [new Paragraph({ alignment: align, children: [new TextRun({ text, bold, font: FONT, size: 26 })] })] });
}

export async function totalsDocx(c: Consolidation): Promise<Uint8Array> {
  const rows = [
    new TableRow({ tableHeader: true, children: ['Mã số', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng cộng'].map((h) => cell(h, true, AlignmentType.CENTER)) }),
    ...c.template.indicators.map((ind) => new TableRow({
      children: [
        cell(ind.code, false, AlignmentType.CENTER),
        cell(ind.name),
        cell(ind.unit),
        cell(formatNumber(c.totals[ind.code] ?? 0, 1), false, AlignmentType.RIGHT),
      ],
    })),
  ];
  const para = (text: string, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text, bold, font: FONT, size: 28 })] });
  const doc = new Document({
    creator: 'Tổng hợp báo cáo',
    title: 'Số liệu tổng hợp',
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      children: [
        para('SỐ LIỆU TỔNG HỢP', true),
        para(c.template.name),
        para(c.period ? `Kỳ báo cáo: ${c.period}` : ''),
        para(coverageSentence(c)),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

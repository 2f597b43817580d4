/** The provincial workbook: "Tổng hợp" (totals by unit), "Kiểm tra" (findings), "Tình trạng" (roster). */
import { a1, columnLetter } from '../grid/address';
import type { CellInput, CellStyle, SheetSpec } from '../grid/sheet-spec';
import { numberFormatFor } from '../form/number-formats';
import { metaSheet } from '../form/metadata';
import { MARK_FILL } from '../validate/cell-marks';
import type { Finding } from '../validate/finding';
import type { Severity } from '../template/model';
import { roundSum, type Consolidation, type UnitState } from './consolidate';
import {
  CHANGE_HEADER, CONSOLIDATION_SHEET_NAME, FINDINGS_SHEET_NAME, NOTE_HEADER, PERIOD_TITLE_PREFIX,
  PREVIOUS_HEADER, ROSTER_SHEET_NAME, TOTAL_HEADER,
} from './sheet-names';

const STATE_TEXT: Record<UnitState, string> = {
  included: 'Đã tính',
  'errors-excluded': 'Có lỗi – chưa tính',
  duplicate: 'Trùng biểu – chưa tính',
  missing: 'Chưa nhận',
};

export const SEVERITY_TEXT: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

const HEADER_FILL = 'DDEBF7';

export function coverageSentence(c: Consolidation): string {
  const included = c.roster.filter((r) => r.state === 'included');
  const parts = [`Đã tổng hợp ${included.length}/${c.units.length} đơn vị.`];
  const missing = c.roster.filter((r) => r.state === 'missing').map((r) => r.unit);
  const excluded = c.roster.filter((r) => r.state === 'errors-excluded' || r.state === 'duplicate').map((r) => r.unit);
  if (missing.length) parts.push(`Chưa nhận: ${missing.join(', ')}.`);
  if (excluded.length) parts.push(`Có lỗi, chưa tính: ${excluded.join(', ')}.`);
  return parts.join(' ');
}

/**
 * How unit cells of "Tổng hợp" may point back at where each figure was entered (inside Excel, the
 * unit's sheet), so that a corrected unit cell flows into the total. Without it every unit cell holds
 * the figure read, as in the .xlsx the CLI writes.
 */
export interface UnitCellLinks {
  /** Formula without "=" that gives the unit's figure for `code` (e.g. "'Quế Sơn'!E12"), or null to keep the figure. */
  unitCellRef?: (unit: string, code: string) => string | null;
  /** A note for the unit's cell (e.g. why it holds a figure rather than a reference), or null. */
  unitCellNote?: (unit: string, code: string) => string | null;
}

function totalsSheet(c: Consolidation, links: UnitCellLinks): SheetSpec {
  const unitStart = 5;
  const unitEnd = unitStart + c.units.length - 1;
  const hasPrevious = !!c.previous;
  const prevCol = unitEnd + 1;
  const changeCol = hasPrevious ? unitEnd + 2 : -1;
  const noteCol = hasPrevious ? unitEnd + 3 : unitEnd + 1;
  const headerRow = 4;

  const status: CellInput[] = [null, 'Trạng thái đơn vị', null, null, null, ...c.roster.map((r) => STATE_TEXT[r.state])];
  const header: CellInput[] = ['TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', TOTAL_HEADER, ...c.units];
  if (hasPrevious) header.push(PREVIOUS_HEADER, CHANGE_HEADER);
  header.push(NOTE_HEADER);
  const cells: CellInput[][] = [
    [`BẢNG TỔNG HỢP: ${c.template.name.toUpperCase()}`],
    [`${PERIOD_TITLE_PREFIX} ${c.period ?? ''}`.trim() + (c.previous ? ` (kỳ trước: ${c.previous.label})` : '')],
    [coverageSentence(c)],
    status,
    header,
  ];
  const lastCol = noteCol;
  const styles: CellStyle[] = [
    { range: `A1:${columnLetter(lastCol)}1`, bold: true, fontSize: 13 },
    { range: 'A2:A3', italic: true },
    { range: `A4:${columnLetter(lastCol)}4`, italic: true, wrap: true, horizontal: 'center' },
    { range: `A5:${columnLetter(lastCol)}5`, bold: true, wrap: true, horizontal: 'center', fill: HEADER_FILL },
  ];
  const numberFormats: { range: string; format: string }[] = [];
  const notes: { cell: string; text: string }[] = [];
  const noteByCode = new Map<string, string[]>();
  for (const f of c.totalFindings) if (f.code) noteByCode.set(f.code, [...(noteByCode.get(f.code) ?? []), f.message]);

  for (const section of c.template.sections) {
    const r = cells.length;
    cells.push([`${section.id}.`, section.title]);
    styles.push({ range: `A${r + 1}:${columnLetter(lastCol)}${r + 1}`, bold: true });
    let n = 0;
    for (const ind of c.template.indicators.filter((i) => i.sectionId === section.id)) {
      n += 1;
      const row = cells.length;
      const unitValues = c.roster.map((rr) => (rr.state === 'included' ? c.byUnit[rr.unit]?.[ind.code] ?? 0 : null));
      const total = c.totals[ind.code];
      const unitCells = unitValues.map((v, i): CellInput => {
        if (v === null) return null;
        const unit = c.roster[i].unit;
        const note = links.unitCellNote?.(unit, ind.code);
        if (note) notes.push({ cell: a1(row, unitStart + i), text: note });
        const ref = links.unitCellRef?.(unit, ind.code);
        return ref ? { formula: ref, result: v } : v;
      });
      const line: CellInput[] = [
        `${section.id}.${n}`, ind.name, ind.code, ind.unit,
        { formula: `SUM(${a1(row, unitStart)}:${a1(row, unitEnd)})`, result: total },
        ...unitCells,
      ];
      if (hasPrevious) {
        const prev = c.previous!.totals[ind.code];
        line.push(prev ?? null);
        line.push(prev === undefined ? null : { formula: `${a1(row, 4)}-${a1(row, prevCol)}`, result: roundSum(total - prev) });
      }
      line.push(noteByCode.get(ind.code)?.join(' ') ?? null);
      cells.push(line);
      const numericCells: { col: number; value: number | null | undefined }[] = [
        { col: 4, value: total },
        ...unitValues.map((v, i) => ({ col: unitStart + i, value: v })),
      ];
      if (hasPrevious) {
        const prev = c.previous!.totals[ind.code];
        numericCells.push({ col: prevCol, value: prev }, { col: changeCol, value: prev === undefined ? undefined : total - prev });
      }
      for (const { col, value } of numericCells) {
        numberFormats.push({ range: a1(row, col), format: numberFormatFor(ind.kind, value ?? 0) });
      }
    }
  }
  const last = cells.length;
  styles.push({ range: `A${headerRow + 1}:${columnLetter(lastCol)}${last}`, border: true });
  styles.push({ range: `E${headerRow + 2}:E${last}`, bold: true });
  styles.push({ range: `B${headerRow + 2}:B${last}`, wrap: true });
  const widths = [6, 46, 7, 11, 12, ...c.units.map(() => 11)];
  if (hasPrevious) widths.push(12, 12);
  widths.push(30);
  return {
    name: CONSOLIDATION_SHEET_NAME,
    cells,
    columnWidths: widths,
    numberFormats,
    styles,
    freeze: { rows: headerRow + 1, columns: 5 },
    print: { orientation: 'landscape', fitToWidth: true },
    ...(notes.length ? { notes } : {}),
  };
}

function findingsSheet(findings: readonly Finding[]): SheetSpec {
  const header = ['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Trang tính', 'Ô', 'Mã số', 'Loại kiểm tra', 'Nội dung'];
  const rows: CellInput[][] = findings.map((f, i) => [
    i + 1, SEVERITY_TEXT[f.severity], f.unit ?? (f.file ? '(không xác định)' : 'Toàn tỉnh'),
    f.file, f.sheet, f.cell, f.code, f.rule, f.message,
  ]);
  const styles: CellStyle[] = [{ range: 'A1:I1', bold: true, fill: HEADER_FILL, horizontal: 'center' }];
  findings.forEach((f, i) => {
    if (f.severity !== 'info') styles.push({ range: `B${i + 2}`, fill: MARK_FILL[f.severity] });
  });
  if (rows.length) styles.push({ range: `I2:I${rows.length + 1}`, wrap: true });
  return {
    name: FINDINGS_SHEET_NAME,
    cells: [header, ...(rows.length ? rows : [[null, null, null, null, null, null, null, null, 'Không có lỗi hay cảnh báo nào.']])],
    columnWidths: [5, 10, 14, 26, 14, 7, 7, 18, 80],
    styles,
    freeze: { rows: 1, columns: 0 },
  };
}

function rosterSheet(c: Consolidation): SheetSpec {
  const header = ['STT', 'Đơn vị', 'Tình trạng', 'Tệp', 'Số lỗi', 'Số cảnh báo', 'Đưa vào tổng hợp'];
  const rows: CellInput[][] = c.roster.map((r, i) => [
    i + 1, r.unit, r.files.length ? 'Đã nhận' : 'Chưa nhận',
    r.files.join(', ') || null, r.errors, r.warnings, STATE_TEXT[r.state],
  ]);
  for (const u of c.unlisted) {
    rows.push([rows.length + 1, '(không thuộc danh sách)', 'Đã nhận', u.file,
      u.findings.filter((f) => f.severity === 'error').length,
      u.findings.filter((f) => f.severity === 'warning').length, 'Không tính']);
  }
  return {
    name: ROSTER_SHEET_NAME,
    cells: [[coverageSentence(c)], [], header, ...rows],
    columnWidths: [5, 22, 12, 34, 8, 11, 22],
    styles: [
      { range: 'A1', bold: true },
      { range: 'A3:G3', bold: true, fill: HEADER_FILL, horizontal: 'center' },
      { range: `A3:G${rows.length + 3}`, border: true },
    ],
    freeze: { rows: 3, columns: 0 },
  };
}

export function consolidationSheets(c: Consolidation, findings: readonly Finding[], links: UnitCellLinks = {}): SheetSpec[] {
  return [
    totalsSheet(c, links),
    findingsSheet(findings),
    rosterSheet(c),
    metaSheet({ kind: 'consolidation', templateId: c.template.id, templateVersion: c.template.version, period: c.period ?? '' }),
  ];
}

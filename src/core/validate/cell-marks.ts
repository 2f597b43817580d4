/** What to highlight in a unit's workbook so the district can see each problem in place. */
import type { CellInput, SheetSpec } from '../grid/sheet-spec';
import type { Finding } from './finding';

export interface CellMark {
  sheet: string;
  cell: string;
  severity: 'error' | 'warning';
  /** Note text: every message about this cell. */
  note: string;
}

export const MARK_FILL = { error: 'F8CBAD', warning: 'FFE699' } as const;
export const RETURN_FINDINGS_SHEET = 'Kết quả kiểm tra';

export function cellMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || f.severity === 'info') continue;
    const key = `${f.sheet}!${f.cell}`;
    const mark = byCell.get(key);
    if (!mark) byCell.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity, note: f.message });
    else {
      mark.note += `\n${f.message}`;
      if (f.severity === 'error') mark.severity = 'error';
    }
  }
  return [...byCell.values()];
}

const SEVERITY_WORD = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as const;

/** A sheet listing every finding, added to the annotated copy sent back to the unit. */
export function returnFindingsSheet(findings: readonly Finding[]): SheetSpec {
  const rows: CellInput[][] = findings.map((f, i) => [i + 1, SEVERITY_WORD[f.severity], f.cell, f.code, f.message]);
  return {
    name: RETURN_FINDINGS_SHEET,
    cells: [['STT', 'Mức độ', 'Ô', 'Mã số', 'Nội dung'], ...rows],
    columnWidths: [5, 10, 7, 7, 100],
    styles: [{ range: 'A1:E1', bold: true, fill: 'DDEBF7' }, ...(rows.length ? [{ range: `E2:E${rows.length + 1}`, wrap: true }] : [])],
  };
}

/**
 * "Tổng hợp" inside Excel: each unit cell is a formula reading the unit's own sheet (e.g.
 * ='Quế Sơn'!E12) with the figure read as its cached result, so a value corrected in the unit's sheet
 * flows into the total without a new consolidation.
 *
 * Only cells that Excel itself sees as a number (or an empty cell, which a reference reads as 0) are
 * referenced. A figure the checker had to read out of text ("1.600", "gần 1.600", "30,3") would reach
 * SUM as text and be skipped, silently dropping it from the total; such a cell keeps the cleaned
 * figure, with a note saying where it came from and how to link it ("-"/"x" markers keep their 0, with
 * no note). The "text-number" warning still points at the unit's cell.
 */
import type { UnitCellLinks } from '../../core/consolidate/consolidation-sheets';
import type { SheetSnapshot } from '../../core/grid/sheet';
import { parseA1 } from '../../core/grid/address';
import type { JobResult } from '../../core/job';
import { formatNumber } from '../../core/text/number-format';
import { quoteSheet } from '../../workbook/office/addresses';

interface UnitCell {
  sheet: string;
  cell: string;
  raw: unknown;
  value: number | undefined;
}

export function unitCellLinks(result: JobResult, snapshots: ReadonlyMap<string, SheetSnapshot>): UnitCellLinks {
  const usedByUnit = new Map(result.consolidation.roster.map((r) => [r.unit, r.used]));
  const cellOf = (unit: string, code: string): UnitCell | null => {
    const reading = usedByUnit.get(unit)?.reading;
    const cell = reading?.cells[code];
    if (!reading?.sheet || !cell) return null;
    const snap = snapshots.get(reading.sheet);
    if (!snap) return null;
    const at = parseA1(cell);
    return { sheet: reading.sheet, cell, raw: snap.values[at.row]?.[at.col] ?? '', value: reading.values[code] };
  };
  return {
    unitCellRef(unit, code) {
      const c = cellOf(unit, code);
      if (!c || !(typeof c.raw === 'number' || c.raw === '')) return null;
      return `${quoteSheet(c.sheet)}!${c.cell}`;
    },
    unitCellNote(unit, code) {
      const c = cellOf(unit, code);
      if (!c || typeof c.raw !== 'string' || c.value === undefined || /^\s*[-x–]?\s*$/i.test(c.raw)) return null;
      return `Ô ${c.cell} trang "${c.sheet}" ghi chữ "${c.raw}", đã đọc là ${formatNumber(c.value, 4)}. `
        + 'Ô này giữ số đã đọc nên không tự đổi theo trang đơn vị: sửa ô đó thành số rồi bấm "Tổng hợp" lại.';
    },
  };
}

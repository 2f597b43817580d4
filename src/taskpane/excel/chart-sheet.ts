/** "Biểu đồ": one indicator by unit, as a small table whose values read "Tổng hợp", and a clustered column chart over it. */
import { a1 } from '../../core/grid/address';
import type { CellInput, SheetSpec } from '../../core/grid/sheet-spec';
import type { JobResult } from '../../core/job';
import { numberFormatFor } from '../../core/form/number-formats';
import { quoteSheet } from '../../workbook/office/addresses';
import type { WorksheetLike } from '../../workbook/office/excel-shapes';
import { CHART_SHEET } from './sheet-names';

export interface ChartPlan {
  spec: SheetSpec;
  /** A1 range of the table the chart is drawn from (header included). */
  source: string;
  title: string;
}

/** Null when the code is not an indicator or no unit is in the total. */
export function chartPlan(result: JobResult, totals: SheetSpec, code: string): ChartPlan | null {
  const c = result.consolidation;
  const ind = c.template.indicators.find((i) => i.code === code);
  if (!ind) return null;
  const headerRow = totals.cells.findIndex((r) => r[0] === 'TT');
  const row = totals.cells.findIndex((r, i) => i > headerRow && r[2] === code);
  const included = c.roster.filter((r) => r.state === 'included').map((r) => r.unit);
  if (headerRow < 0 || row < 0 || !included.length) return null;
  const title = `${ind.name} (${ind.unit}) theo đơn vị${c.period ? ` – ${c.period}` : ''}`;
  const lines: CellInput[][] = included.map((unit) => [
    unit,
    { formula: `${quoteSheet(totals.name)}!${a1(row, 5 + c.units.indexOf(unit))}`, result: c.byUnit[unit]?.[code] ?? 0 },
  ]);
  const last = lines.length + 2;
  return {
    title,
    source: `A2:B${last}`,
    spec: {
      name: CHART_SHEET,
      cells: [[title], ['Đơn vị', `${ind.name} (${ind.unit})`], ...lines],
      columnWidths: [24, 22],
      numberFormats: [{ range: `B3:B${last}`, format: numberFormatFor(ind.kind) }],
      styles: [
        { range: 'A1', bold: true, fontSize: 13 },
        { range: 'A2:B2', bold: true, fill: 'DDEBF7', horizontal: 'center', wrap: true },
        { range: `A2:B${last}`, border: true },
      ],
    },
  };
}

/** ExcelApi 1.1: ChartCollection.add, Chart.title, legend and setPosition. */
export function queueChart(sheet: WorksheetLike, plan: ChartPlan): void {
  const chart = sheet.charts.add('ColumnClustered', sheet.getRange(plan.source), 'Columns');
  chart.title.text = plan.title;
  chart.legend.visible = false;
  chart.setPosition('D2', 'N24');
}

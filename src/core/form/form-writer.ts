/** The blank form the province sends to one unit, as sheet specs for any workbook adapter. */
import { a1 } from '../grid/address';
import type { CellInput, CellStyle, NumberValidation, SheetSpec } from '../grid/sheet-spec';
import type { Template } from '../template/model';
import { metaSheet } from './metadata';
import { FORM_HEADER, FORM_SHEET_NAME, PERIOD_LABEL, UNIT_LABEL, UNIT_PREFIX } from './form-layout';
import { numberFormatFor } from './number-formats';

export const FORM_INSTRUCTION =
  'Hướng dẫn: chỉ nhập số vào cột "Số liệu" (số nguyên không âm; chỉ tiêu tính bằng triệu đồng, km được ghi một chữ số thập phân, ví dụ 898,3). ' +
  'Không thêm, xóa hoặc sửa cột "Mã số". Ô để trống được tính là 0. Ghi chú (nếu có) ghi vào cột "Ghi chú".';

const HEADER_ROW = 5;

export interface FormOptions {
  unit: string;
  period: string;
  /** Pre-filled values by code (used for the bundled sample). */
  values?: Record<string, number>;
}

export function buildForm(template: Template, options: FormOptions): SheetSpec[] {
  const cells: CellInput[][] = [
    [template.name.toUpperCase()],
    [`${UNIT_LABEL} ${UNIT_PREFIX} ${options.unit}`],
    [`${PERIOD_LABEL} ${options.period}`],
    [FORM_INSTRUCTION],
    [],
    [...FORM_HEADER],
  ];
  const styles: CellStyle[] = [
    { range: 'A1:F1', bold: true, horizontal: 'center', fontSize: 13 },
    { range: 'A2:F3', bold: true },
    { range: 'A4:F4', italic: true, wrap: true },
    { range: `A${HEADER_ROW + 1}:F${HEADER_ROW + 1}`, bold: true, horizontal: 'center', wrap: true, fill: 'DDEBF7' },
  ];
  const validations: NumberValidation[] = [];
  const numberFormats: { range: string; format: string }[] = [];
  const unlocked: string[] = [];

  for (const section of template.sections) {
    const r = cells.length;
    cells.push([`${section.id}.`, section.title, null, null, null, null]);
    styles.push({ range: `A${r + 1}:F${r + 1}`, bold: true });
    let n = 0;
    for (const ind of template.indicators.filter((i) => i.sectionId === section.id)) {
      n += 1;
      const row = cells.length;
      const value = options.values?.[ind.code];
      cells.push([`${section.id}.${n}`, ind.name, ind.code, ind.unit, value ?? null, null]);
      const valueCell = a1(row, 4);
      validations.push({
        range: valueCell,
        type: ind.kind === 'I' ? 'whole' : 'decimal',
        min: 0,
        title: 'Số liệu không hợp lệ',
        message:
          ind.kind === 'I'
            ? `Mã số ${ind.code}: chỉ nhập số nguyên không âm (${ind.unit}).`
            : `Mã số ${ind.code}: chỉ nhập số không âm, tối đa một chữ số thập phân (${ind.unit}).`,
      });
      numberFormats.push({ range: valueCell, format: numberFormatFor(ind.kind) });
      unlocked.push(`${valueCell}:${a1(row, 5)}`);
    }
  }
  const last = cells.length;
  styles.push({ range: `A${HEADER_ROW + 1}:F${last}`, border: true });
  styles.push({ range: `B${HEADER_ROW + 2}:B${last}`, wrap: true });
  styles.push({ range: `A${HEADER_ROW + 2}:A${last}`, horizontal: 'center' });
  styles.push({ range: `C${HEADER_ROW + 2}:D${last}`, horizontal: 'center' });

  const form: SheetSpec = {
    name: FORM_SHEET_NAME,
    cells,
    columnWidths: [6, 52, 8, 12, 14, 24],
    rowHeights: { 3: 48 },
    merges: ['A1:F1', 'A2:F2', 'A3:F3', 'A4:F4'],
    numberFormats,
    styles,
    validations,
    unlocked,
    protect: true,
    print: { orientation: 'portrait', fitToWidth: true },
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
  };
  return [
    form,
    metaSheet({
      kind: 'form',
      templateId: template.id,
      templateVersion: template.version,
      period: options.period,
      unit: options.unit,
    }),
  ];
}

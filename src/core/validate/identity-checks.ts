/** Whose return is this, and is it a form of this template and period? */
import type { FormReading } from '../form/form-reader';
import { UNIT_PREFIX } from '../form/form-layout';
import type { Template } from '../template/model';
import { foldKey } from '../text/normalize';
import { sameUnit, type UnitMatcher } from '../units/unit-list';
import type { Finding } from './finding';
import { finding } from './finding-factory';

export interface Identity {
  unit: string | null;
  findings: Finding[];
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
}

export function identifyUnit(reading: FormReading, matchUnit: UnitMatcher): Identity {
  const place = { file: reading.file, sheet: reading.sheet };
  const findings: Finding[] = [];
  const visible = matchUnit(reading.visibleUnit);
  const hidden = matchUnit(reading.meta?.unit);
  if (reading.visibleUnit && reading.meta?.unit && !sameUnit(reading.visibleUnit, reading.meta.unit)) {
    findings.push(finding('warning', 'unit-mismatch',
      `Tên đơn vị ghi trên biểu là "${reading.visibleUnit}" nhưng biểu được gửi cho "${UNIT_PREFIX} ${reading.meta.unit}"` +
      `${visible ? `; lấy theo tên ghi trên biểu (${visible})` : ''}.`, place));
  }
  const unit = visible ?? hidden ?? matchUnit(baseName(reading.file));
  if (!unit) {
    const shown = reading.visibleUnit ?? reading.meta?.unit ?? baseName(reading.file);
    findings.push(finding('error', 'unit-unknown',
      `Đơn vị "${shown}" không có trong danh sách đơn vị; biểu này không được tính vào tổng hợp. Sửa tên đơn vị trên biểu hoặc bổ sung danh sách.`,
      place));
  } else if (!visible && !hidden) {
    findings.push(finding('warning', 'unit-from-file-name',
      `Biểu không ghi "Đơn vị báo cáo"; nhận là của ${unit} theo tên tệp.`, place));
  }
  return { unit, findings: findings.map((f) => ({ ...f, unit })) };
}

export function checkTemplateAndPeriod(reading: FormReading, template: Template, period: string | null): Finding[] {
  const place = { file: reading.file, sheet: reading.sheet };
  const findings: Finding[] = [];
  const meta = reading.meta;
  if (meta?.kind === 'consolidation') {
    findings.push(finding('error', 'template-mismatch', 'Tệp là bảng tổng hợp, không phải biểu báo cáo của một đơn vị.', place));
  } else if (meta && meta.templateId !== template.id) {
    findings.push(finding('error', 'template-mismatch',
      `Biểu thuộc mẫu "${meta.templateId}", không phải mẫu "${template.id}" (${template.name}) đang dùng.`, place));
  } else if (meta && meta.templateVersion && meta.templateVersion !== template.version) {
    findings.push(finding('warning', 'template-version',
      `Biểu làm theo phiên bản ${meta.templateVersion} của mẫu, phiên bản đang dùng là ${template.version}; đã đối chiếu theo Mã số.`, place));
  }
  if (period) {
    const written = reading.visiblePeriod ?? meta?.period ?? null;
    if (written && foldKey(written) !== foldKey(period)) {
      findings.push(finding('error', 'period-mismatch',
        `Biểu báo cáo kỳ "${written}", không phải kỳ "${period}" đang tổng hợp.`, place));
    }
  }
  return findings;
}

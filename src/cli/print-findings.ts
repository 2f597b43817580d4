/** The human-readable Vietnamese summary printed by validate / consolidate / run. */
import { SEVERITY_TEXT, coverageSentence } from '../core/consolidate/consolidation-sheets';
import type { JobResult } from '../core/job';
import type { Finding } from '../core/validate/finding';

function line(f: Finding): string {
  const where = [f.cell && `ô ${f.cell}`, f.code && `mã ${f.code}`].filter(Boolean).join(', ');
  return `    - ${SEVERITY_TEXT[f.severity]}${where ? ` (${where})` : ''}: ${f.message}`;
}

/** Findings grouped by return, in unit-list order; clean returns take one line between them. */
export function formatFindings(result: JobResult, verbose: boolean): string {
  const { validation, consolidation } = result;
  const out: string[] = [];
  const order = new Map(validation.units.map((u, i) => [u, i]));
  const returns = [...validation.returns].sort(
    (a, b) => (order.get(a.unit ?? '') ?? Infinity) - (order.get(b.unit ?? '') ?? Infinity));
  const clean: string[] = [];
  for (const r of returns) {
    const shown = verbose ? r.findings : r.findings.filter((f) => f.severity !== 'info');
    const name = r.unit ?? '(không xác định đơn vị)';
    if (shown.length === 0) {
      clean.push(name);
      continue;
    }
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const warnings = r.findings.filter((f) => f.severity === 'warning').length;
    out.push(`${name} (${r.file}): ${errors} lỗi, ${warnings} cảnh báo`);
    out.push(...shown.map(line));
  }
  if (consolidation.totalFindings.length) {
    out.push('Số tổng hợp toàn tỉnh:');
    out.push(...consolidation.totalFindings.map(line));
  }
  if (clean.length) out.push(`Không có lỗi hay cảnh báo: ${clean.join(', ')}.`);
  out.push('');
  out.push(coverageSentence(consolidation));
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  out.push(`Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo trong ${validation.returns.length} tệp.`);
  return out.join('\n');
}

/** The template as JSON data: schema check on load, and the inverse. */
import { normalizeText } from '../text/normalize';
import type { Indicator, IndicatorKind, Rule, Section, Template } from './model';
import { parseRules, ruleSourceText } from './rule-parser';
import { ProblemCollector, TemplateError } from './template-error';

/** JSON shape of a template; mirrors the "Mẫu chỉ tiêu" sheet (rules live on indicator rows). */
export interface TemplateJson {
  id: string;
  version: string;
  name: string;
  sections: SectionJson[];
  indicators: IndicatorJson[];
}

export interface SectionJson {
  id: string;
  title: string;
}

export interface IndicatorJson {
  code: string;
  sectionId: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  /** The "Ràng buộc" cell: rules separated by ";" or line breaks. */
  constraints?: string;
}

const TEMPLATE_KEYS = ['id', 'version', 'name', 'sections', 'indicators'];
const SECTION_KEYS = ['id', 'title'];
const INDICATOR_KEYS = ['code', 'sectionId', 'name', 'unit', 'kind', 'constraints'];

/** Two-digit codes 01–99, stored as text. */
export const CODE_PATTERN = /^(?!00)\d{2}$/;

/** NFC, zero-width characters dropped, whitespace collapsed, trimmed; dashes kept (names use "–"). */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys starting with "$" or "_" are free for comments ("$schema", "_ghi_chu"). */
function checkKeys(obj: Record<string, unknown>, allowed: string[], path: string, problems: ProblemCollector): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key) || key.startsWith('$') || key.startsWith('_')) continue;
    const where = path === '' ? key : `${path}.${key}`;
    problems.add(`${where}: trường không được hỗ trợ (các trường hợp lệ: ${allowed.join(', ')})`);
  }
}

function requiredText(obj: Record<string, unknown>, key: string, path: string, problems: ProblemCollector): string {
  const where = path === '' ? key : `${path}.${key}`;
  const v = obj[key];
  if (typeof v !== 'string' || cleanText(v) === '') {
    problems.add(`${where}: phải là chuỗi khác rỗng`);
    return '';
  }
  return cleanText(v);
}

/** One indicator row's rule cell, with a way to report a problem at that cell. */
export interface RuleCell {
  code: string;
  text: string;
  report: (message: string) => void;
}

/**
 * Parses every rule cell against the full code list (rules may refer to rows further down) and
 * rejects duplicate rules, whose ids would clash.
 */
export function collectRules(cells: RuleCell[], knownCodes: Set<string>): Rule[] {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const cell of cells) {
    let parsed: Rule[];
    try {
      parsed = parseRules(cell.text, knownCodes, cell.code);
    } catch (e) {
      if (e instanceof TemplateError) {
        cell.report(e.message);
        continue;
      }
      throw e;
    }
    for (const rule of parsed) {
      const other = seen.get(rule.id);
      if (other !== undefined) {
        cell.report(`Ràng buộc "${rule.text}" trùng với ràng buộc đã ghi ở chỉ tiêu mã ${other}`);
        continue;
      }
      seen.set(rule.id, cell.code);
      rules.push(rule);
    }
  }
  return rules;
}

/** Rule texts per indicator row, ready to write to a "Ràng buộc" cell. */
export function constraintsByRow(t: Template): Map<string, string> {
  const codes = new Set(t.indicators.map((i) => i.code));
  const byRow = new Map<string, string[]>();
  for (const rule of t.rules) {
    const row = rule.rowCode ?? rule.anchorCode;
    if (!codes.has(row)) {
      throw new Error(`Rule ${rule.id} belongs to row ${row}, which is not an indicator of template ${t.id}`);
    }
    const list = byRow.get(row) ?? [];
    list.push(ruleSourceText(rule));
    byRow.set(row, list);
  }
  return new Map([...byRow].map(([code, texts]) => [code, texts.join('; ')]));
}

function readSections(data: unknown, problems: ProblemCollector): Section[] {
  if (!Array.isArray(data) || data.length === 0) {
    problems.add('sections: phải là danh sách (mảng) khác rỗng');
    return [];
  }
  const sections: Section[] = [];
  const firstIndex = new Map<string, number>();
  data.forEach((item, i) => {
    const path = `sections[${i}]`;
    if (!isRecord(item)) {
      problems.add(`${path}: phải là đối tượng { "id", "title" }`);
      return;
    }
    checkKeys(item, SECTION_KEYS, path, problems);
    const id = requiredText(item, 'id', path, problems);
    const title = requiredText(item, 'title', path, problems);
    if (id === '') return;
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      problems.add(`${path}.id: nhóm "${id}" trùng với sections[${earlier}]`);
      return;
    }
    firstIndex.set(id, i);
    sections.push({ id, title });
  });
  return sections;
}

/** Reads and checks a template given as JSON data; throws TemplateError listing every problem. */
export function templateFromJson(data: unknown): Template {
  if (!isRecord(data)) throw new TemplateError('Mẫu chỉ tiêu (JSON) phải là một đối tượng');
  const problems = new ProblemCollector();
  checkKeys(data, TEMPLATE_KEYS, '', problems);
  const id = requiredText(data, 'id', '', problems);
  const version = requiredText(data, 'version', '', problems);
  const name = requiredText(data, 'name', '', problems);
  const sections = readSections(data.sections, problems);
  const sectionIds = new Set(sections.map((s) => s.id));

  const indicators: Indicator[] = [];
  const ruleCells: RuleCell[] = [];
  const codeIndex = new Map<string, number>();
  const guessedCodes = new Set<string>();
  if (!Array.isArray(data.indicators) || data.indicators.length === 0) {
    problems.add('indicators: phải là danh sách (mảng) khác rỗng');
  } else {
    data.indicators.forEach((item: unknown, i) => {
      const path = `indicators[${i}]`;
      if (!isRecord(item)) {
        problems.add(`${path}: phải là đối tượng { "code", "sectionId", "name", "unit", "kind" }`);
        return;
      }
      checkKeys(item, INDICATOR_KEYS, path, problems);
      const before = problems.count;
      let code = '';
      if (typeof item.code !== 'string' || !CODE_PATTERN.test(item.code)) {
        problems.add(`${path}.code: phải là hai chữ số dạng chuỗi, từ "01" đến "99"`);
        // Still let rules refer to it, so that one bad code does not also fail every rule using it.
        const guess = String(item.code ?? '').padStart(2, '0');
        if ((typeof item.code === 'number' || typeof item.code === 'string') && CODE_PATTERN.test(guess)) {
          guessedCodes.add(guess);
        }
      } else if (codeIndex.has(item.code)) {
        problems.add(`${path}.code: mã "${item.code}" trùng với indicators[${codeIndex.get(item.code)}]`);
      } else {
        code = item.code;
        codeIndex.set(code, i);
      }
      const sectionId = requiredText(item, 'sectionId', path, problems);
      if (sectionId !== '' && sections.length > 0 && !sectionIds.has(sectionId)) {
        problems.add(`${path}.sectionId: nhóm "${sectionId}" không có trong sections`);
      }
      const indicatorName = requiredText(item, 'name', path, problems);
      const unit = requiredText(item, 'unit', path, problems);
      if (item.kind !== 'I' && item.kind !== 'D') problems.add(`${path}.kind: phải là I hoặc D`);
      if (item.constraints !== undefined && typeof item.constraints !== 'string') {
        problems.add(`${path}.constraints: phải là chuỗi (các ràng buộc cách nhau bằng ";")`);
      } else if (code !== '' && typeof item.constraints === 'string' && normalizeText(item.constraints) !== '') {
        ruleCells.push({
          code,
          text: item.constraints,
          report: (message) => problems.add(`${path}.constraints: ${message}`),
        });
      }
      if (problems.count === before) {
        indicators.push({ code, sectionId, name: indicatorName, unit, kind: item.kind as IndicatorKind });
      }
    });
  }

  const rules = collectRules(ruleCells, new Set([...codeIndex.keys(), ...guessedCodes]));
  problems.throwIfAny();
  return { id, version, name, sections, indicators, rules };
}

/** The inverse of templateFromJson: templateFromJson(templateToJson(t)) equals t for loaded templates. */
export function templateToJson(t: Template): TemplateJson {
  const constraints = constraintsByRow(t);
  return {
    id: t.id,
    version: t.version,
    name: t.name,
    sections: t.sections.map((s) => ({ id: s.id, title: s.title })),
    indicators: t.indicators.map((i) => {
      const row: IndicatorJson = { code: i.code, sectionId: i.sectionId, name: i.name, unit: i.unit, kind: i.kind };
      const text = constraints.get(i.code);
      if (text !== undefined) row.constraints = text;
      return row;
    }),
  };
}

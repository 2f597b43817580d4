/**
 * The "Mẫu chỉ tiêu" sheet: the template as staff edit it in Excel.
 *
 *   A            B                           C           D            E      F
 *   Mã mẫu       ccb-bchqs-6thang
 *   Phiên bản    1
 *   Tên mẫu      Phối hợp hoạt động …
 *   (blank)
 *   Mã số        Nhóm                        Chỉ tiêu    Đơn vị tính  Kiểu   Ràng buộc
 *   01           1. Tuyên truyền, giáo dục   …           lượt         I
 *   02           1                           …           cuộc         I
 *
 * "Nhóm" holds "1. Title" on the first row of a section and just "1" afterwards; either form is
 * accepted on any row, and a row with only "Nhóm" filled declares a section heading.
 */
import { columnLetter } from '../grid/address';
import { foldKey } from '../text/normalize';
import { CODE_PATTERN, cleanText, collectRules, constraintsByRow, type RuleCell } from './load-json';
import type { Indicator, IndicatorKind, Section, Template } from './model';
import { ProblemCollector, TemplateError } from './template-error';

export const TEMPLATE_SHEET_NAME = 'Mẫu chỉ tiêu';

type Field = 'code' | 'section' | 'name' | 'unit' | 'kind' | 'constraints';

const FIELDS: Field[] = ['code', 'section', 'name', 'unit', 'kind', 'constraints'];

export const TEMPLATE_HEADER: Record<Field, string> = {
  code: 'Mã số',
  section: 'Nhóm',
  name: 'Chỉ tiêu',
  unit: 'Đơn vị tính',
  kind: 'Kiểu',
  constraints: 'Ràng buộc',
};

/** Folded header spellings accepted for each column. */
const HEADER_ALIASES: Record<Field, string[]> = {
  code: ['ma so', 'ma', 'ma chi tieu'],
  section: ['nhom', 'nhom chi tieu'],
  name: ['chi tieu', 'ten chi tieu', 'noi dung', 'noi dung chi tieu'],
  unit: ['don vi tinh', 'dvt', 'don vi'],
  kind: ['kieu', 'kieu so', 'kieu so lieu', 'kieu du lieu'],
  constraints: ['rang buoc', 'rang buoc kiem tra'],
};

const REQUIRED_FIELDS: Field[] = ['code', 'section', 'name', 'unit', 'kind'];

type MetaKey = 'id' | 'version' | 'name';

const META_LABELS: Record<MetaKey, string> = { id: 'Mã mẫu', version: 'Phiên bản', name: 'Tên mẫu' };
const META_KEYS: MetaKey[] = ['id', 'version', 'name'];

const WIDTH = FIELDS.length;

function padRow(cells: (string | number)[]): (string | number)[] {
  return [...cells, ...Array<string>(Math.max(0, WIDTH - cells.length)).fill('')];
}

export function sectionLabel(s: Section): string {
  return `${s.id}. ${s.title}`;
}

/** The sheet's cells, anchored at A1. Codes are text ("01"): the writer should format column A as text. */
export function templateToGrid(t: Template): (string | number)[][] {
  const constraints = constraintsByRow(t);
  const sections = new Map(t.sections.map((s) => [s.id, s]));
  const rows: (string | number)[][] = [
    padRow([META_LABELS.id, t.id]),
    padRow([META_LABELS.version, t.version]),
    padRow([META_LABELS.name, t.name]),
    padRow([]),
    FIELDS.map((f) => TEMPLATE_HEADER[f]),
  ];
  const labelled = new Set<string>();
  for (const ind of t.indicators) {
    const section = sections.get(ind.sectionId);
    let sectionCell = ind.sectionId;
    if (section && !labelled.has(section.id)) {
      sectionCell = sectionLabel(section);
      labelled.add(section.id);
    }
    rows.push([ind.code, sectionCell, ind.name, ind.unit, ind.kind, constraints.get(ind.code) ?? '']);
  }
  for (const s of t.sections) {
    if (!labelled.has(s.id)) rows.push(padRow(['', sectionLabel(s)]));
  }
  return rows;
}

function cellText(v: unknown): string {
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function isBlankCell(v: unknown): boolean {
  return cellText(v) === '';
}

interface SectionRef {
  id?: string;
  title?: string;
}

function parseSectionCell(v: unknown): SectionRef | undefined {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v > 0 ? { id: String(v) } : undefined;
  }
  const s = cellText(v);
  if (s === '') return undefined;
  const m = /^(\d+)\s*[.)]?\s*(.*)$/.exec(s);
  if (m) return { id: String(Number(m[1])), title: m[2] === '' ? undefined : m[2] };
  return { title: s };
}

function parseKind(v: unknown): IndicatorKind | undefined {
  const key = foldKey(cellText(v));
  if (key === 'i' || key === 'so nguyen') return 'I';
  if (key === 'd' || key === 'so thap phan') return 'D';
  return undefined;
}

function parseCode(v: unknown): string | undefined {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1 && v <= 99 ? String(v).padStart(2, '0') : undefined;
  }
  const s = cellText(v);
  if (!/^\d{1,2}$/.test(s)) return undefined;
  const code = s.padStart(2, '0');
  return CODE_PATTERN.test(code) ? code : undefined;
}

interface HeaderInfo {
  row: number;
  columns: Partial<Record<Field, number>>;
}

function findHeader(grid: unknown[][]): HeaderInfo | undefined {
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const columns: Partial<Record<Field, number>> = {};
    cells.forEach((v, c) => {
      const key = foldKey(cellText(v));
      if (key === '') return;
      for (const f of FIELDS) {
        if (columns[f] === undefined && HEADER_ALIASES[f].includes(key)) {
          columns[f] = c;
          break;
        }
      }
    });
    if (columns.code !== undefined && columns.name !== undefined) return { row: r, columns };
  }
  return undefined;
}

function quote(v: unknown): string {
  return `"${cellText(v)}"`;
}

interface PendingIndicator {
  row: number;
  ref: SectionRef;
  indicator: Omit<Indicator, 'sectionId'>;
}

/** Reads the "Mẫu chỉ tiêu" sheet (cells anchored at A1); throws TemplateError listing every broken row. */
export function templateFromGrid(grid: unknown[][]): Template {
  const header = findHeader(grid);
  if (!header) {
    const labels = FIELDS.map((f) => TEMPLATE_HEADER[f]).join(' | ');
    throw new TemplateError(`Không tìm thấy dòng tiêu đề của bảng chỉ tiêu (${labels})`);
  }
  const problems = new ProblemCollector();
  const headerRow = header.row + 1;
  for (const f of REQUIRED_FIELDS) {
    if (header.columns[f] === undefined) {
      problems.add(`Dòng ${headerRow}: thiếu cột "${TEMPLATE_HEADER[f]}" trong dòng tiêu đề`, headerRow);
    }
  }
  problems.throwIfAny();
  const col = header.columns as Record<Field, number> & { constraints?: number };
  const letter = (f: Field): string => columnLetter(col[f]);
  const at = (row: number, f: Field): string => `Dòng ${row}, cột ${letter(f)}`;
  const get = (r: number, f: Field): unknown => (col[f] === undefined ? '' : grid[r]?.[col[f]]);

  const meta = readMeta(grid, header.row, problems);

  const sectionTitles = new Map<string, { title?: string; row?: number }>();
  const titleless = new Map<string, number>();
  const noteSection = (ref: SectionRef, row: number): void => {
    if (ref.id === undefined) return;
    const known = sectionTitles.get(ref.id) ?? {};
    sectionTitles.set(ref.id, known);
    if (ref.title === undefined) {
      if (!titleless.has(ref.id)) titleless.set(ref.id, row);
    } else if (known.title === undefined) {
      known.title = ref.title;
      known.row = row;
    } else if (foldKey(known.title) !== foldKey(ref.title)) {
      problems.add(
        `${at(row, 'section')}: Nhóm ${ref.id} đã có tên "${known.title}" ở dòng ${known.row}, ở đây lại là "${ref.title}"`,
        row,
        letter('section'),
      );
    }
  };

  const pending: PendingIndicator[] = [];
  const ruleCells: RuleCell[] = [];
  const codeRows = new Map<string, number>();
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = r + 1;
    if (FIELDS.every((f) => isBlankCell(get(r, f)))) continue;
    const sectionCell = get(r, 'section');
    if (isBlankCell(get(r, 'code'))) {
      const onlySection = ['name', 'unit', 'kind', 'constraints'].every((f) => isBlankCell(get(r, f as Field)));
      const ref = parseSectionCell(sectionCell);
      if (onlySection && ref?.id !== undefined && ref.title !== undefined) {
        noteSection(ref, row);
      } else if (onlySection) {
        problems.add(`${at(row, 'section')}: dòng tên nhóm phải ghi dạng "1. Tên nhóm", đang là ${quote(sectionCell)}`, row, letter('section'));
      } else {
        problems.add(`${at(row, 'code')}: thiếu Mã số`, row, letter('code'));
      }
      continue;
    }

    const before = problems.count;
    const codeCell = get(r, 'code');
    const code = parseCode(codeCell);
    if (code === undefined) {
      problems.add(`${at(row, 'code')}: Mã số phải là số từ 01 đến 99, đang là ${quote(codeCell)}`, row, letter('code'));
    } else if (codeRows.has(code)) {
      problems.add(`${at(row, 'code')}: Mã số ${code} trùng với dòng ${codeRows.get(code)}`, row, letter('code'));
    } else {
      codeRows.set(code, row);
    }

    const ref = parseSectionCell(sectionCell);
    if (ref === undefined) {
      const msg = isBlankCell(sectionCell)
        ? 'thiếu Nhóm (ghi số thứ tự nhóm, ví dụ "1", hoặc "1. Tên nhóm")'
        : `Nhóm phải là số thứ tự nhóm (ví dụ "1") hoặc "1. Tên nhóm", đang là ${quote(sectionCell)}`;
      problems.add(`${at(row, 'section')}: ${msg}`, row, letter('section'));
    } else {
      noteSection(ref, row);
    }

    const name = cellText(get(r, 'name'));
    if (name === '') problems.add(`${at(row, 'name')}: thiếu tên Chỉ tiêu`, row, letter('name'));
    const unit = cellText(get(r, 'unit'));
    if (unit === '') problems.add(`${at(row, 'unit')}: thiếu Đơn vị tính`, row, letter('unit'));
    const kindCell = get(r, 'kind');
    const kind = parseKind(kindCell);
    if (kind === undefined) {
      const msg = isBlankCell(kindCell)
        ? 'thiếu Kiểu: ghi I (số nguyên) hoặc D (số thập phân)'
        : `Kiểu phải là I (số nguyên) hoặc D (số thập phân), đang là ${quote(kindCell)}`;
      problems.add(`${at(row, 'kind')}: ${msg}`, row, letter('kind'));
    }

    const constraintsCell = get(r, 'constraints');
    if (code !== undefined && !isBlankCell(constraintsCell)) {
      const column = letter('constraints');
      ruleCells.push({
        code,
        text: typeof constraintsCell === 'string' ? constraintsCell : cellText(constraintsCell),
        report: (message) => problems.add(`Dòng ${row}, cột ${column}: ${message}`, row, column),
      });
    }

    if (problems.count === before && code !== undefined && ref !== undefined && kind !== undefined) {
      pending.push({ row, ref, indicator: { code, name, unit, kind } });
    }
  }

  const sections: Section[] = [];
  for (const [id, info] of sectionTitles) {
    if (info.title !== undefined) sections.push({ id, title: info.title });
  }
  for (const [id, row] of titleless) {
    if (sectionTitles.get(id)?.title === undefined) {
      problems.add(
        `${at(row, 'section')}: Nhóm ${id} chưa có tên; ghi "${id}. Tên nhóm" ở dòng đầu tiên của nhóm`,
        row,
        letter('section'),
      );
    }
  }

  const indicators: Indicator[] = [];
  for (const p of pending) {
    let sectionId = p.ref.id;
    if (sectionId === undefined) {
      const wanted = foldKey(p.ref.title ?? '');
      sectionId = sections.find((s) => foldKey(s.title) === wanted)?.id;
      if (sectionId === undefined) {
        problems.add(
          `${at(p.row, 'section')}: không rõ Nhóm "${p.ref.title}"; ghi số thứ tự nhóm (ví dụ "1") hoặc "1. Tên nhóm"`,
          p.row,
          letter('section'),
        );
        continue;
      }
    }
    indicators.push({ code: p.indicator.code, sectionId, name: p.indicator.name, unit: p.indicator.unit, kind: p.indicator.kind });
  }
  if (codeRows.size === 0) {
    problems.add(`Bảng chỉ tiêu không có chỉ tiêu nào dưới dòng tiêu đề (dòng ${headerRow})`, headerRow);
  }

  const rules = collectRules(ruleCells, new Set(codeRows.keys()));
  problems.sortByRow();
  problems.throwIfAny();
  return { id: meta.id, version: meta.version, name: meta.name, sections, indicators, rules };
}

/** The "Mã mẫu" / "Phiên bản" / "Tên mẫu" rows above the header: label, then the value in a later cell. */
function readMeta(grid: unknown[][], headerIndex: number, problems: ProblemCollector): Record<MetaKey, string> {
  const found: Partial<Record<MetaKey, string>> = {};
  for (let r = 0; r < headerIndex; r++) {
    const cells = grid[r] ?? [];
    const labelCol = cells.findIndex((v) => !isBlankCell(v));
    if (labelCol < 0) continue;
    const key = META_KEYS.find((k) => foldKey(META_LABELS[k]) === foldKey(cellText(cells[labelCol])));
    if (key === undefined || found[key] !== undefined) continue;
    const valueCol = cells.findIndex((v, c) => c > labelCol && !isBlankCell(v));
    if (valueCol < 0) {
      const column = columnLetter(labelCol + 1);
      problems.add(`Dòng ${r + 1}, cột ${column}: thiếu giá trị của "${META_LABELS[key]}"`, r + 1, column);
      found[key] = '';
      continue;
    }
    found[key] = cellText(cells[valueCol]);
  }
  for (const key of META_KEYS) {
    if (found[key] === undefined) {
      problems.add(
        `Thiếu dòng "${META_LABELS[key]}" phía trên dòng tiêu đề (dòng ${headerIndex + 1}): cột A ghi "${META_LABELS[key]}", cột B ghi giá trị`,
      );
    }
  }
  return { id: found.id ?? '', version: found.version ?? '', name: found.name ?? '' };
}

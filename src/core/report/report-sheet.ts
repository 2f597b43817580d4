/**
 * The "Mẫu báo cáo" sheet: the report template as staff edit it in Excel, one paragraph a row.
 *
 *   A                       B
 *   Mã mẫu                  ccb-bchqs-6thang-bao-cao
 *   Phiên bản               1
 *   Tên mẫu                 Báo cáo kết quả phối hợp hoạt động …
 *   (blank)
 *   Thiết lập               Giá trị
 *   Cơ quan chủ quản        HỘI CCB VIỆT NAM
 *   Cơ quan ban hành        HỘI CCB TỈNH QUẢNG NAM
 *   Số, ký hiệu             …/BC-CCB
 *   Địa danh                Quảng Nam
 *   Ngày ban hành           (blank, or 2024-07-05)
 *   Trích yếu               Kết quả phối hợp hoạt động … {kỳ báo cáo}
 *   Thẩm quyền ký           TM. BAN THƯỜNG VỤ
 *   Chức vụ người ký        CHỦ TỊCH
 *   Họ tên người ký         (blank)
 *   Nơi nhận                - Phòng Chính trị, …      (one row per line)
 *   Câu khi thiếu đơn vị    Số liệu tổng hợp từ …
 *   (blank)
 *   Kiểu                    Nội dung
 *   Đoạn văn                Thực hiện Quy chế …
 *   Đề mục 1                I. KẾT QUẢ THỰC HIỆN CÔNG TÁC PHỐI HỢP {kỳ báo cáo|chữ hoa}
 *   Gạch đầu dòng           Chủ trì {02|2 chữ số} cuộc giám sát …
 *
 * Everything above the "Kiểu | Nội dung" header is a label with its value in the next cell; labels
 * match without diacritics. Blank rows are skipped; a paragraph row with a blank "Kiểu" is a
 * "Đoạn văn". The fields in each text are checked, and every problem names its row.
 */
import { columnLetter } from '../grid/address';
import { cleanText } from '../template/load-json';
import type { Template } from '../template/model';
import { ProblemCollector, TemplateError } from '../template/template-error';
import { foldKey } from '../text/normalize';
import type { BlockStyle, ReportSettings } from './model';
import {
  bulletText, compileTexts, isIsoDate, REQUIRED_SETTINGS, SETTING_KEYS, SETTING_LABELS,
  type ReportParagraph, type ReportTemplate, type SettingKey, type TextLocator,
} from './report-template';

export const REPORT_SHEET_NAME = 'Mẫu báo cáo';

export const STYLE_LABELS: Record<BlockStyle, string> = {
  heading1: 'Đề mục 1',
  heading2: 'Đề mục 2',
  heading3: 'Đề mục 3',
  body: 'Đoạn văn',
  bullet: 'Gạch đầu dòng',
};

/** Folded spellings accepted in the "Kiểu" column. */
const STYLE_ALIASES: Record<BlockStyle, string[]> = {
  heading1: ['de muc 1', 'tieu de 1', 'muc 1', 'heading1', 'heading 1'],
  heading2: ['de muc 2', 'tieu de 2', 'muc 2', 'heading2', 'heading 2'],
  heading3: ['de muc 3', 'tieu de 3', 'muc 3', 'heading3', 'heading 3'],
  body: ['doan van', 'doan', 'van ban', 'body'],
  bullet: ['gach dau dong', 'gach dau', 'gach', 'bullet'],
};

type MetaKey = 'id' | 'version' | 'name';
const META_LABELS: Record<MetaKey, string> = { id: 'Mã mẫu', version: 'Phiên bản', name: 'Tên mẫu' };
const META_KEYS: MetaKey[] = ['id', 'version', 'name'];

const SETTINGS_HEADER = ['Thiết lập', 'Giá trị'];
const RECIPIENTS_LABEL = 'Nơi nhận';
const COVERAGE_LABEL = 'Câu khi thiếu đơn vị';
export const REPORT_HEADER = ['Kiểu', 'Nội dung'];

const STYLE_HEADER_ALIASES = ['kieu', 'kieu doan', 'loai'];
const TEXT_HEADER_ALIASES = ['noi dung', 'van ban', 'noi dung doan'];

/** Settings that may be left out of the sheet (they are blank by default). */
const OPTIONAL_ROWS: ReadonlySet<SettingKey> = new Set(['date', 'signerName']);

type Label = { kind: 'meta'; key: MetaKey } | { kind: 'setting'; key: SettingKey } | { kind: 'recipient' } | { kind: 'coverage' } | { kind: 'header' };

const LABELS = new Map<string, Label>([
  ...META_KEYS.map((key) => [foldKey(META_LABELS[key]), { kind: 'meta', key }] as [string, Label]),
  ...SETTING_KEYS.map((key) => [foldKey(SETTING_LABELS[key]), { kind: 'setting', key }] as [string, Label]),
  // Short spellings staff are likely to type.
  [foldKey('Số'), { kind: 'setting', key: 'number' }],
  [foldKey('Số ký hiệu'), { kind: 'setting', key: 'number' }],
  [foldKey('Ngày'), { kind: 'setting', key: 'date' }],
  [foldKey('Người ký'), { kind: 'setting', key: 'signerName' }],
  [foldKey(RECIPIENTS_LABEL), { kind: 'recipient' }],
  [foldKey(COVERAGE_LABEL), { kind: 'coverage' }],
  [foldKey(SETTINGS_HEADER[0]), { kind: 'header' }],
]);

/** The sheet's cells, anchored at A1; every cell is text. */
export function reportTemplateToGrid(t: ReportTemplate): string[][] {
  const rows: string[][] = [
    ...META_KEYS.map((key) => [META_LABELS[key], t[key]]),
    ['', ''],
    [...SETTINGS_HEADER],
    ...SETTING_KEYS.map((key) => [SETTING_LABELS[key], t.settings[key]]),
    ...t.settings.recipients.map((r) => [RECIPIENTS_LABEL, r]),
    [COVERAGE_LABEL, t.coverage],
    ['', ''],
    [...REPORT_HEADER],
    ...t.paragraphs.map((p) => [STYLE_LABELS[p.style], p.text]),
  ];
  return rows;
}

function cellText(v: unknown): string {
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return '';
}

/** An Excel date serial (1900 system) → "YYYY-MM-DD". */
function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2024-07-05", "5/7/2024" or an Excel date; undefined when it is none of these. */
function readDate(v: unknown): string | undefined {
  if (typeof v === 'number') return serialToIso(v);
  const s = cellText(v);
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

function styleOf(v: unknown): BlockStyle | undefined {
  if (typeof v === 'string' && /^\s*[-–•]\s*$/.test(v)) return 'bullet';
  const key = foldKey(cellText(v));
  if (key === '') return 'body';
  return (Object.keys(STYLE_ALIASES) as BlockStyle[]).find((s) => STYLE_ALIASES[s].includes(key));
}

function findHeader(grid: unknown[][]): { row: number; style: number; text: number } | undefined {
  for (let r = 0; r < grid.length; r++) {
    const keys = (grid[r] ?? []).map((v) => foldKey(cellText(v)));
    const style = keys.findIndex((k) => STYLE_HEADER_ALIASES.includes(k));
    const text = keys.findIndex((k) => TEXT_HEADER_ALIASES.includes(k));
    if (style >= 0 && text >= 0 && style !== text) return { row: r, style, text };
  }
  return undefined;
}

/**
 * Reads the "Mẫu báo cáo" sheet (cells anchored at A1). With `indicators`, every field's codes
 * must be in that indicator template. Throws TemplateError listing every broken row.
 */
export function reportTemplateFromGrid(grid: unknown[][], indicators?: Template): ReportTemplate {
  const header = findHeader(grid);
  if (!header) {
    throw new TemplateError(`Không tìm thấy dòng tiêu đề của mẫu báo cáo (${REPORT_HEADER.join(' | ')})`);
  }
  const problems = new ProblemCollector();
  const meta: Partial<Record<MetaKey, string>> = {};
  const settings: Partial<Record<SettingKey, string>> = {};
  const places = new Map<string, { row: number; column: string }>();
  const recipients: string[] = [];
  const recipientPlaces: { row: number; column: string }[] = [];
  let coverage: string | undefined;
  const seen = new Map<string, number>();

  for (let r = 0; r < header.row; r++) {
    const cells = grid[r] ?? [];
    const labelCol = cells.findIndex((v) => cellText(v) !== '');
    if (labelCol < 0) continue;
    const row = r + 1;
    const labelText = cellText(cells[labelCol]);
    const label = LABELS.get(foldKey(labelText));
    const valueCell = cells[labelCol + 1];
    const column = columnLetter(labelCol + 1);
    if (!label) {
      const known = [...META_KEYS.map((k) => META_LABELS[k]), ...SETTING_KEYS.map((k) => SETTING_LABELS[k]), RECIPIENTS_LABEL, COVERAGE_LABEL];
      problems.add(`Dòng ${row}, cột ${columnLetter(labelCol)}: không rõ thiết lập "${labelText}"; dùng một trong: ${known.join(', ')}`, row, columnLetter(labelCol));
      continue;
    }
    if (label.kind === 'header') continue;
    if (label.kind === 'recipient') {
      const text = cellText(valueCell);
      if (text !== '') {
        recipients.push(text);
        recipientPlaces.push({ row, column });
      }
      continue;
    }
    const id = label.kind === 'coverage' ? 'coverage' : `${label.kind}:${label.key}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.add(`Dòng ${row}, cột ${columnLetter(labelCol)}: "${labelText}" trùng với dòng ${earlier}`, row, columnLetter(labelCol));
      continue;
    }
    seen.set(id, row);
    places.set(id, { row, column });
    if (label.kind === 'meta') {
      meta[label.key] = cellText(valueCell);
      if (meta[label.key] === '') problems.add(`Dòng ${row}, cột ${column}: thiếu giá trị của "${META_LABELS[label.key]}"`, row, column);
    } else if (label.kind === 'coverage') {
      coverage = cellText(valueCell);
      if (coverage === '') problems.add(`Dòng ${row}, cột ${column}: thiếu "${COVERAGE_LABEL}"`, row, column);
    } else if (label.key === 'date') {
      const date = readDate(valueCell);
      if (date === undefined) {
        problems.add(`Dòng ${row}, cột ${column}: ngày ban hành "${cellText(valueCell)}" không hợp lệ; ghi dạng 2024-07-05 hoặc 05/07/2024, hoặc để trống`, row, column);
        settings.date = '';
      } else {
        settings.date = date;
      }
    } else {
      settings[label.key] = cellText(valueCell);
      if (REQUIRED_SETTINGS.has(label.key) && settings[label.key] === '') {
        problems.add(`Dòng ${row}, cột ${column}: thiếu "${SETTING_LABELS[label.key]}"`, row, column);
      }
    }
  }
  const headerRow = header.row + 1;
  for (const key of META_KEYS) {
    if (meta[key] === undefined) {
      problems.add(`Thiếu dòng "${META_LABELS[key]}" phía trên dòng tiêu đề (dòng ${headerRow}): cột A ghi "${META_LABELS[key]}", cột B ghi giá trị`);
    }
  }
  for (const key of SETTING_KEYS) {
    if (settings[key] === undefined && !OPTIONAL_ROWS.has(key)) {
      problems.add(`Thiếu dòng "${SETTING_LABELS[key]}" phía trên dòng tiêu đề (dòng ${headerRow}): cột A ghi "${SETTING_LABELS[key]}", cột B ghi giá trị`);
    }
  }
  if (coverage === undefined) {
    problems.add(`Thiếu dòng "${COVERAGE_LABEL}" phía trên dòng tiêu đề (dòng ${headerRow})`);
  }

  const styleColumn = columnLetter(header.style);
  const textColumn = columnLetter(header.text);
  const paragraphs: ReportParagraph[] = [];
  const paragraphRows: number[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = r + 1;
    const styleCell = grid[r]?.[header.style];
    const text = cellText(grid[r]?.[header.text]);
    if (text === '' && cellText(styleCell) === '') continue;
    const style = styleOf(styleCell);
    if (style === undefined) {
      const names = (Object.keys(STYLE_LABELS) as BlockStyle[]).map((s) => STYLE_LABELS[s]).join(', ');
      problems.add(`Dòng ${row}, cột ${styleColumn}: kiểu "${cellText(styleCell)}" không có; dùng một trong: ${names}`, row, styleColumn);
      continue;
    }
    if (text === '') {
      problems.add(`Dòng ${row}, cột ${textColumn}: thiếu Nội dung của đoạn`, row, textColumn);
      continue;
    }
    paragraphs.push({ style, text: style === 'bullet' ? bulletText(text) : text });
    paragraphRows.push(row);
  }
  if (paragraphs.length === 0 && problems.count === 0) {
    problems.add(`Mẫu báo cáo không có đoạn nào dưới dòng tiêu đề (dòng ${headerRow})`, headerRow);
  }

  const fullSettings = {} as ReportSettings;
  for (const key of SETTING_KEYS) fullSettings[key] = settings[key] ?? '';
  fullSettings.recipients = recipients;
  const t: ReportTemplate = {
    id: meta.id ?? '',
    version: meta.version ?? '',
    name: meta.name ?? '',
    settings: fullSettings,
    coverage: coverage ?? '',
    paragraphs,
  };

  const at = (place: { row: number; column: string } | undefined, fallback: string) =>
    place ? { label: `Dòng ${place.row}, cột ${place.column}`, row: place.row, column: place.column } : { label: fallback };
  const locator: TextLocator = {
    paragraph: (i) => at({ row: paragraphRows[i], column: textColumn }, `Đoạn ${i + 1}`),
    setting: (key) => at(places.get(`setting:${key}`), `Thiết lập "${SETTING_LABELS[key]}"`),
    recipient: (i) => at(recipientPlaces[i], `${RECIPIENTS_LABEL}, dòng ${i + 1}`),
    coverage: () => at(places.get('coverage'), COVERAGE_LABEL),
  };
  const codes = indicators ? new Set(indicators.indicators.map((i) => i.code)) : undefined;
  compileTexts(t, codes, locator, problems);
  problems.sortByRow();
  problems.throwIfAny();
  return t;
}

/**
 * The report template: the paragraphs of the report as text in the report template language
 * (text-template.ts), the issuing settings, and the sentence said when not every unit is counted.
 * As JSON data (schema check on load, and the inverse):
 *
 *   {
 *     "id": "…", "version": "1", "name": "…",
 *     "settings": { "governingBody", "issuingBody", "number", "place", "date", "summary",
 *                   "signerAuthority", "signerTitle", "signerName", "recipients": ["- …"] },
 *     "coverage": "Số liệu tổng hợp từ {số đơn vị đã tổng hợp}/{tổng số đơn vị} đơn vị; {đơn vị chưa tổng hợp}.",
 *     "paragraphs": [ { "style": "heading1" | "heading2" | "heading3" | "body" | "bullet", "text": "…" } ]
 *   }
 *
 * Every text (settings included) may hold fields. A bullet's text is written without its "- ",
 * which the draft adds. Keys starting with "$" or "_" are free for comments.
 */
import { cleanText } from '../template/load-json';
import type { Template } from '../template/model';
import { ProblemCollector, TemplateError } from '../template/template-error';
import type { BlockStyle, ReportSettings } from './model';
import { parseReportText, type Segment } from './text-template';

export interface ReportParagraph {
  style: BlockStyle;
  /** Report template language; a bullet's text without its leading "- ". */
  text: string;
}

export interface ReportTemplate {
  id: string;
  version: string;
  name: string;
  /** Text fields may hold template fields ("Kết quả … {kỳ báo cáo}"). */
  settings: ReportSettings;
  /** Said right before section I when not every expected unit is in the total. */
  coverage: string;
  paragraphs: ReportParagraph[];
}

/** The JSON shape is the model itself. */
export type ReportTemplateJson = ReportTemplate;

export const BLOCK_STYLES: readonly BlockStyle[] = ['heading1', 'heading2', 'heading3', 'body', 'bullet'];

export type SettingKey = Exclude<keyof ReportSettings, 'recipients'>;

/** Text settings in the order of the JSON file and the sheet. */
export const SETTING_KEYS: readonly SettingKey[] = [
  'governingBody',
  'issuingBody',
  'number',
  'place',
  'date',
  'summary',
  'signerAuthority',
  'signerTitle',
  'signerName',
];

/** Settings that must not be blank; the others may be "" (a blank date prints "ngày … tháng … năm …"). */
export const REQUIRED_SETTINGS: ReadonlySet<SettingKey> = new Set(['issuingBody', 'summary', 'signerTitle']);

const TOP_KEYS = ['id', 'version', 'name', 'settings', 'coverage', 'paragraphs'];
const SETTINGS_KEYS = [...SETTING_KEYS, 'recipients'];
const PARAGRAPH_KEYS = ['style', 'text'];

/** A bullet's own "- " is dropped: the draft adds it. */
export function bulletText(text: string): string {
  return text.replace(/^[-–•+]\s+/, '');
}

/** "" or a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (s === '') return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Vietnamese names of the settings (sheet labels, messages). */
export const SETTING_LABELS: Record<SettingKey, string> = {
  governingBody: 'Cơ quan chủ quản',
  issuingBody: 'Cơ quan ban hành',
  number: 'Số, ký hiệu',
  place: 'Địa danh',
  date: 'Ngày ban hành',
  summary: 'Trích yếu',
  signerAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
};

/** Where a text sits, for messages: JSON path or sheet cell. */
export interface TextPlace {
  label: string;
  row?: number;
  column?: string;
}

export interface TextLocator {
  paragraph(index: number): TextPlace;
  setting(key: SettingKey): TextPlace;
  recipient(index: number): TextPlace;
  coverage(): TextPlace;
}

/** The template with every text parsed. */
export interface CompiledReportTemplate {
  paragraphs: { style: BlockStyle; segments: Segment[] }[];
  settings: Record<SettingKey, Segment[]>;
  recipients: Segment[][];
  coverage: Segment[];
}

/** Paragraph numbers as staff count them. */
export const PLAIN_LOCATOR: TextLocator = {
  paragraph: (i) => ({ label: `Đoạn ${i + 1}` }),
  setting: (key) => ({ label: `Thiết lập "${SETTING_LABELS[key]}"` }),
  recipient: (i) => ({ label: `Nơi nhận, dòng ${i + 1}` }),
  coverage: () => ({ label: 'Câu khi thiếu đơn vị' }),
};

/**
 * Parses every text against the indicator codes (when given), collecting the problems so staff
 * see all of them at once.
 */
export function compileTexts(
  t: ReportTemplate,
  knownCodes: ReadonlySet<string> | undefined,
  locate: TextLocator,
  problems: ProblemCollector,
): CompiledReportTemplate {
  const parse = (text: string, place: TextPlace): Segment[] => {
    try {
      return parseReportText(text, knownCodes);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      problems.add(`${place.label}: ${e.message}`, place.row, place.column);
      return [];
    }
  };
  const settings = {} as Record<SettingKey, Segment[]>;
  for (const key of SETTING_KEYS) settings[key] = parse(t.settings[key], locate.setting(key));
  return {
    paragraphs: t.paragraphs.map((p, i) => ({ style: p.style, segments: parse(p.text, locate.paragraph(i)) })),
    settings,
    recipients: t.settings.recipients.map((r, i) => parse(r, locate.recipient(i))),
    coverage: parse(t.coverage, locate.coverage()),
  };
}

/** Parses the template against an indicator template; throws TemplateError naming each paragraph at fault. */
export function compileReportTemplate(t: ReportTemplate, indicators?: Template, locate: TextLocator = PLAIN_LOCATOR): CompiledReportTemplate {
  const problems = new ProblemCollector();
  const codes = indicators ? new Set(indicators.indicators.map((i) => i.code)) : undefined;
  const compiled = compileTexts(t, codes, locate, problems);
  problems.throwIfAny();
  return compiled;
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, problems: ProblemCollector): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key) || key.startsWith('$') || key.startsWith('_')) continue;
    const where = path === '' ? key : `${path}.${key}`;
    problems.add(`${where}: trường không được hỗ trợ (các trường hợp lệ: ${allowed.join(', ')})`);
  }
}

function readText(obj: Record<string, unknown>, key: string, path: string, required: boolean, problems: ProblemCollector): string {
  const where = path === '' ? key : `${path}.${key}`;
  const v = obj[key];
  if (typeof v !== 'string') {
    problems.add(`${where}: phải là chuỗi${required ? ' khác rỗng' : ' (có thể rỗng "")'}`);
    return '';
  }
  const text = cleanText(v);
  if (required && text === '') problems.add(`${where}: phải là chuỗi khác rỗng`);
  return text;
}

const JSON_LOCATOR: TextLocator = {
  paragraph: (i) => ({ label: `paragraphs[${i}] (đoạn ${i + 1})` }),
  setting: (key) => ({ label: `settings.${key}` }),
  recipient: (i) => ({ label: `settings.recipients[${i}]` }),
  coverage: () => ({ label: 'coverage' }),
};

function readSettings(data: unknown, problems: ProblemCollector): ReportSettings {
  const settings = {} as ReportSettings;
  for (const key of SETTING_KEYS) settings[key] = '';
  settings.recipients = [];
  if (!isRecord(data)) {
    problems.add(`settings: phải là đối tượng { ${SETTINGS_KEYS.join(', ')} }`);
    return settings;
  }
  checkKeys(data, SETTINGS_KEYS, 'settings', problems);
  for (const key of SETTING_KEYS) settings[key] = readText(data, key, 'settings', REQUIRED_SETTINGS.has(key), problems);
  if (!isIsoDate(settings.date)) {
    problems.add(`settings.date: ngày "${settings.date}" phải ghi dạng năm-tháng-ngày (ví dụ "2024-07-05") hoặc để rỗng ""`);
  }
  const recipients = data.recipients;
  if (!Array.isArray(recipients)) {
    problems.add('settings.recipients: phải là danh sách (mảng) các dòng "Nơi nhận"');
  } else {
    recipients.forEach((r, i) => {
      if (typeof r !== 'string' || cleanText(r) === '') problems.add(`settings.recipients[${i}]: phải là chuỗi khác rỗng`);
      else settings.recipients.push(cleanText(r));
    });
  }
  return settings;
}

function readParagraphs(data: unknown, problems: ProblemCollector): ReportParagraph[] {
  if (!Array.isArray(data) || data.length === 0) {
    problems.add('paragraphs: phải là danh sách (mảng) khác rỗng các đoạn { "style", "text" }');
    return [];
  }
  const paragraphs: ReportParagraph[] = [];
  data.forEach((item: unknown, i) => {
    const path = `paragraphs[${i}]`;
    if (!isRecord(item)) {
      problems.add(`${path} (đoạn ${i + 1}): phải là đối tượng { "style", "text" }`);
      return;
    }
    checkKeys(item, PARAGRAPH_KEYS, path, problems);
    const style = item.style;
    if (typeof style !== 'string' || !(BLOCK_STYLES as readonly string[]).includes(style)) {
      problems.add(`${path}.style (đoạn ${i + 1}): phải là một trong ${BLOCK_STYLES.join(', ')}`);
      return;
    }
    const text = readText(item, 'text', path, true, problems);
    paragraphs.push({ style: style as BlockStyle, text: style === 'bullet' ? bulletText(text) : text });
  });
  return paragraphs;
}

/**
 * Reads and checks a report template given as JSON data. With `indicators`, every field's codes
 * must be in that indicator template. Throws TemplateError listing every problem.
 */
export function reportTemplateFromJson(data: unknown, indicators?: Template): ReportTemplate {
  if (!isRecord(data)) throw new TemplateError('Mẫu báo cáo (JSON) phải là một đối tượng');
  const problems = new ProblemCollector();
  checkKeys(data, TOP_KEYS, '', problems);
  const t: ReportTemplate = {
    id: readText(data, 'id', '', true, problems),
    version: readText(data, 'version', '', true, problems),
    name: readText(data, 'name', '', true, problems),
    settings: readSettings(data.settings, problems),
    coverage: readText(data, 'coverage', '', true, problems),
    paragraphs: readParagraphs(data.paragraphs, problems),
  };
  const codes = indicators ? new Set(indicators.indicators.map((i) => i.code)) : undefined;
  compileTexts(t, codes, JSON_LOCATOR, problems);
  problems.throwIfAny();
  return t;
}

/** The inverse of reportTemplateFromJson (a deep copy). */
export function reportTemplateToJson(t: ReportTemplate): ReportTemplateJson {
  return {
    id: t.id,
    version: t.version,
    name: t.name,
    settings: { ...t.settings, recipients: [...t.settings.recipients] },
    coverage: t.coverage,
    paragraphs: t.paragraphs.map((p) => ({ style: p.style, text: p.text })),
  };
}

/** Turn one "Số liệu" cell (value + formula, as Excel's Range.values gives them) into a number or a finding. */
import type { CellValue } from '../grid/sheet';
import type { Indicator, Severity } from '../template/model';
import { formatNumber } from '../text/number-format';
import { parseVietnameseNumber, type ParseNote } from '../text/number-parse';

const ERROR_VALUE = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|CONNECT!|BLOCKED!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

export interface CellProblem {
  severity: Severity;
  rule: string;
  message: string;
}

/** Shared by every clean cell; never mutated (problems are added by building new arrays). */
const NO_PROBLEMS: readonly CellProblem[] = [];

export interface CellReading {
  /** Undefined when the cell cannot be used. */
  value?: number;
  /** True when the cell is empty or holds a "nothing arose" marker ("-", "x"): counted as 0. */
  blank: boolean;
  problems: readonly CellProblem[];
}

const NOTE_TEXT: Record<ParseNote, string> = {
  approximate: 'có từ ước lượng',
  'ambiguous-comma': 'dấu phân cách dễ nhầm',
  scaled: 'đã quy đổi đơn vị',
  'extra-text': 'bỏ phần chữ đi kèm',
};

function quote(v: CellValue): string {
  return `"${String(v)}"`;
}

export function readValueCell(raw: CellValue, formula: string | undefined, ind: Indicator): CellReading {
  const hasFormula = !!formula && formula.startsWith('=');
  if (typeof raw === 'string' && ERROR_VALUE.test(raw.trim())) {
    return {
      blank: false,
      problems: [{
        severity: 'error',
        rule: 'formula-error',
        message: hasFormula
          ? `Công thức ${formula} cho kết quả lỗi ${raw.trim()}; cần sửa công thức hoặc nhập số.`
          : `Ô chứa giá trị lỗi ${raw.trim()}; cần nhập số.`,
      }],
    };
  }
  if (hasFormula && (raw === '' || raw === null || raw === undefined)) {
    return {
      blank: false,
      problems: [{
        severity: 'error',
        rule: 'formula-no-result',
        message: `Ô có công thức ${formula} nhưng chưa có kết quả tính; mở tệp trong Excel, tính lại và lưu.`,
      }],
    };
  }
  if (typeof raw === 'boolean') {
    return { blank: false, problems: [{ severity: 'error', rule: 'not-a-number', message: `Ô chứa ${raw ? 'TRUE' : 'FALSE'}, không phải số.` }] };
  }
  if (typeof raw === 'number') return checkNumber(raw, ind, NO_PROBLEMS);
  const text = String(raw ?? '');
  const parsed = parseVietnameseNumber(text, ind.kind, ind.unit);
  if (parsed.status === 'blank') return { value: 0, blank: true, problems: NO_PROBLEMS };
  if (parsed.status === 'invalid') {
    return { blank: false, problems: [{ severity: 'error', rule: 'not-a-number', message: `Ô ghi chữ ${quote(text)}, không đọc được số.` }] };
  }
  const notes = parsed.notes.map((n) => NOTE_TEXT[n]);
  const detail = notes.length ? ` (${notes.join(', ')})` : '';
  const textProblem: CellProblem = {
    severity: 'warning',
    rule: 'text-number',
    message: `Số được gõ dưới dạng chữ ${quote(text)}; đã đọc là ${formatNumber(parsed.value, 4)}${detail}. Kiểm tra lại và nhập dạng số.`,
  };
  return checkNumber(parsed.value, ind, [textProblem]);
}

/** Float noise from other tools ("30.299999999999997") is not a fraction. */
function tidy(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

/** The common case, without building a CellReading: a numeric cell that needs no finding. */
export function cleanNumber(raw: CellValue, ind: Indicator): number | undefined {
  if (typeof raw !== 'number' || !(raw >= 0)) return undefined;
  const v = tidy(raw);
  return ind.kind === 'D' || Number.isInteger(v) ? v : undefined;
}

function checkNumber(value: number, ind: Indicator, problems: readonly CellProblem[]): CellReading {
  const v = tidy(value);
  if (v < 0) {
    return { blank: false, problems: [...problems, { severity: 'error', rule: 'negative', message: `Số âm ${formatNumber(v, 4)}: số liệu không thể âm.` }] };
  }
  if (ind.kind === 'I' && !Number.isInteger(v)) {
    return {
      blank: false,
      problems: [...problems, {
        severity: 'error',
        rule: 'fraction',
        message: `Số lẻ ${formatNumber(v, 4)} ở chỉ tiêu đếm bằng ${ind.unit}: phải là số nguyên (có thể đã gõ "${formatNumber(v * 1000, 0)}" với dấu chấm theo kiểu Anh).`,
      }],
    };
  }
  return { value: v, blank: false, problems };
}

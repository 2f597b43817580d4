/**
 * Shared formulas: Excel stores a filled-down formula once, on its first cell (`<f t="shared"
 * ref="E8:E40" si="0">SUM(C8:D8)</f>`), and the other cells only point at it (`<f t="shared"
 * si="0"/>`). What Range.formulas shows for such a cell is the first formula moved by the
 * cell's offset, as a copy would move it: relative references shift, `$`-anchored parts do not.
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN_ONLY = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_ONLY = /^(\$?)(\d+)$/;

/** Letters, digits, `_ . $ \` and any non-ASCII character (unquoted sheet or defined names). */
function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || code === 46 || code === 36 || code === 92 || // _ . $ \
    code > 127
  );
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** Moves one part of a reference; null when it would leave the sheet. */
function moveColumn(anchor: string, letters: string, dCol: number): string | null {
  if (anchor) return anchor + letters;
  const col = columnNumber(letters) + dCol;
  return col >= 1 && col <= MAX_COL ? columnLetters(col) : null;
}

function moveRow(anchor: string, digits: string, dRow: number): string | null {
  if (anchor) return anchor + digits;
  const row = Number(digits) + dRow;
  return row >= 1 && row <= MAX_ROW ? String(row) : null;
}

function moveCellRef(token: string, dRow: number, dCol: number): string | null | undefined {
  const m = CELL_REF.exec(token);
  if (!m) return undefined;
  if (columnNumber(m[2]) > MAX_COL || Number(m[4]) < 1 || Number(m[4]) > MAX_ROW) return undefined; // a name, not a cell
  const col = moveColumn(m[1], m[2], dCol);
  const row = moveRow(m[3], m[4], dRow);
  return col === null || row === null ? null : col + row;
}

/** End (exclusive) of a quoted run starting at `start` ("…" strings, '…' sheet names; the quote doubled escapes it). */
function quotedEnd(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

/** End (exclusive) of a bracketed run: structured references `Table1[[#This Row],[Col]]`, external book `[1]`. */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i + 1;
    else if (ch === "'" && formula[i + 1] !== undefined) i++; // ' escapes the next character inside brackets
  }
  return formula.length;
}

function nameEnd(formula: string, start: number): number {
  let j = start;
  while (j < formula.length && isNameChar(formula.charCodeAt(j))) j++;
  return j;
}

/**
 * The formula of a cell `dRow` rows and `dCol` columns away from the cell holding `formula`.
 * A1 cell references, column ranges (`A:C`) and row ranges (`3:5`) move; function names, sheet
 * names, defined names, strings and structured references stay. A reference pushed off the
 * sheet becomes `#REF!`, as in Excel.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (!isNameChar(formula.charCodeAt(i))) {
      out += ch;
      i++;
      continue;
    }
    const end = nameEnd(formula, i);
    const token = formula.slice(i, end);
    const next = formula[end];
    if (next === '(' || next === '!' || next === '[') {
      // a function, a sheet name or a table name
      out += token;
      i = end;
      continue;
    }
    const cell = moveCellRef(token, dRow, dCol);
    if (cell !== undefined) {
      out += cell ?? '#REF!';
      i = end;
      continue;
    }
    if (next === ':') {
      const end2 = nameEnd(formula, end + 1);
      const second = formula.slice(end + 1, end2);
      const c1 = COLUMN_ONLY.exec(token);
      const c2 = COLUMN_ONLY.exec(second);
      if (c1 && c2 && columnNumber(c1[2]) <= MAX_COL && columnNumber(c2[2]) <= MAX_COL) {
        const a = moveColumn(c1[1], c1[2], dCol);
        const b = moveColumn(c2[1], c2[2], dCol);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = end2;
        continue;
      }
      const r1 = ROW_ONLY.exec(token);
      const r2 = ROW_ONLY.exec(second);
      if (r1 && r2) {
        const a = moveRow(r1[1], r1[2], dRow);
        const b = moveRow(r2[1], r2[2], dRow);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = end2;
        continue;
      }
    }
    out += token;
    i = end;
  }
  return out;
}

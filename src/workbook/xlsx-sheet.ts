/**
 * One worksheet part (xl/worksheets/sheetN.xml) → SheetSnapshot, read-only and in one pass.
 *
 * What a cell gives (Office.js `Range.values` semantics, as ExcelJsWorkbook's snapshot):
 *   t="s"         the shared string (rich text joined)        t="str"   the text in <v>
 *   t="inlineStr" the text of <is> (rich text joined)         t="b"     true / false
 *   t="e"         the error text ("#REF!")                    t="d"     an ISO date → Excel serial number
 *   t="n" / none  the number (dates stay serial numbers: number formats are not read)
 *   a formula     its cached result (a cached 0 is 0; no cached value gives ""), and "=…" in `formulas`
 * A cell with neither a value nor a formula (only a style) is empty and does not widen the grid.
 * Merged ranges keep their top-left cell; the others read as empty.
 */
import type { CellValue, SheetSnapshot } from '../core/grid/sheet';
import { translateFormula } from './xlsx-formula';
import { readXml, unescapeXstring, xmlBoolean, type XmlAttributes, type XmlWalk } from './xlsx-xml';

export interface SheetContext {
  /** Shared strings by index, already plain text. */
  sharedStrings: readonly string[];
  /** The font name of a cell style (cellXfs index); index 0 for a cell without `s`. */
  fontOfStyle(style: number): string | undefined;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 date-time (t="d") as an Excel serial number, read as wall-clock time; the text itself if unreadable. */
function isoToSerial(text: string): CellValue {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return text;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7] ? Math.round(parseFloat(m[7]) * 1000) : 0);
  return (ms - EXCEL_EPOCH_MS) / 86_400_000;
}

/** A number as Excel wrote it; garbage (never written by Excel) stays text rather than becoming NaN. */
function toNumber(text: string): CellValue {
  const n = parseFloat(text);
  return Number.isNaN(n) ? text : n;
}

interface CellRef {
  /** 1-based; 0 when the reference has no column part. */
  col: number;
  /** 1-based; 0 when the reference has no row part. */
  row: number;
}

function parseCellRef(ref: string): CellRef {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 32; // lower case
    if (code < 97 || code > 122) {
      if (ref.charCodeAt(i) === 36) continue; // $
      break;
    }
    col = col * 26 + (code - 96);
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) row = row * 10 + (code - 48);
    else if (code !== 36) break;
  }
  return { col, row };
}

interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Zero-based inclusive bounds of "A1:C3" (or a single "B2"); null when unreadable. */
function parseRange(ref: string): Range | null {
  const [from, to = from] = ref.trim().split(':');
  const a = parseCellRef(from);
  const b = parseCellRef(to);
  if (!a.col || !a.row || !b.col || !b.row) return null;
  return {
    r1: Math.min(a.row, b.row) - 1,
    c1: Math.min(a.col, b.col) - 1,
    r2: Math.max(a.row, b.row) - 1,
    c2: Math.max(a.col, b.col) - 1,
  };
}

/** Which text the walk is collecting. */
const COLLECT_NONE = 0;
const COLLECT_FORMULA = 1;
const COLLECT_VALUE = 2;
const COLLECT_INLINE = 3;

interface SharedMaster {
  row: number;
  col: number;
  formula: string;
}

export function parseWorksheet(name: string, xml: string, ctx: SheetContext): SheetSnapshot {
  return readXml(xml, (walk) => parseWith(name, walk, ctx));
}

function parseWith(name: string, walk: XmlWalk, ctx: SheetContext): SheetSnapshot {
  // Sparse, zero-based; `values[r][c] !== undefined` marks a cell that holds something.
  const values: (CellValue | undefined)[][] = [];
  const formulas: (string | undefined)[][] = [];
  const fonts: (string | undefined)[][] = [];
  const hiddenCandidates: number[] = [];
  const merges: Range[] = [];
  const masters = new Map<string, SharedMaster>();

  let inSheetData = false;
  // Row state (1-based row number; a row without `r` follows the previous one).
  let rowNumber = 0;
  let rowFromAttribute = false;
  let rowHidden = false;
  // Cell state (1-based column; a cell without `r` follows the previous cell of its row).
  let inCell = false;
  let col = 0;
  let type: string | undefined;
  let style = 0;
  let collect = COLLECT_NONE;
  let formulaSeen = false;
  let formulaText = '';
  let sharedIndex: string | undefined;
  let isShared = false;
  let valueText = '';
  let inlineText = '';
  let inlineRuns = false;
  let phoneticDepth = 0;

  const store = (r: number, c: number, value: CellValue, formula: string | undefined): void => {
    (values[r] ??= [])[c] = value;
    if (formula !== undefined) (formulas[r] ??= [])[c] = formula;
    else if (formulas[r]?.[c] !== undefined) formulas[r][c] = undefined;
    const font = ctx.fontOfStyle(style);
    if (font !== undefined) (fonts[r] ??= [])[c] = font;
    else if (fonts[r]?.[c] !== undefined) fonts[r][c] = undefined;
  };

  const cellValue = (): CellValue | undefined => {
    switch (type) {
      case 's': {
        if (valueText === '') return undefined;
        return ctx.sharedStrings[parseInt(valueText, 10)] ?? '';
      }
      case 'inlineStr':
        return inlineText !== '' || inlineRuns ? unescapeXstring(inlineText) : undefined;
      default:
        break;
    }
    if (valueText === '') return undefined;
    switch (type) {
      case 'str':
        return valueText;
      case 'b':
        return valueText === 'true' || (valueText !== 'false' && parseFloat(valueText) !== 0);
      case 'e':
        return valueText;
      case 'd':
        return isoToSerial(valueText);
      default:
        return toNumber(valueText);
    }
  };

  const closeCell = (): void => {
    const r = rowNumber - 1;
    const c = col - 1;
    if (r < 0 || c < 0) return;
    const hasFormula = formulaSeen && (formulaText !== '' || isShared);
    if (hasFormula) {
      let text = formulaText;
      if (isShared && sharedIndex !== undefined) {
        if (text !== '') masters.set(sharedIndex, { row: r, col: c, formula: text });
        else {
          // A cell of a shared formula: the first cell's formula moved here. Without that first
          // cell (a broken file) the cell keeps its cached value and reads as no formula.
          const master = masters.get(sharedIndex);
          if (master) text = translateFormula(master.formula, r - master.row, c - master.col);
        }
      }
      // A formula's cached result: the type says how to read <v>; none (or an empty <v>) reads as "".
      let result: CellValue = '';
      if (valueText !== '') {
        if (type === 'str' || type === 'e') result = valueText;
        else if (type === 'b') result = cellValue() as boolean;
        else result = toNumber(valueText);
      }
      store(r, c, result, text === '' ? undefined : `=${text}`);
      return;
    }
    const v = cellValue();
    if (v !== undefined) store(r, c, v, undefined);
  };

  walk({
    open(tag: string, a: XmlAttributes) {
      if (!inSheetData) {
        if (tag === 'sheetData') inSheetData = true;
        else if (tag === 'mergeCell' && a.ref) {
          const range = parseRange(a.ref);
          if (range) merges.push(range);
        }
        return;
      }
      if (inCell) {
        switch (tag) {
          case 'v':
            collect = COLLECT_VALUE;
            return;
          case 'f':
            collect = COLLECT_FORMULA;
            formulaSeen = true;
            isShared = a.t === 'shared';
            sharedIndex = a.si;
            return;
          case 'rPh':
            phoneticDepth++;
            return;
          case 'r':
            inlineRuns = true;
            return;
          case 't':
            if (phoneticDepth === 0) collect = COLLECT_INLINE;
            return;
          default:
            return;
        }
      }
      if (tag === 'c') {
        inCell = true;
        const ref = a.r;
        if (ref) {
          const parsed = parseCellRef(ref);
          col = parsed.col || col + 1;
          // A row without `r` takes its number from its first addressed cell.
          if (!rowFromAttribute && parsed.row) {
            rowNumber = parsed.row;
            rowFromAttribute = true;
          }
        } else col += 1;
        type = a.t;
        style = a.s ? parseInt(a.s, 10) || 0 : 0;
        collect = COLLECT_NONE;
        formulaSeen = false;
        formulaText = '';
        isShared = false;
        sharedIndex = undefined;
        valueText = '';
        inlineText = '';
        inlineRuns = false;
        phoneticDepth = 0;
      } else if (tag === 'row') {
        const r = a.r ? parseInt(a.r, 10) : NaN;
        rowFromAttribute = r > 0;
        rowNumber = rowFromAttribute ? r : rowNumber + 1;
        rowHidden = xmlBoolean(a.hidden);
        col = 0;
      }
    },
    close(tag: string) {
      if (!inSheetData) return;
      if (inCell) {
        switch (tag) {
          case 'c':
            closeCell();
            inCell = false;
            return;
          case 'rPh':
            phoneticDepth--;
            return;
          case 'v':
          case 'f':
          case 't':
            collect = COLLECT_NONE;
            return;
          default:
            return;
        }
      }
      if (tag === 'row') {
        if (rowHidden && rowNumber > 0) hiddenCandidates.push(rowNumber - 1);
      } else if (tag === 'sheetData') inSheetData = false;
    },
    text(s: string) {
      switch (collect) {
        case COLLECT_VALUE:
          valueText += s;
          return;
        case COLLECT_FORMULA:
          formulaText += s;
          return;
        case COLLECT_INLINE:
          inlineText += s;
          return;
        default:
          return;
      }
    },
  });

  return assemble(name, values, formulas, fonts, hiddenCandidates, merges);
}

function rowHasValue(row: (CellValue | undefined)[] | undefined): boolean {
  if (!row) return false;
  for (const v of row) if (v !== undefined) return true;
  return false;
}

function assemble(
  name: string,
  values: (CellValue | undefined)[][],
  formulas: (string | undefined)[][],
  fonts: (string | undefined)[][],
  hiddenCandidates: number[],
  merges: Range[],
): SheetSnapshot {
  // A hidden row counts when it holds something, merged-away cells included (a row whose only
  // content is the right part of a merged title is still reported), as ExcelJS does.
  const hidden = new Set<number>();
  for (const r of hiddenCandidates) {
    if (rowHasValue(values[r]) || merges.some((m) => r >= m.r1 && r <= m.r2 && (r > m.r1 || m.c2 > m.c1))) hidden.add(r);
  }
  const hiddenRows = [...hidden].sort((a, b) => a - b);

  for (const m of merges) {
    const last = Math.min(m.r2, values.length - 1);
    for (let r = m.r1; r <= last; r++) {
      const row = values[r];
      if (!row) continue;
      const end = Math.min(m.c2, row.length - 1);
      for (let c = r === m.r1 ? m.c1 + 1 : m.c1; c <= end; c++) {
        if (row[c] === undefined) continue;
        row[c] = undefined;
        if (formulas[r]) formulas[r][c] = undefined;
        if (fonts[r]) fonts[r][c] = undefined;
      }
    }
  }

  let height = 0;
  let width = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== undefined) {
        height = r + 1;
        if (c + 1 > width) width = c + 1;
        break;
      }
    }
  }

  const grid: CellValue[][] = new Array(height);
  const formulaGrid: string[][] = new Array(height);
  const fontGrid: (string | undefined)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const vr = values[r];
    const fr = formulas[r];
    const nr = fonts[r];
    const gv: CellValue[] = new Array(width);
    const gf: string[] = new Array(width);
    const gn: (string | undefined)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = vr?.[c];
      const present = v !== undefined;
      gv[c] = present ? v : '';
      gf[c] = (present && fr?.[c]) || '';
      gn[c] = present ? nr?.[c] : undefined;
    }
    grid[r] = gv;
    formulaGrid[r] = gf;
    fontGrid[r] = gn;
  }
  return { name, values: grid, formulas: formulaGrid, fonts: fontGrid, hiddenRows };
}

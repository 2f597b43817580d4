/**
 * Seeded fuzzing of the whole job: the 18 sample returns are altered in memory the way
 * district clerks alter them (numbers typed as text, rows deleted or duplicated, codes
 * erased, sheets added…) and runJob must not throw, must finish quickly, and must either
 * count what the alteration implies or say why it did not.
 *
 * The oracle below does not use the engine: every mutation carries its own expected
 * reading ("1.234" → 1234, blank → 0, a deleted row → unusable), and the expected reading
 * of a whole return is derived from a row-by-row model of the altered sheet.
 *
 * Replay one case:   FUZZ_CASE=123 npx jest tests/fuzz
 * More cases:        FUZZ_CASES=5000 npx jest tests/fuzz
 */
import { runJob, type JobResult } from '../../src/core/job';
import type { ReturnedWorkbook } from '../../src/core/form/form-reader';
import type { CellValue, SheetSnapshot } from '../../src/core/grid/sheet';
import type { Indicator } from '../../src/core/template/model';
import { defaultTemplate } from '../../src/core/template/default-template';
import { defaultUnits } from '../../src/core/units/unit-list';
import type { ReturnInput } from '../../src/core/validate/return-input';
import { PERIOD, sampleInputs, VALUE_COL } from '../support/forms';

const BASE_SEED = 0x7f4a7c15;
const CASES = Number(process.env.FUZZ_CASES ?? 500);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);
/** Per case; a clean 18-file job takes ~20 ms, so this only catches runaway work. */
const TIME_LIMIT_MS = 1500;
const HEADER_SCAN_LIMIT = 60;

const template = defaultTemplate();
const units = defaultUnits();
const INDICATORS = new Map(template.indicators.map((i) => [i.code, i]));
const CODES = template.indicators.map((i) => i.code);
const LABEL_COL = 1;
const CODE_COL = 2;

/**
 * The error rules of the default template, restated here so that the oracle can tell
 * whether altered figures should keep a unit out of the total (values in tenths).
 */
const ERROR_RULES: { text: string; holds: (v: (code: string) => number) => boolean }[] = [
  { text: '10 <= 09', holds: (v) => v('10') <= v('09') },
  { text: '12 <= 11', holds: (v) => v('12') <= v('11') },
  { text: '12 + 13 <= 11', holds: (v) => v('12') + v('13') <= v('11') },
  { text: '15 <= 14', holds: (v) => v('15') <= v('14') },
];

// ---------------------------------------------------------------------------
// Seeded PRNG
// ---------------------------------------------------------------------------

interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** A counter passed through a 32-bit integer hash: small, fast and fully reproducible. */
function makeRng(seed: number): Rng {
  let counter = seed >>> 0;
  const next = () => {
    counter = (counter + 0x9e3779b9) >>> 0;
    let z = counter;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z ^= z >>> 15;
    return (z >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (p) => next() < p,
  };
}

function caseSeed(i: number): number {
  return (BASE_SEED ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
}

// ---------------------------------------------------------------------------
// Model of an altered return
// ---------------------------------------------------------------------------

/** What one value cell should read as: tenths (integers), or unusable. */
type Expect =
  | { t: 'value'; tenths: number; flagged: boolean }
  | { t: 'error' };

/** An indicator row of the form as the oracle tracks it through the mutations. */
interface RowModel {
  code: string;
  codeErased: boolean;
  /** same/cosmetic: still recognisable by name; changed: a renamed-row warning; cleared: no label. */
  label: 'same' | 'cosmetic' | 'changed' | 'cleared';
  value: Expect;
}

interface BookModel {
  unit: string;
  file: string;
  book: ReturnedWorkbook;
  sheet: SheetSnapshot;
  headerRow: number;
  /** Aligned with sheet.values: null for rows that are not indicator rows. */
  rows: (RowModel | null)[];
  original: Record<string, number>;
  mutated: boolean;
}

function tenthsOf(v: number): number {
  return Math.round(v * 10);
}

/** Vietnamese writing of tenths: "." groups thousands, "," before the tenth. */
function viText(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return tenths % 10 === 0 ? grouped : `${grouped},${tenths % 10}`;
}

function modelOf(input: ReturnInput, unit: string): BookModel {
  if (!('workbook' in input)) throw new Error('sample input is not a workbook');
  const book = input.workbook;
  const sheet = book.sheets[0];
  const headerRow = sheet.values.findIndex((row) => row.includes('Mã số') && row.includes('Số liệu'));
  if (headerRow < 0) throw new Error('sample form has no header');
  const original: Record<string, number> = {};
  const rows = sheet.values.map((row, r): RowModel | null => {
    if (r <= headerRow || typeof row[CODE_COL] !== 'string' || !INDICATORS.has(row[CODE_COL] as string)) return null;
    const code = row[CODE_COL] as string;
    const v = row[VALUE_COL];
    if (typeof v !== 'number') throw new Error(`sample value ${code} is not a number`);
    original[code] = tenthsOf(v);
    return { code, codeErased: false, label: 'same', value: { t: 'value', tenths: tenthsOf(v), flagged: false } };
  });
  return { unit, file: book.file, book, sheet, headerRow, rows, original, mutated: false };
}

/** The reading the oracle expects for each code of a return, from its final rows. */
function expectedReading(m: BookModel): Record<string, Expect> {
  const out: Record<string, Expect> = {};
  const rows = m.rows.slice(m.headerRow + 1).filter((r): r is RowModel => r !== null);
  for (const code of CODES) {
    const mine = rows.filter((r) => r.code === code);
    const byCode = mine.filter((r) => !r.codeErased);
    const byName = mine.filter((r) => r.codeErased && (r.label === 'same' || r.label === 'cosmetic'));
    let e: Expect;
    if (byCode.length >= 2) e = { t: 'error' };
    else if (byCode.length === 1) {
      const flagged = byCode[0].label === 'changed' || byName.length > 0;
      e = withFlag(byCode[0].value, flagged);
    } else if (byName.length >= 1) e = withFlag(byName[0].value, true);
    else e = { t: 'error' };
    out[code] = e;
  }
  return out;
}

function withFlag(e: Expect, flagged: boolean): Expect {
  return e.t === 'value' ? { ...e, flagged: e.flagged || flagged } : e;
}

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

interface Mutation {
  name: string;
  apply(m: BookModel, rng: Rng): string;
}

function indicatorRows(m: BookModel): number[] {
  const out: number[] = [];
  m.rows.forEach((r, i) => {
    if (r && i > m.headerRow) out.push(i);
  });
  return out;
}

function rowsBelowHeader(m: BookModel): number[] {
  return Array.from({ length: m.sheet.values.length - m.headerRow - 1 }, (_, k) => m.headerRow + 1 + k);
}

function spliceRows(m: BookModel, at: number, remove: number, insert: { values: CellValue[]; formula: string[]; model: RowModel | null }[]) {
  m.sheet.values.splice(at, remove, ...insert.map((x) => x.values));
  m.sheet.formulas!.splice(at, remove, ...insert.map((x) => x.formula));
  m.rows.splice(at, remove, ...insert.map((x) => x.model));
}

function setCell(m: BookModel, row: number, value: CellValue, formula = ''): void {
  m.sheet.values[row][VALUE_COL] = value;
  m.sheet.formulas![row][VALUE_COL] = formula;
}

function randomTenths(rng: Rng, ind: Indicator): number {
  const max = rng.pick([999, 99_999, 99_999_999]);
  return ind.kind === 'I' ? rng.int(0, max) * 10 : rng.int(0, max);
}

/** Pick a value cell and say which indicator it belongs to. */
function pickValueRow(m: BookModel, rng: Rng): { row: number; model: RowModel; ind: Indicator } | null {
  const rows = indicatorRows(m);
  if (rows.length === 0) return null;
  const row = rng.pick(rows);
  const model = m.rows[row]!;
  return { row, model, ind: INDICATORS.get(model.code)! };
}

function currentTenths(m: BookModel, model: RowModel): number {
  return model.value.t === 'value' ? model.value.tenths : m.original[model.code];
}

const valueMutation = (name: string, write: (rng: Rng, ind: Indicator, tenths: number) => { cell: CellValue; formula?: string; expect: Expect }): Mutation => ({
  name,
  apply(m, rng) {
    const hit = pickValueRow(m, rng);
    if (!hit) return `${name}: no value row left`;
    const keep = rng.chance(0.5);
    const tenths = keep ? currentTenths(m, hit.model) : randomTenths(rng, hit.ind);
    const w = write(rng, hit.ind, tenths);
    setCell(m, hit.row, w.cell, w.formula);
    hit.model.value = w.expect;
    const shown = w.expect.t === 'value' ? `${w.expect.tenths / 10}${w.expect.flagged ? ' flagged' : ''}` : 'error';
    return `${name}: row ${hit.row + 1} (code ${hit.model.code}) ← ${JSON.stringify(w.cell)}${w.formula ? ` formula ${w.formula}` : ''} ⇒ ${shown}`;
  },
});

const MUTATIONS: { weight: number; m: Mutation }[] = [
  {
    weight: 4,
    m: valueMutation('vietnamese-text', (rng, ind, tenths) => {
      const t = ind.kind === 'I' ? tenths - (tenths % 10) : tenths;
      const base = viText(t);
      const text = rng.pick([
        base,
        `gần ${base}`,
        `khoảng ${base}`,
        `hơn ${base}`,
        `${base} (${ind.unit})`,
        `${base} ${ind.unit}`,
        ` ${base} `,
        `${base} trở lên`,
      ]);
      return { cell: text, expect: { t: 'value', tenths: t, flagged: true } };
    }),
  },
  {
    weight: 2,
    m: valueMutation('text-without-number', (rng) => ({
      cell: rng.pick(['chưa có', 'đang tổng hợp', 'không rõ', '?', 'số liệu gửi sau', 'như kỳ trước']),
      expect: { t: 'error' },
    })),
  },
  {
    weight: 2,
    m: valueMutation('negative', (rng, _ind, tenths) => {
      const t = Math.max(10, tenths - (tenths % 10));
      return rng.chance(0.5)
        ? { cell: -t / 10, expect: { t: 'error' } }
        : { cell: `-${viText(t)}`, expect: { t: 'error' } };
    }),
  },
  {
    weight: 2,
    m: valueMutation('blank', (rng) => ({
      cell: rng.pick(['', '-', '   ', '\u2013']),
      expect: { t: 'value', tenths: 0, flagged: false },
    })),
  },
  {
    weight: 2,
    m: {
      name: 'fraction-in-whole-number',
      apply(m, rng) {
        const rows = indicatorRows(m).filter((r) => INDICATORS.get(m.rows[r]!.code)!.kind === 'I');
        if (rows.length === 0) return 'fraction-in-whole-number: no row left';
        const row = rng.pick(rows);
        const model = m.rows[row]!;
        const whole = Math.floor(currentTenths(m, model) / 10);
        const frac = rng.pick([0.5, 0.25, 0.1, 0.9]);
        const cell: CellValue = rng.chance(0.7) ? whole + frac : viText(whole * 10 + 5);
        setCell(m, row, cell);
        model.value = { t: 'error' };
        return `fraction-in-whole-number: row ${row + 1} (code ${model.code}) ← ${JSON.stringify(cell)} ⇒ error`;
      },
    },
  },
  {
    weight: 2,
    m: valueMutation('formula-error', (rng) => {
      const [cell, formula] = rng.pick([
        ['#REF!', '=SUM(#REF!)'],
        ['#REF!', '=E8+#REF!'],
        ['#DIV/0!', '=E9/0'],
        ['#VALUE!', '=E10+"a"'],
        ['#N/A', '=VLOOKUP(1,A1:B2,3,FALSE)'],
        ['#REF!', ''],
      ] as const);
      return { cell, formula: formula || undefined, expect: { t: 'error' } };
    }),
  },
  {
    weight: 1,
    m: valueMutation('formula-with-result', (_rng, ind, tenths) => {
      const t = ind.kind === 'I' ? tenths - (tenths % 10) : tenths;
      return { cell: t / 10, formula: `=${t / 10}+0`, expect: { t: 'value', tenths: t, flagged: false } };
    }),
  },
  {
    weight: 3,
    m: {
      name: 'delete-row',
      apply(m, rng) {
        const candidates = rng.chance(0.85) ? indicatorRows(m) : rowsBelowHeader(m);
        if (candidates.length === 0) return 'delete-row: nothing to delete';
        const row = rng.pick(candidates);
        const what = m.rows[row] ? `code ${m.rows[row]!.code}` : 'not an indicator';
        spliceRows(m, row, 1, []);
        return `delete-row: row ${row + 1} (${what})`;
      },
    },
  },
  {
    weight: 2,
    m: {
      name: 'duplicate-row',
      apply(m, rng) {
        const candidates = rng.chance(0.85) ? indicatorRows(m) : rowsBelowHeader(m);
        if (candidates.length === 0) return 'duplicate-row: nothing to duplicate';
        const row = rng.pick(candidates);
        const at = rng.int(m.headerRow + 1, m.sheet.values.length);
        const model = m.rows[row];
        spliceRows(m, at, 0, [{
          values: [...m.sheet.values[row]],
          formula: [...m.sheet.formulas![row]],
          model: model ? structuredClone(model) : null,
        }]);
        return `duplicate-row: row ${row + 1} (${model ? `code ${model.code}` : 'not an indicator'}) copied to row ${at + 1}`;
      },
    },
  },
  {
    weight: 2,
    m: {
      name: 'swap-rows',
      apply(m, rng) {
        const rows = rowsBelowHeader(m);
        if (rows.length < 2) return 'swap-rows: too few rows';
        const a = rng.pick(rows);
        const b = rng.pick(rows);
        const v = m.sheet.values;
        const f = m.sheet.formulas!;
        [v[a], v[b]] = [v[b], v[a]];
        [f[a], f[b]] = [f[b], f[a]];
        [m.rows[a], m.rows[b]] = [m.rows[b], m.rows[a]];
        return `swap-rows: rows ${a + 1} and ${b + 1}`;
      },
    },
  },
  {
    weight: 2,
    m: {
      name: 'erase-code',
      apply(m, rng) {
        const rows = indicatorRows(m);
        if (rows.length === 0) return 'erase-code: no row left';
        const row = rng.pick(rows);
        const blank = rng.pick(['', ' ']);
        m.sheet.values[row][CODE_COL] = blank;
        m.rows[row]!.codeErased = true;
        return `erase-code: row ${row + 1} (code ${m.rows[row]!.code}) ← ${JSON.stringify(blank)}`;
      },
    },
  },
  {
    weight: 2,
    m: {
      name: 'change-label',
      apply(m, rng) {
        const rows = indicatorRows(m);
        if (rows.length === 0) return 'change-label: no row left';
        const row = rng.pick(rows);
        const model = m.rows[row]!;
        const name = INDICATORS.get(model.code)!.name;
        const [label, text] = rng.pick([
          ['changed', 'Chỉ tiêu khác'],
          ['changed', `${name} (ước thực hiện)`],
          ['changed', 'Số liệu bổ sung theo yêu cầu'],
          ['cosmetic', name.toUpperCase()],
          ['cosmetic', name.normalize('NFD')],
          ['cosmetic', `  ${name}  `],
          ['cleared', ''],
        ] as const);
        m.sheet.values[row][LABEL_COL] = text;
        // A later label change replaces an earlier one.
        model.label = label;
        return `change-label: row ${row + 1} (code ${model.code}) ← ${JSON.stringify(text)} (${label})`;
      },
    },
  },
  {
    weight: 1,
    m: {
      name: 'rename-sheets',
      apply(m, rng) {
        const names = m.book.sheets.map((s) => {
          s.name = rng.pick(['Sheet1', 'Bieu', 'Báo cáo 6 tháng', 'Biểu chỉ tiêu (2)', `Trang ${rng.int(1, 9)}`]);
          return s.name;
        });
        return `rename-sheets: ${JSON.stringify(names)}`;
      },
    },
  },
  {
    weight: 1,
    m: {
      // Only sheets that do not compete with the form. A second full copy of the form
      // (an old version kept in the workbook) is a known gap, left out until it is fixed.
      name: 'add-sheet',
      apply(m, rng) {
        const [kind, sheet] = rng.pick<[string, SheetSnapshot]>([
          ['notes', { name: 'Ghi chú', values: [['Ghi chú của đơn vị'], ['Đã gửi bản giấy ngày 30/6']] }],
          ['empty', { name: 'Sheet2', values: [] }],
          ['small table', { name: 'Tóm tắt', values: [['Mã số', 'Số liệu'], ['01', 999], ['08', 123456]] }],
        ]);
        const front = rng.chance(0.5);
        if (front) m.book.sheets.unshift(sheet);
        else m.book.sheets.push(sheet);
        return `add-sheet: ${kind} ${front ? 'before' : 'after'} the form`;
      },
    },
  },
  {
    weight: 2,
    m: {
      name: 'insert-above-header',
      apply(m, rng) {
        const many = rng.chance(0.04);
        const count = many ? HEADER_SCAN_LIMIT : rng.int(1, 3);
        const at = rng.int(0, m.headerRow);
        const fill = () => rng.pick<CellValue[]>([[], ['Ghi chú: số liệu tạm tính'], ['', 'Người lập biểu: Nguyễn Văn A'], ['']]);
        spliceRows(m, at, 0, Array.from({ length: count }, () => {
          const values = fill();
          return { values, formula: values.map(() => ''), model: null };
        }));
        m.headerRow += count;
        return `insert-above-header: ${count} row(s) at row ${at + 1}`;
      },
    },
  },
];

const TOTAL_WEIGHT = MUTATIONS.reduce((s, x) => s + x.weight, 0);

function pickMutation(rng: Rng): Mutation {
  let r = rng.next() * TOTAL_WEIGHT;
  for (const x of MUTATIONS) {
    r -= x.weight;
    if (r < 0) return x.m;
  }
  return MUTATIONS[MUTATIONS.length - 1].m;
}

// ---------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------

const PRISTINE = sampleInputs();
const PRISTINE_UNITS = PRISTINE.map((input) => input.file.replace(/\.xlsx$/, ''));

interface Case {
  index: number;
  seed: number;
  models: BookModel[];
  inputs: ReturnInput[];
  log: string[];
  /** Names of the mutations applied, for the coverage check. */
  names: string[];
}

function makeCase(index: number): Case {
  const seed = caseSeed(index);
  const rng = makeRng(seed);
  const inputs = structuredClone(PRISTINE);
  const models = inputs.map((input, i) => modelOf(input, PRISTINE_UNITS[i]));
  const log: string[] = [];
  const names: string[] = [];
  const count = rng.int(1, 3);
  // Half the cases pile every mutation onto one return, to get interactions.
  const single = rng.chance(0.5) ? rng.int(0, models.length - 1) : null;
  for (let k = 0; k < count; k++) {
    const m = models[single ?? rng.int(0, models.length - 1)];
    const mutation = pickMutation(rng);
    m.mutated = true;
    names.push(mutation.name);
    log.push(`${m.unit}: ${mutation.apply(m, rng)}`);
  }
  return { index, seed, models, inputs, log, names };
}

// ---------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------

function sameTenths(actual: number, tenths: number): boolean {
  return Math.round(actual * 10) === tenths && Math.abs(actual * 10 - tenths) < 1e-6;
}

/** Problems found in one case; empty when the oracle holds. */
function check(c: Case, result: JobResult): string[] {
  const problems: string[] = [];
  const con = result.consolidation;
  const contribution: Record<string, Record<string, number>> = {};

  for (const m of c.models) {
    const roster = con.roster.find((r) => r.unit === m.unit);
    if (!roster) {
      problems.push(`${m.unit}: not in the roster`);
      continue;
    }
    const mine = result.findings.filter((f) => f.unit === m.unit);
    const errorsOnFile = result.findings.filter((f) => f.severity === 'error' && (f.unit === m.unit || f.file === m.file));
    const included = roster.state === 'included';
    const expected = expectedReading(m);
    const unreadable = m.headerRow >= HEADER_SCAN_LIMIT;

    // Whether the unit should be in the total, from the model alone.
    const unusable = CODES.filter((code) => expected[code].t === 'error');
    const value = (code: string) => { const e = expected[code]; return e.t === 'value' ? e.tenths : 0; };
    const brokenRules = unusable.length ? [] : ERROR_RULES.filter((r) => !r.holds(value)).map((r) => r.text);
    const shouldInclude = !unreadable && unusable.length === 0 && brokenRules.length === 0;

    // A unit that is left out must say why, in the roster and in the findings.
    if (!included && (errorsOnFile.length === 0 || (roster.state !== 'missing' && roster.errors === 0))) {
      problems.push(`${m.unit}: state ${roster.state} with no error finding to explain it`);
    }
    if (included !== shouldInclude) {
      problems.push(`${m.unit}: state ${roster.state}, oracle expected ${shouldInclude ? 'included' : 'excluded'}` +
        ` (unusable: [${unusable.join(', ')}], broken rules: [${brokenRules.join('; ')}], unreadable: ${unreadable})`);
    }
    if (!m.mutated && mine.length > 0) {
      problems.push(`${m.unit}: not mutated but has findings ${mine.map((f) => `${f.rule}@${f.code}`).join(', ')}`);
    }

    contribution[m.unit] = {};
    for (const code of CODES) {
      const e = expected[code];
      const actual = included ? con.byUnit[m.unit]?.[code] ?? 0 : 0;
      contribution[m.unit][code] = actual;
      const onCode = mine.filter((f) => f.code === code);
      const matches = e.t === 'value' && sameTenths(actual, e.tenths);
      // Core oracle: the figure the mutation implies, or a finding that explains the difference.
      if (!matches && onCode.length === 0 && included) {
        problems.push(`${m.unit} ${code}: counted ${actual}, expected ${e.t === 'value' ? e.tenths / 10 : 'nothing (unusable)'}, and no finding on ${code}`);
      }
      // Stricter: an included unit is counted exactly as the model says, never "explained away".
      if (included && e.t === 'value' && !matches && onCode.length > 0) {
        problems.push(`${m.unit} ${code}: counted ${actual}, expected ${e.tenths / 10} (findings: ${onCode.map((f) => f.rule).join(', ')})`);
      }
      if (e.t === 'error' && !unreadable && !onCode.some((f) => f.severity === 'error')) {
        problems.push(`${m.unit} ${code}: unusable cell/row but no error finding on ${code}`);
      }
      if (e.t === 'value' && e.flagged && !unreadable && onCode.length === 0) {
        problems.push(`${m.unit} ${code}: altered (text, renamed or matched by name) but no finding on ${code}`);
      }
    }
  }

  // Totals: exactly the sum of what each included unit contributes.
  for (const code of CODES) {
    const sum = c.models.reduce((s, m) => s + Math.round((contribution[m.unit]?.[code] ?? 0) * 10), 0);
    if (!sameTenths(con.totals[code], sum)) problems.push(`total ${code}: ${con.totals[code]}, sum of units ${sum / 10}`);
  }
  return problems;
}

interface Outcome {
  c: Case;
  ms: number;
  problems: string[];
  /** Units left out of the total in this case. */
  excluded: number;
}

function runCase(index: number): Outcome {
  const c = makeCase(index);
  const start = performance.now();
  let result: JobResult;
  try {
    result = runJob(template, c.inputs, { units, period: PERIOD });
  } catch (err) {
    return { c, ms: performance.now() - start, problems: [`runJob threw: ${(err as Error).stack ?? String(err)}`], excluded: 0 };
  }
  const ms = performance.now() - start;
  const problems = check(c, result);
  if (ms > TIME_LIMIT_MS) problems.push(`took ${ms.toFixed(0)} ms (limit ${TIME_LIMIT_MS} ms)`);
  return { c, ms, problems, excluded: result.consolidation.roster.filter((r) => r.state !== 'included').length };
}

function report(o: Outcome): string {
  return [
    `case ${o.c.index} (seed 0x${o.c.seed.toString(16)}; replay: FUZZ_CASE=${o.c.index} npx jest tests/fuzz)`,
    '  mutations:',
    ...o.c.log.map((l) => `    - ${l}`),
    '  problems:',
    ...o.problems.slice(0, 12).map((p) => `    * ${p}`),
    ...(o.problems.length > 12 ? [`    … ${o.problems.length - 12} more`] : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------

describe('fuzzing runJob with mutated sample returns', () => {
  it('the model of an untouched return reads the sample figures', () => {
    for (const [i, input] of PRISTINE.entries()) {
      const m = modelOf(structuredClone(input), PRISTINE_UNITS[i]);
      const e = expectedReading(m);
      expect(Object.keys(m.original).sort()).toEqual([...CODES].sort());
      expect(Object.fromEntries(CODES.map((code) => [code, e[code].t === 'value' ? e[code].tenths : null])))
        .toEqual(m.original);
    }
  });

  it('the mutation generator is deterministic and applies 1–3 mutations', () => {
    expect(makeCase(7).log).toEqual(makeCase(7).log);
    expect(makeCase(7).log).not.toEqual(makeCase(8).log);
    for (let i = 0; i < 50; i++) expect(makeCase(i).log.length).toBeGreaterThanOrEqual(1);
  });

  it(`${ONLY_CASE === null ? CASES : 1} seeded cases: never throws, finishes, and counts or explains every figure`, () => {
    const indices = ONLY_CASE === null ? Array.from({ length: CASES }, (_, i) => i) : [ONLY_CASE];
    const failures: Outcome[] = [];
    const used = new Map<string, number>();
    let slowest = 0;
    let excludedCases = 0;
    for (const i of indices) {
      const o = runCase(i);
      slowest = Math.max(slowest, o.ms);
      if (o.problems.length) failures.push(o);
      if (o.excluded > 0) excludedCases++;
      for (const n of o.c.names) used.set(n, (used.get(n) ?? 0) + 1);
    }
    if (ONLY_CASE !== null) console.log(report(runCase(ONLY_CASE)));
    if (failures.length) {
      throw new Error(`${failures.length} of ${indices.length} cases failed (slowest ${slowest.toFixed(0)} ms):\n\n` +
        failures.slice(0, 8).map(report).join('\n\n'));
    }
    if (ONLY_CASE === null && CASES >= 500) {
      // The run must stay meaningful: every kind of mutation occurs, and both outcomes
      // (units kept in and units left out of the total) are exercised.
      expect(MUTATIONS.map((x) => x.m.name).filter((n) => !used.has(n))).toEqual([]);
      expect(excludedCases).toBeGreaterThan(CASES / 10);
      expect(excludedCases).toBeLessThan(CASES);
    }
  });
});

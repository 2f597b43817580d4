/**
 * Properties of the consolidation, checked with fast-check on generated returns:
 * the result does not depend on the order of the files or of the rows in a file,
 * totals are exact sums, the unit columns follow the unit list, and a unit list of
 * any size works.
 */
import fc from 'fast-check';
import { runJob, type JobResult } from '../../src/core/job';
import type { ReturnedWorkbook } from '../../src/core/form/form-reader';
import type { CellValue } from '../../src/core/grid/sheet';
import { defaultTemplate } from '../../src/core/template/default-template';
import type { Finding } from '../../src/core/validate/finding';
import type { ReturnInput } from '../../src/core/validate/return-input';
import { defaultUnits } from '../../src/core/units/unit-list';
import { formBook, rowOf, VALUE_COL } from '../support/forms';

const template = defaultTemplate();
const CODES = template.indicators.map((i) => i.code);
const KIND = new Map(template.indicators.map((i) => [i.code, i.kind]));
const SAMPLE_UNITS = defaultUnits();

/** Figures in tenths (integers) for every code; kind I codes are always multiples of 10. */
type Tenths = Record<string, number>;

// ---------------------------------------------------------------------------
// Building returns quickly
// ---------------------------------------------------------------------------

/**
 * formBook builds the full sheet spec (styles, validations…) each time; the properties
 * build thousands of returns, so they clone one blank form and fill it in. A sanity
 * test below checks that the clone is identical to what formBook makes.
 */
const BLANK = formBook('Mẫu', {});
const BLANK_ROWS = new Map(CODES.map((c) => [c, rowOf(BLANK.sheets[0], c)]));
const UNIT_LABEL_AT = (() => {
  const values = BLANK.sheets[0].values;
  for (let r = 0; r < values.length; r++) {
    const c = values[r].findIndex((v) => typeof v === 'string' && v.startsWith('Đơn vị báo cáo:'));
    if (c >= 0) return { r, c, text: values[r][c] as string };
  }
  throw new Error('no unit label in the blank form');
})();

function bookFor(unit: string, values: Record<string, CellValue>): ReturnedWorkbook {
  const book = structuredClone(BLANK);
  book.file = `${unit}.xlsx`;
  book.meta = { ...book.meta!, unit };
  const sheet = book.sheets[0];
  sheet.values[UNIT_LABEL_AT.r][UNIT_LABEL_AT.c] = UNIT_LABEL_AT.text.replace('Mẫu', unit);
  for (const [code, v] of Object.entries(values)) sheet.values[BLANK_ROWS.get(code)!][VALUE_COL] = v;
  return book;
}

function figuresOf(t: Tenths): Record<string, number> {
  return Object.fromEntries(CODES.map((c) => [c, t[c] / 10]));
}

function input(book: ReturnedWorkbook): ReturnInput {
  return { file: book.file, workbook: book };
}

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

/**
 * Figures that pass every error rule of the default template (10 <= 09, 12 <= 11,
 * 12 + 13 <= 11, 15 <= 14), so that every return is included in the total.
 * Whole numbers for kind I, one-decimal numbers for kind D; all kept as tenths.
 */
const validTenths: fc.Arbitrary<Tenths> = fc
  .array(fc.oneof(fc.constant(0), fc.nat({ max: 999 }), fc.nat({ max: 2_000_000 })), {
    minLength: CODES.length,
    maxLength: CODES.length,
  })
  .map((raw) => {
    const v: Record<string, number> = Object.fromEntries(CODES.map((c, i) => [c, raw[i]]));
    v['10'] = v['10'] % (v['09'] + 1);
    v['12'] = v['12'] % (v['11'] + 1);
    v['13'] = v['13'] % (v['11'] - v['12'] + 1);
    v['15'] = v['15'] % (v['14'] + 1);
    return Object.fromEntries(CODES.map((c) => [c, KIND.get(c) === 'I' ? v[c] * 10 : v[c]]));
  });

/** Something a clerk might type instead of a clean number: gives findings to compare. */
type Fault = { code: string; kind: 'text' | 'dash' | 'blank' | 'negative' | 'words' | 'fraction' };
const faultArb: fc.Arbitrary<Fault> = fc.record({
  code: fc.constantFrom(...CODES),
  kind: fc.constantFrom<Fault['kind']>('text', 'dash', 'blank', 'negative', 'words', 'fraction'),
});

/** Vietnamese writing of a value in tenths: "." groups thousands, "," before the tenth. */
function viText(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return tenths % 10 === 0 ? grouped : `${grouped},${tenths % 10}`;
}

function faultyCells(t: Tenths, faults: readonly Fault[]): Record<string, CellValue> {
  const cells: Record<string, CellValue> = figuresOf(t);
  for (const f of faults) {
    switch (f.kind) {
      case 'text': cells[f.code] = viText(t[f.code]); break;
      case 'dash': cells[f.code] = '-'; break;
      case 'blank': cells[f.code] = ''; break;
      case 'negative': cells[f.code] = -1 - t[f.code] / 10; break;
      case 'words': cells[f.code] = 'chưa có số liệu'; break;
      case 'fraction': cells[f.code] = KIND.get(f.code) === 'I' ? t[f.code] / 10 + 0.5 : -0.5; break;
    }
  }
  return cells;
}

interface GenReturn {
  unit: string;
  tenths: Tenths;
  faults: Fault[];
  /** Permutation keys for the rows below the header. */
  rowKeys: number[];
}

const ROWS_BELOW_HEADER = BLANK.sheets[0].values.length - (headerRowOf(BLANK) + 1);

function returnArb(unit: string, withFaults: boolean): fc.Arbitrary<GenReturn> {
  return fc.record({
    unit: fc.constant(unit),
    tenths: validTenths,
    faults: withFaults ? fc.array(faultArb, { maxLength: 3 }) : fc.constant([]),
    rowKeys: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: ROWS_BELOW_HEADER,
      maxLength: ROWS_BELOW_HEADER,
    }),
  });
}

/** A unit list, the returns of a subset of it, and a shuffle of those returns. */
interface Scenario {
  units: string[];
  returns: GenReturn[];
  /** Sort keys giving the shuffled order of the returns. */
  orderKeys: number[];
  /** Per return: whether the unit also sent a second file (used where duplicates are wanted). */
  twice: boolean[];
}

function scenarioArb(unitsArb: fc.Arbitrary<string[]>, withFaults: boolean): fc.Arbitrary<Scenario> {
  return unitsArb.chain((units) =>
    fc.subarray(units, { minLength: 1 }).chain((submitted) =>
      fc.record({
        units: fc.constant(units),
        returns: fc.tuple(...submitted.map((u) => returnArb(u, withFaults))),
        orderKeys: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: submitted.length,
          maxLength: submitted.length,
        }),
        twice: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), {
          minLength: submitted.length,
          maxLength: submitted.length,
        }),
      })));
}

const SYLLABLES = [
  'Sơn', 'Hà', 'Bình', 'Tân', 'Phú', 'Mỹ', 'Lộc', 'Đông', 'Tây', 'Nam', 'Bắc', 'Long', 'An', 'Hòa',
  'Thạnh', 'Trà', 'Giang', 'Ninh', 'Đức', 'Phước', 'Kỳ', 'Lâm', 'Vĩnh', 'Quế', 'Điện', 'Thới', 'Khê',
];

/** Diacritic-free lower-case key, written here so that uniqueness does not lean on the engine. */
function plainKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** 1–max made-up unit names, distinct even without diacritics; the length is drawn uniformly. */
const generatedUnits = (max: number): fc.Arbitrary<string[]> =>
  fc.integer({ min: 1, max }).chain((n) =>
    fc.uniqueArray(
      fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
      { minLength: n, maxLength: n, selector: plainKey },
    ));

const sampleUnits: fc.Arbitrary<string[]> = fc.constant(SAMPLE_UNITS);

// ---------------------------------------------------------------------------
// Running a scenario
// ---------------------------------------------------------------------------

function headerRowOf(book: ReturnedWorkbook): number {
  const r = book.sheets[0].values.findIndex((row) => row.includes('Mã số') && row.includes('Số liệu'));
  if (r < 0) throw new Error('no header row');
  return r;
}

function bookOf(g: GenReturn): ReturnedWorkbook {
  return bookFor(g.unit, faultyCells(g.tenths, g.faults));
}

/** Reorders every row below the header (section titles included), values and formulas alike. */
function shuffleRows(book: ReturnedWorkbook, keys: readonly number[]): ReturnedWorkbook {
  const sheet = book.sheets[0];
  const start = headerRowOf(book) + 1;
  const idx = keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
  const reorder = <T>(rows: T[]): T[] => [...rows.slice(0, start), ...idx.map((i) => rows[start + i])];
  sheet.values = reorder(sheet.values);
  if (sheet.formulas) sheet.formulas = reorder(sheet.formulas);
  return book;
}

function permuted<T>(items: readonly T[], keys: readonly number[]): T[] {
  return keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => items[i]);
}

function run(units: readonly string[], books: readonly ReturnedWorkbook[]): JobResult {
  return runJob(template, books.map(input), { units });
}

/** Findings without their cell address, as a sorted list of JSON strings: a multiset. */
function findingsWithoutCells(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify({ ...f, cell: null })).sort();
}

function rosterView(result: JobResult) {
  return result.consolidation.roster.map((r) => ({
    unit: r.unit,
    state: r.state,
    files: [...r.files].sort(),
    errors: r.errors,
    warnings: r.warnings,
    used: r.used?.file ?? null,
  }));
}

const sumTenths = (returns: readonly GenReturn[], code: string): number =>
  returns.reduce((s, g) => s + g.tenths[code], 0);

/**
 * Compared in tenths as integers. With `asEntered`, the total must also be the very
 * number the decimal sum denotes (898.3, not 898.2999999), as consolidate promises.
 */
function expectTotalsInTenths(result: JobResult, returns: readonly GenReturn[], asEntered = false): void {
  for (const code of CODES) {
    const total = result.consolidation.totals[code];
    const expected = sumTenths(returns, code);
    if (Math.round(total * 10) !== expected || Math.abs(total * 10 - expected) > 1e-3) {
      throw new Error(`total ${code}: ${total}, expected ${expected / 10}`);
    }
    if (asEntered && total !== expected / 10) throw new Error(`total ${code}: ${total}, not ${expected / 10} as entered`);
  }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('test support', () => {
  it('the cloned blank form filled in is the form formBook makes', () => {
    const figures = figuresOf(fc.sample(validTenths, { seed: 7, numRuns: 1 })[0]);
    expect(bookFor('Hội An', figures)).toEqual(formBook('Hội An', figures));
  });
});

describe('consolidation properties', () => {
  it('(a) does not depend on the order of the returns', () => {
    fc.assert(
      fc.property(scenarioArb(sampleUnits, true), (s) => {
        const books = s.returns.map(bookOf);
        const base = run(s.units, books);
        const moved = run(s.units, permuted(books.map((b) => structuredClone(b)), s.orderKeys));
        expect(moved.consolidation.totals).toEqual(base.consolidation.totals);
        expect(moved.consolidation.byUnit).toEqual(base.consolidation.byUnit);
        expect(rosterView(moved)).toEqual(rosterView(base));
        expect(moved.consolidation.totalFindings).toEqual(base.consolidation.totalFindings);
        // runJob orders findings by unit list then file, so even the order must not move.
        expect(moved.findings).toEqual(base.findings);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('(a) does not depend on the order of the indicator rows inside a return, nor of the returns', () => {
    fc.assert(
      fc.property(scenarioArb(sampleUnits, true), (s) => {
        const base = run(s.units, s.returns.map(bookOf));
        const shuffled = s.returns.map((g) => shuffleRows(bookOf(g), g.rowKeys));
        const moved = run(s.units, permuted(shuffled, s.orderKeys));
        expect(moved.consolidation.totals).toEqual(base.consolidation.totals);
        expect(moved.consolidation.byUnit).toEqual(base.consolidation.byUnit);
        expect(rosterView(moved)).toEqual(rosterView(base));
        // Cells move with their rows; everything else about a finding must stay.
        expect(findingsWithoutCells(moved.findings)).toEqual(findingsWithoutCells(base.findings));
        expect(moved.consolidation.totalFindings).toEqual(base.consolidation.totalFindings);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('(b) totals are exactly the sums of the figures (compared in tenths)', () => {
    fc.assert(
      fc.property(scenarioArb(sampleUnits, false), (s) => {
        const result = run(s.units, permuted(s.returns.map(bookOf), s.orderKeys));
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(result.consolidation.roster.filter((r) => r.state === 'included').map((r) => r.unit))
          .toEqual(s.units.filter((u) => s.returns.some((g) => g.unit === u)));
        for (const g of s.returns) {
          const read = result.consolidation.byUnit[g.unit];
          for (const code of CODES) {
            if (Math.round(read[code] * 10) !== g.tenths[code]) {
              throw new Error(`${g.unit} ${code}: read ${read[code]}, wrote ${g.tenths[code] / 10}`);
            }
          }
        }
        // Here every total stays below 9 000 000 (18 units × 200 000,0 at most), where the
        // engine's rounding gives back the decimal sum exactly.
        expectTotalsInTenths(result, s.returns, true);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('(c) the unit columns follow the unit list whatever the order of the files', () => {
    fc.assert(
      fc.property(scenarioArb(sampleUnits, true), (s) => {
        // Some units also send a second file: they must keep their place, as duplicates.
        const seconds = s.returns.filter((_, i) => s.twice[i]).map((g) => {
          const book = bookOf(g);
          book.file = `${g.unit} (bản 2).xlsx`;
          return book;
        });
        const secondKeys = s.orderKeys.map((k) => 1 - k).filter((_, i) => s.twice[i]);
        const books = permuted([...s.returns.map(bookOf), ...seconds], [...s.orderKeys, ...secondKeys]);
        const result = run(s.units, books);
        const c = result.consolidation;
        const submitted = new Set(s.returns.map((g) => g.unit));
        const doubled = new Set(s.returns.filter((_, i) => s.twice[i]).map((g) => g.unit));
        expect(c.units).toEqual(s.units);
        expect(c.roster.map((r) => r.unit)).toEqual(s.units);
        expect(Object.keys(c.byUnit)).toEqual(s.units.filter((u) => c.roster.find((r) => r.unit === u)!.state === 'included'));
        expect(result.validation.missingUnits).toEqual(s.units.filter((u) => !submitted.has(u)));
        for (const r of c.roster) {
          expect(r.state === 'missing').toBe(!submitted.has(r.unit));
          expect(r.state === 'duplicate').toBe(doubled.has(r.unit));
        }
        // Findings: each unit's block in list order, then the provincial total's.
        const position = (f: Finding) => (f.unit === null ? s.units.length : s.units.indexOf(f.unit));
        const positions = result.findings.map(position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(positions.every((p) => p >= 0)).toBe(true);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('(d) works with a unit list of any size (1–120 made-up names)', () => {
    fc.assert(
      fc.property(
        scenarioArb(generatedUnits(120), false),
        (s) => {
          const result = run(s.units, permuted(s.returns.map(bookOf), s.orderKeys));
          const c = result.consolidation;
          const submitted = new Set(s.returns.map((g) => g.unit));
          expect(c.units).toEqual(s.units);
          expect(c.roster.map((r) => [r.unit, r.state])).toEqual(
            s.units.map((u) => [u, submitted.has(u) ? 'included' : 'missing']));
          expect(result.validation.returns.map((r) => r.unit).sort()).toEqual([...submitted].sort());
          expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
          expectTotalsInTenths(result, s.returns);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});

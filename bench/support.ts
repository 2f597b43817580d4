/**
 * Bench fixtures: generated unit names, plausible per-unit figures that satisfy the default
 * template's rules, and in-memory returns built from the real form writer.
 *
 * Everything is driven by a seeded PRNG so that two runs measure exactly the same work.
 */
import type { CellValue, SheetSnapshot } from '../src/core/grid/sheet';
import { isFormulaCell, type SheetSpec } from '../src/core/grid/sheet-spec';
import { buildForm } from '../src/core/form/form-writer';
import { metaFromGrid } from '../src/core/form/metadata';
import type { Template } from '../src/core/template/model';
import type { ReturnInput } from '../src/core/validate/return-input';
import { CURRENT_TOTALS } from '../scripts/sample/figures';

export const BENCH_PERIOD = '6 tháng đầu năm 2024';

/** Font the ExcelJS writer puts on every written cell; the reader reports it back. */
const WRITTEN_FONT = 'Times New Roman';

export type Rng = () => number;

/** xorshift32: tiny, seeded, good enough to vary test figures. Returns floats in [0, 1). */
export function seededRng(seed: number): Rng {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** "Xã 0001" … "Xã 3321": the width grows with n so names stay sortable. */
export function unitNames(n: number): string[] {
  const width = Math.max(4, String(n).length);
  return Array.from({ length: n }, (_, i) => `Xã ${String(i + 1).padStart(width, '0')}`);
}

/** Figures of one unit, by indicator code. */
export type UnitFigures = Record<string, number>;

const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
const tenths = (x: number): number => Math.round(x * 10) / 10;

/**
 * One unit's figures: each indicator around the per-district average of the real provincial
 * report, scaled by a unit size drawn in [0.35; 1.7] (mountain commune … large town) and a ±40 %
 * jitter, whole numbers rounded up or down at random. Dependent indicators are derived so that every rule of the default template holds:
 * 10 ≤ 09, 12 + 13 ≤ 11, 15 ≤ 14, 18/19 ∈ [0.1; 50], 28/27 ∈ [20; 200], 33/32 ∈ [0.1; 5].
 * Decimal indicators get one decimal place, the others are whole numbers.
 */
export function unitFigures(template: Template, rng: Rng): UnitFigures {
  const size = between(rng, 0.35, 1.7);
  const out: UnitFigures = {};
  for (const ind of template.indicators) {
    const perDistrict = (CURRENT_TOTALS[ind.code] ?? 10) / 18;
    const x = perDistrict * size * between(rng, 0.6, 1.4);
    // Stochastic rounding keeps rare events (02, 16, 27, 40…) from being 0 everywhere.
    out[ind.code] = ind.kind === 'D' ? tenths(x) : Math.floor(x + rng());
  }
  const v = (code: string): number => out[code];
  out['10'] = Math.floor(v('09') * between(rng, 0.2, 0.8));
  out['12'] = Math.floor(v('11') * between(rng, 0.6, 0.85));
  out['13'] = Math.floor((v('11') - v('12')) * between(rng, 0.1, 0.9));
  out['15'] = Math.floor(v('14') * between(rng, 0.05, 0.3));
  out['19'] = Math.max(1, v('19'));
  out['18'] = tenths(v('19') * between(rng, 0.5, 20));
  out['28'] = v('27') > 0 ? tenths(v('27') * between(rng, 40, 150)) : 0;
  out['33'] = v('32') > 0 ? tenths(v('32') * between(rng, 0.2, 1)) : 0;
  return out;
}

/** A sheet spec as the ExcelJS reader would hand it over: values, formulas and fonts on a rectangle. */
export function snapshotOf(spec: SheetSpec): SheetSnapshot {
  const width = spec.cells.reduce((w, row) => Math.max(w, row.length), 0);
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const fonts: (string | undefined)[][] = [];
  for (const row of spec.cells) {
    const vRow: CellValue[] = new Array<CellValue>(width).fill('');
    const fRow: string[] = new Array<string>(width).fill('');
    const fontRow: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined || cell === '') return;
      if (isFormulaCell(cell)) {
        vRow[c] = cell.result ?? '';
        fRow[c] = `=${cell.formula}`;
      } else {
        vRow[c] = cell;
      }
      fontRow[c] = WRITTEN_FONT;
    });
    values.push(vRow);
    formulas.push(fRow);
    fonts.push(fontRow);
  }
  return { name: spec.name, values, formulas, fonts, hiddenRows: [] };
}

/** One unit's return as the CLI would have opened it, but built in memory. */
export function memoryReturn(template: Template, unit: string, values: UnitFigures, file: string): ReturnInput {
  const [form, meta] = buildForm(template, { unit, period: BENCH_PERIOD, values });
  const metaGrid = snapshotOf(meta).values;
  return { file, workbook: { file, sheets: [snapshotOf(form)], meta: metaFromGrid(metaGrid) } };
}

export interface BenchCase {
  units: string[];
  figures: UnitFigures[];
  inputs: ReturnInput[];
  /** Expected provincial totals, summed here independently of the engine. */
  totals: Record<string, number>;
}

/** n units with varied figures, their in-memory returns and the totals they must add up to. */
export function makeCase(template: Template, n: number, seed = 0x5eed0000 + n): BenchCase {
  const rng = seededRng(seed);
  const units = unitNames(n);
  const figures = units.map(() => unitFigures(template, rng));
  const inputs = units.map((u, i) => memoryReturn(template, u, figures[i], fileNameFor(u)));
  return { units, figures, inputs, totals: sumFigures(template, figures) };
}

/** "Xã 0001" → "xa-0001.xlsx" (ASCII, as a clerk's file would usually be named). */
export function fileNameFor(unit: string): string {
  return `${unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-')}.xlsx`;
}

/** Sum by code in integer tenths, so decimal totals come out exact. */
export function sumFigures(template: Template, figures: readonly UnitFigures[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const ind of template.indicators) {
    let tenthsSum = 0;
    for (const f of figures) tenthsSum += Math.round((f[ind.code] ?? 0) * 10);
    totals[ind.code] = tenthsSum / 10;
  }
  return totals;
}

/** Codes whose totals differ by more than a rounding hair; empty when they agree. */
export function compareTotals(
  expected: Record<string, number>,
  actual: Record<string, number | undefined>,
): string[] {
  const bad: string[] = [];
  for (const [code, want] of Object.entries(expected)) {
    const got = actual[code];
    if (got === undefined || Math.abs(got - want) > 1e-6 * Math.max(1, Math.abs(want))) {
      bad.push(`${code}: expected ${want}, got ${got}`);
    }
  }
  for (const code of Object.keys(actual)) if (!(code in expected)) bad.push(`${code}: unexpected code`);
  return bad;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

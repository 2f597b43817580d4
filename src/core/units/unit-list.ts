/** The list of expected units (data: one name a line) and matching of names written in forms. */
import defaultUnitsData from './default-units.json';
import { foldKey, normalizeText } from '../text/normalize';

export class UnitListError extends Error {}

export function defaultUnits(): string[] {
  return [...defaultUnitsData.units];
}

/** One name a line; blank lines and lines starting with "#" are skipped. */
export function parseUnitList(text: string): string[] {
  const units: string[] = [];
  const seen = new Map<string, number>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const name = normalizeText(line);
    if (!name || name.startsWith('#')) return;
    const key = unitKey(name);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UnitListError(`Danh sách đơn vị, dòng ${i + 1}: "${name}" trùng với dòng ${first}.`);
    }
    seen.set(key, i + 1);
    units.push(name);
  });
  if (units.length === 0) throw new UnitListError('Danh sách đơn vị trống: cần mỗi dòng một tên đơn vị.');
  return units;
}

const PREFIXES = [
  'hoi cuu chien binh',
  'hoi ccb',
  'ccb',
  'thanh pho',
  'thi xa',
  'thi tran',
  'huyen',
  'quan',
  'phuong',
  'xa',
  'tp',
].map((p) => `${p} `);

/** Folded name without "Hội CCB", "huyện", "thành phố"… so that "Hội CCB huyện Quế Sơn" matches "Quế Sơn". */
export function unitKey(name: string): string {
  let key = foldKey(name);
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of PREFIXES) {
      if (key.startsWith(p)) {
        key = key.slice(p.length);
        changed = true;
      }
    }
  }
  return key;
}

export type UnitMatcher = (name: string | null | undefined) => string | null;

/** Keys every listed name once, so matching stays linear however long the list (3.321 communes). */
export function unitMatcher(units: readonly string[]): UnitMatcher {
  const byKey = new Map<string, string>();
  for (const u of units) if (!byKey.has(unitKey(u))) byKey.set(unitKey(u), u);
  return (name) => {
    if (!name) return null;
    const key = unitKey(name);
    return key ? byKey.get(key) ?? null : null;
  };
}

export function matchUnit(name: string | null | undefined, units: readonly string[]): string | null {
  return unitMatcher(units)(name);
}

export function sameUnit(a: string, b: string): boolean {
  return unitKey(a) === unitKey(b);
}

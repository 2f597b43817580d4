/**
 * Hidden metadata that lets a returned workbook be recognised. It lives in a very hidden
 * sheet of key/value rows: readable by ExcelJS and by every Excel since ExcelApi 1.1.
 */
import type { Grid } from '../grid/sheet';
import type { SheetSpec } from '../grid/sheet-spec';
import { normalizeText } from '../text/normalize';

export const META_SHEET_NAME = '_tonghop';

export type WorkbookKind = 'form' | 'consolidation';

export interface WorkbookMeta {
  kind: WorkbookKind;
  templateId: string;
  templateVersion: string;
  period: string;
  /** Set on forms: the unit the form was made for. */
  unit?: string;
}

const KEYS: Record<keyof WorkbookMeta, string> = {
  kind: 'kind',
  templateId: 'templateId',
  templateVersion: 'templateVersion',
  period: 'period',
  unit: 'unit',
};

export function metaSheet(meta: WorkbookMeta): SheetSpec {
  const cells = (Object.keys(KEYS) as (keyof WorkbookMeta)[])
    .filter((k) => meta[k] !== undefined)
    .map((k) => [KEYS[k], String(meta[k])]);
  return { name: META_SHEET_NAME, cells, visibility: 'veryHidden' };
}

/** Returns null when the grid holds no recognisable metadata. */
export function metaFromGrid(grid: Grid): WorkbookMeta | null {
  const map = new Map<string, string>();
  for (const row of grid) {
    const key = typeof row[0] === 'string' ? row[0].trim() : '';
    if (key) map.set(key, normalizeText(String(row[1] ?? '')));
  }
  const kind = map.get('kind');
  const templateId = map.get('templateId');
  if ((kind !== 'form' && kind !== 'consolidation') || !templateId) return null;
  return {
    kind,
    templateId,
    templateVersion: map.get('templateVersion') ?? '',
    period: map.get('period') ?? '',
    unit: map.get('unit') || undefined,
  };
}

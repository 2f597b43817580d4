/**
 * Whether one sheet of an .xlsx package can go through Workbook.insertWorksheetsFromBase64
 * (ExcelApi 1.13) on every Excel: the API takes .xlsx only (.xlsm and .xltm are refused), and Excel
 * on the web refuses sheets carrying comments, charts, PivotTables or slicers. Read from the package
 * alone, without parsing any cell:
 *   [Content_Types].xml           the workbook part's content type (plain .xlsx or not)
 *   _rels/.rels                   where the workbook part is
 *   xl/workbook.xml (+ its rels)  which part is the sheet
 *   the sheet's .rels             what hangs off the sheet: comments, drawings, pivot tables, slicers
 *   the sheet part                only for a <sheetProtection> with a password (password= or
 *                                 hashValue=): the inserted sheet must be unprotected to take
 *                                 highlights, and Excel cannot unprotect it without the password
 *                                 (the values path writes an unprotected sheet instead)
 * Parts of other sheets do not count: only the named sheet is inserted.
 */
import { unzipSync } from 'fflate';
import { decodeXml, prefixedAttribute, readXml } from './xlsx-xml';

export type InsertBlocker = 'not-xlsx' | 'no-sheet' | 'comments' | 'drawing' | 'pivot-table' | 'slicer' | 'password';

const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Relationship type (last path segment) of a sheet → what it makes the sheet carry. */
const SHEET_REL_BLOCKERS: Record<string, InsertBlocker> = {
  comments: 'comments', // notes (legacy comments)
  threadedComment: 'comments',
  drawing: 'drawing', // charts, pictures, shapes
  vmlDrawing: 'drawing', // the notes' boxes, form controls
  pivotTable: 'pivot-table',
  slicer: 'slicer',
  timeline: 'slicer',
};

function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function resolveTarget(sourceDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep it as written
  }
  const out: string[] = [];
  for (const seg of (t.startsWith('/') ? t.slice(1) : sourceDir + t).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

interface Rel { id: string; type: string; target: string }

function readRels(xml: string | undefined, sourcePart: string): Rel[] {
  if (xml === undefined) return [];
  return readXml(xml, (walk) => {
    const rels: Rel[] = [];
    walk({
      open(tag, a) {
        if (tag !== 'Relationship' || !a.Id || a.Target === undefined || a.TargetMode === 'External') return;
        rels.push({ id: a.Id, type: a.Type ?? '', target: resolveTarget(dirOf(sourcePart), a.Target) });
      },
    });
    return rels;
  });
}

function contentTypeOf(xml: string | undefined, part: string): string | undefined {
  if (xml === undefined) return undefined;
  const key = partKey(part);
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return readXml(xml, (walk) => {
    let byDefault: string | undefined;
    let byOverride: string | undefined;
    walk({
      open(tag, a) {
        if (tag === 'Override' && partKey(a.PartName ?? '') === key) byOverride = a.ContentType;
        else if (tag === 'Default' && (a.Extension ?? '').toLowerCase() === ext) byDefault = a.ContentType;
      },
    });
    return byOverride ?? byDefault;
  });
}

function sheetRelId(workbookXml: string, sheetName: string): string | undefined {
  return readXml(workbookXml, (walk) => {
    let id: string | undefined;
    walk({
      open(tag, a) {
        if (tag === 'sheet' && a.name === sheetName && id === undefined) id = prefixedAttribute(a, 'id') ?? a.id;
      },
    });
    return id;
  });
}

/** The parts named in `wanted` (part keys), unzipped; nothing else is inflated. */
function partsOf(bytes: Uint8Array, wanted: (key: string) => boolean): Map<string, string> {
  const files = unzipSync(bytes, { filter: (f) => wanted(partKey(f.name)) });
  return new Map(Object.entries(files).map(([name, data]) => [partKey(name), decodeXml(data)]));
}

/** Whether the sheet's <sheetProtection> (any prefix) carries a password: legacy `password` or a `hashValue`. */
function hasProtectionPassword(sheetXml: string): boolean {
  const tag = /<(?:[\w.-]+:)?sheetProtection\b([^>]*)>/.exec(sheetXml);
  return !!tag && /(?:^|\s)(?:[\w.-]+:)?(?:password|hashValue)\s*=\s*["'][^"']+["']/.test(tag[1]);
}

/**
 * What keeps sheet `sheetName` of the package from being inserted as it is; empty when nothing does.
 * Throws when the bytes are not a zip package.
 */
export function insertBlockers(bytes: Uint8Array, sheetName: string): InsertBlocker[] {
  // Relationship parts are small: all of them come in the first pass, with the content types.
  const parts = partsOf(bytes, (k) => k === '[content_types].xml' || k.endsWith('.rels'));
  const rootRels = readRels(parts.get('_rels/.rels'), '');
  const workbookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (contentTypeOf(parts.get('[content_types].xml'), workbookPath) !== XLSX_MAIN) return ['not-xlsx'];

  const workbookXml = partsOf(bytes, (k) => k === partKey(workbookPath)).get(partKey(workbookPath));
  const relId = workbookXml === undefined ? undefined : sheetRelId(workbookXml, sheetName);
  const sheetPath = readRels(parts.get(partKey(relsPathOf(workbookPath))), workbookPath).find((r) => r.id === relId)?.target;
  if (!sheetPath) return ['no-sheet'];

  const found = new Set<InsertBlocker>();
  for (const rel of readRels(parts.get(partKey(relsPathOf(sheetPath))), sheetPath)) {
    const blocker = SHEET_REL_BLOCKERS[rel.type.slice(rel.type.lastIndexOf('/') + 1)];
    if (blocker) found.add(blocker);
  }
  const sheetXml = partsOf(bytes, (k) => k === partKey(sheetPath)).get(partKey(sheetPath));
  if (sheetXml !== undefined && hasProtectionPassword(sheetXml)) found.add('password');
  return [...found].sort();
}

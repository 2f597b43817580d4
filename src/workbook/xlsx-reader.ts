/**
 * A lean, read-only .xlsx reader for cell values: what reading a return needs, and nothing else.
 * ExcelJS stays for writing (tong-hop.xlsx, forms, annotated copies); this reader only reads,
 * in a fraction of ExcelJS's time (no style objects, no cell objects, no promise per zip entry).
 *
 * It unzips the package with fflate (only the parts it needs), then reads (xlsx-xml.ts: a fast
 * walk of plain XML, saxes for anything else)
 *   _rels/.rels                   where the workbook part is (xl/workbook.xml when absent)
 *   xl/workbook.xml               sheet names, order, state and relationship id
 *   xl/_rels/workbook.xml.rels    where each sheet, the shared strings and the styles are
 *   xl/sharedStrings.xml          plain and rich-text strings (phonetic runs left out)
 *   xl/styles.xml                 the font name of each cell style (cellXfs → fonts)
 *   xl/worksheets/*.xml           cells, hidden rows, merged ranges (see xlsx-sheet.ts)
 * Each sheet is parsed only when its snapshot is asked for.
 *
 * Throws when the bytes are not a zip package or the package has no workbook part, so that a
 * caller can report the file as unreadable (a sheet that is not well-formed XML throws when its
 * snapshot is taken).
 *
 * The snapshots are ExcelJsWorkbook's (tests/workbook/xlsx-reader.test.ts compares them on every
 * bundled file), except where ExcelJS departs from what Excel shows (Range.values / formulas /
 * format.font), and this reader follows Excel:
 *   - a cell without a style (no `s`, or s="0") has the font of the default style, cellXfs[0]
 *     (ExcelJS: no font), so a workbook whose Normal style is .VnTime is seen as TCVN3;
 *   - a cell of a shared formula gets the first cell's formula moved by its offset, and only
 *     references move (ExcelJS also rewrites "A1" inside a quoted string);
 *   - a t="str" text is XML-decoded once ("&amp;lt;" in the file is the text "&lt;"; ExcelJS
 *     decodes it twice, to "<"); `_xHHHH_` escapes are undone in inline strings too;
 *   - t="d" cells (ISO dates) read as serial numbers (ExcelJS: the year, 2024);
 *   - files ExcelJS refuses are read: rows without `r` (they follow the previous row, and cells
 *     without `r` the previous cell), prefixed element names (<x:c>), overlapping merged ranges;
 *   - a shared-formula cell whose first cell is missing reads as no formula (ExcelJS: "=undefined").
 */
import { unzipSync } from 'fflate';
import type { SheetSnapshot } from '../core/grid/sheet';
import { parseWorksheet, type SheetContext } from './xlsx-sheet';
import { decodeXml, prefixedAttribute, readXml, unescapeXstring, type XmlWalk } from './xlsx-xml';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Parsed on first call, then the same object is returned: treat it as read-only. */
  snapshot(): SheetSnapshot;
}

export interface XlsxWorkbook {
  /** Worksheets in tab order (chart sheets and other non-worksheet sheets are left out). */
  readonly sheets: readonly XlsxSheet[];
  /** The sheet with exactly this name. */
  sheet(name: string): XlsxSheet | undefined;
}

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';

/** Zip entry names compare case-insensitively (OPC part names do), with "\" read as "/". */
function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Parts read in the first pass: the usual names, so that one unzip pass is almost always enough. */
function isUsualPart(key: string): boolean {
  return (
    key === '_rels/.rels' ||
    key === 'xl/workbook.xml' ||
    key === 'xl/_rels/workbook.xml.rels' ||
    key === 'xl/sharedstrings.xml' ||
    key === 'xl/styles.xml' ||
    (key.startsWith('xl/worksheets/') && key.endsWith('.xml') && key.indexOf('/', 14) < 0)
  );
}

class Package {
  private readonly parts = new Map<string, Uint8Array>();

  constructor(private readonly bytes: Uint8Array) {
    this.load(isUsualPart);
  }

  private load(wanted: (key: string) => boolean): void {
    const files = unzipSync(this.bytes, { filter: (f) => wanted(partKey(f.name)) });
    for (const [name, data] of Object.entries(files)) this.parts.set(partKey(name), data);
  }

  /** Loads in one more pass whichever of `paths` the first pass did not (unusual part names). */
  ensure(paths: (string | undefined)[]): void {
    const missing = new Set(paths.filter((p): p is string => !!p).map(partKey).filter((k) => !this.parts.has(k)));
    if (missing.size) this.load((k) => missing.has(k));
  }

  bytesOf(path: string | undefined): Uint8Array | undefined {
    return path ? this.parts.get(partKey(path)) : undefined;
  }

  text(path: string | undefined): string | undefined {
    const data = this.bytesOf(path);
    return data ? decodeXml(data) : undefined;
  }
}

interface Relationship {
  type: string;
  /** Package path, without a leading "/". */
  target: string;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** A relationship target resolved against the folder of its source part ("worksheets/sheet1.xml", "/xl/…", "../…"). */
function resolveTarget(sourceDir: string, target: string): string {
  let t = target;
  if (t.includes('%')) {
    try {
      t = decodeURIComponent(t);
    } catch {
      // keep it as written
    }
  }
  const joined = t.startsWith('/') ? t.slice(1) : sourceDir + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

function readRels(xml: string | undefined, sourcePart: string): Map<string, Relationship> {
  if (!xml) return new Map();
  const dir = dirOf(sourcePart);
  return readXml(xml, (walk) => {
    const rels = new Map<string, Relationship>();
    walk({
      open(tag, a) {
        if (tag !== 'Relationship' || !a.Id || a.Target === undefined || a.TargetMode === 'External') return;
        rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(dir, a.Target) });
      },
    });
    return rels;
  });
}

function relOfType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel;
  return undefined;
}

interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  relId: string | undefined;
}

function readWorkbookPart(xml: string): SheetEntry[] {
  return readXml(xml, (walk) => {
    const sheets: SheetEntry[] = [];
    walk({
      open(tag, a) {
        if (tag !== 'sheet') return;
        const state = a.state;
        sheets.push({
          name: a.name ?? '',
          visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          relId: prefixedAttribute(a, 'id') ?? a.id,
        });
      },
    });
    return sheets;
  });
}

/** Plain text of each <si>: its <t>, or its rich-text runs' <t> joined; phonetic runs (<rPh>) left out. */
function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return readXml(xml, (walk) => sharedStringsWith(walk));
}

function sharedStringsWith(walk: XmlWalk): string[] {
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let current = '';
  walk({
    open(tag) {
      if (tag === 'si') {
        inItem = true;
        current = '';
      } else if (!inItem) return;
      else if (tag === 't') inText = phonetic === 0;
      else if (tag === 'rPh') phonetic++;
    },
    close(tag) {
      if (tag === 't') inText = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'si') {
        strings.push(unescapeXstring(current));
        inItem = false;
        phonetic = 0;
      }
    },
    text(s) {
      if (inText) current += s;
    },
  });
  return strings;
}

/** The font name of each cell style (cellXfs index); undefined where the style names none. */
function readStyleFonts(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  return readXml(xml, (walk) => styleFontsWith(walk));
}

function styleFontsWith(walk: XmlWalk): (string | undefined)[] {
  const fontNames: (string | undefined)[] = [];
  const xfFontIds: (number | undefined)[] = [];
  let section: 'fonts' | 'cellXfs' | null = null;
  let inFont = false;
  walk({
    open(tag, a) {
      if (tag === 'fonts' || tag === 'cellXfs') section = tag;
      else if (section === 'fonts') {
        if (tag === 'font') {
          inFont = true;
          fontNames.push(undefined);
        } else if (tag === 'name' && inFont) fontNames[fontNames.length - 1] = a.val || undefined;
      } else if (section === 'cellXfs' && tag === 'xf') {
        const id = a.fontId === undefined ? NaN : parseInt(a.fontId, 10);
        xfFontIds.push(Number.isNaN(id) ? undefined : id);
      }
    },
    close(tag) {
      if (tag === 'fonts' || tag === 'cellXfs') section = null;
      else if (tag === 'font') inFont = false;
    },
  });
  return xfFontIds.map((id) => (id === undefined ? undefined : fontNames[id]));
}

class LazySheet implements XlsxSheet {
  private cached: SheetSnapshot | undefined;

  constructor(
    readonly name: string,
    readonly visibility: SheetVisibility,
    private part: Uint8Array | undefined,
    private readonly ctx: SheetContext,
  ) {}

  snapshot(): SheetSnapshot {
    if (!this.cached) {
      this.cached = parseWorksheet(this.name, decodeXml(this.part!), this.ctx);
      this.part = undefined;
    }
    return this.cached;
  }
}

export function readXlsxWorkbook(bytes: Uint8Array): XlsxWorkbook {
  const pkg = new Package(bytes);

  const rootRels = readRels(pkg.text('_rels/.rels'), '');
  const workbookPath = relOfType(rootRels, REL_OFFICE_DOCUMENT)?.target ?? 'xl/workbook.xml';
  pkg.ensure([workbookPath]);
  const workbookXml = pkg.text(workbookPath);
  if (workbookXml === undefined) throw new Error(`no workbook part (${workbookPath}) in the package`);

  const entries = readWorkbookPart(workbookXml);
  const rels = readRels(pkg.text(relsPathOf(workbookPath)), workbookPath);
  const sharedStringsPath = relOfType(rels, REL_SHARED_STRINGS)?.target ?? `${dirOf(workbookPath)}sharedStrings.xml`;
  const stylesPath = relOfType(rels, REL_STYLES)?.target ?? `${dirOf(workbookPath)}styles.xml`;
  // Worksheets only: chart sheets, dialog and macro sheets have no cells to read.
  const sheetPaths = entries.map((e) => {
    const rel = e.relId === undefined ? undefined : rels.get(e.relId);
    return rel && (rel.type === '' || rel.type.endsWith(REL_WORKSHEET)) ? rel.target : undefined;
  });
  pkg.ensure([sharedStringsPath, stylesPath, ...sheetPaths]);

  const sharedStrings = readSharedStrings(pkg.text(sharedStringsPath));
  const styleFonts = readStyleFonts(pkg.text(stylesPath));
  const ctx: SheetContext = {
    sharedStrings,
    fontOfStyle: (style) => styleFonts[style],
  };

  const sheets: XlsxSheet[] = [];
  entries.forEach((e, i) => {
    const part = pkg.bytesOf(sheetPaths[i]);
    // A sheet whose part is missing is left out, as ExcelJS does.
    if (part) sheets.push(new LazySheet(e.name, e.visibility, part, ctx));
  });
  return {
    sheets,
    sheet: (name) => sheets.find((s) => s.name === name),
  };
}

/**
 * Reads a .docx back (jszip + xmldom) for the renderer tests, and checks it against the layout
 * rules of Decree 30/2020/NĐ-CP, Appendix I. `layoutProblems` returns a list of problems (empty =
 * fine) so a test can also prove that it catches a document laid out differently.
 */
import JSZip from 'jszip';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const TNR = 'Times New Roman';

export interface DocxParts {
  files: string[];
  document: Document;
  styles: Document;
  /** Header parts by reference type ("default", "first"), as the section properties name them. */
  headers: Record<string, Document>;
  comments: Document | null;
  relsXml: string;
  contentTypesXml: string;
  /** Every XML part, raw. */
  raw: Record<string, string>;
}

export function parseXml(xml: string, what: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${what} XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
  const raw: Record<string, string> = {};
  for (const f of files) if (/\.(xml|rels)$/.test(f)) raw[f] = await zip.file(f)!.async('string');
  const need = (f: string) => {
    if (raw[f] === undefined) throw new Error(`${f} missing from the .docx`);
    return raw[f];
  };
  const document = parseXml(need('word/document.xml'), 'document');
  const relsXml = need('word/_rels/document.xml.rels');
  const rels = parseXml(relsXml, 'rels');
  const targets = new Map<string, string>();
  for (const r of Array.from(rels.getElementsByTagName('Relationship'))) {
    targets.set(r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '');
  }
  const headers: Record<string, Document> = {};
  for (const ref of wEls(document, 'headerReference')) {
    const target = targets.get(ref.getAttributeNS(R_NS, 'id') ?? '') ?? '';
    headers[wAttr(ref, 'type') ?? ''] = parseXml(need(`word/${target.replace(/^\/?word\//, '')}`), 'header');
  }
  return {
    files,
    document,
    styles: parseXml(need('word/styles.xml'), 'styles'),
    headers,
    comments: raw['word/comments.xml'] === undefined ? null : parseXml(raw['word/comments.xml'], 'comments'),
    relsXml,
    contentTypesXml: need('[Content_Types].xml'),
    raw,
  };
}

/** Descendants in the w: namespace with that local name. */
export function wEls(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W_NS, localName));
}

export function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The direct child w:<localName>, if any. */
export function wChild(el: Element | null | undefined, localName: string): Element | null {
  if (!el) return null;
  return children(el).find((c) => c.namespaceURI === W_NS && c.localName === localName) ?? null;
}

/** A chain of direct children: wPath(p, 'pPr', 'spacing'). */
export function wPath(el: Element | null | undefined, ...names: string[]): Element | null {
  let cur: Element | null = el ?? null;
  for (const n of names) cur = wChild(cur, n);
  return cur;
}

export function wAttr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  return el.hasAttributeNS(W_NS, name) ? el.getAttributeNS(W_NS, name) : null;
}

export function wNum(el: Element | null | undefined, name: string): number | null {
  const v = wAttr(el, name);
  return v === null ? null : Number(v);
}

/** A toggle property (w:b, w:i, w:titlePg) of `parent` is on when present without val="0"/"false". */
export function isOn(parent: Element | null, name: string): boolean {
  const el = wChild(parent, name);
  if (!el) return false;
  const v = wAttr(el, 'val');
  return v === null || !['0', 'false', 'off'].includes(v);
}

/** Text of a paragraph (or a run): w:t joined, w:br as "\n", w:tab as "\t". */
export function textOf(el: Element): string {
  let out = '';
  const walk = (n: Element) => {
    for (const c of children(n)) {
      if (c.namespaceURI !== W_NS) continue;
      if (c.localName === 't') out += c.textContent ?? '';
      else if (c.localName === 'br') out += '\n';
      else if (c.localName === 'tab') out += '\t';
      else walk(c);
    }
  };
  walk(el);
  return out;
}

export function body(parts: DocxParts): Element {
  return wEls(parts.document, 'body')[0];
}

/** The paragraphs of the body in reading order, tables included. */
export function bodyParagraphs(parts: DocxParts): Element[] {
  return wEls(body(parts), 'p');
}

/** Top-level tables of the body. */
export function bodyTables(parts: DocxParts): Element[] {
  return children(body(parts)).filter((c) => c.localName === 'tbl');
}

/** Top-level paragraphs of the body (outside tables). */
export function topParagraphs(parts: DocxParts): Element[] {
  return children(body(parts)).filter((c) => c.localName === 'p');
}

/** Runs carrying text (not the comment-reference runs). */
export function textRuns(p: Element): Element[] {
  return wEls(p, 'r').filter((r) => wEls(r, 't').length > 0);
}

/** Half-point size of a run: its own w:sz, else the document default. */
export function runSize(parts: DocxParts, r: Element): number | null {
  return wNum(wPath(r, 'rPr', 'sz'), 'val') ?? docDefaultSize(parts);
}

export function docDefaultSize(parts: DocxParts): number | null {
  const rPr = wEls(parts.styles, 'rPrDefault')[0];
  return wNum(wPath(rPr, 'rPr', 'sz'), 'val');
}

export function sectPr(parts: DocxParts): Element {
  const s = wChild(body(parts), 'sectPr');
  if (!s) throw new Error('no w:sectPr in the body');
  return s;
}

/** The paragraph whose text is exactly `text`. */
export function paragraphWithText(parts: DocxParts, text: string): Element {
  const p = bodyParagraphs(parts).find((x) => textOf(x) === text);
  if (!p) throw new Error(`no paragraph "${text}"; have: ${bodyParagraphs(parts).map(textOf).filter(Boolean).join(' | ')}`);
  return p;
}

export function styleById(parts: DocxParts, id: string): Element | null {
  return wEls(parts.styles, 'style').find((s) => wAttr(s, 'styleId') === id) ?? null;
}

const FONT_SLOTS = ['ascii', 'hAnsi', 'cs', 'eastAsia'] as const;
const THEME_SLOTS = ['asciiTheme', 'hAnsiTheme', 'cstheme', 'eastAsiaTheme'] as const;

/** Problems with one w:rFonts: a slot that is not Times New Roman, or a theme font that would override it. */
export function fontProblems(rFonts: Element | null, where: string): string[] {
  if (!rFonts) return [`${where}: no w:rFonts`];
  const out: string[] = [];
  for (const slot of FONT_SLOTS) {
    const v = wAttr(rFonts, slot);
    if (v !== TNR) out.push(`${where}: font slot ${slot} is ${v ?? 'unset'}`);
  }
  for (const slot of THEME_SLOTS) if (wAttr(rFonts, slot) !== null) out.push(`${where}: theme font in ${slot}`);
  return out;
}

const MM = 1440 / 25.4;
const within = (v: number | null, lo: number, hi: number) => v !== null && v >= lo && v <= hi;

/** Word's paragraph properties that matter for a body paragraph, direct formatting over its style. */
export function effectiveParagraph(parts: DocxParts, p: Element) {
  const pPr = wChild(p, 'pPr');
  const style = styleById(parts, wAttr(wChild(pPr, 'pStyle'), 'val') ?? '');
  const sPr = wChild(style, 'pPr');
  const defaults = wPath(wEls(parts.styles, 'pPrDefault')[0], 'pPr');
  const pick = (...names: string[]) => wPath(pPr, ...names) ?? wPath(sPr, ...names) ?? wPath(defaults, ...names);
  const spacing = [wChild(pPr, 'spacing'), wChild(sPr, 'spacing'), wChild(defaults, 'spacing')];
  const spacingAttr = (name: string) => {
    for (const s of spacing) if (wAttr(s, name) !== null) return wAttr(s, name);
    return null;
  };
  return {
    jc: wAttr(pick('jc'), 'val'),
    firstLine: wNum(pick('ind'), 'firstLine'),
    after: spacingAttr('after') === null ? 0 : Number(spacingAttr('after')),
    line: spacingAttr('line') === null ? 240 : Number(spacingAttr('line')),
    lineRule: spacingAttr('lineRule') ?? 'auto',
  };
}

/**
 * Checks the Decree 30 layout rules on a rendered report. `bodyTexts` are the texts of paragraphs
 * expected to be body text (justified, indented, 14 pt).
 */
export function layoutProblems(parts: DocxParts, bodyTexts: string[] = []): string[] {
  const out: string[] = [];
  const sect = wChild(body(parts), 'sectPr');
  const pgSz = wChild(sect, 'pgSz');
  if (wNum(pgSz, 'w') !== 11906 || wNum(pgSz, 'h') !== 16838) out.push(`page is ${wAttr(pgSz, 'w')} × ${wAttr(pgSz, 'h')}, not A4 portrait`);
  const pgMar = wChild(sect, 'pgMar');
  const margins: [string, number, number][] = [['top', 20, 25], ['bottom', 20, 25], ['left', 30, 35], ['right', 15, 20]];
  for (const [side, lo, hi] of margins) {
    if (!within(wNum(pgMar, side), Math.floor(lo * MM), Math.ceil(hi * MM))) out.push(`${side} margin ${wAttr(pgMar, side)} twips is outside ${lo}–${hi} mm`);
  }
  if (!isOn(sect, 'titlePg')) out.push('no w:titlePg: page 1 would carry a page number');

  const header = parts.headers.default;
  const instr = header ? wEls(header, 'instrText').map((i) => i.textContent ?? '').join(' ') : '';
  const fld = header ? wEls(header, 'fldSimple').map((f) => wAttr(f, 'instr') ?? '').join(' ') : '';
  if (!/\bPAGE\b/.test(`${instr} ${fld}`)) out.push('no PAGE field in the default header');
  const headerP = header ? wEls(header, 'p').find((p) => wEls(p, 'instrText').length || wEls(p, 'fldSimple').length) : undefined;
  if (headerP && wAttr(wPath(headerP, 'pPr', 'jc'), 'val') !== 'center') out.push('page number not centred');
  const first = parts.headers.first;
  if (first && (wEls(first, 'instrText').length || wEls(first, 'fldSimple').length || textOf(first.documentElement as unknown as Element).trim())) {
    out.push('the first-page header is not empty');
  }

  const rPrDefault = wPath(wEls(parts.styles, 'rPrDefault')[0], 'rPr');
  out.push(...fontProblems(wChild(rPrDefault, 'rFonts'), 'document defaults'));
  if (docDefaultSize(parts) !== 28) out.push(`default size is ${docDefaultSize(parts)} half-points, not 28`);
  for (const [name, xml] of Object.entries(parts.raw)) {
    if (!/^word\/(document|header\d*|footer\d*|styles|comments)\.xml$/.test(name)) continue;
    const doc = parseXml(xml, name);
    wEls(doc, 'rFonts').forEach((f, i) => out.push(...fontProblems(f, `${name} rFonts #${i + 1}`)));
  }
  for (const r of wEls(body(parts), 'r')) {
    if (wEls(r, 't').length && !wPath(r, 'rPr', 'rFonts')) out.push(`run "${textOf(r)}" sets no font`);
  }

  for (const tbl of bodyTables(parts)) {
    const borders = wPath(tbl, 'tblPr', 'tblBorders');
    const sides = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];
    for (const side of sides) {
      const v = wAttr(wChild(borders, side), 'val');
      if (v !== 'none' && v !== 'nil') out.push(`table border ${side} is ${v ?? 'unset (the table style would decide)'}`);
    }
    for (const tcb of wEls(tbl, 'tcBorders')) {
      for (const b of children(tcb)) {
        const v = wAttr(b, 'val');
        if (v !== 'none' && v !== 'nil') out.push(`cell border ${b.localName} is ${v}`);
      }
    }
  }

  for (const text of bodyTexts) {
    const p = bodyParagraphs(parts).find((x) => textOf(x) === text);
    if (!p) {
      out.push(`body paragraph "${text.slice(0, 30)}…" not found`);
      continue;
    }
    const e = effectiveParagraph(parts, p);
    const label = `"${text.slice(0, 30)}…"`;
    if (e.jc !== 'both') out.push(`${label} is not justified (${e.jc})`);
    if (e.firstLine === null || !within(e.firstLine, 560, 730)) out.push(`${label} first-line indent ${e.firstLine}`);
    if (e.after < 120) out.push(`${label} spacing after ${e.after} < 120`);
    const lineOk = e.lineRule === 'auto' ? within(e.line, 240, 360) : e.lineRule === 'exact' || e.lineRule === 'atLeast' ? within(e.line, 280, 420) : false;
    if (!lineOk) out.push(`${label} line spacing ${e.line} ${e.lineRule}`);
    for (const r of textRuns(p)) {
      if (runSize(parts, r) !== 28) out.push(`${label} has a run of ${runSize(parts, r)} half-points`);
    }
  }
  return out;
}

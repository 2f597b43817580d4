/**
 * A fast XML walk for the plain XML that spreadsheet writers produce: elements, attributes, text
 * and the five predefined and numeric character references, nothing else. It gives the same events
 * as walkXml (saxes) on such documents, several times faster. On anything else (comments, CDATA,
 * processing instructions, a document type, white space or "<" in an attribute
 * value, names beyond ASCII, control characters, surrogates, and every well-formedness error) it
 * throws Unsupported before or after having sent events: the caller then starts again with saxes,
 * which also gives the error messages.
 */
import type { XmlAttributes, XmlHandlers } from './xlsx-xml';

export class Unsupported extends Error {}

const unsupported = new Unsupported('not plain XML');

/** Characters that make a document "not plain": control characters, surrogates, U+FFFE/U+FFFF. */
const UNUSUAL_CHARS = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const XML_DECLARATION = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1([ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*\?>/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const SPACE = '[ \\t\\n]';
/** A start tag whose attribute values hold no "<", tab or line break. */
const START_TAG = new RegExp(`<${NAME}(?:${SPACE}+${NAME}${SPACE}*=${SPACE}*(?:"[^"<\\t\\n]*"|'[^'<\\t\\n]*'))*${SPACE}*/?>`, 'y');
const END_TAG = new RegExp(`</${NAME}${SPACE}*>`, 'y');
const NOT_SPACE = /[^ \t\n]/;

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Text with its references replaced; throws Unsupported on a bare "&" or an unknown entity. */
function decodeReferences(s: string): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) throw unsupported;
    const name = s.slice(amp + 1, semi);
    let ch = PREDEFINED[name];
    if (ch === undefined) {
      const hex = /^#x[0-9A-Fa-f]{1,6}$/.test(name);
      if (!hex && !/^#[0-9]{1,7}$/.test(name)) throw unsupported;
      const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (!isXmlChar(code)) throw unsupported;
      ch = String.fromCodePoint(code);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10;

/** Where the name starting at `from` ends (the tag has been checked: a name is followed by a space, "/", ">" or "="). */
function nameEnd(xml: string, from: number): number {
  let i = from;
  let c = xml.charCodeAt(i);
  while (!isSpace(c) && c !== 47 && c !== 62 && c !== 61) c = xml.charCodeAt(++i);
  return i;
}

/** The attributes of a checked start tag, between its name and `end` (its "/>" or ">"). */
function readAttributes(xml: string, from: number, end: number): XmlAttributes {
  const attributes: XmlAttributes = {};
  let i = from;
  for (;;) {
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (i >= end) return attributes;
    const nameStop = nameEnd(xml, i);
    const name = xml.slice(i, nameStop);
    i = xml.indexOf('=', nameStop) + 1;
    while (isSpace(xml.charCodeAt(i))) i++;
    const endQuote = xml.indexOf(xml[i], i + 1);
    let value = xml.slice(i + 1, endQuote);
    i = endQuote + 1;
    if (value.indexOf('&') >= 0) value = decodeReferences(value);
    if (name === '__proto__' || attributes[name] !== undefined) throw unsupported;
    attributes[name] = value;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Walks `xml` as walkXml does; throws Unsupported when the document is not plain XML. */
export function scanXml(source: string, handlers: XmlHandlers): void {
  const { open, close, text } = handlers;
  if (UNUSUAL_CHARS.test(source)) throw unsupported;
  // End-of-line handling of XML 1.0 (2.11), as saxes does: Excel writes "\r\n" after the declaration.
  const xml = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const n = xml.length;
  let i = 0;
  if (xml.startsWith('<?')) {
    const decl = XML_DECLARATION.exec(xml);
    if (!decl) throw unsupported;
    i = decl[0].length;
  }
  const stack: string[] = [];
  let rootSeen = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const chunk = xml.slice(i, end);
      if (stack.length === 0) {
        if (NOT_SPACE.test(chunk)) throw unsupported;
      } else {
        if (chunk.includes(']]>')) throw unsupported;
        text?.(chunk.indexOf('&') < 0 ? chunk : decodeReferences(chunk));
      }
    }
    if (lt < 0) break;
    // The tag is checked whole by a regular expression (test: no match object to allocate), then
    // taken apart by position, which its shape makes safe.
    if (xml.charCodeAt(lt + 1) === 47) {
      END_TAG.lastIndex = lt;
      if (!END_TAG.test(xml)) throw unsupported;
      i = END_TAG.lastIndex;
      const name = xml.slice(lt + 2, nameEnd(xml, lt + 2));
      if (stack.pop() !== name) throw unsupported;
      close?.(localName(name));
      continue;
    }
    if (stack.length === 0 && rootSeen) throw unsupported;
    START_TAG.lastIndex = lt;
    if (!START_TAG.test(xml)) throw unsupported;
    i = START_TAG.lastIndex;
    const selfClosing = xml.charCodeAt(i - 2) === 47;
    const afterName = nameEnd(xml, lt + 1);
    const qualified = xml.slice(lt + 1, afterName);
    const attributes = readAttributes(xml, afterName, selfClosing ? i - 2 : i - 1);
    rootSeen = true;
    const name = localName(qualified);
    open(name, attributes);
    if (selfClosing) close?.(name);
    else stack.push(qualified);
  }
  if (stack.length > 0 || !rootSeen) throw unsupported;
}

/**
 * The small XML layer under the lean .xlsx reader (xlsx-reader.ts): bytes → text, a SAX walk
 * with namespace prefixes dropped from element names (the fast walk of xlsx-scan.ts, saxes for
 * what it leaves), and the `_xHHHH_` escapes of OOXML strings. Browser-safe (the task pane reads
 * returns too): no Node module is used.
 */
import { SaxesParser } from 'saxes';
import { scanXml, Unsupported } from './xlsx-scan';

export type XmlAttributes = Record<string, string>;

export interface XmlHandlers {
  /** `name` is the local name: "x:c" and "c" both arrive as "c". */
  open(name: string, attributes: XmlAttributes): void;
  close?(name: string): void;
  /** Character data and CDATA sections, references already decoded. */
  text?(text: string): void;
}

const utf8 = new TextDecoder('utf-8');
let utf16le: InstanceType<typeof TextDecoder> | undefined;
let utf16be: InstanceType<typeof TextDecoder> | undefined;

/** XML parts are UTF-8 in practice; UTF-16 (with its byte order mark) is allowed by OPC and handled. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return (utf16le ??= new TextDecoder('utf-16le')).decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return (utf16be ??= new TextDecoder('utf-16be')).decode(bytes);
  return utf8.decode(bytes); // drops a UTF-8 byte order mark
}

export class XmlError extends Error {
  constructor(message: string) {
    super(`XML: ${message}`);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Walks a whole XML document with saxes (non-validating, namespace prefixes dropped from element
 * names); throws on malformed XML, which is what a truncated or corrupt part gives. Document type
 * declarations are refused: spreadsheet parts never have one.
 */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const { open, close, text } = handlers;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.on('doctype', () => {
    throw new XmlError('document type declarations are not supported');
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    open(localName(tag.name), tag.attributes as XmlAttributes);
  });
  parser.on('closetag', (tag) => {
    depth--;
    close?.(localName(tag.name));
  });
  if (text) {
    // White space between the prolog and the root element is not content.
    parser.on('text', (t) => depth > 0 && text(t));
    parser.on('cdata', text);
  }
  parser.write(xml).close();
}

export type XmlWalk = (handlers: XmlHandlers) => void;

/**
 * Runs `read` with the fast walk of plain XML (xlsx-scan.ts), and once more with saxes when the
 * document is not plain: `read` must start from nothing each time it is called.
 */
export function readXml<T>(xml: string, read: (walk: XmlWalk) => T): T {
  try {
    return read((handlers) => scanXml(xml, handlers));
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return read((handlers) => walkXml(xml, handlers));
  }
}

/** The attribute whose local name is `local` whatever its prefix ("r:id", "ns1:id"), or undefined. */
export function prefixedAttribute(attributes: XmlAttributes, local: string): string | undefined {
  const suffix = `:${local}`;
  for (const key in attributes) if (key.endsWith(suffix)) return attributes[key];
  return undefined;
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * OOXML strings (ST_Xstring) escape characters XML cannot carry as `_xHHHH_`; `_x005F_` escapes
 * the underscore itself, so "_x005F_x000D_" reads as the literal text "_x000D_".
 */
export function unescapeXstring(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(X_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Excel booleans: "1"/"0", also "true"/"false" as some writers spell them. */
export function xmlBoolean(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

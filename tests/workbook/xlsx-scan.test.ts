/**
 * The fast walk of plain XML (src/workbook/xlsx-scan.ts) must give exactly saxes's events, or
 * give up (Unsupported) so that saxes reads the document instead: on every part of every bundled
 * workbook, on hand-written edge cases and on random mutations of a worksheet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { scanXml, Unsupported } from '../../src/workbook/xlsx-scan';
import { decodeXml, readXml, walkXml, type XmlHandlers } from '../../src/workbook/xlsx-xml';

const ROOT = path.join(__dirname, '..', '..');

type XmlEvent = ['open', string, [string, string][]] | ['close', string] | ['text', string];

/** The events of one walk; adjacent texts are joined (how text is split is not part of the contract). */
function events(walk: (xml: string, handlers: XmlHandlers) => void, xml: string): XmlEvent[] {
  const out: XmlEvent[] = [];
  walk(xml, {
    open: (name, attributes) => out.push(['open', name, Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1))]),
    close: (name) => out.push(['close', name]),
    text: (text) => {
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else out.push(['text', text]);
    },
  });
  return out;
}

type Outcome = { events: XmlEvent[] } | { error: string };

function outcome(walk: (xml: string, handlers: XmlHandlers) => void, xml: string): Outcome | 'unsupported' {
  try {
    return { events: events(walk, xml) };
  } catch (e) {
    if (e instanceof Unsupported) return 'unsupported';
    return { error: (e as Error).message };
  }
}

/** Either the fast walk gives up, or it gives what saxes gives (and saxes accepts the document). */
function expectSameOrUnsupported(xml: string): 'same' | 'unsupported' {
  const fast = outcome(scanXml, xml);
  if (fast === 'unsupported') return fast;
  expect(fast).toEqual(outcome(walkXml, xml));
  return 'same';
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.xlsx')).map((n) => path.join(dir, n));
}

function xmlParts(file: string): [string, string][] {
  try {
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    return Object.entries(parts)
      .filter(([name]) => /\.(xml|rels)$/i.test(name))
      .map(([name, bytes]) => [name, decodeXml(bytes)]);
  } catch {
    return []; // not a zip package (fixtures of broken files)
  }
}

const FILES = [
  ...xlsxFiles(path.join(ROOT, 'samples', 'quang-nam-2024-6t')),
  ...xlsxFiles(path.join(ROOT, 'samples', 'quang-nam-2023-nam')),
  ...xlsxFiles(path.join(ROOT, 'tests', 'fixtures')),
];

describe('scanXml', () => {
  it('gives saxes’s events on every part of every bundled workbook, and reads them all itself', () => {
    let parts = 0;
    for (const file of FILES) {
      for (const [name, xml] of xmlParts(file)) {
        expect([`${path.basename(file)}:${name}`, expectSameOrUnsupported(xml)]).toEqual([`${path.basename(file)}:${name}`, 'same']);
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(100);
  });

  it.each([
    ['references', '<a x="&lt;&amp;&#65;&#x42;&quot;&apos;&gt;">t &amp; &#x1F600; &#233;</a>'],
    ['single quotes and spaces', "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<a  x = 'y\"' >\n <b/><b  /></a>\n"],
    ['prefixes', '<x:root xmlns:x="urn:x" r:id="3"><x:c r="A1"><x:v>1</x:v></x:c></x:root>'],
    ['a ">" in text and attributes', '<a b="1>2">3 > 2</a>'],
    ['empty text and elements', '<a></a>'],
    // Excel writes "\r\n" after the XML declaration of every part.
    ['Excel\'s line end after the declaration', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a><b>x</b></a>'],
    ['carriage returns in text', '<a>x\r\ny\rz\r\n</a>'],
  ])('reads %s as saxes does', (_, xml) => {
    expect(expectSameOrUnsupported(xml)).toBe('same');
  });

  it.each([
    ['a comment', '<a><!-- x --></a>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['a processing instruction', '<a><?pi x?></a>'],
    ['a document type', '<!DOCTYPE a><a/>'],
    ['a carriage return in an attribute value', '<a b="x\r\ny"/>'],
    ['a tab in an attribute value', '<a b="x\ty"/>'],
    ['a line break in an attribute value', '<a b="x\ny"/>'],
    ['a non-ASCII name', '<ä/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['a reference to a non-character', '<a>&#1;</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>x'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['attributes without space between', '<a b="1"c="2"/>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['nothing', ''],
    ['an XML 1.1 declaration', '<?xml version="1.1"?><a/>'],
  ])('leaves %s to saxes', (_, xml) => {
    expect(outcome(scanXml, xml)).toBe('unsupported');
  });

  it('agrees with saxes on random mutations of a worksheet', () => {
    const sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="urn:main" xmlns:r="urn:r">' +
      '<sheetData><row r="1" spans="1:2"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><r><t xml:space="preserve"> x </t></r></is></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const pieces = ['<', '>', '/', '"', "'", '=', '&', ';', '&amp;', '&#65;', ' ', '\n', '\t', '\r', 'a', ':', '!', '?', ']]>', '<b>', '</b>', '<!--', '-->'];
    let same = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(sheet.length), fc.nat(3), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let xml = sheet;
          for (const [at, cut, insert] of edits) {
            const i = at % (xml.length + 1);
            xml = xml.slice(0, i) + insert + xml.slice(i + cut);
          }
          if (expectSameOrUnsupported(xml) === 'same') same++;
        },
      ),
      { numRuns: 2000, seed: 20240705 },
    );
    // Most mutations break the document; enough of them must still be read by the fast walk.
    expect(same).toBeGreaterThan(50);
  });

  it('readXml starts again with saxes when the document is not plain, and reports saxes’s errors', () => {
    const names = (xml: string): string[] =>
      readXml(xml, (walk) => {
        const seen: string[] = [];
        walk({ open: (name) => seen.push(name) });
        return seen;
      });
    expect(names('<a><!-- c --><b/></a>')).toEqual(['a', 'b']);
    expect(() => names('<a><b></a>')).toThrow(/^XML: /);
  });
});

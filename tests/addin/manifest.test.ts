/** The add-in manifest, checked offline: structure, requirements, URLs, Vietnamese strings, icons. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from '@xmldom/xmldom';
import { DEV_URL, productionBase, rewriteManifest } from '../../src/taskpane/manifest-url';
import {
  BT_NS, OFFICE_NS, OV_NS, ROOT, XSI_NS, childElements, elements, httpsProblems, iconProblems, manifestUrls,
  officeAppOrderProblems, orderProblems, overrideProblems, parseManifest, readManifest, resourceString, sourceFileFor, viOverride,
} from './manifest-checks';

const xml = readManifest();
const doc = parseManifest(xml);

function top(d: Document, name: string) {
  const el = childElements(d.documentElement!).find((e) => e.localName === name);
  if (!el) throw new Error(`no <${name}>`);
  return el;
}

/** Swaps the first occurrences of two whole top-level elements in the XML text. */
function swapped(text: string, a: string, b: string): string {
  const grab = (name: string) => {
    const m = text.match(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`));
    if (!m) throw new Error(`no ${name}`);
    return m[0];
  };
  const ea = grab(a);
  const eb = grab(b);
  return text.replace(ea, '\u0000A').replace(eb, ea).replace('\u0000A', eb);
}

describe('manifest.xml structure', () => {
  it('is a TaskPaneApp whose children follow the OfficeApp XSD order', () => {
    const root = doc.documentElement!;
    expect(root.namespaceURI).toBe(OFFICE_NS);
    expect(root.getAttributeNS(XSI_NS, 'type')).toBe('TaskPaneApp');
    expect(officeAppOrderProblems(doc)).toEqual([]);
    expect(childElements(root).map((e) => e.localName)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
      'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
    ]);
  });

  it('reports reordered, missing and unknown elements', () => {
    expect(officeAppOrderProblems(parseManifest(swapped(xml, 'Permissions', 'DefaultSettings')))).toEqual([
      '<DefaultSettings> comes after <Permissions>',
    ]);
    expect(officeAppOrderProblems(parseManifest(swapped(xml, 'Id', 'Version')))).toEqual(['<Id> comes after <Version>']);
    expect(orderProblems(['Id', 'Version', 'Extra'], ['Id', 'Version'], ['Id', 'Version', 'Permissions'])).toEqual([
      'missing <Permissions>',
      'unexpected <Extra>',
    ]);
  });

  it('has a fixed GUID id, a four-part version and en-US as default locale', () => {
    expect(top(doc, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(top(doc, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(top(doc, 'DefaultLocale').textContent).toBe('en-US');
  });

  it('targets Excel workbooks from ExcelApi 1.1 (Office 2016) with read/write access', () => {
    expect(elements(top(doc, 'Hosts'), OFFICE_NS, 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = elements(top(doc, 'Requirements'), OFFICE_NS, 'Sets');
    expect(sets).toHaveLength(1);
    expect(sets[0].getAttribute('DefaultMinVersion')).toBe('1.1');
    const set = elements(sets[0], OFFICE_NS, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(set).toEqual([['ExcelApi', '1.1']]);
    expect(top(doc, 'Permissions').textContent).toBe('ReadWriteDocument');
  });
});

describe('manifest.xml URLs', () => {
  it('uses https everywhere, on the development base', () => {
    expect(httpsProblems(doc)).toEqual([]);
    for (const url of manifestUrls(doc)) expect(url.startsWith(DEV_URL) || url === DEV_URL.replace(/\/$/, '')).toBe(true);
  });

  it('points every page and image at a file of this repository', () => {
    const missing = manifestUrls(doc)
      .filter((u) => u.startsWith(DEV_URL))
      .filter((u) => {
        const file = sourceFileFor(u);
        return !file || !existsSync(file);
      });
    expect(missing).toEqual([]);
  });

  it('opens the same task pane from the ribbon and by default', () => {
    const defaultPage = elements(top(doc, 'DefaultSettings'), OFFICE_NS, 'SourceLocation')[0].getAttribute('DefaultValue');
    const action = elements(doc, OV_NS, 'Action')[0];
    const resid = elements(action, OV_NS, 'SourceLocation')[0].getAttribute('resid');
    const url = elements(doc, BT_NS, 'Url').find((u) => u.getAttribute('id') === resid)?.getAttribute('DefaultValue');
    expect(defaultPage).toBe(`${DEV_URL}taskpane.html`);
    expect(url).toBe(defaultPage);
  });

  it('reports a plain http URL', () => {
    const insecure = parseManifest(xml.replace(`${DEV_URL}taskpane.html`, 'http://localhost:3000/taskpane.html'));
    expect(httpsProblems(insecure)).toEqual(['not https: http://localhost:3000/taskpane.html']);
  });
});

describe('manifest.xml strings', () => {
  it('gives every visible string a Vietnamese override', () => {
    expect(overrideProblems(doc)).toEqual([]);
    expect(viOverride(top(doc, 'DisplayName'))).toBe('Tổng hợp báo cáo');
  });

  it('reports a string without its vi-VN override', () => {
    const without = xml.replace(/\s*<bt:Override Locale="vi-VN" Value="Báo cáo"\/>/, '');
    expect(without).not.toBe(xml);
    expect(overrideProblems(parseManifest(without))).toEqual(['string "Group.Label" has no vi-VN override']);
    const topLevel = xml.replace(/\s*<Override Locale="vi-VN" Value="Tổng hợp báo cáo"\/>/, '');
    expect(overrideProblems(parseManifest(topLevel))).toEqual(['<DisplayName> has no vi-VN override']);
  });

  it('puts a "Tổng hợp báo cáo" button on the Home tab that shows the task pane', () => {
    const point = elements(doc, OV_NS, 'ExtensionPoint');
    expect(point.map((p) => p.getAttributeNS(XSI_NS, 'type'))).toEqual(['PrimaryCommandSurface']);
    expect(elements(point[0], OV_NS, 'OfficeTab').map((t) => t.getAttribute('id'))).toEqual(['TabHome']);
    const buttons = elements(doc, OV_NS, 'Control').filter((c) => c.getAttributeNS(XSI_NS, 'type') === 'Button');
    expect(buttons).toHaveLength(1);
    const label = childElements(buttons[0]).find((c) => c.localName === 'Label')!;
    const str = resourceString(doc, label.getAttribute('resid')!)!;
    expect(viOverride(str)).toBe('Tổng hợp báo cáo');
    expect(str.getAttribute('DefaultValue')).toBeTruthy();
    expect(elements(buttons[0], OV_NS, 'Action')[0].getAttributeNS(XSI_NS, 'type')).toBe('ShowTaskpane');
  });
});

describe('manifest.xml icons', () => {
  it('uses 16, 32 and 80 px images for the group and the button', () => {
    for (const owner of [...elements(doc, OV_NS, 'Group'), ...elements(doc, OV_NS, 'Control')]) {
      const icon = childElements(owner).find((c) => c.localName === 'Icon')!;
      expect(elements(icon, BT_NS, 'Image').map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
    }
  });

  it('references PNG files in assets/ whose size matches', () => {
    expect(iconProblems(doc)).toEqual([]);
  });

  it('reports a missing or wrongly sized icon', () => {
    const missing = parseManifest(xml.replace('assets/icon-80.png', 'assets/icon-81.png'));
    expect(iconProblems(missing)).toEqual(['icon file missing: ' + path.join('assets', 'icon-81.png')]);
    const wrongSize = parseManifest(xml.replace('assets/icon-80.png', 'assets/icon-128.png'));
    expect(iconProblems(wrongSize)).toEqual([path.join('assets', 'icon-128.png') + ' is 128x128, expected 80x80']);
  });

  it('keeps the generated icons reproducible from assets/make-icons.js', () => {
    const { drawIcon, SIZES } = require(path.join(ROOT, 'assets', 'make-icons.js')) as {
      drawIcon(size: number): Buffer;
      SIZES: number[];
    };
    for (const size of SIZES) {
      expect(drawIcon(size).equals(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
    }
  });
});

describe('production manifest (ADDIN_URL)', () => {
  const base = productionBase('https://baocao.example.gov.vn/tonghop');

  it('normalises the base and refuses anything but https', () => {
    expect(base).toBe('https://baocao.example.gov.vn/tonghop/');
    expect(productionBase(undefined)).toBeNull();
    expect(productionBase('  ')).toBeNull();
    expect(() => productionBase('http://baocao.example.gov.vn/')).toThrow(/https/);
    expect(() => productionBase('not a url')).toThrow(/not a URL/);
  });

  it('moves every URL to the production base and keeps the manifest valid', () => {
    const out = rewriteManifest(xml, base);
    expect(out).not.toContain('localhost');
    const prod = parseManifest(out);
    expect(officeAppOrderProblems(prod)).toEqual([]);
    expect(httpsProblems(prod)).toEqual([]);
    const urls = manifestUrls(prod);
    expect(urls.filter((u) => !u.startsWith(base!) && u !== 'https://baocao.example.gov.vn')).toEqual([]);
    expect(elements(prod, OFFICE_NS, 'AppDomain').map((a) => a.textContent)).toEqual(['https://baocao.example.gov.vn']);
    expect(rewriteManifest(xml, null)).toBe(xml);
  });
});

/**
 * Offline checks of the add-in manifest (the online `office-addin-manifest validate` cannot run here).
 * Each check returns a list of problems (empty = fine) so the tests can also prove that it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { DEV_URL } from '../../src/taskpane/manifest-url';

export const ROOT = path.join(__dirname, '..', '..');
export const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
export const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
export const OV_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const VI = 'vi-VN';

/** Children of <OfficeApp> for a TaskPaneApp, in the order the OfficeApp XSD's sequence requires. */
export const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'AllowSnapshot', 'VersionOverrides',
];
/** The ones this project always writes (AlternateId and AllowSnapshot are optional and unused). */
export const OFFICE_APP_REQUIRED = OFFICE_APP_ORDER.filter((n) => n !== 'AlternateId' && n !== 'AllowSnapshot');

export function parseManifest(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`manifest XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

export function readManifest(): string {
  return readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function elements(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

/** Problems with the order and presence of `actual` against an XSD sequence. */
export function orderProblems(actual: readonly string[], order: readonly string[], required: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of required) if (!actual.includes(name)) problems.push(`missing <${name}>`);
  let last = -1;
  let lastName = '';
  for (const name of actual) {
    const at = order.indexOf(name);
    if (at === -1) {
      problems.push(`unexpected <${name}>`);
      continue;
    }
    if (at <= last) problems.push(`<${name}> comes after <${lastName}>`);
    else {
      last = at;
      lastName = name;
    }
  }
  return problems;
}

export function officeAppOrderProblems(doc: Document): string[] {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== OFFICE_NS || root.localName !== 'OfficeApp') return ['root is not <OfficeApp> in the appforoffice 1.1 namespace'];
  return orderProblems(childElements(root).map((e) => e.localName ?? ''), OFFICE_APP_ORDER, OFFICE_APP_REQUIRED);
}

/** Every URL in the manifest: URL-valued attributes and <AppDomain> text. */
export function manifestUrls(doc: Document): string[] {
  const urls: string[] = [];
  const walk = (el: Element) => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('xmlns') || attr.namespaceURI === XSI_NS) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) urls.push(attr.value);
    }
    if (el.localName === 'AppDomain') urls.push((el.textContent ?? '').trim());
    childElements(el).forEach(walk);
  };
  if (doc.documentElement) walk(doc.documentElement);
  return urls;
}

export function httpsProblems(doc: Document): string[] {
  const urls = manifestUrls(doc);
  if (urls.length === 0) return ['no URLs found'];
  return urls.filter((u) => !u.startsWith('https://')).map((u) => `not https: ${u}`);
}

/** The vi-VN override under a localisable element (top-level <Override> or <bt:Override>). */
export function viOverride(el: Element): string | null {
  const o = childElements(el).find((c) => c.localName === 'Override' && c.getAttribute('Locale') === VI);
  return o ? o.getAttribute('Value') : null;
}

export function resourceString(doc: Document, resid: string): Element | null {
  return elements(doc, BT_NS, 'String').find((s) => s.getAttribute('id') === resid) ?? null;
}

/**
 * Every visible string needs a non-empty vi-VN override: top-level DisplayName/Description and every
 * string resource reached from a Label, Title, Description or Tooltip in VersionOverrides.
 */
export function overrideProblems(doc: Document): string[] {
  const problems: string[] = [];
  const root = doc.documentElement;
  if (!root) return ['empty document'];
  for (const el of childElements(root).filter((e) => e.localName === 'DisplayName' || e.localName === 'Description')) {
    if (!el.getAttribute('DefaultValue')) problems.push(`<${el.localName}> has no DefaultValue`);
    if (!viOverride(el)) problems.push(`<${el.localName}> has no ${VI} override`);
  }
  const visible = ['Label', 'Title', 'Description', 'Tooltip'].flatMap((n) => elements(doc, OV_NS, n));
  if (visible.length === 0) problems.push('no Label/Title/Description/Tooltip in VersionOverrides');
  for (const el of visible) {
    const resid = el.getAttribute('resid');
    const str = resid ? resourceString(doc, resid) : null;
    if (!str) problems.push(`<${el.localName} resid="${resid}"> does not name a string resource`);
    else if (!viOverride(str)) problems.push(`string "${resid}" has no ${VI} override`);
  }
  for (const str of elements(doc, BT_NS, 'String')) {
    if (!viOverride(str)) problems.push(`string "${str.getAttribute('id')}" has no ${VI} override`);
  }
  return [...new Set(problems)];
}

/** Repository file behind a development URL: assets/* as is, pages from src/taskpane/. */
export function sourceFileFor(url: string): string | null {
  if (!url.startsWith(DEV_URL)) return null;
  const rel = url.slice(DEV_URL.length);
  if (rel.startsWith('assets/')) return path.join(ROOT, rel);
  if (/^[\w-]+\.html$/.test(rel)) return path.join(ROOT, 'src', 'taskpane', rel);
  return null;
}

export function pngSize(file: string): { width: number; height: number } | null {
  const b = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !signature.every((v, i) => b[i] === v) || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Icons: every referenced image exists in assets/ as a PNG whose size matches the declared one. */
export function iconProblems(doc: Document): string[] {
  const problems: string[] = [];
  const refs: { url: string; size: number | null }[] = [];
  const root = doc.documentElement;
  if (!root) return ['empty document'];
  for (const el of childElements(root).filter((e) => e.localName === 'IconUrl' || e.localName === 'HighResolutionIconUrl')) {
    refs.push({ url: el.getAttribute('DefaultValue') ?? '', size: el.localName === 'IconUrl' ? 32 : 64 });
  }
  const declared = new Map<string, number>();
  for (const img of elements(doc, BT_NS, 'Image')) {
    const resid = img.getAttribute('resid');
    if (resid) declared.set(resid, Number(img.getAttribute('size')));
  }
  for (const img of elements(doc, BT_NS, 'Image')) {
    const id = img.getAttribute('id');
    if (id) refs.push({ url: img.getAttribute('DefaultValue') ?? '', size: declared.get(id) ?? null });
  }
  for (const [resid] of declared) {
    if (!elements(doc, BT_NS, 'Image').some((i) => i.getAttribute('id') === resid)) problems.push(`icon resource "${resid}" is not defined`);
  }
  if (refs.length === 0) problems.push('no icons referenced');
  for (const { url, size } of refs) {
    const file = sourceFileFor(url);
    if (!file || !file.startsWith(path.join(ROOT, 'assets'))) {
      problems.push(`icon outside assets/: ${url}`);
      continue;
    }
    if (!existsSync(file)) {
      problems.push(`icon file missing: ${path.relative(ROOT, file)}`);
      continue;
    }
    const dims = pngSize(file);
    if (!dims) problems.push(`not a PNG: ${path.relative(ROOT, file)}`);
    else if (size !== null && (dims.width !== size || dims.height !== size)) {
      problems.push(`${path.relative(ROOT, file)} is ${dims.width}x${dims.height}, expected ${size}x${size}`);
    }
  }
  return problems;
}

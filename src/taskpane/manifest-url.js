/**
 * Build-time helper (Node, CommonJS): point the manifest at the production host.
 * manifest.xml uses the development base https://localhost:3000/ everywhere; webpack.config.js
 * rewrites it with ADDIN_URL when that variable is set.
 */
'use strict';

const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Normalises ADDIN_URL: undefined/empty -> null (keep the dev URL); otherwise an https URL
 * ending in "/". Throws on anything else, so a bad value fails the build instead of a sideload.
 */
function productionBase(value) {
  if (value === undefined || value === null || String(value).trim() === '') return null;
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must use https (Office loads add-ins over HTTPS only): "${value}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not carry a query or fragment: "${value}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Replaces the dev base in every URL, and the dev origin in <AppDomain>. base: result of productionBase. */
function rewriteManifest(xml, base) {
  if (!base) return xml;
  const origin = new URL(base).origin;
  return xml
    .split(DEV_URL).join(base)
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = { DEV_URL, productionBase, rewriteManifest };

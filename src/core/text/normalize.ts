/** Unicode clean-up and diacritic-free folding for matching Vietnamese labels. */

const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\r\n]+/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const DASHES = /[\u2212\u2013]/g;

/**
 * Returns repeat the same labels form after form: computing each distinct text once keeps
 * reading thousands of returns linear. The cache is emptied when it grows past its limit.
 */
function memoize(fn: (s: string) => string, limit = 20_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= limit) cache.clear();
      out = fn(s);
      cache.set(s, out);
    }
    return out;
  };
}

/** NFC, odd spaces → " ", zero-width characters dropped, U+2212/en dash → "-", trimmed, runs of spaces collapsed. */
export const normalizeText = memoize((s: string): string =>
  s
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(/ {2,}/g, ' ')
    .trim());

/** Lower-case, no diacritics, đ → d, punctuation removed, single spaces: "Hội CCB Điện Bàn" → "hoi ccb dien ban". */
export const foldKey = memoize((s: string): string =>
  normalizeText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim());

/** Unicode clean-up and diacritic-free folding for matching Vietnamese labels. */

const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\r\n]+/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const DASHES = /[\u2212\u2013]/g;

/** NFC, odd spaces → " ", zero-width characters dropped, U+2212/en dash → "-", trimmed, runs of spaces collapsed. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Lower-case, no diacritics, đ → d, punctuation removed, single spaces: "Hội CCB Điện Bàn" → "hoi ccb dien ban". */
export function foldKey(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Text typed in the legacy Vietnamese encodings TCVN3 (ABC) and VNI, as it reaches us from an .xlsx
 * cell: each legacy byte shows up as the Windows-1252 character with that code ("Céng hoµ", "Coäng hoøa").
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const TONES = [GRAVE, ACUTE, HOOK, TILDE, DOT];

// ---------------------------------------------------------------------------------------------
// TCVN3: one byte per letter. Small letters only; toned capitals come from the "H" fonts
// (.VnTimeH …), which draw the small-letter codes as capitals.

function buildTcvn3(): Map<string, string> {
  const table = new Map<string, string>();
  const put = (firstCode: number, letters: string): void => {
    [...letters.normalize('NFC')].forEach((ch, i) => {
      if (ch !== '_') table.set(String.fromCharCode(firstCode + i), ch);
    });
  };
  // "_" marks a code that TCVN3 leaves unused.
  put(0xa1, 'ĂÂÊÔƠƯĐăâêôơưđ');
  put(0xb5, 'àảãáạ_ằẳẵắ');
  put(0xc6, 'ặầẩẫấậè_ẻẽéẹềểễếệìỉ___ĩíịò');
  put(0xe1, 'ỏõóọồổỗốộờởỡớợù_ủũúụừửữứựỳỷỹýỵ');
  return table;
}

const TCVN3 = buildTcvn3();

/** Vietnamese letters whose codes TCVN3 leaves unused: their presence means the text is not TCVN3. */
const NOT_TCVN3 = /[\u00c0-\u00c5\u00cd\u00d9-\u00db\u00e0\u00f0\u00ff]/;

function decodeTcvn3(text: string, capitals: boolean): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  out = out.normalize('NFC');
  return capitals ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------------
// VNI: a base letter followed by a mark character for the circumflex, breve and tone;
// single characters for ơ ư đ and some i / y forms. Marks and single letters exist in both cases.

interface VniMark {
  shape: '' | typeof CIRCUMFLEX | typeof BREVE;
  tone: string;
}

function buildVniMarks(): Map<string, VniMark> {
  const marks = new Map<string, VniMark>();
  const put = (lower: string, shape: VniMark['shape'], tone: string): void => {
    marks.set(lower, { shape, tone });
    marks.set(lower.toUpperCase(), { shape, tone });
  };
  put('ø', '', GRAVE);
  put('ù', '', ACUTE);
  put('û', '', HOOK);
  put('õ', '', TILDE);
  put('ï', '', DOT);
  put('â', CIRCUMFLEX, '');
  put('à', CIRCUMFLEX, GRAVE);
  put('á', CIRCUMFLEX, ACUTE);
  put('å', CIRCUMFLEX, HOOK);
  put('ã', CIRCUMFLEX, TILDE);
  put('ä', CIRCUMFLEX, DOT);
  put('ê', BREVE, '');
  put('è', BREVE, GRAVE);
  put('é', BREVE, ACUTE);
  put('ú', BREVE, HOOK);
  put('ü', BREVE, TILDE);
  put('ë', BREVE, DOT);
  return marks;
}

const VNI_MARKS = buildVniMarks();

function buildVniLetters(): Map<string, string> {
  const letters = new Map<string, string>();
  const pairs: [string, string][] = [
    ['æ', 'ỉ'],
    ['ì', 'ì'],
    ['í', 'í'],
    ['ò', 'ị'],
    ['ó', 'ĩ'],
    ['î', 'ỵ'],
    ['ñ', 'đ'],
    ['ô', 'ơ'],
    ['ö', 'ư'],
  ];
  for (const [code, letter] of pairs) {
    letters.set(code, letter);
    letters.set(code.toUpperCase(), letter.toUpperCase());
  }
  return letters;
}

const VNI_LETTERS = buildVniLetters();

interface Cluster {
  /** Base letter with its shape mark (ơ, ư, or a + U+0302 …), before NFC. */
  text: string;
  vowel: boolean;
  shaped: boolean;
  toned: boolean;
  /** Lower-case plain base letter, for deciding which marks it can take. */
  base: string;
}

function decodeVni(text: string): string {
  const clusters: Cluster[] = [];
  for (const ch of text) {
    const last = clusters[clusters.length - 1];
    const mark = VNI_MARKS.get(ch);
    if (mark && last && last.vowel && !last.toned) {
      const shapeOk =
        mark.shape === '' ||
        (!last.shaped &&
          (mark.shape === CIRCUMFLEX ? 'aeo'.includes(last.base) : last.base === 'a'));
      if (shapeOk) {
        last.text += mark.shape + mark.tone;
        last.shaped ||= mark.shape !== '';
        last.toned = mark.tone !== '';
        continue;
      }
    }
    const single = VNI_LETTERS.get(ch);
    if (single !== undefined) {
      const lower = single.toLowerCase();
      const toned = lower !== 'ơ' && lower !== 'ư' && lower !== 'đ';
      clusters.push({ text: single, vowel: lower !== 'đ', shaped: !toned, toned, base: lower });
      continue;
    }
    const lower = ch.toLowerCase();
    const vowel = lower.length === 1 && 'aeiouy'.includes(lower);
    clusters.push({ text: ch, vowel, shaped: false, toned: false, base: lower });
  }
  return clusters
    .map((c) => c.text)
    .join('')
    .normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Telling legacy text from Unicode text.

function buildVietnameseLetters(): Set<string> {
  const set = new Set<string>();
  const bases = ['a', 'a' + BREVE, 'a' + CIRCUMFLEX, 'e', 'e' + CIRCUMFLEX, 'i', 'o', 'o' + CIRCUMFLEX, 'o\u031b', 'u', 'u\u031b', 'y'];
  for (const base of bases) {
    for (const tone of ['', ...TONES]) {
      const letter = (base + tone).normalize('NFC');
      set.add(letter);
      set.add(letter.toUpperCase());
    }
  }
  set.add('đ');
  set.add('Đ');
  return set;
}

const VIETNAMESE_LETTERS = buildVietnameseLetters();

/** Windows-1252 characters for codes 0x80–0x9F: punctuation that legacy text may carry unchanged. */
const CP1252_EXTRAS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

/** Latin-1 symbols that plain Unicode text uses often enough not to count as a sign of legacy text. */
const COMMON_SYMBOLS = new Set([...'\u00a0°±²³×÷«»©¼½¾']);

const NON_ASCII = /[^\u0000-\u007f]/;
const BEYOND_LEGACY_BYTES = new RegExp(`[^\\u0000-\\u00ff${[...CP1252_EXTRAS].join('')}\\u0300-\\u036f]`);

function isByteChar(ch: string): boolean {
  return ch.charCodeAt(0) <= 0xff || CP1252_EXTRAS.has(ch);
}

function isLegacySignal(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xa0 && code <= 0xff && !VIETNAMESE_LETTERS.has(ch) && !COMMON_SYMBOLS.has(ch);
}

function isPlainChar(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80 || VIETNAMESE_LETTERS.has(ch) || CP1252_EXTRAS.has(ch) || ch === '\u00a0';
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
const OPEN_RHYMES = [
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uê', 'ui', 'uơ', 'uy', 'ưa', 'ưi', 'ưu',
  'iêu', 'yêu', 'uôi', 'ươi', 'ươu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uya', 'uyu',
];
const CLOSED_NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư',
  'iê', 'yê', 'uô', 'ươ', 'oa', 'oă', 'oe', 'uâ', 'uê', 'uy', 'uyê', 'oo',
];
const SYLLABLE = new RegExp(
  `^${ONSET}(?:(${OPEN_RHYMES.join('|')})|(?:${CLOSED_NUCLEI.join('|')})(ch|nh|ng|c|m|n|p|t))$`,
);

/** A loose check of Vietnamese syllable structure, used only to compare two candidate readings. */
function isSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = [...decomposed].filter((ch) => TONES.includes(ch));
  if (tones.length > 1) return false;
  const bare = [...decomposed].filter((ch) => !TONES.includes(ch)).join('').normalize('NFC');
  const m = SYLLABLE.exec(bare);
  if (!m) return false;
  const coda = m[2];
  // Syllables closed by a stop take only the sắc or nặng tone.
  if (coda !== undefined && 'cpt'.includes(coda[0]) && tones.length === 1 && tones[0] !== ACUTE && tones[0] !== DOT) {
    return false;
  }
  if (coda !== undefined && 'cpt'.includes(coda[0]) && tones.length === 0) return false;
  return true;
}

interface Candidate {
  encoding: LegacyEncoding;
  text: string;
  score: number;
}

/** How many words the decoding changed into valid syllables; null when the result is not plain Vietnamese. */
function judge(original: string, decoded: string): number | null {
  if (![...decoded].every(isPlainChar)) return null;
  const before = original.split(/\s+/);
  const after = decoded.split(/\s+/);
  if (before.length !== after.length) return null;
  let changed = 0;
  let valid = 0;
  after.forEach((word, i) => {
    if (word === before[i]) return;
    changed += 1;
    const letters = word.split(/[^\p{L}\p{M}]+/u).filter(Boolean);
    if (letters.length > 0 && letters.every(isSyllable)) valid += 1;
  });
  // Most changed words must read as Vietnamese: "ABC®" would otherwise become "ABCđ".
  if (valid === 0 || valid * 2 < changed) return null;
  return valid;
}

function fontEncoding(fontName: string | undefined): { encoding: LegacyEncoding; capitals: boolean } | null {
  const name = fontName?.trim() ?? '';
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', capitals: name.endsWith('H') };
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', capitals: false };
  return null;
}

/**
 * Converts TCVN3 or VNI text to Unicode (NFC). With a TCVN3 (".Vn…") or VNI ("VNI-…") font name
 * the text is converted with that encoding; otherwise only when the text clearly is legacy text.
 * Text that is not converted comes back unchanged with encoding null.
 */
export function decodeLegacyVietnamese(
  text: string,
  fontName?: string,
): { text: string; encoding: LegacyEncoding | null } {
  // Fast paths for the common cases: plain ASCII (identical in every encoding) and Unicode Vietnamese.
  if (!NON_ASCII.test(text)) return { text, encoding: fontEncoding(fontName)?.encoding ?? null };
  if (BEYOND_LEGACY_BYTES.test(text)) return { text, encoding: null };
  const input = text.normalize('NFC');
  const chars = [...input];
  // Characters beyond the legacy byte range mean the text is already Unicode, whatever the font says.
  if (!chars.every(isByteChar)) return { text, encoding: null };

  const font = fontEncoding(fontName);
  if (font?.encoding === 'tcvn3') {
    if (NOT_TCVN3.test(input)) return { text, encoding: null };
    return { text: decodeTcvn3(input, font.capitals), encoding: 'tcvn3' };
  }
  if (font?.encoding === 'vni') return { text: decodeVni(input), encoding: 'vni' };

  if (!chars.some(isLegacySignal)) return { text, encoding: null };
  const candidates: Candidate[] = [];
  const tcvn3 = decodeTcvn3(input, false);
  const tcvn3Score = judge(input, tcvn3);
  if (tcvn3Score !== null) candidates.push({ encoding: 'tcvn3', text: tcvn3, score: tcvn3Score });
  const vni = decodeVni(input);
  const vniScore = judge(input, vni);
  if (vniScore !== null) candidates.push({ encoding: 'vni', text: vni, score: vniScore });
  if (candidates.length === 0) return { text, encoding: null };
  // On a tie TCVN3 wins: it was far more common in government offices.
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return { text: best.text, encoding: best.encoding };
}

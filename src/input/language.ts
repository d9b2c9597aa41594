import { ParleyError } from '../domain/errors.ts';
import stopwords from './stopwords.json' with { type: 'json' };

/**
 * Which language a report is in, cheaply: the script of its letters first (Arabic, Cyrillic,
 * CJK, Hebrew, Greek, Devanagari ...), then, for Latin script, how many of its words are
 * common function words of English or of another major European language. The lists leave
 * out words that are also English ("war", "per", "un" as in UN) or name particles ("de",
 * "la", "van", "del", "al"), so English news full of foreign names stays English.
 */
export function detectLanguage(text: string): string {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const script = dominantScript(sample);
  if (script) return script;
  return latinLanguage(sample);
}

/** Refuses text that is not English, naming the language it seems to be in. */
export function checkLanguage(text: string, source: string): void {
  const lang = detectLanguage(text);
  if (lang !== 'English') {
    throw new ParleyError('UNSUPPORTED_LANGUAGE', `is in ${lang}; only English is extracted for now`, source);
  }
}

type Script = [from: number, to: number, name: string];
/** Unicode blocks of letters, by the language (or script) a report in them is named by. */
const SCRIPTS: Script[] = ([
  [0x370, 0x3ff, 'Greek'], [0x1f00, 0x1fff, 'Greek'], [0x400, 0x52f, 'Cyrillic'], [0x530, 0x58f, 'Armenian'],
  [0x590, 0x5ff, 'Hebrew'], [0x600, 0x6ff, 'Arabic'], [0x750, 0x77f, 'Arabic'], [0x8a0, 0x8ff, 'Arabic'],
  [0x900, 0x97f, 'Hindi'], [0x980, 0x9ff, 'Bengali'], [0xa00, 0xa7f, 'Punjabi'], [0xa80, 0xaff, 'Gujarati'],
  [0xb80, 0xbff, 'Tamil'], [0xc00, 0xc7f, 'Telugu'], [0xc80, 0xcff, 'Kannada'], [0xd00, 0xd7f, 'Malayalam'],
  [0xd80, 0xdff, 'Sinhala'], [0xe00, 0xe7f, 'Thai'], [0xe80, 0xeff, 'Lao'], [0xf00, 0xfff, 'Tibetan'],
  [0x1000, 0x109f, 'Burmese'], [0x10a0, 0x10ff, 'Georgian'], [0x1100, 0x11ff, 'Korean'], [0x1200, 0x139f, 'Amharic'],
  [0x1780, 0x17ff, 'Khmer'], [0x3040, 0x30ff, 'Japanese'], [0x3130, 0x318f, 'Korean'], [0x3400, 0x4dbf, 'Chinese'],
  [0x4e00, 0x9fff, 'Chinese'], [0xac00, 0xd7af, 'Korean'], [0xfb50, 0xfdff, 'Arabic'], [0xfe70, 0xfeff, 'Arabic'],
] as Script[]).sort((a, b) => a[0] - b[0]);

function scriptOf(c: number): string | undefined {
  let lo = 0, hi = SCRIPTS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b, name] = SCRIPTS[mid]!;
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return name;
  }
  return undefined;
}

const isLatinLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);

/** The language of a non-Latin script when its letters are most of the text's letters. */
function dominantScript(s: string): string | undefined {
  let latin = 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x370) { if (isLatinLetter(c)) latin++; continue; }
    if (c >= 0x1e00 && c <= 0x1eff) { latin++; continue; }
    const name = scriptOf(c);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let other = 0, top: string | undefined, topN = 0;
  for (const [name, n] of counts) { other += n; if (n > topN) { top = name; topN = n; } }
  // CJK characters stand for whole syllables: weigh them as three Latin letters.
  const weight = top === 'Chinese' || top === 'Japanese' || top === 'Korean' ? 3 : 1;
  if (!top || other * weight <= latin) return undefined;
  if (top === 'Chinese' && (counts.get('Japanese') ?? 0) > topN * 0.05) return 'Japanese';
  if (top === 'Arabic') return /[ٹڈڑںےۓ]/.test(s) ? 'Urdu' : /[پچژگکی]/.test(s) && !/[ي]/.test(s) ? 'Persian' : 'Arabic';
  if (top === 'Cyrillic') {
    if (/[іїєґІЇЄҐ]/.test(s)) return 'Ukrainian';
    if (/[ђћџљњЂЋЏЉЊ]/.test(s)) return 'Serbian';
    if (/[ѓќѕЃЌЅ]/.test(s)) return 'Macedonian';
    return /[ыэЫЭ]/.test(s) ? 'Russian' : /ъ/.test(s) ? 'Bulgarian' : 'Russian';
  }
  return top;
}

/** Each function word with the languages it belongs to. */
const LANGS: string[] = [];
const WORD_LANGS = new Map<string, number[]>();
for (const [lang, words] of Object.entries(stopwords as unknown as Record<string, string[]>)) {
  if (lang.startsWith('_')) continue;
  const i = LANGS.push(lang) - 1;
  for (const w of words) {
    const at = WORD_LANGS.get(w);
    if (at) { if (!at.includes(i)) at.push(i); } else WORD_LANGS.set(w, [i]);
  }
}
const WORD = /\p{L}+/gu;

/**
 * English, or the European language whose function words outnumber English's clearly, in the
 * first 400 words: enough to tell, and the check runs on the thread that writes the record.
 */
function latinLanguage(s: string): string {
  const counts = new Array<number>(LANGS.length).fill(0);
  let words = 0;
  for (const m of s.matchAll(WORD)) {
    const langs = WORD_LANGS.get(m[0].toLowerCase());
    if (langs) for (const i of langs) counts[i]!++;
    if (++words >= 400) break;
  }
  if (words < 6) return 'English';
  const en = counts[LANGS.indexOf('English')]!;
  let best = 'English', bestN = 0;
  LANGS.forEach((lang, i) => { if (lang !== 'English' && counts[i]! > bestN) { best = lang; bestN = counts[i]!; } });
  return bestN >= 0.12 * words && bestN > 1.5 * en ? best : 'English';
}

/**
 * Near-duplicate detection for wire copies: Jaccard similarity on word 5-shingles, found through
 * MinHash locality-sensitive hashing (NUM_BANDS bands of ROWS values), checked exactly on the
 * few candidates. With 16 bands of 8 rows a pair at J = 0.9 is a candidate with p > 0.999, a pair
 * at J = 0.5 with p ~ 0.06. Pure functions, no I/O.
 */
export const SHINGLE = 5;
export const NUM_BANDS = 16;
export const ROWS = 8;
export const NEAR_DUPLICATE = 0.9;
const NUM_HASHES = NUM_BANDS * ROWS;

/** The text's word 5-shingles, hashed to 32-bit integers (a short text gives one shingle). */
export function shingles(text: string): Set<number> {
  const hashes = wordHashes(text);
  const out = new Set<number>();
  if (hashes.length === 0) return out;
  const n = Math.max(1, hashes.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + SHINGLE, hashes.length); j++) h = Math.imul(h ^ hashes[j]!, 0x01000193) >>> 0;
    out.add(h >>> 0);
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/**
 * FNV-1a of each word (a run of letters, their combining marks and digits) in lower case, read
 * in one pass over the text: no lower-cased copy, no array of words. ASCII is decided by its
 * code; other characters by their Unicode category, lower-cased one at a time.
 */
function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) {
      word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
      if (c >= 65 && c <= 90) c += 32;
    } else {
      // A surrogate pair is one character: test and lower-case it whole.
      const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
      const ch = wide ? text.slice(i, i + 2) : text[i]!;
      word = LETTER_OR_DIGIT.test(ch);
      if (word) {
        const lower = ch.toLowerCase();
        if (!inWord) { h = 0x811c9dc5; inWord = true; }
        for (let k = 0; k < lower.length; k++) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
        if (wide) i++;
        continue;
      }
    }
    if (word) {
      if (!inWord) { h = 0x811c9dc5; inWord = true; }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

const BIN_BITS = 7; // 2^7 = NUM_HASHES bins
const VALUE_BITS = 32 - BIN_BITS;
const VALUE_MASK = (1 << VALUE_BITS) - 1;

/**
 * MinHash signature by one-permutation hashing (Li, Owen & Zhang 2012): each shingle is mixed
 * once; the top bits of the mix pick one of NUM_HASHES bins and the rest is its value; a bin
 * keeps its least value. A bin no shingle fell in borrows the next filled bin to its right,
 * offset by the distance (rotation densification, Shrivastava & Li 2014), so two texts still
 * agree on a bin with a probability close to their Jaccard similarity. One mix per shingle,
 * not one per shingle and hash: the 128 mixes took ~110 ms of a warm extraction of the 249
 * Guardian reports (1.75 s).
 */
export function minhash(set: Set<number>): Uint32Array {
  const EMPTY = 0xffffffff;
  const bins = new Uint32Array(NUM_HASHES).fill(EMPTY);
  for (const x of set) {
    const h = mix32(x);
    const v = h & VALUE_MASK;
    if (v < bins[h >>> VALUE_BITS]!) bins[h >>> VALUE_BITS] = v;
  }
  if (set.size === 0) return bins;
  const sig = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) {
    let t = 0;
    while (bins[(i + t) % NUM_HASHES] === EMPTY) t++;
    // t < NUM_HASHES and the value < 2^VALUE_BITS: the sum stays below 2^32.
    sig[i] = bins[(i + t) % NUM_HASHES]! + t * (VALUE_MASK + 1);
  }
  return sig;
}

/** The band keys of a text: what the near-duplicate index stores and looks up. */
export function nearDuplicateKeys(text: string): number[] {
  return bands(minhash(shingles(text)));
}

/** One bucket per band: documents sharing any (band, bucket) are candidates. */
export function bands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < NUM_BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    out.push(h | 0); // signed: fits a PostgreSQL integer
  }
  return out;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

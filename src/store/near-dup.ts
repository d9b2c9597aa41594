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

const WORD = /[\p{L}\p{N}]+/gu;

/** The text's word 5-shingles, hashed to 32-bit integers (a short text gives one shingle). */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const out = new Set<number>();
  if (words.length === 0) return out;
  const hashes = words.map(fnv1a);
  const n = Math.max(1, hashes.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + SHINGLE, hashes.length); j++) h = Math.imul(h ^ hashes[j]!, 0x01000193) >>> 0;
    out.add(h >>> 0);
  }
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

const SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** MinHash signature: for each of NUM_HASHES seeded mixes, the least value over the shingles. */
export function minhash(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = mix32(x ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
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

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

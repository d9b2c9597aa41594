import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bands, jaccard, minhash, shingles } from '../../src/store/near-dup.ts';

// Invented text, long enough for a few hundred shingles.
const words = Array.from({ length: 400 }, (_, i) => ['delegates', 'met', 'in', 'the', 'northern', 'city', 'on', 'talks', 'about', 'a', 'truce', 'and', 'prisoner', 'exchanges', 'round', String(i)][i % 16]);
const base = words.join(' ');

function edit(text: string, every: number): string {
  return text.split(' ').map((w, i) => (i % every === 0 ? w.toUpperCase() + 'x' : w)).join(' ');
}

test('Jaccard on word 5-shingles: identical 1, case and punctuation ignored, edits lower it', () => {
  const table: [string, string, (j: number) => boolean][] = [
    [base, base, (j) => j === 1],
    [base, base.toUpperCase().replace(/ /g, ', '), (j) => j === 1],
    [base, base + ' Reporting by a wire agency; editing by another desk.', (j) => j >= 0.9],
    [base, edit(base, 7), (j) => j < 0.5],
    ['a b c', 'x y z', (j) => j === 0],
    // Letters beyond ASCII are words too, in any case.
    ['Envoys met at the Élysée in Straße 12 with İbrahim', 'ENVOYS MET AT THE ÉLYSÉE IN STRASSE 12 WITH İBRAHIM', (j) => j > 0 && j < 1],
    ['Envoys met at the Élysée with İbrahim', 'envoys met at the élysée with i̇brahim', (j) => j === 1],
  ];
  for (const [a, b, ok] of table) {
    const j = jaccard(shingles(a), shingles(b));
    assert.ok(ok(j), `${j} for ${b.slice(0, 30)}`);
  }
});

test('MinHash bands: a near copy shares a band, an unrelated text does not', () => {
  const b0 = bands(minhash(shingles(base)));
  const near = bands(minhash(shingles(base + ' Additional reporting by a correspondent.')));
  const other = bands(minhash(shingles(edit(base, 3))));
  assert.equal(b0.length, 16);
  assert.ok(b0.some((x, i) => near[i] === x));
  assert.ok(!b0.some((x, i) => other[i] === x));
  for (const x of b0) assert.ok(Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31);
});

test('MinHash of a short text: every bin filled, from its few shingles', () => {
  const few = shingles('Delegates met in the northern city on talks about a truce');
  assert.ok(few.size < 16);
  const sig = minhash(few);
  assert.equal(sig.length, 128);
  assert.ok(sig.every((v) => v !== 0xffffffff));
  assert.deepEqual(bands(sig), bands(minhash(shingles('DELEGATES met in the northern city, on talks about a truce.'))));
  assert.ok(minhash(new Set()).every((v) => v === 0xffffffff));
});

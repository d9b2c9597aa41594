import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInput, MAX_INPUT_BYTES } from './read-input.ts';
import { ParleyError, type ErrorCode } from '../domain/errors.ts';

const b = (s: string) => Buffer.from(s, 'utf8');
const EN = 'The delegations met in Muscat on Monday and agreed to meet again.';

const refused: [name: string, bytes: Buffer, ext: string, code: ErrorCode, message: RegExp][] = [
  ['empty', Buffer.alloc(0), '.txt', 'EMPTY_INPUT', /is empty/],
  ['only blanks', b(' \n\t\n'), '.txt', 'EMPTY_INPUT', /is empty/],
  ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), '.txt', 'BINARY_INPUT', /binary/],
  ['invalid UTF-8', Buffer.concat([b('Talks in Gen'), Buffer.from([0xe8, 0x76]), b('e.')]), '.txt', 'INVALID_UTF8', /not valid UTF-8 \(first bad byte at offset 12\)/],
  ['too large', Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61), '.txt', 'TOO_LARGE', /over the 5 MB limit/],
  ['UTF-16', Buffer.from('\uFEFFTalks resumed.', 'utf16le'), '.txt', 'INVALID_UTF8', /is UTF-16 text; save it as UTF-8/],
  ['a PDF', b('%PDF-1.4 ...'), '.pdf', 'UNSUPPORTED_TYPE', /is a PDF document/],
  ['HTML with no article', b('<html><body><nav><a>Home</a></nav></body></html>'), '.html', 'NO_ARTICLE_TEXT', /no article text/],
  ['a JavaScript wall', b('<html><body><main><p>Please enable JavaScript to view this page.</p></main></body></html>'), '.html', 'NO_ARTICLE_TEXT', /no article text \(it says "Please enable JavaScript"\)/],
  ['French', b('Les deux délégations se sont rencontrées mardi à Genève et ont accepté de se revoir.'), '.txt', 'UNSUPPORTED_LANGUAGE', /is in French/],
];
for (const [name, bytes, ext, code, message] of refused) {
  test(`decodeInput refuses: ${name}`, () => {
    assert.throws(() => decodeInput(bytes, 'r' + ext, ext), (e: unknown) => {
      assert.ok(e instanceof ParleyError);
      assert.equal(e.code, code);
      assert.match(e.line(), message);
      assert.ok(e.line().startsWith('r' + ext + ': '));
      return true;
    });
  });
}

test('decodeInput: text keeps every byte as read, title and date line found', () => {
  const raw = '\uFEFF# Talks resume\r\n\r\n12 March 2024\r\n\r\n' + EN + '\r\n';
  const doc = decodeInput(b(raw), 'dir/talks.md', '.md');
  assert.equal(doc.text, raw);
  assert.equal(doc.id, 'talks');
  assert.equal(doc.title, 'Talks resume');
  assert.equal(doc.published, '2024-03-12');
  assert.equal(doc.publishedFrom, 'text');
});

test('decodeInput: HTML by content on stdin and on an unknown extension', () => {
  const html = `<!DOCTYPE html><html><head><meta name="pubdate" content="2024-01-05"><title>T</title></head><body><article><p>${EN}</p></article></body></html>`;
  for (const [source, ext] of [['-', ''], ['page.php', '.php']] as const) {
    const doc = decodeInput(b(html), source, ext);
    assert.equal(doc.text, EN);
    assert.equal(doc.published, '2024-01-05');
    assert.equal(doc.publishedFrom, 'metadata');
    assert.equal(doc.title, 'T');
  }
  assert.equal(decodeInput(b(html), '-', '').id, 'stdin');
});

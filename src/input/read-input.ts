import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ParleyError } from '../domain/errors.ts';
import { htmlToArticle } from './html.ts';
import { checkLanguage } from './language.ts';
import { findPublishedInText } from './published.ts';

/** The largest report parley reads: a news report is tens of kilobytes; 5 MB is a mistake. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface InputDocument {
  /** Where it came from: the path as given, or "-" for standard input. */
  readonly source: string;
  readonly id: string;
  /** The text extraction runs on; every offset points into it. */
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly published?: string;
  readonly publishedFrom?: 'text' | 'metadata';
}

export async function readInputFile(path: string): Promise<InputDocument> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new ParleyError('IS_DIRECTORY', 'is a directory, not a file', path);
    size = st.size;
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ParleyError('FILE_NOT_FOUND', 'no such file', path);
    throw new ParleyError('READ_FAILED', `cannot read (${code ?? 'unknown error'})`, path);
  }
  if (size > MAX_INPUT_BYTES) throw tooLarge(path, size);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ParleyError('READ_FAILED', `cannot read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`, path);
  }
  return decodeInput(bytes, path, extname(path).toLowerCase());
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<InputDocument> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(c as string);
    total += b.length;
    if (total > MAX_INPUT_BYTES) throw tooLarge('-', total, true);
    chunks.push(b);
  }
  return decodeInput(Buffer.concat(chunks), '-', '');
}

function tooLarge(path: string, size: number, atLeast = false): ParleyError {
  if (atLeast) return new ParleyError('TOO_LARGE', 'is over the 5 MB limit for one report', path);
  const mb = (Math.ceil((size / 1024 / 1024) * 10) / 10).toFixed(1);
  return new ParleyError('TOO_LARGE', `is ${mb} MB, over the 5 MB limit for one report`, path);
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
/** Formats that need a converter first: named, so the message can say what the file is. */
const DOCUMENT_EXT: Record<string, string> = {
  '.pdf': 'a PDF document', '.doc': 'a Word document', '.docx': 'a Word document', '.odt': 'an OpenDocument text',
  '.rtf': 'an RTF document', '.epub': 'an e-book', '.xls': 'a spreadsheet', '.xlsx': 'a spreadsheet',
  '.zip': 'a zip archive', '.gz': 'a compressed file', '.png': 'an image', '.jpg': 'an image', '.jpeg': 'an image',
};
/** What a page saved without its article says instead: a script, login, pay or robot check. */
const WALL = /\b(?:(?:please )?(?:enable|turn on) javascript|javascript is (?:disabled|required)|subscribe to (?:continue|read)|(?:log|sign) in to (?:continue|read)|you (?:do not|don.t) have permission to access|verify you are (?:a )?human|are you a robot)\b/i;
const LOOKS_HTML = /^\s*(?:<!--[\s\S]*?-->\s*)?<(?:!doctype html|html|head|body)\b/i;

/**
 * Bytes to a document: the checks every input goes through, file or standard input. Any other
 * extension than those above is read by its content: HTML when it starts like a page, else text.
 */
export function decodeInput(bytes: Buffer, source: string, ext: string): InputDocument {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(source, bytes.length);
  const kind = DOCUMENT_EXT[ext];
  if (kind) {
    throw new ParleyError('UNSUPPORTED_TYPE', `is ${kind} (${ext}); parley reads plain text (.txt, .md) and HTML pages`, source);
  }
  if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) throw new ParleyError('EMPTY_INPUT', 'is empty', source);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ParleyError('INVALID_UTF8', 'is UTF-16 text; save it as UTF-8', source);
  }
  if (looksBinary(bytes)) throw new ParleyError('BINARY_INPUT', 'is a binary file, not text', source);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ParleyError('INVALID_UTF8', `is not valid UTF-8 (first bad byte at offset ${firstBadUtf8(bytes)}); save it as UTF-8`, source);
  }
  const id = source === '-' ? 'stdin' : basename(source).replace(/\.[^.]+$/, '');
  const isHtml = HTML_EXT.has(ext) || LOOKS_HTML.test(raw.slice(0, 4096));
  if (isHtml) {
    const page = htmlToArticle(raw);
    if (!page.text.trim()) throw new ParleyError('NO_ARTICLE_TEXT', 'is an HTML page with no article text', source);
    const wall = page.text.length < 600 ? WALL.exec(page.text) : null;
    if (wall) throw new ParleyError('NO_ARTICLE_TEXT', `is an HTML page with no article text (it says "${wall[0]}")`, source);
    checkLanguage(page.text, source);
    const fromText = page.published ? undefined : findPublishedInText(page.text);
    return {
      source, id, text: page.text, title: page.title, url: page.url, publisher: page.publisher,
      published: page.published ?? fromText,
      publishedFrom: page.published ? 'metadata' : fromText ? 'text' : undefined,
    };
  }
  checkLanguage(raw, source);
  const published = findPublishedInText(raw);
  return { source, id, text: raw, title: findTitle(raw), published, publishedFrom: published ? 'text' : undefined };
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.1;
}

/** Offset of the first byte that starts no valid UTF-8 sequence (lead byte of a broken one). */
function firstBadUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const c1 = bytes[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n;
  }
  return bytes.length;
}

/** The first non-empty line when it reads like a headline (markdown heading or short, no full stop). */
function findTitle(text: string): string | undefined {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  if (!line) return undefined;
  const t = line.replace(/^#+\s*/, '');
  return line.startsWith('#') || (t.length < 120 && !/[.!?]$/.test(t)) ? t : undefined;
}

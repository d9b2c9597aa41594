import { Parser } from 'htmlparser2';
import { PageMeta, summarizeMeta } from './html-meta.ts';
import { parseDateString } from './published.ts';

export interface HtmlArticle {
  /** The article body: one paragraph (or heading) per block, blocks apart by a blank line. */
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  readonly publisher?: string;
  /** YYYY-MM-DD from the page's metadata, or a <time datetime> inside the article. */
  readonly published?: string;
}

/** Never text: their whole subtree is dropped. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'aside', 'footer', 'form', 'button',
  'select', 'textarea', 'iframe', 'object', 'embed', 'canvas', 'dialog', 'menu', 'figure', 'figcaption',
  'head', 'audio', 'video', 'picture', 'map',
]);
/** Ends the running text: what was read so far is one block. */
const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd', 'dt', 'div', 'section',
  'article', 'main', 'body', 'td', 'th', 'tr', 'table', 'ul', 'ol', 'dl', 'header', 'address', 'hr',
  'center', 'caption', 'html',
]);
const CONTAINER = new Set(['article', 'main', 'section', 'div', 'body', 'td']);
const HEADING = /^h[1-6]$/;
const PARA = new Set(['p', 'blockquote', 'pre', 'li', 'dd']);
const DROP_ROLE = /^(?:navigation|contentinfo|complementary|search|dialog|alertdialog|menu|menubar|toolbar)$/;
/** Class or id words of page furniture: a block under them is kept only if nothing else is left. */
const JUNK_WORD = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'sponsor', 'sponsored',
  'promo', 'promotion', 'share', 'sharing', 'social', 'related', 'recommended', 'newsletter', 'subscribe',
  'subscription', 'signup', 'cookie', 'cookies', 'consent', 'comment', 'comments', 'breadcrumb', 'breadcrumbs',
  'sidebar', 'menu', 'navbar', 'nav', 'footer', 'masthead', 'popup', 'modal', 'banner', 'outbrain', 'taboola',
  'paywall', 'caption', 'credit', 'credits', 'byline', 'tags', 'toolbar', 'sronly', 'sr-only', 'visually-hidden',
]);
const FURNITURE = /^(?:advertisement|sponsored(?: content)?|share(?: this(?: article)?)?|read more|continue reading|skip to (?:main )?content|print|email|subscribe)$/i;

/** Soft hyphens and zero-width spaces that pages put inside words. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

type Kind = 'articleBody' | 'article' | 'main' | 'box';
interface Frame { tag: string; id: number; drop: boolean; junk: boolean; header: boolean; kind?: Kind; inArticle: boolean }
interface Block { text: string; tag: string; anc: number[]; junk: boolean; header: boolean }
interface TimeTag { value: string; anc: number[]; strong: boolean }

/** The article body of a page as plain text, with what its metadata says. */
export function htmlToArticle(html: string): HtmlArticle {
  const meta = new PageMeta();
  const blocks: Block[] = [];
  const times: TimeTag[] = [];
  const kinds = new Map<number, Kind>();
  const parentOf = new Map<number, number>();
  const stack: Frame[] = [{ tag: '#root', id: 0, drop: false, junk: false, header: false, inArticle: false }];
  const anc: number[] = [];
  let buf = '';
  let linkChars = 0;
  let inLink = 0;
  let nextId = 1;
  let capture: 'title' | 'h1' | 'ld' | undefined;
  let captured = '';

  const top = () => stack[stack.length - 1]!;
  const flush = () => {
    const f = top();
    if (!f.drop) {
      const text = buf.split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
      // Text that is mostly links (menus, teasers, "read more" lists) is page furniture.
      const junk = f.junk || (linkChars > 0 && linkChars >= 0.6 * text.replace(/\s/g, '').length);
      if (text) {
        for (const part of text.split('\n\n')) {
          blocks.push({ text: part, tag: blockTag(stack), anc: anc.slice(), junk, header: f.header });
        }
      }
    }
    buf = '';
    linkChars = 0;
  };

  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'meta') meta.onMeta(a);
      else if (name === 'link') meta.onLink(a);
      const parent = top();
      if (name === 'title' && !meta.titleTag) { capture = 'title'; captured = ''; }
      else if (name === 'script' && /ld\+json/i.test(a.type ?? '')) { capture = 'ld'; captured = ''; }
      else if (name === 'h1' && meta.h1 == null && !parent.drop) { capture = 'h1'; captured = ''; }
      if (a.itemprop && /datepublished/i.test(a.itemprop) && (a.content || a.datetime)) meta.onMeta(a);
      if (BLOCK.has(name)) flush();
      else if (name === 'br') buf += '\n';
      const kind = containerKind(name, a);
      const id = nextId++;
      const role = (a.role ?? '').toLowerCase();
      const hidden = a.hidden != null || a['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '');
      const isHeader = name === 'header' || role === 'banner';
      const drop = parent.drop || DROP.has(name) || hidden || DROP_ROLE.test(role) || (isHeader && !parent.inArticle);
      const junk = parent.junk || (kind !== 'articleBody' && kind !== 'main' && name !== 'body' && isJunk(a));
      stack.push({ tag: name, id, drop, junk, header: parent.header || isHeader, kind, inArticle: parent.inArticle || (kind != null && kind !== 'box') });
      if (kind) { kinds.set(id, kind); parentOf.set(id, anc.at(-1) ?? 0); anc.push(id); }
      if (name === 'a') inLink++;
      if (name === 'time' && a.datetime && !drop) {
        times.push({ value: a.datetime, anc: anc.slice(), strong: a.pubdate != null || /datepublished/i.test(a.itemprop ?? '') });
      }
    },
    ontext(t) {
      if (capture) captured += t;
      if (top().drop) return;
      buf += t.replace(INVISIBLE, '').replace(/\s+/g, ' ');
      if (inLink > 0) linkChars += t.replace(/\s/g, '').length;
    },
    onclosetag(name) {
      if (capture === 'title' && name === 'title') meta.titleTag = captured;
      else if (capture === 'ld' && name === 'script') meta.jsonLd.push(captured);
      else if (capture === 'h1' && name === 'h1') meta.h1 = captured.replace(/\s+/g, ' ').trim();
      if ((capture === 'title' && name === 'title') || (capture === 'ld' && name === 'script') || (capture === 'h1' && name === 'h1')) capture = undefined;
      if (stack.length === 1) return;
      if (name === 'a' && inLink > 0) inLink--;
      if (BLOCK.has(name)) flush();
      const f = stack.pop()!;
      if (f.kind) anc.pop();
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  flush();

  const chosen = chooseBody(blocks, kinds, parentOf);
  const within = (ids: number[]) => chosen == null || ids.some((id) => chosen.has(id));
  const pick = (junkToo: boolean) => blocks.filter((b) => within(b.anc)
    && (junkToo || !b.junk) && (!b.header || HEADING.test(b.tag)) && !FURNITURE.test(b.text));
  let body = pick(false);
  if (!body.some((b) => !HEADING.test(b.tag))) body = pick(true);
  const text = body.some((b) => !HEADING.test(b.tag)) ? body.map((b) => b.text).join('\n\n') : '';

  const m = summarizeMeta(meta);
  const inBody = times.filter((t) => within(t.anc));
  const timeTag = [...inBody.filter((t) => t.strong), ...inBody].map((t) => parseDateString(t.value)).find(Boolean);
  return { text, title: m.title, url: m.url, publisher: m.publisher, published: m.published ?? timeTag };
}

/** The innermost element that makes a block (p, h2, li, div ...). */
function blockTag(stack: Frame[]): string {
  for (let i = stack.length - 1; i > 0; i--) if (BLOCK.has(stack[i]!.tag)) return stack[i]!.tag;
  return 'body';
}

function containerKind(name: string, a: Record<string, string>): Kind | undefined {
  if (/articlebody/i.test(a.itemprop ?? '')) return 'articleBody';
  if (name === 'article') return 'article';
  if (name === 'main' || (a.role ?? '').toLowerCase() === 'main') return 'main';
  return CONTAINER.has(name) ? 'box' : undefined;
}

function isJunk(a: Record<string, string>): boolean {
  const words = `${a.class ?? ''} ${a.id ?? ''}`.toLowerCase();
  if (!words.trim()) return false;
  for (const w of words.split(/[\s_]+|-(?!only|hidden)/)) if (JUNK_WORD.has(w)) return true;
  return false;
}

/**
 * Where the article is: the itemprop=articleBody, <article> or <main> with the most paragraph
 * text, unless some other block of the page holds far more; else the element whose own
 * paragraphs hold the most text, with its sibling elements that hold a good share as much
 * (a body cut in parts by ad slots). Undefined when no block is a paragraph (take everything).
 */
function chooseBody(blocks: Block[], kinds: Map<number, Kind>, parentOf: Map<number, number>): Set<number> | undefined {
  const total = new Map<number, number>();
  const own = new Map<number, number>();
  for (const b of blocks) {
    if (b.junk || b.header) continue;
    const para = PARA.has(b.tag) || (b.text.length >= 120 && /[.!?]["'”’)]?$/.test(b.text));
    if (!para) continue;
    const n = b.text.length;
    for (const id of b.anc) total.set(id, (total.get(id) ?? 0) + n);
    const parent = b.anc.at(-1);
    const grand = b.anc.at(-2);
    if (parent != null) own.set(parent, (own.get(parent) ?? 0) + n);
    if (grand != null) own.set(grand, (own.get(grand) ?? 0) + n / 2);
  }
  if (total.size === 0) return undefined;
  let best: number | undefined;
  for (const [id, s] of own) if (best == null || s > own.get(best)!) best = id;
  const bestText = best != null ? total.get(best) ?? 0 : 0;
  for (const want of ['articleBody', 'article', 'main'] as Kind[]) {
    let cand: number | undefined;
    for (const [id, k] of kinds) if (k === want && (total.get(id) ?? 0) > (cand == null ? 0 : total.get(cand)!)) cand = id;
    if (cand != null && total.get(cand)! >= 0.5 * bestText) return new Set([cand]);
  }
  if (best == null) return undefined;
  const chosen = new Set([best]);
  const parent = parentOf.get(best);
  for (const [id, p] of parentOf) if (p === parent && id !== best && (total.get(id) ?? 0) >= 0.25 * bestText) chosen.add(id);
  return chosen;
}

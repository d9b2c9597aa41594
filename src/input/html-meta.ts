import { parseDateString } from './published.ts';

/** What a page says about itself, gathered while it is parsed (see html.ts). */
export class PageMeta {
  /** meta tags by lower-cased property / name / itemprop. First one wins. */
  readonly meta = new Map<string, string>();
  canonical?: string;
  titleTag = '';
  h1?: string;
  readonly jsonLd: string[] = [];

  onMeta(attribs: Record<string, string>): void {
    const content = attribs.content ?? attribs.datetime;
    if (content == null) return;
    for (const key of [attribs.property, attribs.name, attribs.itemprop]) {
      if (!key) continue;
      const k = key.trim().toLowerCase();
      if (!this.meta.has(k) && content.trim()) this.meta.set(k, content.trim());
    }
  }

  onLink(attribs: Record<string, string>): void {
    const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical') && attribs.href && !this.canonical) this.canonical = attribs.href.trim();
  }
}

/** Meta names that carry a publication date, strongest first. */
const DATE_KEYS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished',
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'published_time',
  'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.date', 'dcterms.created', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'citation_publication_date',
];

export interface MetaSummary {
  readonly title?: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly published?: string;
}

/** The page's metadata as one summary: og / meta first, JSON-LD next, the page itself last. */
export function summarizeMeta(m: PageMeta): MetaSummary {
  const ld = readJsonLd(m.jsonLd);
  const g = (k: string) => m.meta.get(k);
  let published: string | undefined;
  const fromMeta = (k: string) => { const v = g(k); return v ? parseDateString(v) : undefined; };
  published = fromMeta('article:published_time') ?? (ld.published && parseDateString(ld.published));
  for (const k of DATE_KEYS) published ??= fromMeta(k);
  const publisher = nonEmpty(g('og:site_name')) ?? nonEmpty(ld.publisher) ?? nonEmpty(g('application-name'));
  const title = nonEmpty(g('og:title')) ?? nonEmpty(m.titleTag) ?? nonEmpty(ld.headline) ?? nonEmpty(m.h1);
  return {
    title: title && publisher ? withoutSiteName(title, publisher) : title,
    url: nonEmpty(m.canonical) ?? nonEmpty(g('og:url')) ?? nonEmpty(ld.url),
    publisher,
    published,
  };
}

/** "Truce agreed | The Daily Example" → "Truce agreed" when the site is The Daily Example. */
function withoutSiteName(title: string, site: string): string {
  const t = title.toLowerCase(), s = site.toLowerCase();
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
    if (t.endsWith(sep + s)) return title.slice(0, title.length - sep.length - site.length).trim() || title;
    if (t.startsWith(s + sep)) return title.slice(site.length + sep.length).trim() || title;
  }
  return title;
}

interface LdFacts { published?: string; headline?: string; publisher?: string; url?: string }

const ARTICLE_TYPES = /article|news|report|blogposting|posting/i;

/** datePublished, headline, publisher and url of the first article-like JSON-LD object. */
export function readJsonLd(scripts: string[]): LdFacts {
  const facts: LdFacts = {};
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v == null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const o = v as Record<string, unknown>;
    const type = ([] as unknown[]).concat(o['@type'] ?? []).join(' ');
    if (ARTICLE_TYPES.test(type) || typeof o.datePublished === 'string') {
      if (typeof o.datePublished === 'string') facts.published ??= o.datePublished;
      if (typeof o.headline === 'string') facts.headline ??= o.headline;
      const pub = o.publisher as Record<string, unknown> | undefined;
      if (pub && typeof pub.name === 'string') facts.publisher ??= pub.name;
      if (typeof o.url === 'string' && ARTICLE_TYPES.test(type)) facts.url ??= o.url;
    }
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const s of scripts) {
    try { visit(JSON.parse(s), 0); } catch { /* a broken JSON-LD block is ignored */ }
  }
  return facts;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const nonEmpty = (s: string | undefined) => (s && collapse(s)) || undefined;

export interface HtmlArticle {
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly published?: string;
}

/** The article body of a page as plain text, with what its metadata says. (Minimal; see html.test.ts.) */
export function htmlToArticle(html: string): HtmlArticle {
  const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, '').replace(/<[^>]+>/g, '').trim();
  return { text };
}

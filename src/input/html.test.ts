import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToArticle, type HtmlArticle } from './html.ts';

const page = (head: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const NAV = '<header><a href="/">Home</a><nav><ul><li><a href="/w">World</a></li><li>Politics</li></ul></nav></header>';
const FOOT = '<footer><p>© 2024 The Example Times. All rights reserved.</p></footer><script>track("<p>x</p>")</script>';

const cases: { name: string; html: string; want: Partial<HtmlArticle> }[] = [
  {
    name: '<article> wins; nav, header, footer, aside, figure, scripts, styles, forms dropped; headings kept',
    html: page(
      '<title>Talks resume | Example Times</title><meta property="og:title" content="Talks resume in Muscat &amp; Aden"><meta property="og:site_name" content="Example Times"><meta property="article:published_time" content="2024-03-12T23:30:00-05:00"><link rel="canonical" href="https://example.org/talks"><style>p{color:red}</style>',
      `${NAV}<main><article><header><h1>Talks resume</h1><p class="byline">By A. Writer</p></header>
       <p>The third round of talks opened on Monday in Muscat.</p>
       <figure><img src="a.jpg"><figcaption>Delegates arrive.</figcaption></figure>
       <form><input name="q"><label>Sign up to our newsletter</label></form>
       <h2>Detainees</h2><p>About 300 detainees were freed.</p><aside><p>Read also: another story.</p></aside></article></main>${FOOT}`),
    want: {
      text: 'Talks resume\n\nThe third round of talks opened on Monday in Muscat.\n\nDetainees\n\nAbout 300 detainees were freed.',
      title: 'Talks resume in Muscat & Aden', url: 'https://example.org/talks', publisher: 'Example Times', published: '2024-03-12',
    },
  },
  {
    name: 'itemprop=articleBody over the rest of the article; JSON-LD date, headline and publisher',
    html: page(
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Ceasefire holds","datePublished":"2023-11-02T08:00:00Z","publisher":{"@type":"Organization","name":"Wire Desk"}}]}</script>',
      `<article><div class="share-tools"><p>Share on social media now please.</p></div><div itemprop="articleBody"><p>The ceasefire held overnight, residents said.</p><div class="ad-slot"><p>Advertisement</p></div><p>Aid lorries crossed at dawn.</p></div><section class="comments"><p>First comment: great article, thanks for writing.</p></section></article>`),
    want: { text: 'The ceasefire held overnight, residents said.\n\nAid lorries crossed at dawn.', title: 'Ceasefire holds', publisher: 'Wire Desk', published: '2023-11-02' },
  },
  {
    name: 'no article element: the block with the most paragraph text',
    html: page('<title>Aid convoy reaches the city</title><meta name="dc.date" content="2022-07-09">',
      `<div id="wrap"><div class="col"><p>Short teaser one.</p><p>Short teaser two.</p></div>
       <div class="col"><p>An aid convoy of 40 lorries reached the city on Saturday after weeks of negotiation between the two sides.</p>
       <p>Officials said a second convoy would follow within days if the road stayed open.</p></div></div>`),
    want: {
      text: 'An aid convoy of 40 lorries reached the city on Saturday after weeks of negotiation between the two sides.\n\nOfficials said a second convoy would follow within days if the road stayed open.',
      title: 'Aid convoy reaches the city', published: '2022-07-09',
    },
  },
  {
    name: 'many teaser <article>s: the story in a plain div still wins',
    html: page('<meta name="date" content="2021/05/04">',
      `<div class="story"><h1>Rebels free prisoners</h1><p>The rebel front freed 25 soldiers on Tuesday, the Red Cross said, in the largest release since the talks began last year.</p><p>Families waited at the gates of the base for most of the day before the first bus arrived in the early evening.</p></div>
       <div class="list"><article><p>Other story.</p></article><article><p>Yet another story.</p></article></div>`),
    want: { text: 'Rebels free prisoners\n\nThe rebel front freed 25 soldiers on Tuesday, the Red Cross said, in the largest release since the talks began last year.\n\nFamilies waited at the gates of the base for most of the day before the first bus arrived in the early evening.', title: 'Rebels free prisoners', published: '2021-05-04' },
  },
  {
    name: 'no article element, the body cut in two by an ad slot: both parts, not the sidebar',
    html: page('', `<div id="content"><div class="story"><div class="part"><p>The first convoy in four months reached the town on Tuesday after both sides agreed to a pause in the fighting.</p><p>It carried food and medicine for some 20,000 people, officials said.</p></div>
       <div class="mpu"><iframe src="/ad"></iframe></div><div class="part"><p>Residents said the town had been without power since the siege began.</p></div></div>
       <div class="widget-area"><p>Weather: sunny spells, 24 degrees.</p></div></div>`),
    want: { text: 'The first convoy in four months reached the town on Tuesday after both sides agreed to a pause in the fighting.\n\nIt carried food and medicine for some 20,000 people, officials said.\n\nResidents said the town had been without power since the siege began.' },
  },
  {
    name: 'entities decoded, <br> as a line break, hidden text dropped, <time datetime> in the article',
    html: page('',
      `<article><header><time datetime="2020-01-31T10:00">31 January</time></header><p>&ldquo;We are ready,&rdquo; said the envoy&nbsp;&mdash; &amp; left.<br>Second line &#x2013; here.</p><p hidden>Hidden text.</p><p style="display: none">Also hidden.</p><p aria-hidden="true">And this.</p></article>`),
    want: { text: '“We are ready,” said the envoy — & left.\nSecond line – here.', title: undefined, published: '2020-01-31' },
  },
  {
    name: 'the site name is taken off the title',
    html: page('<title>Envoy resigns | The Example Times</title><meta property="og:site_name" content="The Example Times">', '<article><p>The envoy resigned on Friday.</p></article>'),
    want: { title: 'Envoy resigns', publisher: 'The Example Times' },
  },
  {
    name: 'title falls back to <title>, then to <h1>; url to og:url',
    html: page('<meta property="og:url" content="https://example.org/x">', '<main><h1>Envoy resigns</h1><p>The envoy resigned on Friday.</p></main>'),
    want: { text: 'Envoy resigns\n\nThe envoy resigned on Friday.', title: 'Envoy resigns', url: 'https://example.org/x', published: undefined },
  },
  {
    name: 'a page of menus and footers only has no article text',
    html: page('<title>Home</title>', `${NAV}<nav><p>Sections</p></nav><aside><p>Most read</p></aside>${FOOT}`),
    want: { text: '' },
  },
  {
    name: 'soft hyphens and zero-width spaces inside words are dropped',
    html: '<html><body><article><p>The nego&shy;tiations&#8203; resumed in Gen\u00ADeva.</p></article></body></html>',
    want: { text: 'The negotiations resumed in Geneva.' },
  },
  {
    name: 'div and br text with no <p> at all',
    html: '<html><body><div>The talks ended without agreement.<br><br>Both sides blamed each other.</div></body></html>',
    want: { text: 'The talks ended without agreement.\n\nBoth sides blamed each other.' },
  },
];

for (const c of cases) {
  test(`html: ${c.name}`, () => {
    const got = htmlToArticle(c.html);
    for (const [k, v] of Object.entries(c.want)) assert.equal(got[k as keyof HtmlArticle], v, k);
  });
}

test('html: lists of links inside <main> are furniture, a link inside a paragraph is not', () => {
  const got = htmlToArticle(page('', `<main><h1>Talks stall</h1><p>The talks stalled on Friday, <a href="/envoy">the envoy</a> said, after the rebel delegation walked out.</p>
    <ul><li><a href="/1">Five things to know about the talks</a></li><li><a href="/2">Who are the rebels?</a></li></ul>
    <p><a href="/more">More on the conflict</a></p></main>`));
  assert.equal(got.text, 'Talks stall\n\nThe talks stalled on Friday, the envoy said, after the rebel delegation walked out.');
});

test('html: the bundled example page keeps its article and nothing of the page around it', async () => {
  const { readFileSync } = await import('node:fs');
  const html = readFileSync(new URL('../../examples/sudan-el-fasher-truce.html', import.meta.url), 'utf8');
  const got = htmlToArticle(html);
  assert.equal(got.published, '2025-04-17');
  assert.equal(got.publisher, 'The Horn Ledger');
  assert.equal(got.title, 'Sudan’s warring sides agree seven-day truce for El Fasher');
  assert.ok(got.text.startsWith('Sudan’s warring sides agree seven-day truce for El Fasher\n\nSudan’s army and the paramilitary'));
  assert.ok(got.text.endsWith('at a second round in May.'));
  for (const furniture of ['Skip to', 'Newsletters', 'Search', 'Share on', 'Advertisement', 'Photograph', 'Related', 'Topics:', 'Most read', 'morning briefing', 'All rights reserved', 'dataLayer', 'By Staff']) {
    assert.ok(!got.text.includes(furniture), furniture);
  }
  assert.equal(got.text.split('\n\n').length, 10); // the headline, a subheading and eight paragraphs
});

// The web UI in a real browser: playwright-core driving Debian's chromium against `parley serve`'s
// server on a fresh workspace holding the examples. Needs the UI built (npm run build:web) and
// /usr/bin/chromium; without them the tests are skipped with the reason. Screenshots of each main
// view go to out/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { getJson, serveExamples, type Served } from '../server/helpers.ts';
import { ROOT } from '../store/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB = join(ROOT, 'web/dist');
const SHOTS = join(ROOT, 'out/screenshots');
const FIX = join(ROOT, 'test/server/fixtures');
const skip = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install -y chromium)` : !existsSync(join(WEB, 'index.html')) ? 'web/dist is not built (npm run build:web)' : false;
if (skip) process.stderr.write(`# e2e skipped: ${skip}\n`);

let s: Served;
let browser: BrowserContext;
let profile: string;
const errors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
  await page.goto(s.url + path);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

describe('web UI', { skip }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await serveExamples([join(FIX, 'geneva-boycott.txt'), join(FIX, 'hostile-markup.txt')], WEB);
    profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
    // A fresh profile per run (launchPersistentContext passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('process view: the boycott and its condition in the participation matrix', async () => {
    const page = await open('/#/processes');
    await page.getByRole('link', { name: /Geneva/ }).click();
    const cell = page.locator('.matrix tr', { hasText: 'Coastal Union' }).locator('.cell.st-boycott');
    await cell.waitFor();
    assert.match(await cell.innerText(), /boycott/);
    assert.match(await cell.innerText(), /only if all political prisoners were released/);
    const tip = (await cell.getAttribute('title')) ?? '';
    assert.match(tip, /Condition: only if all political prisoners were released/);
    assert.match(tip, /Sources:\nd\d+ Northern talks resume in Geneva/);
    await page.locator('.timeline .round').first().waitFor();
    await shot(page, 'process');
    await page.close();
  });

  test('review queue: accept with the keyboard, reload, still accepted', async () => {
    const page = await open('/#/queue');
    const first = page.locator('.proposal').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-id'))!;
    const count0 = Number(await page.locator('.doclist li.on .count').innerText());
    await page.keyboard.press('a');
    await page.locator(`.proposal[data-id="${id}"].state-accepted`).waitFor();
    await page.locator('.doclist li.on .count', { hasText: String(count0 - 1) }).waitFor();
    await page.keyboard.press('j'); // the selection had moved on; j/k keep moving
    await page.keyboard.press('k');
    await shot(page, 'queue');
    await page.reload();
    await page.locator(`.proposal[data-id="${id}"].state-accepted`).waitFor();
    const rec = await getJson(`${s.url}/api/records/${id}`);
    assert.equal(rec.body.state, 'accepted');
    await page.close();
  });

  test('a report holding <script> and <img onerror> is shown as text and runs nothing', async () => {
    const docs = await getJson(`${s.url}/api/documents?q=Lisbon`);
    const page = await open(`/#/documents/${docs.body.items[0].id}`);
    const text = page.locator('.doctext');
    await text.waitFor();
    const shown = await text.innerText();
    assert.match(shown, /<script>window.__pwned = 1<\/script>/);
    assert.match(shown, /<img src=x onerror="window.__pwned = 2">/);
    assert.equal(await page.locator('.doctext img, .doctext script, .doctext b').count(), 0);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.ok((await page.locator('.doctext mark').count()) > 0, 'highlights shown');
    await shot(page, 'document');
    await page.close();
  });

  test('two clients review one record: the second gets a conflict, the first edit is kept', async () => {
    const a = await open('/#/queue');
    const b = await open('/#/queue');
    await a.locator('.proposal').first().waitFor();
    await b.locator('.proposal').first().waitFor();
    // Both on the first still-proposed claim of the same document.
    const target = a.locator('.proposal.state-proposed').first();
    const id = (await target.getAttribute('data-id'))!;
    await target.click();
    await b.locator(`.proposal[data-id="${id}"]`).click();
    await a.keyboard.press('e');
    const input = a.locator(`.proposal[data-id="${id}"] input`);
    await input.fill('first reviewer edit');
    await input.press('Enter');
    await a.locator(`.proposal[data-id="${id}"].state-edited`).waitFor();
    await b.keyboard.press('r');
    await b.locator('.msg', { hasText: 'changed by someone else' }).waitFor();
    const rec = await getJson(`${s.url}/api/records/${id}`);
    assert.equal(rec.body.state, 'edited');
    assert.ok(Object.values(rec.body.value).includes('first reviewer edit'), JSON.stringify(rec.body.value));
    await a.close();
    await b.close();
  });

  test('actor page and search render; screenshots', async () => {
    const actors = await getJson(`${s.url}/api/actors?q=Coastal`);
    const page = await open(`/#/actors/${actors.body.items[0].id}`);
    await page.locator('h1', { hasText: 'Coastal Union' }).waitFor();
    await page.getByText('boycott the talks').first().waitFor();
    await shot(page, 'actor');
    await page.goto(`${s.url}/#/search?q=${encodeURIComponent('"political prisoners"')}`);
    await page.locator('.search li').first().waitFor();
    await shot(page, 'search');
    await page.goto(`${s.url}/#/documents`);
    await page.locator('table.list tbody tr').first().waitFor();
    await page.close();
    assert.deepEqual(errors, []);
  });
});

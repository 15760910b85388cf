// The text view: the article as HTML in the page before any script runs, with JavaScript off, without WebGL2, in both
// languages; the map coming in over it without a layout shift; the view toggle and ?view=; selection both ways;
// links, focus and Back; hostile content loaded at run time stays inert.
// Uses site/ from ./build-wasm.sh (EXPLAINER_SITE=DIR tests DIR instead).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, outDir, repo, serve, waitReady } from './harness.mjs';

const siteDir = process.env.EXPLAINER_SITE || path.join(repo, 'site');
const article = JSON.parse(readFileSync(path.join(repo, 'assets/content/article.json'), 'utf8'));
const hostile = readFileSync(path.join(repo, 'tests/fixtures/good/hostile.json'), 'utf8');
// A content text in a language, as core's Text::get picks it: the exact tag, else the content's language.
const text = (t, lang) => (typeof t === 'string' ? t : t[lang] ?? t[article.meta.language] ?? Object.values(t)[0]);

let server, browser;
before(async () => { server = await serve(siteDir); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(url, options = {}, init) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push('HTTP ' + r.status() + ': ' + r.url()); });
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
  await page.goto(url);
  return { context, page, problems };
}
// Holds the wasm download until the returned function is called: the page as it is before the map can start.
async function holdWasm(context) {
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/explainer.wasm', async (route) => { await held; await route.continue(); });
  return release;
}
const state = (page) => page.evaluate(() => window.explainer.state());
// Whether an element is on screen: laid out, not clipped to the 1px of the visually hidden, inside the viewport.
const onScreen = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 2 && r.height > 2 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(el).visibility === 'visible';
}, selector);

for (const [lang, where] of [['en', ''], ['zh', 'zh/']]) {
  test(`with JavaScript disabled the ${lang} page shows the title and every card's title`, async () => {
    const { context, page, problems } = await open(server.url + where, { javaScriptEnabled: false });
    assert.equal(await page.evaluate(() => typeof window.explainer + typeof window.Module), 'undefinedundefined', 'no page script ran');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('#text-view .explainer-text', 'lang'), lang);
    const title = text(article.meta.title, lang);
    assert.equal(await page.title(), title);
    assert.equal(await page.textContent('#text-view h1'), title);
    assert.ok(await page.isVisible('#text-view h1'));
    assert.equal(await page.isVisible('#status'), false, 'no loading bar waits forever');
    assert.equal(await page.getAttribute('meta[property="og:title"]', 'content'), title);
    // The summary, cut at a word to at most 300 characters.
    const description = await page.getAttribute('meta[name="description"]', 'content');
    assert.ok(description.length > 40 && description.length <= 300, description);
    assert.ok(text(article.meta.summary, lang).replace(/\s+/g, ' ').startsWith(description.replace(/\u2026$/, '')), description);
    for (const n of article.nodes) {
      const h3 = page.locator(`[id="node-${n.id}"] h3`);
      assert.equal(await h3.textContent(), text(n.title, lang), n.id);
    }
    // The last card scrolls into view: the page reads to the end.
    await page.locator(`[id="node-${article.nodes.at(-1).id}"]`).scrollIntoViewIfNeeded();
    assert.ok(await onScreen(page, `[id="node-${article.nodes.at(-1).id}"]`));
    // An in-page link works without scripts: it scrolls to the card.
    const link = page.locator('#text-view .links a').first();
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    assert.equal(new URL(page.url()).hash, '#' + target);
    assert.ok(await onScreen(page, `[id="${target}"]`));
    await page.screenshot({ path: path.join(outDir, `text-nojs-${lang}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('without WebGL2 the text view stays, with a one-line notice, and nothing throws', async () => {
  const { context, page, problems } = await open(server.url + '#node=ai-chips', {}, () => { delete window.WebGL2RenderingContext; });
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
  assert.match(await page.textContent('#status-text'), /needs WebGL2/);
  const bar = await page.locator('#status').boundingBox();
  assert.ok(bar.height < 60, `one line (${bar.height}px)`);
  assert.ok(await onScreen(page, '#text-view h1') || await onScreen(page, '#node-ai-chips'));
  assert.ok(await onScreen(page, '#node-ai-chips'), 'the deep link is shown in the text');
  assert.equal(await page.getAttribute('#node-ai-chips', 'aria-current'), 'true');
  assert.equal((await state(page)).view, 'text');
  assert.equal(await page.evaluate(() => window.explainer.ready.then(() => 'ready', () => 'rejected')), 'rejected');
  await page.screenshot({ path: path.join(outDir, 'text-no-webgl2.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the text shows until the map is ready, then the map comes in with no layout shift (CLS <= 0.02)', async () => {
  const recordShifts = () => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  };
  const { context, page, problems } = await open('about:blank', {}, recordShifts);
  const release = await holdWasm(context);
  await page.goto(server.url);
  await page.waitForSelector('#text-view h1');
  assert.ok(await onScreen(page, '#text-view h1'), 'the article reads while the map loads');
  assert.equal((await state(page)).view, 'text');
  assert.ok(await page.isVisible('#status'), 'the loading bar shows');
  await page.evaluate(() => { document.querySelector('#text-view .explainer-text').dataset.prerendered = 'yes'; });
  release();
  await waitReady(page);
  await page.waitForTimeout(500);  // shifts are reported after the frame that made them
  assert.equal((await state(page)).view, 'map');
  assert.equal(await onScreen(page, '#text-view h1'), false, 'the map took the screen');
  assert.equal(await page.isVisible('#status'), false);
  assert.equal(await page.getAttribute('#text-view .explainer-text', 'data-prerendered'), 'yes',
    "the app's text had the pre-rendered one's digest: nothing was re-rendered");
  // The page names the file its text came from, so the app does not build the text at all.
  const page0 = await page.evaluate(() => window.explainer.page());
  assert.equal(page0.html, undefined, 'the app left out the text the page already shows');
  assert.equal(page0.lang, 'en');
  assert.match(await page.getAttribute('#text-view .explainer-text', 'data-source'), /^[0-9a-f]{16}-en$/);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls <= 0.02, `CLS ${cls}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the toggle and ?view=text switch views; state() reports the view; the text is not a focus trap', async () => {
  const { context, page, problems } = await open(server.url + '#node=ai-chips');
  await waitReady(page);
  assert.equal((await state(page)).view, 'map');
  await page.click('#view-toggle');
  assert.equal((await state(page)).view, 'text');
  assert.equal(await page.getAttribute('#view-toggle', 'aria-pressed'), 'true');
  assert.match(page.url(), /\?view=text#node=ai-chips$/);
  assert.ok(await onScreen(page, '#node-ai-chips'), 'the selected card is scrolled into view');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).visibility), 'hidden');
  // Keys in the text view are the page's: "/" does not open the hidden map's search (even from <body>, where keys
  // would otherwise go to the app).
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('/');
  await page.keyboard.type('chips');
  assert.equal((await state(page)).search.query ?? '', '');
  await page.click('#view-toggle');
  assert.equal((await state(page)).view, 'map');
  assert.equal(new URL(page.url()).search, '');
  await context.close();

  const second = await open(server.url + '?view=text#node=export-controls');
  await waitReady(second.page);
  assert.equal((await state(second.page)).view, 'text');
  assert.equal((await state(second.page)).selected, 'export-controls');
  assert.ok(await onScreen(second.page, '#node-export-controls'));
  assert.equal(await second.page.getAttribute('#node-export-controls', 'aria-current'), 'true');
  // "Skip to the map" at the top of the text (for keyboard users) goes to the map and focuses it.
  await second.page.focus('#text-view .skip');
  assert.ok(await onScreen(second.page, '#text-view .skip'), 'seen while focused');
  await second.page.keyboard.press('Enter');
  assert.equal((await state(second.page)).view, 'map');
  assert.equal(await second.page.evaluate(() => document.activeElement.id), 'canvas');
  assert.deepEqual([...problems, ...second.problems], []);
  await second.context.close();
});

test('on a phone the map is the default (its lanes read top to bottom), and the text is one tap away', async () => {
  const { context, page, problems } = await open(server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await waitReady(page);
  assert.equal((await state(page)).view, 'map');
  assert.ok(await onScreen(page, '#view-toggle'));
  await page.tap('#view-toggle');
  assert.equal((await state(page)).view, 'text');
  assert.ok(await onScreen(page, '#text-view h1'));
  await page.screenshot({ path: path.join(outDir, 'text-phone.png') });
  assert.match(page.url(), /\?view=text/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link in the text moves the focus and the selection; Back returns; the map selection scrolls the text', async () => {
  const { context, page, problems } = await open(server.url + '?view=text#node=ai-chips');
  await waitReady(page);
  assert.equal((await state(page)).selected, 'ai-chips');
  const link = page.locator('#node-ai-chips .links a[href="#node-indigenous-infrastructure"]');
  const length0 = await page.evaluate(() => history.length);
  await link.click();
  await page.waitForFunction(() => window.explainer.state().selected === 'indigenous-infrastructure');
  await page.waitForFunction(() => /^#node=indigenous-infrastructure(&|$)/.test(location.hash));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'node-indigenous-infrastructure');
  assert.ok(await onScreen(page, '#node-indigenous-infrastructure'));
  assert.equal(await page.evaluate(() => history.length), length0 + 1);

  await page.goBack();
  await page.waitForFunction(() => window.explainer.state().selected === 'ai-chips');
  await page.waitForFunction(() => document.activeElement.id === 'node-ai-chips');
  assert.equal(await page.getAttribute('#node-ai-chips', 'aria-current'), 'true');
  assert.equal(await page.locator('#text-view [aria-current="true"]').count(), 1);

  // The map's selection (here through the hook, as a click on a card would) scrolls the text to that card.
  const last = article.nodes.at(-1).id;
  assert.equal(await onScreen(page, `[id="node-${last}"]`), false);
  await page.evaluate((id) => window.explainer.select(id), last);
  await page.waitForFunction((id) => document.getElementById('node-' + id).getAttribute('aria-current') === 'true', last);
  assert.ok(await onScreen(page, `[id="node-${last}"]`));
  assert.match(await page.textContent('#announce'), /^Selected: /);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link followed before the map is ready is the selection once it is', async () => {
  const { context, page, problems } = await open('about:blank');
  const release = await holdWasm(context);
  await page.goto(server.url + '#node-ai-chips');  // the text's own anchor form, as shared without scripts
  await page.waitForFunction(() => /^#node=ai-chips(&|$)/.test(location.hash));
  await page.click('#node-ai-chips .links a[href="#node-indigenous-infrastructure"]');
  assert.match(await page.evaluate(() => location.hash), /^#node=indigenous-infrastructure(&|$)/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'node-indigenous-infrastructure');
  release();
  await waitReady(page);
  await page.waitForFunction(() => window.explainer.state().selected === 'indigenous-infrastructure');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Chinese page runs the map in Chinese; ?lang=zh re-renders the text in Chinese', async () => {
  {
    const { context, page, problems } = await open(server.url + 'zh/#node=ai-chips');
    await waitReady(page);
    const s = await state(page);
    assert.equal(s.lang, 'zh');
    assert.equal(s.selected, 'ai-chips');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh');
    assert.equal(await page.textContent('#text-view h1'), text(article.meta.title, 'zh'));
    assert.equal(await page.textContent('#view-toggle'), '文字版');
    await page.click('#view-toggle');
    await page.screenshot({ path: path.join(outDir, 'text-zh.png') });
    assert.deepEqual(problems, []);
    await context.close();
  }
  const { context, page, problems } = await open('about:blank');
  const release = await holdWasm(context);
  await page.goto(server.url + '?lang=zh');
  // Before the map can start, the text is already Chinese (from the pre-rendered zh/ page).
  await page.waitForFunction(() => document.querySelector('#text-view .explainer-text').lang === 'zh');
  assert.equal(await page.evaluate(() => window.__firstFrame), undefined);
  release();
  await waitReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh');
  assert.equal(await page.textContent('#text-view h1'), text(article.meta.title, 'zh'));
  for (const n of article.nodes.slice(0, 5)) assert.equal(await page.textContent(`[id="node-${n.id}"] h3`), text(n.title, 'zh'));
  assert.equal((await page.evaluate(() => window.explainer.page())).html, undefined, "the zh/ page's text is the same");
  await page.evaluate(() => { document.querySelector('#text-view .explainer-text').dataset.source = 'other'; });
  assert.match((await page.evaluate(() => window.explainer.page())).html, /data-source="[0-9a-f]{16}-zh"/,
    'a text from another file is built again');
  assert.deepEqual(problems, []);
  await context.close();
});

test('content loaded at run time replaces the text; hostile text in it stays inert', async () => {
  const { context, page, problems } = await open(server.url + '?view=text');
  await waitReady(page);
  const r = await page.evaluate((t) => window.explainer.load(t, 'hostile.json'), hostile);
  assert.deepEqual(r, { ok: true, errors: [] });
  await page.waitForFunction(() => document.querySelectorAll('#text-view .card').length === 2);
  const raw = JSON.parse(hostile);
  assert.equal(await page.textContent('#text-view h1'), raw.meta.title);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#text-view script, #text-view img, #text-view iframe, #text-view svg, #text-view style, #text-view b').length), 0);
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('#text-view a[href]')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => h.startsWith('#node-') || h.startsWith('https://') || h === 'zh/'), hrefs.join(' '));
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(await page.textContent('#text-view')), 'no bidi controls');
  await page.click('#node-a .links a');
  await page.waitForFunction(() => window.explainer.state().selected === 'b');
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);  // no alert() ran: a dialog would be listed
  await context.close();
});

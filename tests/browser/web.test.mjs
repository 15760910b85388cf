// The page around the app: deep links and history, custom content, the text view as the screen readers' path and its
// live region, link
// refusal, loading failures, CSP, axe-core, offline through the service worker, embed mode and the single-file build.
// Uses site/ and site-single/ from ./build-wasm.sh (EXPLAINER_SITE=DIR tests DIR and DIR-single instead).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { distinctColours, launch, openPage, outDir, repo, serve, waitReady } from './harness.mjs';

const siteDir = process.env.EXPLAINER_SITE || path.join(repo, 'site');
const singleFile = path.join(siteDir + '-single', 'explainer.html');
const fixture = (name) => path.join(repo, 'tests/browser/fixtures', name);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Every page records CSP violations from its first script on (init scripts are not subject to the page's CSP).
const recordCsp = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

let server, browser;
before(async () => { server = await serve(siteDir); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(url, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
  await context.addInitScript(recordCsp);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push('HTTP ' + r.status() + ': ' + r.url()); });
  await page.goto(url);
  return { context, page, problems };
}

const state = (page) => page.evaluate(() => window.explainer.state());
const csp = (page) => page.evaluate(() => window.__csp);

test('a deep link opens the node; a new selection pushes a hash; Back and Forward walk it', async () => {
  const { context, page, problems } = await open(server.url + '#node=ai-chips');
  await waitReady(page);
  assert.equal((await state(page)).selected, 'ai-chips');
  const length0 = await page.evaluate(() => history.length);

  assert.ok(await page.evaluate(() => window.explainer.select('export-controls')));
  await page.waitForFunction(() => /^#node=export-controls(&|$)/.test(location.hash));
  assert.equal(await page.evaluate(() => history.length), length0 + 1, 'one entry per selection');

  await page.goBack();
  await page.waitForFunction(() => window.explainer.state().selected === 'ai-chips');
  assert.match(await page.evaluate(() => location.hash), /^#node=ai-chips(&|$)/);
  await page.goForward();
  await page.waitForFunction(() => window.explainer.state().selected === 'export-controls');
  assert.equal(await page.evaluate(() => history.length), length0 + 1, 'restoring does not push');
  assert.deepEqual(problems, []);
  assert.deepEqual(await csp(page), []);
  await context.close();
});

test('a tour deep link restores the tour and step; an unknown node is replaced by what is shown', async () => {
  const { context, page } = await open(server.url + '#tour=why&step=2');
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.tour.id, 'why');
  assert.equal(s.tour.step, 2);
  assert.equal(await page.evaluate(() => location.hash), '#tour=why&step=2');
  // A hash typed by hand that names nothing: the app keeps the tour, the URL says so.
  const canonical = await page.evaluate(() => window.explainer.applyHash('#node=no-such-card'));
  assert.equal(canonical, '#tour=why&step=2');
  await context.close();
});

test('load(): a broken file reports its problems and keeps the map; a good one replaces it and the text view', async () => {
  const { context, page, problems } = await open(server.url);
  await waitReady(page);
  const before = await state(page);
  const broken = readFileSync(fixture('broken.json'), 'utf8');
  const bad = await page.evaluate((t) => window.explainer.load(t, 'broken.json'), broken);
  assert.equal(bad.ok, false);
  assert.ok(bad.errors.some((e) => e.startsWith('broken.json: /edges/0/to: ')), bad.errors.join('\n'));
  const kept = await state(page);
  assert.equal(kept.content.node_count, before.content.node_count);
  assert.ok(kept.errors.length >= 1, 'the app holds the problems it draws');
  const syntax = await page.evaluate(() => window.explainer.load('{"meta": ', 'cut.json'));
  assert.equal(syntax.ok, false);
  assert.match(syntax.errors[0], /^cut\.json: /);

  const good = await page.evaluate((t) => window.explainer.load(t, 'custom.json'), readFileSync(fixture('custom.json'), 'utf8'));
  assert.deepEqual(good, { ok: true, errors: [] });
  await page.waitForFunction(() => document.title === 'Harbour town budget');
  assert.equal((await state(page)).content.node_count, 3);
  assert.equal(await page.locator('#text-view .card').count(), 3, 'text view rebuilt from the new content');
  const icon = await page.evaluate(() => decodeURIComponent(document.getElementById('favicon').href));
  assert.ok(icon.includes('#c0392b') && icon.includes('#2e86c1'), 'favicon drawn from the category colours');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the file button opens a picked file; an over-size file is refused without being read', async () => {
  const { context, page } = await open(server.url);
  await waitReady(page);
  await page.locator('#file-input').setInputFiles(fixture('custom.json'));
  await page.waitForFunction(() => window.explainer.state().content.node_count === 3);
  await expectNotice(page, /Opened custom\.json/);
  await page.locator('#file-input').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(9 * 1024 * 1024, 32) });
  await expectNotice(page, /huge\.json was not opened: 1 problem/);
  const s = await state(page);
  assert.equal(s.content.node_count, 3, 'the shown content stays');
  assert.match(s.errors[0], /^huge\.json: \/: the file is 9\.0 MiB; the limit is 8 MiB/);

  // Dropping a file on the page goes the same way.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, readFileSync(fixture('broken.json'), 'utf8'));
  await expectNotice(page, /dropped\.json was not opened: 1 problem, listed in the app\. dropped\.json: \/edges\/0\/to: /);
  assert.equal((await state(page)).content.node_count, 3);
  await context.close();
});

async function expectNotice(page, pattern) {
  await page.waitForFunction((src) => new RegExp(src).test(document.getElementById('notice').textContent), pattern.source);
}

// A ?content= that cannot be shown: the page says why, in its status line and where the text would be, and shows
// neither the bundled article's map nor its pre-rendered text. Returns the text view's and the status line's text.
async function expectContentFailure(page, name) {
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
  const shown = await page.evaluate(() => ({
    status: document.getElementById('status-text').textContent,
    text: document.getElementById('text-view').innerText,
    articles: document.querySelectorAll('#text-view .explainer-text').length,
    ready: document.body.classList.contains('ready'),
  }));
  assert.ok(shown.status.startsWith(name + ' could not be shown'), shown.status);
  assert.equal(shown.articles, 0, 'no article text in the text view');
  assert.ok(!shown.text.includes('self-sufficiency'), 'nothing of the bundled article: ' + shown.text.slice(0, 200));
  assert.equal(shown.ready, false);
  const s = await state(page);
  assert.equal(s.content.node_count, 0, 'no map of another article');
  assert.equal(s.nodes.length, 0);
  assert.ok(s.errors.length > 0);
  for (const e of s.errors) assert.ok(shown.text.includes(e), 'the text view lists ' + e);
  return { ...shown, errors: s.errors };
}

test('?content= loads same-origin content; a refused, missing or broken one shows its problem, not the bundled article', async () => {
  // No service worker: its fetches would bypass the routes below.
  const { context, page, problems } = await open('about:blank', { serviceWorkers: 'block' });
  await context.route(server.url + 'articles/custom.json', (route) => route.fulfill({ path: fixture('custom.json'), contentType: 'application/json' }));
  await context.route(server.url + 'articles/broken.json', (route) => route.fulfill({ body: '{"format": 1, "meta": ', contentType: 'application/json' }));
  await page.goto(server.url + '?content=articles/custom.json');
  await waitReady(page);
  assert.equal((await state(page)).content.title, 'Harbour town budget');
  assert.ok(await page.evaluate(() => document.getElementById('text-view').innerText.includes('Harbour fees rose')));
  assert.deepEqual(problems, []);

  await page.goto(server.url + '?content=' + encodeURIComponent('https://elsewhere.invalid/x.json'));
  let f = await expectContentFailure(page, 'https://elsewhere.invalid/x.json');
  assert.match(f.errors[0], /^https:\/\/elsewhere\.invalid\/x\.json: \/: refused: /);

  await page.goto(server.url + '?content=articles/missing.json');
  f = await expectContentFailure(page, 'articles/missing.json');
  assert.match(f.errors[0], /could not be fetched \(HTTP 404\)/);

  await page.goto(server.url + '?content=articles/broken.json');
  f = await expectContentFailure(page, 'articles/broken.json');
  assert.match(f.errors[0], /^articles\/broken\.json: \/meta: the file ends before the JSON is complete/);
  await context.close();
});

test('links: only http(s) opens, in a new tab without opener; anything else is refused visibly', async () => {
  const { context, page, problems } = await open(server.url);
  await waitReady(page);
  assert.equal(await page.evaluate(() => window.explainer.openUrl('javascript:alert(1)')), false);
  await expectNotice(page, /Not opened: only http and https links/);
  assert.equal(await page.evaluate(() => window.explainer.openUrl('file:///etc/passwd')), false);

  await context.route('https://example.org/**', (route) => route.fulfill({ body: '<title>elsewhere</title>', contentType: 'text/html' }));
  const popup = context.waitForEvent('page');
  assert.equal(await page.evaluate(() => window.explainer.openUrl('https://example.org/story')), true);
  const tab = await popup;
  await tab.waitForLoadState();
  assert.equal(tab.url(), 'https://example.org/story');
  assert.equal(await tab.evaluate(() => window.opener), null, 'noopener');
  assert.equal(await tab.evaluate(() => document.referrer), '', 'noreferrer');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tab walks the cards and then leaves the map; Shift+Tab before the first card leaves it backwards', async () => {
  const { context, page, problems } = await open(server.url);
  await waitReady(page);
  const n = (await state(page)).nodes.filter((x) => x.shown).length;  // folded parts are read as their whole
  await page.focus('#canvas');
  const focused = () => page.evaluate(() => window.explainer.state().focused);
  // Each Tab is a frame's worth of input: wait for the focus to move before the next one.
  let left = false, steps = 0;
  for (; steps <= n + 1 && !left; ++steps) {
    const before = await focused();
    await page.keyboard.press('Tab');
    await page.waitForFunction(([b]) => window.explainer.state().focused !== b || document.activeElement.id !== 'canvas',
      [before], { timeout: 5000 });
    left = await page.evaluate(() => document.activeElement.id !== 'canvas');
  }
  assert.ok(left, `still in the map after ${steps} Tabs`);
  assert.equal(steps, n + 1, 'every card is visited once before the focus leaves');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-link', 'the page wraps round to its first control (Open file… is for authors)');
  assert.equal(await focused(), null);

  await page.focus('#canvas');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.explainer.state().focused !== null);
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction(() => document.activeElement.id !== 'canvas', null, { timeout: 5000 });
  assert.ok(await page.evaluate(() => document.getElementById('text-view').contains(document.activeElement)),
    'Shift+Tab from the first card goes back to the text view, just before the map');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the text view and the map stay in step for keyboards and screen readers, and selections are announced', async () => {
  const { context, page } = await open(server.url);
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.view, 'map');
  assert.equal(await page.locator('#text-view .card').count(), s.content.node_count);
  assert.equal(await page.locator('#text-view h1').textContent(), s.content.title);
  // In the map view the text is visually hidden but in the page, for screen readers.
  assert.ok(await page.evaluate(() => document.getElementById('text-view').getBoundingClientRect().width <= 1));

  // Keyboard: Tab from the page start reaches the toolbar, then the text view (GLFW would otherwise swallow Tab).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-link');  // Open file… needs ?edit=1
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-toggle');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('text-view').contains(document.activeElement)), 'Tab enters the text view');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip', 'first: skip to the map');
  // With the keyboard in it, the text shows as a panel beside the map.
  assert.ok(await page.evaluate(() => document.getElementById('text-view').getBoundingClientRect().width > 300), 'shown while focused');

  // DOM → map: a link to a card, used the way a keyboard does.
  const first = await page.evaluate(() => window.explainer.state().nodes[0]);
  const link = page.locator(`#text-view .links a[href="#node-${first.id}"]`).first();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => window.explainer.state().selected === id, first.id);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'node-' + first.id, 'the focus moves to the card');
  await page.waitForFunction(() => document.getElementById('announce').textContent.startsWith('Selected: '));

  // map → DOM: the card is marked; the focus, already in the text, follows a selection restored by Back.
  const other = await page.evaluate(() => window.explainer.state().nodes[3]);
  await page.evaluate((id) => window.explainer.select(id), other.id);
  await page.waitForFunction((id) => document.getElementById('node-' + id).getAttribute('aria-current') === 'true', other.id);
  assert.equal(await page.locator('#text-view [aria-current="true"]').count(), 1);
  assert.match(await page.locator('#announce').textContent(), new RegExp('^Selected: ' + other.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.screenshot({ path: path.join(outDir, 'web-text-panel.png') });
  await page.goBack();
  await page.waitForFunction((id) => window.explainer.state().selected === id && document.activeElement.id === 'node-' + id, first.id);
  await context.close();
});

test('axe-core finds no violation: the map view, the text as a panel, the text view', async () => {
  // The strict CSP would block the injected axe script: this context bypasses it (only for the audit).
  const { context, page, problems } = await open(server.url + '#node=ai-chips', { bypassCSP: true });
  await waitReady(page);
  await page.addScriptTag({ content: axeSource });
  const audit = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(await audit(), []);
  await page.locator('#text-view .links a').first().focus();
  assert.ok(await page.evaluate(() => document.getElementById('text-view').getBoundingClientRect().width > 100), 'text shown while focused');
  assert.deepEqual(await audit(), []);
  await page.evaluate(() => window.explainer.view('text'));
  assert.equal((await state(page)).view, 'text');
  assert.deepEqual(await audit(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the CSP holds: zero violations while running, and an injected inline script is blocked and reported', async () => {
  const { context, page, problems } = await open(server.url);
  await waitReady(page);
  await page.evaluate(() => window.explainer.select('ai-chips'));
  await page.waitForFunction(() => /^#node=ai-chips(&|$)/.test(location.hash));
  assert.deepEqual(await csp(page), []);
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false);
  assert.ok((await csp(page)).some((v) => v.startsWith('script-src')), 'the violation was reported');
  assert.ok(problems.every((p) => p.includes('Content Security Policy')), problems.join('\n'));
  await context.close();
});

test('loading: the bar reaches 100 %; a missing wasm or missing WebGL2 gives a clear message over the text', async () => {
  {
    const { context, page } = await open(server.url);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.getElementById('status-progress').value), 100);
    assert.equal(await page.evaluate(() => document.getElementById('status').hidden), true);
    await context.close();
  }
  {
    const { context, page } = await open('about:blank');
    await context.route('**/explainer.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    assert.match(await page.locator('#status-text').textContent(), /could not be downloaded or started .*HTTP 404/);
    assert.equal(await page.locator('#status').getAttribute('role'), 'alert');
    await context.close();
  }
  {
    const { context, page, problems } = await open('about:blank');
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : original.call(this, kind, ...rest); };
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    assert.match(await page.locator('#status-text').textContent(), /needs WebGL2/);
    assert.equal(await page.evaluate(() => window.explainer.ready.then(() => 'ready', (e) => e.message)), await page.locator('#status-text').textContent());
    assert.ok(await page.locator('#text-view h1').isVisible(), 'the article stays readable');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('embed mode hides the page controls; copy link puts the URL on the clipboard', async () => {
  {
    const { context, page } = await open(server.url + '?embed=1#node=ai-chips');
    await waitReady(page);
    assert.equal(await page.locator('#toolbar').isVisible(), false);
    assert.equal((await state(page)).selected, 'ai-chips');
    await context.close();
  }
  const { context, page, problems } = await open(server.url + '#node=ai-chips');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await waitReady(page);
  await page.locator('#copy-link').click();
  await expectNotice(page, /^Link copied: /);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.url + '#node=ai-chips');
  await page.screenshot({ path: path.join(outDir, 'web-toolbar.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page speaks the reading language: status, text view, notices and labels follow ?lang=zh', async () => {
  const { context, page, problems } = await open(server.url + '?lang=zh');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  assert.match(await page.locator('#status-text').textContent(), /^正在加载/);
  await waitReady(page);
  assert.equal(await page.locator('#text-view').getAttribute('aria-label'), '文章的文字版');
  assert.equal(await page.locator('#text-view .skip').textContent(), '跳到地图');
  assert.equal(await page.locator('#view-toggle').textContent(), '文字版');
  await page.waitForFunction(() => document.querySelector('#text-view .explainer-text').lang === 'zh');
  assert.match(await page.locator('#canvas').getAttribute('aria-label'), /交互式地图/);
  assert.match(await page.locator('#drop-hint').textContent(), /\.json/);
  await page.locator('#copy-link').click();
  await expectNotice(page, /^链接已复制：/);
  assert.equal(await page.evaluate(() => window.explainer.openUrl('javascript:alert(1)')), false);
  await expectNotice(page, /^未打开：只有 http 和 https 链接/);
  assert.equal(await page.evaluate(() => window.explainer.select('ai-chips')), true);
  await page.waitForFunction(() => /^已选中：/.test(document.getElementById('announce').textContent));
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline: after one visit a reload with the network off still reaches ready', async () => {
  const { context, page, problems } = await open(server.url + '#node=ai-chips');
  await waitReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  const s = await state(page);
  assert.ok(s.content.node_count > 10);
  assert.equal(s.selected, 'ai-chips', 'the deep link survives offline');
  await page.goto(server.url + '?embed=1');  // another query: still the cached page
  await waitReady(page);
  await page.goto(server.url + 'zh/');  // the Chinese page is cached too
  await waitReady(page);
  assert.equal((await state(page)).lang, 'zh');
  assert.deepEqual(problems, []);
  assert.deepEqual(await csp(page), []);
  await context.close();
});

test('the single-file build renders from file:// with its own CSP and no error', async () => {
  const { context, page, problems } = await open(pathToFileURL(singleFile).href + '#node=ai-chips');
  await waitReady(page);
  const s = await state(page);
  assert.ok(s.content.node_count > 10);
  assert.equal(s.selected, 'ai-chips');
  assert.equal(await page.evaluate(() => window.explainer.singleFile), true);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src], link[rel="stylesheet"]').length), 0, 'nothing external');
  assert.equal(await page.locator('#text-view .card').count(), s.content.node_count, 'the text view is in the file too');
  const png = await page.screenshot({ path: path.join(outDir, 'web-single-file.png') });
  assert.ok((await distinctColours(browser, png)) > 50, 'the canvas is not blank');
  assert.deepEqual(problems, []);
  assert.deepEqual(await csp(page), []);
  await context.close();
});

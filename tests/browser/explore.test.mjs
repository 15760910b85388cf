// The explorer in Chromium with real input: click, history, zoom around the pointer, search, idle, screenshots.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { distinctColours, launch, openPage, outDir, serve, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.explainer.state());
const centre = (rect) => ({ x: rect[0] + rect[2] / 2, y: rect[1] + rect[3] / 2 });
// The node whose card is fully on screen and not under a panel: the one nearest the middle of the canvas.
function middleNode(s, exclude = []) {
  const clear = (c) => c.x < 840 && !(c.x < 450 && c.y < 240) && !(c.x < 230 && c.y > 600);  // not under a panel
  const cands = s.nodes.filter((n) => n.visible && !exclude.includes(n.id) && clear(centre(n.rect)));
  const d = (n) => Math.hypot(centre(n.rect).x - 640, centre(n.rect).y - 400);
  return cands.sort((a, b) => d(a) - d(b))[0];
}
async function settle(page) {  // until the camera stops moving
  let last = '';
  for (let i = 0; i < 40; i++) {
    const cam = JSON.stringify((await state(page)).camera);
    if (cam === last) return;
    last = cam;
    await page.waitForTimeout(120);
  }
}

async function open(options = {}) {
  const r = await openPage(browser, server.url, options);
  await waitReady(r.page);
  return r;
}

test('clicking a card selects it; Alt+Left returns to the previous one', async () => {
  const { page, problems, context } = await open();
  const s0 = await state(page);
  assert.equal(s0.selected, null);
  const a = middleNode(s0);
  await page.mouse.click(centre(a.rect).x, centre(a.rect).y);
  await page.waitForFunction((id) => window.explainer.state().selected === id, a.id);
  await settle(page);
  const s1 = await state(page);
  assert.equal(s1.history.back, false);
  const b = middleNode(s1, [a.id]);
  await page.mouse.click(centre(b.rect).x, centre(b.rect).y);
  await page.waitForFunction((id) => window.explainer.state().selected === id, b.id);
  assert.equal((await state(page)).history.back, true);
  await page.keyboard.press('Alt+ArrowLeft');
  await page.waitForFunction((id) => window.explainer.state().selected === id, a.id);
  assert.equal(page.url().startsWith(server.url), true, 'Alt+Left stayed in the app');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the mouse's back and forward buttons walk the app's history and the page stays", async () => {
  const { page, problems, context } = await open();
  const ids = (await state(page)).nodes.map((n) => n.id);
  for (const id of [ids[0], ids[1]]) {
    await page.evaluate((i) => window.explainer.select(i), id);
    await page.waitForFunction((i) => window.explainer.state().selected === i, id);
  }
  // Playwright's mouse has no side buttons; the DevTools protocol does.
  const cdp = await context.newCDPSession(page);
  const click = async (button) => {
    for (const type of ['mousePressed', 'mouseReleased'])
      await cdp.send('Input.dispatchMouseEvent', { type, x: 640, y: 400, button, clickCount: 1 });
  };
  const url = page.url();
  await click('back');
  await page.waitForFunction((i) => window.explainer.state().selected === i, ids[0], { timeout: 5000 });
  await click('forward');
  await page.waitForFunction((i) => window.explainer.state().selected === i, ids[1], { timeout: 5000 });
  assert.ok(page.url().startsWith(url.split('#')[0]), 'still on the explainer page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('ctrl+wheel over a card zooms in and keeps it under the pointer', async () => {
  const { page, context } = await open();
  const s0 = await state(page);
  const n = middleNode(s0);
  const p = { x: centre(n.rect).x + n.rect[2] / 4, y: centre(n.rect).y };
  await page.mouse.move(p.x, p.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -240);
  await page.keyboard.up('Control');
  await page.waitForFunction((z) => window.explainer.state().camera.zoom > z * 1.2, s0.camera.zoom);
  const s1 = await state(page);
  const r = s1.nodes.find((m) => m.id === n.id).rect;
  assert.ok(r[2] > n.rect[2] * 1.2, 'the card got bigger');
  assert.ok(p.x >= r[0] && p.x <= r[0] + r[2] && p.y >= r[1] && p.y <= r[1] + r[3], 'still under the pointer');
  // The same canvas point stays under the pointer: its relative position in the card is unchanged.
  const rel0 = (p.x - n.rect[0]) / n.rect[2], rel1 = (p.x - r[0]) / r[2];
  assert.ok(Math.abs(rel0 - rel1) < 0.02, `pivot kept (${rel0.toFixed(3)} vs ${rel1.toFixed(3)})`);
  await context.close();
});

test('"/" then typing finds nodes and lights them', async () => {
  const { page, context } = await open();
  await page.mouse.move(640, 400);
  await page.keyboard.press('/');
  await page.keyboard.type('talent');
  await page.waitForFunction(() => window.explainer.state().search.query === 'talent');
  const s = await state(page);
  assert.ok(s.search.results.length >= 2, 'several nodes mention talent');
  const titles = s.nodes.filter((n) => s.search.results.includes(n.id)).map((n) => n.title.toLowerCase());
  assert.ok(titles.some((t) => t.includes('talent')), 'a title matches');
  await page.screenshot({ path: path.join(outDir, 'search.png') });
  await context.close();
});

test('an idle page draws no frames', async () => {
  const { page, context } = await open();
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.waitForTimeout(1500);
  const f1 = (await state(page)).frames;
  await page.waitForTimeout(2500);
  const f2 = (await state(page)).frames;
  assert.equal(f2, f1, `frames grew from ${f1} to ${f2} while idle`);
  await context.close();
});

test('an idle page stops asking for animation frames, and input brings the loop back', async () => {
  const { page, context } = await open();
  // Count requestAnimationFrame calls from now on (Emscripten looks the function up on every call).
  await page.evaluate(() => {
    window.__rafCalls = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (fn) => { window.__rafCalls++; return raf(fn); };
  });
  await page.mouse.move(300, 300);
  await page.waitForTimeout(1500);
  const r1 = await page.evaluate(() => window.__rafCalls);
  await page.waitForTimeout(2000);
  const r2 = await page.evaluate(() => window.__rafCalls);
  assert.equal(r2, r1, `the loop asked for ${r2 - r1} animation frames while idle`);
  // A mouse move is input: the loop resumes and draws.
  const f1 = (await state(page)).frames;
  await page.mouse.move(340, 320);
  await page.waitForFunction((f) => window.explainer.state().frames > f, f1, { timeout: 5000 });
  assert.ok((await page.evaluate(() => window.__rafCalls)) > r2, 'the loop ran again');
  // A resize while paused reaches the canvas too (its backing store follows the CSS size in a frame).
  await page.waitForTimeout(1500);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === document.getElementById('canvas').clientWidth
    && document.getElementById('canvas').clientWidth < 1100, null, { timeout: 5000 });
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  for (const dpr of [1, 2]) {
    test(`screenshot ${scheme} at devicePixelRatio ${dpr}`, async () => {
      const { page, problems, context } = await open({ colorScheme: scheme, deviceScaleFactor: dpr });
      const s0 = await state(page);
      assert.equal(s0.theme, scheme);
      const n = middleNode(s0);
      await page.mouse.click(centre(n.rect).x, centre(n.rect).y);
      await page.waitForFunction((id) => window.explainer.state().selected === id, n.id);
      await settle(page);
      const png = await page.screenshot({ path: path.join(outDir, `explore-${scheme}-dpr${dpr}.png`) });
      assert.ok((await distinctColours(browser, png)) > 100);
      const size = await page.evaluate(() => [document.getElementById('canvas').width, window.innerWidth]);
      assert.equal(size[0], size[1] * dpr, 'canvas backing store follows devicePixelRatio');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('on a phone a tap selects a card and a pinch zooms', async () => {
  // Phones start in the text view (textview.test.mjs); ?view=map is the map.
  const { page, problems, context } = await openPage(browser, server.url + '?view=map', { viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  await waitReady(page);
  const s0 = await state(page);
  // A card in the lower half (the title bar covers the top on a phone).
  const n = s0.nodes.filter((m) => m.visible && centre(m.rect).y > 300 && centre(m.rect).y < 800)
    .sort((a, b) => b.rect[2] - a.rect[2])[0];
  assert.ok(n, 'a card is visible');
  await page.touchscreen.tap(centre(n.rect).x, centre(n.rect).y);
  await page.waitForFunction((id) => window.explainer.state().selected === id, n.id);
  await settle(page);
  await page.screenshot({ path: path.join(outDir, 'phone-selected.png') });
  // Pinch out with two fingers through the DevTools protocol: the zoom grows and nothing gets selected by it.
  const cdp = await context.newCDPSession(page);
  const before = (await state(page)).camera.zoom;
  // Centred on empty canvas: the browser lands the fingers one after the other (one touchstart each), and the
  // first finger's press must not become a tap there, which would clear the selection.
  const sel = await state(page);
  const empty = (y) => !sel.nodes.some((m) => m.visible && m.rect[1] - 10 <= y && y <= m.rect[1] + m.rect[3] + 10 &&
    m.rect[0] <= 215 && 175 <= m.rect[0] + m.rect[2]);
  let y = 250;
  for (let t = 120; t < 700; t += 10) if (empty(t)) { y = t; break; }
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', { type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: 195 - d, y, id: 1 }, { x: 195 + d, y, id: 2 }] });
  await touch('touchStart', 20);
  for (let d = 30; d <= 90; d += 10) await touch('touchMove', d);
  await touch('touchEnd', 0);
  await page.waitForFunction((z) => window.explainer.state().camera.zoom > z * 1.5, before);
  assert.equal((await state(page)).selected, n.id, 'the pinch did not change the selection');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Chinese text input (an input method commit) reaches the search box', async () => {
  const { page, problems, context } = await openPage(browser, server.url + '?lang=zh');
  await waitReady(page);
  assert.equal(await page.locator('#copy-link').textContent(), '复制链接', 'the page buttons follow the language');
  await page.mouse.move(640, 400);
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
  // What an input method does when the reader picks the characters: a composition, then its commit.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ren', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '人才' });
  await page.waitForFunction(() => window.explainer.state().search.query === '人才');
  const s = await state(page);
  assert.ok(s.search.results.length >= 1, 'Chinese search finds cards');
  // Plain typing after it still arrives once, not twice.
  await page.keyboard.type('a');
  await page.waitForFunction(() => window.explainer.state().search.query === '人才a');
  await page.screenshot({ path: path.join(outDir, 'search-zh.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

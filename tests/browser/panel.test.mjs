// Reading after the first view (issue 18) in Chromium, with real input: the close button after five followed links,
// a touch swipe that scrolls the phone sheet (not the map), a followed link opening at the top, and the page's own
// buttons never over the app's panels; the theme and a broken deep link; the reader's and the author's toolbars.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openPage, outDir, serve, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const state = (page) => page.evaluate(() => window.explainer.state());
const centre = (r) => ({ x: r[0] + r[2] / 2, y: r[1] + r[3] / 2 });
const overlaps = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
const box = (b) => [b.x, b.y, b.width, b.height];

async function open(url = '', options = {}) {
  const r = await openPage(browser, server.url + url, options);
  await waitReady(r.page);
  return r;
}

// Until the camera and the panels stop moving (and an open card's panel is drawn).
async function settle(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const s = await state(page);
    const now = JSON.stringify([s.camera, s.ui]);
    if (s.selected && !s.ui['detail.body']) { await page.waitForTimeout(120); continue; }
    if (now === last) return s;
    last = now;
    await page.waitForTimeout(120);
  }
  return state(page);
}

// A finger: CDP touch events, as a phone's browser sends them (page.js forwards them to the app).
function finger(cdp) {
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  return {
    async swipe(from, to, steps = 10, { hold = 0, pause = 0 } = {}) {
      await send('touchStart', [{ x: from.x, y: from.y, id: 1 }]);
      if (hold) await new Promise((r) => setTimeout(r, hold));
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        await send('touchMove', [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1 }]);
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
      await send('touchEnd', []);
    },
    async tap(at) {
      await send('touchStart', [{ x: at.x, y: at.y, id: 1 }]);
      await send('touchEnd', []);
    },
  };
}

// The links of the open card that are inside the visible part of its body.
function visibleLinks(s) {
  const body = s.ui['detail.body'];
  return Object.entries(s.ui).filter(([name, r]) => name.startsWith('detail.link:') &&
    r[1] >= body[1] && r[1] + r[3] <= body[1] + body[3]).map(([name, r]) => ({ id: name.slice(12), rect: r }));
}

// Scrolls the card's body down by one step: the wheel with a mouse, a swipe with a finger.
async function scrollBody(page, s, touch) {
  const c = centre(s.ui['detail.body']);
  if (touch) await touch.swipe({ x: c.x, y: c.y + 120 }, { x: c.x, y: c.y - 120 }, 8);
  else { await page.mouse.move(c.x, c.y); await page.mouse.wheel(0, 300); }
  return settle(page);
}

// Follows `count` links, to cards not yet seen where there are (scrolling to reach one), else to any other card;
// returns the ids followed.
async function followLinks(page, count, touch) {
  let s = await settle(page);
  const seen = [s.selected];
  for (let i = 0; i < count; i++) {
    let link;
    for (let tries = 0; tries < 8 && !link; tries++) {
      link = visibleLinks(s).find((l) => !seen.includes(l.id));
      if (!link) s = await scrollBody(page, s, touch);
    }
    link ??= visibleLinks(s).find((l) => l.id !== s.selected);
    assert.ok(link, `a new link to follow after ${seen.join(' > ')}`);
    if (touch) await touch.tap(centre(link.rect));
    else await page.mouse.click(centre(link.rect).x, centre(link.rect).y);
    await page.waitForFunction((id) => window.explainer.state().selected === id, link.id);
    seen.push(link.id);
    s = await settle(page);
  }
  return seen;
}

for (const [name, options] of [['laptop', {}], ['phone', phone]]) {
  for (const lang of ['en', 'zh']) {
    test(`${name}, ${lang}: x closes the card after five followed links; the trail stays clear of it`, async () => {
      const { page, problems, context } = await open(`?lang=${lang}`, options);
      const touch = options.hasTouch ? finger(await context.newCDPSession(page)) : null;
      await page.evaluate(() => window.explainer.select('ai-chips'));
      await followLinks(page, 5, touch);
      const s = await settle(page);
      const close = s.ui['detail.close'], trail = s.ui['detail.trail'];
      assert.ok(trail[0] + trail[2] <= close[0], 'the trail ends before x');
      assert.ok(s.ui['detail.trail.current'], 'the current card ends the trail');
      await page.screenshot({ path: path.join(outDir, `reading-trail-${name}-${lang}.png`) });
      if (touch) await touch.tap(centre(close));
      else await page.mouse.click(centre(close).x, centre(close).y);
      await page.waitForFunction(() => window.explainer.state().selected === null, null, { timeout: 5000 });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('phone: a swipe on the sheet scrolls it and never pans the map (fast, slow, held, from the header, diagonal)', async () => {
  const { page, problems, context } = await open('', phone);
  const touch = finger(await context.newCDPSession(page));
  await page.evaluate(() => window.explainer.select('ai-chips'));
  const variants = [
    ['fast', (b) => touch.swipe({ x: b.x, y: b.y + 150 }, { x: b.x, y: b.y - 150 }, 3)],
    ['slow', (b) => touch.swipe({ x: b.x, y: b.y + 150 }, { x: b.x, y: b.y - 150 }, 20, { pause: 30 })],
    ['held first', (b) => touch.swipe({ x: b.x, y: b.y + 150 }, { x: b.x, y: b.y - 150 }, 10, { hold: 700 })],
    ['diagonal', (b) => touch.swipe({ x: b.x - 80, y: b.y + 150 }, { x: b.x + 60, y: b.y - 100 }, 10)],
  ];
  for (const [variant, swipe] of variants) {
    await page.evaluate(() => window.explainer.select('ai-chips'));
    const s0 = await settle(page);
    await swipe(centre(s0.ui['detail.body']));
    const s1 = await settle(page);
    assert.deepEqual(s1.camera, s0.camera, `${variant}: the map did not move`);
    assert.equal(s1.selected, 'ai-chips', `${variant}: nothing was opened by the swipe`);
    assert.ok(s1.ui['detail.title'][1] < s0.ui['detail.title'][1] - 60, `${variant}: the sheet scrolled`);
    // Back to the top for the next variant: a swipe down.
    const b = centre(s1.ui['detail.body']);
    await touch.swipe({ x: b.x, y: b.y - 150 }, { x: b.x, y: b.y + 250 }, 10);
  }
  // From the header (the trail row): the body scrolls too.
  await page.evaluate(() => window.explainer.select('ai-chips'));
  let s0 = await settle(page);
  const head = centre(s0.ui['detail.trail']);
  await touch.swipe({ x: head.x, y: head.y }, { x: head.x, y: head.y - 200 }, 10);
  let s1 = await settle(page);
  assert.deepEqual(s1.camera, s0.camera, 'from the header: the map did not move');
  assert.ok(s1.ui['detail.title'][1] < s0.ui['detail.title'][1] - 60, 'from the header: the sheet scrolled');
  // Far enough down, what threatens AI chips is reachable and opens with a tap.
  let threat;
  for (let i = 0; i < 15 && !threat; i++) {
    threat = visibleLinks(s1).find((l) => l.id !== 'ai-chips');
    if (!threat || s1.ui[`detail.link:${threat.id}`][1] + 20 > s1.ui['detail.body'][1] + s1.ui['detail.body'][3]) {
      threat = null;
      s1 = await scrollBody(page, s1, touch);
    }
  }
  assert.ok(threat, 'a connection scrolled into view');
  await page.screenshot({ path: path.join(outDir, 'reading-sheet-scrolled.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone: a followed link opens at the top, with ◀ ▶ and x on screen; ◀ goes back', async () => {
  const { page, problems, context } = await open('', phone);
  const touch = finger(await context.newCDPSession(page));
  await page.evaluate(() => window.explainer.select('ai-chips'));
  let s = await settle(page);
  const title0 = s.ui['detail.title'];
  // Scroll to the connections and follow one.
  let link;
  for (let i = 0; i < 15 && !link; i++) {
    s = await scrollBody(page, s, touch);
    link = visibleLinks(s)[0];
  }
  assert.ok(link, 'a link scrolled into view');
  assert.ok(s.ui['detail.title'][1] < title0[1] - 100, 'the old card was scrolled down');
  await touch.tap(centre(link.rect));
  await page.waitForFunction((id) => window.explainer.state().selected === id, link.id);
  s = await settle(page);
  const body = s.ui['detail.body'];
  assert.ok(s.ui['detail.title'][1] >= body[1] && s.ui['detail.title'][1] < body[1] + 60, 'the new card starts at its top');
  for (const control of ['detail.back', 'detail.forward', 'detail.close']) {
    const r = s.ui[control];
    assert.ok(r[1] >= s.ui.detail[1] && r[1] + r[3] <= 844, `${control} is on screen`);
  }
  await page.screenshot({ path: path.join(outDir, 'reading-followed-link.png') });
  await touch.tap(centre(s.ui['detail.back']));
  await page.waitForFunction(() => window.explainer.state().selected === 'ai-chips');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page's buttons sit in the app's top bar, never over a panel (phone sheet, laptop tour)", async () => {
  for (const [name, options] of [['phone', phone], ['laptop', {}]]) {
    for (const lang of ['en', 'zh']) {
      const { page, problems, context } = await open(`?lang=${lang}&edit=1#tour=overview&step=3`, options);
      const s = await settle(page);
      const buttons = await page.locator('#toolbar button:visible').all();
      assert.ok(buttons.length >= 2, 'Copy link and (with ?edit=1) Open file… show');
      const panels = Object.entries(s.ui).filter(([n]) => ['detail', 'tour', 'legend', 'minimap'].includes(n));
      assert.ok(panels.some(([n]) => n === 'tour') && panels.some(([n]) => n === 'detail'), 'a tour step is open');
      for (const b of buttons) {
        const r = box(await b.boundingBox());
        const slot = s.ui.page_toolbar;
        assert.ok(r[0] >= slot[0] - 1 && r[1] >= slot[1] - 1 && r[0] + r[2] <= slot[0] + slot[2] + 1 &&
          r[1] + r[3] <= slot[1] + slot[3] + 1, `${name} ${lang}: ${await b.textContent()} is in its slot`);
        for (const [panel, p] of panels) assert.ok(!overlaps(r, p), `${name} ${lang}: ${await b.textContent()} is clear of ${panel}`);
      }
      await page.screenshot({ path: path.join(outDir, `reading-toolbar-${name}-${lang}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('readers get no Edit or Open file…; ?edit=1 gives both', async () => {
  {
    const { page, context } = await open();
    const s = await state(page);
    assert.equal(s.authoring, false);
    assert.equal(s.ui['topbar.edit'], undefined);
    assert.equal(await page.locator('#open-file').isVisible(), false);
    assert.equal(await page.locator('#copy-link').isVisible(), true);
    await context.close();
  }
  const { page, context } = await open('?edit=1');
  const s = await state(page);
  assert.equal(s.authoring, true);
  assert.equal(await page.locator('#open-file').isVisible(), true);
  await page.mouse.click(centre(s.ui['topbar.edit']).x, centre(s.ui['topbar.edit']).y);
  await page.waitForFunction(() => window.explainer.state().ui['topbar.edit'] === undefined);  // edit mode is on
  await context.close();
});

test("the theme switch recolours the page's buttons and is kept in the URL across a reload", async () => {
  const { page, problems, context } = await open('?theme=light');
  const background = () => page.locator('#copy-link').evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await background();
  const s = await state(page);
  await page.mouse.click(centre(s.ui['topbar.theme']).x, centre(s.ui['topbar.theme']).y);
  await page.waitForFunction(() => window.explainer.state().theme === 'dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.notEqual(await background(), light, 'the page button follows the theme');
  assert.match(page.url(), /[?&]theme=dark/);
  // A language switch keeps it.
  await page.mouse.click(centre(s.ui['topbar.lang']).x, centre(s.ui['topbar.lang']).y);
  await page.waitForFunction(() => window.explainer.state().lang === 'zh');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).theme, 'dark');
  assert.equal((await state(page)).lang, 'zh');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link to a card that does not exist says so', async () => {
  const { page, context } = await open('#node=does-not-exist');
  await page.waitForFunction(() => /does-not-exist/.test(document.getElementById('notice').textContent));
  assert.match(await page.locator('#notice').textContent(), /^No card "does-not-exist"/);
  assert.equal((await state(page)).selected, null);
  await context.close();
});

test('search: ArrowDown and Enter open a result; the list folds off the card', async () => {
  const { page, problems, context } = await open();
  await page.mouse.move(640, 400);
  await page.keyboard.press('/');
  await page.keyboard.type('talent');
  await page.waitForFunction(() => window.explainer.state().search.results.length >= 2);
  const results = (await state(page)).search.results;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => window.explainer.state().selected === id, results[1]);
  const s = await settle(page);
  assert.equal(s.tour, null);
  const card = s.nodes.find((n) => n.id === results[1]).rect;
  assert.ok(!overlaps(card, s.ui.topbar), 'the opened card is clear of the search list');
  assert.ok(!overlaps(card, s.ui.detail), 'and of the detail panel');
  // The shortcuts dialog: the page's buttons go with the app behind it; Esc closes it.
  await page.mouse.click(640, 790);
  await page.keyboard.press('Shift+Slash');
  const hidden = () => getComputedStyle(document.getElementById('copy-link')).visibility === 'hidden';
  await page.waitForFunction(hidden);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => getComputedStyle(document.getElementById('copy-link')).visibility === 'visible');
  assert.deepEqual(problems, []);
  await context.close();
});

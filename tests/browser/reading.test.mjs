// The reader's first screen (issue "Reading"): at a laptop's and a phone's size, at DPR 1 and 3, in English and
// Chinese, every card on screen shows its whole title at 12 CSS px or more; a laptop shows every lane and the four
// priorities; a phone reads top to bottom. Anything that points at a folded card unfolds its whole first.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openPage, outDir, serve, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.explainer.state());

async function open(query, size, dpr = 1, hash = '') {
  const r = await openPage(browser, server.url + query + hash, { viewport: size, deviceScaleFactor: dpr, hasTouch: size.width < 720 });
  await waitReady(r.page);
  await r.page.waitForFunction(() => window.explainer.state().frames > 3);
  return r;
}

const onScreen = (n, size) => n.shown && n.rect[0] + n.rect[2] > 0 && n.rect[1] + n.rect[3] > 0 &&
  n.rect[0] < size.width && n.rect[1] < size.height;
const fully = (n, size) => n.shown && n.rect[0] >= 0 && n.rect[1] >= 0 && n.rect[0] + n.rect[2] <= size.width &&
  n.rect[1] + n.rect[3] <= size.height;

for (const lang of ['en', 'zh'])
  for (const [size, dpr] of [[{ width: 1280, height: 800 }, 1], [{ width: 1600, height: 900 }, 1],
                             [{ width: 390, height: 844 }, 1], [{ width: 390, height: 844 }, 3]])
    test(`first screen ${size.width}x${size.height} @${dpr} ${lang}: every card on screen reads whole at >= 12 px`, async () => {
      const { page, problems, context } = await open(`?lang=${lang}&view=map`, size, dpr);
      const s = await state(page);
      const shown = s.nodes.filter((n) => onScreen(n, size));
      assert.ok(shown.length >= 4, `${shown.length} cards on screen`);
      for (const n of shown) {
        assert.ok(n.title_px >= 12, `${n.id}: title at ${n.title_px} px`);
        assert.equal(n.title_cut, false, `${n.id}: title cut`);
      }
      assert.ok(s.nodes.some((n) => !n.shown && n.folded_into), 'parts start folded');
      const lanes = new Set(s.nodes.filter((n) => fully(n, size)).map((n) => n.lane));
      if (size.width >= 720) {
        assert.equal(s.layout, 'lanes');
        for (const l of ['drivers', 'news', 'priorities', 'implications', 'challenges']) assert.ok(lanes.has(l), `lane ${l} on screen`);
        const priorities = s.nodes.filter((n) => n.category === 'priorities' && n.shown && fully(n, size));
        assert.equal(priorities.length, 4, 'the four priorities');
      } else {
        assert.equal(s.layout, 'lanes-portrait');
        assert.ok(lanes.has('drivers'), 'the story starts at the top');
      }
      await page.screenshot({ path: path.join(outDir, `first-screen-${size.width}x${size.height}@${dpr}-${lang}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    });

test('search, a tour step, a deep link and the keyboard each unfold the whole that hides a card', async () => {
  const size = { width: 1280, height: 800 };
  // A deep link to a folded card unfolds its whole; a group unfolded besides goes into the hash, so the link
  // reproduces the map.
  let { page, context } = await open('?view=map', size, 1, '#node=ai-chips');
  await page.waitForFunction(() => window.explainer.state().selected === 'ai-chips');
  let s = await state(page);
  assert.ok(s.unfolded.includes('indigenous-infrastructure'));
  assert.equal(s.nodes.find((n) => n.id === 'ai-chips').shown, true);
  await page.evaluate(() => window.explainer.applyHash('#node=ai-chips&unfold=us-rivalry'));
  await page.waitForFunction(() => location.hash.includes('unfold=us-rivalry'));
  const hash = await page.evaluate(() => location.hash);
  await context.close();
  ({ page, context } = await open('?view=map', size, 1, hash));
  s = await state(page);
  assert.ok(s.unfolded.includes('us-rivalry'), `reloaded ${hash}`);
  assert.ok(s.unfolded.includes('indigenous-infrastructure'));
  assert.equal(s.nodes.find((n) => n.id === 'export-controls').shown, true);
  await context.close();

  ({ page, context } = await open('?view=map', size));
  s = await state(page);
  const folded = s.nodes.find((n) => n.id === 'top-researchers');
  assert.equal(folded.shown, false);
  await page.keyboard.press('/');
  await page.keyboard.type('researchers');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explainer.state().selected === 'top-researchers');
  assert.equal((await state(page)).nodes.find((n) => n.id === 'top-researchers').shown, true);
  await context.close();

  // Every step of a tour, several of them on parts, shows its card.
  ({ page, context } = await open('?view=map', size));
  const steps = await page.evaluate(() => window.explainer.state().nodes.length);
  assert.ok(steps > 0);
  for (let step = 1; step <= 9; step++) {
    await page.evaluate((n) => window.explainer.applyHash(`#tour=overview&step=${n}`), step);
    const t = await state(page);
    assert.equal(t.nodes.find((n) => n.id === t.selected).shown, true, `tour step ${step}: ${t.selected} shown`);
  }
  await context.close();

  // The keyboard: Enter on the open card of a folded whole unfolds it; selecting a part unfolds its whole.
  ({ page, context } = await open('?view=map', size));
  await page.evaluate(() => window.explainer.select('us-rivalry'));
  s = await state(page);
  assert.ok(!s.unfolded.includes('us-rivalry'));
  await page.mouse.move(640, 700);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explainer.state().unfolded.includes('us-rivalry'));
  assert.equal((await state(page)).nodes.find((n) => n.id === 'export-controls').shown, true);
  await context.close();
});

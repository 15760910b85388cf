// What authors need from the web page: Save gives them a file on every route that shows it (bundled article,
// ?content=, an opened file), and content files come from the network first, so a corrected file reaches a reader
// who visited before (the cached copy only offline). Serves a copy of site/ (EXPLAINER_SITE=DIR for another), so
// the test can change files on the server between visits.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openPage, repo, serve, waitReady } from './harness.mjs';

const siteDir = process.env.EXPLAINER_SITE || path.join(repo, 'site');
const fixture = (name) => path.join(repo, 'tests/browser/fixtures', name);

let dir, server, browser;
before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'explainer-authoring-'));
  cpSync(siteDir, dir, { recursive: true });
  mkdirSync(path.join(dir, 'articles'));
  copyFileSync(fixture('custom.json'), path.join(dir, 'articles/custom.json'));
  server = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const state = (page) => page.evaluate(() => window.explainer.state());

// Edit mode, a card dragged, Ctrl+S: returns the name and parsed JSON of the file the browser downloaded, the dragged
// card's id and the app's status line.
async function editDragSave(page) {
  assert.equal(await page.evaluate(() => window.Module.ccall('explainer_edit', 'number', ['number'], [1])), 1);
  await page.waitForFunction(() => window.explainer.state().edit.on);
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  // A card in the middle of the map, clear of the editor panel on the left and the detail panel on the right.
  const card = (await state(page)).nodes.map((n) => ({ id: n.id, x: n.rect[0] + n.rect[2] / 2, y: n.rect[1] + n.rect[3] / 2 }))
    .find((n) => n.x > 480 && n.x < 860 && n.y > 120 && n.y < 700);
  assert.ok(card, 'a card to drag');
  await page.mouse.move(canvas.x + card.x, canvas.y + card.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; ++i) await page.mouse.move(canvas.x + card.x + 8 * i, canvas.y + card.y + 5 * i);
  await page.mouse.up();
  await page.waitForFunction(() => window.explainer.state().edit.modified);
  const download = page.waitForEvent('download', { timeout: 10000 });
  await page.keyboard.press('Control+s');
  const file = await download;
  const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
  await page.waitForFunction(() => /^Downloaded /.test(window.explainer.state().status));
  return { name: file.suggestedFilename(), json, id: card.id, status: (await state(page)).status };
}

const positionOf = (json, id) => json.nodes.find((n) => n.id === id).position;

test('Save downloads the edited file on every route: bundled article, ?content=, an opened file', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { acceptDownloads: true });
  await waitReady(page);
  const bundled = await editDragSave(page);
  assert.equal(bundled.name, 'article.json');
  assert.equal(bundled.status, 'Downloaded article.json');
  assert.equal(bundled.json.nodes.length, (await state(page)).content.node_count);
  assert.ok(positionOf(bundled.json, bundled.id), 'the drag is in the file');

  await page.goto(server.url + '?content=articles/custom.json');
  await waitReady(page);
  const custom = await editDragSave(page);
  assert.equal(custom.name, 'custom.json');
  assert.equal(custom.json.meta.title, 'Harbour town budget');
  assert.ok(positionOf(custom.json, custom.id));

  await page.goto(server.url);
  await waitReady(page);
  await page.setInputFiles('#file-input', { name: 'my-map.json', mimeType: 'application/json', buffer: readFileSync(fixture('custom.json')) });
  await page.waitForFunction(() => window.explainer.state().content.title === 'Harbour town budget');
  const opened = await editDragSave(page);
  assert.equal(opened.name, 'my-map.json');
  assert.ok(positionOf(opened.json, opened.id));
  assert.deepEqual(problems, []);
  await context.close();
});

test('content files come from the network first: a file changed on the server reaches a returning reader', async () => {
  const live = path.join(dir, 'articles/live.json');
  const data = path.join(dir, 'explainer.data');  // the bundled article
  const doc = JSON.parse(readFileSync(fixture('custom.json'), 'utf8'));
  let version = 0;
  // Each version gets its own modification time, seconds apart, as a real redeploy would.
  const stamp = (file) => { const t = new Date(Date.now() + 10000 * ++version); utimesSync(file, t, t); };
  const writeLive = (title) => { doc.meta.title = title; writeFileSync(live, JSON.stringify(doc)); stamp(live); };
  const title = async (page) => (await state(page)).content.title;

  writeLive('First version');
  const { context, page, problems } = await openPage(browser, server.url + '?content=articles/live.json');
  await waitReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();  // this visit goes through the worker, which keeps a copy
  await waitReady(page);
  assert.equal(await title(page), 'First version');

  writeLive('Corrected version');
  await page.reload();
  await waitReady(page);
  assert.equal(await title(page), 'Corrected version', 'the correction, not the cached copy');

  // The bundled article: its package changed on the server (the same bytes but for its title).
  await page.goto(server.url);
  await waitReady(page);
  const before = await title(page);
  const bytes = readFileSync(data);
  const at = bytes.indexOf(Buffer.from(before));
  assert.ok(at >= 0 && /^[A-Za-z]{5}/.test(before));
  const after = 'Korea' + before.slice(5);
  Buffer.from(after).copy(bytes, at);
  writeFileSync(data, bytes);
  stamp(data);
  await page.reload();
  await waitReady(page);
  assert.equal(await title(page), after);

  // Offline: the copies the worker kept.
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  assert.equal(await title(page), after);
  await page.goto(server.url + '?content=articles/live.json');
  await waitReady(page);
  assert.equal(await title(page), 'Corrected version');
  assert.deepEqual(problems, []);
  await context.close();
});

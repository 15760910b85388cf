// Publishing your own explainer: `build-wasm.sh --content FILE --out DIR` on a second, English-only article (a
// made-up fixture), assembled from the existing wasm build (no compile). Its site, offline copy and single file open
// that article by default, its pre-rendered text view is that article, and with one language there is no language
// switch, no Chinese page and no link to one. EXPLAINER_WASM_BUILD=DIR assembles from DIR (default build/wasm-release).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { launch, openPage, outDir, repo, serve, waitReady } from './harness.mjs';

const article = path.join(repo, 'tests/browser/fixtures/second-article.json');
const fixture = JSON.parse(readFileSync(article, 'utf8'));
const ids = fixture.nodes.map((n) => n.id).sort();
const site = path.join(outDir, 'publish-site');
const wasmBuild = process.env.EXPLAINER_WASM_BUILD || path.join(repo, 'build/wasm-release');

let server, browser;
before(async () => {
  execFileSync(path.join(repo, 'build-wasm.sh'), ['--from', wasmBuild, '--content', article, '--out', site],
    { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  server = await serve(site);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.explainer.state());

test('the built site is the author\'s article: no Chinese page, the schema beside it', () => {
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  assert.match(html, /<title>A library opens on Sundays<\/title>/);
  for (const n of fixture.nodes) assert.ok(html.includes(n.title), 'pre-rendered: ' + n.title);
  assert.ok(!html.includes('class="lang-link"'), 'no link to a language the article lacks');
  assert.ok(!existsSync(path.join(site, 'zh')), 'no zh/ page');
  assert.ok(!readFileSync(path.join(site, 'sw.js'), 'utf8').includes("'zh/'"), 'the worker does not precache zh/');
  assert.deepEqual(readFileSync(path.join(site, 'explainer.data')), readFileSync(article));
  const schema = JSON.parse(readFileSync(path.join(site, 'explainer.schema.json'), 'utf8'));
  assert.equal(schema.title, 'Explainer content');
});

test('the site opens the author\'s article by default, as map and text, and offline after one visit', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await waitReady(page);
  let s = await state(page);
  assert.deepEqual(s.nodes.map((n) => n.id).sort(), ids);
  assert.equal(s.content.title, fixture.meta.title);
  assert.deepEqual(s.errors, []);
  assert.equal(s.ui['topbar.lang'], undefined, 'one language: no language switch');
  assert.ok(s.ui['topbar.theme'], 'the rest of the toolbar is there');

  assert.equal(await page.evaluate(() => window.explainer.view('text')), 'text');
  const text = await page.evaluate(() => document.getElementById('text-view').innerText);
  for (const n of fixture.nodes) assert.ok(text.includes(n.title), 'the text view shows ' + n.title);
  assert.ok(!text.includes('self-sufficiency'), 'nothing of the bundled article');

  // The offline copy: the worker's cache holds the author's file, and the page opens it with the network off.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.deepEqual(s.nodes.map((n) => n.id).sort(), ids);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

test('the single file opens the author\'s article by default', async () => {
  const { context, page, problems } = await openPage(browser, pathToFileURL(path.join(site + '-single', 'explainer.html')).href);
  await waitReady(page);
  const s = await state(page);
  assert.deepEqual(s.nodes.map((n) => n.id).sort(), ids);
  const text = await page.evaluate(() => document.getElementById('text-view').innerText);
  assert.ok(text.includes(fixture.nodes[0].title));
  assert.deepEqual(problems, []);
  await context.close();
});

test('build-wasm.sh --content refuses a broken file before assembling anything', () => {
  const broken = path.join(repo, 'tests/browser/fixtures/broken.json');
  const out = path.join(outDir, 'publish-broken');
  let failure = null;
  try {
    execFileSync(path.join(repo, 'build-wasm.sh'), ['--from', wasmBuild, '--content', broken, '--out', out],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    failure = e;
  }
  assert.ok(failure, 'the build fails');
  assert.equal(failure.status, 1);
  const err = failure.stderr.toString();
  assert.match(err, /broken\.json:\d+:\d+: \/edges\/0\/to: /, err);
  assert.match(err, /has errors \(listed above\); nothing assembled/);
  assert.ok(!existsSync(out));
});

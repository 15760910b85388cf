// The page loads, shows content, draws, and logs no error.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { distinctColours, launch, openPage, outDir, serve, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the explainer page reaches ready, shows the article and logs no error', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await waitReady(page);
  const state = await page.evaluate(() => window.explainer.state());
  assert.ok(state.content.node_count > 10, 'content has nodes');
  assert.ok(state.content.title.length > 0, 'content has a title');
  assert.ok(state.frames >= 1, 'at least one frame drawn');
  assert.deepEqual(state.errors, []);
  const first = await page.evaluate(() => window.__firstFrame);
  assert.ok(first > 0);
  const png = await page.screenshot({ path: path.join(outDir, 'smoke.png') });
  const colours = await distinctColours(browser, png);
  assert.ok(colours > 50, `canvas is not blank (${colours} colours)`);
  assert.deepEqual(problems, []);
  await context.close();
});

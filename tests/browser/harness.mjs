// harness.mjs — shared by the browser tests: serve site/ on loopback, launch Debian's Chromium through
// playwright-core with WebGL on SwiftShader, and collect console errors and failed requests.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outDir = path.join(repo, 'tests/browser/out');
mkdirSync(outDir, { recursive: true });

export const chromiumArgs = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic',
  '--disable-sync', '--no-sandbox',
];

// Serves `dir` (default site/) on an ephemeral loopback port; resolves to {url, pid, stop()} (bench/ uses it too,
// with extra serve.py flags such as --gzip).
export function serve(dir = path.join(repo, 'site'), flags = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(repo, 'scripts/serve.py'), dir, '0', '-q', ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(buf);
      if (m) resolve({ url: m[0], pid: proc.pid, stop: () => proc.kill() });
    });
    proc.on('exit', (code) => reject(new Error('server exited with ' + code)));
  });
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs, headless: true });
}

// A page that records every console error, page error and failed request into `problems`.
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url() + ' ' + (r.failure()?.errorText || '')));
  page.on('response', (r) => { if (r.status() >= 400) problems.push('HTTP ' + r.status() + ': ' + r.url()); });
  await page.goto(url);
  return { context, page, problems };
}

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.explainer && window.__firstFrame !== undefined, null, { timeout });
  await page.evaluate(() => window.explainer.ready);
}

// Number of distinct colours in a PNG, counted by a 2D canvas in a blank page (no decoder dependency).
export async function distinctColours(browser, png) {
  const page = await browser.newPage();
  const count = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString('base64'));
  await page.close();
  return count;
}

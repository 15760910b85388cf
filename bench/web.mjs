// web.mjs — the browser half of the benchmarks: sizes, first frame, a 10-second idle window and scale, for the
// explainer and its two baselines (bare Dear ImGui demo, cytoscape.js + dagre), in headless Chromium.
//   node bench/web.mjs WEB_DIR OUT.json       (bench/run.sh assembles WEB_DIR: app/, demo/, cyto/, synth-N.json)
// Env: BENCH_RUNS (default 3), BENCH_IDLE_S (default 10), BENCH_SETTLE_S (default 2), CHROMIUM (browser binary).
import { spawn, execSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, cpSync, rmSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/harness.mjs';  // the same loopback server the browser tests use

// [SECTION] Settings ----------------------------------------------------------------------------------------------

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [webDir, outFile] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const IDLE_S = Number(process.env.BENCH_IDLE_S || 10);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S || 2);
// BENCH_SIZES=100,1000 (or empty: the sites only, keeping the scale results already in OUT.json, marked as such).
const SIZES = process.env.BENCH_SIZES != null
  ? process.env.BENCH_SIZES.split(',').filter((x) => x.trim()).map(Number) : [100, 1000, 10000];
// Same switches as tests/browser/harness.mjs: WebGL on SwiftShader, no network chatter.
const chromiumArgs = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic',
  '--disable-sync', '--no-sandbox',
];
let SERVER_PID = -1;  // the web server's process: not part of the browser's CPU
const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
const log = (...a) => console.error('web:', ...a);
const median = (v) => { const s = v.filter((x) => x != null).sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// [SECTION] Sizes -------------------------------------------------------------------------------------------------

// Raw, gzip (level 9, what a static host precompresses with) and brotli (quality 11) bytes of every file a site
// serves. The targets use gzip; brotli is for information.
function siteSize(dir) {
  const files = {};
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (!statSync(p).isFile()) continue;
    const b = readFileSync(p);
    const g = zlib.gzipSync(b, { level: 9 }).length;
    const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    files[f] = { raw: b.length, gzip: g, brotli: br };
    raw += b.length; gzip += g; brotli += br;
  }
  return { raw, gzip, brotli, files };
}

// [SECTION] Process CPU -------------------------------------------------------------------------------------------

// utime+stime (clock ticks) summed over every descendant of this node process except `exclude` (the web server):
// that is Chromium's whole process tree (browser, GPU, renderers, utility).
function procTable() {
  const parent = new Map(), ticks = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');  // fields from 3 (state) on
      parent.set(Number(d), Number(f[1]));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));  // utime (14), stime (15)
    } catch { /* exited meanwhile */ }
  }
  return { parent, ticks };
}

// Pids below this node process, outside `exclude`'s subtree.
function descendants(exclude) {
  const { parent } = procTable();
  const out = [];
  for (const pid of parent.keys()) {
    let p = pid;
    while (p > 1 && p !== exclude) { p = parent.get(p); if (p === process.pid) { out.push(pid); break; } }
  }
  return out.filter((pid) => pid !== exclude);
}

function treeTicks(exclude) {
  const { parent, ticks } = procTable();
  let sum = 0;
  for (const [pid, t] of ticks) {
    let p = pid, inside = false;
    while (p > 1) {
      if (p === exclude) { inside = false; break; }
      p = parent.get(p);
      if (p === process.pid) { inside = true; break; }
    }
    if (inside && pid !== exclude) sum += t;
  }
  return sum;
}

// [SECTION] Server and browser ------------------------------------------------------------------------------------


async function openFresh(url, cpuThrottle = 1) {
  const before = new Set(descendants(SERVER_PID));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  browser.__before = before;
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  await page.addInitScript(watchFirstText);
  await page.goto(url);
  return { browser, page, cdp, problems };
}

// browser.close() waits for a renderer stuck in a long synchronous script (cytoscape's dagre at 10 000 nodes) for
// minutes: after 10 s, kill this browser's processes (by pid: the ones that appeared below us with it).
async function closeHard(browser) {
  const closed = await Promise.race([browser.close().then(() => true), sleep(10000).then(() => false)]);
  if (closed) return;
  // Every process below us that was not there before this browser's launch is this browser's.
  for (const pid of descendants(SERVER_PID).filter((p) => !browser.__before.has(p))) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

// Frames drawn so far, the way each page counts them.
const FRAMES = {
  app: () => window.explainer.frames(),
  demo: () => window.Module._demo_frames(),
  cyto: () => window.__frames,
};

// Wasm memory of an Emscripten page (non-modularized: its globals live on window); null for a JS page.
const wasmBytes = () => (typeof wasmMemory !== 'undefined' ? wasmMemory.buffer.byteLength
  : typeof HEAP8 !== 'undefined' ? HEAP8.length : null);

// [SECTION] Measurements ------------------------------------------------------------------------------------------

// When the article's text was first painted (ms from navigation). The text view is in the first HTML response: when
// it is laid out and visible as the document finishes parsing, the first contentful paint is its first paint (the
// page has nothing painted before it). Else the first largest-contentful-paint candidate inside it, noted as it
// comes (the app may replace the text later, and an entry's element is then gone). null: no text view (the
// demo, cytoscape).
function watchFirstText() {
  document.addEventListener('DOMContentLoaded', () => {
    const text = document.querySelector('#text-view .explainer-text');
    const r = text && text.getBoundingClientRect();
    window.__textInFirstHtml = !!(r && r.height > 0 && r.width > 0 && getComputedStyle(text).visibility !== 'hidden');
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (window.__textLcp !== undefined || !e.element || !e.element.closest || !e.element.closest('#text-view')) continue;
      window.__textLcp = e.renderTime || e.startTime;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}
const firstText = () => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  if (window.__textInFirstHtml && fcp) return fcp.startTime;
  return window.__textLcp !== undefined ? window.__textLcp : null;
};

// One fresh browser: navigation → first frame, then settle, then the idle window.
async function idleRun(kind, url, serverPid) {
  const { browser, page, cdp, problems } = await openFresh(url);
  try {
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 120000 });
    const firstFrame = await page.evaluate(() => window.__firstFrame);
    const textMs = await page.evaluate(firstText);
    // The explainer's start-up milestones (performance marks from main_web.cpp), as mark_<name>_ms.
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('explainer:')).map((m) => [`mark_${m.name.slice(10).replace('-', '_')}_ms`, m.startTime])));
    await sleep(SETTLE_S * 1000);
    const f0 = await page.evaluate(FRAMES[kind]);
    const m0 = await metrics(cdp);
    const c0 = treeTicks(serverPid), t0 = Date.now();
    await sleep(IDLE_S * 1000);
    const c1 = treeTicks(serverPid), t1 = Date.now();
    const m1 = await metrics(cdp);
    const f1 = await page.evaluate(FRAMES[kind]);
    const seconds = (t1 - t0) / 1000;
    return {
      first_frame_ms: firstFrame,
      first_text_ms: textMs,
      ...marks,
      idle_frames: f1 - f0,
      idle_fps: (f1 - f0) / seconds,
      main_thread_task_pct: (100 * (m1.TaskDuration - m0.TaskDuration)) / seconds,
      main_thread_script_pct: (100 * (m1.ScriptDuration - m0.ScriptDuration)) / seconds,
      all_processes_cpu_pct: (100 * (c1 - c0)) / CLK_TCK / seconds,
      js_heap_used_bytes: m1.JSHeapUsedSize,
      wasm_memory_bytes: await page.evaluate(wasmBytes),
      problems,
    };
  } finally {
    await closeHard(browser);
  }
}

// Reading: navigation → first readable text and first map frame, then a click on a card → the end of the first
// frame whose detail panel shows that card (polled at every animation frame, so it can read up to one frame late).
// cpuThrottle 4: CDP's CPU throttling, a phone-class CPU.
async function readRun(url, cpuThrottle) {
  const { browser, page, problems } = await openFresh(url, cpuThrottle);
  let r = {};
  try {
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 180000 });
    r = { first_frame_ms: await page.evaluate(() => window.__firstFrame), first_text_ms: await page.evaluate(firstText) };
    await sleep(1000);  // the page settles (service worker registration, idle loop paused)
    // The card drawn on its own nearest the middle whose centre no panel covers (the title panel at the top left is
    // not in state().ui: the same rule as tests/browser/explore.test.mjs).
    const target = await page.evaluate(() => {
      const s = window.explainer.state();
      const inside = (x, y, [rx, ry, rw, rh]) => x >= rx && x <= rx + rw && y >= ry && y <= ry + rh;
      const c = (n) => ({ x: n.rect[0] + n.rect[2] / 2, y: n.rect[1] + n.rect[3] / 2 });
      const clear = ({ x, y }) => x < 840 && !(x < 450 && y < 240) && !(x < 230 && y > 600) &&
        !Object.values(s.ui || {}).some((u) => inside(x, y, u));
      const cands = s.nodes.filter((n) => n.shown && n.visible && n.rect && clear(c(n)));
      cands.sort((a, b) => Math.hypot(c(a).x - 640, c(a).y - 400) - Math.hypot(c(b).x - 640, c(b).y - 400));
      return cands.length ? { id: cands[0].id, ...c(cands[0]) } : null;
    });
    if (!target) return { ...r, error: 'no card to click', problems };
    const box = await page.locator('#canvas').boundingBox();
    await page.evaluate((id) => {
      window.__tap = { id, t0: 0, t1: 0 };
      document.getElementById('canvas').addEventListener('pointerdown', (e) => { window.__tap.t0 = e.timeStamp; }, { capture: true, once: true });
      const poll = () => {
        const s = window.explainer.state();
        if (window.__tap.t0 && s.selected === id && s.ui && s.ui.detail) { window.__tap.t1 = performance.now(); return; }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, target.id);
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForFunction(() => window.__tap.t1 > 0, null, { timeout: 60000 });
    r.tap_to_detail_ms = await page.evaluate(() => window.__tap.t1 - window.__tap.t0);
    r.problems = problems;
    return r;
  } catch (e) {
    return { ...r, error: String(e.message || e).split('\n')[0], problems };
  } finally {
    await closeHard(browser);
  }
}

// Time from navigation to the first frame showing `n` synthetic nodes (app) or drawn by cytoscape.
async function scaleRun(kind, url, n, timeoutMs, pan) {
  const { browser, page, cdp, problems } = await openFresh(url);
  try {
    // The cap is kept here too: Playwright's own timeout can fire late while the page's main thread is blocked.
    await Promise.race([
      page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: timeoutMs }),
      sleep(timeoutMs + 1000).then(() => { throw new Error(`no first frame within ${timeoutMs} ms`); }),
    ]);
    const r = { first_frame_ms: await page.evaluate(() => window.__firstFrame), problems };
    if (kind === 'app') r.node_count = await page.evaluate(() => window.explainer.state().content.node_count);
    else { r.node_count = await page.evaluate(() => window.__nodeCount); r.layout_ms = await page.evaluate(() => window.__layoutMs); }
    if (pan && kind === 'app') r.pan = await panRun(page, cdp);
    return r;
  } catch (e) {
    return { error: String(e.message || e).split('\n')[0], timeout_ms: timeoutMs, problems };
  } finally {
    await closeHard(browser);
  }
}

// When the page has window.explainer.load (content from JS): time from load(text) to the end of the next frame
// (load() adopts the content before it returns, so any later frame shows it), polled with frames(), which costs
// nothing at any size (state() builds an entry per card). Then, as information, to the text view showing the new
// content (the page rebuilds it after that frame). null when there is no load().
async function loadRun(url, n) {
  const { browser, page } = await openFresh(url);
  try {
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 120000 });
    if (!(await page.evaluate(() => typeof window.explainer.load === 'function'))) return null;
    const r = await page.evaluate(async ({ file }) => {
      const text = await (await fetch(file)).text();
      const nextFrame = () => new Promise((res) => requestAnimationFrame(() => res()));
      const textNow = () => document.querySelector('#text-view .explainer-text');
      const f0 = window.explainer.frames(), text0 = textNow();
      const t0 = performance.now();
      const r = window.explainer.load(text, 'synth.json');
      const t1 = performance.now();
      let toFrame = null, toText = null;
      for (let i = 0; i < 600 && (toFrame === null || toText === null); ++i) {
        await nextFrame();
        if (toFrame === null && window.explainer.frames() > f0) toFrame = performance.now() - t0;
        if (toText === null && textNow() !== text0) toText = performance.now() - t0;
      }
      if (toFrame === null) return { ok: false, error: 'no frame after load()' };
      return { ok: !!r.ok, load_call_ms: t1 - t0, to_frame_ms: toFrame, to_text_ms: toText };
    }, { file: `../synth-${n}.json` });
    // Checked after the timing: the frame showed the new content.
    const count = await page.evaluate(() => window.explainer.state().content.node_count);
    if (r.ok && count !== n) return { ok: false, error: `the map shows ${count} nodes, not ${n}` };
    return r;
  } catch (e) {
    return { error: String(e.message || e).split('\n')[0] };
  } finally {
    await closeHard(browser);
  }
}

// Drags the map for 3 s, one small mouse step per animation frame; frames drawn per second and main-thread load.
async function panRun(page, cdp) {
  await page.mouse.move(640, 400);
  await page.mouse.down();
  const f0 = await page.evaluate(FRAMES.app), m0 = await metrics(cdp), t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < 3000) {
    const dx = (Math.floor(i / 60) % 2 ? -4 : 4);
    await page.mouse.move(640 + dx * (i % 60), 400 + (i % 60));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    ++i;
  }
  const seconds = (Date.now() - t0) / 1000;
  const f1 = await page.evaluate(FRAMES.app), m1 = await metrics(cdp);
  await page.mouse.up();
  return { fps: (f1 - f0) / seconds, main_thread_task_ms_per_frame: (1000 * (m1.TaskDuration - m0.TaskDuration)) / Math.max(1, f1 - f0) };
}

// A copy of the app's site whose explainer.data (the content JSON as it is, which the page fetches) is the
// synthetic file. No relink.
function appVariant(appDir, contentFile, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(appDir, outDir, { recursive: true });
  cpSync(contentFile, path.join(outDir, 'explainer.data'));
}

// [SECTION] Main --------------------------------------------------------------------------------------------------

const server = await serve(webDir);
SERVER_PID = server.pid;
const result = { runs: RUNS, idle_seconds: IDLE_S, settle_seconds: SETTLE_S, chromium: '', sites: {}, scale: {} };
try {
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
  result.chromium = b.version();
  await b.close();

  // BENCH_READING_ONLY=1: only the reading runs, merged into the OUT.json of an earlier run.
  const readingOnly = process.env.BENCH_READING_ONLY === '1' && existsSync(outFile);
  if (readingOnly) Object.assign(result, JSON.parse(readFileSync(outFile, 'utf8')));
  for (const kind of readingOnly ? [] : ['app', 'demo', 'cyto']) {
    const site = { size: siteSize(path.join(webDir, kind)), runs: [] };
    for (let r = 0; r < RUNS; ++r) {
      log(kind, 'run', r + 1);
      site.runs.push(await idleRun(kind, `${server.url}${kind}/`, server.pid));
    }
    site.median = {};
    for (const k of Object.keys(site.runs[0]).filter((k) => typeof site.runs[0][k] === 'number'))
      site.median[k] = median(site.runs.map((x) => x[k]));
    result.sites[kind] = site;
  }

  // The floor: the browser's own first paint of a one-paragraph page (bench/floor), the least any first readable text
  // can take here; a fresh browser per run, as for the sites.
  if (!readingOnly) {
    const floor = { runs: [] };
    for (let r = 0; r < RUNS; ++r) {
      log('floor run', r + 1);
      const { browser, page } = await openFresh(`${server.url}floor/`);
      try {
        await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
        floor.runs.push({ first_paint_ms: await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime) });
      } finally {
        await closeHard(browser);
      }
    }
    floor.median = { first_paint_ms: median(floor.runs.map((x) => x.first_paint_ms)) };
    result.floor = floor;
  }

  // Reading, unthrottled and on a phone-class CPU (4x CDP throttling).
  result.reading = {};
  for (const throttle of [1, 4]) {
    const entry = { cpu_throttle: throttle, runs: [] };
    for (let r = 0; r < RUNS; ++r) {
      log('reading, CPU throttled', `${throttle}x`, 'run', r + 1);
      entry.runs.push(await readRun(`${server.url}app/`, throttle));
    }
    entry.median = {};
    for (const k of ['first_text_ms', 'first_frame_ms', 'tap_to_detail_ms'])
      entry.median[k] = median(entry.runs.map((x) => x[k]));
    result.reading[`x${throttle}`] = entry;
  }

  for (const n of readingOnly ? [] : SIZES) {
    const file = path.join(webDir, `synth-${n}.json`);
    appVariant(path.join(webDir, 'app'), file, path.join(webDir, `app-${n}`));
    cpSync(file, path.join(webDir, 'cyto', `synth-${n}.json`));
    const entry = { app: { runs: [] }, cyto: { runs: [] } };
    for (let r = 0; r < RUNS; ++r) {
      log('scale app', n, 'run', r + 1);
      entry.app.runs.push(await scaleRun('app', `${server.url}app-${n}/`, n, 120000, r === 0));
    }
    entry.app.load_api = await loadRun(`${server.url}app/`, n);
    // cytoscape: one run at 10 000 nodes, capped at 60 s (dagre needs ~40 s for 1 000 nodes here; 10 000 did not
    // finish in 3 minutes in an earlier run).
    const cytoRuns = n >= 10000 ? 1 : RUNS;
    for (let r = 0; r < cytoRuns; ++r) {
      log('scale cyto', n, 'run', r + 1);
      entry.cyto.runs.push(await scaleRun('cyto', `${server.url}cyto/?content=synth-${n}.json`, n, n >= 10000 ? 60000 : 180000, false));
    }
    for (const k of ['app', 'cyto']) {
      entry[k].first_frame_ms_median = median(entry[k].runs.map((x) => x.first_frame_ms));
      entry[k].node_count = entry[k].runs.find((x) => x.node_count != null)?.node_count ?? null;
    }
    entry.cyto.layout_ms_median = median(entry.cyto.runs.map((x) => x.layout_ms));
    entry.app.pan = entry.app.runs[0].pan || null;
    rmSync(path.join(webDir, 'cyto', `synth-${n}.json`));
    result.scale[n] = entry;
  }
} finally {
  server.stop();
}
if (!SIZES.length && existsSync(outFile) && !result.scale_from_earlier_run && !Object.keys(result.scale).length) {
  const earlier = JSON.parse(readFileSync(outFile, 'utf8'));
  result.scale = earlier.scale || {};
  result.scale_from_earlier_run = true;
}
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(result, null, 2));
log('wrote', outFile);

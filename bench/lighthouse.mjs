// lighthouse.mjs SITE_DIR OUT.json — Lighthouse (pinned in bench/package.json) on the site as a real host serves
// it (gzip), mobile and desktop presets, BENCH_RUNS runs each; the median scores and metrics, and the long
// main-thread tasks that hold Total Blocking Time up, from the median run's trace.
// A goal to report against, never a test: scores move with the machine's load.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from '../tests/browser/harness.mjs';

const [siteDir, outFile] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const log = (...a) => console.error('lighthouse:', ...a);
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : null; };

// The same Chromium and software WebGL as the browser tests, headless, no network beyond loopback.
const flags = ['--headless=new', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--no-sandbox'];

async function run(url, preset) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM || '/usr/bin/chromium', chromeFlags: flags });
  try {
    const opts = { port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] };
    const { lhr } = await lighthouse(url, opts, preset === 'desktop' ? desktopConfig : undefined);
    const score = (k) => (lhr.categories[k]?.score == null ? null : Math.round(lhr.categories[k].score * 100));
    const metric = (k) => lhr.audits[k]?.numericValue ?? null;
    const longTasks = (lhr.audits['long-tasks']?.details?.items || [])
      .map((t) => ({ url: String(t.url || '').replace(url, '/'), start_ms: Math.round(t.startTime), ms: Math.round(t.duration) }))
      .sort((a, b) => b.ms - a.ms).slice(0, 6);
    const bootup = (lhr.audits['bootup-time']?.details?.items || [])
      .map((t) => ({ url: String(t.url || '').replace(url, '/'), scripting_ms: Math.round(t.scripting || 0),
        total_ms: Math.round(t.total || 0) }));
    const failed = ['accessibility', 'best-practices', 'seo'].flatMap((k) => lhr.categories[k].auditRefs
      .filter((r) => r.weight > 0 && lhr.audits[r.id].score != null && lhr.audits[r.id].score < 1).map((r) => `${k}: ${r.id}`));
    return {
      performance: score('performance'), accessibility: score('accessibility'), best_practices: score('best-practices'),
      seo: score('seo'), fcp_ms: metric('first-contentful-paint'), lcp_ms: metric('largest-contentful-paint'),
      tbt_ms: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'), si_ms: metric('speed-index'),
      long_tasks: longTasks, bootup, failed_audits: failed,
    };
  } finally {
    await chrome.kill();
  }
}

const server = await serve(siteDir, ['--gzip']);
const result = { runs: RUNS, served: 'gzip', presets: {} };
try {
  for (const preset of ['mobile', 'desktop']) {
    const runs = [];
    for (let r = 0; r < RUNS; ++r) {
      log(preset, 'run', r + 1);
      runs.push(await run(server.url, preset));
    }
    const m = {};
    for (const k of Object.keys(runs[0]).filter((k) => typeof runs[0][k] === 'number')) m[k] = median(runs.map((x) => x[k]));
    // The run whose performance score is the median carries the long tasks and failed audits.
    const mid = runs.slice().sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0))[(runs.length - 1) >> 1];
    result.presets[preset] = { median: m, long_tasks: mid.long_tasks, bootup: mid.bootup, failed_audits: mid.failed_audits,
      runs: runs.map(({ long_tasks, bootup, ...rest }) => rest) };
  }
} finally {
  server.stop();
}
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(result, null, 2));
log('wrote', outFile);

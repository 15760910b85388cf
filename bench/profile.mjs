// profile.mjs — where the explainer's start-up goes in wasm: Chromium's sampling profiler (a trace, so the samples and
// the app's performance marks share one clock) on a site built with function names (the explainer-profiling target:
// --profiling-funcs), from the `explainer:gl` mark to the first frame; and explainer.load() of 1,000 nodes.
//   node bench/profile.mjs SITE_DIR OUT.json        (bench/run.sh assembles SITE_DIR from build/bench-wasm/profiling)
// Env: BENCH_RUNS (default 3; the samples of all runs are pooled and divided by the runs), CHROMIUM.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/harness.mjs';

const [siteDir, outFile] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TOP = Number(process.env.PROFILE_TOP || 15);
const args = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync', '--no-sandbox'];
const categories = ['disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'v8.execute', 'devtools.timeline'];

// One run's trace → {marks: {name: µs}, samples: [{t: µs, stack: [names, leaf first]}]} for the renderer's main thread.
function parseTrace(events) {
  const marks = {};
  let where = null;
  for (const e of events) {
    if (typeof e.name === 'string' && e.name.startsWith('explainer:') && e.ts && marks[e.name] === undefined) {
      marks[e.name] = e.ts;
      where = where || { pid: e.pid, tid: e.tid };
    }
  }
  const profiles = new Map();  // id → {start, nodes: Map(id → {name, parent}), samples: [{t, node}]}
  for (const e of events) {
    if (!where || e.pid !== where.pid) continue;
    if (e.name === 'Profile' && e.tid === where.tid) {
      profiles.set(e.id, { start: e.args.data.startTime, t: e.args.data.startTime, nodes: new Map(), samples: [] });
    } else if (e.name === 'ProfileChunk' && profiles.has(e.id)) {
      const p = profiles.get(e.id), cpu = e.args.data.cpuProfile || {};
      for (const n of cpu.nodes || []) p.nodes.set(n.id, { name: n.callFrame.functionName || `(anonymous ${n.callFrame.url || ''})`, parent: n.parent });
      const deltas = e.args.data.timeDeltas || [];
      (cpu.samples || []).forEach((node, i) => { p.t += deltas[i] || 0; p.samples.push({ t: p.t, node }); });
    }
  }
  const samples = [];
  for (const p of profiles.values()) {
    for (let i = 0; i < p.samples.length; ++i) {
      const s = p.samples[i];
      const next = p.samples[i + 1];
      const stack = [];
      for (let id = s.node; id != null; id = p.nodes.get(id)?.parent) stack.push(p.nodes.get(id)?.name ?? '?');
      samples.push({ t: s.t, dt: next ? next.t - s.t : 0, stack });
    }
  }
  return { marks, samples };
}

// C++ names without template arguments, parameters or the json ABI namespace, so a table cell stays readable.
function shortName(name) {
  if (/^\((program|garbage collector|root)\)$/.test(name)) return name.slice(1, -1);  // V8's own entries
  let s = name.replace(/\(anonymous namespace\)/g, '{anon}').replace(/json_abi_v[0-9_]+::/g, '');
  for (let prev = ''; prev !== s;) { prev = s; s = s.replace(/<[^<>]*>/g, ''); }
  for (let prev = ''; prev !== s;) { prev = s; s = s.replace(/\([^()]*\)/g, '()'); }
  return s.replace(/\{anon\}/g, '(anonymous)');
}

function aggregate(runs, from, to) {
  const self = new Map(), total = new Map();
  let span = 0;
  for (const r of runs) {
    const a = r.marks[from], b = r.marks[to];
    if (a == null || b == null) continue;
    span += (b - a) / 1000;
    for (const s of r.samples) {
      if (s.t < a || s.t >= b) continue;
      const ms = s.dt / 1000;
      const stack = s.stack.map(shortName);
      self.set(stack[0], (self.get(stack[0]) || 0) + ms);
      for (const name of new Set(stack)) total.set(name, (total.get(name) || 0) + ms);
    }
  }
  const n = runs.length;
  const top = (m) => [...m].sort((x, y) => y[1] - x[1]).slice(0, TOP).map(([name, ms]) => ({ name, ms: +(ms / n).toFixed(1) }));
  // In the totals, the frames every sample passes through (the event loop, main, the glue's wrappers) say nothing.
  for (const [name, ms] of total) if (ms >= 0.9 * span || name.startsWith('(anonymous http')) total.delete(name);
  return { span_ms: +(span / n).toFixed(1), self: top(self), total: top(total) };
}

// Where the module's bytes go: each function's body size in the code section, grouped by the name the name section
// gives it (the profiling build keeps the names; the shipped module has the same code).
function codeBytesByGroup(wasm) {
  let at = 8;
  const leb = () => { let v = 0, shift = 0, b; do { b = wasm[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  const bodies = [], names = new Map();
  let imported = 0;
  while (at < wasm.length) {
    const id = wasm[at++], size = leb(), end = at + size;
    if (id === 2) {  // imports: function imports take the first indices
      for (let n = leb(); n > 0; --n) {
        at += leb(); at += leb();  // module, field
        const kind = wasm[at++];
        if (kind === 0) { leb(); ++imported; } else if (kind === 1) { at++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { at += 2; } else if (kind === 4) { at++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; --n) { const len = leb(); bodies.push(len); at += len; }
    } else if (id === 0) {
      const nameLen = leb(), name = Buffer.from(wasm.subarray(at, at + nameLen)).toString(); at += nameLen;
      while (name === 'name' && at < end) {
        const sub = wasm[at++], subSize = leb(), subEnd = at + subSize;
        if (sub === 1) for (let n = leb(); n > 0; --n) { const idx = leb(), len = leb(); names.set(idx, Buffer.from(wasm.subarray(at, at + len)).toString()); at += len; }
        at = subEnd;
      }
    }
    at = end;
  }
  const groups = [['Dear ImGui', /^(Im|ImGui::|ImDraw|ImFont|ImGui_Impl|ImVector|ImStb|stb_|Stb)/], ['nlohmann/json', /nlohmann::/],
    ['the explainer (ex::, platform)', /^(ex::|\(anonymous namespace\)|explainer_|main$|__original_main)/], ['libc++ (std::)', /^(std::|void std::|bool std::|operator new|operator delete)/],
    ['libc, malloc, Emscripten runtime', /^(__|_|em|str|mem|malloc|free|realloc|calloc|sbrk|dlmalloc|emmalloc|printf|snprintf|vsnprintf|fmt_|pop_arg|qsort)/]];
  const out = Object.fromEntries([...groups.map(([g]) => [g, 0]), ['other', 0]]);
  bodies.forEach((len, i) => {
    const name = names.get(imported + i) || '';
    const g = groups.find(([, re]) => re.test(name));
    out[g ? g[0] : 'other'] += len;
  });
  return { total: bodies.reduce((a, b) => a + b, 0), functions: bodies.length, groups: out };
}

// One CDP sampling profile → samples in aggregate()'s form, its span marked 'load:start' → 'load:end'.
function fromCpuProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const samples = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] || 0;
    const stack = [];
    for (let x = id; x != null; x = parent.get(x)) stack.push(nodes.get(x).callFrame.functionName || 'anonymous JS');
    if (stack[0] !== '(idle)') samples.push({ t, dt: profile.timeDeltas[i + 1] || 0, stack });
  });
  return { marks: { 'load:start': profile.startTime, 'load:end': profile.endTime }, samples };
}

// explainer.load() of the 1,000-node file (bench/run.sh writes it beside the site's folder), in a fresh browser like
// web.mjs's load run: from the call to the end of the first frame after it. The page's own update of the text view
// for the new content (a task after that frame) is switched off, so the profile holds the call and the frame alone.
async function loadProfile(url, text) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args, headless: true });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 120000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.evaluate(() => { window.Module.onExplainerContent = () => {}; });
    await cdp.send('Profiler.start');
    const times = await page.evaluate(async (text) => {
      const f0 = window.explainer.frames();
      const t0 = performance.now();
      const r = window.explainer.load(text, 'synth-1000.json');
      const t1 = performance.now();
      for (let i = 0; i < 600 && window.explainer.frames() === f0; ++i) await new Promise((res) => requestAnimationFrame(() => res()));
      return { ok: !!r.ok, call_ms: t1 - t0, to_frame_ms: performance.now() - t0 };
    }, text);
    const { profile } = await cdp.send('Profiler.stop');
    return { times, run: fromCpuProfile(profile) };
  } finally {
    await browser.close();
  }
}

const server = await serve(siteDir);
const runs = [], loadRuns = [];
const synth = path.join(siteDir, '..', 'synth-1000.json');
try {
  for (let i = 0; i < RUNS; ++i) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args, headless: true });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
      await browser.startTracing(page, { categories });
      await page.goto(server.url);
      await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 120000 });
      await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));  // the frame's marks reach the trace
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      runs.push(parseTrace(trace.traceEvents || trace));
      console.error(`profile: run ${i + 1}: ${runs.at(-1).samples.length} samples`);
    } finally {
      await browser.close();
    }
  }
  if (existsSync(synth)) {
    const text = readFileSync(synth, 'utf8');
    for (let i = 0; i < RUNS; ++i) {
      loadRuns.push(await loadProfile(server.url, text));
      console.error(`profile: load() of 1,000 nodes, run ${i + 1}: ${loadRuns.at(-1).run.samples.length} samples`);
    }
  }
} finally {
  server.stop();
}
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length ? v[(v.length - 1) >> 1] : null; };
const result = {
  runs: runs.length,
  gl_to_first_frame: aggregate(runs, 'explainer:gl', 'explainer:first-frame'),
  gl_to_content: aggregate(runs, 'explainer:gl', 'explainer:content'),
  content_to_first_frame: aggregate(runs, 'explainer:content', 'explainer:first-frame'),
  load_1000: loadRuns.length ? {
    ok: loadRuns.every((r) => r.times.ok),
    call_ms: median(loadRuns.map((r) => r.times.call_ms)),
    to_frame_ms: median(loadRuns.map((r) => r.times.to_frame_ms)),
    ...aggregate(loadRuns.map((r) => r.run), 'load:start', 'load:end'),
  } : null,
  code_bytes: codeBytesByGroup(readFileSync(path.join(siteDir, 'explainer.wasm'))),
};
writeFileSync(outFile, JSON.stringify(result, null, 2));
console.error('profile: wrote', outFile);

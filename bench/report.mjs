// report.mjs — merges the native and web results into bench/out/report.json and bench/out/report.md, with the
// issue's targets as PASS/MISS lines. Inputs (all in OUT_DIR): web.json, scale.json, micro.json, lighthouse.json,
// and scale-base.json + scale-base.rev when bench/run.sh ran with BENCH_BASE (a before/after of the native scale run).
//   node bench/report.mjs OUT_DIR
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const outDir = process.argv[2];
const read = (f) => (existsSync(path.join(outDir, f)) ? JSON.parse(readFileSync(path.join(outDir, f), 'utf8')) : null);
const sh = (cmd) => { try { return execSync(cmd, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return null; } };
const web = read('web.json'), scale = read('scale.json'), micro = read('micro.json');
const lh = read('lighthouse.json'), scaleBase = read('scale-base.json'), profile = read('profile.json');
const baseRev = existsSync(path.join(outDir, 'scale-base.rev')) ? readFileSync(path.join(outDir, 'scale-base.rev'), 'utf8').trim() : null;

// [SECTION] Machine -----------------------------------------------------------------------------------------------

const machine = {
  date: new Date().toISOString(),
  nproc: Number(sh('nproc')),
  cpu: os.cpus()[0]?.model || null,
  memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
  load_average_at_report: os.loadavg().map((x) => +x.toFixed(2)),
  os: sh('. /etc/os-release && echo "$PRETTY_NAME"'),
  cxx: sh('c++ --version | head -1'),
  emcc: sh('NODE_PATH=/usr/share/nodejs emcc --version | head -1'),
  node: process.version,
  chromium: web?.chromium || null,
  playwright_core: JSON.parse(readFileSync(new URL('./node_modules/playwright-core/package.json', import.meta.url))).version,
  cytoscape: JSON.parse(readFileSync(new URL('./node_modules/cytoscape/package.json', import.meta.url))).version,
  cytoscape_dagre: JSON.parse(readFileSync(new URL('./node_modules/cytoscape-dagre/package.json', import.meta.url))).version,
  libbenchmark: sh("dpkg-query -W -f='${Version}' libbenchmark-dev"),
  lighthouse: existsSync(new URL('./node_modules/lighthouse/package.json', import.meta.url))
    ? JSON.parse(readFileSync(new URL('./node_modules/lighthouse/package.json', import.meta.url))).version : null,
  imgui: sh(`grep -m1 '#define IMGUI_VERSION ' ${new URL('../.deps/imgui/imgui.h', import.meta.url).pathname} | cut -d'"' -f2`),
};

// [SECTION] Targets -----------------------------------------------------------------------------------------------

const targets = [];
// `ok` is null when the measurement is missing: reported as "n/a", never as a pass.
function target(name, measured, baseline, ratio, ok, note = '') {
  targets.push({ name, measured, baseline, ratio: ratio == null ? null : +ratio.toFixed(3), result: ok == null ? 'n/a' : ok ? 'PASS' : 'MISS', note });
}
const kb = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(0)} KB`);
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(0)} ms`);
const pct = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} %`);
const div = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

if (web) {
  const { app, demo, cyto } = web.sites;
  const r1 = div(app.size.gzip, demo.size.gzip);
  target('Whole site gzip ≤ 0.90× demo', kb(app.size.gzip), `demo ${kb(demo.size.gzip)}`, r1, r1 == null ? null : r1 <= 0.9);
  const r2 = div(app.median.first_frame_ms, demo.median.first_frame_ms);
  target('First frame ≤ 1.0× demo', ms(app.median.first_frame_ms), `demo ${ms(demo.median.first_frame_ms)}`, r2, r2 == null ? null : r2 <= 1.0);
  const r3 = div(app.median.first_text_ms, demo.median.first_frame_ms);
  target('First readable article text ≤ 0.3× the demo\'s first frame', ms(app.median.first_text_ms), `demo ${ms(demo.median.first_frame_ms)}`, r3, r3 == null ? null : r3 <= 0.3);
  const glToFrame = app.median.mark_first_frame_ms != null && app.median.mark_gl_ms != null ? app.median.mark_first_frame_ms - app.median.mark_gl_ms : null;
  target('`gl` mark → first frame ≤ 60 ms (bundled article)', ms(glToFrame), '60 ms', div(glToFrame, 60), glToFrame == null ? null : glToFrame <= 60);
  const tap = web.reading?.x1?.median.tap_to_detail_ms ?? null;
  target('Click on a card → the detail panel\'s frame ≤ 100 ms', ms(tap), '100 ms', div(tap, 100), tap == null ? null : tap <= 100);
  const maxFrames = Math.max(...app.runs.map((r) => r.idle_frames));
  target(`Idle: zero frames in ${web.idle_seconds} s`, `${maxFrames} (max of ${app.runs.length} runs)`, `demo ${demo.median.idle_frames}, cytoscape ${cyto.median.idle_frames}`, null, maxFrames === 0);
  const r4 = div(app.median.all_processes_cpu_pct, cyto.median.all_processes_cpu_pct);
  target('Idle CPU, all processes ≤ cytoscape', pct(app.median.all_processes_cpu_pct), `cytoscape ${pct(cyto.median.all_processes_cpu_pct)}`, r4, r4 == null ? null : r4 <= 1.0);
  const la = web.scale['1000']?.app.load_api;
  const lf = la && !la.error ? la.to_frame_ms : null;
  target('explainer.load() → frame, 1 000 nodes ≤ 400 ms', ms(lf), '400 ms', div(lf, 400), lf == null ? null : lf <= 400);
}
if (scale) {
  const s10k = scale.find((s) => s.nodes === 10000);
  const p = s10k?.pan_fit;
  target('10 000 nodes pan ≥ 30 frames/s natively (all cards on screen)', p ? `${p.fps_from_wall_median.toFixed(0)} fps` : 'n/a', '30 fps', div(30, p?.fps_from_wall_median), p ? p.fps_from_wall_median >= 30 : null, 'ratio = 30 / measured');
  target('10 000 nodes pan: frame CPU ≤ 8 ms natively (all cards on screen)', p ? `${p.cpu_ms_median.toFixed(2)} ms (p95 ${p.cpu_ms_p95.toFixed(2)})` : 'n/a', '8 ms', div(p?.cpu_ms_median, 8), p ? p.cpu_ms_median <= 8 : null);
}

// [SECTION] Markdown ----------------------------------------------------------------------------------------------

const md = [];
md.push('# Benchmark report', '');
md.push(`${machine.date} · ${machine.nproc} cores (${machine.cpu}) · ${machine.memory_gib} GiB · load ${machine.load_average_at_report.join(' ')} · ${machine.os}`);
md.push(`${machine.cxx} · ${machine.emcc} · Node ${machine.node} · Chromium ${machine.chromium} (SwiftShader) · playwright-core ${machine.playwright_core} · cytoscape ${machine.cytoscape} + cytoscape-dagre ${machine.cytoscape_dagre} · Google Benchmark ${machine.libbenchmark} · Dear ImGui ${machine.imgui}`, '');
md.push('## Targets', '', '| Target | Measured | Baseline | Ratio | Result |', '|---|---|---|---|---|');
for (const t of targets) md.push(`| ${t.name} | ${t.measured} | ${t.baseline} | ${t.ratio ?? ''} | ${t.result} |`);
md.push('');

// Each web target that misses, by how much and where the difference is, from this run's own numbers.
if (web) {
  const { app, demo } = web.sites;
  const why = [];
  const files = (site, pick) => Object.entries(site.size.files).filter(([f]) => pick(f)).reduce((n, [, v]) => n + v.gzip, 0);
  if (app.size.gzip > 0.9 * demo.size.gzip) {
    const wasm = files(app, (f) => f.endsWith('.wasm')), dwasm = files(demo, (f) => f.endsWith('.wasm'));
    const js = files(app, (f) => f === 'explainer.js'), djs = files(demo, (f) => f === 'imgui_demo.js');
    const data = files(app, (f) => f.endsWith('.data'));
    const page = app.size.gzip - wasm - js - data;
    why.push(`- **Site size**: ${kb(app.size.gzip - 0.9 * demo.size.gzip)} over 0.9× the demo. The module is ${kb(wasm)} against the demo's ` +
      `${kb(dwasm)} (Dear ImGui plus nlohmann/json, the loader and validator, layout, search, editing and the UI, ` +
      `against Dear ImGui plus its demo); the Emscripten glue ${kb(js)} against ${kb(djs)}; the bundled article (both languages and the cited source text) ${kb(data)}; the page's own scripts, ` +
      `style, manifest and service worker ${kb(page)}. No font files: the browser draws the text.`);
  }
  const m = app.median;
  if (m.first_frame_ms > demo.median.first_frame_ms && m.mark_main_ms != null) {
    why.push(`- **First frame**: ${ms(m.first_frame_ms - demo.median.first_frame_ms)} over the demo's. Navigation → main() ` +
      `${ms(m.mark_main_ms)}; main() → WebGL context and ImGui backends ${ms(m.mark_gl_ms - m.mark_main_ms)} (the demo pays ` +
      `this too); loading, checking and laying out the article ${ms(m.mark_content_ms - m.mark_gl_ms)}; the first frames ` +
      `(shaders, glyphs drawn by the browser, the map) ${ms(m.mark_first_frame_ms - m.mark_content_ms)}. The demo has no ` +
      `content to parse and one window in a built-in bitmap font.`);
  }
  const floor = web.floor?.median?.first_paint_ms;
  if (m.first_text_ms != null && m.first_text_ms > 0.3 * demo.median.first_frame_ms && floor != null) {
    why.push(`- **First readable text**: ${ms(m.first_text_ms - 0.3 * demo.median.first_frame_ms)} over 0.3× the demo's ` +
      `first frame. This browser's own first paint of a one-paragraph page with no script or style sheet (bench/floor, ` +
      `a fresh browser per run like every site) takes ${ms(floor)}, ${div(floor, demo.median.first_frame_ms)?.toFixed(2)}× ` +
      `the demo's first frame; the text view paints ${ms(m.first_text_ms - floor)} after that floor.`);
  }
  const la1k = web.scale['1000']?.app.load_api;
  if (la1k && !la1k.error && la1k.to_frame_ms > 400) {
    why.push(`- **explainer.load() of 1 000 nodes**: ${ms(la1k.to_frame_ms - 400)} over 400 ms: the call itself (parse, check and ` +
      `lay out, in wasm) takes ${ms(la1k.load_call_ms)}, the frame that draws the new map the other ${ms(la1k.to_frame_ms - la1k.load_call_ms)}; ` +
      `the start-up profile below has a table for this call.`);
  }
  if (why.length) md.push('### Where a target misses', '', ...why, '');
}

if (web) {
  md.push(`## Web (median of ${web.runs} runs, fresh browser each; idle window ${web.idle_seconds} s after ${web.settle_seconds} s settle)`, '');
  if (web.scale_from_earlier_run) md.push('The sites were measured again (BENCH_SIZES empty); the scale rows come from the earlier run.', '');
  md.push('| | explainer | Dear ImGui demo | cytoscape.js | explainer ÷ demo | explainer ÷ cytoscape |', '|---|---|---|---|---|---|');
  const { app, demo, cyto } = web.sites;
  const row = (label, f, fmt) => {
    const [a, d, c] = [app, demo, cyto].map(f);
    md.push(`| ${label} | ${fmt(a)} | ${fmt(d)} | ${fmt(c)} | ${div(a, d)?.toFixed(2) ?? ''} | ${div(a, c)?.toFixed(2) ?? ''} |`);
  };
  row('site bytes, gzip -9', (s) => s.size.gzip, kb);
  row('site bytes, brotli -11 (information)', (s) => s.size.brotli, kb);
  row('site bytes, raw', (s) => s.size.raw, kb);
  row('first frame', (s) => s.median.first_frame_ms, ms);
  row('first readable article text', (s) => s.median.first_text_ms, ms);
  row('idle frames drawn', (s) => s.median.idle_frames, (x) => `${x}`);
  row('idle CPU, all processes', (s) => s.median.all_processes_cpu_pct, pct);
  row('idle main thread (TaskDuration)', (s) => s.median.main_thread_task_pct, pct);
  row('idle main thread (ScriptDuration)', (s) => s.median.main_thread_script_pct, pct);
  row('JS heap used', (s) => s.median.js_heap_used_bytes, kb);
  row('wasm memory', (s) => s.median.wasm_memory_bytes, kb);
  const mk = (k) => ms(app.median[`mark_${k}_ms`]);
  if (app.median.mark_main_ms != null)
    md.push('', `Explainer start-up, medians from navigation: main() ${mk('main')}, WebGL context and ImGui backends ready ${mk('gl')}, ` +
      `content loaded and laid out ${mk('content')}, first frame ${mk('first_frame')}.`);
  if (app.median.first_text_ms != null)
    md.push('', `Time to first readable article text (the pre-rendered text view, navigation → its first paint): ` +
      `${ms(app.median.first_text_ms)}, beside the demo's first frame ${ms(demo.median.first_frame_ms)} ` +
      `(${div(app.median.first_text_ms, demo.median.first_frame_ms)?.toFixed(2)}×) and our first frame ` +
      `${ms(app.median.first_frame_ms)} (${div(app.median.first_text_ms, app.median.first_frame_ms)?.toFixed(2)}×).` +
      (web.floor?.median?.first_paint_ms != null ? ` The floor, this browser's own first paint of a one-paragraph ` +
        `page with no script or style sheet (bench/floor): ${ms(web.floor.median.first_paint_ms)} ` +
        `(${div(web.floor.median.first_paint_ms, demo.median.first_frame_ms)?.toFixed(2)}× the demo's first frame); ` +
        `the text view paints ${ms(app.median.first_text_ms - web.floor.median.first_paint_ms)} after it.` : ''));
  if (web.reading) {
    md.push('', 'Reading (a fresh browser per run, medians; click: from the pointer event to the end of the first frame whose detail ' +
      'panel shows the card, read at the next animation frame):', '', '| CPU | first readable text | first map frame | click on a card → detail panel | runs |', '|---|---|---|---|---|');
    for (const e of Object.values(web.reading)) {
      const errs = e.runs.filter((r) => r.error).map((r) => r.error);
      md.push(`| ${e.cpu_throttle === 1 ? 'unthrottled' : `${e.cpu_throttle}× CDP throttling (phone-class)`} | ${ms(e.median.first_text_ms)} | ` +
        `${ms(e.median.first_frame_ms)} | ${ms(e.median.tap_to_detail_ms)} | ${e.runs.length}${errs.length ? ` (failed: ${errs.join('; ')})` : ''} |`);
    }
  }
  md.push('', 'Explainer site files: ' + Object.entries(app.size.files).map(([f, v]) => `${f} ${kb(v.gzip)}`).join(', ') + ' (gzip).', '');
  md.push('### Scale in the browser (navigation → first frame with the content)', '');
  md.push('| nodes | explainer | cytoscape (dagre) | cytoscape layout alone | explainer ÷ cytoscape | explainer drag in browser (informational: bound by the harness round trips and SwiftShader) | explainer.load(text) → frame |', '|---|---|---|---|---|---|---|');
  for (const [n, e] of Object.entries(web.scale)) {
    const cy = e.cyto.first_frame_ms_median ?? null;
    const cyText = cy != null ? ms(cy) : `no frame: ${e.cyto.runs[0]?.error ?? 'n/a'}`;
    const pan = e.app.pan ? `${e.app.pan.fps.toFixed(0)} fps, ${e.app.pan.main_thread_task_ms_per_frame.toFixed(1)} ms main thread/frame` : 'n/a';
    const la = e.app.load_api;
    const laText = !la ? 'no load() in page' : la.error ? la.error : `${ms(la.to_frame_ms)} (load() ${ms(la.load_call_ms)}; the text view updated at ${ms(la.to_text_ms)})`;
    md.push(`| ${n} (${e.app.node_count ?? '?'} shown) | ${ms(e.app.first_frame_ms_median)} | ${cyText} | ${ms(e.cyto.layout_ms_median)} | ${div(e.app.first_frame_ms_median, cy)?.toFixed(2) ?? ''} | ${pan} | ${laText} |`);
  }
  md.push('');
}
// A profile's top functions, self beside total.
function profileTable(a) {
  const cell = (f) => (f ? '`' + f.name.replace(/\|/g, '\\|') + '`' : '');
  md.push('| self | ms | total | ms |', '|---|---|---|---|');
  for (let i = 0; i < Math.max(a.self.length, a.total.length); ++i) {
    const s = a.self[i], t = a.total[i];
    md.push(`| ${cell(s)} | ${s ? s.ms : ''} | ${cell(t)} | ${t ? t.ms : ''} |`);
  }
  md.push('');
}
if (profile) {
  md.push(`## Where start-up goes in wasm (Chromium's sampling profiler, ${profile.runs} runs, ms per run)`, '',
    'The explainer-profiling build (the same app, function names kept) from the `explainer:gl` mark (WebGL context and ' +
    'ImGui backends ready) to the first frame. Self: the function itself; total: the function and what it calls.', '');
  for (const [key, label] of [['gl_to_content', '`gl` → `content` (fonts, loading and laying out the article)'],
    ['content_to_first_frame', '`content` → first frame (the first frames: text measured and drawn, the map)']]) {
    const a = profile[key];
    md.push(`**${label}**: ${ms(a.span_ms)}.`, '');
    profileTable(a);
  }
  const lp = profile.load_1000;
  if (lp) {
    md.push(`**\`explainer.load()\` of 1 000 nodes → the end of the next frame** (a fresh browser per run, the page's ` +
      `own text view update switched off; medians: the call ${ms(lp.call_ms)}, to the frame ${ms(lp.to_frame_ms)}; ` +
      `profiled, so slower than the load run above)${lp.ok ? '' : ' (a load failed)'}: ${ms(lp.span_ms)} sampled.`, '');
    profileTable(lp);
  }
}
if (profile?.code_bytes) {
  const cb = profile.code_bytes;
  md.push('## Where the module\'s bytes go (code section of the profiling build, by function name; raw bytes)', '',
    `${cb.functions} functions, ${kb(cb.total)} of code: ` + Object.entries(cb.groups).sort((a, b) => b[1] - a[1])
      .map(([g, n]) => `${g} ${kb(n)} (${((100 * n) / cb.total).toFixed(0)} %)`).join(', ') +
    '. wasm-opt merges identical functions under one of their names, so the split is approximate; libc++ holds the ' +
    'template code instantiated for our types (strings, vectors, maps, std::function).', '');
}
if (scale) {
  md.push('## Scale, native (Release, headless UI frames: NewFrame + app_frame + Render, null backend, 1280×800)', '');
  md.push('| nodes | edges | file | load + validate | layout | pan, all on screen: CPU/frame (p95) | fps | pan at zoom 1: CPU/frame (p95) | fps |', '|---|---|---|---|---|---|---|---|---|');
  for (const s of scale) {
    md.push(`| ${s.nodes} | ${s.edges} | ${kb(s.bytes)} | ${ms(s.load_validate_ms_median)} | ${ms(s.layout_ms_median)} | ${s.pan_fit.cpu_ms_median.toFixed(2)} ms (${s.pan_fit.cpu_ms_p95.toFixed(2)}) | ${s.pan_fit.fps_from_wall_median.toFixed(0)} | ${s.pan_zoom1.cpu_ms_median.toFixed(2)} ms (${s.pan_zoom1.cpu_ms_p95.toFixed(2)}) | ${s.pan_zoom1.fps_from_wall_median.toFixed(0)} |`);
  }
  md.push('');
}
if (scale && scaleBase) {
  md.push(`## Scale, before and after (native, the same files in the same run; before = ${baseRev})`, '');
  md.push('| nodes | layout before | after | after ÷ before | pan (fit) CPU/frame before | after | after ÷ before | pan (zoom 1) before | after | after ÷ before |',
    '|---|---|---|---|---|---|---|---|---|---|');
  for (const s of scale) {
    const b = scaleBase.find((x) => x.nodes === s.nodes);
    if (!b) continue;
    const r = (a, z) => div(a, z)?.toFixed(2) ?? '';
    md.push(`| ${s.nodes} | ${ms(b.layout_ms_median)} | ${ms(s.layout_ms_median)} | ${r(s.layout_ms_median, b.layout_ms_median)} | ` +
      `${b.pan_fit.cpu_ms_median.toFixed(2)} ms | ${s.pan_fit.cpu_ms_median.toFixed(2)} ms | ${r(s.pan_fit.cpu_ms_median, b.pan_fit.cpu_ms_median)} | ` +
      `${b.pan_zoom1.cpu_ms_median.toFixed(2)} ms | ${s.pan_zoom1.cpu_ms_median.toFixed(2)} ms | ${r(s.pan_zoom1.cpu_ms_median, b.pan_zoom1.cpu_ms_median)} |`);
  }
  md.push('');
}
if (lh) {
  md.push(`## Lighthouse (${lh.runs} runs per preset, site served gzipped, medians; a goal to report against, not a test)`, '');
  md.push('| preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | Speed Index |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, p] of Object.entries(lh.presets)) {
    const m = p.median;
    md.push(`| ${name} | ${m.performance} | ${m.accessibility} | ${m.best_practices} | ${m.seo} | ${ms(m.fcp_ms)} | ${ms(m.lcp_ms)} | ` +
      `${ms(m.tbt_ms)} | ${m.cls?.toFixed(3)} | ${ms(m.si_ms)} |`);
  }
  for (const [name, p] of Object.entries(lh.presets)) {
    if (p.long_tasks.length)
      md.push('', `Long main-thread tasks (${name}, median run; Lighthouse attributes each to the script that started it): ` +
        p.long_tasks.map((t) => `${t.url} ${t.ms} ms at ${t.start_ms} ms`).join(', ') + '.');
    if (p.failed_audits.length) md.push('', `Failed audits (${name}): ${p.failed_audits.join(', ')}.`);
  }
  md.push('', 'The long task started from textview.js is the app\'s main(): the text view holds main() for one frame so ' +
    'the text paints first, then main() (WebGL context, content, layout, first frame) runs as one task from that callback.', '');
}
if (micro) {
  md.push('## Micro (Google Benchmark, median of repetitions)', '', '| benchmark | time | CPU |', '|---|---|---|');
  for (const b of micro.benchmarks.filter((b) => b.aggregate_name === 'median'))
    md.push(`| ${b.run_name} | ${b.real_time.toFixed(3)} ${b.time_unit} | ${b.cpu_time.toFixed(3)} ${b.time_unit} |`);
  md.push('', 'BM_HitTest: core has no hit-test function; it runs what src/ui/canvas_view.cpp `card_at` does (Viewport::screen_to_canvas + reverse linear scan of the cards).', '');
}

writeFileSync(path.join(outDir, 'report.json'), JSON.stringify({ machine, targets, web, scale, micro, lighthouse: lh, profile,
  scale_base: scaleBase && { rev: baseRev, scale: scaleBase } }, null, 2));
writeFileSync(path.join(outDir, 'report.md'), md.join('\n') + '\n');
console.log(md.join('\n'));

// page.js — the page side of the explainer: loading progress and failures, the Emscripten Module settings, and the
// test/embedding hook window.explainer. Loaded before textview.js, history.js, files.js and explainer.js (Emscripten).
//
// Index
//   [SECTION] Status        progress bar while the wasm and the data download; a clear message on failure
//   [SECTION] Module        Emscripten settings: wasm with download progress, the embedded single-file build
//   [SECTION] Hook          window.explainer: ready, state, select, load, page, applyHash, openUrl, on
//   [SECTION] Toolbar       the page's buttons, docked in the app's top bar; Open file… only with ?edit=1
//   [SECTION] Input         touch forwarding; Alt+arrows and mouse back/forward stay in the app
//   [SECTION] Offline       the service worker, registered once the explainer runs
'use strict';
(function () {
  // [SECTION] Strings -----------------------------------------------------------------------------------------------
  // The page's own words in the reading language (the app's live in src/core/strings.cpp): ?lang= at start, then
  // whatever the app reports. t('key', {name: value}) fills {name}.
  const strings = {
    en: {
      'open-file': 'Open file\u2026', 'copy-link': 'Copy link', loading: 'Loading the explainer\u2026',
      'loading-pct': 'Loading the explainer\u2026 {pct} %',
      'could-not-start': 'The explainer could not start: {what}',
      'no-webgl2': 'The map needs WebGL2, which this browser does not offer (or has turned off); the article is here as text.',
      'not-downloaded': 'The explainer could not be downloaded or started ({what}). Reload to try again.',
      stopped: 'The explainer stopped: {what}', 'still-loading': 'The explainer is still loading.',
      'link-copied': 'Link copied: {url}', 'copy-this': 'Copy this link: {url}', opened: 'Opened {name}.',
      'not-opened-1': '{name} was not opened: 1 problem, listed in the app. {first}',
      'not-opened-n': '{name} was not opened: {n} problems, listed in the app. {first}',
      'content-failed': '{name} could not be shown: {first}', 'content-problems': 'The problems in {name}:',
      'content-failed-n': '{name} could not be shown ({n} problems): {first}',
      'text-label': 'The article as text', 'text-view': 'Text view', 'skip-to-map': 'Skip to the map',
      selected: 'Selected: {title}. {summary}',
      'selected-id': 'Selected: {id}.', cleared: 'Selection cleared.', 'drop-hint': 'Drop a .json file to open it',
      'map-label': 'Interactive map of the article; the text view before it has the same cards as text',
    },
    zh: {
      'open-file': '打开文件\u2026', 'copy-link': '复制链接',
      loading: '正在加载\u2026', 'loading-pct': '正在加载\u2026 {pct}%',
      'could-not-start': '无法启动：{what}',
      'no-webgl2': '地图需要 WebGL2，但当前浏览器不支持或已关闭；下面是文章的文字版。',
      'not-downloaded': '无法下载或启动（{what}）。请刷新页面重试。',
      stopped: '已停止运行：{what}', 'still-loading': '仍在加载中。',
      'link-copied': '链接已复制：{url}', 'copy-this': '请复制此链接：{url}',
      opened: '已打开 {name}。',
      'not-opened-1': '{name} 未能打开：1 个问题，已在应用中列出。{first}',
      'not-opened-n': '{name} 未能打开：{n} 个问题，已在应用中列出。{first}',
      'content-failed': '无法显示 {name}：{first}', 'content-problems': '{name} 中的问题：',
      'content-failed-n': '无法显示 {name}（{n} 个问题）：{first}',
      'text-label': '文章的文字版', 'text-view': '文字版', 'skip-to-map': '跳到地图',
      selected: '已选中：{title}。{summary}',
      'selected-id': '已选中：{id}。', cleared: '已取消选择。',
      'drop-hint': '拖放 .json 文件即可打开',
      'map-label': '文章的交互式地图；前面的文字版以文字列出同样的卡片',
    },
  };
  const pickLang = (tag) => (String(tag || '').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  const pageLang = document.documentElement.lang || 'en';  // "zh" at zh/index.html (build-wasm.sh)
  let lang = pickLang(new URLSearchParams(location.search).get('lang') || pageLang);
  // Where the site's files are: zh/index.html loads them from the folder above.
  const here = document.currentScript && document.currentScript.src ? new URL('.', document.currentScript.src).href : '';
  function t(key, vars = {}) {
    const text = strings[lang][key] || strings.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }
  // The words already in the page (index.html is English).
  function translatePage() {
    const set = (id, prop, key) => { const el = document.getElementById(id); if (el) el[prop] = t(key); };
    set('open-file', 'textContent', 'open-file');
    set('copy-link', 'textContent', 'copy-link');
    set('drop-hint', 'textContent', 'drop-hint');
    set('view-toggle', 'textContent', 'text-view');
    const text = document.getElementById('text-view');
    if (text) text.setAttribute('aria-label', t('text-label'));
    const map = document.getElementById('canvas');
    if (map) map.setAttribute('aria-label', t('map-label'));
  }
  translatePage();

  // [SECTION] Status ------------------------------------------------------------------------------------------------
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  statusText.textContent = t('loading');
  statusBox.hidden = false;  // hidden in the HTML, so that without JavaScript no bar waits forever over the text
  const progress = document.getElementById('status-progress');
  const notice = document.getElementById('notice');
  let isReady = false;
  let failed = false;
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});  // a failure is shown on the page; an unawaited rejection is not an extra console error

  function fail(message) {
    if (failed) return;
    failed = true;
    statusBox.hidden = false;
    statusBox.classList.add('error');
    statusBox.setAttribute('role', 'alert');
    statusText.textContent = message;
    progress.hidden = true;
    document.body.classList.add('failed');
    rejectReady(new Error(message));
  }

  // Downloads by name: {loaded, total}; total 0 while unknown (no Content-Length, e.g. a compressing server).
  const downloads = new Map();
  function report(name, loaded, total) {
    downloads.set(name, { loaded, total });
    let sum = 0, of = 0, known = true;
    for (const d of downloads.values()) { sum += d.loaded; of += d.total; known = known && d.total > 0; }
    if (known && of > 0 && downloads.size >= 2) {
      const pct = Math.min(100, Math.round((100 * sum) / of));
      progress.value = pct;
      statusText.textContent = t('loading-pct', { pct });
    } else {
      progress.removeAttribute('value');  // indeterminate until both sizes are known
    }
  }

  // Late errors (a missing data file throws inside an XHR callback) would otherwise leave the bar forever.
  window.addEventListener('error', (e) => { if (!isReady) fail(t('could-not-start', { what: e.message || 'unknown error' })); });
  window.addEventListener('unhandledrejection', (e) => {
    if (!isReady) fail(t('could-not-start', { what: (e.reason && e.reason.message) || e.reason }));
  });

  // Only whether the API exists: creating a test context here cost a few hundred milliseconds before the download
  // could even start. A browser that has the API but refuses a context is caught by the app, with the same words.
  const noWebGL2 = t('no-webgl2');
  const webgl2 = typeof WebGL2RenderingContext === 'function';
  if (!webgl2) fail(noWebGL2);

  // Shown on the page and read out (role=status); the app shows the same text in its status line when relevant.
  let noticeTimer = 0;
  function showNotice(message) {
    notice.textContent = message;  // the region stays in the page (empty = invisible) so readers announce changes
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { notice.textContent = ''; }, 8000);
  }

  // [SECTION] Module ------------------------------------------------------------------------------------------------
  // The single-file build carries the wasm and the content (explainer.data) as base64 data blocks (never executed, so
  // the hash-based CSP of that file does not need to allow them).
  function embedded(id) {
    const el = document.getElementById(id);
    if (!el) return null;
    const bin = atob(el.textContent.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    el.remove();
    return bytes;
  }
  const singleFile = !!document.getElementById('explainer-wasm');
  const embeddedData = singleFile ? embedded('explainer-data') : null;

  // Counts bytes as they stream in and hands a fresh Response to instantiateStreaming, so compilation still
  // overlaps the download.
  async function fetchCounted(url, name) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || typeof TransformStream !== 'function') return response;
    let loaded = 0;
    report(name, 0, total);
    const counter = new TransformStream({
      transform(chunk, controller) { loaded += chunk.byteLength; report(name, loaded, total); controller.enqueue(chunk); },
    });
    return new Response(response.body.pipeThrough(counter), { headers: { 'Content-Type': 'application/wasm' } });
  }

  async function instantiate(imports) {
    if (singleFile) return WebAssembly.instantiate(embedded('explainer-wasm'), imports);
    const response = await fetchCounted(here + 'explainer.wasm', 'wasm');
    if (WebAssembly.instantiateStreaming) return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
  }

  // The content main() loads: the bundled article (explainer.data, the article's JSON as it is, which the page's
  // preload link has been downloading since the HTML arrived), unless files.js set Module.explainerContent for
  // ?content= first. main() waits for it and takes {bytes} or {error}.
  function fetchContent() {
    if (embeddedData) return Promise.resolve({ bytes: embeddedData });
    return fetchCounted(here + 'explainer.data', 'data')
      .then((r) => r.arrayBuffer()).then((b) => ({ bytes: new Uint8Array(b) }))
      .catch((e) => ({ error: `could not be fetched (${e && e.message ? e.message : e})` }));
  }

  const canvas = document.getElementById('canvas');
  const events = new EventTarget();
  const emit = (type, detail) => events.dispatchEvent(new CustomEvent(type, { detail }));

  window.Module = {
    canvas,
    preRun: [() => {
      const M = window.Module;
      const content = M.explainerContent || fetchContent();
      M.addRunDependency('content');
      content.then((r) => { M.explainerContent = r; M.removeRunDependency('content'); });
    }],
    explainerPageLang: pageLang,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receive) {
      if (!webgl2) return {};  // the message is up; nothing would draw
      instantiate(imports)
        .then((r) => receive(r.instance, r.module))
        .catch((e) => fail(t('not-downloaded', { what: e && e.message ? e.message : e })));
      return {};
    },
    onExplainerFirstFrame: () => {
      if (failed) return;
      window.__firstFrame = performance.now();
      isReady = true;
      statusBox.hidden = true;
      document.body.classList.add('ready');
      resolveReady();
      registerServiceWorker();
    },
    // Tab went past the last card (Shift+Tab before the first): the page's next (previous) control takes the focus,
    // wrapping round the page, so keyboard users are never trapped in the map.
    onExplainerFocusLeave: (direction) => {
      const all = [...document.querySelectorAll('button, [href], input, select, textarea, [tabindex]')]
        .filter((el) => el === canvas || (el.tabIndex >= 0 && !el.disabled && !el.hidden && el.getClientRects().length > 0));
      const at = all.indexOf(canvas);
      if (at < 0 || all.length < 2) return;
      all[(at + direction + all.length) % all.length].focus();
    },
    onExplainerFatal: (message) => fail(message === 'webgl2' ? noWebGL2 : message),
    // ?content= could not be shown (refused, not fetched, or not valid): the page says so, and the text view lists
    // every problem (a JSON array of lines) where the article would be; no map, and no other article in its place.
    onExplainerContentFailed: (name, problems) => {
      const lines = JSON.parse(problems);
      const first = (lines[0] || '').replace(name + ': ', '').replace(/^\/: /, '');  // the sentence names the file already
      fail(t(lines.length > 1 ? 'content-failed-n' : 'content-failed', { name, n: lines.length, first }));
      const box = document.createElement('div');
      box.className = 'content-problems';
      const list = document.createElement('ul');
      for (const line of lines) list.appendChild(document.createElement('li')).textContent = line;
      box.appendChild(document.createElement('p')).textContent = t('content-problems', { name });
      box.appendChild(list);
      document.getElementById('text-view').replaceChildren(box);
    },
    onAbort: (what) => fail(t('stopped', { what })),
    // Called at the end of the frame that first shows new content. The page's own work (the text view's HTML for
    // the new content: about a second of DOM work at 1,000 cards) waits for the next task, after the browser has
    // shown that frame.
    onExplainerContent: () => setTimeout(() => emit('content', window.explainer.page()), 0),
    onExplainerView: (hash, selected) => emit('view', { hash, selected: selected || null, restored: false }),
    onExplainerNotice: (message) => { showNotice(message); emit('notice', { message }); },
    explainerPrefersDark: () => !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches),
    // The app copied text: to the system clipboard, while the click or key that asked still counts as user
    // activation (the same frame).
    onExplainerCopy: (text) => {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
    // Only http(s) leaves the page, in a new tab that gets neither an opener nor a referrer; false: refused.
    onExplainerOpenUrl: (url) => {
      let u;
      try { u = new URL(url); } catch (e) { return false; }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
      window.open(u.href, '_blank', 'noopener,noreferrer');
      return true;
    },
  };

  // [SECTION] Hook --------------------------------------------------------------------------------------------------
  const running = () => !!window.Module.calledRun && isReady;
  const call = (name, ret, types, args) => window.Module.ccall(name, ret, types, args);

  window.explainer = {
    ready,
    singleFile,
    state() {
      if (!window.Module.calledRun) return { content: { title: '', node_count: 0 }, frames: 0, errors: [] };
      return JSON.parse(window.Module.UTF8ToString(window.Module._explainer_state_json()));
    },
    frames() { return window.Module.calledRun ? window.Module._explainer_frames() : 0; },
    select(id) {
      if (!running()) return false;
      return call('explainer_select', 'number', ['string'], [id == null ? '' : String(id)]) === 1;
    },
    // Loads content (a JSON string, or the bytes of a file); returns {ok, errors}. A bad file keeps what is shown
    // and the app lists its problems.
    load(text, label = 'content.json') {
      if (!running()) return { ok: false, errors: [t('still-loading')] };
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text);
      const M = window.Module;
      let ptr = 0;
      if (bytes.length <= M._explainer_max_bytes()) {
        ptr = M._malloc(Math.max(1, bytes.length));
        if (!ptr) return { ok: false, errors: [label + ': /: not enough memory to read the file'] };
        M.HEAPU8.set(bytes, ptr);  // read HEAPU8 after malloc: growing memory replaces the view
      }
      try {
        return JSON.parse(call('explainer_load', 'string', ['number', 'number', 'string'], [ptr, bytes.length, String(label)]));
      } finally {
        if (ptr) M._free(ptr);
      }
    },
    // What the page shows around the map: {title, lang, theme, embed, colours, html, has_lang} (html: the text view,
    // left out when the page shows it already, as its data-source says; has_lang: {en, zh}, which of the page's two
    // languages the content has).
    page() {
      if (!window.Module.calledRun) return null;
      const shown = document.querySelector('#text-view .explainer-text');
      return JSON.parse(call('explainer_page_json', 'string', ['string'], [(shown && shown.dataset.source) || '']));
    },
    // Restores what a hash names without adding history; returns the hash that now describes the view.
    applyHash(hash) {
      if (!running()) return '';
      const canonical = call('explainer_apply_hash', 'string', ['string'], [String(hash || '')]);
      emit('view', { hash: canonical, selected: this.state().selected, restored: true });
      return canonical;
    },
    // Opens a link the way the app does: http(s) only, in a new tab; anything else is refused with a notice.
    openUrl(url) {
      if (!running()) return false;
      return call('explainer_open_url', 'number', ['string'], [String(url)]) === 1;
    },
    notice: showNotice,
    t,  // the page's words in the reading language, for the other page scripts
    on(type, fn) { events.addEventListener(type, (e) => fn(e.detail)); },
  };

  // The page follows the reading language the app reports (the ?lang= start, the reader's switch).
  window.explainer.on('content', (page) => {
    if (!page || !page.lang) return;
    lang = pickLang(page.lang);
    translatePage();
  });

  // [SECTION] Toolbar -----------------------------------------------------------------------------------------------
  // The page's own buttons live in a slot the app keeps at the end of its top bar's button row, so they never cover
  // the app's text (a sheet's last link, a tour caption). The app reads their size (whenever it changes: language,
  // which buttons show) and says where the slot is; until then, and in embed mode, they stay where style.css puts
  // them. Open file… is for authors: shown with ?edit=1, as the app's Edit is.
  const toolbar = document.getElementById('toolbar');
  const editParam = new URLSearchParams(location.search).get('edit');  // read as main_web.cpp reads it
  const authoring = editParam !== null && !['0', 'false', 'no'].includes(editParam);
  document.getElementById('open-file').hidden = !authoring;
  let toolbarSize = null;  // measured, not yet taken by the app
  const sendToolbarSize = () => {
    const M = window.Module;
    if (toolbarSize && M.calledRun && M._explainer_toolbar_size(toolbarSize[0], toolbarSize[1])) toolbarSize = null;
  };
  window.Module.onExplainerStarted = sendToolbarSize;
  if ('ResizeObserver' in window) {
    new ResizeObserver(() => {
      const r = toolbar.getBoundingClientRect();
      toolbarSize = [Math.ceil(r.width), Math.ceil(r.height)];
      sendToolbarSize();
    }).observe(toolbar);
  }
  window.Module.onExplainerToolbar = (shown, x, y, underDialog) => {
    const c = canvas.getBoundingClientRect();
    toolbar.classList.toggle('docked', shown);
    toolbar.classList.toggle('under-dialog', underDialog);  // the app's modal dialog is up: out of sight and reach
    toolbar.style.left = shown ? `${c.left + x}px` : '';
    toolbar.style.top = shown ? `${c.top + y}px` : '';
  };

  // [SECTION] Input -------------------------------------------------------------------------------------------------
  // Touch goes to the app directly: this GLFW would turn a tap into a click at the last mouse position.
  // Listening on the document in the capture phase runs before the canvas' own listeners, which never see it.
  function forwardTouch(phase) {
    return (e) => {
      if (e.target !== canvas || !window.Module.calledRun) return;
      e.preventDefault();        // no synthetic mouse events, no page zoom or scroll
      e.stopPropagation();
      const r = canvas.getBoundingClientRect();
      const t = e.touches;
      const p = (i) => (t.length > i ? [t[i].clientX - r.left, t[i].clientY - r.top] : [0, 0]);
      const a = t.length ? p(0) : [e.changedTouches[0].clientX - r.left, e.changedTouches[0].clientY - r.top];
      const b = p(1);
      window.Module._explainer_touch(phase, t.length, a[0], a[1], b[0], b[1]);
    };
  }
  const touchOptions = { capture: true, passive: false };
  document.addEventListener('touchstart', forwardTouch(0), touchOptions);
  document.addEventListener('touchmove', forwardTouch(1), touchOptions);
  document.addEventListener('touchend', forwardTouch(2), touchOptions);
  document.addEventListener('touchcancel', forwardTouch(2), touchOptions);

  // The app pauses its main loop while idle (no requestAnimationFrame, so a quiet tab costs nothing). Anything that
  // may need a frame resumes it: these listeners run in the capture phase, before GLFW's own handlers queue the
  // event that the resumed frame then sees. Size changes come from a ResizeObserver (layout, rotation, zoom).
  const wake = () => { if (window.Module.calledRun) window.Module._explainer_wake(); };
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'mousedown', 'mousemove',
    'mouseup', 'mouseout', 'wheel', 'keydown', 'keyup', 'focusin', 'focusout', 'blur', 'focus', 'resize']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', wake);
  if ('ResizeObserver' in window) new ResizeObserver(wake).observe(canvas);

  // Keys belong to the app while the canvas (or nothing) has the focus. In the toolbar and the text view they
  // stay the page's: this GLFW listens on window in the capture phase and cancels Tab, which would leave keyboard
  // users stuck. Our capture listener runs first (page.js loads before explainer.js) and keeps GLFW out. Tab from
  // nothing focused goes to the page too, so the toolbar and the text view are reachable.
  const ime = document.getElementById('ime');
  const inApp = (e) => e.target === canvas || e.target === ime ||
    ((e.target === document.body || e.target === document.documentElement) && e.key !== 'Tab');
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (e) => { if (!inApp(e)) e.stopImmediatePropagation(); }, true);
  }
  // Alt+Left/Right are the app's back/forward (and history.js mirrors them in the URL); without this the browser
  // would go back as well. In the text view they stay the browser's, which restores the view through popstate.
  window.addEventListener('keydown', (e) => {
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && inApp(e)) e.preventDefault();
  });
  // The mouse's back/forward buttons likewise. This GLFW would report them as the right button, so they never
  // reach it: the app's history moves directly (history.js mirrors it in the URL) and the browser stays put.
  for (const type of ['mousedown', 'mouseup', 'auxclick']) {
    window.addEventListener(type, (e) => {
      if ((e.button !== 3 && e.button !== 4) || !inApp(e)) return;
      e.preventDefault();
      e.stopPropagation();
      if (type === 'mouseup' && running()) call('explainer_history', 'number', ['number'], [e.button === 3 ? -1 : 1]);
    }, true);
  }

  // [SECTION] Offline -----------------------------------------------------------------------------------------------
  // After the first frame, so caching never competes with the first download. Not for the single file (file://).
  function registerServiceWorker() {
    if (singleFile || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register(here + 'sw.js').catch(() => {});  // offline use is a bonus; the page works without
  }
})();

// textview.js — the text view: the whole article as HTML (core/export_html.h), pre-rendered into index.html by
// build-wasm.sh so it reads before any script runs, with JavaScript off and without WebGL2. It is also the screen
// readers' path to the map's content.
//
// Two views: "text" (the article fills the page) and "map" (the canvas; the text stays in the page, visually hidden,
// and shows as a side panel while the keyboard is in it). The text shows until the map's first frame is ready; then
// the chosen view takes the screen. The choice: ?view=text|map, the toolbar's toggle, else the map (on a phone its
// lanes read top to bottom with every title at 12 px or more).
//
// Selection follows both ways: a link in the text (#node-ID) selects the card and moves the focus to it; a selection
// on the map marks its card (aria-current), scrolls the text to it and is announced. Also the page title, <html
// lang>, the theme, embed mode and the favicon follow the content. Needs page.js (window.explainer).
'use strict';
(function () {
  const view = document.getElementById('text-view');
  const toggle = document.getElementById('view-toggle');
  const announcer = document.getElementById('announce');
  const favicon = document.getElementById('favicon');
  const canvas = document.getElementById('canvas');
  const explainer = window.explainer;
  const t = explainer.t;

  const query = new URLSearchParams(location.search);
  const asked = query.get('view');
  const preferred = 'map';
  let choice = asked === 'text' || asked === 'map' ? asked : preferred;
  let mapReady = false;
  let current = null;  // the selected card's id

  const cardOf = (id) => (id ? document.getElementById('node-' + id) : null);
  const shown = () => (mapReady && choice === 'map' ? 'map' : 'text');

  // [SECTION] Views -------------------------------------------------------------------------------------------------
  function applyView() {
    document.body.dataset.view = choice;
    toggle.setAttribute('aria-pressed', String(choice === 'text'));
  }

  function setView(next) {
    if (next !== 'text' && next !== 'map') return shown();
    choice = next;
    applyView();
    const u = new URL(location.href);  // the URL keeps a choice that differs from this device's default
    if (choice === preferred) u.searchParams.delete('view'); else u.searchParams.set('view', choice);
    history.replaceState(history.state, '', u.href);
    if (shown() === 'text') reveal(current);
    else if (window.Module && window.Module.calledRun) {
      window.Module._explainer_request_frame();  // the canvas was hidden: draw it fresh
    }
    return shown();
  }

  toggle.addEventListener('click', () => setView(choice === 'text' ? 'map' : 'text'));

  // In the text view keys belong to the page (scrolling, links), not to the hidden map: this capture listener runs
  // before GLFW's (explainer.js loads after this file).
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (e) => {
      if (shown() === 'text' && e.target !== canvas && e.target.id !== 'ime') e.stopImmediatePropagation();
    }, true);
  }

  // [SECTION] Selection ---------------------------------------------------------------------------------------------
  // Scrolls the text so the card is in view (only while the text is what the reader sees).
  function reveal(id) {
    const card = cardOf(id);
    if (!card || (shown() !== 'text' && !view.contains(document.activeElement))) return;
    const top = card.offsetTop - 12;
    if (card.offsetTop < view.scrollTop || card.offsetTop + Math.min(card.offsetHeight, view.clientHeight / 2) >
        view.scrollTop + view.clientHeight) view.scrollTop = top;
  }

  function mark(id, announce, focus) {
    for (const el of view.querySelectorAll('.card[aria-current]')) el.removeAttribute('aria-current');
    const card = cardOf(id);
    if (card) card.setAttribute('aria-current', 'true');
    reveal(id);
    if (card && focus) card.focus({ preventScroll: true });
    if (!announce) return;
    if (!card) { announcer.textContent = id ? t('selected-id', { id }) : t('cleared'); return; }
    const title = card.querySelector('h3'), summary = card.querySelector('.summary');
    announcer.textContent = t('selected', { title: title ? title.textContent : id, summary: summary ? summary.textContent : '' });
  }

  // A link in the text: select the card (the app reports it, and history.js adds the history entry). Before the map
  // runs, the URL and the text do it alone; the app reads the hash when it starts.
  function follow(id) {
    if (!cardOf(id)) return false;
    if (!explainer.select(id)) {
      history.pushState({ explainer: true }, '', location.pathname + location.search + '#node=' + encodeURIComponent(id));
      current = id;
    }
    mark(id, false, true);
    return true;
  }

  view.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href^="#node-"]');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (follow(decodeURIComponent(a.getAttribute('href').slice('#node-'.length)))) e.preventDefault();
  });

  // "Skip to the map": for keyboard users in the map view, before the text's many links.
  const skip = document.createElement('button');
  skip.type = 'button';
  skip.className = 'skip';
  skip.addEventListener('click', () => { setView('map'); canvas.focus(); });
  view.prepend(skip);

  // #node-ID (the text's own anchors, shared without JavaScript) means #node=ID here; the app reads the hash at start.
  function hashId(hash) {
    const m = /^#node[-=](.+)$/.exec(hash || '');
    if (!m) return null;
    try { return decodeURIComponent(m[1]); } catch (e) { return null; }
  }
  if (/^#node-/.test(location.hash) && hashId(location.hash)) {
    history.replaceState(history.state, '', location.pathname + location.search + '#node=' + encodeURIComponent(hashId(location.hash)));
  }
  current = hashId(location.hash);
  if (current) mark(current, false, false);
  // Back and Forward before the map runs: the text follows the URL (after, the app's report does).
  window.addEventListener('popstate', () => {
    if (mapReady) return;
    const id = hashId(location.hash);
    current = id;
    mark(id, false, view.contains(document.activeElement));
  });

  explainer.on('view', ({ selected, restored }) => {
    const changed = selected !== current;
    current = selected;
    if (changed) mark(current, true, restored && view.contains(document.activeElement));
  });

  // [SECTION] Content -----------------------------------------------------------------------------------------------
  // Category colours as a small SVG: one stripe per category (at most six), so tabs of different articles differ.
  function setFavicon(colours) {
    const valid = (colours || []).filter((c) => /^#[0-9a-fA-F]{6}$/.test(c)).slice(0, 6);
    if (!valid.length) return;
    const w = 64 / valid.length;
    const stripes = valid.map((c, i) => `<rect x="${(i * w).toFixed(2)}" y="0" width="${w.toFixed(2)}" height="64" fill="${c}"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><clipPath id="r"><rect width="64" height="64" rx="14"/></clipPath><g clip-path="url(#r)">${stripes}</g></svg>`;
    favicon.href = 'data:image/svg+xml,' + encodeURIComponent(svg);
  }

  // The app's text (core/export_html.cpp escapes every content string, so it is markup we wrote) replaces the
  // pre-rendered one only when it differs: same digest, same text, nothing to redo (and no layout shift).
  function render(html) {
    const old = view.querySelector('.explainer-text');
    const digest = /data-digest="([0-9a-f]+)"/.exec(html);
    if (old && digest && old.dataset.digest === digest[1]) return;
    const hadFocus = view.contains(document.activeElement);
    const template = document.createElement('template');
    template.innerHTML = html;
    if (old) old.replaceWith(template.content); else view.append(template.content);
    mark(current, false, hadFocus);
    if (hadFocus && !cardOf(current)) view.focus({ preventScroll: true });
  }

  explainer.on('content', (page) => {
    if (!page || !page.lang) return;
    document.title = page.title || 'Explainer';
    if (page.lang) document.documentElement.lang = page.lang;
    if (page.theme) document.documentElement.dataset.theme = page.theme;  // ?theme= may differ from the system's
    setFavicon(page.colours);
    // The link to the other language's page, only while the content has that language (a dropped file may not).
    for (const a of document.querySelectorAll('.lang-link a[hreflang]')) {
      a.parentElement.hidden = !!page.has_lang && page.has_lang[a.getAttribute('hreflang')] === false;
    }
    document.body.classList.toggle('embed', !!page.embed);
    skip.textContent = t('skip-to-map');
    if (page.html) render(page.html);  // else the page shows this text already
  });

  // ?lang=zh on a page in another language: the Chinese page (zh/, pre-rendered by build-wasm.sh) has the text, so it
  // reads in Chinese at once rather than when the map has started.
  // Only where the build made a zh/ page (it links to it): content in one language has none.
  if (/^zh/i.test(query.get('lang') || '') && !/^zh/i.test(document.documentElement.lang) && !explainer.singleFile &&
      document.querySelector('.lang-link a[hreflang="zh"]')) {
    fetch('zh/', { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => {
        const text = html && new DOMParser().parseFromString(html, 'text/html').querySelector('.explainer-text');
        if (!text || view.querySelector('.explainer-text').lang === text.lang) return;  // the app was quicker
        document.documentElement.lang = text.lang;
        render(text.outerHTML);
      })
      .catch(() => {});  // offline without a cached zh/, or no zh/ at all: the app re-renders it when it starts
  }

  // The text paints before the app's main() runs: main() (WebGL context, content, layout) is one long task, and when
  // the wasm is already compiled it started right after the scripts, with no rendering opportunity in between
  // (measured: parsing done at 2102 ms, main() at 2127 ms, first paint after it). One frame was not enough on a busy
  // machine (its 100 ms cap ran out first: the text painted after the map, in 2 of 3 bench runs), so main() waits for
  // the page's first contentful paint itself, which is the text, or 1 s should none come. Nothing waits when the
  // text has painted already; the downloads and the compilation go on meanwhile.
  if (window.Module && window.Module.preRun) {
    window.Module.preRun.push(() => {
      const M = window.Module;
      const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
      if (document.hidden || painted()) return;  // no frames in a background tab; or nothing to wait for
      M.addRunDependency('text-view-paint');
      let done = false;
      const go = () => { if (!done) { done = true; M.removeRunDependency('text-view-paint'); } };
      if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).includes('paint')) {
        new PerformanceObserver((list, observer) => {
          if (!list.getEntriesByName('first-contentful-paint').length) return;
          observer.disconnect();
          setTimeout(go, 0);
        }).observe({ type: 'paint', buffered: true });
      } else {
        requestAnimationFrame(() => setTimeout(go, 0));  // after the frame that paints the text
      }
      setTimeout(go, 1000);  // should no paint come
    });
  }

  // [SECTION] Hook --------------------------------------------------------------------------------------------------
  // The view is part of the reading state; explainer.view(v) switches it and returns the view now shown.
  const appState = explainer.state;
  explainer.state = function () { return Object.assign(appState.call(explainer), { view: shown() }); };
  explainer.view = setView;

  view.tabIndex = -1;  // a target for the focus when the card it held is gone
  skip.textContent = t('skip-to-map');
  applyView();
  explainer.ready.then(() => {
    mapReady = true;
    applyView();
    // A link followed before the map ran: make the app show what the URL says.
    const id = hashId(location.hash);
    if (id && explainer.state().selected !== id) explainer.applyHash(location.hash);
    if (shown() === 'text') reveal(current);
  }, () => {});
})();

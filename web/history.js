// history.js — deep links and the browser's Back/Forward. The app reports the hash that describes the view
// (#node=ID, or #tour=ID&step=N with N from 1); a change the reader made pushes a history entry, and popstate restores
// an entry without pushing again. Also the query's ?lang= and ?theme= as the reader switches them, and the "Copy
// link" button. Needs page.js (window.explainer).
'use strict';
(function () {
  let first = true;
  let embed = false;  // in an iframe the parent page owns the session history: replace, never push
  const base = () => location.pathname + location.search;

  window.explainer.on('content', (data) => { embed = !!(data && data.embed); });

  window.explainer.on('view', ({ hash, restored }) => {
    if (restored) {
      // An unknown id or a step past the end: show the URL of what is on screen instead.
      if (hash !== location.hash) history.replaceState(history.state, '', base() + hash);
      return;
    }
    if (hash === location.hash) { first = false; return; }
    if (first || embed) history.replaceState(history.state, '', base() + hash);
    else history.pushState({ explainer: true }, '', base() + hash);
    first = false;
  });

  window.addEventListener('popstate', () => { window.explainer.applyHash(location.hash); });

  // The query keeps the reader's language and theme, so a reload or a copied link shows the same page.
  const setQuery = (key, value) => {
    const u = new URL(location.href);
    if (value == null) u.searchParams.delete(key); else u.searchParams.set(key, value);
    history.replaceState(history.state, '', u.href);
  };
  // The reader switched language: the page's lang, ?lang= (none for the page's own language) and the text view.
  window.Module.onExplainerLang = (lang) => {
    document.documentElement.lang = lang;
    setQuery('lang', lang === (window.Module.explainerPageLang || 'en') ? null : lang);
    if (window.Module.onExplainerContent) window.Module.onExplainerContent();
  };
  // The theme: the page's colours follow from the start; ?theme= only once the reader switched it.
  window.Module.onExplainerTheme = (theme, first) => {
    document.documentElement.dataset.theme = theme;
    if (!first) setQuery('theme', theme);
  };

  // Copy link: inside the click, while it still counts as user activation (a timer would be refused).
  const copy = document.getElementById('copy-link');
  copy.addEventListener('click', () => {
    const url = location.href;
    const done = () => window.explainer.notice(window.explainer.t('link-copied', { url }));
    const manual = () => window.explainer.notice(window.explainer.t('copy-this', { url }));
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, manual);
    else manual();
  });
})();

// files.js — custom content: `?content=relative/path.json` (same origin only, fetched before the app starts), a
// dropped .json file, or one picked with the "Open file" button. A bad file keeps what is shown; the app lists its
// problems and the page says how many. Also the editor's download, and Ctrl+S kept for it. Needs page.js (window.Module,
// window.explainer).
'use strict';
(function () {
  // [SECTION] ?content= — fetched before main() runs, in place of the bundled article; main loads it, or reports
  // why it could not be fetched as a problem.
  const asked = new URLSearchParams(location.search).get('content');

  // Relative paths only: no scheme, no leading slash or backslash, and the resolved URL must stay on this origin.
  function resolveContent(path) {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) || /^[/\\]/.test(path)) {
      return { error: 'refused: ?content= takes a relative path on this site, such as articles/my-article.json' };
    }
    let url;
    try { url = new URL(path, location.href); } catch (e) { return { error: 'refused: not a valid path' }; }
    if (url.origin !== location.origin) return { error: 'refused: the content must come from this site' };
    return { url: url.href };
  }

  if (asked !== null) {
    // The pre-rendered text view is the bundled article, not the one asked for: it goes at once. The app renders the
    // asked one's text when it loads, or the page lists why it could not (page.js, onExplainerContentFailed).
    document.querySelectorAll('#text-view .explainer-text, #text-view .lang-link').forEach((el) => el.remove());
    const target = resolveContent(asked);
    const fetched = target.error
      ? Promise.resolve({ error: target.error })
      : fetch(target.url, { credentials: 'same-origin', cache: 'no-cache' })  // an author's correction, not a stale copy
        .then((r) => (r.ok ? r.arrayBuffer().then((b) => ({ bytes: new Uint8Array(b) })) : { error: `could not be fetched (HTTP ${r.status})` }))
        .catch(() => ({ error: 'could not be fetched (offline, or the file is missing)' }));
    window.Module.explainerContent = fetched;  // main() loads it, or reports the error as a problem (page.js)
  }

  // [SECTION] Drop and pick ------------------------------------------------------------------------------------------
  async function open(file) {
    if (!file) return;
    await window.explainer.ready;
    // Over the cap the bytes are not even read; the app reports the size.
    const tooBig = file.size > window.Module._explainer_max_bytes();
    const bytes = tooBig ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
    const result = tooBig ? loadTooBig(file) : window.explainer.load(bytes, file.name);
    const t = window.explainer.t, n = result.errors.length;
    if (result.ok) window.explainer.notice(t('opened', { name: file.name }));
    else window.explainer.notice(t(n === 1 ? 'not-opened-1' : 'not-opened-n', { name: file.name, n, first: result.errors[0] || '' }));
  }

  // explainer.load() refuses by size before copying; a zero-length stand-in with the real size gets that message.
  function loadTooBig(file) {
    const reply = window.Module.ccall('explainer_load', 'string', ['number', 'number', 'string'], [0, file.size, file.name]);
    return JSON.parse(reply);
  }

  // [SECTION] Save ---------------------------------------------------------------------------------------------------
  // Edit mode's "Download", on every route (bundled article, ?content=, an opened or dropped file): the content lives
  // in the page's memory, so the browser saves the edited JSON as a file; false when it cannot start a download.
  // The file's type follows its name, as a server would give it.
  const types = { json: 'application/json', md: 'text/markdown', canvas: 'application/json', html: 'text/html' };
  const typeOf = (name) => types[String(name).split('.').pop().toLowerCase()] || 'application/octet-stream';
  window.Module.onExplainerDownload = (text, name) => {
    try {
      const type = typeOf(name);
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      return true;
    } catch (e) {
      return false;
    }
  };

  // Ctrl+S in edit mode is the editor's Save (a download), not also the browser's "Save page as". Capture phase
  // and no stopPropagation: the app still receives the key.
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S') && window.explainer?.state?.().edit?.on) e.preventDefault();
  }, true);

  const input = document.getElementById('file-input');
  document.getElementById('open-file').addEventListener('click', () => input.click());
  input.addEventListener('change', () => { open(input.files[0]); input.value = ''; });

  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    document.body.classList.add('dropping');
  });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) document.body.classList.remove('dropping'); });
  document.addEventListener('drop', (e) => {
    document.body.classList.remove('dropping');
    if (!hasFiles(e)) return;
    e.preventDefault();
    open(e.dataTransfer.files[0]);
  });
})();

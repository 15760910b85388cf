// page.js — the page side of the explainer: loading status, the Emscripten Module settings, and the test/embedding
// hook window.explainer ({ready, state(), ...}). Loaded before explainer.js (the Emscripten output).
'use strict';
(function () {
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const progress = document.getElementById('status-progress');
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});  // a failure is shown on the page; an unawaited rejection is not an extra console error

  function fail(message) {
    statusBox.hidden = false;
    statusBox.classList.add('error');
    statusText.textContent = message;
    progress.hidden = true;
    rejectReady(new Error(message));
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  const canvas = document.getElementById('canvas');
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => {
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) { progress.value = (100 * Number(m[1])) / Number(m[2]); }
    },
    onExplainerFirstFrame: () => {
      window.__firstFrame = performance.now();
      statusBox.hidden = true;
      resolveReady();
    },
    onExplainerFatal: fail,
    onAbort: (what) => fail('The explainer stopped: ' + what),
  };

  window.explainer = {
    ready,
    state() {
      if (!window.Module.calledRun) return { content: { title: '', node_count: 0 }, frames: 0, errors: [] };
      return JSON.parse(window.Module.UTF8ToString(window.Module._explainer_state_json()));
    },
    select(id) {
      const ok = window.Module.ccall('explainer_select', 'number', ['string'], [id == null ? '' : String(id)]);
      return ok === 1;
    },
  };

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

  // Alt+Left/Right are the app's back/forward; without this the browser would leave the page.
  window.addEventListener('keydown', (e) => {
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) e.preventDefault();
  });
  // The mouse's back/forward buttons likewise.
  window.addEventListener('mouseup', (e) => { if (e.button === 3 || e.button === 4) e.preventDefault(); });

  if (!hasWebGL2()) fail('This explainer needs WebGL2, which this browser does not offer.');
})();

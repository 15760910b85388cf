// ime.js — text input for the app's text boxes through a real (hidden) text field, so input methods work: a canvas
// cannot receive Chinese, Japanese or Korean composition, dictation or emoji pickers.
//
// The app reports when one of its text boxes is active (Platform_SetImeDataFn in main_web.cpp calls
// Module.onExplainerIme); the page then moves the focus to #ime placed at the box's caret. Keys still reach the app
// through this GLFW's window listeners (page.js lets #ime through); characters typed with a keypress arrive that way
// too, so the field only forwards what has no keypress: committed compositions and inserted text.
'use strict';
(function () {
  const field = document.getElementById('ime');
  const canvas = document.getElementById('canvas');
  let active = false;
  let sawKeypress = false;     // the next input event repeats a character GLFW already delivered
  let composing = false;

  const send = (text) => {
    if (!text || !window.Module || !window.Module.calledRun) return;
    window.Module.ccall('explainer_text_input', null, ['string'], [text]);
  };

  window.Module = window.Module || {};
  window.Module.onExplainerIme = (want, x, y, lineHeight) => {
    if (want) {
      field.style.left = x + 'px';
      field.style.top = y + 'px';
      field.style.height = lineHeight + 'px';
      if (!active || document.activeElement !== field) field.focus({ preventScroll: true });
      active = true;
    } else if (active) {
      active = false;
      field.value = '';
      if (document.activeElement === field) canvas.focus({ preventScroll: true });
    }
  };

  field.addEventListener('keypress', () => { sawKeypress = true; });
  field.addEventListener('compositionstart', () => { composing = true; });
  field.addEventListener('compositionend', (e) => {
    composing = false;
    send(e.data);
    field.value = '';
  });
  field.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;                 // delivered at compositionend
    if (e.inputType === 'insertText' && !sawKeypress) send(e.data);  // dictation, pickers, scripted insertText
    sawKeypress = false;
    field.value = '';
  });
  // A click elsewhere in the app ends its text input; the app says so through onExplainerIme(false).
  field.addEventListener('blur', () => { sawKeypress = false; });
})();

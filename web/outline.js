// outline.js — a reading path for screen readers and keyboard users, generated from the content the app shows
// and kept in step with the canvas: headings per category, one button per card with its summary, links to its
// neighbours. Choosing here selects on the map; a selection on the map marks the button (aria-current), moves the
// focus to it when the focus is already in the outline, and is announced in a polite live region.
// Also sets the page title and a favicon drawn from the category colours. Needs page.js (window.explainer).
'use strict';
(function () {
  const nav = document.getElementById('outline');
  const announcer = document.getElementById('announce');
  const favicon = document.getElementById('favicon');
  const buttons = new Map();  // node id → its button
  let nodes = new Map();      // node id → {title, summary}, for links and announcements
  let current = null;
  const t = window.explainer.t;  // the page's words in the reading language

  function el(tag, attrs = {}, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function choose(id, focusButton) {
    window.explainer.select(id);
    if (focusButton && buttons.has(id)) buttons.get(id).focus();
  }

  // Category colours as a small SVG: one stripe per category (at most six), so tabs of different articles differ.
  function setFavicon(categories) {
    const colours = categories.map((c) => c.colour).filter((c) => /^#[0-9a-fA-F]{6}$/.test(c)).slice(0, 6);
    if (!colours.length) return;
    const w = 64 / colours.length;
    const stripes = colours.map((c, i) => `<rect x="${(i * w).toFixed(2)}" y="0" width="${w.toFixed(2)}" height="64" fill="${c}"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><clipPath id="r"><rect width="64" height="64" rx="14"/></clipPath><g clip-path="url(#r)">${stripes}</g></svg>`;
    favicon.href = 'data:image/svg+xml,' + encodeURIComponent(svg);
  }

  function build(data) {
    if (!data || !data.nodes) return;
    const hadFocus = nav.contains(document.activeElement);
    nav.replaceChildren();
    buttons.clear();
    nodes = new Map(data.nodes.map((n) => [n.id, n]));
    document.title = data.title || 'Explainer';
    if (data.lang) document.documentElement.lang = data.lang;
    if (data.theme) document.documentElement.dataset.theme = data.theme;  // ?theme= may differ from the system's
    setFavicon(data.categories || []);
    document.body.classList.toggle('embed', !!data.embed);

    nav.append(el('h1', {}, data.title || 'Explainer'));
    if (data.summary) nav.append(el('p', {}, data.summary));
    nav.append(el('p', { class: 'hint' }, t('outline-hint')));
    const skip = el('button', { type: 'button', class: 'skip' }, t('skip-to-map'));
    skip.addEventListener('click', () => document.getElementById('canvas').focus());
    nav.append(skip);

    const byCategory = new Map((data.categories || []).map((c) => [c.id, []]));
    const other = [];
    for (const n of data.nodes) (byCategory.get(n.category) || other).push(n);
    const groups = (data.categories || []).map((c) => ({ label: c.label, description: c.description, nodes: byCategory.get(c.id) }));
    if (other.length) groups.push({ label: t('other'), description: '', nodes: other });

    groups.forEach((g, gi) => {
      if (!g.nodes.length) return;
      const section = el('section', { 'aria-labelledby': `outline-cat-${gi}` });
      section.append(el('h2', { id: `outline-cat-${gi}` }, g.label));
      if (g.description) section.append(el('p', {}, g.description));
      const list = el('ul');
      g.nodes.forEach((n) => {
        const item = el('li');
        const summaryId = `outline-sum-${buttons.size}`;
        const button = el('button', { type: 'button', 'aria-describedby': summaryId }, n.title);
        button.addEventListener('click', () => choose(n.id, false));
        buttons.set(n.id, button);
        item.append(button, el('p', { id: summaryId }, n.summary));
        for (const group of n.neighbours || []) {
          const line = el('p', { class: 'links' }, group.reading + ': ');
          group.ids.forEach((id, i) => {
            if (i) line.append(', ');
            const a = el('a', { href: '#node=' + encodeURIComponent(id) }, (nodes.get(id) || { title: id }).title);
            a.addEventListener('click', (e) => { e.preventDefault(); choose(id, true); });
            line.append(a);
          });
          item.append(line);
        }
        list.append(item);
      });
      section.append(list);
      nav.append(section);
    });
    mark(current, false);
    if (hadFocus) (buttons.get(current) || nav.querySelector('button')).focus();
  }

  function mark(id, announce) {
    for (const b of buttons.values()) b.removeAttribute('aria-current');
    const button = id ? buttons.get(id) : null;
    if (button) {
      button.setAttribute('aria-current', 'true');
      if (nav.contains(document.activeElement) && document.activeElement !== button) button.focus();
    }
    if (!announce) return;
    const n = id ? nodes.get(id) : null;
    announcer.textContent = n ? t('selected', { title: n.title, summary: n.summary }) : id ? t('selected-id', { id }) : t('cleared');
  }

  window.explainer.on('content', build);
  window.explainer.on('view', ({ selected }) => {
    const changed = selected !== current;
    current = selected;
    if (changed) mark(current, true);
  });
})();

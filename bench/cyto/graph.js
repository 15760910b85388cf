// graph.js — baseline (2) of the web benchmarks: the same content graph as the explainer (nodes and edges of a
// content JSON, labels = English titles) drawn by cytoscape.js with a layered layout (cytoscape-dagre, left to
// right like the explainer's). ?content=FILE picks the file (default article.json).
// Hooks for the harness: window.__firstFrame = the first requestAnimationFrame after cytoscape drew the laid-out
// graph; window.__layoutMs = time spent in the layout; window.__frames = cytoscape 'render' events (frames drawn).
'use strict';
(async function () {
  window.__frames = 0;
  const text = (t) => (typeof t === 'string' ? t : t && (t.en || Object.values(t)[0])) || '';
  const file = new URLSearchParams(location.search).get('content') || 'article.json';
  const doc = await (await fetch(file)).json();
  const ids = new Set(doc.nodes.map((n) => n.id));
  const elements = doc.nodes.map((n) => ({ data: { id: n.id, label: text(n.title) } }));
  doc.edges.forEach((e, i) => {
    if (ids.has(e.from) && ids.has(e.to)) elements.push({ data: { id: 'e' + i, source: e.from, target: e.to } });
  });
  cytoscape.use(cytoscapeDagre);
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    style: [
      { selector: 'node', style: { shape: 'round-rectangle', width: 180, height: 60, label: 'data(label)',
        'text-wrap': 'wrap', 'text-max-width': 160, 'text-valign': 'center', 'font-size': 12,
        'background-color': '#e8eef5', 'border-width': 1, 'border-color': '#7a8a9a' } },
      { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
        'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1' } },
    ],
  });
  cy.on('render', () => { window.__frames++; });
  const t0 = performance.now();
  cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 28, rankSep: 140, animate: false }).run();
  window.__layoutMs = performance.now() - t0;
  window.__nodeCount = cy.nodes().length;
  cy.one('render', () => requestAnimationFrame(() => { window.__firstFrame = performance.now(); }));
})();

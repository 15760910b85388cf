// minify-glue.mjs IN OUT — mangles the names of Emscripten's JS glue (explainer.js) for the site (build-wasm.sh).
// Emscripten 3.1.6 only strips whitespace without Closure, and Debian's Closure Compiler is from 2013. The glue runs
// inside a function that takes the page's Module, so every one of its top-level names is local and can be mangled,
// and none leaks into the page's global scope; the page reaches the glue only through Module's quoted properties,
// which terser never renames.
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/minify-glue.mjs explainer.js out.js');
  process.exit(2);
}
const glue = readFileSync(input, 'utf8');
const wrapped = `(function (Module) {\n${glue}\n})(window.Module);\n`;
const result = await minify(wrapped, { ecma: 2018, compress: { passes: 2 }, mangle: true, format: { comments: false } });
writeFileSync(output, result.code);

// check-schema.mjs — do the JSON Schema (assets/schema/explainer.schema.json) and the C++ loader agree?
//
//   node tests/schema/check-schema.mjs path/to/validate_tool
//
// Good and warning fixtures, and assets/content/*.json: the schema accepts them and the loader loads them.
// Bad fixtures (tests/fixtures/bad, expected problems in bad/expected.json) fall in three classes:
//   schema      the schema refuses it, at the loader's pointer (or an ancestor of it), and so does the loader;
//   loader      JSON Schema cannot express the rule: the schema accepts it and only the loader refuses it;
//   not-json    not JSON text at all (encoding, syntax): JSON.parse refuses it and so does the loader.
// Prints one line per check and a final "N passed, N failed"; exits 1 on any disagreement.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests/fixtures');
const tool = process.argv[2];
if (!tool || !existsSync(tool)) {
  console.error('usage: node tests/schema/check-schema.mjs path/to/validate_tool');
  process.exit(2);
}

// Rules JSON Schema cannot state; the loader is the only judge of these.
const LOADER_ONLY = {
  'deep.json': 'nesting depth',
  'dangling-citation.json': 'references must name an existing id',
  'dangling-edge-kind.json': 'references must name an existing id',
  'dangling-edge-to.json': 'references must name an existing id',
  'dangling-node-category.json': 'references must name an existing id',
  'dangling-step-node.json': 'references must name an existing id',
  'duplicate-category-id.json': 'ids must be unique',
  'duplicate-edge-id.json': 'ids must be unique',
  'duplicate-edge-kind-id.json': 'ids must be unique',
  'duplicate-node-id.json': 'ids must be unique',
  'duplicate-id-follow-on.json': 'ids must be unique',
  'duplicate-paragraph-id.json': 'ids must be unique',
  'duplicate-tour-id.json': 'ids must be unique',
  'quote-not-found.json': 'a quote must occur in the cited paragraph',
  'quote-wrong-language.json': 'a quote must occur in the cited paragraph',
  'quote-language-missing.json': 'a quote must occur in the cited paragraph',
  'self-loop.json': 'an edge must join two different nodes',
};
// Not JSON text: refused before any schema could apply.
const NOT_JSON = {
  'empty.json': 'empty file',
  'whitespace-only.json': 'no value',
  'utf16-le-bom.json': 'not UTF-8',
  'utf16-be.json': 'not UTF-8',
  'utf32-le-bom.json': 'not UTF-8',
  'latin1.json': 'not UTF-8',
  'nul-byte.json': 'NUL byte',
  'syntax-comment.json': 'syntax',
  'syntax-line-break-in-string.json': 'syntax',
  'syntax-missing-comma.json': 'syntax',
  'syntax-single-quotes.json': 'syntax',
  'syntax-trailing-comma.json': 'syntax',
  'syntax-truncated.json': 'syntax',
  'syntax-unescaped-quote.json': 'syntax',
  'syntax-curly-quotes.json': 'syntax',
  'syntax-curly-close.json': 'syntax',
  'truncated-utf8.json': 'not UTF-8',
};

// Messages of loader-only rules, for fixtures that mix them with schema-expressible errors.
const LOADER_ONLY_MESSAGE = /^no .* with id|^duplicate .* id|^quote not found|^paragraph .* has no .* text|to itself$|nested more than/;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'assets/schema/explainer.schema.json'), 'utf8')));

let passed = 0, failed = 0;
function report(ok, file, what) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.relative(root, file)}: ${what}`);
}

// Strict UTF-8, as the loader reads it (Node's default decoding would silently replace bad bytes).
function parseStrict(file) {
  try {
    let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(readFileSync(file));
    if (text.trim() === '') return { ok: false };
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function loader(file) {
  const r = spawnSync(tool, [file], { encoding: 'utf8' });
  return { status: r.status, output: (r.stdout || '') + (r.stderr || '') };
}

function jsonFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort().map((f) => path.join(dir, f));
}

const schemaErrors = () => (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`).slice(0, 3).join('; ');

// Accepted by both.
for (const file of [...jsonFiles(path.join(fixtures, 'good')), ...jsonFiles(path.join(fixtures, 'warn')),
                    ...jsonFiles(path.join(root, 'assets/content'))]) {
  const parsed = parseStrict(file);
  const schemaOk = parsed.ok && validate(parsed.value);
  const l = loader(file);
  report(schemaOk && l.status === 0, file,
         `schema ${schemaOk ? 'accepts' : 'refuses (' + schemaErrors() + ')'}, loader ${l.status === 0 ? 'accepts' : 'refuses:\n' + l.output}`);
}

// Refused by both, each for the reason its class says.
const expected = JSON.parse(readFileSync(path.join(fixtures, 'bad/expected.json'), 'utf8'));
for (const file of jsonFiles(path.join(fixtures, 'bad'))) {
  const name = path.basename(file);
  const wanted = expected[name];
  if (!wanted) { report(false, file, 'missing from bad/expected.json'); continue; }
  const l = loader(file);
  // Lines read "FILE[:LINE:COLUMN]: /pointer[ (node id)]: message".
  const missing = wanted.filter((w) => !l.output.split('\n').some(
      (line) => (line.includes(`: ${w.pointer || '/'}: `) || line.includes(`: ${w.pointer || '/'} (`)) && line.includes(w.contains)));
  const loaderOk = l.status === 1 && missing.length === 0;
  const loaderWhat = loaderOk ? 'loader refuses' : `loader ${l.status === 1 ? 'refuses, but without ' + JSON.stringify(missing) : 'ACCEPTS'}:\n${l.output}`;
  const parsed = parseStrict(file);
  if (NOT_JSON[name]) {
    report(!parsed.ok && loaderOk, file, `not JSON (${NOT_JSON[name]}): JSON.parse ${parsed.ok ? 'ACCEPTS' : 'refuses'}, ${loaderWhat}`);
  } else if (!parsed.ok) {
    report(false, file, 'JSON.parse refuses it: list it in NOT_JSON or fix the fixture');
  } else if (LOADER_ONLY[name]) {
    const schemaOk = validate(parsed.value);
    report(schemaOk && loaderOk, file, `beyond JSON Schema (${LOADER_ONLY[name]}): schema ${schemaOk ? 'accepts' : 'refuses (' + schemaErrors() + '): move it to the schema class'}, ${loaderWhat}`);
  } else {
    const schemaOk = validate(parsed.value);
    const paths = (validate.errors || []).map((e) => e.instancePath);
    const within = (q, p) => q === p || q.startsWith(p + '/');
    // Every expected problem the schema can express is found at the loader's pointer or an ancestor of it
    // ("EN" is a bad key of /meta/title) ...
    const unmatched = wanted.filter((w) => !LOADER_ONLY_MESSAGE.test(w.contains) && !paths.some((p) => within(w.pointer, p)));
    // ... and the schema objects to nothing the loader lets through.
    const loaderPointers = l.output.split('\n').map((line) => /^.*?: (\/[^:\s]*)(?: \([^)]*\))?: (?!warning:)/.exec(line))
        .filter(Boolean).map((m) => (m[1] === '/' ? '' : m[1]));
    const extra = paths.filter((p) => !loaderPointers.some((q) => within(q, p) || within(p, q)));
    report(!schemaOk && unmatched.length === 0 && extra.length === 0 && loaderOk, file,
           `schema ${schemaOk ? 'ACCEPTS' : unmatched.length ? 'misses ' + JSON.stringify(unmatched) + ' (' + schemaErrors() + ')'
                     : extra.length ? 'also refuses ' + JSON.stringify(extra) + ' where the loader does not' : 'refuses'}, ${loaderWhat}`);
  }
}
for (const name of Object.keys(expected))
  if (!existsSync(path.join(fixtures, 'bad', name))) report(false, path.join(fixtures, 'bad', name), 'listed in expected.json but missing');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

#!/usr/bin/env bash
# test_cli.sh EXPLAINER — the command line contract: exit codes, --validate output, --export-markdown, --export-html.
set -uo pipefail
exe="$1"; here="$(cd "$(dirname "$0")/.." && pwd)"
pass=0; fail=0
check() {  # check NAME EXPECTED_EXIT GREP_PATTERN -- COMMAND...
  local name="$1" want="$2" pattern="$3"; shift 4
  local out; out=$("$@" 2>&1); local got=$?
  if [ "$got" = "$want" ] && { [ -z "$pattern" ] || LC_ALL=C.UTF-8 grep -qP -- "$pattern" <<<"$out"; }; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: $name (exit $got, want $want; pattern '$pattern')"; echo "$out" | head -20
  fi
}
check "version" 0 '^explainer [0-9]+\.[0-9]+\.[0-9]+ \(Dear ImGui 1\.92' -- "$exe" --version
check "help" 0 'usage: explainer' -- "$exe" --help
check "unknown option" 2 'unknown option --nope' -- "$exe" --nope
check "option missing its value" 2 '^explainer: --lang needs a value$' -- "$exe" --lang
check "unknown option where a value is due" 2 '^explainer: unknown option --nope$' -- "$exe" --lang --nope
check "flag given a value" 2 '^explainer: --help takes no value$' -- "$exe" --help=1
check "usage error shows the usage" 2 '^  --theme light\|dark         colour theme' -- "$exe" --nope
check "help: a long option keeps one space" 0 '^  --screenshot OUT\.png \[FILE\] render the map' -- "$exe" --help
check "help: continued lines line up" 0 '^ {29}as JSON to FILE' -- "$exe" --help
check "validate needs files" 2 'needs at least one FILE' -- "$exe" --validate
check "bundled article valid, no warning" 0 'article.json: ok \([0-9]+ nodes, [0-9]+ edges, [0-9]+ tours, 0 warnings\)' -- "$exe" --validate "$here/../assets/content/article.json"
check "bad edge target named" 1 "/edges/[0-9]+/to: no node with id" -- "$exe" --validate "$here/fixtures/bad/dangling-edge-to.json"
check "several files, one bad" 1 'empty' -- "$exe" --validate "$here/fixtures/good/minimal.json" "$here/fixtures/bad/empty.json"
check "missing file" 1 'nope.json' -- "$exe" --validate "$here/nope.json"
check "markdown export" 0 '^# ' -- "$exe" --export-markdown
check "markdown reads edges" 0 '\*\*[^*]+\*\* (drives|is part of|threatens) \*\*' -- "$exe" --export-markdown
check "markdown in Chinese" 0 '[\x{4e00}-\x{9fff}]' -- "$exe" --export-markdown --lang zh
check "html export" 0 '^<div class="explainer-text" lang="en"' -- "$exe" --export-html
check "html export in Chinese" 0 '<h1>[\x{4e00}-\x{9fff}]' -- "$exe" --export-html --lang zh
check "html export is well-formed" 0 '^wellformed$' -- bash -c '"$1" --export-html | xmllint --noout - && echo wellformed' _ "$exe"
check "html export refuses bad content" 1 'nothing exported' -- "$exe" --export-html "$here/fixtures/bad/dangling-edge-to.json"
check "bad file refuses to open" 1 'no node with id' -- "$exe" "$here/fixtures/bad/dangling-edge-to.json"
check "bilingual article has every zh translation" 0 'ok' -- "$exe" --validate --require-lang zh "$here/../assets/content/article.json"
check "English-only file lacks zh" 1 'missing "zh" translation' -- "$exe" --validate --require-lang zh "$here/fixtures/good/minimal.json"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

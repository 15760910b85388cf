#!/usr/bin/env bash
# test_authoring.sh EXPLAINER — the authoring tools: JSON Canvas export/import, screenshots, and live reload of the
# desktop window (which reports its state through --report-state). Needs a display: runs itself under xvfb-run.
set -uo pipefail
if [ -z "${EXPLAINER_IN_XVFB:-}" ]; then
  exec env EXPLAINER_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
exe="$(realpath "$1")"; here="$(cd "$(dirname "$0")/.." && pwd)"
article="$here/../assets/content/article.json"
tmp="$(mktemp -d)"; app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() {  # check NAME EXPECTED_EXIT GREP_PATTERN -- COMMAND...
  local name="$1" want="$2" pattern="$3"; shift 4
  local out; out=$("$@" 2>&1); local got=$?
  if [ "$got" = "$want" ] && { [ -z "$pattern" ] || LC_ALL=C.UTF-8 grep -qP -- "$pattern" <<<"$out"; }; then ok
  else bad "$name (exit $got, want $want; pattern '$pattern')"; echo "$out" | head -20; fi
}
py() { /usr/bin/python3 - "$@"; }

# --- JSON Canvas ----------------------------------------------------------------------------------------------------
# The spec's rules (jsoncanvas.org 1.0): node types and their fields, integer geometry, unique ids, resolving edges.
canvas_rules='
import json, re, sys
c = json.load(open(sys.argv[1]))
errs = []
ids = set(); nodes = set()
for i, n in enumerate(c.get("nodes", [])):
    t = n.get("type")
    if t not in ("text", "file", "link", "group"): errs.append(f"node {i}: type {t!r}")
    for k in ("x", "y", "width", "height"):
        if not isinstance(n.get(k), int) or isinstance(n.get(k), bool): errs.append(f"node {i}: {k} not an integer")
    need = {"text": "text", "file": "file", "link": "url"}.get(t)
    if need and not isinstance(n.get(need), str): errs.append(f"node {i}: no {need}")
    col = n.get("color")
    if col is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}|[1-6]", col): errs.append(f"node {i}: color {col}")
    if n.get("id") in ids: errs.append(f"node {i}: duplicate id")
    ids.add(n.get("id")); nodes.add(n.get("id"))
for i, e in enumerate(c.get("edges", [])):
    if e.get("id") in ids: errs.append(f"edge {i}: duplicate id")
    ids.add(e.get("id"))
    if e.get("fromNode") not in nodes or e.get("toNode") not in nodes: errs.append(f"edge {i}: dangling")
    for k in ("fromSide", "toSide"):
        if k in e and e[k] not in ("top", "right", "bottom", "left"): errs.append(f"edge {i}: {k}")
texts = sum(1 for n in c["nodes"] if n["type"] == "text")
edges = len(c["edges"])
print(f"{texts} text nodes, {edges} edges"); print("\n".join(errs)); sys.exit(1 if errs else 0)'

check "export canvas" 0 '' -- "$exe" --export-canvas "$tmp/article.canvas" "$article"
check "canvas follows the spec" 0 '^[1-9][0-9]* text nodes, [1-9][0-9]* edges$' -- py "$tmp/article.canvas" <<<"$canvas_rules"
check "canvas in Chinese" 0 '' -- "$exe" --export-canvas "$tmp/zh.canvas" --lang zh "$article"
check "Chinese text exported" 0 '[\x{4e00}-\x{9fff}]' -- cat "$tmp/zh.canvas"
"$exe" --import-canvas "$tmp/article.canvas" >"$tmp/back.json" 2>"$tmp/back.err" && ok || { bad "import exported canvas"; cat "$tmp/back.err"; }
check "imported canvas validates" 0 'back.json: ok \([0-9]+ nodes' -- "$exe" --validate "$tmp/back.json"
# Positions travel as hints: exporting the imported content gives the same cards at the same places.
check "re-export" 0 '' -- "$exe" --export-canvas "$tmp/again.canvas" "$tmp/back.json"
check "canvas round trip keeps geometry" 0 '^same$' -- py "$tmp/article.canvas" "$tmp/again.canvas" <<<'
import json, sys
cards = lambda p: sorted((n["id"], n["x"], n["y"], n["width"], n["height"]) for n in json.load(open(p))["nodes"] if n["type"] == "text")
a, b = cards(sys.argv[1]), cards(sys.argv[2])
print("same" if a == b and a else f"differ: {len(a)} vs {len(b)}")'
check "same node and edge counts" 0 '^same$' -- py "$article" "$tmp/back.json" <<<'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print("same" if [n["id"] for n in a["nodes"]] == [n["id"] for n in b["nodes"]] and len(a["edges"]) == len(b["edges"]) else "differ")'

"$exe" --import-canvas "$here/fixtures/canvas/hand.canvas" >"$tmp/hand.json" 2>"$tmp/hand.err" && ok || { bad "import hand.canvas"; cat "$tmp/hand.err"; }
check "hand canvas validates" 0 'hand.json: ok \(9 nodes, 4 edges' -- "$exe" --validate "$tmp/hand.json"
check "hand canvas warns about a file:// link" 0 'hand.canvas: /nodes/10/url: warning: only http\(s\)' -- cat "$tmp/hand.err"
check "bad canvas: syntax" 1 'bad-syntax.canvas: /nodes/1: trailing comma at line 1' -- "$exe" --import-canvas "$here/fixtures/canvas/bad-syntax.canvas"
check "bad canvas: geometry" 1 'bad-geometry.canvas: /nodes/0/x: expected an integer, got 0\.5' -- "$exe" --import-canvas "$here/fixtures/canvas/bad-geometry.canvas"
check "bad canvas: missing id" 1 '/nodes/1: missing required field "id"' -- "$exe" --import-canvas "$here/fixtures/canvas/bad-geometry.canvas"
printf '{"nodes":[{"id":"a","type":"text","x":0,"y":0,"width":9,"height":9,"text":"A"}],"edges":[{"id":"e","fromNode":"a","toNode":"b"}]}' >"$tmp/dangling.canvas"
check "bad canvas: dangling edge" 1 'dangling.canvas: /edges/0/toNode: no node with id "b"' -- "$exe" --import-canvas "$tmp/dangling.canvas"
check "bad canvas: missing file" 1 'nope.canvas' -- "$exe" --import-canvas "$tmp/nope.canvas"
check "import prints nothing on error" 0 '^$' -- sh -c "'$exe' --import-canvas '$tmp/dangling.canvas' 2>/dev/null; true"
check "export refuses bad content" 1 'no node with id' -- "$exe" --export-canvas "$tmp/x.canvas" "$here/fixtures/bad/dangling-edge-to.json"
check "import takes no FILE" 2 'takes no FILE' -- "$exe" --import-canvas "$tmp/article.canvas" "$article"
check "import needs a value" 2 'needs a value' -- "$exe" --import-canvas

# --- Screenshots ----------------------------------------------------------------------------------------------------
check "screenshot" 0 '' -- "$exe" --screenshot "$tmp/light.png" --size 1024x640 "$article"
check "screenshot size" 0 '^1024x640$' -- identify -format '%wx%h' "$tmp/light.png"
colours=$(convert "$tmp/light.png" -format %k info: 2>/dev/null || echo 0)
[ "$colours" -gt 200 ] && ok || bad "screenshot looks blank ($colours colours)"
check "screenshot dark, selected" 0 '' -- "$exe" --screenshot "$tmp/dark.png" --theme dark --select "$(py "$article" <<<'import json,sys; print(json.load(open(sys.argv[1]))["nodes"][0]["id"])')" "$article"
# The dark theme's canvas is dark: the mean brightness is low; the light one is high.
check "dark is dark, light is light" 0 '^yes$' -- sh -c "d=\$(convert '$tmp/dark.png' -colorspace Gray -format '%[fx:mean<0.4]' info:); l=\$(convert '$tmp/light.png' -colorspace Gray -format '%[fx:mean>0.6]' info:); [ \"\$d\$l\" = 11 ] && echo yes || echo \"no: dark \$d light \$l\""
check "screenshot: bad size" 2 '--size must be' -- "$exe" --screenshot "$tmp/x.png" --size 10x10
check "screenshot: unknown node" 2 'no node with id "nope"' -- "$exe" --screenshot "$tmp/x.png" --select nope
check "screenshot: bad content" 1 'no node with id' -- "$exe" --screenshot "$tmp/x.png" "$here/fixtures/bad/dangling-edge-to.json"
check "screenshot: unwritable" 1 'cannot write' -- "$exe" --screenshot "$tmp/no/such/dir.png" --size 200x200

# --- Live reload ----------------------------------------------------------------------------------------------------
map="$tmp/map.json"; state="$tmp/state.json"
cp "$here/fixtures/good/complete.json" "$map"
# As root the app runs without the capabilities that let root read any file, so that chmod 000 means to it what it
# means to an author.
as_author=()
if [ "$(id -u)" = 0 ]; then
  as_author=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search)
fi
"${as_author[@]}" "$exe" --report-state "$state" --select wages "$map" 2>"$tmp/app.err" &
app_pid=$!
wait_loads() {  # wait_loads N: until the report says N content loads happened (20 s at most)
  for _ in $(seq 1 100); do
    [ -f "$state" ] && [ "$(py "$state" <<<'import json,sys; print(json.load(open(sys.argv[1]))["loads"])')" = "$1" ] && return 0
    sleep 0.2
  done
  return 1
}
field() { py "$state" "$1" <<<'import json,sys; s=json.load(open(sys.argv[1])); print(json.dumps(eval(sys.argv[2], {"s": s}), sort_keys=True))'; }
if wait_loads 1; then ok; else bad "the window never reported its first load"; cat "$tmp/app.err"; fi
camera0=$(field 's["camera"]')
[ "$(field 's["selected"]')" = '"wages"' ] && ok || bad "--select wages not selected: $(field 's["selected"]')"

# An editor that saves by writing a new file and renaming it over the old one: new title, a card far away.
py "$map" <<<'
import json, sys
d = json.load(open(sys.argv[1]))
d["meta"]["title"] = "Edited live"
d["nodes"].append({"id": "far", "category": "effect", "title": "Far away", "summary": "A card the fit would chase.",
                   "citations": [{"paragraph": "p1"}], "position": {"x": 4000, "y": 3000}})
open(sys.argv[1] + ".new", "w").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")'
mv "$map.new" "$map"
if wait_loads 2; then ok; else bad "the saved change was not reloaded"; fi
[ "$(field 's["content"]')" = '{"node_count": 4, "title": "Edited live"}' ] && ok || bad "reload content: $(field 's["content"]')"
[ "$(field 's["errors"]')" = '[]' ] && ok || bad "reload errors: $(field 's["errors"]')"
[ "$(field 's["selected"]')" = '"wages"' ] && ok || bad "selection lost on reload: $(field 's["selected"]')"
[ "$(field 's["camera"]')" = "$camera0" ] && ok || bad "camera moved on reload: $camera0 → $(field 's["camera"]')"

# A broken save: problems reported, the last good content stays.
printf '{"meta": {"title": "Half' >"$map"
if wait_loads 3; then ok; else bad "the broken save was not noticed"; fi
field 's["errors"]' | grep -q 'map.json: /meta/title: ' && ok || bad "broken save: no problem reported: $(field 's["errors"]')"
[ "$(field 's["content"]')" = '{"node_count": 4, "title": "Edited live"}' ] && ok || bad "broken save replaced the map: $(field 's["content"]')"
[ "$(field 's["selected"]')" = '"wages"' ] && ok || bad "broken save lost the selection"

# The file briefly missing (delete, then write): no load while it is gone, then the fixed file loads.
rm "$map"; sleep 1.2
cp "$here/fixtures/good/complete.json" "$map"
if wait_loads 4; then ok; else bad "the file that came back was not reloaded: loads $(field 's["loads"]')"; fi
[ "$(field 's["errors"]')" = '[]' ] && [ "$(field 's["content"]["node_count"]')" = 3 ] && ok || bad "fixed file: $(field 's')"

# Unreadable, then readable again (chmod): the problem shows and the map stays, then the file loads again.
chmod 000 "$map"
if wait_loads 5; then ok; else bad "an unreadable file was not noticed"; fi
field 's["errors"]' | grep -q 'map.json: /: cannot open the file: permission denied' && ok || bad "unreadable: $(field 's["errors"]')"
[ "$(field 's["content"]["node_count"]')" = 3 ] && ok || bad "unreadable file replaced the map: $(field 's["content"]')"
chmod 644 "$map"
if wait_loads 6; then ok; else bad "the file readable again was not reloaded: loads $(field 's["loads"]')"; fi
[ "$(field 's["errors"]')" = '[]' ] && ok || bad "readable again: $(field 's["errors"]')"

# A same-size replacement with the old modification time restored (cp -p, rsync -a): seen by its bytes.
py "$map" "$tmp/same.json" <<<'
import sys
t = open(sys.argv[1]).read()
open(sys.argv[2], "w").write(t.replace("Why the talent pipeline matters", "How the talent pipeline matters"))'
touch -r "$map" "$tmp/same.json"
cp -p "$tmp/same.json" "$map"
if wait_loads 7; then ok; else bad "a same-size replacement with a restored mtime was not reloaded"; fi
[ "$(field 's["content"]["title"]')" = '"How the talent pipeline matters"' ] && ok || bad "restored mtime: $(field 's["content"]')"
kill -0 "$app_pid" 2>/dev/null && ok || bad "the app exited during live reload"
kill "$app_pid"; wait "$app_pid" 2>/dev/null; app_pid=""

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

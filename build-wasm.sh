#!/usr/bin/env bash
# build-wasm.sh — build the browser version and assemble a static site in site/ that any static server can host, plus
# site-single/explainer.html, the same explainer as one self-contained file (mail, USB stick, file://). The pages carry
# the whole article as text (the text view), pre-rendered: index.html in the content's language, zh/index.html in
# Chinese, so both read before any script runs, with JavaScript off, and for search engines and link previews.
#   ./build-wasm.sh                 build into site/ and site-single/
#   ./build-wasm.sh --single-file   build, assemble only site-single/explainer.html
#   ./build-wasm.sh --serve [PORT]  build, then serve site/ on http://127.0.0.1:PORT/ (default 8080)
#   ./build-wasm.sh --from DIR --out DIR   assemble from an existing Emscripten build folder (no compile)
#   ./build-wasm.sh --content my.json      your own article instead of the bundled one: the site, the single file
#                                          and the offline copy open it by default (checked first; no recompile)
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs Debian's acorn with this Node.js

serve=0; port=8080; single_only=0; from=""; site=site; single=site-single; content=assets/content/article.json
while [ $# -gt 0 ]; do
  case "$1" in
    --serve) serve=1; if [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]]; then port="$2"; shift; fi ;;
    --single-file) single_only=1 ;;
    --from) from="${2:?--from needs a build folder}"; shift ;;
    --out) site="${2:?--out needs a folder}"; single="$2-single"; shift ;;
    --content) content="${2:?--content needs a JSON file}"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build-wasm.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

[ -f "$content" ] || { echo "build-wasm.sh: --content $content: no such file" >&2; exit 2; }

if [ -z "$from" ]; then
  scripts/setup.sh
  cmake --preset wasm-release >/dev/null
  cmake --build --preset wasm-release
  from=build/wasm-release
fi
for f in explainer.js explainer.wasm; do
  [ -f "$from/$f" ] || { echo "build-wasm.sh: $from/$f is missing" >&2; exit 1; }
done

web_files=(style.css page.js textview.js history.js files.js ime.js favicon.svg manifest.webmanifest sw.js)

# --- the text view, pre-rendered into the pages (core/export_html.h through explainer-prerender, core only) ---------
prerender="${EXPLAINER_PRERENDER:-}"
if [ -z "$prerender" ]; then
  cmake --preset native-release >/dev/null
  cmake --build --preset native-release --target explainer-prerender >/dev/null
  prerender=build/native-release/explainer-prerender
fi
pages=build/pages
rm -rf "$pages" && mkdir -p "$pages"
# The prerender loads the content with the app's own loader: a file with errors stops the build here, its problems
# listed above, before anything is assembled.
if ! "$prerender" - "$content" > "$pages/default.json"; then
  echo "build-wasm.sh: $content has errors (listed above); nothing assembled. Check it with explainer --validate." >&2
  exit 1
fi
"$prerender" zh "$content" > "$pages/zh.json"
python3 scripts/prerender-pages.py web/index.html "$pages"

# --- the app's files: the glue with its names mangled (scripts/minify-glue.mjs), the wasm, and the content as
# explainer.data: the article's JSON as it is, which the page fetches and hands to main() (--content: the author's
# file; nothing is compiled again). ----------------------------------------------------------------------------------
app=build/app-files
rm -rf "$app" && mkdir -p "$app"
node scripts/minify-glue.mjs "$from/explainer.js" "$app/explainer.js"
cp "$from/explainer.wasm" "$app/"
cp "$content" "$app/explainer.data"
from="$app"

# The service worker's cache is named after the build, so a new build replaces what readers have cached.
page_files=("$pages/index.html")
[ -f "$pages/zh/index.html" ] && page_files+=("$pages/zh/index.html")
build_id=$(cat "$from"/explainer.{js,wasm,data} "${web_files[@]/#/web/}" "${page_files[@]}" |
           sha256sum | cut -c1-12)

# --- site/: the files as they are, with the build id stamped into sw.js ------------------------------------------
if [ $single_only = 0 ]; then
  rm -rf "$site.tmp" && mkdir -p "$site.tmp"
  cp "${web_files[@]/#/web/}" "$site.tmp/"
  cp "$pages/index.html" "$site.tmp/"
  sed -i "s/__EXPLAINER_BUILD__/$build_id/" "$site.tmp/sw.js"
  if [ -f "$pages/zh/index.html" ]; then
    mkdir -p "$site.tmp/zh" && cp "$pages/zh/index.html" "$site.tmp/zh/"
  else  # content in one language: no Chinese page to precache
    sed -i "s| 'zh/',||" "$site.tmp/sw.js"
    grep -q "'zh/'" "$site.tmp/sw.js" && { echo "build-wasm.sh: could not drop zh/ from sw.js" >&2; exit 1; }
  fi
  cp assets/schema/explainer.schema.json "$site.tmp/"  # for authors' editors: "$schema": "https://SITE/explainer.schema.json"
  cp "$from/explainer.js" "$from/explainer.wasm" "$from/explainer.data" "$site.tmp/"
  rm -rf "$site" && mv "$site.tmp" "$site"
  echo "build-wasm.sh: site assembled in $(cd "$site" && pwd) ($(du -sh "$site" | cut -f1), build $build_id)"
fi

# --- site-single/explainer.html: scripts and style inline, wasm and data as base64 data blocks ---------------------
# Inline scripts cannot pass the site's CSP ('self' only), so this file carries its own: each inline script and the
# style are allowed by their sha256 hash; the data blocks are never executed, so CSP does not apply to them.
rm -rf "$single.tmp" && mkdir -p "$single.tmp"
python3 - "$from" "$single.tmp/explainer.html" "$pages/index.html" <<'PY'
import base64, hashlib, pathlib, re, sys
build, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
web = pathlib.Path("web")
html = pathlib.Path(sys.argv[3]).read_text(encoding="utf-8")  # the page with its text view

def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

scripts, hashes = [], []
for name in re.findall(r'<script src="([^"]+)"></script>', html):
    src = (build if name == "explainer.js" else web).joinpath(name).read_text(encoding="utf-8")
    src = src.replace("</script", "<\\/script")  # cannot end the element early
    scripts.append(src)
    hashes.append(sha(src))
style = (web / "style.css").read_text(encoding="utf-8")
icon = "data:image/svg+xml;base64," + base64.b64encode((web / "favicon.svg").read_bytes()).decode()
csp = ("default-src 'none'; script-src " + " ".join(hashes) + " 'wasm-unsafe-eval'; style-src " + sha(style) +
       "; img-src data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")

html = re.sub(r'content="default-src[^"]*"', lambda m: 'content="' + csp + '"', html, count=1)
html = re.sub(r'\s*<link rel="manifest"[^>]*>', "", html)  # no install or service worker from a file
html = re.sub(r'\s*<!-- Start the two big downloads[^>]*>', "", html)
html = re.sub(r'\s*<link rel="preload"[^>]*>', "", html)    # both are inside the file
html = re.sub(r'<p class="lang-link">.*?</p>\n', "", html, count=1)  # no zh/ page beside the single file
html = html.replace('href="favicon.svg"', 'href="' + icon + '"')
html = html.replace('<link rel="stylesheet" href="style.css">', "<style>" + style + "</style>")
blob = lambda kind, path: ('<script type="application/octet-stream" id="explainer-' + kind + '">' +
                           base64.b64encode(path.read_bytes()).decode() + "</script>\n")
# After the text view (so the article reads while the megabyte of base64 is still arriving), before the scripts.
first_script = html.index('<script src="')
html = (html[:first_script] + blob("wasm", build / "explainer.wasm") + blob("data", build / "explainer.data") + "  " +
        html[first_script:])
parts = iter(scripts)
html = re.sub(r'<script src="[^"]+"></script>', lambda m: "<script>" + next(parts) + "</script>", html)
out.write_text(html, encoding="utf-8")
PY
rm -rf "$single" && mv "$single.tmp" "$single"
echo "build-wasm.sh: single file in $(cd "$single" && pwd)/explainer.html ($(du -h "$single/explainer.html" | cut -f1))"

if [ $serve = 1 ]; then
  exec python3 scripts/serve.py "$site" "$port"
fi

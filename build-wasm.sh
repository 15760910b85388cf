#!/usr/bin/env bash
# build-wasm.sh — build the browser version and assemble a static site in site/ that any static server can host.
#   ./build-wasm.sh                 build into site/
#   ./build-wasm.sh --serve [PORT]  build, then serve site/ on http://127.0.0.1:PORT/ (default 8080)
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs Debian's acorn with this Node.js

serve=0; port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --serve) serve=1; if [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]]; then port="$2"; shift; fi ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "build-wasm.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

scripts/setup.sh
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release

out=build/wasm-release
site=site
rm -rf "$site.tmp" && mkdir -p "$site.tmp"
cp web/index.html web/style.css web/page.js web/favicon.svg "$site.tmp/"
cp "$out/explainer.js" "$out/explainer.wasm" "$out/explainer.data" "$site.tmp/"
rm -rf "$site" && mv "$site.tmp" "$site"
echo "build-wasm.sh: site assembled in $(pwd)/$site ($(du -sh "$site" | cut -f1))"

if [ $serve = 1 ]; then
  exec python3 scripts/serve.py "$site" "$port"
fi

#!/usr/bin/env bash
# setup.sh — install what the explainer needs on Debian, only what is missing; safe to run again.
#   scripts/setup.sh          build dependencies (compilers, Emscripten, headers, fonts, terser) + Dear ImGui source
#   scripts/setup.sh --tests  also what the tests need (Chromium, Xvfb, clang's libFuzzer, clang-format, Node packages)
#   scripts/setup.sh --bench  also what bench/run.sh needs (the tests' packages plus Google Benchmark)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
want_tests=0; want_bench=0
[ "${1:-}" = "--tests" ] && want_tests=1
[ "${1:-}" = "--bench" ] && want_tests=1 && want_bench=1

pkgs=(cmake make g++ pkg-config xz-utils ca-certificates emscripten nodejs nlohmann-json3-dev doctest-dev
      libglfw3-dev libgl-dev libstb-dev libfontconfig-dev fonts-noto-core fonts-noto-cjk)
[ $want_tests = 1 ] && pkgs+=(chromium xvfb xauth x11-apps imagemagick clang libclang-rt-14-dev xdotool libxml2-utils
                              python3-fonttools clang-format)
[ $want_bench = 1 ] && pkgs+=(libbenchmark-dev)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs may come from elsewhere on a developer machine: a working node and npm is enough.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

"$here/scripts/fetch-imgui.sh"

# The web build's glue minifier (build-wasm.sh runs scripts/minify-glue.mjs with terser, pinned in the lock file).
if [ ! -d "$here/scripts/node_modules/terser" ] || [ "$here/scripts/package-lock.json" -nt "$here/scripts/node_modules/.package-lock.json" ]; then
  echo "setup: installing Node packages for the web build (scripts/package-lock.json)"
  (cd "$here/scripts" && npm ci --no-audit --no-fund)
fi

if [ $want_tests = 1 ]; then
  if [ ! -d "$here/tests/node_modules/playwright-core" ] || [ "$here/tests/package-lock.json" -nt "$here/tests/node_modules/.package-lock.json" ]; then
    echo "setup: installing Node packages for the tests (tests/package-lock.json)"
    (cd "$here/tests" && npm ci --no-audit --no-fund)
  else
    echo "setup: Node packages present"
  fi
fi

#!/usr/bin/env bash
# bench/run.sh — the one benchmark command: builds what it measures in its own folders (build/bench-*), then
# measures the explainer against its baselines and writes bench/out/report.json and bench/out/report.md.
#   bench/run.sh            everything (~14 min of measuring on 2 cores, plus incremental rebuilds)
# Env: BENCH_BASE (a git revision: the native scale run before/after against it), BENCH_SIZES (web.mjs: scale sizes,
#   e.g. 100,1000; empty: the sites only), BENCH_RUNS (default 3), BENCH_IDLE_S (default 10), CHROMIUM (browser binary, default /usr/bin/chromium).
# Needs: cmake, a C++17 compiler, libbenchmark-dev, emscripten, chromium, node + npm (bench/package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out=bench/out
web=build/bench-web
jobs=${BENCH_JOBS:-2}
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs Debian's acorn with this Node.js
emtool=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
mkdir -p "$out"
step() { echo "bench: $*" >&2; }
scripts/setup.sh --bench >&2

# [SECTION] Builds (incremental; never the shared build/native-release, build/wasm-release or site/) ---------------
step "native benchmarks (build/bench-native)"
cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release -DEXPLAINER_TESTS=OFF -DEXPLAINER_BENCH=ON >/dev/null
cmake --build build/bench-native -j"$jobs" --target gen_content bench_micro bench_scale

step "web app (build/bench-wasm, the wasm-release preset's settings)"
cmake -S . -B build/bench-wasm --toolchain "$emtool" -DCMAKE_BUILD_TYPE=MinSizeRel -DEXPLAINER_TESTS=OFF \
  "-DCMAKE_CXX_FLAGS_MINSIZEREL=-Os -DNDEBUG" "-DCMAKE_C_FLAGS_MINSIZEREL=-Os -DNDEBUG" >/dev/null
cmake --build build/bench-wasm -j"$jobs" --target explainer explainer-profiling  # the latter keeps function names

step "baseline 1: bare Dear ImGui demo (build/bench-demo)"
cmake -S bench/demo -B build/bench-demo --toolchain "$emtool" -DCMAKE_BUILD_TYPE=MinSizeRel \
  "-DCMAKE_CXX_FLAGS_MINSIZEREL=-Os -DNDEBUG" "-DIMGUI_DIR=$repo/.deps/imgui" >/dev/null
cmake --build build/bench-demo -j"$jobs"

step "baseline 2: cytoscape.js (bench/node_modules)"
[ -d bench/node_modules/cytoscape ] || (cd bench && npm ci --no-audit --no-fund)

# [SECTION] Sites: the app's exactly as build-wasm.sh assembles site/ (from our build, into our folder) ------------
rm -rf "$web" && mkdir -p "$web/demo" "$web/cyto" "$web/floor"
./build-wasm.sh --from build/bench-wasm --out "$web/app" >&2
rm -rf "$web/app-single"   # the single-file variant is not measured here
./build-wasm.sh --from build/bench-wasm/profiling --out "$web/profiling" >&2
rm -rf "$web/profiling-single"
cp build/bench-wasm/profiling/explainer.js "$web/profiling/"  # the glue's own names too, in the profile
cp bench/demo/index.html build/bench-demo/imgui_demo.js build/bench-demo/imgui_demo.wasm "$web/demo/"
mkdir -p "$web/floor" && cp bench/floor/index.html "$web/floor/"
cp bench/cyto/index.html bench/cyto/graph.js bench/node_modules/cytoscape/dist/cytoscape.min.js \
   bench/node_modules/cytoscape-dagre/dist/cytoscape-dagre.min.js assets/content/article.json "$web/cyto/"

# [SECTION] Measurements -------------------------------------------------------------------------------------------
step "synthetic content (100, 1 000, 10 000 nodes), checked by the loader"
build/bench-native/bench/gen_content "$web" 100 1000 10000 >&2

step "native scale: load + validate, layout, panning frames"
build/bench-native/bench/bench_scale --runs "${BENCH_RUNS:-3}" "$web"/synth-100.json "$web"/synth-1000.json \
  "$web"/synth-10000.json > "$out/scale.json"

# Before/after: BENCH_BASE=REV builds the same native scale benchmark from another revision and runs it right
# after ours on the same files, so a change's cost is a ratio within one run on one machine.
if [ -n "${BENCH_BASE:-}" ]; then
  base=build/bench-base
  step "native scale at $BENCH_BASE ($base)"
  rm -rf "$base-src" && mkdir -p "$base-src"
  git archive "$BENCH_BASE" | tar -x -C "$base-src"
  ln -s "$repo/.deps" "$base-src/.deps"
  cmake -S "$base-src" -B "$base" -DCMAKE_BUILD_TYPE=Release -DEXPLAINER_TESTS=OFF -DEXPLAINER_BENCH=ON >/dev/null
  cmake --build "$base" -j"$jobs" --target bench_scale
  "$base"/bench/bench_scale --runs "${BENCH_RUNS:-3}" "$web"/synth-100.json "$web"/synth-1000.json \
    "$web"/synth-10000.json > "$out/scale-base.json"
  git rev-parse --short "$BENCH_BASE" > "$out/scale-base.rev"
else
  rm -f "$out/scale-base.json" "$out/scale-base.rev"
fi

step "native micro benchmarks (Google Benchmark)"
build/bench-native/bench/bench_micro --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.2 --benchmark_format=json > "$out/micro.json"

step "web: sizes, first frame, idle, scale (headless Chromium)"
node bench/web.mjs "$web" "$out/web.json"

step "web: where start-up goes in wasm (Chromium's profiler, a build with function names)"
node bench/profile.mjs "$web/profiling" "$out/profile.json"

step "web: Lighthouse, mobile and desktop, served gzipped"
node bench/lighthouse.mjs "$web/app" "$out/lighthouse.json"

node bench/report.mjs "$out" > /dev/null
step "wrote $out/report.md and $out/report.json"

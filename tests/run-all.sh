#!/usr/bin/env bash
# run-all.sh — every test, from a fresh clone on Debian: installs what is missing, checks the C++ layout
# (.clang-format), builds the desktop app (release and ASan + UBSan), runs the unit, headless UI, CLI, schema and
# native-window tests, a bounded fuzzing run, then builds the web site and runs the browser tests in headless Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
scripts/setup.sh --tests || exit 1

passed=0; failed=0; failures=()
step() {  # step NAME COMMAND... — run one suite, keep going on failure, count it
  local name="$1"; shift
  echo; echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

build() { cmake --preset "$1" >/dev/null && cmake --build --preset "$1"; }

step "C++ formatting (.clang-format)" scripts/check-format.sh
step "native-release build" build native-release
step "native-release tests (ctest)" ctest --preset native-release
step "native-asan build" build native-asan
# Under ASan + UBSan: the unit tests (malformed inputs included) and the headless UI tests; not the GL window.
step "native-asan tests (ctest)" env ASAN_OPTIONS=detect_leaks=1 ctest --preset native-asan -LE display
if [ -x tests/fuzz/run-fuzz.sh ]; then step "fuzz the loader (bounded)" tests/fuzz/run-fuzz.sh; fi
step "wasm build and site" ./build-wasm.sh
step "browser tests (Chromium)" node --test --test-concurrency=1 tests/browser/

echo
echo "=== summary"
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

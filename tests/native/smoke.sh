#!/usr/bin/env bash
# smoke.sh EXPLAINER OUTDIR [ARGS...] — start the desktop app under Xvfb, screenshot its window, check it is not
# blank and still running (no crash), then stop it.
set -euo pipefail
if [ -z "${EXPLAINER_IN_XVFB:-}" ]; then
  exec env EXPLAINER_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
exe="$1"; out="$2"; shift 2
mkdir -p "$out"
shot="$out/native-smoke${SHOT_SUFFIX:-}.png"
"$exe" "$@" &
pid=$!
for _ in $(seq 1 50); do  # until the window is mapped (10 s at most), then let it draw
  sleep 0.2
  xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1 && break
done
sleep 1.5
kill -0 "$pid" 2>/dev/null || { echo "FAIL: explainer exited early"; exit 1; }
import -window root "$shot"
kill "$pid"; wait "$pid" || true
colours=$(convert "$shot" -format %k info:)
echo "native smoke: $shot has $colours distinct colours"
[ "$colours" -gt 50 ] || { echo "FAIL: the window looks blank"; exit 1; }

#!/usr/bin/env bash
# test_desktop_text.sh EXPLAINER OUTDIR — the desktop app draws Chinese that the bundled article does not use, and
# other scripts from the machine's fonts.
#
# chinese-a.json and chinese-b.json are the same map with 16 different rare characters each (none in the bundled
# article). A font that lacks them draws each as the same fallback box, so the two screenshots come out identical;
# with real glyphs they differ wherever the text is. A second screenshot of A must match the first exactly, so a
# difference cannot come from anything but the glyphs.
set -euo pipefail
if [ -z "${EXPLAINER_IN_XVFB:-}" ]; then
  exec env EXPLAINER_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
exe="$1"; out="$2"
fixtures="$(cd "$(dirname "$0")/../fixtures/fonts" && pwd)"
mkdir -p "$out"
shot() {  # shot NAME FIXTURE [VAR=VALUE...]: the map with card "one" open, so the detail panel shows its text in bold
          # and regular
  env "${@:3}" "$exe" --screenshot "$out/$1.png" --size 900x560 --select one "$fixtures/$2" 2>"$out/$1.log" \
    || { echo "FAIL: screenshot $1"; cat "$out/$1.log"; exit 1; }
}
differing() { compare -metric AE "$out/$1.png" "$out/$2.png" null: 2>&1 >/dev/null | cut -d' ' -f1 || true; }

shot chinese-a chinese-a.json
shot chinese-a-again chinese-a.json
shot chinese-b chinese-b.json
same=$(differing chinese-a chinese-a-again)
[ "$same" = 0 ] || { echo "FAIL: two screenshots of the same map differ in $same pixels"; exit 1; }
diff_px=$(differing chinese-a chinese-b)
echo "desktop text: chinese-a vs chinese-b differ in $diff_px pixels (identical means the text is drawn as boxes)"
[ "$diff_px" -gt 2000 ] || { echo "FAIL: different Chinese characters look alike: they are drawn as boxes"; exit 1; }

# Ethiopic is in none of the build's fonts: the app finds the machine's font for it through fontconfig (Noto Sans
# Ethiopic, from fonts-noto-core like the build's Noto Sans). Given a fontconfig with no fonts, the same map draws
# boxes there, so the two screenshots must differ.
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$out/no-fonts.conf"
shot rare-script rare-script.json
shot rare-script-no-system-fonts rare-script.json FONTCONFIG_FILE="$out/no-fonts.conf"
diff_px=$(differing rare-script rare-script-no-system-fonts)
echo "desktop text: Ethiopic with and without the machine's fonts differs in $diff_px pixels"
[ "$diff_px" -gt 200 ] || { echo "FAIL: Ethiopic is drawn as boxes although the machine has a font for it" \
  "(fc-list :charset=1230 lists it)"; exit 1; }

# --validate checks the content against the build's own fonts: no warning for Chinese beyond the bundled article,
# a warning naming each character for a script those fonts lack (Ethiopic) and beyond U+FFFF (an emoji).
report=$("$exe" --validate "$fixtures/chinese-a.json") \
  || { echo "FAIL: chinese-a.json does not validate"; echo "$report"; exit 1; }
echo "$report"
grep -q 'chinese-a.json: ok (2 nodes, 1 edge, 0 tours, 0 warnings)' <<<"$report" \
  || { echo "FAIL: Chinese beyond the bundled article was warned about"; exit 1; }
report=$("$exe" --validate "$fixtures/rare-script.json") \
  || { echo "FAIL: rare-script.json does not validate"; echo "$report"; exit 1; }
echo "$report"
expect() {
  grep -qF -- "$1" <<<"$report" || { echo "FAIL: --validate did not say: $1"; exit 1; }
}
expect 'rare-script.json:33:16: /nodes/0/title (one): warning: the desktop app'"'"'s fonts have no glyph for'
expect 'no glyph for U+1230 "ሰ", U+120B "ላ", U+121D "ም": it draws boxes unless the machine has a font for them'
expect '/nodes/1/summary/en (two): warning: the desktop app'"'"'s fonts have no glyph for U+1F680 "🚀"'
expect 'rare-script.json: ok (2 nodes, 1 edge, 0 tours, 2 warnings)'
n=$(grep -c 'no glyph' <<<"$report")
[ "$n" = 2 ] || { echo "FAIL: expected 2 glyph warnings, got $n"; exit 1; }
# Without the build's fonts the check says so, once, and the file still validates.
report=$(EXPLAINER_ASSETS=/nonexistent "$exe" --validate "$fixtures/chinese-a.json") \
  || { echo "FAIL: chinese-a.json does not validate without fonts"; echo "$report"; exit 1; }
echo "$report"
expect 'chinese-a.json:1:1: /: warning: cannot check which characters the desktop app draws: cannot open the font'
expect 'cannot open the font /nonexistent/fonts/NotoSans-Regular.ttf'
expect 'chinese-a.json: ok (2 nodes, 1 edge, 0 tours, 1 warning)'
echo "ok: the desktop draws Chinese beyond the bundled article, and --validate names what its fonts lack"

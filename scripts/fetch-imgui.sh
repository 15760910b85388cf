#!/usr/bin/env bash
# fetch-imgui.sh — get Dear ImGui 1.92.2b from Debian's *source* package into .deps/imgui (git-ignored).
# Uses a private apt configuration (own state, cache and source lists under .deps/apt) whose deb-src entries are
# derived from the deb entries this machine already has, so the system's apt setup is left untouched.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
version="1.92.2b+ds-1"
orig="imgui_1.92.2b+ds.orig.tar.xz"
sha256="e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48"
dest="$here/.deps/imgui"
apt_dir="$here/.deps/apt"

if [ -f "$dest/imgui.h" ] && grep -q '#define IMGUI_VERSION *"1.92.2b"' "$dest/imgui.h"; then
  echo "fetch-imgui: Dear ImGui 1.92.2b present in $dest"
  exit 0
fi

fail() {
  cat >&2 <<MSG
fetch-imgui: $1
  Dear ImGui $version could not be fetched from Debian's source packages.
  Build with your own Dear ImGui 1.92 tree instead:
    cmake --preset native-release -DIMGUI_DIR=/path/to/imgui      (the folder that holds imgui.h)
MSG
  exit 1
}

# deb-src lines from the machine's deb entries: one-line *.list files and deb822 *.sources files.
derive_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -nE 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+([^[:space:]]+)[[:space:]]+(.*)$/\2|\3|\4/p' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN{RS=""; FS="\n"}
         { t=""; u=""; s=""; c="";
           for (i=1;i<=NF;i++) { if ($i ~ /^#/) continue
             if ($i ~ /^Types:/) t=$i; if ($i ~ /^URIs:/) u=$i; if ($i ~ /^Suites:/) s=$i; if ($i ~ /^Components:/) c=$i }
           if (t !~ /deb( |$)/ && t !~ / deb$/) next
           sub(/^URIs:[ \t]*/,"",u); sub(/^Suites:[ \t]*/,"",s); sub(/^Components:[ \t]*/,"",c)
           n=split(u,us," "); m=split(s,ss," ")
           for (a=1;a<=n;a++) for (b=1;b<=m;b++) print us[a] "|" ss[b] "|" c }' "$f"
  done
}

mkdir -p "$apt_dir"/{lists/partial,cache/archives/partial,etc/sources.list.d,etc/preferences.d,etc/apt.conf.d,dl}
: > "$apt_dir/etc/sources.list"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
while IFS='|' read -r uri suite comps; do
  [ -n "$uri" ] || continue
  echo "deb-src [signed-by=$keyring] $uri $suite $comps" >> "$apt_dir/etc/sources.list"
  # The pinned version lives in Debian unstable: add it for each archive that carries the machine's release.
  case "$suite" in *-security|*/updates|*-updates|*-backports) ;;
    *) echo "deb-src [signed-by=$keyring] $uri unstable main" >> "$apt_dir/etc/sources.list" ;; esac
done < <(derive_sources | grep -vi 'security' | sort -u)
sort -u -o "$apt_dir/etc/sources.list" "$apt_dir/etc/sources.list"
[ -s "$apt_dir/etc/sources.list" ] || fail "no Debian 'deb' entries found in /etc/apt/sources.list*"

cat > "$apt_dir/apt.conf" <<CONF
Dir::State "$apt_dir";
Dir::State::lists "$apt_dir/lists";
Dir::State::status "/var/lib/dpkg/status";
Dir::Cache "$apt_dir/cache";
Dir::Etc::sourcelist "$apt_dir/etc/sources.list";
Dir::Etc::sourceparts "$apt_dir/etc/sources.list.d";
Dir::Etc::preferencesparts "$apt_dir/etc/preferences.d";
Dir::Etc::parts "$apt_dir/etc/apt.conf.d";
// Mirrors pinned to a snapshot serve Release files past their Valid-Until date; the sha256 below is the guard.
Acquire::Check-Valid-Until "false";
APT::Sandbox::User "root";
CONF
export APT_CONFIG="$apt_dir/apt.conf"

echo "fetch-imgui: apt-get source imgui=$version (private apt state in $apt_dir)"
apt-get -q update >"$apt_dir/update.log" 2>&1 || { cat "$apt_dir/update.log" >&2; fail "apt-get update failed"; }
(cd "$apt_dir/dl" && apt-get -q source --download-only "imgui=$version") >"$apt_dir/source.log" 2>&1 \
  || { cat "$apt_dir/source.log" >&2; fail "imgui=$version is not available from these sources"; }

echo "$sha256  $apt_dir/dl/$orig" | sha256sum -c --quiet - || fail "sha256 of $orig does not match $sha256"

rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
tar -xJf "$apt_dir/dl/$orig" -C "$dest.tmp" --strip-components=1
[ -f "$dest.tmp/imgui.h" ] || fail "unexpected tarball layout (no imgui.h at its top)"
rm -rf "$dest" && mv "$dest.tmp" "$dest"
echo "fetch-imgui: Dear ImGui 1.92.2b unpacked into $dest (sha256 checked)"

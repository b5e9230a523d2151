#!/usr/bin/env bash
# Builds the installer and checks it like a user would (README "Install"):
#   1. ./mvnw -Pinstaller package: the app image and the .deb (skip with --no-build to check what target/ holds);
#   2. the pom's jlink module list is still what jdeps finds in the jar (scripts/jlink-modules.sh);
#   3. the image's launcher: --help, --version, validate on a shipped preset, run teaching-demo, all headless, from an
#      empty home folder (user.home is a scratch folder) and a scratch working directory;
#   4. the .deb: its control fields, menu entry and scripts, then unpacked into a scratch root (dpkg-deb -x) and its
#      launcher run from there too;
#   5. the app from the unpacked .deb under Xvfb (display :98 unless SMOKE_DISPLAY says otherwise), first start on the
#      empty home: the teaching demo opens; the About box is opened and the screen saved as assets/installed-app.png;
#   6. nothing was written inside the image or the unpacked package; lists what went into the home folder;
#   7. InstalledImageTest (JUnit) against the same image.
# Needs: JDK 17 with jlink and jpackage, dpkg-deb, fakeroot, Xvfb, xdotool, ImageMagick (import).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=1
JDEPS=1
for a in "$@"; do
  case "$a" in
    --no-build) BUILD=0 ;;
    --no-jdeps) JDEPS=0 ;;
    *) echo "usage: $0 [--no-build] [--no-jdeps]" >&2; exit 2 ;;
  esac
done
DISPLAY_NUM=${SMOKE_DISPLAY:-:98}
MVN_FLAGS=${MVN_FLAGS:--B -q -o}
IMAGE=$ROOT/target/installer/image/guidance-lab
SHOT=$ROOT/assets/installed-app.png

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

scratch=$(mktemp -d /tmp/guidance-lab-smoke.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

if [ "$BUILD" = 1 ]; then
  step "build: ./mvnw -Pinstaller package -DskipTests"
  start=$(date +%s)
  # shellcheck disable=SC2086
  ./mvnw $MVN_FLAGS -Pinstaller package -DskipTests
  echo "built in $(( $(date +%s) - start )) s"
fi
[ -x "$IMAGE/bin/guidance-lab" ] || fail "no app image at $IMAGE"
DEB=$(ls "$ROOT"/target/installer/guidance-lab_*_amd64.deb 2>/dev/null | head -1)
[ -f "$DEB" ] || fail "no .deb in target/installer"

step "sizes"
echo "app image   $(du -sh "$IMAGE" | cut -f1)  ($IMAGE)"
echo "  runtime   $(du -sh "$IMAGE/lib/runtime" | cut -f1)"
echo "  jar       $(du -sh "$IMAGE/lib/app/guidance-lab.jar" | cut -f1)"
echo ".deb        $(du -sh --apparent-size "$DEB" | cut -f1)  ($(stat -c %s "$DEB") bytes, $DEB)"
echo "runtime modules: $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$IMAGE/lib/runtime/release")"

if [ "$JDEPS" = 1 ]; then
  step "jlink modules: pom.xml against jdeps"
  in_pom=$(sed -n 's:.*<installer.modules>\(.*\)</installer.modules>.*:\1:p' pom.xml | tr ',' '\n' | sort -u | paste -sd, -)
  measured=$(scripts/jlink-modules.sh target/guidance-lab.jar)
  echo "pom:   $in_pom"
  echo "jdeps: $measured"
  [ "$in_pom" = "$measured" ] || fail "the pom's installer.modules differ from jdeps: update pom.xml"
fi

home=$scratch/home/teacher
work=$scratch/work
mkdir -p "$home" "$work"
# An empty home: Java takes user.home from the password database, not $HOME, so it is set for the JVM too.
export HOME=$home
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
unset XDG_DATA_HOME XDG_CONFIG_HOME JDK_JAVA_OPTIONS
marker=$scratch/marker
touch "$marker"
sleep 1

expect() { # expect CODE TEXT -- command...: runs it in $work, checks the exit code and that TEXT is in the output
  local code=$1 text=$2; shift 3
  local out rc=0
  out=$(cd "$work" && "$@" 2>&1) || rc=$?
  if [ "$rc" != "$code" ] || ! grep -qF -- "$text" <<<"$out"; then
    echo "$out" | tail -20
    fail "$* exited $rc (expected $code), output should contain '$text'"
  fi
  echo "ok: $(basename "$1") ${*:2}"
}

launcher_checks() { # launcher_checks INSTALL_ROOT
  local L=$1/bin/guidance-lab
  expect 0 "Usage: guidance-lab" -- "$L" --help
  expect 0 "Guidance Lab " -- "$L" --version
  expect 0 "OK" -- "$L" validate "$1/lib/app/presets/teaching-demo.json"
  expect 0 "teaching-demo" -- "$L" presets
}

step "the image's launcher, headless (DISPLAY unset)"
( unset DISPLAY; launcher_checks "$IMAGE" )
( unset DISPLAY; expect 0 "status: finished" -- "$IMAGE/bin/guidance-lab" run teaching-demo --steps 2 )
runs=$home/.local/share/guidance-lab/runs
ls "$runs"/*/status.json >/dev/null 2>&1 || fail "run wrote no run folder under $runs"
echo "ok: the run folder is in $(ls -d "$runs"/* | sed "s|$home|~|")"
[ -z "$(ls -A "$work")" ] || fail "something was written into the working directory: $(ls -A "$work")"

step "the .deb: control, menu entry, scripts"
dpkg-deb -f "$DEB" Package Version Section Depends | sed 's/^/  /'
[ "$(dpkg-deb -f "$DEB" Section)" = science ] || fail "Section is not science"
dpkg-deb -f "$DEB" Depends | grep -q libgtk-3-0 || fail "Depends lacks libgtk-3-0"
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postinst | grep -q 'ln -sf /opt/guidance-lab/bin/guidance-lab /usr/bin/guidance-lab' \
  || fail "postinst does not link /usr/bin/guidance-lab"
root=$scratch/root
dpkg-deb -x "$DEB" "$root"
desktop=$(ls "$root"/opt/guidance-lab/lib/*.desktop)
sed 's/^/  /' "$desktop"
grep -qx 'Name=Guidance Lab' "$desktop" || fail "menu entry name"
grep -qx 'Categories=Education;Science;' "$desktop" || fail "menu entry categories"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root$icon" ] || fail "the menu entry's icon $icon is not in the package"
cmp -s "$root$icon" assets/icon-256.png || fail "the packaged icon is not assets/icon-256.png"

step "the unpacked .deb's launcher, headless"
( unset DISPLAY; launcher_checks "$root/opt/guidance-lab" )

step "the app under Xvfb ($DISPLAY_NUM), first start on an empty home"
if xdpyinfo -display "$DISPLAY_NUM" >/dev/null 2>&1; then
  echo "using the X server already on $DISPLAY_NUM"
else
  Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do xdpyinfo -display "$DISPLAY_NUM" >/dev/null 2>&1 && break; sleep 0.2; done
fi
export DISPLAY=$DISPLAY_NUM
if xdotool search --name '^Guidance Lab ' >/dev/null 2>&1; then
  fail "a Guidance Lab window is already open on $DISPLAY_NUM: close it first"
fi
(cd "$work" && exec "$root/opt/guidance-lab/bin/guidance-lab") >"$scratch/app.log" 2>&1 &
app_pid=$!
win=""
for _ in $(seq 120); do
  # the launcher runs the JVM in its own process: the window belongs to $app_pid
  win=$(xdotool search --all --pid "$app_pid" --name '^Guidance Lab ' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log"; fail "the app exited"; }
  sleep 1
done
[ -n "$win" ] || { tail -20 "$scratch/app.log"; fail "no window within 120 s"; }
title=$(xdotool getwindowname "$win")
echo "window: $title"
grep -q "Teaching demo" <<<"$title" || fail "the first start did not open the teaching demo"
# Let ND4J start (the status bar shows the backend), then open the About box (the last tool bar button).
sleep 25
eval "$(xdotool getwindowgeometry --shell "$win")"
xdotool mousemove $((X + WIDTH - 24)) $((Y + 58)) click 1
about=""
for _ in $(seq 20); do
  about=$(xdotool search --all --pid "$app_pid" --name '^About Guidance Lab$' 2>/dev/null | head -1 || true)
  [ -n "$about" ] && break
  sleep 0.5
done
[ -n "$about" ] || echo "warning: the About box did not open; the screenshot shows the window alone"
sleep 2
import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$SHOT"
echo "screenshot: $SHOT ($(identify -format '%wx%h' "$SHOT"))"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
# ControlsFX's stylesheets log "WARNING: Caught ... ClassCastException" under the AtlantaFX theme, from a source
# checkout too (java -jar): counted, not shown. Anything else with an exception is shown.
echo "CSS warnings from ControlsFX's stylesheets (as from a source checkout): $(grep -c 'WARNING: Caught' "$scratch/app.log" || true)"
if grep -v 'WARNING: Caught' "$scratch/app.log" | grep -q 'Exception\|SEVERE'; then
  echo "the app's log has exceptions:"; grep -v 'WARNING: Caught' "$scratch/app.log" | grep -n 'Exception\|SEVERE' | head -10
  fail "exceptions in the app's log"
fi

step "nothing written inside the image or the unpacked package"
changed=$(find "$IMAGE" "$root" -newer "$marker" | head -20)
[ -z "$changed" ] || fail "written after the build: $changed"
echo "ok"
echo "what the app and the CLI wrote into the empty home:"
(cd "$home" && for d in .local/share/guidance-lab .config/guidance-lab .javacpp/cache .openjfx/cache .java .cache; do
  [ -e "$d" ] && printf '  ~/%-28s %s\n' "$d" "$(du -sh "$d" | cut -f1)"; done; true)
[ ! -e "$home/.config/guidance-lab" ] || fail "a first start wrote settings (nothing was changed)"

step "InstalledImageTest"
unset JAVA_TOOL_OPTIONS DISPLAY
export HOME=${SMOKE_REAL_HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
# shellcheck disable=SC2086
./mvnw $MVN_FLAGS test -Dtest=InstalledImageTest -Dsurefire.failIfNoSpecifiedTests=false
grep -h 'Tests run' target/surefire-reports/org.guidancelab.InstalledImageTest.txt

step "all checks passed"

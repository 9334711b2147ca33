#!/usr/bin/env bash
# live-test.sh: installs the Debian package of feedgen on a real systemd (PID 1 of a systemd-nspawn container
# on a Debian bookworm root made by debootstrap) the way README's "Installing on a server" says, and checks the
# units as a server runs them. Run as root from the project's folder: bash Tests/Live/live-test.sh
#   FEEDGEN_DEB=FILE   the package to test (default: built now with systemd/package.sh from a debug binary,
#                      FEEDGEN_CONFIG=release for the binary a release package ships)
#   LIVE_CACHE=DIR     the cached root and the runs (default /var/cache/feedgen-live)
#   LIVE_MIRROR=URL    the Debian mirror for debootstrap (default: the first .../debian source of apt)
#   LIVE_KEEP=1        keep the run's folder (its journal: journalctl -D DIR/upper/var/log/journal)
# Output: "PASS name: ..." / "FAIL name: ..." lines, the last one "RESULT: PASS" or "RESULT: FAIL".
# Exit status: 0 passed, 1 a check failed, 2 the container could not be made or booted, 77 skipped (not root,
# or systemd-nspawn cannot run here at all: the reason is printed).
set -uo pipefail
cd "$(dirname "$0")/../.."
PROJECT=$(pwd)
skip() { echo "SKIP: the live systemd test cannot run here: $*"; exit 77; }
die() { echo "FAIL setup: $*"; echo "RESULT: FAIL"; exit 2; }
say() { echo "[$(date +%T)] $*" >&2; }

[ "$(id -u)" = 0 ] || skip "it needs root (systemd-nspawn, debootstrap)"
if ! command -v systemd-nspawn >/dev/null || ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd-container debootstrap >/dev/null 2>&1 \
        || skip "systemd-nspawn and debootstrap are not installed and apt-get could not install them"
fi
[ -w /sys/fs/cgroup ] || skip "/sys/fs/cgroup is not writable (no cgroup to give the container's systemd)"

CACHE=${LIVE_CACHE:-/var/cache/feedgen-live}
ROOT=$CACHE/root
mkdir -p "$CACHE"

# ------------------------------------------------------------------ the cached root (made once)
# What the package depends on and recommends and what the test uses (git for --pull, postfix as the server's
# MTA), installed ahead: the container has no network, so `apt install ./feedgen_*.deb` finds every dependency
# already there.
PACKAGES=systemd,systemd-sysv,dbus,procps,libxml2,libcmark-gfm0.29.0.gfm.6,libcmark-gfm-extensions0.29.0.gfm.6,git,postfix,msmtp
make_root() {
    local mirror=${LIVE_MIRROR:-}
    [ -n "$mirror" ] || mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
        | grep -E '^(URIs:|deb )' | grep -oE 'https?://[^ ]*/debian/?( |$)' | head -1 | tr -d ' ')
    local tmp=$CACHE/root.tmp
    rm -rf "$tmp"
    say "debootstrap bookworm from ${mirror:-http://deb.debian.org/debian} (once)"
    debootstrap --variant=minbase --include="$PACKAGES" bookworm "$tmp" "${mirror:-http://deb.debian.org/debian}" \
        >"$CACHE/debootstrap.log" 2>&1 || { tail -5 "$CACHE/debootstrap.log"; die "debootstrap failed: $CACHE/debootstrap.log"; }
    echo feedgen-live >"$tmp/etc/hostname"
    systemctl --root="$tmp" mask console-getty.service getty@tty1.service apt-daily.timer apt-daily-upgrade.timer \
        dpkg-db-backup.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer systemd-pstore.service >/dev/null 2>&1
    # postfix as a server's MTA for local delivery only: it listens on 127.0.0.1:25 and delivers to /var/mail.
    echo feedgen-live >"$tmp/etc/mailname"
    touch "$tmp/etc/postfix/main.cf"
    chroot "$tmp" postconf -e myhostname=feedgen-live mydestination='feedgen-live, localhost' \
        inet_interfaces=loopback-only inet_protocols=ipv4 mynetworks=127.0.0.0/8 compatibility_level=3.6 \
        alias_maps= alias_database= default_transport='error:local delivery only' \
        relay_transport='error:local delivery only' >>"$CACHE/debootstrap.log" 2>&1 || die "postconf failed"
    rm -rf "$tmp"/var/cache/apt/archives/*.deb
    rm -rf "$ROOT" && mv "$tmp" "$ROOT" && echo "$PACKAGES" >"$ROOT/.feedgen-live-root"
}
# ------------------------------------------------------------------ the package, built while the root is made
# The build is CPU work and debootstrap mostly waits for the network: on a new machine they overlap.
BUILD_PID="" BUILD_OUT=$CACHE/package.$$.out
if [ -z "${FEEDGEN_DEB:-}" ]; then
    # A debug binary by default: the units and the package are what this test checks, and a static debug
    # build takes about half the time of a release one.
    say "building the package: FEEDGEN_CONFIG=${FEEDGEN_CONFIG:-debug} bash systemd/package.sh"
    t0=$(date +%s)
    FEEDGEN_CONFIG=${FEEDGEN_CONFIG:-debug} bash systemd/package.sh >"$BUILD_OUT" 2>"$CACHE/package.$$.log" &
    BUILD_PID=$!
fi
(
    flock 9
    [ "$(cat "$ROOT/.feedgen-live-root" 2>/dev/null)" = "$PACKAGES" ] || make_root
) 9>"$CACHE/.lock" || { [ -z "$BUILD_PID" ] || kill "$BUILD_PID" 2>/dev/null; exit 2; }
if [ -n "$BUILD_PID" ]; then
    wait "$BUILD_PID" || { tail -20 "$CACHE/package.$$.log"; die "systemd/package.sh failed: $CACHE/package.$$.log"; }
    FEEDGEN_DEB=$(tail -1 "$BUILD_OUT")
    rm -f "$BUILD_OUT" "$CACHE/package.$$.log"
    echo "INFO package built in $(($(date +%s) - t0)) s: $FEEDGEN_DEB"
fi
[ -f "$FEEDGEN_DEB" ] || die "no package at $FEEDGEN_DEB"

# ------------------------------------------------------------------ this run: overlay, cgroup, boot
RUN=$CACHE/run.$$
MERGED=$RUN/merged
CG=feedgen-live.$$
NSPAWN_PID="" LEADER="" CHECKS_PID=""
CG_ROOTS=()
if [ "$(stat -f -c %T /sys/fs/cgroup)" = cgroup2fs ]; then CG_ROOTS=(/sys/fs/cgroup)
else for h in /sys/fs/cgroup/systemd /sys/fs/cgroup/unified; do [ -d "$h" ] && CG_ROOTS+=("$h"); done; fi

cleanup() {
    local rc=$? r
    # A checks process still inside would hold systemd's shutdown (nsenter stops with its stopped child).
    if [ -n "$CHECKS_PID" ]; then pkill -9 -P "$CHECKS_PID" 2>/dev/null; kill -9 "$CHECKS_PID" 2>/dev/null; fi
    if [ -n "$NSPAWN_PID" ] && kill -0 "$NSPAWN_PID" 2>/dev/null; then
        [ -n "$LEADER" ] && kill -s RTMIN+4 "$LEADER" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$NSPAWN_PID" 2>/dev/null
        wait "$NSPAWN_PID" 2>/dev/null
    fi
    for r in "${CG_ROOTS[@]}"; do
        [ -d "$r/$CG" ] || continue
        find "$r/$CG" -name cgroup.procs -exec cat {} + 2>/dev/null | xargs -r kill -9 2>/dev/null
        sleep 0.2; find "$r/$CG" -depth -type d -exec rmdir {} + 2>/dev/null
    done
    if [ "${LIVE_KEEP:-0}" = 1 ]; then say "kept $RUN"
    else mountpoint -q "$MERGED" && umount "$MERGED"; rm -rf "$RUN"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN/upper" "$RUN/work" "$MERGED"
mount -t overlay overlay -o "lowerdir=$ROOT,upperdir=$RUN/upper,workdir=$RUN/work" "$MERGED" || die "overlay mount failed"
mkdir -p "$MERGED/root/live"
cp "$FEEDGEN_DEB" "$MERGED/root/live/"
cp -a "$PROJECT/Tests/Live/checks.sh" "$MERGED/root/live/checks.sh"
cp -a "$PROJECT/feeds/example" "$MERGED/root/live/site"
for r in "${CG_ROOTS[@]}"; do mkdir -p "$r/$CG"; done

say "booting systemd in the container"
(
    for r in "${CG_ROOTS[@]}"; do echo "$BASHPID" >"$r/$CG/cgroup.procs"; done
    exec systemd-nspawn --quiet --boot --register=no --keep-unit --machine="feedgen-live-$$" -D "$MERGED" \
        --private-network --link-journal=no --resolv-conf=off --timezone=off --console=read-only >"$RUN/console.log" 2>&1
) &
NSPAWN_PID=$!
for _ in $(seq 1 300); do
    for p in $(pgrep -P "$NSPAWN_PID"); do   # the container's PID 1: nspawn's child whose own PID is 1
        [ "$(awk '/^NSpid:/ {print $NF}' "/proc/$p/status" 2>/dev/null)" = 1 ] && LEADER=$p
    done
    [ -n "$LEADER" ] && break
    kill -0 "$NSPAWN_PID" 2>/dev/null || break
    sleep 0.1
done
[ -n "$LEADER" ] || { cat "$RUN/console.log"; die "systemd-nspawn did not start the container"; }
IN() { nsenter --target "$LEADER" --mount --uts --ipc --net --pid --cgroup -- env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb \
    SYSTEMD_PAGER=cat SYSTEMD_COLORS=0 DEBIAN_FRONTEND=noninteractive "$@"; }
state=""
for _ in $(seq 1 600); do
    state=$(IN systemctl is-system-running 2>/dev/null)
    case "$state" in running | degraded) break ;; esac
    kill -0 "$NSPAWN_PID" 2>/dev/null || { cat "$RUN/console.log"; die "the container stopped while booting"; }
    sleep 0.1
done
case "$state" in running | degraded) ;; *) die "the container did not finish booting (state '$state')" ;; esac
echo "INFO booted: $(IN systemctl --version | head -1) is PID 1 of the container, state $state"

: >"$RUN/checks.out"   # made before tail follows it (the background job may open it later)
IN bash /root/live/checks.sh >>"$RUN/checks.out" 2>&1 &
CHECKS_PID=$!
tail -n +1 -f --pid="$CHECKS_PID" "$RUN/checks.out" &
TAIL_PID=$!
wait "$CHECKS_PID"
RC=$?
CHECKS_PID=""
wait "$TAIL_PID"
kill -s RTMIN+4 "$LEADER"   # poweroff
for _ in $(seq 1 150); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.1; done
if [ "$RC" = 0 ]; then echo "RESULT: PASS"; exit 0; fi
echo "RESULT: FAIL"
exit 1

#!/usr/bin/env bash
# Builds the Debian package of feedgen: a release binary with the Swift runtime linked in
# (--static-swift-stdlib, so the server needs no Swift), the units, the example settings and the README.
# Run from anywhere: bash systemd/package.sh  ->  .build-deb/feedgen_VERSION_ARCH.deb (its path is the last line)
# FEEDGEN_BIN=FILE packages a binary built before instead of building one.
# FEEDGEN_CONFIG=debug builds a debug binary instead (about half the build time; the live test uses it).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-deb
if [ -z "${FEEDGEN_BIN:-}" ]; then
    config=${FEEDGEN_CONFIG:-release}
    case $config in release|debug) ;; *) echo "package.sh: FEEDGEN_CONFIG must be release or debug, not $config" >&2; exit 1;; esac
    swift build -c "$config" --static-swift-stdlib --product feedgen --scratch-path "$scratch" >&2
    FEEDGEN_BIN="$(swift build -c "$config" --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/feedgen"
fi
if objdump -p "$FEEDGEN_BIN" | grep -q 'NEEDED *libswiftCore'; then
    echo "package.sh: $FEEDGEN_BIN needs the Swift runtime (build it with --static-swift-stdlib)" >&2
    exit 1
fi
version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/FeedgenCore/Site/FeedgenVersion.swift)
arch=$(dpkg --print-architecture)

# Recommends: msmtp, the SMTP client the digest delivers through (the sendmail of postfix, exim or OpenSMTPD
# needs a setuid or setgid helper, which feedgen-digest.service forbids). Not msmtp-mta: it conflicts with
# every other mail-transport-agent, so it cannot sit beside the MTA of a server; msmtp can.
# Depends: the Debian package of every shared library the binary names (libxml2, libcmark-gfm..., libc6, ...).
depends=$(objdump -p "$FEEDGEN_BIN" | awk '/NEEDED/ {print $2}' | while read -r lib; do
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
    [ -n "$path" ] || { echo "package.sh: $lib (needed by the binary) is not installed" >&2; exit 1; }
    { dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")"; } | head -1 | cut -d: -f1
done | sort -u | paste -sd, | sed 's/,/, /g')

stage=$scratch/stage
rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/usr/bin" "$stage/lib/systemd/system" "$stage/etc/feedgen" \
    "$stage/usr/share/doc/feedgen"
install -m 0755 "$FEEDGEN_BIN" "$stage/usr/bin/feedgen"
strip --strip-unneeded "$stage/usr/bin/feedgen"
# The units name the paths of a source install (/usr/local); a package's live under /usr.
for unit in feedgen-watch.service feedgen-watch@.service feedgen-digest.service feedgen-digest.timer \
    feedgen-serve.service; do
    sed -e 's|/usr/local/bin/feedgen|/usr/bin/feedgen|' -e 's|/usr/local/share/doc/feedgen|/usr/share/doc/feedgen|' \
        "systemd/$unit" >"$stage/lib/systemd/system/$unit"
    chmod 0644 "$stage/lib/systemd/system/$unit"
done
install -m 0644 systemd/feedgen.env systemd/feedgen.yml "$stage/etc/feedgen/"
install -m 0644 README.md "$stage/usr/share/doc/feedgen/README.md"
install -m 0755 systemd/debian/postinst systemd/debian/prerm systemd/debian/postrm "$stage/DEBIAN/"
printf '/etc/feedgen/feedgen.env\n/etc/feedgen/feedgen.yml\n' >"$stage/DEBIAN/conffiles"
cat >"$stage/DEBIAN/control" <<EOF
Package: feedgen
Version: $version
Architecture: $arch
Maintainer: feedgen maintainers <feedgen@localhost>
Depends: $depends
Recommends: git, msmtp
Section: web
Priority: optional
Installed-Size: $(du -sk "$stage" | cut -f1)
Description: publishes a Jekyll newsletter as RSS, Atom and JSON feeds
 feedgen builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents of a multilingual
 Jekyll newsletter, keeps them in step with the content repository (feedgen-watch),
 and sends a weekly plain-text digest (feedgen-digest.timer).
EOF
deb=$scratch/feedgen_${version}_${arch}.deb
dpkg-deb --root-owner-group --build "$stage" "$deb" >&2
echo "$(pwd)/$deb"

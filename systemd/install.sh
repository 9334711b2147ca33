#!/usr/bin/env bash
# Installs feedgen on a systemd server: the release binary in /usr/local/bin, the units in
# /etc/systemd/system, the example settings in /etc/feedgen (existing files are kept), the README in
# /usr/local/share/doc/feedgen. Run as root from the repository: bash systemd/install.sh
# With a binary built before (on another machine: swift build -c release --static-swift-stdlib), nothing is
# built: bash systemd/install.sh --binary PATH
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo bash systemd/install.sh)" >&2; exit 1; }

binary=""
case "${1:-}" in
    --binary) binary=${2:?install.sh: --binary needs the path of a feedgen binary} ;;
    "") ;;
    *) echo "usage: bash systemd/install.sh [--binary PATH]" >&2; exit 64 ;;
esac
if [ -z "$binary" ]; then
    swift build -c release --product feedgen
    binary="$(swift build -c release --show-bin-path)/feedgen"
fi
install -m 0755 "$binary" /usr/local/bin/feedgen
install -d -m 0755 /etc/feedgen /usr/local/share/doc/feedgen
# The services run as this system user; the feeds folder is theirs to write, everyone's to read.
id feedgen >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /var/lib/feedgen --shell /usr/sbin/nologin feedgen
install -d -m 0755 -o feedgen -g feedgen /var/www/feeds
for file in feedgen.env feedgen.yml; do
    if [ -e "/etc/feedgen/$file" ]; then
        echo "kept /etc/feedgen/$file (the new example is /etc/feedgen/$file.example)"
        install -m 0644 "systemd/$file" "/etc/feedgen/$file.example"
    else
        install -m 0644 "systemd/$file" "/etc/feedgen/$file"
    fi
done
install -m 0644 systemd/feedgen-watch.service systemd/feedgen-watch@.service systemd/feedgen-digest.service systemd/feedgen-digest.timer \
    /etc/systemd/system/
install -m 0644 README.md /usr/local/share/doc/feedgen/README.md
systemctl daemon-reload 2>/dev/null || echo "(systemd is not running here: run 'systemctl daemon-reload' on the server)"
cat <<'NEXT'
Installed. Next:
  1. edit /etc/feedgen/feedgen.env (site, output folder) and /etc/feedgen/feedgen.yml (base_url, digest);
  2. systemctl enable --now feedgen-watch.service feedgen-digest.timer
  3. journalctl -u feedgen-watch -f          # the rebuild log
     systemctl start feedgen-digest.service  # a digest now, by hand
NEXT

#!/usr/bin/env bash
# Requests per second for a feed served by nginx with systemd/nginx-feedgen.conf (only `listen` and `root`
# changed), measured with wrk on the loopback: a full 200 of the all-languages rss.xml (gzipped, as readers
# ask for it), and a 304 to a conditional request with its ETag. `feedgen serve` is measured beside it, over
# the same folder and in the same run, by the script that comes with that command.
#
#   bash Tests/Benchmarks/serve-benchmark.sh [SECONDS]     (default: 10 seconds per measurement)
# Needs nginx, wrk and curl (Debian packages); runs nginx as nobody; stops it (by its pid) on every exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
swift build -c release --product feedgen >/dev/null
feedgen=$(swift build -c release --show-bin-path)/feedgen
work=$(mktemp -d)
chmod 755 "$work"
nginx_pid=""
trap '[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; rm -rf "$work"' EXIT

"$feedgen" build --site ../shared/corpus/dair-ai --out "$work/out" >/dev/null
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
mkdir "$work/nginx" && chown nobody "$work/nginx"
sed -e "s#^    listen 80;#    listen 127.0.0.1:$port;#" -e "s#^    root /var/www/feeds;#    root $work/out;#" \
    systemd/nginx-feedgen.conf >"$work/nginx/feedgen.conf"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log stderr;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/feedgen.conf;
}
CONF
setpriv --reuid=nobody --regid=nogroup --clear-groups /usr/sbin/nginx -e stderr -p "$work/nginx/" \
    -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
url="http://127.0.0.1:$port/rss.xml"
etag=$(curl -sI "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url")" = 304 ]

rate() { wrk -t1 -c16 -d"${duration}s" "$@" "$url" | sed -n 's/^Requests\/sec: *//p'; }
printf '%-8s %-28s %12s\n' server request requests/s
printf '%-8s %-28s %12s\n' nginx "200 rss.xml (gzip)" "$(rate -H 'Accept-Encoding: gzip')"
printf '%-8s %-28s %12s\n' nginx "304 If-None-Match" "$(rate -H "If-None-Match: $etag")"

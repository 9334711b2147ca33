#!/usr/bin/env bash
# Requests per second of `feedgen serve` beside nginx serving the same folder in the same run, both on loopback,
# measured with wrk: a full 200 of the all-languages rss.xml (gzipped, as readers ask for it), and a 304 (the
# request carries the server's own ETag, and accepts gzip). nginx runs as nobody with systemd/nginx-feedgen.conf
# (only `listen` and `root` changed); both write one access-log line per request to a file. Prints requests per
# second and the ratio feedgen / nginx.
#
#   bash Tests/Benchmarks/serve-benchmark.sh [SECONDS] [CONNECTIONS]   (default: 10 s per measurement, 16 connections)
#   FEEDGEN=.build/debug/feedgen bash Tests/Benchmarks/serve-benchmark.sh   (skips the release build)
# Needs wrk, nginx, curl and python3 (Debian packages); run as root (nginx is started as nobody). Stops both
# servers, by their process ids, on every exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
connections=${2:-16}
for tool in wrk curl python3 setpriv /usr/sbin/nginx; do
    command -v "$tool" >/dev/null || { echo "serve-benchmark: $tool is not installed" >&2; exit 2; }
done
if [ -z "${FEEDGEN:-}" ]; then
    swift build -c release --product feedgen >&2
    FEEDGEN=$(swift build -c release --show-bin-path)/feedgen
fi
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # PORT: until something accepts connections there, for at most 30 s
    python3 - "$1" <<'PY'
import socket, sys, time
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.02)
sys.exit(1)
PY
}

"$FEEDGEN" build --site ../shared/corpus/dair-ai --out "$work/out" >/dev/null 2>"$work/build.log" ||
    { cat "$work/build.log" >&2; exit 1; }
feed=rss.xml

feedgen_port=$(free_port)
"$FEEDGEN" serve --out "$work/out" --listen "127.0.0.1:$feedgen_port" 2>"$work/feedgen-access.log" &
pids+=($!)

nginx_port=$(free_port)
mkdir "$work/nginx" && chown nobody "$work/nginx"
sed -e "s#^    listen 80;#    listen 127.0.0.1:$nginx_port;#" -e "s#^    root /var/www/feeds;#    root $work/out;#" \
    systemd/nginx-feedgen.conf >"$work/nginx/feedgen.conf"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log stderr;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $work/nginx/access.log;
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
pids+=($!)
wait_for "$feedgen_port" && wait_for "$nginx_port" || { echo "serve-benchmark: a server did not start" >&2; exit 1; }

gzip='Accept-Encoding: gzip'
etag() { # PORT: the ETag of the gzipped feed there
    curl -s -o /dev/null -D - -H "$gzip" "http://127.0.0.1:$1/$feed" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'
}
for port in "$feedgen_port" "$nginx_port"; do
    answer=$(curl -s -o /dev/null -w '%{http_code} %header{content-encoding}' -H "$gzip" "http://127.0.0.1:$port/$feed")
    [ "$answer" = "200 gzip" ] || { echo "serve-benchmark: port $port answers '$answer', not '200 gzip'" >&2; exit 1; }
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "$gzip" -H "If-None-Match: $(etag "$port")" \
        "http://127.0.0.1:$port/$feed")
    [ "$status" = 304 ] || { echo "serve-benchmark: port $port answers $status, not 304, to its own ETag" >&2; exit 1; }
done
rps() { # PORT [HEADER...]: requests per second over the run; fails if any answer was not 2xx or 3xx
    local port=$1
    shift
    local headers=()
    for header in "$@"; do headers+=(-H "$header"); done
    wrk -t 2 -c "$connections" -d "${duration}s" "${headers[@]}" "http://127.0.0.1:$port/$feed" >"$work/wrk.out"
    if grep -q "Non-2xx" "$work/wrk.out"; then cat "$work/wrk.out" >&2; exit 1; fi
    awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out"
}
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }

echo "$feed: $(stat -c %s "$work/out/$feed") bytes, $(stat -c %s "$work/out/$feed.gz") gzipped;" \
    "wrk: 2 threads, $connections connections, $duration s each; $(nproc) cores; $FEEDGEN"
printf '%-12s %14s %14s %8s\n' request "feedgen req/s" "nginx req/s" ratio
f200=$(rps "$feedgen_port" "$gzip")
n200=$(rps "$nginx_port" "$gzip")
printf '%-12s %14s %14s %8s\n' "200 (gzip)" "$f200" "$n200" "$(ratio "$f200" "$n200")"
f304=$(rps "$feedgen_port" "$gzip" "If-None-Match: $(etag "$feedgen_port")")
n304=$(rps "$nginx_port" "$gzip" "If-None-Match: $(etag "$nginx_port")")
printf '%-12s %14s %14s %8s\n' 304 "$f304" "$n304" "$(ratio "$f304" "$n304")"

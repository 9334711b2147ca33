#!/usr/bin/env bash
# Requests per second of `feedgen serve` (release) against nginx serving the same folder in the same run, both on
# loopback, measured with wrk: a full 200 of a feed, and a 304 (the request carries the feed's ETag). nginx runs
# unprivileged with a temporary configuration; both log every request to a file (feedgen's access log goes to a
# file too). Prints requests per second and the ratio feedgen / nginx.
#
#   bash Tests/Benchmarks/serve-bench.sh [SECONDS] [CONNECTIONS]      (default: 10 s, 16 connections)
#   FEEDGEN=path/to/feedgen bash Tests/Benchmarks/serve-bench.sh      (skip the release build)
# Needs wrk, nginx and curl (Debian: apt-get install wrk nginx curl).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
connections=${2:-16}
for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "serve-bench: $tool is not installed" >&2; exit 2; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ -z "${FEEDGEN:-}" ]; then
    swift build -c release --product feedgen >/dev/null
    FEEDGEN=$(swift build -c release --show-bin-path)/feedgen
fi
work=$(mktemp -d)
chmod 755 "$work" # nginx started by root serves as an unprivileged worker user
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # PORT: polls until something accepts connections, for at most 30 s
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

# The folder: the example site's feeds, built by feedgen.
"$FEEDGEN" build --out "$work/out" >/dev/null 2>&1 || "$FEEDGEN" build --out "$work/out"
feed=rss.xml
size=$(stat -c %s "$work/out/$feed")

feedgen_port=$(free_port)
"$FEEDGEN" serve --out "$work/out" --listen "127.0.0.1:$feedgen_port" 2>"$work/feedgen.log" &
pids+=($!)

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    types { application/rss+xml xml; application/feed+json json; text/x-opml opml; text/html html; }
    charset utf-8;
    charset_types application/rss+xml application/feed+json text/x-opml;
    sendfile on;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/out;
        add_header Cache-Control "public, max-age=300";
    }
}
CONF
"$nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=($!)
wait_for "$feedgen_port" && wait_for "$nginx_port" || { echo "serve-bench: a server did not start" >&2; exit 1; }

etag() { curl -s -o /dev/null -D - "http://127.0.0.1:$1/$feed" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'; }
rps() { # URL [HEADER]: requests per second over the run; fails if any answer was not 2xx or 3xx
    wrk -t 2 -c "$connections" -d "${duration}s" ${2:+-H "$2"} "$1" >"$work/wrk.out"
    if grep -q "Non-2xx" "$work/wrk.out"; then cat "$work/wrk.out" >&2; exit 1; fi
    awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out"
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

for port in "$feedgen_port" "$nginx_port"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/$feed")
    [ "$status" = 200 ] || { echo "serve-bench: port $port answers $status, not 200" >&2; exit 1; }
done
echo "$feed: $size bytes; wrk: 2 threads, $connections connections, ${duration} s each; $(nproc) cores"
printf '%-6s %14s %14s %8s\n' what "feedgen req/s" "nginx req/s" ratio
f200=$(rps "http://127.0.0.1:$feedgen_port/$feed")
n200=$(rps "http://127.0.0.1:$nginx_port/$feed")
printf '%-6s %14s %14s %8s\n' 200 "$f200" "$n200" "$(ratio "$f200" "$n200")"
for port in "$feedgen_port" "$nginx_port"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $(etag "$port")" "http://127.0.0.1:$port/$feed")
    [ "$status" = 304 ] || { echo "serve-bench: port $port answers $status, not 304, to its own ETag" >&2; exit 1; }
done
f304=$(rps "http://127.0.0.1:$feedgen_port/$feed" "If-None-Match: $(etag "$feedgen_port")")
n304=$(rps "http://127.0.0.1:$nginx_port/$feed" "If-None-Match: $(etag "$nginx_port")")
printf '%-6s %14s %14s %8s\n' 304 "$f304" "$n304" "$(ratio "$f304" "$n304")"

#!/bin/bash
# Runs inside the booted container (as root; live-test.sh copies it to /root/live with the package and the
# example site): does what README's "Installing on a server" says, step by step, then checks the units.
set -u
cd /root/live || exit 2
FAILS=0
pass() { echo "PASS $1: $2"; }
fail() { echo "FAIL $1: $2"; FAILS=$((FAILS + 1)); }
info() { echo "INFO $*"; }
quote() { sed 's/^/    | /'; }
prop() { systemctl show -P "$2" "$1"; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
# Waits up to $1 tenths of a second for the command after it to succeed.
wait_for() {
    local n=$1
    shift
    for _ in $(seq 1 "$n"); do "$@" && return 0; sleep 0.1; done
    return 1
}
W=feedgen-watch.service D=feedgen-digest.service TM=feedgen-digest.timer
OUT=/var/www/feeds SITE=/srv/newsletter
DEB=$(ls /root/live/feedgen_*.deb)

# ------------------------------------------------------------------ README: install the package
if apt-get install -y "$DEB" >/tmp/apt.log 2>&1; then
    pass install "apt-get install $(basename "$DEB"): feedgen $(feedgen --version), user $(id feedgen)"
else
    fail install "apt-get install failed"
    quote </tmp/apt.log
    exit 1
fi
for u in $W feedgen-watch@.service $D $TM feedgen-serve.service; do
    out=$(systemd-analyze verify "/lib/systemd/system/$u" 2>&1)
    [ -z "$out" ] && pass "verify $u" "systemd-analyze verify: clean" || { fail "verify $u" "systemd-analyze verify:"; echo "$out" | quote; }
done
for u in $W $D; do
    line=$(systemd-analyze security "$u" 2>/dev/null | grep 'Overall exposure level')
    info "systemd-analyze security $u: ${line#→ }"
done

# ------------------------------------------------------------------ README: the content repository
# The editors push to a remote (a bare repository here); the server's checkout is a clone owned by feedgen.
git config --global user.email editor@example.org && git config --global user.name Editor
git config --global init.defaultBranch main
git -C /root/live/site init -q && git -C /root/live/site add -A && git -C /root/live/site commit -qm "the site"
git clone -q --bare /root/live/site /srv/newsletter.git
# The remote belongs to another user (an editor); git reads it for feedgen only when told it is safe.
useradd --system --no-create-home editor && chown -R editor:editor /srv/newsletter.git
git config --system --add safe.directory /srv/newsletter.git
git clone -q /srv/newsletter.git $SITE && chown -R feedgen:feedgen $SITE
# The edit an upgrade must keep.
sed -i 's|^base_url: .*|base_url: https://letter.example.org/feeds/|' /etc/feedgen/feedgen.yml

# ------------------------------------------------------------------ README: the digest by mail
# The server's MTA is postfix (local delivery only, listening on 127.0.0.1:25); the digest goes to a local user.
useradd --create-home reader
sed -i 's|^  to: .*|  to: "Reader <reader@localhost>"|' /etc/feedgen/feedgen.yml
printf 'account default\nhost 127.0.0.1\nport 25\nfrom digest@newsletter.example.org\n' >/etc/msmtprc
sed -i 's|^FEEDGEN_DIGEST_OPTIONS=.*|FEEDGEN_DIGEST_OPTIONS=--sendmail --sendmail-program /usr/bin/msmtp|' /etc/feedgen/feedgen.env
MBOX=/var/mail/reader

# A post in the middle of the last complete ISO week: the watcher publishes it, the digest carries it.
dow=$(date +%u)
WED=$(date -d "-$((dow + 4)) days" +%F)
post() { # post FILE TITLE
    printf -- '---\nlayout: post\ntitle: "%s"\n---\n\nWritten by the live test.\n' "$2" >"$1"
}

# ------------------------------------------------------------------ README: enable --now
t0=$(date +%s%N)
if timeout 60 systemctl enable --now $W $TM >/tmp/enable.log 2>&1; then
    pass enable "systemctl enable --now $W $TM: exit 0 after $(ms_since "$t0") ms (returns on READY=1)"
else
    fail enable "systemctl enable --now failed"
    quote </tmp/enable.log
fi
[ "$(prop $W SubState)" = running ] && pass watch-running "$(prop $W ActiveState)/$(prop $W SubState), Type=$(prop $W Type)" \
    || fail watch-running "$(prop $W ActiveState)/$(prop $W SubState) Result=$(prop $W Result)"
journalctl -u $W -o cat | grep -q '^Started feedgen-watch.service' && pass notify-ready "systemd logged 'Started' (READY=1 received)" \
    || fail notify-ready "no 'Started feedgen-watch.service' in the journal"
st=$(prop $W StatusText)
[ -n "$st" ] && pass notify-status "StatusText=\"$st\"" || fail notify-status "no STATUS= received"
PID=$(prop $W MainPID)
grep -qz '^WATCHDOG_USEC=30000000$' /proc/"$PID"/environ && pass watchdog-armed "WatchdogUSec=$(prop $W WatchdogUSec), WATCHDOG_USEC in the daemon's environment" \
    || fail watchdog-armed "WatchdogUSec=$(prop $W WatchdogUSec)"
[ -s $OUT/rss.xml ] && [ -s $OUT/atom.xml ] && [ -s $OUT/feed.json ] && pass feeds "$(ls $OUT | tr '\n' ' ')(owner $(stat -c %U $OUT/rss.xml))" \
    || fail feeds "$OUT holds: $(ls $OUT | tr '\n' ' ')"

# ------------------------------------------------------------------ a new post is republished within 1 s
mkdir -p $SITE/issues/_posts
t0=$(date +%s%N)
post "$SITE/issues/_posts/$WED-live-test.md" "Live test post"
if wait_for 50 grep -q "Live test post" $OUT/rss.xml; then
    ms=$(ms_since "$t0")
    [ "$ms" -le 1000 ] && pass republish "the new post was in rss.xml after $ms ms" || fail republish "the new post took $ms ms (> 1000)"
else fail republish "the new post is not in rss.xml after 5 s"; fi

# ------------------------------------------------------------------ reload
n0=$(journalctl -u $W -o cat | wc -l)
systemctl reload $W
reloaded() { journalctl -u $W -o cat | tail -n +$((n0 + 1)) | grep -q 'reloaded the feed definitions'; }
wait_for 50 reloaded && [ "$(prop $W MainPID)" = "$PID" ] && pass reload "systemctl reload: 'reloaded the feed definitions', same PID $PID" \
    || fail reload "no reload logged (PID $PID -> $(prop $W MainPID))"

# ------------------------------------------------------------------ the watchdog is answered (every 15 s)
wts0=$(prop $W WatchdogTimestampMonotonic)
pinged() { [ "$(prop $W WatchdogTimestampMonotonic)" != "$wts0" ]; }
wait_for 250 pinged && pass watchdog-ping "WATCHDOG=1 received at $(prop $W WatchdogTimestamp)" || fail watchdog-ping "no WATCHDOG=1 within 25 s"

# ------------------------------------------------------------------ SIGKILL: restarted
kill -KILL "$PID"
restarted() { p=$(prop $W MainPID); [ "$p" != "$PID" ] && [ "$p" != 0 ] && [ "$(prop $W SubState)" = running ]; }
wait_for 150 restarted && pass restart "after SIGKILL of $PID: running again as PID $(prop $W MainPID), NRestarts=$(prop $W NRestarts)" \
    || fail restart "not running 15 s after SIGKILL ($(prop $W SubState))"

# ------------------------------------------------------------------ the timer: armed for Monday, fires the digest once
next=$(prop $TM NextElapseUSecRealtime)
day=$(date -d "${next% *}" +%A 2>/dev/null)
[ "$(prop $TM ActiveState)" = active ] && [ "$day" = Monday ] && pass timer-armed "next elapse $next ($day)" \
    || fail timer-armed "$(prop $TM ActiveState), next elapse '$next' ($day)"
mkdir -p /run/systemd/system/$TM.d
printf '[Timer]\nOnCalendar=\nOnActiveSec=1s\nRandomizedDelaySec=0\nAccuracySec=1ms\n' >/run/systemd/system/$TM.d/now.conf
systemctl daemon-reload && systemctl restart $TM
finished() { journalctl -u $D -o cat | grep -q '^Finished feedgen-digest.service'; }
wait_for 300 finished && [ "$(prop $D Result)" = success ] && pass timer-fires "the timer started $D: Result=success" \
    || fail timer-fires "$D did not finish within 30 s (Result=$(prop $D Result))"
rm -rf /run/systemd/system/$TM.d && systemctl daemon-reload && systemctl restart $TM
runs=$(journalctl -u $D -o cat | grep -c '^Finished feedgen-digest.service')
sent=$(journalctl -u $D -o cat | grep '^Sent the digest of ')
[ "$runs" = 1 ] && [ -n "$sent" ] && pass digest-ran-once "one run: $sent" \
    || { fail digest-ran-once "$runs runs; its output:"; journalctl -u $D -o cat | quote; }
state=$(ls /var/lib/feedgen/digest-*.json 2>/dev/null)
[ -n "$state" ] && pass digest-state "recorded in $state" || fail digest-state "no state in /var/lib/feedgen"

# ------------------------------------------------------------------ the digest in the mailbox, once
# postfix delivers from its queue: wait until the queue is empty (the mail delivered or bounced).
queue_empty() { postqueue -p 2>/dev/null | grep -q 'Mail queue is empty'; }
wait_for 300 queue_empty || { fail mail-queue "postfix's queue is not empty after 30 s:"; postqueue -p | quote; }
head=$(sed '/^$/q' $MBOX 2>/dev/null)
missing=""
for h in From To Subject Date Message-ID List-Unsubscribe; do echo "$head" | grep -q "^$h: " || missing="$missing $h"; done
subject=$(echo "$head" | sed -n '/^Subject: /,/^[^ ]/p' | grep -o '=?utf-8?B?[^?]*?=' | sed 's/^=?utf-8?B?//; s/?=$//' \
    | while read -r b; do echo "$b" | base64 -d; done)
if [ -z "$missing" ] && echo "$head" | grep -qx 'From: Newsletter <digest@newsletter.example.org>' \
    && echo "$head" | grep -qx 'To: Reader <reader@localhost>' && echo "$head" | grep -q '^Return-Path: <digest@newsletter.example.org>$' \
    && echo "$head" | grep -qx 'List-Unsubscribe: <mailto:readers-leave@lists.newsletter.example.org>' \
    && echo "$head" | grep -qE '^Message-ID: <digest\.[0-9]{4}-W[0-9]{2}\.all@letter\.example\.org>$' && [[ "$subject" == "Harbour Notes — weekly digest, "* ]]; then
    pass mailbox "delivered to $MBOX by postfix: $(echo "$head" | grep -E '^(Message-ID|Date):' | tr '\n' ' ')Subject \"$subject\""
else
    fail mailbox "headers missing:${missing:- none}, subject '$subject'; $MBOX:"
    head -40 $MBOX 2>&1 | quote
fi
grep -qsx 'Content-Type: text/plain; charset=utf-8; format=flowed' $MBOX && grep -qs '^Live test post' $MBOX \
    && grep -qsx 'Content-Transfer-Encoding: 8bit' $MBOX \
    && pass mail-body "text/plain; charset=utf-8; format=flowed (8bit) carrying the week's post" \
    || { fail mail-body "no flowed UTF-8 text part with the week's post:"; sed -n '/^Content-Type: text\/plain/,+12p' $MBOX 2>&1 | quote; }
systemctl start $D
wait_for 300 queue_empty
copies=$(grep -c "^From " $MBOX 2>/dev/null)
[ "$(prop $D Result)" = success ] && [ "$copies" = 1 ] \
    && pass mail-once "a second run (Result=success) sent nothing: one message in $MBOX" \
    || fail mail-once "after a second run (Result=$(prop $D Result)): $copies messages in $MBOX"

# ------------------------------------------------------------------ --pull from the remote
# README: FEEDGEN_WATCH_OPTIONS="--pull 5m" and a drop-in making the checkout writable.
mkdir -p /etc/systemd/system/$W.d
printf '[Service]\nReadWritePaths=/srv/newsletter\nIPAddressAllow=any\n' >/etc/systemd/system/$W.d/pull.conf
sed -i 's|^FEEDGEN_WATCH_OPTIONS=.*|FEEDGEN_WATCH_OPTIONS=--pull 1s|' /etc/feedgen/feedgen.env
systemctl daemon-reload && systemctl restart $W
git clone -q /srv/newsletter.git /srv/editor
post "/srv/editor/issues/_posts/$WED-pulled.md" "Pulled post"
git -C /srv/editor add -A && git -C /srv/editor commit -qm "a pushed post"
chown -R editor:editor /srv/editor && setpriv --reuid=editor --regid=editor --clear-groups env HOME=/srv/editor git -C /srv/editor push -q
if wait_for 100 grep -q "Pulled post" $OUT/rss.xml; then
    pass pull "a commit pushed to the bare repository was pulled and published; journal: $(journalctl -u $W -o cat | grep pulled | tail -1)"
else
    fail pull "the pushed post is not published after 10 s:"
    journalctl -u $W -o cat | tail -5 | quote
fi
ro=$(nsenter -t "$(prop $W MainPID)" -m sh -c 'touch /srv/newsletter.git/x 2>&1; touch /usr/x 2>&1' | tr '\n' ';')
echo "$ro" | grep -q 'newsletter.git/x.*Read-only' && pass pull-access "the daemon may write the checkout only: $ro" || fail pull-access "$ro"

# ------------------------------------------------------------------ the template unit: a second site
mkdir -p /srv/second/_posts /var/www/feeds/second
printf 'title: Second\nurl: https://second.example.org\n' >/srv/second/_config.yml
post "/srv/second/_posts/$WED-second.md" "Second site post"
chown feedgen:feedgen /var/www/feeds/second
# It also exports its metrics, with README's drop-in letting the scraper on localhost through IPAddressDeny=any.
printf 'FEEDGEN_SITE=/srv/second\nFEEDGEN_OUT=/var/www/feeds/second\nFEEDGEN_CONFIG=/etc/feedgen/feedgen.yml\nFEEDGEN_WATCH_OPTIONS=--metrics 127.0.0.1:9464\n' \
    >/etc/feedgen/second.env
mkdir -p /etc/systemd/system/feedgen-watch@second.service.d
printf '[Service]\nIPAddressAllow=localhost\n' >/etc/systemd/system/feedgen-watch@second.service.d/metrics.conf
systemctl daemon-reload
if timeout 60 systemctl enable --now feedgen-watch@second.service && grep -q "Second site post" /var/www/feeds/second/rss.xml; then
    pass template "feedgen-watch@second.service ($(prop feedgen-watch@second.service SubState)) published /var/www/feeds/second"
else fail template "feedgen-watch@second.service: $(prop feedgen-watch@second.service Result)"; fi
scrape() {
    timeout 10 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9464 \
        && printf "GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3 && cat <&3'
}
# The build is counted once its log line is written, just after the feeds are in place.
wait_for 50 sh -c 'journalctl -u feedgen-watch@second.service -o cat | grep -q "rebuild trigger=start"'
metrics=$(scrape 2>&1 | tr -d '\r')
echo "$metrics" | grep -qx 'feedgen_rebuilds_total{trigger="start"} 1' && echo "$metrics" | grep -q '^HTTP/1.1 200' \
    && pass metrics "scraped 127.0.0.1:9464/metrics through the IPAddressAllow=localhost drop-in: $(echo "$metrics" | grep -E '^feedgen_(rebuilds_total\{trigger="start"\}|feeds_rewritten_total)' | tr '\n' ' ')" \
    || { fail metrics "no start rebuild counted at 127.0.0.1:9464/metrics:"; echo "$metrics" | head -5 | quote; }

# ------------------------------------------------------------------ stop: exit 0 within 1 s
t0=$(date +%s%N)
systemctl stop $W
ms=$(ms_since "$t0")
[ "$(prop $W Result)" = success ] && [ "$(prop $W ExecMainStatus)" = 0 ] && [ "$ms" -le 1000 ] \
    && pass stop "systemctl stop: $ms ms, Result=success, exit status 0" || fail stop "$ms ms, Result=$(prop $W Result) status $(prop $W ExecMainStatus)"
systemctl start $W

# ------------------------------------------------------------------ the journal: nothing at warning or above
# (but the two lines systemd logs for the SIGKILL above)
warn=$(journalctl -p warning -u "feedgen*" -o cat | grep -v -x -e "feedgen-watch.service: Main process exited, code=killed, status=9/KILL" \
    -e "feedgen-watch.service: Failed with result 'signal'.")
[ -z "$warn" ] && pass journal "no line at warning level or above from feedgen's units" \
    || { fail journal "$(echo "$warn" | wc -l) lines at warning or above:"; echo "$warn" | sort | uniq -c | head | quote; }
# setpriority is allowed: no EPERM. Dispatch's event thread asks for nice -4, which needs CAP_SYS_NICE: one
# EACCES line (errno=13, at notice level) per process start remains.
eperm=$(journalctl -u "feedgen*" -o cat | grep -E 'errno=1$|EPERM|Operation not permitted')
[ -z "$eperm" ] && pass no-eperm "no EPERM in feedgen's units' journal" || { fail no-eperm "denied system calls:"; echo "$eperm" | sort | uniq -c | quote; }
info "libdispatch's notice 'Failed to set thread priority ... errno=13' (EACCES) appears $(journalctl -u "feedgen*" -o cat | grep -c 'errno=13$') times" \
    "for $(journalctl -u "feedgen*" -o cat | grep -c -E '^(Started|Starting) feedgen') unit starts"

# ------------------------------------------------------------------ upgrade in place
pid0=$(prop $W MainPID) ino0=$(stat -c %i /usr/bin/feedgen)
if apt-get install -y --reinstall "$DEB" >/tmp/apt.log 2>&1; then
    [ "$(prop $W MainPID)" != "$pid0" ] && [ "$(prop $W SubState)" = running ] && [ "$(stat -c %i /usr/bin/feedgen)" != "$ino0" ] \
        && grep -q 'letter.example.org/feeds/' /etc/feedgen/feedgen.yml \
        && pass upgrade "binary replaced, $W restarted ($pid0 -> $(prop $W MainPID)), the edit of feedgen.yml kept" \
        || fail upgrade "PID $pid0 -> $(prop $W MainPID), inode $ino0 -> $(stat -c %i /usr/bin/feedgen), $(grep base_url /etc/feedgen/feedgen.yml)"
else fail upgrade "apt-get install --reinstall failed"; quote </tmp/apt.log; fi

# ------------------------------------------------------------------ remove keeps the feeds and the state; purge
apt-get remove -y feedgen >/tmp/apt.log 2>&1 || { fail remove "apt-get remove failed"; quote </tmp/apt.log; }
[ ! -e /usr/bin/feedgen ] && [ -s $OUT/rss.xml ] && [ -n "$(ls /var/lib/feedgen/digest-*.json)" ] && [ -f /etc/feedgen/feedgen.yml ] \
    && [ "$(prop $W ActiveState)" = inactive ] && pass remove "binary gone, services stopped; feeds, digest state and settings kept" \
    || fail remove "after remove: $(ls /usr/bin/feedgen $OUT/rss.xml /var/lib/feedgen /etc/feedgen 2>&1 | tr '\n' ' ') $W $(prop $W ActiveState)"
apt-get purge -y feedgen >/tmp/apt.log 2>&1 || { fail purge "apt-get purge failed"; quote </tmp/apt.log; }
! id feedgen 2>/dev/null && [ ! -e /etc/feedgen ] && [ -s $OUT/rss.xml ] && pass purge "user and /etc/feedgen gone, the feeds kept" \
    || fail purge "after purge: $(id feedgen 2>&1), $(ls /etc/feedgen 2>&1)"

exit $((FAILS > 0))

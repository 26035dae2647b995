#!/bin/sh
# serve.sh - end-to-end tests of `dostyk serve` on the sample corpus (with
# the event reports of tests/e2e/events.sql):
# every endpoint with good and bad parameters (status, content type,
# JSON shape), a malformed HTTP request, a request body, path tricks,
# parallel clients, the access log, and a clean stop on SIGTERM; then
# POST /api/ingest: refused without a token (403), with a wrong or no
# bearer (401), an oversized body (413), good and malformed lines
# counted per line, and reads answered while an ingest runs.
# Prints "N passed, N failed" last.
set -u
BUILD=${BUILD:-build}
DK=$BUILD/dostyk
T=$(mktemp -d "${TMPDIR:-/tmp}/dostyk-serve.XXXXXX") || exit 1
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || PY=python3

"$DK" ingest --db "$T/r.db" corpus/sample.jsonl >/dev/null 2>&1 || bad "ingest"
# the fixed event reports the chronology's tests expect (events.sh)
sqlite3 "$T/r.db" <tests/e2e/events.sql || bad "events.sql"
"$DK" serve --db "$T/r.db" --port 0 >"$T/access.log" 2>"$T/serve.err" &
PID=$!
port=
for _ in $(seq 1 50); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] && ok || { bad "server did not start: $(cat "$T/serve.err")"; echo "serve: $pass passed, $fail failed"; exit 1; }
B=http://127.0.0.1:$port

# get PATH STATUS [PYTHON-CHECK on the parsed body as `o`]
get() {
    code=$(curl -s -o "$T/body" -w '%{http_code} %{content_type}' "$B$1")
    case "$code" in
        "$2 application/json"*) ;;
        *) bad "GET $1: want $2 JSON, got $code: $(head -c 200 "$T/body")"; return ;;
    esac
    if [ $# -ge 3 ]; then
        "$PY" -c "import json,sys; o=json.load(open(sys.argv[1])); assert $3, o" "$T/body" 2>"$T/pyerr" \
            && ok || bad "GET $1: check failed: $3: $(tail -1 "$T/pyerr")"
    else
        ok
    fi
}

get /healthz 200 'o["ok"] is True'
get /api/stats 200 'o["documents"] >= 12 and o["mentions"] > 0 and "money" in o["kinds"]'
get /api/docs 200 'len(o) >= 12 and all("doc" in d and "title" in d for d in o)'
get '/api/docs?limit=2' 200 'len(o) == 2'
get /api/docs/s01_trade_2023 200 'o["doc"] == "s01_trade_2023" and o["text"] and all(o["text"].encode()[m["start"]:m["end"]].decode() == m["text"] for m in o["mentions"])'
get /api/docs/no-such-doc 404 '"error" in o'
get '/api/search?q=Khorgos' 200 'o and all(set(["doc","sentence","snippet","score"]) <= set(h) for h in o)'
get '/api/search?q=%2412bn' 200 'isinstance(o, list)'
get '/api/search?q=trade&from=2024&to=2024-12-31' 200 'all(h["date"].startswith("2024") for h in o)'
get '/api/search' 400 '"error" in o'
get '/api/search?q=x&from=yesterday' 400 '"from" in o["error"]'
get '/api/search?q=x&limit=0' 400 '"limit" in o["error"]'
get '/api/search?q=%22unbalanced' 200 'isinstance(o, list)'
get '/api/facts?metric=trade_turnover' 200 'o and all(f["metric"] == "trade_turnover" and "sentence" in f for f in o)'
get '/api/facts?metric=%27%3B%20DROP' 400 '"metric" in o["error"]'
get '/api/timeline?metric=trade_turnover&subjects=KZ,CN' 200 'any(t["period"] == "2023" and t["consensus"] == 41.1e9 for t in o)'
get '/api/timeline' 400 '"metric" in o["error"]'
get '/api/timeline?metric=trade_turnover&subjects=KZ,,CN' 400 '"subjects" in o["error"]'
get '/api/conflicts' 200 'all(c["class"] in ("conflict","rounding","revision") for c in o)'
get '/api/check?claim=Trade%20between%20Kazakhstan%20and%20China%20reached%20%2441%20billion%20in%202023.' 200 'o["verdict"] == "supported" and o["evidence"]'
get '/api/check?claim=Trade%20between%20Kazakhstan%20and%20China%20reached%20%2441%20billion%20last%20year.&date=2024-03-01' 200 'o["verdict"] == "supported"'
get '/api/check?claim=x&date=2024-13-40' 400 '"date" in o["error"]'
get '/api/check' 400 '"claim" in o["error"]'
get '/api/check?claim=%97%91%20%2441%20billion' 400 '"UTF-8" in o["error"]'
get /api/events 200 'len(o) == 9 and sum(len(e["sources"]) for e in o) == 11 and all(e["cameo"] and e["actors"] for e in o)'
get '/api/events?actor=xi_jinping&type=meeting' 200 'len(o) == 4 and all(e["event"] == "meeting" and "xi_jinping" in e["actors"] for e in o)'
get '/api/events?type=agreement&from=2023&to=2023-06' 200 'len(o) == 1 and [s["doc"] for s in o[0]["sources"]] == ["s09_xian_summit_2023", "s04_visa_free"]'
get '/api/events?limit=2' 200 'len(o) == 2'
get '/api/events?from=yesterday' 400 '"from" in o["error"]'
get '/api/events?to=2023-13-01' 400 '"to" in o["error"]'
get '/api/events?actor=%27%3B%20DROP' 400 '"actor" in o["error"]'
get '/api/events?limit=0' 400 '"limit" in o["error"]'
get /api/nothing 404 '"error" in o'
get '/api/../../etc/passwd' 404 '"error" in o'
get '/%2e%2e/%2e%2e/etc/passwd' 404 '"error" in o'

# the page: "/" and /assets/* from the embedded table, with ETag and 304
code=$(curl -s -o "$T/page" -D "$T/hdr" -w '%{http_code} %{content_type}' "$B/")
case "$code" in "200 text/html"*) grep -q '/assets/app.js' "$T/page" && ok || bad "page has no script" ;; *) bad "GET /: $code" ;; esac
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(".*"\).*/\1/p' "$T/hdr" | tr -d '\r')
[ -n "$etag" ] && ok || bad "GET /: no ETag"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$B/")
[ "$code" = 304 ] && ok || bad "If-None-Match: $code"
code=$(curl -s -o /dev/null -D "$T/hdr2" -w '%{http_code} %{content_type}' "$B/assets/uPlot.iife.min.js")
case "$code" in "200 text/javascript"*) grep -qi '^cache-control: public, max-age' "$T/hdr2" && ok || bad "asset Cache-Control" ;; *) bad "GET uPlot: $code" ;; esac
get /assets/nothing.js 404 '"error" in o'
get '/assets/%2e%2e/index.html' 404 '"error" in o'
get /favicon.ico 404 '"error" in o'

# no token configured: ingest is refused, the server stays read-only
code=$(curl -s -o "$T/body" -w '%{http_code}' -X POST -H 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz' \
    --data-binary '{"id":"x","text":"Trade rose 5 percent."}' "$B/api/ingest")
[ "$code" = 403 ] && grep -q '"error"' "$T/body" && ok || bad "ingest without --token: $code $(cat "$T/body")"

# a request body, another method, a malformed request line
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data 'x=1' "$B/api/stats")
[ "$code" = 413 ] || [ "$code" = 405 ] && ok || bad "POST with a body: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$B/api/stats")
[ "$code" = 405 ] && ok || bad "DELETE: $code"
reply=$("$PY" - "$port" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"GARBAGE\r\n\r\n")
try:
    print(s.recv(100).split(b"\r\n")[0].decode(errors="replace"))
except OSError:
    print("")
PY
)
# a 4xx answer, or the connection closed without one: never a 200
case "$reply" in *" 4"[0-9][0-9]" "*|*" 505 "*|"") ok ;; *) bad "malformed request answered '$reply'" ;; esac

# parallel clients all answered
pids=
for i in 1 2 3 4 5 6 7 8; do
    curl -s -o "$T/par$i" -w '%{http_code}\n' "$B/api/search?q=trade" >"$T/code$i" &
    pids="$pids $!"
done
for p in $pids; do wait "$p"; done
n=$(cat "$T"/code* | grep -c '^200$')
[ "$n" = 8 ] && ok || bad "parallel clients: $n of 8 answered 200"

# access log: one line per request, no more
lines=$(wc -l <"$T/access.log")
[ "$lines" -ge 30 ] && grep -q ' GET /api/stats 200 ' "$T/access.log" && ok \
    || bad "access log: $lines lines"

# a clean stop
kill -TERM "$PID"
wait "$PID"
rc=$?
PID=
[ $rc -eq 0 ] && grep -q 'stopping' "$T/serve.err" && ok || bad "SIGTERM: exit $rc"

# ---- POST /api/ingest on a server started with a token (from the
# environment, so that ps does not show it) and a 1 MB body limit
TOKEN=test-token-0123456789abcdef
cp "$T/r.db" "$T/w.db"
DOSTYK_TOKEN=$TOKEN "$DK" serve --db "$T/w.db" --port 0 --max-body 1 --quiet \
    >/dev/null 2>"$T/serve2.err" &
PID=$!
port=
for _ in $(seq 1 50); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/serve2.err")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] && ok || bad "server with a token did not start: $(cat "$T/serve2.err")"
B=http://127.0.0.1:$port
grep -q "$TOKEN" "/proc/$PID/cmdline" && bad "the token shows in the command line" || ok

# post FILE STATUS [AUTH] [PYTHON-CHECK]
post() {
    if [ -n "$3" ]; then
        code=$(curl -s -o "$T/body" -w '%{http_code} %{content_type}' -X POST \
            -H "Authorization: $3" --data-binary "@$1" "$B/api/ingest")
    else
        code=$(curl -s -o "$T/body" -w '%{http_code} %{content_type}' -X POST \
            --data-binary "@$1" "$B/api/ingest")
    fi
    case "$code" in
        "$2 application/json"*) ;;
        *) bad "POST $1: want $2 JSON, got $code: $(head -c 200 "$T/body")"; return ;;
    esac
    if [ $# -ge 4 ]; then
        "$PY" -c "import json,sys; o=json.load(open(sys.argv[1])); assert $4, o" "$T/body" 2>"$T/pyerr" \
            && ok || bad "POST $1: check failed: $4: $(tail -1 "$T/pyerr")"
    else
        ok
    fi
}
cat >"$T/two.jsonl" <<'J'
{"id":"api-1","date":"2025-02-03","source":"Wire Z","text":"Freight traffic through the Zhetygen hub reached 4.2 million tonnes in 2024."}
{"id":"api-2", "text": broken
{"id":"api-3","text":"Investment in the joint logistics park rose to $310 million last year."}
{"text":"A record without an id is refused."}
J
post "$T/two.jsonl" 200 "Bearer $TOKEN" 'o["added"] == 2 and o["failed"] == 2 and [e["line"] for e in o["errors"]] == [2, 4] and o["mentions"] > 0'
get '/api/search?q=Zhetygen' 200 'len(o) == 1 and o[0]["doc"] == "api-1" and o[0]["source"] == "Wire Z"'
post "$T/two.jsonl" 200 "Bearer $TOKEN" 'o["added"] == 0 and o["skipped"] == 2'
post "$T/two.jsonl" 401 "Bearer wrong-token-0123456789abcdef" '"error" in o'
post "$T/two.jsonl" 401 "Bearer ${TOKEN}x" '"error" in o'
post "$T/two.jsonl" 401 "" '"error" in o'
post "$T/two.jsonl" 401 "Basic $TOKEN" '"error" in o'
printf '\n\n' >"$T/blank.jsonl"
post "$T/blank.jsonl" 400 "Bearer $TOKEN" '"error" in o'
"$PY" -c 'import sys; sys.stdout.write("{\"id\":\"big\",\"text\":\"" + "word " * 250000 + "\"}\n")' >"$T/big.jsonl"
post "$T/big.jsonl" 413 "Bearer $TOKEN" '"error" in o'
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$B/api/ingest")
[ "$code" = 405 ] && ok || bad "GET /api/ingest: $code"
get '/api/stats' 200 'o["documents"] >= 14'

# reads go on while an ingest runs: 3000 documents in one request (under
# 1 MB) against a stream of searches and stats
"$PY" - "$T/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        f.write(json.dumps({"id": "bulk-%04d" % i, "text":
            "Rail cargo on route %d grew by %d percent to %d thousand tonnes in 2024." % (i, i % 40 + 1, i + 10)}) + "\n")
PY
curl -s -o "$T/bulk.out" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    --data-binary "@$T/many.jsonl" "$B/api/ingest" >"$T/bulk.code" &
BULK=$!
reads=0
good=0
while kill -0 "$BULK" 2>/dev/null && [ $reads -lt 400 ]; do
    c=$(curl -s -o /dev/null -w '%{http_code}' "$B/api/search?q=Zhetygen")
    reads=$((reads + 1))
    [ "$c" = 200 ] && good=$((good + 1))
done
wait "$BULK"
[ -n "${DK_DEBUG:-}" ] && echo "reads during the ingest: $good of $reads"
[ "$(cat "$T/bulk.code")" = 200 ] && grep -q '"added":3000' "$T/bulk.out" && ok \
    || bad "bulk ingest: $(cat "$T/bulk.code") $(head -c 200 "$T/bulk.out")"
[ $reads -ge 1 ] && [ $good -eq $reads ] && ok || bad "reads during the ingest: $good of $reads answered 200"
get '/api/search?q=route%202999' 200 'any(h["doc"] == "bulk-2999" for h in o)'
sqlite3 "$T/w.db" 'PRAGMA integrity_check' | grep -qx ok && ok || bad "integrity after API ingests"
kill -TERM "$PID"
wait "$PID"
PID=

# refusals before listening
DOSTYK_TOKEN=short "$DK" serve --db "$T/r.db" --port 0 >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "a short token must exit 2"
"$DK" serve --db "$T/missing.db" --port 0 >/dev/null 2>"$T/e1"; rc=$?
[ $rc -ne 0 ] && [ "$(wc -l <"$T/e1")" -eq 1 ] && ok || bad "missing db: rc $rc $(cat "$T/e1")"
"$DK" serve --port 99999 >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "bad --port must exit 2"
"$DK" serve --bind not-an-ip --db "$T/r.db" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "bad --bind must exit 2"
"$DK" serve --help | grep -q usage && ok || bad "serve --help"

echo "serve: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# serve.sh - the HTTP API under load: wrk with 64 connections against
# /api/search and /api/facts on loopback, over a record of the sample
# corpus repeated (2,000 documents).  Reports requests/s, p50/p99 latency,
# errors (non-2xx and socket), and the server's resident memory before and
# after, which should stay flat.
#   BUILD=build sh bench/serve.sh        BENCH_SERVE_SECONDS=60
set -eu
BUILD=${BUILD:-build}
SECS=${BENCH_SERVE_SECONDS:-60}
OUT=bench/out/serve
if ! command -v wrk >/dev/null 2>&1; then
    echo "serve bench: wrk is missing (apt-get install wrk), skipped"
    exit 0
fi
mkdir -p "$OUT"
DB=$OUT/record.db
if [ ! -f "$OUT/docs.jsonl" ]; then
    python3 - "$OUT/docs.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open("corpus/sample.jsonl") if l.strip()]
with open(sys.argv[1], "w") as f:
    for i in range(2000):
        d = dict(docs[i % len(docs)])
        d["id"] = "%s-%04d" % (d["id"], i)
        tag = "".join(chr(97 + (i // 26 ** k) % 26) for k in range(3))
        d["text"] += "\nArchive copy %s." % tag
        f.write(json.dumps(d) + "\n")
PY
fi
# incremental: a no-op on a current record, a migration on an older one
"$BUILD/dostyk" ingest --db "$DB" "$OUT/docs.jsonl" >/dev/null 2>&1
"$BUILD/dostyk" serve --db "$DB" --port 0 --quiet 2>"$OUT/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT INT TERM
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$OUT/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "serve bench: the server did not start"; exit 1; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
echo "serve bench: 64 connections, ${SECS}s per endpoint, record of 2000 documents"
printf '%-44s %10s %9s %9s %8s %s\n' endpoint "req/s" "p50" "p99" errors "RSS before -> after (KB)"
for path in "/api/search?q=trade" "/api/facts?metric=trade_turnover&limit=50"; do
    before=$(rss)
    wrk -t2 -c64 -d"${SECS}s" --latency "http://127.0.0.1:$port$path" >"$OUT/wrk.txt" 2>&1
    after=$(rss)
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt")
    sock=$(awk '/Socket errors/ {s = 0; for (i = 4; i <= NF; i += 2) s += $i + 0; print s}' "$OUT/wrk.txt")
    printf '%-44s %10s %9s %9s %8s %s -> %s\n' "$path" "$rps" "$p50" "$p99" \
        "$(( ${non2xx:-0} + ${sock:-0} ))" "$before" "$after"
done

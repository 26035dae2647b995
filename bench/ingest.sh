#!/bin/sh
# ingest.sh - the record's benchmark: ingest speed (MB/s end to end) and
# peak memory on a synthetic corpus, then search latency (p50/p99) over
# the sentences stored.  Called by bench/run.sh when present.
#
#   BUILD=build sh bench/ingest.sh
#   BENCH_INGEST_MB=50      corpus size for the ingest run
#   BENCH_SEARCH_SENTENCES=1000000   sentences for the search run (0: skip)
# Targets (issue 4): ingest >= 20 MB/s, peak RSS < 64 MB, search p50 < 1 ms
# and p99 < 10 ms over 1 million sentences.
set -eu
BUILD=${BUILD:-build}
D=$BUILD/dostyk
MB=${BENCH_INGEST_MB:-50}
NS=${BENCH_SEARCH_SENTENCES:-1000000}
W=${BENCH_DIR:-$BUILD/bench-store}
mkdir -p "$W"
[ -f "$W/corpus-$MB.jsonl" ] || python3 bench/gen_corpus.py "$MB" "$W/corpus-$MB.jsonl"
rm -f "$W/ingest.db" "$W/ingest.db-wal" "$W/ingest.db-shm"
/usr/bin/time -f "%e %M" -o "$W/time" "$D" ingest -q --db "$W/ingest.db" "$W/corpus-$MB.jsonl"
read secs kb <"$W/time"
bytes=$(wc -c <"$W/corpus-$MB.jsonl")
awk -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN {
  r = b / 1e6 / (s > 0 ? s : 0.001);
  printf "ingest: %.1f MB in %.2f s = %.1f MB/s (target >= 20), peak RSS %.1f MB (target < 64)\n", b / 1e6, s, r, k / 1024 }'

[ "$NS" -gt 0 ] || exit 0
# the search database: enough corpus for NS sentences (about 13 a KB)
SMB=$(( NS / 13000 + 1 ))
DB=$W/search-$NS.db
if [ ! -f "$DB" ]; then
  [ -f "$W/corpus-$SMB.jsonl" ] || python3 bench/gen_corpus.py "$SMB" "$W/corpus-$SMB.jsonl"
  "$D" ingest -q --db "$DB" "$W/corpus-$SMB.jsonl"
fi
echo "search: $(sqlite3 "$DB" 'SELECT count(*) FROM sentences') sentences"
cc -O2 -Iinclude -Isrc -o "$W/search_bench" bench/search_bench.c "$BUILD/libdostyk.a" \
   -ljansson -lgumbo -lsqlite3 -lm
cat >"$W/queries.txt" <<'Q'
trade
"freight traffic"
$12bn
investment AND grain
contain*
"rail cargo" OR copper
tourists
12 billion
customs
oil transit
roadmap
percent
Q
"$W/search_bench" "$DB" 20 <"$W/queries.txt"

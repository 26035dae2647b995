#!/bin/sh
# store_crash.sh - a kill -9 at random moments of an ingest leaves a
# database that opens, passes PRAGMA integrity_check, and holds every
# committed document whole (the same sentences and mentions as a clean
# ingest); resuming finishes the job.  Then a full disk (SQLite's
# max_page_count, and a size-limited file with ulimit -f) ends with a
# clear error and a consistent database.
set -u
D=${BUILD:-build}/dostyk
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
passes=0
ok() { echo "ok - $1"; passes=$((passes + 1)); }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

# A synthetic corpus: 4000 documents of made-up sentences with figures.
python3 - "$T/corpus.jsonl" <<'PY'
import json, random, sys
random.seed(7)
words = "trade rail grain freight border terminal wagons exports imports investment pipeline corridor".split()
with open(sys.argv[1], "w") as f:
    for i in range(4000):
        sents = []
        for _ in range(random.randint(3, 12)):
            w = random.sample(words, 4)
            sents.append("The %s %s reached %d %s in %d, up %d percent on the %s." % (
                w[0], w[1], random.randint(2, 999), random.choice(["million dollars", "tonnes", "km", "containers"]),
                random.randint(2000, 2024), random.randint(1, 90), w[2]))
        f.write(json.dumps({"id": "d%05d" % i, "date": "2023-05-%02d" % (i % 28 + 1), "text": " ".join(sents)}) + "\n")
PY
"$D" ingest -q --db "$T/ref.db" "$T/corpus.jsonl" || bad "reference ingest"

whole() {  # $1: database; prints the number of documents not whole
  sqlite3 "$1" "ATTACH '$T/ref.db' AS r;
    SELECT count(*) FROM docs d JOIN r.docs rd ON rd.name = d.name
    WHERE (SELECT count(*) FROM sentences WHERE doc = d.id) !=
          (SELECT count(*) FROM r.sentences WHERE doc = rd.id)
       OR (SELECT count(*) FROM mentions WHERE doc = d.id) !=
          (SELECT count(*) FROM r.mentions WHERE doc = rd.id)
       OR d.hash != rd.hash;"
}

DB=$T/k.db
for round in 1 2 3 4 5; do
  "$D" ingest -q --batch 300 --db "$DB" "$T/corpus.jsonl" 2>/dev/null &
  pid=$!
  # 0.05 .. 0.80 s
  sleep "0.$(awk -v s=$round 'BEGIN{srand(s*1009); printf "%02d", 5 + int(rand()*75)}')"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  [ -f "$DB" ] || continue
  if [ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 0 ]; then
    # killed before the schema's own transaction committed: an empty file
    check "round $round: killed before the schema, empty and sound" \
      "[ \"\$(sqlite3 $DB 'PRAGMA integrity_check')\" = ok ] && [ -z \"\$(sqlite3 $DB 'SELECT name FROM sqlite_master')\" ]"
    continue
  fi
  check "round $round: integrity" "[ \"\$(sqlite3 $DB 'PRAGMA integrity_check')\" = ok ]"
  check "round $round: the index answers" "$D search --db $DB --json trade >/dev/null 2>&1"
  n=$(sqlite3 "$DB" 'SELECT count(*) FROM docs')
  check "round $round: $n committed documents all whole" "[ \"\$(whole $DB)\" = 0 ]"
  check "round $round: no orphan rows" "[ \"\$(sqlite3 $DB 'SELECT (SELECT count(*) FROM sentences WHERE doc NOT IN (SELECT id FROM docs)) + (SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT id FROM docs))')\" = 0 ]"
done
"$D" ingest -q --db "$DB" "$T/corpus.jsonl" 2>/dev/null
check "resumed ingest completes" "[ \"\$(sqlite3 $DB 'SELECT count(*) FROM docs')\" = 4000 ] && [ \"\$(whole $DB)\" = 0 ]"

# Full disk, 1: the database may not grow past ~5 MB (max_page_count).
F=$T/full.db
DOSTYK_MAX_PAGES=1200 "$D" ingest --batch 300 --db "$F" "$T/corpus.jsonl" 2>"$T/ferr"
rc=$?
check "full disk: exit status 10" "[ $rc -eq 10 ]"
check "full disk: a clear message" "grep -q 'full' $T/ferr"
check "full disk: integrity" "[ \"\$(sqlite3 $F 'PRAGMA integrity_check')\" = ok ]"
check "full disk: some committed, all whole" "[ \"\$(sqlite3 $F 'SELECT count(*) FROM docs')\" -gt 0 ] && [ \"\$(whole $F)\" = 0 ]"

# Full disk, 2: a file size limit (ulimit -f, in 512-byte blocks).
G=$T/ulimit.db
(ulimit -f 9000; "$D" ingest --batch 300 --db "$G" "$T/corpus.jsonl") 2>"$T/gerr"
rc=$?
check "size limit: fails cleanly (status 10)" "[ $rc -eq 10 ]"
check "size limit: a clear message" "grep -qi 'disk\|full\|write\|large' $T/gerr"
check "size limit: integrity" "[ \"\$(sqlite3 $G 'PRAGMA integrity_check')\" = ok ]"
check "size limit: some committed, all whole" "[ \"\$(sqlite3 $G 'SELECT count(*) FROM docs')\" -gt 0 ] && [ \"\$(whole $G)\" = 0 ]"

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]

#!/bin/sh
# store.sh - the record end to end: ingest a folder of good and bad files
# (text, JSON Lines, HTML), re-ingest (a no-op), change a document (it is
# replaced), then every reading command: docs, search, facts, show,
# export, stats.  Run from the repository root; BUILD names the build.
set -u
D=${BUILD:-build}/dostyk
C=tests/fixtures/store/corpus
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DB=$T/r.db
fails=0
passes=0
ok() { echo "ok - $1"; passes=$((passes + 1)); }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

# 1. a folder with bad files: they are reported, the rest goes in
"$D" ingest --db "$DB" "$C" >"$T/out" 2>"$T/err"
rc=$?
check "ingest exits with the first failure" "[ $rc -ne 0 ]"
check "bad files are reported by name" \
  "grep -q 'binary.txt: binary data' $T/err && grep -q 'badutf8.txt: invalid UTF-8' $T/err && grep -q 'wire.jsonl:3: malformed JSON' $T/err && grep -q 'empty.txt: empty' $T/err"
check "summary line" "grep -q '^ingest: 5 documents added (0 replaced), 0 skipped, 5 failed' $T/err"
check "nothing on stdout" "[ ! -s $T/out ]"
V=$(sed -n 's/^#define DK_STORE_VERSION \([0-9]*\).*/\1/p' src/store/store.h)
check "schema version $V" "[ \"\$(sqlite3 $DB 'PRAGMA user_version')\" = $V ]"
check "WAL mode" "[ \"\$(sqlite3 $DB 'PRAGMA journal_mode')\" = wal ]"
check "integrity" "[ \"\$(sqlite3 $DB 'PRAGMA integrity_check')\" = ok ]"

# 2. incremental: the same content again is a no-op
"$D" ingest --db "$DB" "$C" 2>"$T/err2"
check "re-ingest skips everything" "grep -q '0 documents added (0 replaced), 5 skipped' $T/err2"
n1=$(sqlite3 "$DB" 'SELECT count(*) FROM mentions')

# 3. a changed document with the same id replaces its rows
printf '{"id":"wire-2","date":"2024-01-15","text":"Tourist flows tripled to 900,000 people in 2023."}\n' >"$T/w2.jsonl"
"$D" ingest --db "$DB" "$T/w2.jsonl" 2>"$T/err3"
check "changed document replaced" "grep -q '1 documents added (1 replaced)' $T/err3"
check "one wire-2 left" "[ \"\$(sqlite3 $DB \"SELECT count(*) FROM docs WHERE name='wire-2'\")\" = 1 ]"
check "old sentence gone from the index" \
  "[ \"\$(sqlite3 $DB \"SELECT count(*) FROM sentences WHERE doc NOT IN (SELECT id FROM docs)\")\" = 0 ]"
"$D" search --db "$DB" doubled >"$T/s0" 2>/dev/null
check "old text not found" "[ ! -s $T/s0 ]"
"$D" search --db "$DB" tripled >"$T/s1"
check "new text found" "grep -q 'wire-2' $T/s1"

# 4. metadata of plain text: title, dateline, byline; furniture kept out
R=$C/rail.txt
check "title from the text" "[ \"\$(sqlite3 $DB \"SELECT title FROM docs WHERE name='$R'\")\" = 'Border rail crossing handles record freight' ]"
check "date from the dateline" "[ \"\$(sqlite3 $DB \"SELECT date FROM docs WHERE name='$R'\")\" = 2023-04-03 ]"
check "author from the byline" "[ \"\$(sqlite3 $DB \"SELECT author FROM docs WHERE name='$R'\")\" = 'Example Correspondent' ]"
"$D" search --db "$DB" 77 >"$T/s2" 2>/dev/null
"$D" search --db "$DB" shows >"$T/s3" 2>/dev/null
"$D" search --db "$DB" directly >"$T/s4" 2>/dev/null
check "furniture is not a sentence" "[ ! -s $T/s2 ] && [ ! -s $T/s3 ] && [ ! -s $T/s4 ]"
check "furniture has no mentions" "[ \"\$(sqlite3 $DB \"SELECT count(*) FROM mentions WHERE text IN ('77','50')\")\" = 0 ]"

# 5. HTML: metadata from meta tags, no menus or footers
P=$C/sub/page.html
check "html title/date/author/source" "[ \"\$(sqlite3 $DB \"SELECT title||'|'||date||'|'||author||'|'||source FROM docs WHERE name='$P'\")\" = 'Steppe rail freight grows by a third|2023-03-14|Dana Example|Example Wire' ]"
check "html furniture dropped" "[ \"\$(sqlite3 $DB \"SELECT instr(text,'Facebook')+instr(text,'Copyright')+instr(text,'Read more')+instr(text,'Related') FROM docs WHERE name='$P'\")\" = 0 ]"

# 6. search: figures meet figures, filters, JSON
"$D" search --db "$DB" --json '$12bn' >"$T/j"
check "\$12bn finds 12 billion dollars" "grep -q '12 billion dollars' $T/j"
check "search json fields" \
  "python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]; r=json.loads(open(sys.argv[1]).readline()); assert set(r)>={\"doc\",\"title\",\"date\",\"sentence\",\"snippet\",\"score\"}, r' $T/j"
"$D" search --db "$DB" --from 2024 '$12bn' >"$T/f"
check "--from filters by date" "grep -q grain $T/f && ! grep -q rail.txt $T/f"
"$D" search --db "$DB" --source 'Example Wire' pipeline >"$T/src"
check "--source" "grep -q wire-1 $T/src"
"$D" search --db "$DB" '"pipeline of"' >"$T/ph"
check "phrase" "grep -q wire-1 $T/ph"
"$D" search --db "$DB" 'pipel*' >"$T/pf"
check "prefix" "grep -q wire-1 $T/pf"
"$D" search --db "$DB" 'AND (' >/dev/null 2>&1
check "an empty query is a usage error" "[ $? -eq 2 ]"

# 7. facts, show, export, docs, stats
"$D" facts --db "$DB" --json >"$T/facts"
check "facts runs" "[ $? -eq 0 ]"
"$D" export --db "$DB" --format jsonl >"$T/exp"
check "export jsonl: one object per mention" \
  "[ \"\$(grep -c . $T/exp)\" = \"\$(sqlite3 $DB 'SELECT count(*) FROM mentions')\" ]"
check "export jsonl fields" \
  "python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]; r=json.loads(open(sys.argv[1]).readline()); assert {\"doc\",\"start\",\"end\",\"text\",\"kind\",\"sentence\"} <= set(r), r' $T/exp"
"$D" export --db "$DB" --format csv >"$T/exp.csv"
check "export csv parses, same rows" \
  "python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline=\"\"))); assert len(rows)==int(sys.argv[2]); assert rows[0][\"doc\"]' $T/exp.csv \$(sqlite3 $DB 'SELECT count(*) FROM mentions')"
"$D" show --db "$DB" "$R" >"$T/show"
check "show marks mentions" "grep -q '\[\$12bn\]{money 12000000000 USD}' $T/show"
"$D" show --db "$DB" nope >/dev/null 2>&1
check "show of a missing doc: 11" "[ $? -eq 11 ]"
"$D" docs --db "$DB" --json >"$T/docs"
check "docs lists 5" "[ \"\$(grep -c . $T/docs)\" = 5 ]"
"$D" stats --db "$DB" --json >"$T/stats"
check "stats" "python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s[\"documents\"]==5 and s[\"mentions\"]>0 and s[\"kinds\"], s' $T/stats"
"$D" docs --db "$T/none.db" >/dev/null 2>&1
check "a missing database: 11" "[ $? -eq 11 ]"

# 8. stdin and DOSTYK_DB
printf 'Stdin text with 42 wagons.\n' | DOSTYK_DB="$T/env.db" "$D" ingest - 2>/dev/null
check "stdin and \$DOSTYK_DB" "[ \"\$(sqlite3 $T/env.db \"SELECT name FROM docs\")\" = stdin ]"

# 9. the shared sample corpus, when present
S=../shared/corpus/seeds.jsonl
if [ -f "$S" ]; then
  "$D" ingest --db "$T/seeds.db" "$S" 2>/dev/null
  check "sample corpus ingests" "[ \"\$(sqlite3 $T/seeds.db 'SELECT count(*) FROM docs')\" -ge 3 ]"
  "$D" facts --db "$T/seeds.db" --json >"$T/sf"
  check "facts: every line a figure with a metric, its sentence and date" \
    "python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; assert all(r[\"metric\"] and r[\"sentence\"] and r[\"text\"] in r[\"sentence\"] for r in rows), rows[:1]' $T/sf"
  n=$(grep -c . "$T/sf")
  "$D" facts --db "$T/seeds.db" --csv >"$T/sf.csv"
  check "facts --csv: the same rows" \
    "[ \"\$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], newline=\"\")))))' $T/sf.csv)\" = $n ]"
fi

# 10. a record of schema 4 (made by dostyk before the document text was
# cut at its sentences) migrates, keeps its documents whole, and reads
# the same as the same sources ingested now: the same documents, text,
# sentences and search hits (the mentions themselves are the extractor's
# of the day the fixture was made, so they are not compared)
cp tests/fixtures/store/schema4.db "$T/v4.db"
"$D" ingest -q --db "$T/v4.db" /dev/null 2>/dev/null
check "schema 4 migrates to $V" "[ \"\$(sqlite3 $T/v4.db 'PRAGMA user_version')\" = $V ]"
check "migrated: integrity" "[ \"\$(sqlite3 $T/v4.db 'PRAGMA integrity_check')\" = ok ]"
check "migrated: the old documents keep their whole text" \
  "[ \"\$(sqlite3 $T/v4.db 'SELECT count(*) FROM docs WHERE cut = 0 AND length(CAST(text AS BLOB)) = bytes')\" = 4 ]"
V4=$(sqlite3 "$T/v4.db" 'SELECT name FROM docs ORDER BY id')
# shellcheck disable=SC2086
"$D" ingest -q --db "$T/v5.db" $V4 2>/dev/null
check "ingested now: the text is cut at the sentences" \
  "[ \"\$(sqlite3 $T/v5.db 'SELECT count(*) FROM docs WHERE cut = 1 AND length(CAST(text AS BLOB)) < bytes')\" = 4 ]"
for f in v4 v5; do
  for n in $V4; do
    "$D" show --json --db "$T/$f.db" "$n" | head -n 1
  done >"$T/$f.show" 2>&1
  "$D" export --db "$T/$f.db" --format jsonl 2>&1 | python3 -c '
import json, sys
rows = {tuple(json.loads(l).get(k) for k in ("doc", "sentence", "title", "date", "source", "url"))
        for l in sys.stdin}
for r in sorted(rows, key=repr):
    print(json.dumps(r))' >"$T/$f.export"
  "$D" search --db "$T/$f.db" --json --limit 0 'Khorgos OR container* OR trade' \
    >"$T/$f.search" 2>&1
done
check "migrated and new: show the same" "cmp -s $T/v4.show $T/v5.show"
check "migrated and new: export the same" "cmp -s $T/v4.export $T/v5.export"
check "migrated and new: search the same" "cmp -s $T/v4.search $T/v5.search && [ -s $T/v5.search ]"
# the whole text again, byte for byte, from a cut document
"$D" show --json --db "$T/v5.db" corpus/t01_business_council.txt | head -n 1 >"$T/t01.json"
check "show --json: a cut document's whole text" \
  "python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).read()); assert d[\"text\"] == open(sys.argv[2], encoding=\"utf-8\").read()' $T/t01.json corpus/t01_business_council.txt"

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]

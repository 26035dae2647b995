#!/bin/sh
# events.sh - end-to-end tests of `dostyk events` and `dostyk export
# --events` on the sample corpus with the fixed event reports of
# tests/e2e/events.sql: the chronology's lines, linking across documents,
# JSON and CSV shapes, filters, bad options, an empty record, reports
# the extractor found linked across documents, and the migration of a
# version-1 database.
# Prints "events: N passed, N failed" last.
set -u
BUILD=${BUILD:-build}
DK=$BUILD/dostyk
T=$(mktemp -d "${TMPDIR:-/tmp}/dostyk-events.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || PY=python3
DB=$T/r.db

# py FILE CHECK: CHECK holds of `rows`, the JSON Lines of FILE
py() {
    "$PY" -c "import json,sys
rows=[json.loads(l) for l in open(sys.argv[1])]
assert $2, rows" "$1" 2>"$T/pyerr" && ok || bad "$1: $2: $(tail -1 "$T/pyerr")"
}

"$DK" ingest --db "$DB" corpus/sample.jsonl >/dev/null 2>&1 || bad "ingest"
sqlite3 "$DB" <tests/e2e/events.sql || bad "events.sql"
n=$(sqlite3 "$DB" "SELECT count(*) FROM mentions WHERE kind = 'event' AND sentence IS NOT NULL")
[ "$n" = 11 ] && ok || bad "11 event reports with their sentence, got $n"

# the chronology: 9 happenings from 11 reports
"$DK" events --db "$DB" >"$T/table" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$T/err" ] && ok || bad "events: rc $rc $(cat "$T/err")"
[ "$(wc -l <"$T/table")" -eq 9 ] && ok || bad "9 lines: $(cat "$T/table")"
grep -q '^2019-09-11/12 *visit *tokayev @ CN	2 reports in 1 document: s06_tokayev_visit_2019 ([0-9-]*)$' "$T/table" \
    && ok || bad "the 2019 visit and its Hubei stop: $(grep visit "$T/table")"
grep -q '^2023-05-17 *agreement .*2 sources: s09_xian_summit_2023 (2023-05-19) s04_visa_free (2023-11-24)$' "$T/table" \
    && ok || bad "one agreement, two documents: $(grep agreement "$T/table")"
[ "$(grep -c '	1 source:' "$T/table")" -eq 7 ] && ok || bad "7 happenings reported once"
# chronological: dated lines in order
grep -o '^[0-9][-0-9/]*' "$T/table" >"$T/dates"
sort -c "$T/dates" 2>/dev/null && ok || bad "not in date order: $(cat "$T/dates")"

"$DK" events --db "$DB" --json >"$T/all.jsonl" || bad "events --json"
py "$T/all.jsonl" 'len(rows) == 9'
py "$T/all.jsonl" 'all(set(r) >= {"event","cameo","actors","sources"} and r["sources"] and all(set(s) >= {"doc","date","sentence"} for s in r["sources"]) for r in rows)'
py "$T/all.jsonl" 'sum(len(r["sources"]) for r in rows) == 11'
py "$T/all.jsonl" '[r["cameo"] for r in rows if r["event"] == "agreement"] == ["057", "057"]'
py "$T/all.jsonl" 'any(r["event"] == "agreement" and r.get("count") == 10 and "date" not in r for r in rows)'
py "$T/all.jsonl" 'any(r["event"] == "agreement" and r.get("date") == "2023-05-17" and r["place"] == "xian" and sorted(r["actors"]) == ["CN","KZ"] and [s["doc"] for s in r["sources"]] == ["s09_xian_summit_2023","s04_visa_free"] for r in rows)'
# each source points at its trigger inside its sentence
py "$T/all.jsonl" 'all(s["text"] in s["sentence"] and s["end"] > s["start"] for r in rows for s in r["sources"])'

# filters
"$DK" events --db "$DB" --json --actor xi_jinping --type meeting >"$T/f1" || bad "filter"
py "$T/f1" 'len(rows) == 4 and all(r["event"] == "meeting" and "xi_jinping" in r["actors"] for r in rows)'
"$DK" events --db "$DB" --json --from 2023 --to 2023-06 >"$T/f2" || bad "from/to"
py "$T/f2" 'sorted(r["event"] for r in rows) == ["agreement","meeting","visit"] and all(r["date"] == "2023-05-17" for r in rows)'
"$DK" events --db "$DB" --json --from 2023-10 >"$T/f3" || bad "from"
py "$T/f3" 'len(rows) == 1 and rows[0]["sources"][0]["doc"] == "s13_brf_2023"'
"$DK" events --db "$DB" --type protest >"$T/f4" 2>"$T/e4"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$T/f4" ] && grep -q 'no events match' "$T/e4" && ok || bad "no match: rc $rc"

# export for event-data tools
"$DK" export --events --db "$DB" --format csv >"$T/ev.csv" || bad "export --events"
"$PY" - "$T/ev.csv" <<'PY' 2>"$T/pyerr" && ok || bad "export csv: $(tail -1 "$T/pyerr")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 11, len(rows)
assert list(rows[0])[:6] == ["happening", "date", "event", "cameo", "source_actor", "target_actor"]
assert {r["happening"] for r in rows} == {str(i) for i in range(1, 10)}
assert all(r["cameo"] == {"visit": "042", "meeting": "040", "agreement": "057"}[r["event"]] for r in rows)
two = [r for r in rows if r["event"] == "agreement" and r["date"] == "2023-05-17"]
assert len(two) == 2 and two[0]["happening"] == two[1]["happening"]
assert all(r["sentence"] and r["doc"] for r in rows)
PY
"$DK" export --events --db "$DB" >"$T/ev2.csv" && cmp -s "$T/ev.csv" "$T/ev2.csv" && ok \
    || bad "csv is export --events's default"
"$DK" events --db "$DB" --csv >"$T/ev3.csv" && cmp -s "$T/ev.csv" "$T/ev3.csv" && ok \
    || bad "events --csv is the export"
"$DK" export --events --format jsonl --db "$DB" >"$T/ev.jsonl" && cmp -s "$T/ev.jsonl" "$T/all.jsonl" && ok \
    || bad "export --events --format jsonl is events --json"
# export without --events is unchanged: the event mentions are in it
"$DK" export --db "$DB" --kind event >"$T/m.jsonl" || bad "export --kind event"
py "$T/m.jsonl" 'len(rows) == 11 and all(r["kind"] == "event" and r["event"] for r in rows)'

# bad options: exit 2, one line
for args in "--from yesterday" "--to 2023-13" "--actor a;b" "--type" "--nope" "extra" \
            "--format csv"; do
    # shellcheck disable=SC2086
    "$DK" events --db "$DB" $args >/dev/null 2>"$T/e"; rc=$?
    [ $rc -eq 2 ] && [ "$(wc -l <"$T/e")" -eq 1 ] && ok || bad "events $args: rc $rc $(cat "$T/e")"
done
for args in "--format xml" "--json" "--kind money"; do
    # shellcheck disable=SC2086
    "$DK" export --events --db "$DB" $args >/dev/null 2>"$T/e"; rc=$?
    [ $rc -eq 2 ] && [ "$(wc -l <"$T/e")" -eq 1 ] && ok || bad "export --events $args: rc $rc $(cat "$T/e")"
done
"$DK" events --db "$T/none.db" >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 11 ] && [ "$(wc -l <"$T/e")" -eq 1 ] && ok || bad "missing db: rc $rc"
"$DK" events --help | grep -q '^usage: dostyk events' && ok || bad "events --help"
"$DK" export --events --help | grep -q '^usage: dostyk export --events' && ok || bad "export --events --help"

# an empty record: nothing, and a word on stderr for the table
printf '{"id":"x","text":"Nothing happened here."}\n' >"$T/x.jsonl"
"$DK" ingest --db "$T/empty.db" "$T/x.jsonl" >/dev/null 2>&1
"$DK" events --db "$T/empty.db" >"$T/o" 2>"$T/e"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$T/o" ] && grep -q 'no events in the record' "$T/e" && ok || bad "empty: rc $rc"
"$DK" events --db "$T/empty.db" --json >"$T/o" 2>&1 && [ ! -s "$T/o" ] && ok || bad "empty --json"

# from the extractor to the chronology: two reports of one visit in two
# documents are one happening; a later visit stays single
cat >"$T/real.jsonl" <<'EOF2'
{"id":"a","date":"2021-06-10","title":"A","text":"President Kassym-Jomart Tokayev visited Beijing on 8 June 2021 and held talks with Xi Jinping."}
{"id":"b","date":"2021-06-12","title":"B","text":"Kazakh President Tokayev paid a state visit to China on June 8-9, 2021, the Akorda said."}
{"id":"c","date":"2021-11-03","title":"C","text":"Tokayev visited Urumqi on 1 November 2021."}
EOF2
"$DK" ingest --db "$T/real.db" "$T/real.jsonl" >/dev/null 2>&1 || bad "ingest of the visits"
"$DK" events --db "$T/real.db" --json --type visit --actor tokayev >"$T/real.out" || bad "events of the visits"
py "$T/real.out" '[[s["doc"] for s in r["sources"]] for r in rows] == [["a","b"],["c"]] and rows[0]["date"].startswith("2021-06-08") and rows[0]["cameo"] == "042"'

# a version-1 database: a reading command migrates it first, as ingest
# does, then answers
sqlite3 "$T/empty.db" 'DROP INDEX mentions_event; PRAGMA user_version = 1' || bad "downgrade"
"$DK" events --db "$T/empty.db" >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 0 ] && ok || bad "v1 read: rc $rc $(cat "$T/e")"
[ "$(sqlite3 "$T/empty.db" "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_event'")" = 1 ] \
    && ok || bad "migration 1 -> 2 made no index"
[ "$(sqlite3 "$T/empty.db" 'PRAGMA user_version')" -ge 3 ] && ok || bad "not migrated to the current schema"
"$DK" ingest --db "$T/empty.db" "$T/x.jsonl" >/dev/null 2>&1 && ok || bad "ingest after the migration"
"$DK" events --db "$T/empty.db" --json >/dev/null 2>&1 && ok || bad "events after the migration"
# a file that is no dostyk record is not touched
sqlite3 "$T/other.db" 'CREATE TABLE t(x); PRAGMA user_version = 0'
"$DK" events --db "$T/other.db" >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 10 ] && grep -q 'schema version 0' "$T/e" && ok || bad "other db: rc $rc $(cat "$T/e")"
[ "$(sqlite3 "$T/other.db" "SELECT count(*) FROM sqlite_master")" = 1 ] && ok || bad "other db changed"

echo "events: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

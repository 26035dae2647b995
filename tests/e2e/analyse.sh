#!/bin/sh
# analyse.sh - end-to-end tests of timeline, conflicts and check on the
# sample corpus: output shapes (table, JSON Lines, CSV), the cross-checks
# the corpus was written to contain (the 1,700 vs 1,783 km border is a
# rounding; 2023 trade has a consensus of $41 billion), the claim cases of
# corpus/claims.jsonl (verdict accuracy at least the floor below), and
# usage errors.  Prints "N passed, N failed" last.
set -u
BUILD=${BUILD:-build}
DK=$BUILD/dostyk
T=$(mktemp -d "${TMPDIR:-/tmp}/dostyk-analyse.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
DB=$T/r.db
CLAIMS_FLOOR=0.93
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || PY=python3

"$DK" ingest --db "$DB" corpus/sample.jsonl corpus/*.txt >"$T/ingest.out" 2>&1 \
    && ok || bad "ingest of the sample corpus: $(tail -1 "$T/ingest.out")"

# timeline: JSON objects with the contract's keys, a 2023 consensus
"$DK" timeline --db "$DB" --json trade_turnover >"$T/tl.jsonl" && ok || bad "timeline --json exit $?"
"$PY" - "$T/tl.jsonl" <<'PY' && ok || bad "timeline --json content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows, "no timeline rows"
for r in rows:
    assert set(["metric", "subjects", "period", "values", "consensus"]) <= set(r), r
    assert r["metric"] == "trade_turnover"
    for v in r["values"]:
        assert set(["value", "unit", "qualifier", "doc", "date", "sentence"]) <= set(v), v
y23 = [r for r in rows if r["period"] == "2023" and r["subjects"] == ["KZ", "CN"]]
# s01's $41 billion and s10's revised $41.1 billion agree; the more
# precise one is the consensus
assert y23 and abs(y23[0]["consensus"] - 41.1e9) < 1e6, y23
assert any(v.get("implied") for r in rows for v in r["values"]), "no implied value"
PY
"$DK" timeline --db "$DB" --csv trade_turnover >"$T/tl.csv" && ok || bad "timeline --csv"
"$PY" -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows and rows[0]['metric'] == 'trade_turnover', rows[:1]
" "$T/tl.csv" && ok || bad "timeline --csv content"
"$DK" timeline --db "$DB" trade_turnover >"$T/tl.txt" && grep -q '█' "$T/tl.txt" \
    && ok || bad "timeline table has no bars"
"$DK" timeline --db "$DB" --subjects XX,YY trade_turnover >"$T/none.txt" 2>"$T/none.err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$T/none.txt" ] && ok || bad "timeline of unknown subjects: rc $rc"

# conflicts: the border is a rounding
"$DK" conflicts --db "$DB" --json >"$T/cf.jsonl" && ok || bad "conflicts --json exit"
"$PY" - "$T/cf.jsonl" <<'PY' && ok || bad "conflicts content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for r in rows:
    assert r["class"] in ("conflict", "rounding", "revision"), r
    assert len(r["values"]) >= 2, r
border = [r for r in rows if r["metric"] == "border_length"]
assert border and all(r["class"] == "rounding" for r in border), border
PY
"$DK" conflicts --db "$DB" --metric border_length --json >"$T/cf2.jsonl" \
    && [ "$(grep -vc border_length "$T/cf2.jsonl")" = 0 ] && ok || bad "conflicts --metric filter"

# check: one claim, human and JSON
"$DK" check --db "$DB" "Trade between Kazakhstan and China reached \$41 billion in 2023." >"$T/c1.txt" \
    && grep -q '^supported:' "$T/c1.txt" && ok || bad "check plain: $(head -1 "$T/c1.txt")"
"$DK" check --db "$DB" --json "Trade between Kazakhstan and China was \$24.1 billion in 2023." >"$T/c2.json" && ok || bad "check --json exit"
"$PY" - "$T/c2.json" <<'PY' && ok || bad "check --json content"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["verdict"] == "contradicted", o
assert set(["verdict", "explanation", "claim", "evidence"]) <= set(o)
for e in o["evidence"]:
    assert set(["doc", "date", "sentence", "value", "unit", "period"]) <= set(e), e
PY
# many claims: one answer a line with its id; accuracy over the floor
"$DK" check --db "$DB" --input jsonl corpus/claims.jsonl >"$T/claims.out" && ok || bad "check --input jsonl exit"
"$PY" - "$T/claims.out" corpus/claims.jsonl "$CLAIMS_FLOOR" <<'PY' && ok || bad "claim verdicts below the floor"
import json, sys
got = {}
for l in open(sys.argv[1]):
    o = json.loads(l)
    got[o["id"]] = o["verdict"]
want = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert len(got) == len(want), (len(got), len(want))
right = sum(got[c["id"]] == c["verdict"] for c in want)
print("claims: %d/%d verdicts right" % (right, len(want)))
assert right / len(want) >= float(sys.argv[3])
PY
printf '{"id":"a","claim":"x"}\nnot json\n' >"$T/badclaims.jsonl"
"$DK" check --db "$DB" --input jsonl "$T/badclaims.jsonl" >"$T/bc.out" 2>"$T/bc.err"; rc=$?
[ $rc -eq 6 ] && [ "$(wc -l <"$T/bc.err")" -eq 1 ] && grep -q 'badclaims.jsonl:2' "$T/bc.err" \
    && [ "$(wc -l <"$T/bc.out")" -eq 1 ] && ok || bad "malformed claims line: rc $rc, $(cat "$T/bc.err")"

# the claims' date: "last year" of a claim made in 2024 is 2023
"$DK" check --db "$DB" --date 2024-03-01 "Trade between Kazakhstan and China reached \$41 billion last year." \
    | grep -q '^supported:' && ok || bad "check --date: last year is 2023"
"$DK" check --db "$DB" --date 2025-03-01 "Trade between Kazakhstan and China reached \$41 billion last year." \
    | grep -q '^contradicted:' && ok || bad "check --date: last year is 2024"
printf '{"id":"a","claim":"Trade between Kazakhstan and China reached $41 billion last year.","date":"2024-02-01"}\n{"id":"b","claim":"x","date":"2024-13-40"}\n' >"$T/dated.jsonl"
"$DK" check --db "$DB" --input jsonl "$T/dated.jsonl" >"$T/dated.out" 2>"$T/dated.err"; rc=$?
[ $rc -eq 6 ] && grep -q '"verdict":"supported"' "$T/dated.out" && grep -q 'dated.jsonl:2: bad "date"' "$T/dated.err" \
    && ok || bad "claims with a date: rc $rc, $(cat "$T/dated.err")"
"$DK" check --db "$DB" --date 2024-13-40 "x" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "check bad --date must exit 2"

# a claim that is not UTF-8: one line, exit 4, nothing on stdout
"$DK" check --db "$DB" "$(printf 'Trade \227\221 $41 billion')" >"$T/u8.out" 2>"$T/u8.err"; rc=$?
[ $rc -eq 4 ] && [ ! -s "$T/u8.out" ] && [ "$(wc -l <"$T/u8.err")" -eq 1 ] && ok || bad "invalid UTF-8 claim: rc $rc"

# usage errors and a missing database
"$DK" timeline --db "$DB" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "timeline without METRIC must exit 2"
"$DK" check --db "$DB" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "check without CLAIM must exit 2"
"$DK" conflicts --no-such >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "conflicts bad option must exit 2"
"$DK" check --db "$T/missing.db" "x" >/dev/null 2>"$T/m.err"; rc=$?
[ $rc -ne 0 ] && [ "$(wc -l <"$T/m.err")" -eq 1 ] && ok || bad "missing db: rc $rc"
for c in timeline conflicts check; do
    "$DK" $c --help | grep -q usage && ok || bad "$c --help"
done

echo "analyse: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

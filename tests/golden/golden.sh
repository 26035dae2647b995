#!/bin/sh
# golden.sh - owns the golden regression test: runs `$BUILD/dostyk extract` on the team's
# sample corpus (corpus/sample.jsonl and corpus/t*.txt), compares the mentions with the
# hand-checked gold (tests/golden/compare.py) and fails when a figure drops below
# tests/golden/floors. Prints "golden: N passed, N failed".
#   BUILD=build sh tests/golden/golden.sh [--show N]
set -u
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
bin=$BUILD/dostyk
if [ ! -x "$bin" ]; then
    echo "golden: $bin not built (run make)"; echo "golden: 0 passed, 1 failed"; echo "0 passed, 1 failed"; exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "golden: python3 not found"; echo "golden: 0 passed, 1 failed"; echo "0 passed, 1 failed"; exit 1
fi
pred=$(mktemp) || exit 2
trap 'rm -f "$pred"' EXIT INT TERM
if ! "$bin" extract --input jsonl corpus/sample.jsonl >"$pred"; then
    echo "golden: dostyk extract failed on corpus/sample.jsonl"; echo "golden: 0 passed, 1 failed"; echo "0 passed, 1 failed"; exit 1
fi
if ! "$bin" extract corpus/t01_business_council.txt corpus/t02_container_transit_2020.txt \
        corpus/t03_air_routes_2025.txt >>"$pred"; then
    echo "golden: dostyk extract failed on corpus/t*.txt"; echo "golden: 0 passed, 1 failed"; echo "0 passed, 1 failed"; exit 1
fi
# HTML pages: scored by text (offsets depend on the HTML reduction); a failure to extract
# them only shows as html_f1 0, which fails only once floors names html_f1.
hpred=$(mktemp) || exit 2
trap 'rm -f "$pred" "$hpred"' EXIT INT TERM
"$bin" extract corpus/h01_khorgos_gateway.html corpus/h02_tokayev_xi_talks.html >"$hpred" 2>/dev/null || :
# claim verdicts: the corpus in a record of its own, then corpus/claims.jsonl checked against it;
# a build without ingest/check only shows verdicts_acc 0.
db=$(mktemp -u "${TMPDIR:-/tmp}/dostyk-golden.XXXXXX") || exit 2
verdicts=$(mktemp) || exit 2
trap 'rm -f "$pred" "$hpred" "$verdicts" "$db" "$db"-*' EXIT INT TERM
{ "$bin" ingest -q --db "$db" --input jsonl corpus/sample.jsonl &&
  "$bin" ingest -q --db "$db" corpus/t01_business_council.txt corpus/t02_container_transit_2020.txt \
      corpus/t03_air_routes_2025.txt &&
  "$bin" check --db "$db" --input jsonl corpus/claims.jsonl >"$verdicts"; } 2>/dev/null || :
python3 tests/golden/compare.py --pred "$pred" --html-pred "$hpred" --verdicts "$verdicts" \
    --floors tests/golden/floors --self-test "$@"

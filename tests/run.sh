#!/bin/sh
# run.sh - run every test suite and print one closing line
# "N passed, N failed" (each suite adds its own counts).
#   BUILD=build sh tests/run.sh
set -u
BUILD=${BUILD:-build}
export BUILD
pass=0
fail=0
failed=""
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    echo "== unit: ${t##*/}"
    if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed ${t##*/}"; fi
done
for t in tests/e2e/*.sh tests/golden/*.sh; do
    [ -f "$t" ] || continue
    echo "== suite: $t"
    if sh "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $t"; fi
done
[ -z "$failed" ] || echo "failed suites:$failed"
echo "suites: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

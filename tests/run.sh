#!/bin/sh
# run.sh - run every test suite and print one closing line
# "N passed, N failed" that sums the individual test counts:
#   - unit tests (cmocka): the "[  PASSED  ] N test(s)." and
#     "[  FAILED  ] N test(s)" lines of each binary;
#   - shell suites (tests/e2e/*.sh, tests/golden/*.sh): the last
#     "N passed, N failed" line each prints (a prefix such as "golden: "
#     is allowed); a suite that prints none counts as one test.
# A binary or suite that exits non-zero without reporting a failed count
# (a crash, a sanitizer report) counts as one failure.  Exits non-zero
# when anything failed.
#   BUILD=build sh tests/run.sh
set -u
BUILD=${BUILD:-build}
export BUILD
pass=0
fail=0
failed=""
log=${TMPDIR:-/tmp}/dostyk-run.$$
trap 'rm -f "$log"' EXIT INT TERM

# count NAME RC: add the counts found in $log to the totals.
count() {
    # cmocka writes these to stderr, the rest to stdout: not anchored,
    # in case a buffered stdout line was cut by one of them
    p=$(sed -n 's/.*\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | tail -1)
    f=$(sed -n 's/.*\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | tail -1)
    if [ -z "$p$f" ]; then
        # a suite's own "N passed, N failed" (after a prefix, if any)
        line=$(sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p;
                      s/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p' "$log" | tail -1)
        if [ -n "$line" ]; then
            p=${line% *}
            f=${line#* }
        fi
    fi
    if [ -z "$p$f" ]; then
        # said nothing: the suite is one test
        if [ "$2" -eq 0 ]; then p=1; else f=1; fi
    fi
    p=${p:-0}
    f=${f:-0}
    if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1   # crashed or failed without saying how many
    fi
    pass=$((pass + p))
    fail=$((fail + f))
    [ "$f" -eq 0 ] || failed="$failed $1"
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    echo "== unit: ${t##*/}"
    "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    count "${t##*/}" "$rc"
done
for t in tests/e2e/*.sh tests/golden/*.sh; do
    [ -f "$t" ] || continue
    echo "== suite: $t"
    sh "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    count "$t" "$rc"
done
[ -z "$failed" ] || echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

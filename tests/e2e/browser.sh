#!/bin/sh
# browser.sh - the page of `dostyk serve` in headless Chromium
# (tests/browser/page.test.js).  Skips, and counts as passed, when
# chromium, node or web/node_modules/playwright-core is missing.
# Prints "browser: N passed, N failed" last.
set -u
BUILD=${BUILD:-build}
export BUILD
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
skip() { echo "browser: SKIPPED: $* (the page was not tested)"; exit 0; }
[ -x "$CHROMIUM" ] || skip "chromium is not installed at $CHROMIUM (apt-get install chromium)"
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -d web/node_modules/playwright-core ] || skip "web/node_modules/playwright-core is missing (npm ci --prefix web)"
[ -x "$BUILD/dostyk" ] || { echo "browser: $BUILD/dostyk is not built"; echo "browser: 0 passed, 1 failed"; exit 1; }
out=$(node --test --test-reporter=tap tests/browser/page.test.js 2>&1)
rc=$?
printf '%s\n' "$out"
pass=$(printf '%s\n' "$out" | sed -n 's/^# pass \([0-9]*\)$/\1/p' | tail -1)
fail=$(printf '%s\n' "$out" | sed -n 's/^# fail \([0-9]*\)$/\1/p' | tail -1)
[ -n "$pass" ] || pass=0
[ -n "$fail" ] || fail=1
[ $rc -eq 0 ] || [ "$fail" -gt 0 ] || fail=1
echo "browser: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# man.sh - the manual page docs/dostyk.1 renders without warnings and
# stays in step with the program: every dk_status of include/dostyk.h
# has an entry under EXIT STATUS, every command of `dostyk --help` and
# every long option of `dostyk extract --help` is documented.
#   BUILD=build sh tests/e2e/man.sh
# Prints "N passed, N failed" last; exits non-zero on any failure.
set -u
BUILD=${BUILD:-build}
DK=$BUILD/dostyk
MAN=docs/dostyk.1
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

[ -f "$MAN" ] && ok || bad "$MAN missing"

if command -v groff >/dev/null 2>&1; then
    warn=$(groff -man -Tutf8 -ww -z "$MAN" 2>&1)
    [ -z "$warn" ] && ok || bad "groff warnings: $warn"
fi
if command -v man >/dev/null 2>&1; then
    out=$(MANWIDTH=80 man -l "$MAN" 2>/dev/null)
    echo "$out" | grep -q '^EXIT STATUS' && ok || bad "man -l does not render EXIT STATUS"
fi

# the EXIT STATUS section: ".TP" then ".B N" for each code
codes=$(sed -n 's/^ *DK_[A-Z0-9_]* = \([0-9][0-9]*\),\{0,1\} *\/\*.*/\1/p' include/dostyk.h)
[ -n "$codes" ] && ok || bad "no status codes found in include/dostyk.h"
section=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$MAN")
for c in $codes; do
    if echo "$section" | grep -q "^\.B $c\$"; then ok
    else bad "exit status $c is not documented"; fi
done

if [ -x "$DK" ]; then
    for c in $("$DK" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'); do
        grep -q "^\.SS $c\$" "$MAN" && ok || bad "command $c has no section"
    done
    for o in $("$DK" extract --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        esc=$(echo "$o" | sed 's/-/\\\\-/g')
        grep -q -- "$esc" "$MAN" && ok || bad "extract option $o is not documented"
    done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

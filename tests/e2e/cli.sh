#!/bin/sh
# cli.sh - end-to-end tests of the dostyk command line: help and usage
# errors, every kind of bad input (one stderr line naming the file and
# the line or byte, the documented exit code, never a partial JSON line
# on stdout), good text and JSON Lines, standard input, --sentences, a
# closed pipe, and streaming memory on a ~200 MB single-line text.
#   BUILD=build sh tests/e2e/cli.sh
# Prints "N passed, N failed" last; exits non-zero on any failure.
# Environment: BUILD (default build), E2E_BIG_MB (size of the streaming
# text, default 200; 20 under the sanitizer build, where RSS is not
# checked), TMPDIR.
set -u
BUILD=${BUILD:-build}
DK=$BUILD/dostyk
T=$(mktemp -d "${TMPDIR:-/tmp}/dostyk-e2e.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

# the interpreter itself, not a version manager's shim (those can take
# seconds to start, and the suite runs python dozens of times)
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -n "$PY" ] && [ -x "$PY" ] || PY=python3

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if [ ! -x "$DK" ]; then
    echo "FAIL: $DK not built"
    echo "0 passed, 1 failed"
    exit 1
fi

# check.py OUT [SRC]: every line of OUT is one complete JSON object with
# the contract's fields; with SRC (a text document), text is SRC's bytes
# [start, end).  Prints the kinds seen and the document ids.
cat >"$T/check.py" <<'EOF'
import json, sys
out = open(sys.argv[1], 'rb').read()
src = open(sys.argv[2], 'rb').read() if len(sys.argv) > 2 else None
if out and not out.endswith(b'\n'):
    sys.exit('partial last line: %r' % out[-80:])
kinds, docs = set(), set()
last = {}
for n, line in enumerate(out.splitlines(), 1):
    try:
        m = json.loads(line)
    except ValueError as e:
        sys.exit('line %d is not JSON (%s): %r' % (n, e, line[:120]))
    for k in ('doc', 'start', 'end', 'text', 'kind'):
        if k not in m:
            sys.exit('line %d lacks %s' % (n, k))
    if not (0 <= m['start'] < m['end']):
        sys.exit('line %d: bad span %d-%d' % (n, m['start'], m['end']))
    if len(m['text'].encode()) != m['end'] - m['start']:
        sys.exit('line %d: text length is not end - start' % n)
    if m['start'] < last.get(m['doc'], 0):
        sys.exit('line %d: mentions out of order' % n)
    last[m['doc']] = m['start']
    if src is not None and src[m['start']:m['end']] != m['text'].encode():
        sys.exit('line %d: text is not the bytes [start, end)' % n)
    kinds.add(m['kind'])
    docs.add(m['doc'])
print(' '.join(sorted(kinds)))
print(' '.join(sorted(docs)))
EOF

# run ARGS...: run dostyk, stdout in $T/out, stderr in $T/err, status in $rc.
run() {
    "$DK" "$@" >"$T/out" 2>"$T/err"
    rc=$?
}

lines() { wc -l <"$1" | tr -d ' '; }

# expect_fail NAME CODE PATTERN ARGS...: exit CODE, one stderr line
# matching the extended regex PATTERN, stdout only whole JSON lines.
expect_fail() {
    name=$1 code=$2 pat=$3
    shift 3
    run "$@"
    if [ "$rc" -ne "$code" ]; then
        bad "$name: exit $rc, want $code ($(head -c 200 "$T/err"))"
        return
    fi
    if [ "$(lines "$T/err")" -ne 1 ]; then
        bad "$name: want one stderr line, got: $(cat "$T/err")"
        return
    fi
    if ! grep -Eq -- "$pat" "$T/err"; then
        bad "$name: stderr '$(cat "$T/err")' does not match '$pat'"
        return
    fi
    if ! "$PY" -S "$T/check.py" "$T/out" >/dev/null 2>"$T/why"; then
        bad "$name: stdout: $(cat "$T/why")"
        return
    fi
    ok
}

# ---------------------------------------------------------------- help
run --help
if [ "$rc" -eq 0 ] && grep -q '^usage: dostyk' "$T/out" && [ ! -s "$T/err" ]; then ok
else bad "dostyk --help: exit $rc"; fi
run -h
[ "$rc" -eq 0 ] && [ -s "$T/out" ] && ok || bad "dostyk -h: exit $rc"
run --version
[ "$rc" -eq 0 ] && grep -Eq '^dostyk [0-9]+\.[0-9]+' "$T/out" && ok \
    || bad "dostyk --version: exit $rc"
"$DK" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "dostyk with no command: want exit 2"
expect_fail "unknown command" 2 "no-such-command" no-such-command

# Every command the top-level help lists: --help and -h exit 0 and print
# a usage line; an unknown option exits 2 with one line.
cmds=$("$DK" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$cmds" ] && ok || bad "dostyk --help lists no commands"
for c in $cmds; do
    for h in --help -h; do
        run "$c" "$h"
        if [ "$rc" -eq 0 ] && grep -q "usage: dostyk $c" "$T/out"; then ok
        else bad "dostyk $c $h: exit $rc"; fi
    done
    # an unknown option: exit 2, and the message names it
    run "$c" --no-such-option
    if [ "$rc" -eq 2 ] && grep -q -- "--no-such-option" "$T/err" && [ ! -s "$T/out" ]; then ok
    else bad "dostyk $c --no-such-option: exit $rc, $(head -1 "$T/err")"; fi
done
expect_fail "extract unknown option" 2 "unknown option '--no-such-option'" \
    extract --no-such-option
expect_fail "extract bad short option" 2 "unknown option '-Q'" extract -Q
expect_fail "extract --input xml" 2 "input" extract --input xml -
expect_fail "extract --date without value" 2 "needs a value" extract --date
expect_fail "extract bad --date" 2 "2024-13-45" extract --date 2024-13-45 -

# ---------------------------------------------------------------- bad input
good="Trade between the two countries reached \$31.5 billion in 2023, up 28.3 percent."

printf '%s\nThen \377 broke it.\n' "$good" >"$T/utf8.txt"
off=$(( ${#good} + 1 + 5 ))
expect_fail "invalid UTF-8" 4 "utf8\.txt.*byte $off" extract "$T/utf8.txt"
# the mentions before the bad byte are still reported, and are whole
if grep -q '"kind":"money"' "$T/out"; then ok
else bad "invalid UTF-8: mentions before the bad byte are lost"; fi

printf '%s\nCut \342\202' "$good" >"$T/trunc.txt"
expect_fail "truncated UTF-8" 4 "trunc\.txt.*truncated.*byte $(( ${#good} + 5 ))" \
    extract "$T/trunc.txt"
printf 'ab\300\257 overlong\n' >"$T/overlong.txt"
expect_fail "overlong UTF-8" 4 "overlong\.txt.*byte 2" extract "$T/overlong.txt"
printf 'ab\355\240\200 surrogate\n' >"$T/surr.txt"
expect_fail "surrogate" 4 "surr\.txt.*byte 3" extract "$T/surr.txt"

printf '%s\nbinary\000data\n' "$good" >"$T/nul.txt"
expect_fail "NUL byte" 5 "nul\.txt.*byte $(( ${#good} + 7 ))" extract "$T/nul.txt"
head -c 3000 /dev/urandom >"$T/random.bin" 2>/dev/null
printf '\000' >>"$T/random.bin"
# a copy of the program with no pack beside it: says so in one line and
# runs on with figures and dates; --pack none says it is meant
mkdir -p "$T/solo" && cp "$DK" "$T/solo/dostyk"
printf 'Trade reached $41 billion.\n' >"$T/solo.txt"
DOSTYK_PACK= "$T/solo/dostyk" extract "$T/solo.txt" >"$T/solo.out" 2>"$T/solo.err"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l <"$T/solo.err")" -eq 1 ] && grep -q 'no domain pack' "$T/solo.err" \
    && grep -q '"money"' "$T/solo.out" && ok || bad "no pack found: rc $rc, $(cat "$T/solo.err")"
DOSTYK_PACK= "$T/solo/dostyk" extract --pack none "$T/solo.txt" >/dev/null 2>"$T/solo2.err"
[ ! -s "$T/solo2.err" ] && ok || bad "--pack none must be quiet: $(cat "$T/solo2.err")"

run extract "$T/random.bin"
if { [ "$rc" -eq 4 ] || [ "$rc" -eq 5 ]; } && [ "$(lines "$T/err")" -eq 1 ] &&
   "$PY" -S "$T/check.py" "$T/out" >/dev/null 2>&1; then ok
else bad "random bytes: exit $rc, $(lines "$T/err") stderr lines"; fi

: >"$T/empty.txt"
expect_fail "empty file" 12 "empty\.txt" extract "$T/empty.txt"
: >"$T/empty.jsonl"
expect_fail "empty JSONL" 12 "empty\.jsonl" extract "$T/empty.jsonl"
expect_fail "empty stdin" 12 "stdin" extract - </dev/null
printf ' \n\t\r\n' >"$T/blank.txt"
expect_fail "white space only" 12 "blank\.txt.*white space" extract "$T/blank.txt"
printf '{"id":"a","text":" \\n "}\n{"id":"b","text":"Exports grew 5 percent."}\n' >"$T/blank.jsonl"
expect_fail "JSONL empty text" 12 "blank\.jsonl:1" extract "$T/blank.jsonl"
grep -q '"doc":"b"' "$T/out" && ok || bad "JSONL empty text: the next record is lost"

expect_fail "missing file" 3 "no-such-file\.txt" extract "$T/no-such-file.txt"
mkdir "$T/folder"
expect_fail "directory" 3 "folder" extract "$T/folder"

# malformed JSONL: the bad line is named, the others still go through
{
    printf '{"id":"one","text":"Exports grew 12 percent in 2022."}\n'
    printf '{"id":"two","text":"unterminated\n'
    printf '{"id":"three","text":"Imports fell 3 percent in 2021."}\n'
} >"$T/mixed.jsonl"
expect_fail "malformed JSONL" 6 "mixed\.jsonl:2" extract "$T/mixed.jsonl"
docs=$("$PY" -S "$T/check.py" "$T/out" | sed -n 2p)
[ "$docs" = "one three" ] && ok || bad "malformed JSONL: docs '$docs', want 'one three'"

printf '{"id":"x","text":"a"}\n[1,2]\n' >"$T/array.jsonl"
expect_fail "JSONL not an object" 6 "array\.jsonl:2" extract "$T/array.jsonl"
printf '{"id":"x"}\n' >"$T/notext.jsonl"
expect_fail "JSONL without text" 6 "notext\.jsonl:1.*text" extract "$T/notext.jsonl"
printf '{"id":"x","text":"a","date":2024}\n' >"$T/numdate.jsonl"
expect_fail "JSONL number date" 6 "numdate\.jsonl:1" extract "$T/numdate.jsonl"
printf '{"id":"x","text":"a","date":"last year"}\n' >"$T/baddate.jsonl"
expect_fail "JSONL bad date" 2 "baddate\.jsonl:1.*last year" extract "$T/baddate.jsonl"
printf '{"id":"x","text":"ok \377"}\n' >"$T/u8.jsonl"
expect_fail "JSONL invalid UTF-8" 4 "u8\.jsonl:1.*byte 21" extract "$T/u8.jsonl"
printf '{"id":"x","text":"ok \\u0000 x"}\n' >"$T/nul.jsonl"
expect_fail "JSONL NUL in text" 5 "nul\.jsonl:1.*byte 3" extract "$T/nul.jsonl"
printf '{"id":"x","text":"a"}\n{"id":"y","te\000xt":"b"}\n' >"$T/nulline.jsonl"
expect_fail "JSONL NUL in line" 5 "nulline\.jsonl:2.*byte 13" extract "$T/nulline.jsonl"

# a good file after a bad one is still processed; the first failure wins
printf '%s\n' "$good" >"$T/good.txt"
run extract "$T/empty.txt" "$T/good.txt" "$T/nul.txt"
if [ "$rc" -eq 12 ] && [ "$(lines "$T/err")" -eq 2 ] &&
   grep -q '"doc":"good.txt"' "$T/out"; then ok
else bad "several files: exit $rc, stderr $(cat "$T/err")"; fi

# ---------------------------------------------------------------- good input
run extract "$T/good.txt"
if [ "$rc" -eq 0 ] && [ ! -s "$T/err" ] &&
   "$PY" -S "$T/check.py" "$T/out" "$T/good.txt" >"$T/seen" 2>"$T/why" &&
   grep -q money "$T/seen" && grep -q percent "$T/seen"; then ok
else bad "good text: exit $rc $(cat "$T/err" "$T/why")"; fi

{
    printf '{"id":"dated","date":"2024-05-22","text":"Trade grew 20 percent last year, to $40 billion."}\n'
    printf '\n'
    printf '{"id":"undated","text":"Trade grew 20 percent in 2023.\\nA second line: 1,783 trucks."}\r\n'
    printf '{"text":"No id here: 5 percent.","title":null}\n'
} >"$T/good.jsonl"
run extract "$T/good.jsonl"
docs=$("$PY" -S "$T/check.py" "$T/out" 2>&1 | sed -n 2p)
if [ "$rc" -eq 0 ] && [ ! -s "$T/err" ] && [ "$docs" = "dated line-4 undated" ]; then ok
else bad "good JSONL: exit $rc, docs '$docs' $(cat "$T/err")"; fi
# JSONL offsets are into each record's text
"$PY" -S - "$T/good.jsonl" "$T/out" <<'EOF' 2>"$T/why" && ok || bad "JSONL offsets: $(cat "$T/why")"
import json, sys
texts = {}
for i, l in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
    if l.strip():
        r = json.loads(l)
        texts[r.get('id') or 'line-%d' % i] = r['text'].encode()
for l in open(sys.argv[2], encoding='utf-8'):
    m = json.loads(l)
    assert texts[m['doc']][m['start']:m['end']] == m['text'].encode(), l
EOF
run extract --input jsonl - <"$T/good.jsonl"
[ "$rc" -eq 0 ] && [ "$(lines "$T/out")" -gt 0 ] && ok || bad "--input jsonl from stdin: exit $rc"
cp "$T/good.jsonl" "$T/records.txt"
run extract --input jsonl "$T/records.txt"
[ "$rc" -eq 0 ] && grep -q '"doc":"dated"' "$T/out" && ok || bad "--input jsonl on a .txt: exit $rc"
run extract --input text "$T/good.jsonl"
[ "$rc" -eq 0 ] && grep -q '"doc":"good.jsonl"' "$T/out" && ok || bad "--input text on a .jsonl: exit $rc"

run extract - <"$T/good.txt"
if [ "$rc" -eq 0 ] && grep -q '"doc":"stdin"' "$T/out" &&
   "$PY" -S "$T/check.py" "$T/out" "$T/good.txt" >/dev/null; then ok
else bad "stdin '-': exit $rc"; fi
run extract <"$T/good.txt"
[ "$rc" -eq 0 ] && grep -q '"doc":"stdin"' "$T/out" && ok || bad "stdin (no file): exit $rc"

run extract --date 2024-05-22 --sentences "$T/good.txt"
if [ "$rc" -eq 0 ] && "$PY" -S "$T/check.py" "$T/out" "$T/good.txt" | grep -q sentence &&
   [ "$(grep -c '"kind":"sentence"' "$T/out")" -eq 1 ]; then ok
else bad "--sentences: exit $rc"; fi

# ---------------------------------------------------------------- pipes
i=0
: >"$T/many.txt"
while [ $i -lt 2000 ]; do
    printf '%s\n' "$good" >>"$T/many.txt"
    i=$((i + 1))
done
"$DK" extract "$T/many.txt" 2>"$T/err" | head -1 >"$T/out"
if [ "$(lines "$T/out")" -eq 1 ] && "$PY" -S "$T/check.py" "$T/out" >/dev/null &&
   ! grep -qv '^dostyk: .*write' "$T/err"; then ok
else bad "closed pipe: $(cat "$T/err")"; fi
if [ -w /dev/full ]; then
    "$DK" extract "$T/many.txt" >/dev/full 2>"$T/err"
    rc=$?
    [ "$rc" -eq 3 ] && [ "$(lines "$T/err")" -eq 1 ] && ok \
        || bad "/dev/full: exit $rc, $(cat "$T/err")"
fi

# ---------------------------------------------------------------- memory
case $BUILD in
*asan*) big=${E2E_BIG_MB:-20} check_rss=0 ;;
*) big=${E2E_BIG_MB:-200} check_rss=1 ;;
esac
# one line, no sentence end, a figure now and then
yes 'the rail freight between the two countries grew by 7 percent while talks went on and ' |
    tr -d '\n' | head -c $((big * 1000000)) >"$T/big.txt"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$T/rss" "$DK" extract "$T/big.txt" >"$T/bigout" 2>"$T/err"
    rc=$?
    rss=$(tail -1 "$T/rss")
else
    rss=$("$PY" -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=open(sys.argv[-1] + ".out", "wb"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(r.returncode)' "$DK" extract "$T/big.txt")
    rc=$?
    mv "$T/big.txt.out" "$T/bigout"
fi
rm -f "$T/big.txt"
n=$(lines "$T/bigout")
tail -1 "$T/bigout" >"$T/last"
if [ "$rc" -eq 0 ] && [ "$n" -gt $((big * 5000)) ] &&
   "$PY" -S "$T/check.py" "$T/last" >/dev/null; then ok
else bad "${big} MB single line: exit $rc, $n mentions"; fi
rm -f "$T/bigout"
if [ "$check_rss" -eq 1 ]; then
    if [ "$rss" -lt 65536 ]; then ok
    else bad "${big} MB single line: peak RSS ${rss} KB, want < 64 MB"; fi
fi
echo "streaming ${big} MB: peak RSS ${rss} KB"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# quickstart.sh - the README's first command: install the dependencies,
# build, and run the main job on the bundled sample corpus: extract its
# figures, build the record, cross-check it, and (in a terminal) serve it
# at http://127.0.0.1:8080 until Ctrl-C.  --no-serve stops before serving.
set -eu
serve=1
[ "${1:-}" = "--no-serve" ] && serve=0
[ -t 1 ] || serve=0
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -j2
DK=build/dostyk
DB=build/sample.db
out=build/sample-mentions.jsonl

echo
echo "== extract: every figure, date, duration and entity, as JSON Lines"
$DK extract --input jsonl corpus/sample.jsonl >"$out"
echo "$(wc -l <"$out") mentions from corpus/sample.jsonl in $out; three of them:"
grep '"metric"' "$out" | head -n 3

echo
echo "== ingest: the sample corpus into the record $DB"
rm -f "$DB" "$DB-wal" "$DB-shm"
$DK ingest --db "$DB" corpus/sample.jsonl corpus/*.txt corpus/*.html

echo
echo "== timeline trade_turnover"
$DK timeline --db "$DB" --subjects KZ,CN trade_turnover

echo
echo "== conflicts"
$DK conflicts --db "$DB"

echo
echo "== events: visits, one line per happening with the documents that report it"
$DK events --db "$DB" --type visit

echo
echo "== check \"Mutual trade between Kazakhstan and China reached \$41bn in 2023.\""
$DK check --db "$DB" "Mutual trade between Kazakhstan and China reached \$41bn in 2023."
echo
echo "The record is $DB: try '$DK search --db $DB \"Khorgos\"' or '$DK facts --db $DB'."
if [ "$serve" = 1 ]; then
    echo
    echo "== serve: open http://127.0.0.1:8080 (Ctrl-C stops)"
    exec $DK serve --db "$DB" --port 8080
fi
echo "Serve it with: $DK serve --db $DB   (then open http://127.0.0.1:8080)"

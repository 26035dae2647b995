#!/bin/sh
# quickstart.sh - the README's first command: install the dependencies,
# build, and run the main job on the bundled sample corpus: extract its
# figures, build the record, and cross-check it.
set -eu
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
echo "== check \"Mutual trade between Kazakhstan and China reached \$41bn in 2023.\""
$DK check --db "$DB" "Mutual trade between Kazakhstan and China reached \$41bn in 2023."
echo
echo "The record is $DB: try '$DK search --db $DB \"Khorgos\"' or '$DK facts --db $DB'."

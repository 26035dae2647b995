#!/bin/sh
# quickstart.sh - the README's first command: install the dependencies,
# build, and run the main job on the bundled sample corpus.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -j2
out=build/sample-mentions.jsonl
build/dostyk extract --input jsonl corpus/sample.jsonl >"$out"
echo
echo "Extracted $(wc -l <"$out") mentions from corpus/sample.jsonl into $out;"
echo "the first ten:"
head -n 10 "$out"

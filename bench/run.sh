#!/bin/sh
# run.sh - `make bench`: speed and peak memory of `dostyk extract` on a
# 50 MB corpus (plain text and JSON Lines), next to two npm peers on a
# slice of the same text.  All the work is in bench/bench.py; this script
# checks the tools and installs the peers on demand.  Output: a table on
# stdout and bench/out/results.json.
set -eu

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}

if [ ! -x "$BUILD/dostyk" ]; then
    echo "bench: $BUILD/dostyk is missing; run make first" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
fi

peers=""
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "bench: node/npm not found, the peers are skipped"
    peers="--no-peers"
elif [ ! -d bench/node_modules/@microsoft/recognizers-text-suite ] ||
     [ ! -d bench/node_modules/compromise ]; then
    echo "bench: installing the peers (npm ci --prefix bench)"
    mkdir -p bench/out
    if ! npm ci --prefix bench --no-audit --no-fund >bench/out/npm.log 2>&1; then
        echo "bench: npm ci failed (see bench/out/npm.log), the peers are skipped"
        peers="--no-peers"
    fi
fi

python3 bench/bench.py --root . --dostyk "$BUILD/dostyk" $peers "$@"

# the record: ingest speed and search latency, then claim checks
echo
BUILD=$BUILD sh bench/ingest.sh
echo
BUILD=$BUILD sh bench/check.sh
echo
BUILD=$BUILD sh bench/serve.sh

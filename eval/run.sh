#!/bin/sh
# run.sh - `make eval`: score build/dostyk on the shared sets (../shared,
# when present) and fail when a figure is below its floor in eval/floors.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/eval" ]; then
    echo "eval: $SHARED not found, nothing to score"
    exit 0
fi
out=${TMPDIR:-/tmp}/dostyk-eval.$$
trap 'rm -f "$out".*' EXIT
python3 "$SHARED/eval/score.py" --corpus "$SHARED/corpus/seeds.jsonl" \
    --gold "$SHARED/eval/gold-seeds.jsonl" \
    --entities "$SHARED/eval/gold-seeds.entities.jsonl" \
    --events "$SHARED/eval/gold-seeds.events.jsonl" \
    --cmd "$BUILD/dostyk extract --input jsonl" >"$out.seeds" 2>&1
rc=$?
grep -v '^SCORE ' "$out.seeds" | head -25
[ $rc -eq 0 ] || { echo "eval: score.py failed ($rc)"; exit 1; }
python3 "$SHARED/conformance/score_rt.py" \
    --cmd "$BUILD/dostyk extract --input jsonl" >"$out.rt" 2>&1
rc=$?
# (the scorer's own "N passed, N failed" line is reworded: CI reads such
# lines as the test summary, and conformance cases are not tests)
grep -E '^[a-z-]+\.jsonl ' "$out.rt"
sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/conformance cases: \1 pass, \2 do not/p' "$out.rt"
[ $rc -eq 0 ] || { echo "eval: score_rt.py failed ($rc)"; exit 1; }
# claim checks: the seeds in a record of their own, then their claim cases
rm -f "$out.db"
"$BUILD/dostyk" ingest --db "$out.db" --input jsonl "$SHARED/corpus/seeds.jsonl" >/dev/null 2>&1 \
    && "$BUILD/dostyk" check --db "$out.db" --input jsonl "$SHARED/eval/claims-seeds.jsonl" >"$out.claims" 2>&1
python3 - "$out.seeds" "$out.rt" eval/floors "$out.claims" "$SHARED/eval/claims-seeds.jsonl" <<'PY'
import json, re, sys
seeds, rt, floors, claims, claims_gold = sys.argv[1:6]
score = None
for line in open(seeds, encoding="utf-8"):
    if line.startswith("SCORE "):
        score = json.loads(line[6:])
if score is None:
    sys.exit("eval: no SCORE line from score.py")
got = {
    "seeds.mentions_f1": score["detection"]["overall"]["f1"],
    "seeds.values_acc": score["values"]["accuracy"] or 0.0,
    "seeds.claims_f1": score["claims"]["f1"],
    "seeds.entities_f1": score["entities"]["f1"],
    "seeds.events_f1": (score.get("events") or {}).get("detection", {}).get("overall", {}).get("f1", 0.0),
    "seeds.event_actors_f1": ((score.get("events") or {}).get("actors") or {}).get("f1", 0.0),
}
want = {}
for line in open(claims_gold, encoding="utf-8"):
    if line.strip():
        c = json.loads(line)
        want[c["id"]] = c["verdict"]
right = 0
try:
    for line in open(claims, encoding="utf-8"):
        o = json.loads(line)
        right += want.get(o.get("id")) == o.get("verdict")
except (OSError, ValueError):
    pass
got["seeds.claim_verdicts"] = right / len(want) if want else 0.0
print("claim checks: %d/%d verdicts as expected" % (right, len(want)))
for line in open(rt, encoding="utf-8"):
    m = re.match(r"^([a-z-]+)\.jsonl\s+(\d+)/(\d+)\s+passed", line)
    if m:
        got["rt." + m.group(1)] = 100.0 * int(m.group(2)) / int(m.group(3))
bad = 0
print("\n%-24s %8s %8s" % ("figure", "got", "floor"))
for line in open(floors, encoding="utf-8"):
    line = line.split("#", 1)[0].split()
    if len(line) != 2:
        continue
    key, floor = line[0], float(line[1])
    value = got.get(key)
    ok = value is not None and value + 1e-9 >= floor
    bad += not ok
    print("%-24s %8s %8.3f %s" % (key, "-" if value is None else "%.3f" % value,
                                  floor, "ok" if ok else "BELOW FLOOR"))
print("eval floors: %s" % ("all met" if not bad else "%d below floor" % bad))
sys.exit(1 if bad else 0)
PY

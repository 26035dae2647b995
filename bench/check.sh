#!/bin/sh
# check.sh - how fast `dostyk check --input jsonl` answers 1,000 claims
# against a 10,000-document record (the sample corpus repeated with
# distinct ids).  Goal: under one second.
#   BUILD=build sh bench/check.sh
set -eu
BUILD=${BUILD:-build}
OUT=bench/out/check
mkdir -p "$OUT"
DB=$OUT/record.db
if [ ! -f "$OUT/docs.jsonl" ]; then
    python3 - "$OUT/docs.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open("corpus/sample.jsonl") if l.strip()]
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        d = dict(docs[i % len(docs)])
        d["id"] = "%s-%05d" % (d["id"], i)
        # distinct content (the record skips identical texts), no figures
        tag = "".join(chr(97 + (i // 26 ** k) % 26) for k in range(3))
        d["text"] += "\nArchive copy %s." % tag
        f.write(json.dumps(d) + "\n")
PY
fi
# incremental: makes the record, or skips every document of a current
# one, or migrates one made by an older dostyk
"$BUILD/dostyk" ingest --db "$DB" "$OUT/docs.jsonl" >/dev/null 2>"$OUT/ingest.err"
python3 - "$OUT/claims.jsonl" <<'PY'
import json, sys
claims = [json.loads(l) for l in open("corpus/claims.jsonl") if l.strip()]
with open(sys.argv[1], "w") as f:
    for i in range(1000):
        c = claims[i % len(claims)]
        f.write(json.dumps({"id": "c%04d" % i, "claim": c["claim"]}) + "\n")
PY
python3 - "$BUILD/dostyk" "$DB" "$OUT/claims.jsonl" <<'PY'
import os, resource, subprocess, sys, time
dk, db, claims = sys.argv[1:4]
times = []
for _ in range(3):
    t = time.perf_counter()
    subprocess.run([dk, "check", "--db", db, "--input", "jsonl", claims],
                   stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
times.sort()
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
load = os.getloadavg()[0]
print("check: 1000 claims against 10000 documents: %.3f s (median of 3), "
      "peak RSS %.0f MB, load average %.2f  [goal < 1 s, on an idle machine]"
      % (times[1], rss, load))
PY

#!/usr/bin/env python3
"""bench.py - the `make bench` driver (bench/run.sh calls it).

1. Builds the bench corpus in bench/out/: the team's sample articles
   (corpus/sample.jsonl, corpus/*.txt), or bench/gen.py's synthetic text
   when there are none, repeated to at least --mb MB, once as plain text
   (bench.txt, articles apart by a blank line) and once as JSON Lines
   (bench.jsonl, one article a record, distinct ids).
2. Runs `build/dostyk extract` on each --runs times, and on the text once
   more with `--pack none` (figures, dates and durations only: the goal of
   100 MB/s is judged there; the runs with the pack, which add entities,
   attribution and events, have a goal of 50 MB/s); reports the median
   MB/s by wall clock and by CPU time (user + sys: on a shared machine the
   wall clock also counts the time other processes had the core), and the
   peak RSS (GNU time, %M).
3. Runs the npm peers (peer-rt.js, peer-compromise.js) on a slice of the
   same text for at most --peer-seconds each (they stop early and report
   the bytes they read), unless node or the packages are missing (then it
   says so and goes on).
4. Prints a table and writes bench/out/results.json.
"""
import argparse
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GOAL_MBS = 100.0        # extraction of figures, dates, durations (no pack)
GOAL_PACK_MBS = 50.0    # with the domain pack: entities, attribution, events
GOAL_RSS_MB = 32.0
MB = 1e6


def articles_from(root):
    """(source, [(date, text)]) from corpus/, else from bench/gen.py."""
    arts = []
    sample = os.path.join(root, "corpus", "sample.jsonl")
    if os.path.isfile(sample):
        with open(sample, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if isinstance(r, dict) and isinstance(r.get("text"), str):
                    d = r.get("date") if isinstance(r.get("date"), str) else None
                    arts.append((d, r["text"]))
    for p in sorted(glob.glob(os.path.join(root, "corpus", "*.txt"))):
        with open(p, encoding="utf-8", errors="replace") as f:
            arts.append((None, f.read()))
    arts = [(d, t.strip()) for d, t in arts if t.strip()]
    if arts:
        return "corpus/ (%d articles)" % len(arts), arts
    gen = subprocess.run([sys.executable, os.path.join(root, "bench", "gen.py"),
                          "300"], check=True, capture_output=True, text=True)
    arts = [(None, a.strip()) for a in gen.stdout.split("\n\n") if a.strip()]
    return "bench/gen.py (synthetic, %d articles)" % len(arts), arts


def build_corpus(out, arts, mb):
    """Write bench.txt and bench.jsonl of at least mb MB each."""
    txt = os.path.join(out, "bench.txt")
    jsl = os.path.join(out, "bench.jsonl")
    need = mb * MB
    size = 0
    i = 0
    with open(txt, "w", encoding="utf-8") as ft, \
         open(jsl, "w", encoding="utf-8") as fj:
        while size < need:
            d, t = arts[i % len(arts)]
            ft.write(t)
            ft.write("\n\n")
            rec = {"id": "bench-%06d" % i, "text": t}
            if d:
                rec["date"] = d
            fj.write(json.dumps(rec, ensure_ascii=False))
            fj.write("\n")
            size += len(t.encode("utf-8")) + 2
            i += 1
    return txt, jsl, i


def timed(cmd, capture=False, to=None):
    """Run cmd, its output to /dev/null, or returned (capture), or written
    to the file `to`; returns (wall seconds, CPU seconds, peak RSS in MB,
    stdout)."""
    with tempfile.NamedTemporaryFile(prefix="rss", delete=False) as tf:
        rssf = tf.name
    sink = open(to, "wb") if to else None
    try:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", rssf] + cmd,
                           stdout=sink or (subprocess.PIPE if capture
                                           else subprocess.DEVNULL),
                           stderr=subprocess.PIPE)
        secs = time.perf_counter() - t0
        with open(rssf) as f:
            last = f.read().strip().splitlines()[-1].split()
        rss, cpu = int(last[0]) / 1024.0, float(last[1]) + float(last[2])
    finally:
        os.unlink(rssf)
        if sink:
            sink.close()
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                  p.stderr.decode()[-500:]))
    return secs, cpu, rss, p.stdout


def bench_dostyk(root, dk, path, mode, runs, nopack=False):
    size = os.path.getsize(path)
    cmd = [dk, "extract", "--input", mode] + (["--pack", "none"] if nopack else []) + [path]
    # the first run keeps its output, to count the mentions
    keep = os.path.join(os.path.dirname(path), "mentions-%s%s.jsonl" %
                        (mode, "-nopack" if nopack else ""))
    secs, cpus, rsss = [], [], []
    for k in range(runs):
        s, c, r, _ = timed(cmd, to=keep if k == 0 else None)
        secs.append(s)
        cpus.append(c)
        rsss.append(r)
    with open(keep, "rb") as f:
        count = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    os.unlink(keep)
    med, cmed = statistics.median(secs), statistics.median(cpus)
    return {"tool": "dostyk (%s%s)" % (mode, ", no pack" if nopack else ""),
            "goal_mbs": GOAL_MBS if nopack else GOAL_PACK_MBS,
            "bytes": size, "mentions": count,
            "seconds": med, "all_seconds": secs, "mbs": size / MB / med,
            "cpu_seconds": cmed, "all_cpu_seconds": cpus,
            "cpu_mbs": size / MB / max(cmed, 1e-3), "rss_mb": max(rsss)}


def bench_engine(dk, txt, out, mb=10, runs=3):
    """The engine alone (bench_extract, next to dostyk) on the first mb MB
    of the text: its one-line report, or None when it is not built."""
    exe = os.path.join(os.path.dirname(dk), "bench_extract")
    if not os.access(exe, os.X_OK):
        return None
    head = os.path.join(out, "bench-head.txt")
    with open(txt, "rb") as f, open(head, "wb") as g:
        data = f.read(int(mb * MB))
        g.write(data[:data.rfind(b"\n") + 1] or data)   # whole lines
    pack = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(dk))),
                        "packs", "kz-cn")
    args = [exe, head, str(runs)] + ([pack] if os.path.isdir(pack) else [])
    p = subprocess.run(args, capture_output=True, text=True)
    return (p.stdout or p.stderr).strip() or None


def slice_text(arts, nbytes):
    out, size, i = [], 0, 0
    while size < nbytes and i < 100000:
        t = arts[i % len(arts)][1]
        out.append(t)
        size += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def bench_peer(root, out, name, script, arts, cap_bytes, seconds):
    """Run one node peer on a slice of at most cap_bytes for at most
    `seconds` (it reports the bytes it got through)."""
    nm = os.path.join(root, "bench", "node_modules")
    if not shutil.which("node") or not os.path.isdir(nm):
        return {"tool": name, "skipped": "node or bench/node_modules missing"}
    path = os.path.join(out, "slice-%s.txt" % name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(slice_text(arts, cap_bytes))
    try:
        _, cpu, rss, so = timed(["node", os.path.join(root, "bench", script),
                                 path, str(seconds)], capture=True)
        r = json.loads(so.decode().strip().splitlines()[-1])
    except (RuntimeError, ValueError, IndexError) as e:
        return {"tool": name, "skipped": "failed: %s" % str(e)[:200]}
    r["tool"] = name
    r["mbs"] = r["bytes"] / MB / r["seconds"] if r["seconds"] > 0 else 0
    r["rss_mb"] = rss
    r["process_cpu_seconds"] = cpu   # includes node start and warm-up
    return r


def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version()}


def fmt_row(r, ref=None):
    if "skipped" in r:
        return "%-22s  skipped: %s" % (r["tool"], r["skipped"])
    ratio = ""
    if ref is not None and r.get("mbs"):
        ratio = "%9.0fx" % (ref / r["mbs"])
    cpu = "%10.2f" % r["cpu_mbs"] if "cpu_mbs" in r else "%10s" % "-"
    return "%-24s %8.3f %8.3f %9.3f %s %9.1f %9d %s" % (
        r["tool"], r["bytes"] / MB, r["seconds"], r["mbs"], cpu, r["rss_mb"],
        r.get("mentions", 0), ratio)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--dostyk", default="build/dostyk")
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-seconds", type=float, default=15)
    ap.add_argument("--no-peers", action="store_true")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    out = os.path.join(root, "bench", "out")
    os.makedirs(out, exist_ok=True)

    source, arts = articles_from(root)
    print("bench: text from %s" % source)
    txt, jsl, n = build_corpus(out, arts, a.mb)
    print("bench: %s and %s, %d documents, %.1f MB" %
          (os.path.relpath(txt, root), os.path.relpath(jsl, root), n,
           os.path.getsize(txt) / MB))

    dk = os.path.join(root, a.dostyk)
    results = [bench_dostyk(root, dk, txt, "text", a.runs),
               bench_dostyk(root, dk, jsl, "jsonl", a.runs),
               bench_dostyk(root, dk, txt, "text", a.runs, nopack=True)]
    ndk = len(results)
    if not a.no_peers:
        # rough speeds (bytes/s) used only to size the slices
        results.append(bench_peer(root, out, "recognizers-text", "peer-rt.js",
                                  arts, 1000000, a.peer_seconds))
        results.append(bench_peer(root, out, "compromise",
                                  "peer-compromise.js", arts, 20000000,
                                  a.peer_seconds))

    engine = bench_engine(dk, txt, out)

    ref = results[0]["mbs"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print()
    print("%-24s %8s %8s %9s %10s %9s %9s %s" % (
        "tool", "input MB", "seconds", "MB/s", "MB/s(cpu)", "RSS MB",
        "mentions", "dostyk(text) is"))
    for i, r in enumerate(results):
        print(fmt_row(r, ref if i >= ndk else None))
    print()
    for r in results[:ndk]:
        ok_s = "ok" if r["cpu_mbs"] >= r["goal_mbs"] else "BELOW GOAL"
        ok_m = "ok" if r["rss_mb"] < GOAL_RSS_MB else "ABOVE GOAL"
        print("%-24s %.1f MB/s wall, %.1f MB/s CPU (goal >= %.0f on one core: "
              "%s); peak RSS %.1f MB (goal < %.0f: %s)" %
              (r["tool"], r["mbs"], r["cpu_mbs"], r["goal_mbs"], ok_s, r["rss_mb"],
               GOAL_RSS_MB, ok_m))
    print("seconds: median of %d runs (wall clock); MB/s(cpu) from user+sys "
          "time; load average %.1f on %d cores" % (a.runs, load, os.cpu_count()))
    if engine:
        print(engine)
    print("peers: one run each on a slice, stopped after %.0f s, timed inside "
          "node after a warm-up; ratio = dostyk wall MB/s / peer MB/s"
          % a.peer_seconds)

    res = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "source": source, "machine": machine(),
           "load_average": load, "engine_only": engine,
           "goals": {"mb_per_s": GOAL_MBS, "mb_per_s_with_pack": GOAL_PACK_MBS,
                     "peak_rss_mb": GOAL_RSS_MB},
           "results": results}
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(res, f, indent=2)
        f.write("\n")
    print("bench: wrote %s" % os.path.relpath(os.path.join(out, "results.json"), root))


if __name__ == "__main__":
    main()

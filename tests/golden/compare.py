#!/usr/bin/env python3
# compare.py - owns the golden comparison: predicted mentions of `dostyk extract` against the
# hand-checked gold of the sample corpus (tests/golden/sample.*.jsonl), per-kind scores, and the
# floors check that makes tests/golden/golden.sh fail on a regression. Python 3 stdlib only.
#
#   python3 tests/golden/compare.py --pred PRED.jsonl [--floors tests/golden/floors] [--show N]
#
# Matching (one gold mention to at most one prediction): same document and kind, byte spans that
# overlap, and the same text once surrounding spaces and punctuation are stripped ('%' and '$'
# stay). Gold mentions marked "optional" are neither required nor penalised.
# Reported figures (the keys a floors file may name):
#   mentions_f1  overall detection F1 over the numeric kinds
#   values_acc   of matched pairs, the share where every field the gold has is right
#                (value and low/high to 1e-6 relative, unit, qualifier, date)
#   claims_f1    gold mentions with a metric: a prediction is right when it matches the gold
#                mention and has the same metric, period and value
#   entities_f1  micro F1 of the per-document entity id sets (kind "entity", field "id")
#   events_f1    event triggers: same document and event type, overlapping spans
#   verdicts_acc with --verdicts: share of corpus/claims.jsonl answered with the gold verdict
#   html_f1      with --html-pred: corpus/h*.html against html.gold.jsonl, matched by text
# Exit status: 0 all floors met, 1 a floor missed, 2 usage or input errors.
import argparse
import json
import os
import sys

NUMERIC = ["number", "ordinal", "percent", "money", "quantity", "date", "duration"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TXT_DOCS = ["t01_business_council.txt", "t02_container_transit_2020.txt", "t03_air_routes_2025.txt"]
KEEP = set("%$")


def die(msg):
    sys.stderr.write("compare.py: " + msg + "\n")
    sys.exit(2)


def read_jsonl(path):
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except ValueError as e:
                        die(f"{path}:{n}: {e}")
    except OSError as e:
        die(str(e))
    return rows


def load_texts():
    """Document id -> UTF-8 bytes of its text."""
    texts = {}
    for d in read_jsonl(os.path.join(ROOT, "corpus", "sample.jsonl")):
        texts[d["id"]] = d["text"].encode("utf-8")
    for name in TXT_DOCS:
        with open(os.path.join(ROOT, "corpus", name), "rb") as f:
            texts[name] = f.read()
    return texts


def norm(s):
    i, j = 0, len(s)
    while i < j and not (s[i].isalnum() or s[i] in KEEP):
        i += 1
    while j > i and not (s[j - 1].isalnum() or s[j - 1] in KEEP):
        j -= 1
    return s[i:j]


def close(a, b):
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def match(golds, preds, same):
    """Greedy one-to-one matching in text order: gold index -> prediction index.
    Required gold mentions are served before optional ones."""
    by_doc = {}
    for pi, p in enumerate(preds):
        by_doc.setdefault(p["doc"], []).append(pi)
    used, pairs = set(), {}
    order = sorted(range(len(golds)), key=lambda gi: (bool(golds[gi].get("optional")),
                                                      golds[gi]["doc"], golds[gi]["start"]))
    for gi in order:
        g = golds[gi]
        for pi in by_doc.get(g["doc"], []):
            p = preds[pi]
            if pi in used or p["start"] >= g["end"] or g["start"] >= p["end"]:
                continue
            if same(g, p):
                used.add(pi)
                pairs[gi] = pi
                break
    return pairs


def value_ok(g, p):
    for k in ("unit", "qualifier", "date"):
        if k in g and g[k] != p.get(k):
            return False
    if g.get("qualifier") == "range":
        return close(g.get("low"), p.get("low")) and close(g.get("high"), p.get("high"))
    if "value" in g:
        return close(g["value"], p.get("value"))
    return True


def describe(m):
    keys = ("value", "unit", "qualifier", "date", "metric", "period", "subjects", "event", "actors")
    extra = " ".join(f"{k}={m[k]}" for k in keys if k in m)
    return f"{m['doc']} [{m['start']},{m['end']}) {m['kind']} {m['text']!r} {extra}"


def check_preds(preds, texts):
    """Drops malformed prediction lines; returns (kept, errors)."""
    kept, errors = [], 0
    for p in preds:
        t = texts.get(p.get("doc"))
        s, e = p.get("start"), p.get("end")
        if t is None or not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(t):
            errors += 1
            continue
        p["_text"] = t[s:e].decode("utf-8", "replace")
        if p.get("text") != p["_text"]:
            errors += 1
        kept.append(p)
    return kept, errors


def score_mentions(gold, preds, show, out):
    res = {}
    golds = [g for g in gold if g["kind"] in NUMERIC]
    pnum = [p for p in preds if p.get("kind") in NUMERIC]
    pairs = match(golds, pnum, lambda g, p: g["kind"] == p["kind"]
                  and norm(g["text"]) == norm(p["_text"]))
    matched_p = set(pairs.values())
    opt_p = {pi for gi, pi in pairs.items() if golds[gi].get("optional")}
    out.append(f"{'kind':10}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'values':>9}")
    tot = [0, 0, 0]
    vok = vn = 0
    for kind in NUMERIC:
        gi_k = [gi for gi, g in enumerate(golds) if g["kind"] == kind and not g.get("optional")]
        pi_k = [pi for pi, p in enumerate(pnum) if p["kind"] == kind and pi not in opt_p]
        tp = sum(1 for gi in gi_k if gi in pairs)
        fp = sum(1 for pi in pi_k if pi not in matched_p)
        fn = len(gi_k) - tp
        ok = sum(1 for gi in gi_k if gi in pairs and value_ok(golds[gi], pnum[pairs[gi]]))
        p, r, f = prf(tp, fp, fn)
        acc = ok / tp if tp else 1.0
        out.append(f"{kind:10}{len(gi_k):6}{len(pi_k):6}{p:8.3f}{r:8.3f}{f:8.3f}{acc:9.3f}")
        tot[0] += tp
        tot[1] += fp
        tot[2] += fn
        vok += ok
        vn += tp
    p, r, f = prf(*tot)
    res["mentions_f1"] = f
    res["values_acc"] = vok / vn if vn else 1.0
    out.append(f"{'overall':10}{tot[0] + tot[2]:6}{tot[0] + tot[1]:6}{p:8.3f}{r:8.3f}{f:8.3f}"
               f"{res['values_acc']:9.3f}")

    # claims: metric + period + value on a matched pair
    gold_claims = [gi for gi, g in enumerate(golds) if g.get("metric") and not g.get("optional")]
    right = sum(1 for gi in gold_claims if gi in pairs and claim_ok(golds[gi], pnum[pairs[gi]]))
    pred_claims = sum(1 for pi, p in enumerate(pnum) if p.get("metric") and pi not in opt_p)
    cp, cr, cf = prf(right, pred_claims - right, len(gold_claims) - right)
    res["claims_f1"] = cf
    good = [gi for gi in gold_claims if gi in pairs and claim_ok(golds[gi], pnum[pairs[gi]])]
    subj = sum(1 for gi in good if pnum[pairs[gi]].get("subjects") == golds[gi]["subjects"])
    chg = [gi for gi in good if "change" in golds[gi] or "change" in pnum[pairs[gi]]]
    chg_ok = sum(1 for gi in chg if same_change(golds[gi].get("change"), pnum[pairs[gi]].get("change")))
    out.append(f"claims: gold {len(gold_claims)}, predicted {pred_claims}, right {right}   "
               f"P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}   of right claims: subjects equal {subj}/{len(good)}, "
               f"change equal {chg_ok}/{len(chg)}")

    if show:
        wrong_claims = [gi for gi in gold_claims if not (gi in pairs and claim_ok(golds[gi], pnum[pairs[gi]]))]
        out.append(f"first claim misses ({len(wrong_claims)}):")
        for gi in wrong_claims[:show]:
            out.append("  gold " + describe(golds[gi]))
            if gi in pairs:
                out.append("  pred " + describe(pnum[pairs[gi]]))
        miss = [golds[gi] for gi in range(len(golds))
                if gi not in pairs and not golds[gi].get("optional")]
        false = [pnum[pi] for pi in range(len(pnum)) if pi not in matched_p]
        wrong = [(golds[gi], pnum[pi]) for gi, pi in pairs.items()
                 if not golds[gi].get("optional") and not value_ok(golds[gi], pnum[pi])]
        out.append(f"first misses ({len(miss)}):")
        out.extend("  " + describe(g) for g in miss[:show])
        out.append(f"first false alarms ({len(false)}):")
        out.extend("  " + describe(p) for p in false[:show])
        out.append(f"first wrong values ({len(wrong)}):")
        for g, p in wrong[:show]:
            out.append("  gold " + describe(g))
            out.append("  pred " + describe(p))
    return res


def same_change(g, p):
    if not isinstance(g, dict) or not isinstance(p, dict):
        return False
    return g.get("unit") == p.get("unit") and close(g.get("value"), p.get("value"))


def claim_ok(g, p):
    return (p.get("metric") == g["metric"] and p.get("period") == g["period"]
            and close(g["value"], p.get("value")))


def score_entities(sets, preds, out, show=0):
    tp = fp = fn = 0
    diffs = []
    for s in sets:
        req, opt = set(s["entities"]), set(s.get("optional", []))
        got = {p.get("id") for p in preds if p.get("doc") == s["doc"] and p.get("kind") == "entity"}
        got.discard(None)
        got -= opt
        tp += len(got & req)
        fp += len(got - req)
        fn += len(req - got)
        if got != req:
            diffs.append(f"  {s['doc']}: missing {sorted(req - got)} extra {sorted(got - req)}")
    p, r, f = prf(tp, fp, fn)
    out.append(f"entities: P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    if show and tp + fp:
        out.extend(diffs[:show])
    return {"entities_f1": f}


def score_events(gold, preds, out):
    pev = [p for p in preds if p.get("kind") == "event"]
    pairs = match(gold, pev, lambda g, p: g["event"] == p.get("event"))
    opt_p = {pi for gi, pi in pairs.items() if gold[gi].get("optional")}
    req = [gi for gi, g in enumerate(gold) if not g.get("optional")]
    tp = sum(1 for gi in req if gi in pairs)
    fp = sum(1 for pi in range(len(pev)) if pi not in pairs.values() and pi not in opt_p)
    p, r, f = prf(tp, fp, len(req) - tp)
    # actors of the matched required events, as sets (micro over the pairs)
    atp = afp = afn = 0
    for gi in req:
        if gi in pairs:
            ga, pa = set(gold[gi].get("actors", [])), set(pev[pairs[gi]].get("actors", []))
            atp, afp, afn = atp + len(ga & pa), afp + len(pa - ga), afn + len(ga - pa)
    ap_, ar_, af = prf(atp, afp, afn)
    out.append(f"events: gold {len(req)}, predicted {len(pev)}   P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
               f"   actors of matched: P {ap_:.3f}  R {ar_:.3f}  F1 {af:.3f}")
    return {"events_f1": f, "event_actors_f1": af}


def self_test(texts, gold, events, sets):
    """The gold as predictions scores 1.0; spans moved by one byte or no predictions do not."""
    ents = [{"doc": s["doc"], "start": 0, "end": 1, "kind": "entity", "id": i,
             "text": texts[s["doc"]][:1].decode()} for s in sets for i in s["entities"]]
    perfect = [dict(g) for g in gold] + [dict(e) for e in events] + ents
    kept, errors = check_preds(perfect, texts)
    sink = []
    res = score_mentions(gold, kept, 0, sink)
    res.update(score_entities(sets, kept, sink))
    res.update(score_events(events, kept, sink))
    if errors or any(v != 1.0 for v in res.values()):
        return False, f"gold against itself: {res}, errors {errors}"
    shifted = []
    for g in gold:
        p = dict(g)
        p["start"] += 1
        p["end"] = max(p["end"], p["start"] + 1)
        p["text"] = texts[p["doc"]][p["start"]:p["end"]].decode("utf-8", "replace")
        shifted.append(p)
    kept, _ = check_preds(shifted, texts)
    low = score_mentions(gold, kept, 0, sink)["mentions_f1"]
    empty = score_mentions(gold, [], 0, sink)["mentions_f1"]
    if low >= 0.9 or empty != 0.0:
        return False, f"shifted spans scored {low:.3f}, no predictions {empty:.3f}"
    return True, f"gold scores 1.0 against itself, shifted spans {low:.3f}, nothing 0.0"


def score_html(gold, preds, out):
    """HTML pages: offsets depend on how the page is reduced to text, so a prediction matches a
    gold mention of the same page and kind with the same text (spaces folded); furniture numbers
    (view counters, footers, related links) are false alarms."""
    def key(m):
        return (m.get("doc"), m.get("kind"), " ".join(norm(m.get("text", "")).split()))
    pool = {}
    for pi, p in enumerate(preds):
        if p.get("kind") in NUMERIC:
            pool.setdefault(key(p), []).append(pi)
    tp = ok = 0
    for g in gold:
        hits = pool.get(key(g))
        if hits:
            pi = hits.pop(0)
            tp += 1
            ok += value_ok(g, preds[pi])
    npred = sum(1 for p in preds if p.get("kind") in NUMERIC)
    p, r, f = prf(tp, npred - tp, len(gold) - tp)
    out.append(f"html: gold {len(gold)}, predicted {npred}, matched {tp} (values right {ok})   "
               f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return {"html_f1": f}


def read_answers(path):
    """The checker's answers; lines that are not JSON objects are skipped (a wrong answer)."""
    rows = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    o = json.loads(line)
                except ValueError:
                    continue
                if isinstance(o, dict):
                    rows.append(o)
    except OSError:
        pass
    return rows


def score_verdicts(gold, answers, show, out):
    """Claim cases (corpus/claims.jsonl) against the answers of `dostyk check --input jsonl`."""
    got = {a.get("id"): a.get("verdict") for a in answers}
    wrong = [c for c in gold if got.get(c["id"]) != c["verdict"]]
    acc = (len(gold) - len(wrong)) / len(gold) if gold else 1.0
    out.append(f"claim verdicts: {len(gold) - len(wrong)}/{len(gold)} right   accuracy {acc:.3f}")
    for c in wrong[:show]:
        out.append(f"  {c['id']} want {c['verdict']}, got {got.get(c['id'])}: {c['claim']}")
    return {"verdicts_acc": acc}


def read_floors(path):
    floors = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2:
                die(f"{path}:{n}: want 'key value'")
            try:
                floors[parts[0]] = float(parts[1])
            except ValueError:
                die(f"{path}:{n}: {parts[1]!r} is not a number")
    return floors


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare dostyk mentions with the sample gold.")
    ap.add_argument("--pred", required=True, help="predicted mentions, JSON Lines")
    ap.add_argument("--gold", default=os.path.join(HERE, "sample.gold.jsonl"))
    ap.add_argument("--events", default=os.path.join(HERE, "sample.events.jsonl"))
    ap.add_argument("--entities", default=os.path.join(HERE, "sample.entities.jsonl"))
    ap.add_argument("--floors", help="'key value' lines; exit 1 when a figure is below its floor")
    ap.add_argument("--self-test", action="store_true",
                    help="also check the scorer: the gold scored against itself must reach 1.0 "
                         "everywhere, and a shifted or empty prediction set must not")
    ap.add_argument("--html-pred", help="predicted mentions of corpus/h*.html (scored by text)")
    ap.add_argument("--verdicts", help="answers of `dostyk check --input jsonl corpus/claims.jsonl`")
    ap.add_argument("--show", type=int, default=5, help="print the first N misses (default 5)")
    a = ap.parse_args(argv)

    texts = load_texts()
    gold = read_jsonl(a.gold)
    for g in gold:
        if g["doc"] not in texts or texts[g["doc"]][g["start"]:g["end"]].decode() != g["text"]:
            die(f"gold mention does not match its document: {describe(g)}")
    preds, errors = check_preds(read_jsonl(a.pred), texts)
    out = [f"documents {len(texts)}   gold mentions {len(gold)}   predictions {len(preds)}   "
           f"malformed or text_mismatch {errors}"]
    res = score_mentions(gold, preds, a.show, out)
    res.update(score_entities(read_jsonl(a.entities), preds, out, a.show))
    res.update(score_events(read_jsonl(a.events), preds, out))
    if a.verdicts:
        res.update(score_verdicts(read_jsonl(os.path.join(ROOT, "corpus", "claims.jsonl")),
                                  read_answers(a.verdicts), a.show, out))
    if a.html_pred:
        res.update(score_html(read_jsonl(os.path.join(HERE, "html.gold.jsonl")),
                              read_jsonl(a.html_pred), out))
    print("\n".join(out))
    print("GOLDEN " + json.dumps({k: round(v, 4) for k, v in res.items()}))

    passed = failed = 0
    if a.self_test:
        ok, why = self_test(texts, gold, read_jsonl(a.events), read_jsonl(a.entities))
        passed, failed = (1, 0) if ok else (0, 1)
        print(("ok    " if ok else "FAIL  ") + "self-test: " + why)
    if not a.floors:
        return summary(passed, failed)
    for key, floor in read_floors(a.floors).items():
        if key not in res:
            die(f"unknown floor key {key!r}")
        if res[key] + 1e-9 >= floor:
            passed += 1
            print(f"ok    {key} {res[key]:.4f} >= {floor}")
        else:
            failed += 1
            print(f"FAIL  {key} {res[key]:.4f} < {floor}")
    return summary(passed, failed)


def summary(passed, failed):
    """The closing lines; tests/run.sh sums the last plain 'N passed, N failed' line."""
    print(f"golden: {passed} passed, {failed} failed")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

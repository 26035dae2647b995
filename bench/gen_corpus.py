#!/usr/bin/env python3
"""gen_corpus.py - a synthetic news-like JSON Lines corpus for the ingest
and search benchmarks: made-up sentences with figures, dates and names,
about SIZE megabytes.  Deterministic (seeded).

    python3 bench/gen_corpus.py MB OUT.jsonl
"""
import json
import random
import sys

random.seed(2024)
SUBJ = ["Trade", "Freight traffic", "Investment", "Grain exports", "Oil transit",
        "Tourist flows", "The corridor", "Container traffic", "Gas supply",
        "The joint venture", "Rail cargo", "Car production", "Copper output"]
VERB = ["reached", "rose to", "fell to", "grew by", "exceeded", "amounted to",
        "stood at", "is expected to reach", "climbed to", "dropped to"]
FIG = ["{n} billion dollars", "${n}bn", "{n} million tonnes", "{n} percent",
       "{n},{m:03d} containers", "{n} km", "{n} million yuan", "{n}.{d} percent",
       "about {n} trains a week", "{n} thousand tourists", "{n} trillion tenge"]
WHEN = ["in {y}", "last year", "in the first half of {y}", "over the past {k} years",
        "by {y}", "in January-{mon} {y}", "this year", "since {y}"]
MON = ["March", "May", "June", "September", "October", "November"]
TAIL = ["officials said", "the ministry reported", "according to customs data",
        "the operator said in a statement", "analysts noted", "", "", ""]
FILL = ["The sides also discussed cooperation in logistics, energy and agriculture.",
        "Delegations met in the capital to review the roadmap of joint projects.",
        "Experts expect the new checkpoint to ease congestion at the border.",
        "The agreement covers customs procedures, digital platforms and transit.",
        "Local producers hope to expand their presence on the neighbouring market."]


def sentence():
    if random.random() < 0.3:
        return random.choice(FILL)
    f = random.choice(FIG).format(n=random.randint(1, 999), m=random.randint(0, 999),
                                  d=random.randint(1, 9))
    w = random.choice(WHEN).format(y=random.randint(2005, 2025), k=random.randint(2, 15),
                                   mon=random.choice(MON))
    t = random.choice(TAIL)
    s = "%s %s %s %s" % (random.choice(SUBJ), random.choice(VERB), f, w)
    return (s + ", " + t + ".") if t else s + "."


def main():
    mb, out = float(sys.argv[1]), sys.argv[2]
    limit = int(mb * 1e6)
    size = 0
    i = 0
    with open(out, "w") as f:
        while size < limit:
            text = " ".join(sentence() for _ in range(random.randint(8, 40)))
            rec = {"id": "bench-%07d" % i, "date": "20%02d-%02d-%02d" % (
                random.randint(10, 25), random.randint(1, 12), random.randint(1, 28)),
                "source": random.choice(["Wire A", "Wire B", "Daily C"]), "text": text}
            line = json.dumps(rec) + "\n"
            f.write(line)
            size += len(line)
            i += 1


main()

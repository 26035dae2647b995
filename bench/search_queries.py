#!/usr/bin/env python3
"""search_queries.py - the varied queries of the search benchmark, one a
line as TSV: QUERY, FROM, TO, SOURCE, ENTITY, METRIC (empty: no filter).
Words common and rare, phrases, prefixes, figures ("$12bn", "45 percent")
and filtered searches; deterministic (seeded).

    python3 bench/search_queries.py N > queries.tsv
"""
import random
import sys

random.seed(4242)
WORDS = ("trade freight investment grain exports oil transit tourist corridor "
         "container gas venture rail cargo car copper officials ministry customs "
         "operator analysts logistics energy agriculture delegations capital "
         "roadmap experts checkpoint border agreement procedures digital platforms "
         "producers market percent billion tonnes trains week thousand tenge yuan "
         "dollars January June statement cooperation congestion projects sides "
         "Khorgos Aktau Urumqi lithium uranium wheat pipeline Astana Beijing").split()
PHRASES = ["freight traffic", "rail cargo", "grain exports", "oil transit",
           "joint venture", "the ministry reported", "according to customs data",
           "first half", "tourist flows", "container traffic", "gas supply",
           "car production", "copper output", "neighbouring market",
           "digital platforms", "joint projects", "new checkpoint",
           "analysts noted", "trains a week", "past five years"]
PREFIXES = ["contain*", "export*", "invest*", "tour*", "logist*", "agric*",
            "rail*", "cop*", "deleg*", "cooper*", "procedur*", "checkp*",
            "corrid*", "Khor*", "pipel*", "stat*"]
FIGURES = ["${n}bn", "{n} billion", "{n} billion dollars", "{n} percent",
           "{n}.{d} percent", "{n} km", "{n} million tonnes", "{n} trillion tenge",
           "{n} million yuan", "${n} billion", "{n} thousand tourists"]
SOURCES = ["Wire A", "Wire B", "Daily C"]
METRICS = ["exports", "investment", "rail_freight", "trade_turnover", "transit_share"]


def one(i):
    kind = i % 6
    if kind == 0:
        q = random.choice(WORDS)
    elif kind == 1:
        q = '"%s"' % random.choice(PHRASES)
    elif kind == 2:
        q = random.choice(PREFIXES)
    elif kind == 3:
        q = random.choice(FIGURES).format(n=random.randint(1, 999), d=random.randint(1, 9))
    elif kind == 4:
        q = "%s %s" % (random.choice(WORDS), random.choice(WORDS))
    else:
        q = random.choice([random.choice(WORDS), '"%s"' % random.choice(PHRASES),
                           random.choice(FIGURES).format(n=random.randint(1, 999), d=1)])
    f = ["", "", "", "", ""]
    if i % 4 == 3:   # a quarter with filters
        y = random.randint(2010, 2025)
        pick = random.randint(0, 4)
        if pick == 0:
            f[0] = str(y)
        elif pick == 1:
            f[0], f[1] = str(y), "%d-12-31" % min(y + 2, 2025)
        elif pick == 2:
            f[2] = random.choice(SOURCES)
        elif pick == 3:
            f[4] = random.choice(METRICS)
        else:
            f[3] = random.choice(["KZ", "CN"])
    return "\t".join([q] + f)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for i in range(n):
        print(one(i))


main()

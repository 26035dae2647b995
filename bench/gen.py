#!/usr/bin/env python3
"""gen.py - last-resort bench text when corpus/ has no articles.

Writes N synthetic news-like articles (plain text, articles separated by a
blank line) to stdout.  The sentences are templates written for the bench,
filled from a fixed random seed so every run makes the same text; about
half the sentences carry no figure at all, as in real news.
usage: gen.py [N]
"""
import random
import sys

PLACES = ["Astana", "Almaty", "Urumqi", "Khorgos", "Dostyk", "Aktau",
          "Shymkent", "Xi'an", "Lianyungang", "Beijing", "Karaganda"]
GOODS = ["wheat", "copper", "crude oil", "natural gas", "uranium", "steel",
         "vegetable oil", "containers", "cars", "fertiliser", "barley"]
BODIES = ["the ministry of trade", "the national railway company",
          "the customs service", "the bureau of statistics",
          "a joint venture", "the regional government", "the central bank"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WORDS = ["two", "three", "five", "seven", "ten", "twelve", "twenty",
         "thirty", "forty-five", "a hundred", "several hundred"]

FILLER = [
    "Officials in {p} said the talks had been constructive and that both "
    "sides wanted to deepen cooperation.",
    "The agreement still has to be approved by parliament.",
    "Analysts expect demand for {g} to stay strong as new routes open.",
    "A spokesperson for {b} declined to comment on the details.",
    "The project is part of a wider plan to modernise transport links "
    "across Central Asia.",
    "Local businesses welcomed the news, although some warned about delays "
    "at the border.",
    "Delegations from both countries met in {p} to discuss logistics, "
    "energy and agriculture.",
    "According to {b}, the new terminal will speed up customs checks.",
    "Farmers in the north hope the deal will open a larger market for "
    "their {g}.",
    "The minister said the government would publish a detailed plan later "
    "this year.",
]

FIGURES = [
    "Trade between the two countries reached ${n} billion in {y}, up {pc}% "
    "from the year before.",
    "Exports of {g} rose to {k} tonnes in the first {w} months of {y}.",
    "The railway carried {k} containers through {p} on {d} {m} {y}.",
    "{b} said investment would total {n} billion tenge by {y2}.",
    "About {w} trains a week now run between {p} and {p2}, compared with "
    "{w2} in {y}.",
    "The plant, worth ${n} million, is due to open in {m} {y2} and will "
    "employ {k} people.",
    "Freight volumes grew by {pc} per cent to {n} million tonnes last year.",
    "On {m} {d}, {y}, the two sides signed {w} agreements worth more than "
    "${n} billion.",
    "The pipeline can carry {n} billion cubic metres of gas a year over "
    "{k} km.",
    "Prices of {g} fell {pc}% in {m}, the lowest level since {y}.",
    "Some {k} trucks crossed the border at {p} in the third quarter, "
    "{pc} percent more than a year earlier.",
    "The loan of {n} million yuan runs for {w} years at {pc2}% interest.",
]


def fill(t, r):
    y = r.randint(2005, 2025)
    return t.format(
        p=r.choice(PLACES), p2=r.choice(PLACES), g=r.choice(GOODS),
        b=r.choice(BODIES), m=r.choice(MONTHS), d=r.randint(1, 28),
        y=y, y2=y + r.randint(1, 6), w=r.choice(WORDS), w2=r.choice(WORDS),
        n=r.choice([r.randint(1, 99), round(r.uniform(1, 50), 1)]),
        k="{:,}".format(r.randint(100, 2_000_000)),
        pc=round(r.uniform(0.5, 60), 1), pc2=round(r.uniform(1, 9), 2))


def cap(s):
    return s[0].upper() + s[1:]


def article(r):
    paras = []
    for _ in range(r.randint(3, 7)):
        sents = [cap(fill(r.choice(FIGURES if r.random() < 0.5 else FILLER), r)
                ) for _ in range(r.randint(2, 5))]
        paras.append(" ".join(sents))
    return "\n".join(paras)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    r = random.Random(20240522)
    out = sys.stdout
    for i in range(n):
        out.write(article(r))
        out.write("\n\n")


if __name__ == "__main__":
    main()

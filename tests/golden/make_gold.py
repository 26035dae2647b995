#!/usr/bin/env python3
# make_gold.py - owns the hand annotation of the team's sample corpus (corpus/sample.jsonl and
# corpus/t*.txt) and writes tests/golden/sample.gold.jsonl, sample.events.jsonl and
# sample.entities.jsonl from it.
#
# Every mention below was decided by hand, by the rules of ../shared/spec/annotation.md,
# ../shared/spec/extract.md "## Events" and ../shared/eval/DECISIONS.md. Only the byte offsets
# are computed: each annotation names its surface text, and the mentions of a document are
# listed in text order, so each one is searched (on word boundaries) after the previous one.
# The script fails when a surface is not found or when text != bytes[start:end].
#   python3 tests/golden/make_gold.py            # rewrite the three gold files
#   python3 tests/golden/make_gold.py --show DOC # print DOC with the gold spans bracketed
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAMEO = {"visit": "042", "meeting": "040", "agreement": "057", "intent": "030",
         "launch": "061", "protest": "141", "summit": "044"}
KZCN = ["KZ", "CN"]
CNKZ = ["CN", "KZ"]
ROUTE = ["KZ", "CN", "EU"]


# --- mention constructors (text, then fields; claim fields: metric, period, subj, change) ---
def _num(kind, text, value, unit=None, q="exact", low=None, high=None, metric=None, period=None,
         subj=None, change=None, opt=False):
    m = {"text": text, "kind": kind, "value": value}
    if unit:
        m["unit"] = unit
    m["qualifier"] = q
    if q == "range":
        m["low"], m["high"] = low, high
    if metric:
        m["metric"], m["period"], m["subjects"] = metric, period, subj
    if isinstance(change, tuple):                  # (1.7, "times") for "grew 1.7-fold"
        m["change"] = {"value": change[0], "unit": change[1]}
    elif change is not None:
        m["change"] = {"value": change, "unit": "%"}
    if opt:
        m["optional"] = True
    return m


def N(text, value, **kw):
    return _num("number", text, value, **kw)


def O(text, value, **kw):
    return _num("ordinal", text, value, **kw)


def P(text, value, **kw):
    return _num("percent", text, value, **kw)


def M(text, value, unit="USD", **kw):
    return _num("money", text, value, unit=unit, **kw)


def Q(text, value, unit, **kw):
    return _num("quantity", text, value, unit=unit, **kw)


def U(text, value, unit, **kw):
    return _num("duration", text, value, unit=unit, **kw)


def D(text, date):
    return {"text": text, "kind": "date", "date": date}


def E(text, event, actors=None, place=None, date=None, count=None, value=None, unit="USD",
      opt=False):
    e = {"text": text, "kind": "event", "event": event, "cameo": CAMEO[event]}
    if actors:
        e["actors"] = actors
    if place:
        e["place"] = place
    if date:
        e["date"] = date
    if count is not None:
        e["count"] = count
    if value is not None:
        e["value"], e["unit"] = value, unit
    if opt:
        e["optional"] = True
    return e


B = 1_000_000_000
MN = 1_000_000

# ---------------------------------------------------------------- mentions, in text order
GOLD = {
    "s01_trade_2023": [
        P("32 percent", 32),
        M("$41 billion", 41 * B, metric="trade_turnover", period="2023", subj=KZCN, change=32),
        D("2023", "2023"),
        D("last Friday", "2024-01-12"),
        D("2022", "2022"),
        M("$31 billion", 31 * B, q="approx", metric="trade_turnover", period="2022", subj=KZCN),
        D("Last year", "2023"),
        M("$24.7 billion", 24.7 * B, metric="exports", period="2023", subj=CNKZ),
        M("$16.3 billion", 16.3 * B, metric="exports", period="2023", subj=KZCN),
        P("22 percent", 22, q="approx", metric="trade_share", period="2023", subj=CNKZ),
        D("last year", "2023"),
        D("May 2023", "2023-05"),
        M("$40 billion", 40 * B),
        D("2030", "2030"),
        U("seven years", 7, "year"),
        M("$80 billion", 80 * B),
        D("2030", "2030"),
        M("1.3 billion dollars", 1.3 * B, metric="agri_trade", period="2023", subj=KZCN),
        D("2023", "2023"),
        N("1,000", 1000, q="over", metric="companies", period="2024", subj=KZCN),
    ],
    "s02_rail_freight": [
        Q("28.3 million tons", 28.3 * MN, "t", metric="rail_freight", period="2023", subj=KZCN,
          change=22),
        D("2023", "2023"),
        P("22 percent", 22),
        D("2022", "2022"),
        D("Monday", "2024-02-05"),
        N("two", 2),
        D("1990", "1990"),
        D("December 2012", "2012-12"),
        P("80 percent", 80, q="approx", metric="transit_share", period="2024", subj=ROUTE),
        N("17,523", 17523),
        D("2023", "2023"),
        Q("1.9 million twenty-foot containers", 1.9 * MN, "TEU", metric="container_traffic",
          period="2023", subj=["CN", "EU"]),
        Q("1,783-kilometer-long", 1783, "km", metric="border_length", period="2024", subj=KZCN),
        D("August 2015", "2015-08"),
        Q("540,000 TEU", 540000, "TEU"),
        O("second", 2),
        Q("836-kilometre", 836, "km"),
        N("five times", 5),
        O("third", 3),
        D("2027", "2027"),
    ],
    "s03_sco_astana_2024": [
        D("July 2-3", "2024-07-02/2024-07-03"),
        D("July 4", "2024-07-04"),
        D("last Tuesday", "2024-07-02"),
        N("30", 30, q="over", metric="agreements", period="2024-07-02", subj=KZCN),
        O("third", 3),
        M("$40 billion", 40 * B, q="over", metric="trade_turnover", period="2023", subj=KZCN),
        D("last year", "2023"),
        O("24th", 24),
        O("first", 1),
        N("ten", 10),
        D("2025", "2025"),
    ],
    "s04_visa_free": [
        U("30 days", 30, "day", q="under", metric="visa_free_days", period="2023", subj=KZCN),
        D("two weeks ago", "2023-11-06/2023-11-12"),
        D("November 10", "2023-11-10"),
        D("May 17, 2023", "2023-05-17"),
        U("90 days", 90, "day", q="under", metric="visa_free_days", period="2023", subj=KZCN),
        U("180-day", 180, "day"),
        N("two to three times", 2, q="range", low=2, high=3),
        N("100", 100, q="approx"),
        D("2019", "2019"),
        N("600,000", 600000, q="over"),
    ],
    "s05_silk_road_2013": [
        D("yesterday", "2013-09-07"),
        D("Friday", "2013-09-06"),
        U("three-day", 3, "day"),
        N("five", 5),
        D("Saturday", "2013-09-07"),
        N("22", 22, metric="agreements", period="2013-09-07", subj=KZCN),
        M("$30 billion", 30 * B, q="approx", metric="agreements", period="2013-09-07", subj=KZCN),
        M("$25.7 billion", 25.7 * B, metric="trade_turnover", period="2012", subj=KZCN),
        D("2012", "2012"),
        M("$40 billion", 40 * B),
        D("2015", "2015"),
    ],
    "s06_tokayev_visit_2019": [
        O("first", 1),
        D("Sept. 11-12", "2019-09-11/2019-09-12"),
        N("ten", 10, metric="agreements", period="2019-09-11/2019-09-12", subj=KZCN),
        N("55", 55, metric="projects", period="2019-09-11/2019-09-12", subj=KZCN),
        M("$ 27 billion", 27 * B, metric="projects", period="2019-09-11/2019-09-12", subj=KZCN),
        N("15", 15, metric="projects", period="2019-09-11/2019-09-12", subj=KZCN),
        O("fourth", 4, metric="fdi_rank", period="2019", subj=CNKZ),
        P("15.7 percent", 15.7, metric="trade_share", period="2018", subj=CNKZ),
        D("last year", "2018"),
        M("19.9 billion dollars", 19.9 * B, metric="trade_turnover", period="2018", subj=KZCN),
        D("2018", "2018"),
    ],
    "s07_xi_visit_2022": [
        D("Wednesday", "2022-09-14"),
        O("first", 1),
        U("two years", 2, "year", q="over"),
        O("30th", 30),
        M("$25.3 billion", 25.3 * B, metric="trade_turnover", period="2021", subj=KZCN),
        D("2021", "2021"),
        D("the first seven months of this year", "2022-01/2022-07"),
        P("31 percent", 31),
        Q("1,783-kilometer", 1783, "km", metric="border_length", period="2022", subj=KZCN),
        D("January 2020", "2020-01"),
    ],
    "s08_investment": [
        M("$24 billion", 24 * B, q="over", metric="investment", period="2005/2024", subj=CNKZ),
        D("2005", "2005"),
        N("4,700", 4700, q="approx", metric="enterprises", period="2024", subj=CNKZ),
        D("Tuesday", "2024-04-09"),
        M("$1.6 billion", 1.6 * B, metric="investment", period="2023", subj=CNKZ, change=18),
        D("2023", "2023"),
        P("18 percent", 18),
        D("2022", "2022"),
        O("fifth", 5, metric="fdi_rank", period="2024", subj=CNKZ),
        M("3.5 billion yuan", 3.5 * B, "CNY"),
        M("120 billion tenge", 120 * B, "KZT"),
        D("last year", "2023"),
        N("40", 40, metric="projects", period="2024", subj=KZCN),
        M("$13.7 billion", 13.7 * B, q="approx", metric="projects", period="2024", subj=KZCN),
        N("20 thousand", 20000, metric="jobs", period="2024", subj=["KZ"]),
    ],
    "s09_xian_summit_2023": [
        N("five", 5),
        O("first", 1),
        D("Thursday", "2023-05-18"),
        D("Wednesday", "2023-05-17"),
        M("$40 billion", 40 * B),
        D("2030", "2030"),
        N("47", 47, metric="agreements", period="2023-05-17", subj=KZCN),
        M("$22 billion", 22 * B, metric="agreements", period="2023-05-17", subj=KZCN),
        N("five", 5),
        M("$70 billion", 70 * B, metric="trade_turnover", period="2022", subj=["central_asia", "CN"]),
        D("last year", "2022"),
        M("26 billion yuan", 26 * B, "CNY"),
        O("second", 2),
        D("2025", "2025"),
    ],
    "s10_trade_2024": [
        P("6.9 percent", 6.9),
        M("$43.8 billion", 43.8 * B, metric="trade_turnover", period="2024", subj=KZCN, change=6.9),
        D("2024", "2024"),
        D("Monday", "2025-01-13"),
        D("2023", "2023"),
        M("$41.1 billion", 41.1 * B, metric="trade_turnover", period="2023", subj=KZCN),
        D("a year ago", "2024"),
        M("$28.1 billion", 28.1 * B, metric="exports", period="2024", subj=CNKZ),
        D("last year", "2024"),
        P("4 percent", 4),
        M("$15.7 billion", 15.7 * B, metric="imports", period="2024", subj=CNKZ, change=-4),
        M("$29.6 billion", 29.6 * B, metric="trade_turnover", period="2024-01/2024-11", subj=KZCN),
        D("the first 11 months of 2024", "2024-01/2024-11"),
        N("two", 2),
        U("ten years", 10, "year", q="over"),
        O("second", 2),
        M("$80 billion", 80 * B),
        D("2030", "2030"),
        N("two", 2),
    ],
    "s11_energy": [
        D("Monday", "2024-06-10"),
        D("2006", "2006"),
        Q("20 million tons", 20 * MN, "t", q="under"),
        D("Last year", "2023"),
        Q("11 million tons", 11 * MN, "t", q="approx"),
        P("one-tenth", 10, q="approx"),
        U("15 years", 15, "year"),
        D("2015", "2015"),
        D("last year", "2023"),
    ],
    "s12_khorgos": [
        U("ten years", 10, "year"),
        D("this year", "2022"),
        U("30 days", 30, "day", q="under", metric="visa_free_days", period="2022", subj=KZCN),
        D("April 2012", "2012-04"),
        Q("343 hectares", 343, "ha"),
        Q("185 hectares", 185, "ha"),
        P("49 percent", 49),
        Q("1,700 kilometres", 1700, "km", q="approx", metric="border_length", period="2022",
          subj=KZCN),
        N("1,000", 1000, q="over"),
    ],
    "s13_brf_2023": [
        O("Third", 3),
        D("Wednesday", "2023-10-18"),
        U("ten years", 10, "year"),
        D("next July", "2024-07"),
        N("20", 20, metric="agreements", period="2023-10-17", subj=KZCN),
        M("$ 6 billion", 6 * B, q="over", metric="agreements", period="2023-10-17", subj=KZCN),
        D("Tuesday", "2023-10-17"),
        D("2013", "2013"),
        M("12 billion dollars", 12 * B, metric="investment", period="2013/2023", subj=CNKZ),
        D("the first nine months of 2023", "2023-01/2023-09"),
        P("32 percent", 32),
        N("140", 140, q="over"),
        D("this year", "2023"),
    ],
    "s14_transit_routes": [
        D("last Monday", "2024-11-18"),
        Q("836-km", 836, "km"),
        O("second", 2),
        D("the end of 2025", "2025"),
        N("five times", 5),
        O("third", 3),
        D("2027", "2027"),
        Q("20 million tons", 20 * MN, "t"),
        D("the first 10 months of 2024", "2024-01/2024-10"),
        Q("1.2 million twenty-foot containers", 1.2 * MN, "TEU", metric="container_traffic",
          period="2024-01/2024-10", subj=ROUTE, change=22),
        P("22%", 22),
        D("January-October 2023", "2023-01/2023-10"),
        U("15-18 days", 15, "day", q="range", low=15, high=18, metric="transit_time", period="2024",
          subj=ROUTE),
        U("35 to 45 days", 35, "day", q="range", low=35, high=45),
        D("2014", "2014"),
    ],
    "s15_three_decades": [
        U("three decades", 30, "year"),
        D("January 3, 1992", "1992-01-03"),
        D("1994 to 1999", "1994/1999"),
        D("2002", "2002"),
        Q("1.4 billion people", 1.4 * B, "person", metric="population", period="2024", subj=["CN"]),
        Q("20 million", 20 * MN, "person", q="over", metric="population", period="2023", subj=["KZ"]),
        D("2023", "2023"),
        D("Six years ago", "2018"),
        D("2018", "2018"),
        M("19.9 billion dollars", 19.9 * B, metric="trade_turnover", period="2018", subj=KZCN),
        N("2.1-fold", 2.1),
        N("twice", 2),
        O("11th", 11),
        D("last week", "2024-09-30/2024-10-06"),
        D("2019", "2019"),
        N("55", 55),
        D("2016", "2016"),
        N("1.7-fold", 1.7),
        D("the first half of 2024", "2024-01/2024-06"),
        M("$811.1 million", 811.1 * MN, metric="imports", period="2024-01/2024-06", subj=KZCN,
          change=(1.7, "times")),
        D("21st century", "20"),
    ],
    "s16_agri_exports": [
        D("yesterday", "2024-08-13"),
        D("today", "2024-08-14"),
        M("$1.7 billion", 1.7 * B, metric="agri_trade", period="2023", subj=KZCN),
        D("2023", "2023"),
        Q("1.1 million tons", 1.1 * MN, "t", q="approx"),
        D("July 2023 to June 2024", "2023-07/2024-06"),
        P("12.5 percent", 12.5),
        N("800", 800),
        N("1,000", 1000, q="over", metric="companies", period="2024", subj=KZCN),
        D("This week", "2024-08-12/2024-08-18"),
        N("40", 40),
        N("Several hundred", 300, q="approx"),
    ],
    "s17_digital": [
        D("last Friday", "2024-05-17"),
        D("the end of 2025", "2025"),
        N("3,000", 3000),
        U("three years", 3, "year"),
        P("5 percent", 5),
        O("7th", 7),
        D("next February", "2025-02"),
    ],
    "s18_astana_summit_2025": [
        D("Monday", "2025-06-16"),
        O("second", 2),
        D("July 2024", "2024-07"),
        D("Tuesday", "2025-06-17"),
        O("second", 2),
        D("2027", "2027"),
        O("first", 1),
        D("May 2023", "2023-05"),
        N("six", 6),
        D("April", "2025-04"),
        O("third", 3),
    ],
    "s19_harbin_meeting_2025": [
        D("Friday", "2025-02-07"),
        O("second", 2),
        D("June", "2025-06"),
        D("January", "2025-01"),
        D("previous year", "2024"),
        D("April", "2025-04"),
        D("November 2023", "2023-11"),
    ],
    "s20_business_forum_almaty": [
        N("25", 25, metric="agreements", period="2024-09-26", subj=KZCN),
        M("$3.2 billion", 3.2 * B, metric="agreements", period="2024-09-26", subj=KZCN),
        D("Thursday", "2024-09-26"),
        O("first", 1),
        D("Wednesday", "2024-09-25"),
        D("next week", "2024-09-30/2024-10-06"),
        D("next year", "2025"),
        D("2025", "2025"),
    ],
    "s21_uzbekistan_china_2024": [
        M("$6.4 billion", 6.4 * B, metric="trade_turnover", period="2024-01/2024-06",
          subj=["UZ", "CN"]),
        D("the first six months", "2024-01/2024-06"),
        D("Friday", "2024-07-12"),
        # a flow with no date of its own: the period of the sentence before; the $0.9 billion
        # it is compared with is no indicator figure, and 2023 is that one's date
        M("$1.1 billion", 1.1 * B, metric="exports", period="2024-01/2024-06", subj=["UZ", "CN"]),
        M("$0.9 billion", 0.9 * B),
        D("2023", "2023"),
        D("January", "2024-01"),
        N("27", 27, metric="agreements", period="2024-01", subj=["UZ", "CN"]),
        M("$20 billion", 20 * B),
        D("2027", "2027"),
        D("May", "2024-05"),
        Q("523-kilometre", 523, "km"),
        M("$4.7 billion", 4.7 * B, q="approx"),
        D("October", "2024-10"),
    ],
    "s22_putin_astana_2023": [
        D("Thursday", "2023-11-09"),
        N("17", 17, metric="agreements", period="2023-11-09", subj=["KZ", "RU"]),
        P("12 percent", 12),
        M("$28 billion", 28 * B, metric="trade_turnover", period="2022", subj=["KZ", "RU"],
          change=12),
        D("2022", "2022"),
        D("the first nine months", "2023-01/2023-09"),
        M("$19.6 billion", 19.6 * B, metric="trade_turnover", period="2023-01/2023-09",
          subj=["KZ", "RU"]),
        M("$18 billion", 18 * B, q="approx", metric="investment", period="2023", subj=["RU", "KZ"]),
        M("$14 billion", 14 * B),
        D("2020", "2020"),
        N("three", 3),
        O("first", 1),
    ],
    "s23_trade_shares_2025": [
        # "grew to 22.6 percent" is a level; "up from 20.5 percent" is where it started, no
        # change and no indicator figure; "a year earlier" counts back from 2024
        P("22.6 percent", 22.6, metric="trade_share", period="2024", subj=CNKZ),
        D("2024", "2024"),
        P("20.5 percent", 20.5),
        D("a year earlier", "2023"),
        D("Wednesday", "2025-03-12"),
        # "Russia's share": the share of the same whole, in the same year
        P("18.9 percent", 18.9, metric="trade_share", period="2024", subj=["RU", "KZ"]),
        M("$29.6 billion", 29.6 * B, metric="trade_turnover", period="2024-01/2024-11",
          subj=KZCN),
        D("January-November 2024", "2024-01/2024-11"),
        # "a higher figure": the same indicator, by reference, for the year it names
        D("2024", "2024"),
        M("$43.8 billion", 43.8 * B, metric="trade_turnover", period="2024", subj=KZCN),
        Q("410,000 TEU", 410000, "TEU", metric="container_traffic", period="2024-01/2024-09",
          subj=KZCN),
        D("January-September 2024", "2024-01/2024-09"),
        D("2023", "2023"),
        # no country named: the document's two countries
        Q("480,000 TEU", 480000, "TEU", metric="container_traffic", period="2023", subj=KZCN),
        D("2024/25", "2024/2025"),
        D("March 5", "2025-03-05"),
        N("two", 2),
    ],
    "s24_xi_astana_2025": [
        D("Monday", "2025-06-16"),
        # "expected to": the future tense, so the next Tuesday
        D("Tuesday", "2025-06-17"),
        O("second", 2),
        D("Monday", "2025-06-16"),
        M("$43.8 billion", 43.8 * B, metric="trade_turnover", period="2024", subj=KZCN),
        D("2024", "2024"),
        # "turnover" alone in a text about trade; the "when" clause is about 2020 itself
        D("2020", "2020"),
        M("$21.4 billion", 21.4 * B, q="approx", metric="trade_turnover", period="2020",
          subj=KZCN),
        D("Sunday", "2025-06-15"),
        O("third", 3),
        D("2027", "2027"),
    ],
    "s25_talks_and_rail_2024": [
        D("Wednesday", "2024-07-03"),
        N("30", 30, q="over", metric="agreements", period="2024-07-03", subj=KZCN),
        D("Tuesday", "2024-07-02"),
        D("2025", "2025"),
        M("$41 billion", 41 * B, metric="trade_turnover", period="2023", subj=KZCN),
        D("2023", "2023"),
        M("$80 billion", 80 * B),
        D("2030", "2030"),
        U("30 days", 30, "day", q="under", metric="visa_free_days", period="2024", subj=KZCN),
        Q("28.3 million tonnes", 28.3 * MN, "t", metric="rail_freight", period="2023", subj=KZCN),
        D("last year", "2023"),
    ],
    "t01_business_council.txt": [
        M("$2.5 billion", 2.5 * B, metric="agreements", period="2024-03-01", subj=KZCN),
        D("March 4, 2024", "2024-03-04"),
        N("18", 18, metric="agreements", period="2024-03-01", subj=KZCN),
        M("US$2.5 billion", 2.5 * B, metric="agreements", period="2024-03-01", subj=KZCN),
        D("last Friday", "2024-03-01"),
        M("US$18 trillion", 18_000 * B, q="approx", metric="gdp", period="2024", subj=["CN"]),
        N("1,000", 1000, q="over", metric="companies", period="2024", subj=KZCN),
        N("1,500", 1500, q="approx", metric="jobs", period="2024", subj=["KZ"]),
    ],
    "t02_container_transit_2020.txt": [
        D("Dec. 15, 2020", "2020-12-15"),
        Q("718,600 twenty-foot containers", 718600, "TEU", metric="container_traffic",
          period="2020-01/2020-11", subj=["KZ"], change=35),
        D("the first 11 months of 2020", "2020-01/2020-11"),
        P("35%", 35),
        D("January-November 2019", "2019-01/2019-11"),
        D("Tuesday", "2020-12-15"),
        U("12 days", 12, "day", q="approx", metric="transit_time", period="2020", subj=ROUTE),
        Q("800,000 TEU", 800000, "TEU", q="over"),
    ],
    "t03_air_routes_2025.txt": [
        D("June 3, 2025", "2025-06-03"),
        D("Monday", "2025-06-02"),
        N("150", 150),
        D("November 2023", "2023-11"),
        M("$44 billion", 44 * B, q="approx", metric="trade_turnover", period="2024", subj=KZCN),
        D("last year", "2024"),
        D("June 17", "2025-06-17"),
        O("second", 2),
        O("third", 3),
        U("three years", 3, "year"),
    ],
}

# ------------------------------------------------------------------ events, in text order
EVENTS = {
    "s01_trade_2023": [
        # "the two presidents" in May 2023, named nowhere in the text: the titles count as the
        # persons they denote (Tokayev and Xi held the offices then)
        E("agreed to bring", "intent", actors=["tokayev", "xi_jinping"], date="2030"),
    ],
    "s02_rail_freight": [
        E("open to freight", "launch", date="1990", opt=True),
        E("started operating", "launch", date="2012-12"),
        E("launched", "launch", date="2015-08"),
    ],
    "s03_sco_astana_2024": [
        E("state visit", "visit", actors=["xi_jinping"], place="KZ", date="2024-07-02/2024-07-03"),
        E("summit", "summit", actors=["xi_jinping", "sco"], place="astana", date="2024-07-04"),
        E("arrived in", "visit", actors=["xi_jinping"], place="astana", date="2024-07-02"),
        E("held talks", "meeting", actors=["xi_jinping", "tokayev"], place="akorda"),
        E("signing", "agreement", actors=["xi_jinping", "tokayev"], count=30),
        E("launch", "launch", actors=["xi_jinping", "tokayev"]),
        E("Astana summit", "summit", actors=["sco"], place="astana"),
        E("will host the next summit", "intent", actors=["CN", "sco"], date="2025"),
    ],
    "s04_visa_free": [
        E("came into force", "launch", date="2023-11-10"),
        E("signed", "agreement", actors=["tokayev"], place="xian", date="2023-05-17"),
        E("state visit", "visit", actors=["tokayev"], place="CN", date="2023-05-17"),
    ],
    "s05_silk_road_2013": [
        E("arrived in", "visit", actors=["xi_jinping"], place="KZ", date="2013-09-06"),
        E("held talks", "meeting", actors=["xi_jinping", "nazarbayev"], date="2013-09-07"),
        E("signed", "agreement", actors=["xi_jinping", "nazarbayev"], date="2013-09-07"),
        E("concluded", "agreement", actors=KZCN, count=22, value=30 * B),
        E("set a goal", "intent", actors=["xi_jinping", "nazarbayev"], date="2015", opt=True),
    ],
    "s06_tokayev_visit_2019": [
        E("state visit", "visit", actors=["tokayev"], place="CN", date="2019-09-11/2019-09-12"),
        E("holding talks", "meeting", actors=["tokayev", "xi_jinping"], place="beijing",
          date="2019-09-11/2019-09-12"),
        E("agreed to raise", "intent", actors=["tokayev", "xi_jinping"], opt=True),
        E("signed", "agreement", actors=["tokayev", "xi_jinping"], count=10),
        E("visited", "visit", actors=["tokayev"], place="hubei"),
        E("met", "meeting", actors=["tokayev", "CN"], place="hubei"),
        E("accepted an invitation", "intent", actors=["xi_jinping"], place="KZ", opt=True),
        E("trip", "visit", actors=["tokayev"], opt=True),
    ],
    "s07_xi_visit_2022": [
        E("visited", "visit", actors=["xi_jinping"], place="astana", date="2022-09-14"),
        E("held talks", "meeting", actors=["xi_jinping", "tokayev"], place="akorda"),
        E("signed", "agreement", actors=["xi_jinping", "tokayev"], place="akorda"),
        E("flew to", "visit", actors=["xi_jinping"], place="samarkand"),
        E("summit", "summit", actors=["xi_jinping", "sco"], place="samarkand"),
        E("stay", "visit", actors=["xi_jinping"], opt=True),
    ],
    "s08_investment": [],
    "s09_xian_summit_2023": [
        E("China-Central Asia Summit", "summit", actors=["central_asia", "xi_jinping"], place="xian",
          date="2023-05-18"),
        E("held talks", "meeting", actors=["xi_jinping", "tokayev"], date="2023-05-17"),
        E("signed", "agreement", actors=["xi_jinping", "tokayev"], date="2023-05-17"),
        E("signed", "agreement", actors=KZCN),
        E("agreed to bring", "intent", actors=KZCN, date="2030"),
        E("roundtable held", "summit", actors=KZCN),
        E("concluded", "agreement", actors=KZCN, count=47, value=22 * B),
        E("agreed to hold", "intent", actors=["central_asia", "xi_jinping"], place="KZ", date="2025"),
        E("meeting", "summit", opt=True),
        E("adopted", "agreement", actors=["central_asia", "xi_jinping"], opt=True),
    ],
    "s10_trade_2024": [],
    "s11_energy": [
        E("started operating", "launch", date="2006"),
        E("completed", "launch", date="2015", opt=True),
        E("signed", "agreement", actors=["kazatomprom", "cnnc"], date="2023"),
    ],
    "s12_khorgos": [
        E("opened", "launch", date="2012-04"),
    ],
    "s13_brf_2023": [
        E("took part in", "summit", actors=["tokayev"], place="beijing", date="2023-10-18"),
        E("met", "meeting", actors=["tokayev", "xi_jinping"]),
        E("agreed to meet", "intent", actors=["tokayev", "xi_jinping"], place="astana", date="2024-07"),
        E("signed", "agreement", actors=KZCN, date="2023-10-17", count=20, value=6 * B),
        E("drew delegations", "summit", opt=True),
        E("hosted", "summit", actors=["CN"], date="2023", opt=True),
    ],
    "s14_transit_routes": [
        E("held a telephone conversation", "meeting", actors=["tokayev", "xi_jinping"],
          date="2024-11-18"),
        E("will complete", "intent", actors=["KZ"], date="2025", opt=True),
        E("opened", "launch", place="lianyungang", date="2014"),
    ],
    "s15_three_decades": [
        E("established", "launch", actors=KZCN, date="1992-01-03", opt=True),
        E("signed", "agreement", actors=KZCN, date="1994/1999"),
        E("meeting was held", "meeting", actors=["kazakhstan_china_cooperation_committee"],
          place="astana", date="2024-09-30/2024-10-06"),
        E("rallies", "protest", actors=["CN"], date="2019"),
        E("protests", "protest", date="2016"),
    ],
    "s16_agri_exports": [
        E("signed", "agreement", actors=KZCN, date="2024-08-13"),
        E("touring", "visit", actors=["CN"], date="2024-08-12/2024-08-18"),
    ],
    "s17_digital": [
        E("agreed", "intent", actors=["kazakhtelecom", "huawei"], date="2025"),
        E("signed", "agreement"),
        E("will train", "intent", actors=["huawei"], opt=True),
        E("open", "intent", actors=["huawei"], place="astana_hub"),
    ],
    # s18-s20: written for the event reader; the state visit of "arrived in Astana ... for a state
    # visit" is one happening with the arrival (optional); "in their presence" makes the presidents
    # the parties of the ministers' signing (like s06); "his second trip" restates the visit
    "s18_astana_summit_2025": [
        E("arrived in", "visit", actors=["xi_jinping"], place="astana", date="2025-06-16"),
        E("state visit", "visit", actors=["xi_jinping"], place="KZ", date="2025-06-16", opt=True),
        E("held talks", "meeting", actors=["tokayev", "xi_jinping"], place="akorda"),
        E("signed", "agreement", actors=["tokayev", "xi_jinping"]),
        # "the leaders" / "the presidents of Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan",
        # named nowhere in the text: the persons who held the offices in June 2025 (as in s01)
        E("hosted", "summit", actors=["tokayev", "japarov", "rahmon", "serdar_berdimuhamedov", "mirziyoyev", "xi_jinping"],
          date="2025-06-17"),
        E("signed", "agreement", actors=["tokayev", "xi_jinping", "japarov", "rahmon", "serdar_berdimuhamedov", "mirziyoyev"]),
        E("agreed to hold", "intent", actors=["tokayev", "xi_jinping", "japarov", "rahmon", "serdar_berdimuhamedov", "mirziyoyev"], place="CN", date="2027"),
        E("summit", "summit", place="xian", date="2023-05"),
        E("met", "meeting", place="almaty", date="2025-04"),
        E("meeting", "meeting", place="astana", opt=True),
    ],
    # the Games' opening ceremony is a launch at most (optional); an invitation is no event; the
    # delegation's talks with local (Chinese) companies are a meeting of KZ and CN
    "s19_harbin_meeting_2025": [
        E("met", "meeting", actors=["tokayev", "xi_jinping"], place="harbin", date="2025-02-07"),
        E("opening ceremony", "launch", opt=True),
        E("telephone conversation", "meeting", actors=["tokayev", "xi_jinping"], date="2025-01"),
        E("plan to open", "intent", actors=KZCN, date="2025-04"),
        E("took effect", "launch", date="2023-11"),
        E("talks", "meeting", actors=KZCN, place="harbin"),
    ],
    # a negated trip, a postponed (planned) visit, a proposal, readiness and a yearly habit are
    # no events
    "s20_business_forum_almaty": [
        E("signed", "agreement", actors=KZCN, place="almaty", date="2024-09-26", count=25,
          value=3.2 * B),
        E("forum", "summit", actors=KZCN, place="almaty", date="2024-09-26"),
        E("launched", "launch", actors=["kazakhstan_temir_zholy", "china_railway"]),
        E("opened the forum", "summit", actors=["arman_shakkaliyev"]),
        E("held separate meetings", "meeting", actors=["arman_shakkaliyev", "CN"]),
    ],
    # other pairs: "the two sides" are Kazakhstan and Russia, "the two leaders" the two
    # countries' leaders (Xi Jinping is named later in s21, Putin and Tokayev in s22);
    # "visiting" before a person describes him; a start "due" in October is a schedule
    "s21_uzbekistan_china_2024": [
        E("paid a state visit to", "visit", actors=["mirziyoyev"], place="CN", date="2024-01"),
        E("signed", "agreement", actors=["mirziyoyev", "xi_jinping"], date="2024-01", count=27),
        E("agreed to lift", "intent", actors=["mirziyoyev", "xi_jinping"], date="2027"),
        E("met with", "meeting", actors=["xi_jinping", "bakhtiyor_saidov"], place="beijing",
          date="2024-05"),
        E("opened", "launch", actors=["CN"], place="fergana_valley"),
    ],
    "s22_putin_astana_2023": [
        E("arrived in", "visit", actors=["putin"], place="astana", date="2023-11-09"),
        E("held talks with", "meeting", actors=["putin", "tokayev"], place="akorda",
          date="2023-11-09"),
        E("signed", "agreement", actors=["KZ", "RU"], date="2023-11-09", count=17),
        E("agreed to build", "intent", actors=["tokayev", "putin"]),
        E("visit", "visit", actors=["putin"], place="KZ", opt=True),
    ],
    "s23_trade_shares_2025": [
        # a title the pack does not know between the country word and the name
        E("met", "meeting", actors=["serik_zhumangarin", "wang_wentao"], place="beijing",
          date="2025-03-05"),
    ],
    "s24_xi_astana_2025": [
        # "arrived in Astana on a state visit to Kazakhstan": one visit
        E("arrived in", "visit", actors=["xi_jinping"], place="astana", date="2025-06-16"),
        # "his guest" is the visitor; the sentence's Tuesday dates the talks, not this
        E("met", "meeting", actors=["tokayev", "xi_jinping"]),
        E("are expected to hold formal talks", "intent", actors=["tokayev", "xi_jinping"],
          date="2025-06-17"),
        # a forum that opens is held
        E("forum opened", "summit", place="astana", date="2025-06-16"),
        E("signed", "agreement", actors=KZCN),
        # "his Chinese counterpart Wang Yi": both take part
        E("met", "meeting", actors=["murat_nurtleu", "wang_yi"], date="2025-06-15"),
        # 2027 dates the crossing's opening, not the act agreed (speeding up work)
        E("agreed to speed up", "intent", actors=["murat_nurtleu", "wang_yi"]),
    ],
    "s25_talks_and_rail_2024": [
        E("held talks", "meeting", actors=["tokayev", "xi_jinping"], place="astana",
          date="2024-07-03"),
        E("witnessed the signing", "agreement", actors=["tokayev", "xi_jinping"], place="astana",
          date="2024-07-03", count=30),
        # the train is launched; the leaders who launch it are the actors
        E("launch", "launch", actors=["tokayev", "xi_jinping"]),
        E("met", "meeting", actors=["murat_nurtleu", "wang_yi"], date="2024-07-02"),
        E("agreed to hold", "intent", actors=["murat_nurtleu", "wang_yi"], place="beijing",
          date="2025"),
    ],
    "t01_business_council.txt": [
        E("sign", "agreement", actors=KZCN, value=2.5 * B),
        E("signed", "agreement", actors=["KZ", "CN", "kazakhstan_china_business_council"],
          place="astana", date="2024-03-01", count=18,
          value=2.5 * B),
        E("meeting", "meeting", actors=["kazakhstan_china_business_council"], place="astana",
          date="2024-03-01"),
        E("would open", "intent", actors=["KZ"], place="CN", opt=True),
        E("to open", "intent", actors=["KZ"], place="CN", opt=True),
    ],
    "t02_container_transit_2020.txt": [],
    "t03_air_routes_2025.txt": [
        E("agree", "intent", actors=KZCN),
        E("agreed", "intent", actors=KZCN, date="2025-06-02"),
        E("took effect", "launch", date="2023-11"),
        E("will travel", "intent", actors=["xi_jinping"], place="astana", date="2025-06-17"),
        E("receives", "meeting", actors=["tokayev", "wang_yi"], opt=True),
    ],
}

# ------------------------------------------------------------ entity sets (required, optional)
ENTITIES = {
    "s18_astana_summit_2025": (["CN", "KG", "KZ", "TJ", "TM", "UZ", "akorda", "almaty", "astana",
                                "china_central_asia_summit", "tokayev", "xi_jinping", "xian"],
                               ["central_asia"]),
    "s19_harbin_meeting_2025": (["CN", "KZ", "akorda", "almaty", "astana", "china_central_asia_summit",
                                 "harbin", "tokayev", "xi_jinping"], ["asia", "central_asia"]),
    "s20_business_forum_almaty": (["CN", "KZ", "almaty", "arman_shakkaliyev", "china_railway",
                                   "kazakhstan_temir_zholy", "kz_ministry_of_trade_and_integration",
                                   "shanghai", "urumqi", "xian"], []),
    "s01_trade_2023": (["CN", "KZ", "RU", "astana", "cn_general_administration_of_customs",
                        "kz_bureau_of_national_statistics"], []),
    "s02_rail_freight": (["CN", "EU", "KZ", "alashankou", "altynkol", "bakhty", "dostyk",
                          "kazakhstan_temir_zholy", "khorgos", "khorgos_gateway", "moiynty",
                          "tacheng"], []),
    "s03_sco_astana_2024": (["BY", "CN", "EU", "KZ", "akorda", "astana", "caspian_sea", "sco",
                             "tokayev", "xi_jinping", "xian"], []),
    "s04_visa_free": (["CN", "KZ", "air_astana", "almaty", "beijing", "kz_ministry_of_foreign_affairs",
                       "shanghai", "tokayev", "urumqi", "xian"], ["astana"]),
    "s05_silk_road_2013": (["CN", "EU", "KZ", "astana", "bri", "central_asia", "kashagan",
                            "nazarbayev", "nazarbayev_university", "xi_jinping"], ["silk_road"]),
    "s06_tokayev_visit_2019": (["CN", "KZ", "beijing", "hubei", "kostanay", "tokayev", "xi_jinping"],
                               []),
    "s07_xi_visit_2022": (["CN", "EU", "KZ", "akorda", "astana", "samarkand", "sco", "tokayev",
                           "xi_jinping"], ["cn_general_administration_of_customs",
                                           "order_of_the_golden_eagle"]),
    "s08_investment": (["CH", "CN", "KZ", "NL", "RU", "US", "almaty", "bank_of_china",
                        "kazakh_invest", "kz_ministry_of_foreign_affairs", "kz_national_bank"], []),
    "s09_xian_summit_2023": (["CN", "KZ", "beijing", "central_asia", "china_central_asia_summit",
                              "tokayev", "xi_jinping", "xian"], []),
    "s10_trade_2024": (["CN", "KZ", "RU"], ["cn_general_administration_of_customs"]),
    # named pipelines are facilities (like shymkent_refinery in the shared gold); the places
    # inside their names are optional there
    "s11_energy": (["CN", "EU", "KZ", "RU", "almassadam_satkaliyev", "beineu_bozoi_shymkent_pipeline",
                    "central_asia_china_gas_pipeline", "cnnc", "kazakhstan_china_pipeline", "kazatomprom"],
                   ["alashankou", "atasu", "beineu", "bozoi", "central_asia", "kz_ministry_of_energy",
                    "shymkent"]),
    "s12_khorgos": (["CN", "EU", "KZ", "almaty", "cosco_shipping", "icbc_khorgos", "khorgos",
                     "khorgos_eastern_gate", "khorgos_gateway", "lianyungang"], []),
    "s13_brf_2023": (["CN", "KZ", "astana", "beijing", "belt_and_road_forum", "sco", "tokayev",
                      "xi_jinping"], ["bri"]),
    "s14_transit_routes": (["CN", "EU", "KZ", "akorda", "bakhty", "chongqing", "dostyk", "duisburg",
                            "lianyungang", "moiynty", "pacific_ocean", "tacheng", "tokayev",
                            "xi_jinping"], []),
    "s15_three_decades": (["CN", "KZ", "almaty", "astana", "kazakhstan_china_cooperation_committee",
                           "zhanaozen"], []),
    "s16_agri_exports": (["CN", "KZ", "khorgos", "kostanay_region", "kz_ministry_of_agriculture",
                          "north_kazakhstan_region", "nur_zholy"], []),
    "s17_digital": (["CN", "EU", "KZ", "astana_hub", "covid_19", "digital_almaty", "digital_kazakhstan",
                     "g20", "huawei", "kazakhtelecom", "kz_ministry_of_digital_development"],
                    ["almaty", "astana"]),
    "s21_uzbekistan_china_2024": (["CN", "EU", "UZ", "bakhtiyor_saidov", "beijing",
                                   "china_kyrgyzstan_uzbekistan_railway", "fergana_valley",
                                   "mirziyoyev", "persian_gulf", "tashkent", "xi_jinping"],
                                  ["KG"]),
    "s22_putin_astana_2023": (["KZ", "RU", "UA", "akorda", "astana", "black_sea", "kokshetau",
                               "oskemen", "putin", "semey", "tokayev"], []),
    "s23_trade_shares_2025": (["CN", "KZ", "RU", "almaty", "altynkol", "beijing", "dostyk",
                               "kostanay", "serik_zhumangarin", "wang_wentao"], []),
    "s24_xi_astana_2025": (["CN", "EU", "KZ", "astana", "china_central_asia_summit", "dostyk",
                            "eurasian_development_bank", "khorgos", "murat_nurtleu", "tokayev",
                            "wang_yi", "xi_jinping"], []),
    "s25_talks_and_rail_2024": (["CN", "EU", "KZ", "RU", "almaty", "astana", "beijing",
                                 "caspian_sea", "middle_corridor", "murat_nurtleu", "shanghai",
                                 "tokayev", "urumqi", "wang_yi", "xi_jinping"], []),
    "t01_business_council.txt": (["CN", "KZ", "almaty_region", "astana",
                                  "kazakhstan_china_business_council", "saule_nurlanovna",
                                  "serik_zhumangarin"],
                                 ["almaty", "kz_ministry_of_trade_and_integration"]),
    "t02_container_transit_2020.txt": (["CN", "KZ", "PL", "altynkol", "askar_muratov", "astana",
                                        "dostyk", "kazakhstan_temir_zholy", "steppe_wire", "xian"],
                                       ["yerzhan_ali"]),
    "t03_air_routes_2025.txt": (["CN", "KZ", "astana", "china_central_asia_summit", "dina_seitkali",
                                 "kz_ministry_of_transport", "qazaq_wire", "xi_jinping"],
                                ["arman_ospanov", "central_asia", "telegram", "tokayev", "wang_yi"]),
}

TXT_DOCS = ["t01_business_council.txt", "t02_container_transit_2020.txt", "t03_air_routes_2025.txt"]


def load_texts():
    texts = {}
    with open(os.path.join(ROOT, "corpus", "sample.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    for name in TXT_DOCS:
        with open(os.path.join(ROOT, "corpus", name), encoding="utf-8") as f:
            texts[name] = f.read()
    return texts


def place(doc, text, items):
    """Gives each item byte offsets: searched in order, on word boundaries, after the last one."""
    out = []
    pos = 0
    for it in items:
        pat = r"(?<![A-Za-z0-9])" + re.escape(it["text"]) + r"(?![A-Za-z0-9])"
        m = re.compile(pat).search(text, pos)
        if not m:
            raise SystemExit(f"{doc}: {it['text']!r} not found after char {pos}")
        start = len(text[:m.start()].encode("utf-8"))
        end = start + len(it["text"].encode("utf-8"))
        assert text.encode("utf-8")[start:end].decode("utf-8") == it["text"]
        row = {"doc": doc, "start": start, "end": end}
        row.update(it)
        for k in ("value", "low", "high"):
            if isinstance(row.get(k), float) and row[k].is_integer():
                row[k] = int(row[k])
            elif isinstance(row.get(k), float):
                row[k] = round(row[k], 6)
        out.append(row)
        pos = m.end()
    return out


ISO = re.compile(r"^\d{2}(\d{2}(-\d{2}(-\d{2})?)?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def metric_ids():
    path = os.path.join(ROOT, "..", "shared", "spec", "metrics.tsv")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f if line.strip() and not line.startswith("id\t")}


def validate(doc, mentions, events, metrics):
    """Rules a gold file must keep: no overlapping numeric mentions, no number or date inside an
    event trigger, ISO dates and periods, known metric ids."""
    spans = sorted((m["start"], m["end"], m["text"]) for m in mentions)
    for (s1, e1, t1), (s2, e2, t2) in zip(spans, spans[1:]):
        if s2 < e1:
            raise SystemExit(f"{doc}: mentions {t1!r} and {t2!r} overlap")
    for e in events:
        for s1, e1, t1 in spans:
            if s1 < e["end"] and e["start"] < e1:
                raise SystemExit(f"{doc}: event trigger {e['text']!r} holds the mention {t1!r}")
        if "date" in e and not ISO.match(e["date"]):
            raise SystemExit(f"{doc}: event date {e['date']!r}")
    for m in mentions:
        for k in ("date", "period"):
            if k in m and not ISO.match(m[k]):
                raise SystemExit(f"{doc}: {m['text']!r}: {k} {m[k]!r} is not ISO 8601")
        if "metric" in m and (not m["subjects"] or (metrics and m["metric"] not in metrics)):
            raise SystemExit(f"{doc}: {m['text']!r}: metric {m['metric']!r} / subjects")


def show(doc, text, rows):
    b = text.encode("utf-8")
    out, last = [], 0
    for r in sorted(rows, key=lambda r: r["start"]):
        out.append(b[last:r["start"]].decode())
        out.append("[" + b[r["start"]:r["end"]].decode() + "|" + r["kind"][:3] + "]")
        last = r["end"]
    out.append(b[last:].decode())
    print("".join(out))


def main():
    texts = load_texts()
    if len(sys.argv) == 3 and sys.argv[1] == "--show":
        doc = sys.argv[2]
        show(doc, texts[doc], place(doc, texts[doc], GOLD[doc]) + place(doc, texts[doc], EVENTS[doc]))
        return
    assert set(GOLD) == set(texts) == set(EVENTS) == set(ENTITIES), "every doc needs an entry"
    here = os.path.dirname(os.path.abspath(__file__))
    n = {"gold": 0, "events": 0}
    with open(os.path.join(here, "sample.gold.jsonl"), "w", encoding="utf-8") as g, \
            open(os.path.join(here, "sample.events.jsonl"), "w", encoding="utf-8") as e, \
            open(os.path.join(here, "sample.entities.jsonl"), "w", encoding="utf-8") as s:
        metrics = metric_ids()
        for doc in texts:
            validate(doc, place(doc, texts[doc], GOLD[doc]), place(doc, texts[doc], EVENTS[doc]),
                     metrics)
            for row in place(doc, texts[doc], GOLD[doc]):
                g.write(json.dumps(row, ensure_ascii=False) + "\n")
                n["gold"] += 1
            for row in place(doc, texts[doc], EVENTS[doc]):
                e.write(json.dumps(row, ensure_ascii=False) + "\n")
                n["events"] += 1
            req, opt = ENTITIES[doc]
            s.write(json.dumps({"doc": doc, "entities": sorted(req), "optional": sorted(opt)}) + "\n")
    print(f"{len(texts)} docs, {n['gold']} mentions, {n['events']} events")


if __name__ == "__main__":
    main()

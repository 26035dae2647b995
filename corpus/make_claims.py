#!/usr/bin/env python3
# make_claims.py - owns corpus/claims.jsonl: claim cases about the team's sample corpus, in the
# format of ../shared/eval/claims-seeds.jsonl ({id, claim, verdict, evidence: [{doc, quote}], note}).
# Each piece of evidence is named here by its document and a unique snippet; the script quotes
# the whole sentence holding the snippet, so every quote is verbatim text of the corpus.
#   python3 corpus/make_claims.py
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = {"supported", "contradicted", "conflicting_sources", "not_found"}

# (id, claim, verdict, [(doc, snippet), ...], note)
CLAIMS = [
    ("k01", "Mutual trade between Kazakhstan and China was about $41 billion in 2023.", "supported",
     [("s01_trade_2023", "record $41 billion"), ("s10_trade_2024", "$41.1 billion")],
     "s01 gives $41 billion, s10 the revised $41.1 billion: both fit 'about'."),
    ("k02", "Kazakhstan-China trade in 2023 came to exactly $41 bn.", "conflicting_sources",
     [("s01_trade_2023", "record $41 billion"), ("s10_trade_2024", "$41.1 billion")],
     "s01 (January 2024) reports $41 billion; s10 (January 2025) says customs revised 2023 to $41.1 billion."),
    ("k03", "Bilateral trade between Kazakhstan and China topped $40 billion in 2023.", "supported",
     [("s03_sco_astana_2024", "exceeded $40 billion"), ("s01_trade_2023", "record $41 billion")],
     "Paraphrase: 'exceeded' becomes 'topped'; s03's 'last year' is 2023 (document of July 2024)."),
    ("k04", "Trade between Kazakhstan and China fell in 2023.", "contradicted",
     [("s01_trade_2023", "grew by 32 percent")], "It grew by 32 percent."),
    ("k05", "Kazakh-Chinese trade grew by roughly a third in 2023.", "supported",
     [("s01_trade_2023", "grew by 32 percent")], "32 percent is roughly a third."),
    ("k06", "The two countries traded goods worth about $31 billion in 2022.", "supported",
     [("s01_trade_2023", "about $31 billion")], "Single source."),
    ("k07", "Trade between Kazakhstan and China reached $43.8 bn in 2024.", "supported",
     [("s10_trade_2024", "$43.8 billion"), ("t03_air_routes_2025.txt", "about $44 billion")],
     "t03 rounds to 'about $44 billion'; 'bn' is billion."),
    ("k08", "Kazakhstan's own statistics put trade with China at $29.6 billion for January-November 2024.",
     "supported", [("s10_trade_2024", "$29.6 billion")],
     "Paraphrase: 'the first 11 months of 2024' becomes January-November."),
    ("k09", "Chinese customs report a lower Kazakhstan-China trade figure for 2024 than Kazakhstan's statistics.",
     "contradicted", [("s10_trade_2024", "give a lower number")],
     "It is the other way round: Kazakh statistics give the lower number."),
    ("k10", "Kazakhstan and China share a 1,783 km border.", "conflicting_sources",
     [("s02_rail_freight", "1,783-kilometer-long"), ("s07_xi_visit_2022", "1,783-kilometer border"),
      ("s12_khorgos", "about 1,700 kilometres")],
     "s02 and s07 give 1,783 km; s12 gives about 1,700 km."),
    ("k11", "The Kazakhstan-China border is about 3,000 kilometres long.", "contradicted",
     [("s02_rail_freight", "1,783-kilometer-long"), ("s12_khorgos", "about 1,700 kilometres")],
     "The sources give 1,783 km and about 1,700 km."),
    ("k12", "Rail freight between Kazakhstan and China reached 28.3 million tonnes in 2023.", "supported",
     [("s02_rail_freight", "28.3 million tons")], "Paraphrase: tons become tonnes."),
    ("k13", "Rail freight between the two countries rose by 22% in 2023.", "supported",
     [("s02_rail_freight", "28.3 million tons")], "'up 22 percent from 2022'."),
    ("k14", "In January-November 2020 Kazakhstan's railways carried 718,600 TEU, 35% more than a year before.",
     "supported", [("t02_container_transit_2020.txt", "718,600 twenty-foot containers")],
     "Paraphrase: twenty-foot containers become TEU; the first 11 months become January-November."),
    ("k15", "China-Europe trains made about 17,500 trips in 2023.", "supported",
     [("s02_rail_freight", "17,523 trips")], "17,523 is about 17,500."),
    ("k16", "The visa-free regime between Kazakhstan and China took effect on November 10, 2023.",
     "supported", [("s04_visa_free", "came into force two weeks ago"),
                   ("t03_air_routes_2025.txt", "took effect in November 2023")],
     "s04 is dated 2023-11-24, so the year of 'November 10' is 2023."),
    ("k17", "Under the visa-free regime a single stay may last up to 60 days.", "contradicted",
     [("s04_visa_free", "for up to 30 days")], "Up to 30 days (and no more than 90 days in 180)."),
    ("k18", "Xi Jinping proposed the Silk Road Economic Belt at Nazarbayev University in September 2013.",
     "supported", [("s05_silk_road_2013", "yesterday called for")],
     "The article is dated 2013-09-08, so 'yesterday' is September 7, 2013."),
    ("k19", "Agreements worth about $30 billion were concluded during Xi's 2013 visit to Kazakhstan.",
     "supported", [("s05_silk_road_2013", "about $30 billion")], "22 agreements."),
    ("k20", "Tokayev paid a state visit to China on 11-12 September 2019.", "supported",
     [("s06_tokayev_visit_2019", "Sept. 11-12")], "Date format paraphrased."),
    ("k21", "Ten documents were signed during Tokayev's 2019 state visit to China.", "supported",
     [("s06_tokayev_visit_2019", "signed ten documents")], "Single source."),
    ("k22", "China ranks fourth among foreign direct investors in Kazakhstan.", "conflicting_sources",
     [("s06_tokayev_visit_2019", "ranks fourth"), ("s08_investment", "ranks fifth")],
     "s06 (2019) says fourth; s08 (2024) says fifth: the sources are of different years."),
    ("k23", "China has invested more than $24 bn in Kazakhstan since 2005.", "supported",
     [("s08_investment", "more than $24 billion")], "Single source."),
    ("k24", "About 4,700 companies with Chinese capital operate in Kazakhstan.", "supported",
     [("s08_investment", "about 4,700 companies")], "Single source."),
    ("k25", "Gross inflows of Chinese direct investment into Kazakhstan were $1.6 billion in 2023.",
     "supported", [("s08_investment", "$1.6 billion")], "Up 18 percent from 2022."),
    ("k26", "The SCO summit in Astana was held on July 4, 2024.", "supported",
     [("s03_sco_astana_2024", "summit in Astana on July 4")],
     "The article is of 2024-07-05, so July 4 is in 2024."),
    ("k27", "More than 30 documents were signed during Xi's state visit to Kazakhstan in July 2024.",
     "supported", [("s03_sco_astana_2024", "more than 30")], "Single source."),
    ("k28", "Kazakh and Chinese companies concluded 47 agreements worth $22 billion in Xi'an in May 2023.",
     "supported", [("s09_xian_summit_2023", "47 agreements")], "At a business roundtable on 2023-05-17."),
    ("k29", "In 2023 Kazakhstan and China agreed to raise bilateral trade to $40 billion by 2030.",
     "supported", [("s09_xian_summit_2023", "agreed to bring bilateral trade"),
                   ("s01_trade_2023", "agreed to bring bilateral")],
     "Both say May 2023; s01 adds that the goal was reached in 2023."),
    ("k30", "Kazakhstan and China aim to bring trade to $80 billion by 2030.", "supported",
     [("s10_trade_2024", "$80 billion")], "s01 also reports officials speaking of $80 billion by 2030."),
    ("k31", "The Atasu-Alashankou oil pipeline can carry up to 20 million tons of crude a year.", "supported",
     [("s11_energy", "up to 20 million tons")], "Single source."),
    ("k32", "Kazakhstan supplies half of China's crude oil imports.", "not_found", [],
     "Trap: s11 says China buys one-tenth of Kazakhstan's crude exports, a different share."),
    ("k33", "COSCO Shipping and the port of Lianyungang hold 49 percent of the Khorgos Gateway dry port.",
     "supported", [("s12_khorgos", "49 percent stake")], "Single source."),
    ("k34", "The Khorgos International Center of Boundary Cooperation opened in April 2012.", "supported",
     [("s12_khorgos", "opened in April 2012")], "Single source."),
    ("k35", "The second track of the Dostyk-Moiynty line will raise its capacity fivefold.", "supported",
     [("s02_rail_freight", "five times"), ("s14_transit_routes", "five times")],
     "Paraphrase: 'five times' becomes 'fivefold'."),
    ("k36", "Trains take 15 to 18 days from Chongqing to Duisburg via Kazakhstan.", "supported",
     [("s14_transit_routes", "15-18 days")], "Single source."),
    ("k37", "Kazakhstan's exports to China amounted to $16.3 billion in 2023.", "supported",
     [("s01_trade_2023", "$16.3 billion")], "s01 is of January 2024: 'Last year' is 2023."),
    ("k38", "China's GDP is about US$18 trillion.", "supported",
     [("t01_business_council.txt", "US$18 trillion")], "Stated as current in a text of March 2024."),
    ("k39", "Kazakh and Chinese companies signed 18 agreements worth $2.5 bn in Astana in March 2024.",
     "supported", [("t01_business_council.txt", "signed 18 commercial agreements")],
     "'last Friday' in a text of 2024-03-04 is 2024-03-01."),
    ("k40", "Kazakhstan and China signed an agreement to build a nuclear power plant in 2023.", "not_found",
     [], "s11 only reports a uranium supply contract signed in 2023."),
    ("k41", "Kazakhstan and China launched a joint communications satellite in 2022.", "not_found", [],
     "Nothing in the corpus."),
    ("k42", "China accounted for 15.7 percent of Kazakhstan's foreign trade in 2018.", "supported",
     [("s06_tokayev_visit_2019", "15.7 percent")], "s06 is of 2019: 'last year' is 2018."),
    ("k43", "Kazakhstan-China trade was about $30 billion in 2021.", "contradicted",
     [("s07_xi_visit_2022", "$25.3 billion")], "It was $25.3 billion."),
    ("k45", "Mutual trade in agricultural products between Kazakhstan and China was $1.3 billion in 2023.",
     "conflicting_sources", [("s01_trade_2023", "1.3 billion dollars"), ("s16_agri_exports", "$1.7 billion")],
     "s01 gives 1.3 billion dollars, s16 (quoting the Ministry of Agriculture) $1.7 billion."),
    ("k46", "China has a population of about 1.4 billion.", "supported",
     [("s15_three_decades", "1.4 billion people")], "Single source."),
    ("k47", "Kazakhstan's population exceeded 20 million in 2023.", "supported",
     [("s15_three_decades", "passed 20 million")], "Paraphrase: 'passed' becomes 'exceeded'."),
    ("k48", "In 2019 rallies took place in Kazakhstan against plans to relocate 55 Chinese factories.",
     "supported", [("s15_three_decades", "joined rallies")], "Single source."),
    ("k49", "Kazakhstan's imports of Chinese cars fell in the first half of 2024.", "contradicted",
     [("s15_three_decades", "1.7-fold")], "They grew 1.7-fold to $811.1 million."),
    ("k50", "Kazakhstan and China signed a protocol on chilled meat exports in August 2024.", "supported",
     [("s16_agri_exports", "signed a protocol yesterday")],
     "The article is dated 2024-08-14: 'yesterday' is August 13, 2024."),
    ("k51", "Diplomatic relations between Kazakhstan and China were established on January 3, 1992.",
     "supported", [("s15_three_decades", "January 3, 1992")], "Single source."),
    ("k52", "Kazakhstan and China opened a joint university in Urumqi in 2015.", "not_found", [],
     "Nothing in the corpus; Urumqi appears only as a travel destination (s04)."),
    ("k53", "Huawei will train 3,000 Kazakh engineers over three years.", "supported",
     [("s17_digital", "3,000 Kazakh engineers")], "'the Chinese company' is Huawei (previous sentence)."),
    ("k54", "Kazakhstan is a member of the G20.", "contradicted",
     [("s17_digital", "not a member of the G20")], "Negation: it is not a member."),
    ("k44", "Mutual trade was $19.9 bn in 2018.", "supported",
     [("s06_tokayev_visit_2019", "19.9 billion dollars")], "Paraphrase: 'billion dollars' becomes '$ bn'."),
    # figures and happenings told otherwise than the corpus tells them
    ("k55", "Tokayev paid a state visit to China on 11-12 October 2019.", "contradicted",
     [("s06_tokayev_visit_2019", "first state visit to China")],
     "The visit was on September 11-12, 2019: same visit, wrong month."),
    ("k56", "Diplomatic relations between Kazakhstan and China were established in 1995.", "contradicted",
     [("s15_three_decades", "January 3, 1992")], "They were established on January 3, 1992."),
    ("k57", "Huawei will train 5,000 Kazakh engineers over three years.", "contradicted",
     [("s17_digital", "3,000 Kazakh engineers")], "3,000 engineers, not 5,000."),
    ("k58", "China-Europe trains made about 25,000 trips in 2023.", "contradicted",
     [("s02_rail_freight", "17,523 trips")], "17,523 trips."),
    ("k59", "Xi Jinping paid a state visit to Kazakhstan in July 2024.", "supported",
     [("s03_sco_astana_2024", "state visit to Kazakhstan on July 2-3")],
     "July 2-3 in a document of 2024-07-05."),
    ("k60", "The Atasu-Alashankou oil pipeline can carry up to 50 million tons of crude a year.", "contradicted",
     [("s11_energy", "up to 20 million tons of crude")], "Up to 20 million tons."),
    # other pairs: the record's figures about Uzbekistan and Russia answer for those pairs only
    ("k61", "Trade between Uzbekistan and China reached $6.4 billion in the first half of 2024.", "supported",
     [("s21_uzbekistan_china_2024", "rose to $6.4 billion in the first six months")],
     "'the first six months' of a July 2024 document is the first half of 2024."),
    ("k62", "Kazakhstan-Russia trade grew 12 percent to $28 billion in 2022.", "supported",
     [("s22_putin_astana_2023", "Trade grew 12 percent to $28 billion in 2022")],
     "A bare 'Trade' in a document about Kazakhstan and Russia is theirs."),
    ("k63", "Vladimir Putin visited Astana in November 2023.", "supported",
     [("s22_putin_astana_2023", "arrived in Astana on Thursday")],
     "Thursday of a document dated Friday, November 10, 2023."),
    ("k64", "Uzbek exports to China came to $2 billion in the first half of 2024.", "contradicted",
     [("s21_uzbekistan_china_2024", "came to $1.1 billion")],
     "$1.1 billion; the period goes on from the sentence before."),
    ("k65", "Russia's share of Kazakhstan's foreign trade was 18.9% in 2024.", "supported",
     [("s23_trade_shares_2025", "slipped to 18.9 percent")],
     "'Russia's share' refers back to the share of Kazakhstan's trade in 2024."),
    ("k66", "China accounted for a quarter of Kazakhstan's foreign trade in 2024.", "contradicted",
     [("s23_trade_shares_2025", "grew to 22.6 percent")],
     "22.6 percent, not 25; 'a quarter' is 25%."),
    ("k67", "Kazakh railways carried 480,000 TEU of containers between Kazakhstan and China in "
     "2023.", "supported", [("s23_trade_shares_2025", "480,000 TEU")],
     "The sentence names no country; the document is about Kazakhstan and China."),
    ("k68", "Trade turnover between Kazakhstan and China was $21.4 billion in 2020.", "supported",
     [("s24_xi_astana_2025", "when it stood at about $21.4 billion")],
     "The 'when' clause after 'since 2020' is about 2020 itself, not 2020-2025."),
    ("k69", "Kazakhstan and China signed more than 30 documents in July 2024.", "supported",
     [("s25_talks_and_rail_2024", "witnessed the signing of more than 30 documents")],
     "Counted at the talks on Wednesday, July 3, 2024."),
    ("k70", "Kazakh and Chinese citizens may stay in each other's country visa-free for up to "
     "60 days.", "contradicted",
     [("s25_talks_and_rail_2024", "stay up to 30 days per trip"),
      ("s04_visa_free", "without a visa for up to 30 days")],
     "30 days per trip; the visa exemption is a visa-free-days cue."),
]


def sentences(text):
    """Sentence strings: a line break ends one, and so does '. ' before an upper-case letter."""
    out = []
    for line in text.split("\n"):
        start = 0
        for m in re.finditer(r"[.!?] (?=[A-Z\"])", line):
            if line[max(0, m.start() - 4):m.start()].endswith(("Sept", "Dec", " Mr")):
                continue
            out.append(line[start:m.start() + 1])
            start = m.end()
        if line[start:].strip():
            out.append(line[start:])
    return out


def load_texts():
    texts = {}
    with open(os.path.join(HERE, "sample.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    for name in os.listdir(HERE):
        if name.endswith(".txt"):
            with open(os.path.join(HERE, name), encoding="utf-8") as f:
                texts[name] = f.read()
    return texts


def main():
    texts = load_texts()
    ids = set()
    with open(os.path.join(HERE, "claims.jsonl"), "w", encoding="utf-8") as out:
        for cid, claim, verdict, ev, note in CLAIMS:
            assert verdict in VERDICTS and cid not in ids, cid
            ids.add(cid)
            evidence = []
            for doc, snippet in ev:
                hits = [s for s in sentences(texts[doc]) if snippet in s]
                if len(hits) != 1:
                    raise SystemExit(f"{cid}: {snippet!r} in {doc}: {len(hits)} sentences")
                evidence.append({"doc": doc, "quote": hits[0].strip()})
            out.write(json.dumps({"id": cid, "claim": claim, "verdict": verdict,
                                  "evidence": evidence, "note": note}, ensure_ascii=False) + "\n")
    print(f"wrote {len(CLAIMS)} claims")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# make_sample.py - owns the text of the team's sample corpus: writes corpus/sample.jsonl.
# The articles below were written for dostyk by the corpus helper (sample data: the outlets,
# authors and URLs are invented; see corpus/README.md). Edit an article here, run
#   python3 corpus/make_sample.py
# and then re-run tests/golden/make_gold.py, which recomputes every gold offset.
import json
import os

ARTICLES = [
    {
        "id": "s01_trade_2023",
        "title": "China-Kazakhstan trade hits a record in 2023",
        "date": "2024-01-15",
        "source": "Steppe Ledger (sample)",
        "author": "Aigerim Sadykova",
        "url": "https://steppe-ledger.example/2024/01/15/kz-cn-trade-record",
        "text": (
            "Trade between Kazakhstan and China grew by 32 percent to a record $41 billion in 2023, "
            "according to figures published by the General Administration of Customs of China last Friday.\n"
            "In 2022 the two countries traded goods worth about $31 billion. Last year Chinese exports to "
            "Kazakhstan amounted to $24.7 billion, while Kazakhstan shipped goods worth $16.3 billion to China, "
            "mostly crude oil, copper, ferroalloys and grain.\n"
            "China has thus overtaken Russia as Kazakhstan's largest trading partner. According to the Bureau "
            "of National Statistics in Astana, China accounted for about 22 percent of Kazakhstan's foreign "
            "trade last year.\n"
            "The result came earlier than planned. In May 2023 the two presidents agreed to bring bilateral "
            "trade to $40 billion by 2030, a goal that was reached seven years ahead of schedule. Officials in "
            "Astana now speak of raising the turnover to $80 billion by 2030.\n"
            "Farm trade is growing too: mutual trade in agricultural products rose to 1.3 billion dollars in "
            "2023, and more than 1,000 Kazakh companies are now approved to export food to China."
        ),
    },
    {
        "id": "s02_rail_freight",
        "title": "Rail freight across the Kazakh-Chinese border keeps growing",
        "date": "2024-02-06",
        "source": "Eurasia Freight Review (sample)",
        "author": "Marat Zhunusov",
        "url": "https://eurasia-freight.example/news/rail-freight-2023",
        "text": (
            "Kazakhstan and China moved 28.3 million tons of freight by rail in 2023, up 22 percent "
            "from 2022, the national railway company Kazakhstan Temir Zholy said on Monday.\n"
            "Most of the cargo crosses the border at two points: Dostyk-Alashankou, open to freight since 1990, "
            "and Altynkol-Khorgos, which started operating in December 2012. Together they carry about 80 percent "
            "of the land transit between China and Europe.\n"
            "China-Europe trains made 17,523 trips in 2023, carrying 1.9 million twenty-foot containers. Most of "
            "them run across Kazakhstan and its 1,783-kilometer-long frontier with China.\n"
            "The Khorgos Gateway dry port, launched in August 2015, has become a key transshipment hub, because "
            "Chinese and Kazakh railways use different gauges and containers must be moved between wagons. Its "
            "operators say the terminal can handle 540,000 TEU a year.\n"
            "To ease congestion, the railway is building a second track on the 836-kilometre Dostyk-Moiynty line, "
            "which is expected to raise its capacity five times, and a third crossing at Bakhty-Tacheng is planned "
            "for 2027."
        ),
    },
    {
        "id": "s03_sco_astana_2024",
        "title": "Xi's state visit and the SCO summit put Astana at the centre of Eurasian diplomacy",
        "date": "2024-07-05",
        "source": "Astana Daily Wire (sample)",
        "author": "Nurlan Yessenov",
        "url": "https://astana-daily-wire.example/politics/xi-sco-astana",
        "text": (
            "Chinese President Xi Jinping paid a state visit to Kazakhstan on July 2-3 before joining the leaders "
            "of the Shanghai Cooperation Organisation at their summit in Astana on July 4.\n"
            "Xi arrived in the Kazakh capital last Tuesday. The same day he held talks with President "
            "Kassym-Jomart Tokayev at the Akorda, and the two leaders witnessed the signing of more than 30 "
            "documents, among them agreements on a third rail crossing, a logistics terminal in Xi'an and a wind "
            "power station.\n"
            "Trade between the two neighbours exceeded $40 billion last year, Tokayev told reporters. The leaders "
            "also took part, by video link, in the launch of a container route from China across the Caspian Sea "
            "to Europe.\n"
            "The Astana summit was the 24th meeting of the SCO heads of state and the first since Belarus joined "
            "the organisation, which now has ten member countries. Kazakhstan handed the rotating chairmanship to "
            "China, which will host the next summit in 2025."
        ),
    },
    {
        "id": "s04_visa_free",
        "title": "Visa-free travel between Kazakhstan and China comes into force",
        "date": "2023-11-24",
        "source": "Border Post Weekly (sample)",
        "author": "Madina Ospanova",
        "url": "https://borderpost.example/2023/11/visa-free",
        "text": (
            "Citizens of Kazakhstan and China can now visit each other's country without a visa for up to 30 days, "
            "under an agreement that came into force two weeks ago, on November 10.\n"
            "The agreement, signed in Xi'an on May 17, 2023 during President Tokayev's state visit to China, allows "
            "a stay of no more than 90 days within any 180-day period. Travellers who intend to work, study or "
            "settle still need a visa.\n"
            "Travel agencies in Almaty report that bookings to Urumqi, Beijing and Shanghai rose two to three times "
            "in the days after the change. Air Astana and Chinese carriers operate about 100 flights a week "
            "between the two countries, and the number is expected to grow.\n"
            "In 2019 more than 600,000 trips were made between the neighbours; the flow collapsed during the "
            "pandemic and has not yet fully recovered. The Kazakh foreign ministry said the regime applies to holders of "
            "ordinary passports and does not replace work permits."
        ),
    },
    {
        "id": "s05_silk_road_2013",
        "title": "Xi proposes a Silk Road Economic Belt in Astana speech",
        "date": "2013-09-08",
        "source": "Silk Road Chronicle (sample)",
        "author": "Daniyar Omarov",
        "url": "https://silkroad-chronicle.example/2013/09/08/xi-astana-speech",
        "text": (
            "Chinese President Xi Jinping yesterday called for a Silk Road Economic Belt linking China with "
            "Central Asia and Europe, in a speech to students at Nazarbayev University in Astana.\n"
            "Xi, who arrived in Kazakhstan on Friday for a three-day state visit, recalled how the ancient Silk "
            "Road once carried caravans between East and West. He proposed five areas of cooperation: policy "
            "communication, road connectivity, unimpeded trade, monetary circulation and closer ties between "
            "peoples.\n"
            "On Saturday Xi and President Nursultan Nazarbayev held talks and signed a joint declaration. "
            "Companies of the two countries concluded 22 agreements worth about $30 billion, including deals on "
            "oil and gas, a uranium supply contract and a Chinese stake in the Kashagan offshore field.\n"
            "Trade between the neighbours stood at $25.7 billion in 2012, and the leaders set a goal of raising "
            "it to $40 billion by 2015. Nazarbayev called the proposal timely and said that Kazakhstan was ready to "
            "take part in it."
        ),
    },
    {
        "id": "s06_tokayev_visit_2019",
        "title": "Tokayev's first state visit to China",
        "date": "2019-09-13",
        "source": "Kazakh-Chinese Herald (sample)",
        "author": "Li Wenjun",
        "url": "https://kc-herald.example/en/2019/09/13/tokayev-beijing",
        "text": (
            "President Kassym-Jomart Tokayev paid his first state visit to China on Sept. 11-12, holding talks in "
            "Beijing with President Xi Jinping.\n"
            "The two leaders agreed to raise relations to a permanent comprehensive strategic partnership. In their "
            "presence, officials signed ten documents on trade, transport, agriculture and culture.\n"
            "The governments also confirmed a list of 55 joint industrial projects worth $ 27 billion, of which 15 "
            "had already been completed. The projects include chemical plants, a copper smelter and a car parts "
            "factory in Kostanay.\n"
            "China currently ranks fourth among foreign direct investors in Kazakhstan, and its share of "
            "Kazakhstan's foreign trade reached 15.7 percent last year. Mutual trade grew to 19.9 billion dollars "
            "in 2018.\n"
            "Tokayev also visited Hubei province, where he met local business leaders. Both sides discussed the "
            "digital economy and the protection of transboundary rivers, and Xi accepted an invitation to come to "
            "Kazakhstan. Business groups welcomed the results of the trip."
        ),
    },
    {
        "id": "s07_xi_visit_2022",
        "title": "Xi chooses Kazakhstan for his first trip abroad since the pandemic",
        "date": "2022-09-15",
        "source": "Nur-Sultan Times (sample)",
        "author": "Gulnara Abenova",
        "url": "https://nursultan-times.example/2022/09/15/xi-visit",
        "text": (
            "Chinese President Xi Jinping visited Nur-Sultan on Wednesday, his first trip abroad in more than two "
            "years, as the two countries marked the 30th anniversary of diplomatic relations.\n"
            "Xi and President Tokayev held talks at the Akorda and signed a joint statement. Tokayev awarded the "
            "Chinese leader the Order of the Golden Eagle, Kazakhstan's highest state award.\n"
            "Bilateral trade reached $25.3 billion in 2021, and in the first seven months of this year it grew by a "
            "further 31 percent, according to Chinese customs data. The neighbours share a 1,783-kilometer border, "
            "and most of the freight trains running between China and Europe cross Kazakhstan.\n"
            "After a few hours in the capital, Xi flew to Samarkand for the summit of the Shanghai Cooperation "
            "Organisation. Xi had not left China since January 2020, and Kazakh officials described the short "
            "stay as a sign of the special relationship between the neighbours, built on trust and good "
            "neighbourliness."
        ),
    },
    {
        "id": "s08_investment",
        "title": "Chinese investors step up in Kazakhstan",
        "date": "2024-04-10",
        "source": "Capital Markets Kazakhstan (sample)",
        "author": "Yerlan Bekov",
        "url": "https://cmk.example/investment/china-2024",
        "text": (
            "China has invested more than $24 billion in Kazakhstan since 2005, and about 4,700 companies with "
            "Chinese capital now operate in the country, the Ministry of Foreign Affairs of Kazakhstan said on "
            "Tuesday.\n"
            "According to the National Bank of Kazakhstan, gross inflows of Chinese direct investment reached "
            "$1.6 billion in 2023, up 18 percent from 2022. China ranks fifth among the largest investors in the "
            "Kazakh economy, behind the Netherlands, the United States, Switzerland and Russia.\n"
            "Most of the money goes to oil and gas, mining, metallurgy and transport. The Bank of China's branch in "
            "Almaty issued loans worth 3.5 billion yuan and 120 billion tenge last year.\n"
            "The two governments are also preparing a package of 40 new joint projects worth about $13.7 billion, "
            "which could create 20 thousand jobs, officials said. Analysts at the Kazakh Invest agency expect "
            "Chinese capital to turn increasingly to renewable energy and car manufacturing in the coming years."
        ),
    },
    {
        "id": "s09_xian_summit_2023",
        "title": "Central Asian leaders gather in Xi'an for a first summit with China",
        "date": "2023-05-19",
        "source": "Central Asia Monitor (sample)",
        "author": "Anna Kim",
        "url": "https://ca-monitor.example/2023/05/xian-summit",
        "text": (
            "The leaders of the five Central Asian states and Chinese President Xi Jinping opened the first "
            "China-Central Asia Summit in Xi'an on Thursday.\n"
            "On Wednesday, Xi and Kazakh President Kassym-Jomart Tokayev held talks and signed a joint statement "
            "on deepening their permanent comprehensive strategic partnership. The sides also signed an agreement "
            "on mutual visa exemption and agreed to bring bilateral trade to $40 billion by 2030.\n"
            "At a business roundtable held the same day, Kazakh and Chinese companies concluded 47 agreements "
            "worth $22 billion.\n"
            "China's trade with the five countries reached $70 billion last year, and Beijing announced 26 billion "
            "yuan in financing and grants for the region. The leaders agreed to hold the second summit in "
            "Kazakhstan in 2025. Tokayev said the meeting opened a new chapter in relations between the region and "
            "China, and the leaders adopted a declaration on energy, transport, water resources and closer "
            "cultural exchange."
        ),
    },
    {
        "id": "s10_trade_2024",
        "title": "Kazakh-Chinese trade edges up in 2024",
        "date": "2025-01-16",
        "source": "Steppe Ledger (sample)",
        "author": "Aigerim Sadykova",
        "url": "https://steppe-ledger.example/2025/01/16/kz-cn-trade-2024",
        "text": (
            "Trade between Kazakhstan and China rose by 6.9 percent to $43.8 billion in 2024, according to Chinese "
            "customs data released on Monday.\n"
            "The customs service also revised its total for 2023 to $41.1 billion, slightly above the figure it "
            "reported a year ago. Chinese exports to Kazakhstan grew to $28.1 billion last year, while imports "
            "from Kazakhstan fell by 4 percent to $15.7 billion as prices for crude oil and metals declined.\n"
            "Kazakhstan's own statistics, which count goods by their country of origin, give a lower number: "
            "$29.6 billion for the first 11 months of 2024. The gap between the two sources has persisted for "
            "more than ten years.\n"
            "China remained Kazakhstan's largest trading partner for a second year in a row, ahead of Russia. "
            "Both governments now aim to bring the turnover to $80 billion by 2030. Economists say the difference "
            "between the two sets of data mostly reflects re-exports and goods declared in transit."
        ),
    },
    {
        "id": "s11_energy",
        "title": "Kazakhstan ready to send more oil to China",
        "date": "2024-06-12",
        "source": "Energy Silk Road (sample)",
        "author": "Serik Tulegenov",
        "url": "https://energy-silkroad.example/oil/atasu-alashankou-2024",
        "text": (
            "Kazakhstan is ready to increase oil supplies to China through the Atasu-Alashankou pipeline, Energy "
            "Minister Almassadam Satkaliyev said on Monday.\n"
            "The pipeline, which started operating in 2006, can carry up to 20 million tons of crude a year. Last "
            "year it delivered about 11 million tons, including oil from Russian fields shipped in transit. China "
            "buys roughly one-tenth of Kazakhstan's crude exports, while most of the rest goes to Europe.\n"
            "Gas cooperation is older than it looks: the Kazakh section of the Central Asia-China gas pipeline has "
            "been working for 15 years, and the Beineu-Bozoi-Shymkent line, completed in 2015, connected the "
            "western fields with the south of the country.\n"
            "Uranium is another pillar of the partnership. Kazatomprom and China National Nuclear Corporation "
            "signed a long-term supply contract last year. The minister added that Kazakh and Chinese engineers are "
            "studying how to make greater use of the spare capacity of the oil pipeline."
        ),
    },
    {
        "id": "s12_khorgos",
        "title": "Ten years on, the Khorgos border hub draws shoppers and freight",
        "date": "2022-12-05",
        "source": "Borderland Review (sample)",
        "author": "Timur Akhmetov",
        "url": "https://borderland-review.example/khorgos-ten-years",
        "text": (
            "The International Center of Boundary Cooperation Khorgos, a duty-free trading zone that straddles the "
            "border, marked ten years of operation this year. Visitors from both countries may stay in the zone "
            "for up to 30 days without a visa.\n"
            "The centre opened in April 2012 on land provided by both governments: 343 hectares on the Chinese "
            "side and 185 hectares on the Kazakh side.\n"
            "Next to it lie the Khorgos Eastern Gate special economic zone and the Khorgos Gateway dry port, in "
            "which China's COSCO Shipping and the port of Lianyungang hold a 49 percent stake.\n"
            "Kazakhstan and China share a border of about 1,700 kilometres, but Khorgos has become the busiest "
            "point along it. More than 1,000 trucks cross at the road checkpoint on a busy day, and freight trains "
            "leave for Europe every few hours. Shoppers come mainly for clothing, electronics and household goods, "
            "which are cheaper here than in Almaty."
        ),
    },
    {
        "id": "s13_brf_2023",
        "title": "Tokayev in Beijing for the Belt and Road Forum",
        "date": "2023-10-19",
        "source": "Silk Road Chronicle (sample)",
        "author": "Daniyar Omarov",
        "url": "https://silkroad-chronicle.example/2023/10/19/tokayev-brf",
        "text": (
            "President Kassym-Jomart Tokayev took part in the Third Belt and Road Forum for International "
            "Cooperation in Beijing on Wednesday, ten years after Xi Jinping first proposed the initiative in "
            "Astana.\n"
            "On the sidelines of the forum, Tokayev met Xi and discussed transport corridors, energy and food "
            "security. The two presidents agreed to meet again at the SCO summit in Astana next July.\n"
            "Kazakh companies and their Chinese partners signed 20 agreements worth more than $ 6 billion on "
            "Tuesday, the presidential press office said. Projects include a coal-to-gas plant, a battery factory "
            "and new wind farms.\n"
            "Addressing the forum, Tokayev said that since 2013 Chinese companies had invested 12 billion dollars "
            "in Kazakhstan's transport and logistics sector, and that trade with China in the first nine months "
            "of 2023 had grown by 32 percent. The forum drew delegations from more than 140 countries, and its "
            "organisers described it as the largest diplomatic event hosted by China this year."
        ),
    },
    {
        "id": "s14_transit_routes",
        "title": "New rail links to speed up transit across Kazakhstan",
        "date": "2024-11-20",
        "source": "Eurasia Freight Review (sample)",
        "author": "Marat Zhunusov",
        "url": "https://eurasia-freight.example/news/new-rail-links",
        "text": (
            "President Kassym-Jomart Tokayev and Chinese leader Xi Jinping held a telephone conversation last "
            "Monday and discussed new transport routes, the Akorda press service said.\n"
            "Kazakhstan will complete the 836-km second track of the Dostyk-Moiynty railway by the end of 2025, "
            "raising the line's capacity five times. A third crossing, Bakhty-Tacheng, is due to open in 2027 and "
            "will add 20 million tons of annual capacity.\n"
            "Transit via Kazakhstan is growing fast. In the first 10 months of 2024 the national railway carried "
            "1.2 million twenty-foot containers between China and Europe, up 22% on January-October "
            "2023. Trains now deliver goods from Chongqing to Duisburg in 15-18 days, compared with 35 to 45 days "
            "by sea.\n"
            "The China-Kazakhstan logistics base in the port of Lianyungang, opened in 2014, gives Kazakh grain an "
            "outlet to the Pacific. Logistics companies say the new capacity should also cut waiting times at the "
            "border crossings in the east of the country."
        ),
    },
    {
        "id": "s15_three_decades",
        "title": "Three decades of Kazakh-Chinese relations, from border talks to trade",
        "date": "2024-10-07",
        "source": "Almaty Evening Review (sample)",
        "author": "Bolat Nurmagambetov",
        "url": "https://almaty-evening.example/analysis/three-decades",
        "text": (
            "Kazakhstan and China have built their relations over three decades, since diplomatic ties were "
            "established on January 3, 1992. Early on, the two sides focused on the frontier: agreements signed "
            "from 1994 to 1999 settled the whole boundary, and by 2002 demarcation on the ground was complete.\n"
            "China, home to 1.4 billion people, is now the main market for Kazakh exporters, while "
            "Kazakhstan's own population passed 20 million in 2023. Six years ago, in 2018, mutual trade stood at "
            "19.9 billion dollars; since then it has grown 2.1-fold.\n"
            "The Kazakhstan-China Cooperation Committee meets twice a year, and its 11th meeting was held in "
            "Astana last week under the co-chairmanship of the first deputy prime ministers of both countries.\n"
            "Not everything has gone smoothly. In 2019 hundreds of people joined rallies in Almaty and Zhanaozen "
            "against plans to move 55 Chinese factories to Kazakhstan, and in 2016 protests against amendments to "
            "the land code made the government postpone them.\n"
            "Kazakh imports of Chinese cars grew 1.7-fold in the first half of 2024 to $811.1 million. Officials "
            "on both sides like to call the relationship a partnership for the 21st century."
        ),
    },
    {
        "id": "s16_agri_exports",
        "title": "Kazakh meat processors win access to the Chinese market",
        "date": "2024-08-14",
        "source": "Agro Steppe (sample)",
        "author": "Zhanna Iskakova",
        "url": "https://agro-steppe.example/2024/08/14/meat-protocol",
        "text": (
            "Kazakhstan and China signed a protocol yesterday that allows Kazakh beef and mutton processors to "
            "export chilled meat to China, the Ministry of Agriculture of Kazakhstan said today.\n"
            "Agricultural trade between the two countries reached $1.7 billion in 2023, according to the "
            "ministry. Kazakhstan shipped about 1.1 million tons of wheat to China from July 2023 to June 2024, "
            "while exports of flour fell by 12.5 percent as Chinese mills bought more grain instead.\n"
            "The number of Kazakh companies approved to export food to China has risen from 800 to more than "
            "1,000. This week a delegation of 40 Chinese importers is touring farms in the Kostanay and North "
            "Kazakhstan regions.\n"
            "Several hundred trucks with fruit and vegetables cross the Nur Zholy checkpoint near Khorgos every "
            "day, and the ministry wants a green corridor for perishable goods so that inspections take hours "
            "rather than days. Exporters say faster checks would also cut their losses in summer."
        ),
    },
    {
        "id": "s17_digital",
        "title": "Huawei and Kazakhtelecom to widen 5G coverage",
        "date": "2024-05-20",
        "source": "Digital Steppe (sample)",
        "author": "Ruslan Karimov",
        "url": "https://digital-steppe.example/telecom/5g-regional-centres",
        "text": (
            "Kazakhtelecom and Huawei agreed last Friday to extend 5G coverage to all regional centres of "
            "Kazakhstan by the end of 2025, the Ministry of Digital Development said.\n"
            "The project is part of the Digital Kazakhstan programme and builds on a memorandum signed during the "
            "COVID-19 pandemic. Under it, the Chinese company will train 3,000 Kazakh engineers over three years "
            "and open a cloud data centre at the Astana Hub technology park.\n"
            "Kazakhstan, which is not a member of the G20, wants digital services to make up 5 percent of its "
            "economy. Officials said Industry 4.0 technologies would be a priority at the 7th Digital Almaty "
            "forum next February, where Chinese and Kazakh start-ups are expected to present their products.\n"
            "Critics note that the dependence on a single foreign supplier carries risks, and the ministry says "
            "it will keep working with European vendors as well.\n"
            "Press contacts: tel. +7 7172 74 00 00, 09:00-18:00 on weekdays."
        ),
    },
    {
        "id": "s18_astana_summit_2025",
        "title": "Xi in Astana for a state visit and the second China-Central Asia Summit",
        "date": "2025-06-18",
        "source": "Steppe Wire (sample)",
        "author": "Dana Abenova",
        "url": "https://steppe-wire.example/2025/06/18/astana-summit",
        "text": (
            "Chinese President Xi Jinping arrived in Astana on Monday for a state visit to Kazakhstan, "
            "his second trip to the country since July 2024. President Kassym-Jomart Tokayev welcomed "
            "his guest at the airport.\n"
            "Later the same day the two presidents held talks at the Akorda and discussed trade, transit "
            "and energy. Ministers of the two countries then signed a package of cooperation documents in "
            "their presence, among them agreements on railway links, energy and education.\n"
            "On Tuesday Tokayev hosted the second China-Central Asia Summit, attended by the leaders of "
            "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan as well as Xi. Tokayev, Xi and the "
            "presidents of Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan signed a treaty on permanent "
            "good-neighbourliness, friendship and cooperation. They also agreed to hold the next meeting of "
            "the format in China in 2027.\n"
            "The first summit of the format was held in Xi'an in May 2023. The foreign ministers of the "
            "six countries met in Almaty in April to prepare the documents of the Astana meeting.\n"
            "Kazakh officials did not announce new figures for trade, but said that the two sides would "
            "keep working on a third railway crossing and on more flights between their cities. A "
            "proposal to hold a business forum on the margins of the summit was not taken up."
        ),
    },
    {
        "id": "s19_harbin_meeting_2025",
        "title": "Tokayev and Xi meet in Harbin",
        "date": "2025-02-08",
        "source": "Silk Road Chronicle (sample)",
        "author": "Yerlan Kassymov",
        "url": "https://silkroad-chronicle.example/2025/02/08/tokayev-xi-harbin",
        "text": (
            "President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Harbin on Friday. Both "
            "leaders were in the northeastern Chinese city for the opening ceremony of the Asian Winter "
            "Games, which Tokayev attended at the invitation of his host.\n"
            "The two presidents discussed transport corridors, energy and the supply of Kazakh farm "
            "products to China, the Akorda said. Tokayev invited Xi to come to Astana for the second "
            "China-Central Asia Summit in June, and Xi accepted the invitation.\n"
            "The meeting followed a telephone conversation between the two leaders in January, in which "
            "they reviewed the results of the previous year. According to the Kazakh side, Kazakhstan "
            "and China also plan to open a new air route between Harbin and Almaty in April.\n"
            "Kazakhstan is a neighbour of China, and the two countries have a long border in the east. "
            "Chinese visitors have come to Kazakhstan in larger numbers since the visa-free regime took "
            "effect in November 2023, and tour operators in Almaty expect the flow to keep growing. A "
            "Kazakh business delegation stayed in Harbin for talks with local companies after the "
            "president left."
        ),
    },
    {
        "id": "s20_business_forum_almaty",
        "title": "Kazakh and Chinese firms sign deals at an Almaty forum",
        "date": "2024-09-27",
        "source": "Capital Markets Kazakhstan (sample)",
        "author": "Timur Seitkazy",
        "url": "https://cmk.example/news/2024-09-27-almaty-forum",
        "text": (
            "Kazakh and Chinese companies signed 25 commercial agreements worth $3.2 billion at a "
            "business forum in Almaty on Thursday, the Ministry of Trade and Integration said. The deals "
            "cover food processing, building materials, logistics and solar power.\n"
            "Kazakhstan Temir Zholy and China Railway launched a new container service between Xi'an and "
            "Almaty the same day. The first train left Xi'an on Wednesday and is due in Almaty next week.\n"
            "Trade minister Arman Shakkaliyev opened the forum and held separate meetings with the heads "
            "of several Chinese provincial delegations. A delegation from Shanghai did not travel to "
            "Almaty, and its planned visit was postponed to next year.\n"
            "The Chinese side proposed to hold the next forum in Urumqi in 2025. Kazakh business "
            "associations said they were ready to sign more contracts if the new rail service keeps its "
            "schedule. Almaty hosts forums of this kind every year, and the number of participants has "
            "grown steadily, organisers said."
        ),
    },
    # s21, s22: documents about other pairs (Uzbekistan-China, Kazakhstan-Russia), for the
    # document's own pair ("the two leaders", bilateral figures), a first-N-months period
    # without a year, a compared figure's date, flows going on with the period before
    {
        "id": "s21_uzbekistan_china_2024",
        "title": "Uzbekistan and China widen trade as a rail link moves ahead",
        "date": "2024-07-15",
        "source": "Silk Road Chronicle (sample)",
        "author": "Dilnoza Yusupova",
        "url": "https://silkroad-chronicle.example/2024/07/15/uzbekistan-china-trade",
        "text": (
            "Trade between Uzbekistan and China rose to $6.4 billion in the first six months, the "
            "statistics agency said in Tashkent on Friday. Uzbek exports to China came to $1.1 "
            "billion, up from $0.9 billion in 2023.\n"
            "President Shavkat Mirziyoyev paid a state visit to China in January. The two leaders "
            "signed 27 documents and agreed to lift trade to $20 billion by 2027.\n"
            "Chinese President Xi Jinping met with visiting Uzbek Foreign Minister Bakhtiyor Saidov "
            "in Beijing in May. Work on the 523-kilometre China-Kyrgyzstan-Uzbekistan railway, which "
            "is expected to cost about $4.7 billion, is due to start in October.\n"
            "Officials in Tashkent say the line would shorten the route from western China to the "
            "Persian Gulf and to Europe by several days. Uzbek farmers hope to sell more fruit and "
            "vegetables in Chinese cities, while Chinese carmakers and textile firms have opened "
            "plants in the Fergana Valley and near the capital. Economists warn that the country "
            "still buys far more from China than it sells there."
        ),
    },
    {
        "id": "s22_putin_astana_2023",
        "title": "Putin and Tokayev sign energy deals in Astana",
        "date": "2023-11-10",
        "source": "Steppe Wire (sample)",
        "author": "Ruslan Akhmetov",
        "url": "https://steppewire.example/2023/11/10/putin-astana",
        "text": (
            "Russian President Vladimir Putin arrived in Astana on Thursday and held talks with "
            "President Kassym-Jomart Tokayev at the Akorda. The two sides signed 17 documents, "
            "including a programme of cooperation in energy.\n"
            "Trade grew 12 percent to $28 billion in 2022, Tokayev said. In the first nine months, "
            "mutual trade came to $19.6 billion.\n"
            "Russian investment in Kazakhstan stands at about $18 billion, up from $14 billion in "
            "2020. The two leaders also agreed to build three power plants in Kokshetau, Semey and "
            "Ust-Kamenogorsk.\n"
            "The visit was Putin's first to Kazakhstan since the war in Ukraine began, and it drew "
            "close attention in Western capitals. Kazakh officials stressed that the country keeps "
            "good relations with all of its neighbours and will not help anyone get around "
            "sanctions. Much of Kazakhstan's oil still reaches world markets through a pipeline to "
            "the Russian Black Sea coast, and the northern regions buy most of their gas and "
            "electricity from across the border."
        ),
    },
    # s23: figures named by reference ("Russia's share", "a higher figure", "the same routes"),
    # levels after "grew to" and "up from", a split (crop) year, a minister with a title the
    # pack does not know
    {
        "id": "s23_trade_shares_2025",
        "title": "China's slice of Kazakh trade grows as rail and grain links widen",
        "date": "2025-03-12",
        "source": "Steppe Wire (sample)",
        "author": "Aliya Nurlanova",
        "url": "https://steppewire.example/2025/03/12/china-trade-share",
        "text": (
            "China's share of Kazakhstan's foreign trade grew to 22.6 percent in 2024, up from "
            "20.5 percent a year earlier, the statistics bureau said on Wednesday. Russia's share "
            "slipped to 18.9 percent.\n"
            "The bureau put trade between Kazakhstan and China at $29.6 billion in January-November "
            "2024. Chinese customs, which record goods by where they were shipped from, give a "
            "higher figure for 2024 as a whole: $43.8 billion.\n"
            "Container trains between the two countries carried 410,000 TEU through Dostyk and "
            "Altynkol in January-September 2024. In 2023 the railway handled 480,000 TEU on the "
            "same routes.\n"
            "Grain shipments to China in the 2024/25 marketing year are running ahead of the "
            "previous season, the agriculture ministry said, without giving a number. Traders in "
            "Kostanay say Chinese buyers now ask for more durum wheat, flax and barley, and pay "
            "for faster checks at the border.\n"
            "Deputy Prime Minister Serik Zhumangarin met Chinese Commerce Minister Wang Wentao in "
            "Beijing on March 5. They discussed new bonded warehouses near the border and a "
            "plan to let small traders clear goods online.\n"
            "Economists in Almaty caution that the two sets of trade data will not match soon: "
            "Kazakhstan counts goods by their country of origin, China by the country they come "
            "from, and many goods pass through third countries on the way."
        ),
    },
    {
        "id": "s24_xi_astana_2025",
        "title": "Xi lands in Astana for a state visit and the second China-Central Asia Summit",
        "date": "2025-06-16",
        "source": "Steppe Wire (sample)",
        "author": "Dana Seitkali",
        "url": "https://steppewire.example/2025/06/16/xi-astana",
        "text": (
            "Chinese President Xi Jinping arrived in Astana on Monday on a state visit to Kazakhstan. "
            "President Kassym-Jomart Tokayev met his guest at the airport, and the two leaders are "
            "expected to hold formal talks on Tuesday, before the second China-Central Asia Summit.\n"
            "A business forum opened in Astana on Monday alongside the visit. Kazakh officials said "
            "companies from the two countries had signed commercial agreements there, without giving "
            "their value.\n"
            "Trade between Kazakhstan and China reached a record $43.8 billion in 2024, according to "
            "Chinese customs. Turnover has roughly doubled since 2020, when it stood at about $21.4 "
            "billion.\n"
            "On Sunday, Foreign Minister Murat Nurtleu met his Chinese counterpart Wang Yi to go over "
            "the documents to be signed. The two ministers agreed to speed up work on a third railway "
            "crossing on the border, which Kazakhstan wants to open in 2027.\n"
            "Officials in both capitals say the crossing would ease queues at Dostyk and Khorgos, "
            "where trucks wait for days in peak months. Analysts at the Eurasian Development Bank "
            "note that cargo volumes on the corridor have grown faster than the railways have been "
            "able to add track, and that much of the recent growth has come from containers bound for "
            "Europe rather than goods for the Kazakh market itself."
        ),
    },
    {
        "id": "s25_talks_and_rail_2024",
        "title": "Tokayev and Xi sign documents and send off a Trans-Caspian train",
        "date": "2024-07-05",
        "source": "Qazaq Wire (sample)",
        "author": "Arman Ospanov",
        "url": "https://qazaqwire.example/2024/07/05/tokayev-xi-talks",
        "text": (
            "Kazakh President Kassym-Jomart Tokayev and Chinese President Xi Jinping held talks in "
            "Astana on Wednesday and witnessed the signing of more than 30 documents on trade, "
            "energy, transport and culture.\n"
            "The two leaders then joined a video link to launch a container train on the "
            "Trans-Caspian route, which runs from China across Kazakhstan and the Caspian Sea to "
            "Europe.\n"
            "On Tuesday, Foreign Minister Murat Nurtleu met his Chinese counterpart Wang Yi to "
            "prepare the documents, and the two ministers agreed to hold their next strategic "
            "dialogue in Beijing in 2025.\n"
            "Turnover between the two countries reached $41 billion in 2023, and officials now aim "
            "for $80 billion by 2030.\n"
            "Travel has also picked up. The visa exemption lets citizens of either country stay up to "
            "30 days per trip, and airlines have added routes between Almaty, Astana, Beijing, Urumqi "
            "and Shanghai.\n"
            "Freight trains carried 28.3 million tonnes of cargo across the border last year, the "
            "national railway company said. Much of it was coal, grain and metals going east, and "
            "machinery, vehicles and consumer goods going west.\n"
            "Business groups in Almaty want faster checks at the border crossings and more warehouse "
            "space on the Kazakh side, where containers now often wait for days for a free slot on a "
            "train heading into Russia or towards the Caspian ports."
        ),
    },
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "sample.jsonl"), "w", encoding="utf-8") as out:
        for a in ARTICLES:
            words = len(a["text"].split())
            if not 150 <= words <= 450:
                raise SystemExit(f"{a['id']}: {words} words, want 150-450")
            out.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(f"wrote {len(ARTICLES)} articles")


if __name__ == "__main__":
    main()

-- events.sql - a fixed set of event reports for the tests of the
-- chronology (tests/e2e/events.sh, serve.sh, tests/browser/page.test.js),
-- laid over a record of corpus/sample.jsonl: whatever events the
-- extractor found are replaced by these, so the expected happenings do
-- not move when the extractor improves.  Each report is anchored at the
-- first occurrence of its trigger in its document; a trigger that is not
-- found inserts nothing (the tests count the rows).
--   sqlite3 r.db < tests/e2e/events.sql
CREATE TEMP TABLE ev(doc, trig, event, cameo, actors, place, date, count);
INSERT INTO ev VALUES
  ('s06_tokayev_visit_2019', 'paid his first state visit', 'visit', '042', 'tokayev', 'CN', '2019-09-11/12', NULL),
  ('s06_tokayev_visit_2019', 'visited Hubei', 'visit', '042', 'tokayev', 'hubei', NULL, NULL),
  ('s06_tokayev_visit_2019', 'holding talks', 'meeting', '040', 'tokayev,xi_jinping', 'beijing', '2019-09-11/12', NULL),
  ('s06_tokayev_visit_2019', 'signed ten documents', 'agreement', '057', 'KZ,CN', NULL, NULL, 10),
  ('s07_xi_visit_2022', 'visited Nur-Sultan', 'visit', '042', 'xi_jinping', 'astana', '2022-09-14', NULL),
  ('s07_xi_visit_2022', 'held talks', 'meeting', '040', 'xi_jinping,tokayev', 'astana', NULL, NULL),
  ('s04_visa_free', 'signed in Xi''an', 'agreement', '057', 'KZ,CN', 'xian', '2023-05-17', NULL),
  ('s04_visa_free', 'state visit to China', 'visit', '042', 'tokayev', 'CN', '2023-05-17', NULL),
  ('s09_xian_summit_2023', 'held talks', 'meeting', '040', 'xi_jinping,tokayev', 'xian', '2023-05-17', NULL),
  ('s09_xian_summit_2023', 'signed an agreement', 'agreement', '057', 'CN,KZ', NULL, '2023-05-17', NULL),
  ('s13_brf_2023', 'met Xi', 'meeting', '040', 'tokayev,xi_jinping', NULL, NULL, NULL);
DELETE FROM mentions WHERE kind = 'event';
-- (found in the sentences' text: since schema 5 a document's text
-- column may hold only the bytes between its sentences)
WITH x AS (
  SELECT ev.*, d.id AS did,
         (SELECT s.start + instr(CAST(s.text AS BLOB), CAST(ev.trig AS BLOB)) - 1
          FROM sentences s
          WHERE s.doc = d.id AND instr(CAST(s.text AS BLOB), CAST(ev.trig AS BLOB)) > 0
          ORDER BY s.start LIMIT 1) AS pos
  FROM ev JOIN docs d ON d.name = ev.doc)
INSERT INTO mentions(doc, sentence, start, end, text, kind, event, cameo,
                     actors, place, date, count)
SELECT did, (SELECT s.id FROM sentences s
             WHERE s.doc = x.did AND s.start <= x.pos AND x.pos < s.end),
       pos, pos + length(CAST(trig AS BLOB)), trig, 'event', event, cameo,
       actors, place, date, count
FROM x WHERE pos >= 0;
-- the record finds a document's mentions by their range of ids, kept in
-- doc_rows by whatever writes them (schema 4): laid in here, so noted
-- here
UPDATE doc_rows SET mention_lo = NULL, mention_hi = NULL, mentions = 0;
INSERT INTO doc_rows(doc, mention_lo, mention_hi, mentions)
SELECT doc, min(id), max(id), count(*) FROM mentions WHERE 1 GROUP BY doc
ON CONFLICT(doc) DO UPDATE SET mention_lo = excluded.mention_lo,
  mention_hi = excluded.mention_hi, mentions = excluded.mentions;

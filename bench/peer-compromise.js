// peer-compromise.js - the compromise peer for `make bench`.
// Reads a plain-text slice (argv[2]) and, paragraph by paragraph for at
// most argv[3] seconds, asks compromise for numbers, money and percentages
// (compromise has no date recogniser without a plugin).  Prints one JSON
// line: {"tool", "bytes" (read), "mentions", "seconds"}.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n').filter((l) => l.trim().length > 0);
// stop after this many seconds (argv[3]) and report what was done
const budget = Number(process.argv[3] || 25) * 1e9;

nlp('It rose 12% to $5 million in 2024.').numbers().out('array');  // warm up

const t0 = process.hrtime.bigint();
let mentions = 0, bytes = 0;
for (const line of lines) {
  const doc = nlp(line);
  mentions += doc.numbers().out('array').length;
  mentions += doc.money().out('array').length;
  mentions += doc.percentages().out('array').length;
  bytes += Buffer.byteLength(line) + 1;
  if (Number(process.hrtime.bigint() - t0) > budget) break;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool: 'compromise', bytes, mentions, seconds: secs }));

// peer-compromise.js - the compromise peer for `make bench`.
// Reads a plain-text slice (argv[2]), asks compromise for numbers, money and
// percentages paragraph by paragraph (compromise has no date recogniser
// without a plugin), and prints one JSON line:
// {"tool", "bytes", "mentions", "seconds"}.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n').filter((l) => l.trim().length > 0);

nlp('It rose 12% to $5 million in 2024.').numbers().out('array');  // warm up

const t0 = process.hrtime.bigint();
let mentions = 0;
for (const line of lines) {
  const doc = nlp(line);
  mentions += doc.numbers().out('array').length;
  mentions += doc.money().out('array').length;
  mentions += doc.percentages().out('array').length;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool: 'compromise', bytes: Buffer.byteLength(text),
                             mentions, seconds: secs }));

// peer-rt.js - the Microsoft Recognizers-Text peer for `make bench`.
// Reads a plain-text slice (argv[2]) and, line by line for at most argv[3]
// seconds, runs the number, ordinal, percentage, currency, dimension and
// date-time recognisers on it.  Prints one JSON line:
// {"tool", "bytes" (read), "mentions", "seconds"}.
'use strict';
const fs = require('fs');
const R = require('@microsoft/recognizers-text-suite');

const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n').filter((l) => l.trim().length > 0);
// stop after this many seconds (argv[3]) and report what was done
const budget = Number(process.argv[3] || 25) * 1e9;
const C = R.Culture.English;
const fns = [R.recognizeNumber, R.recognizeOrdinal, R.recognizePercentage,
             R.recognizeCurrency, R.recognizeDimension, R.recognizeDateTime];

// warm up once so module loading and model building are not timed
for (const f of fns) f('On 3 May 2024 it cost $5 million, 12% more.', C);

const t0 = process.hrtime.bigint();
let mentions = 0, bytes = 0;
for (const line of lines) {
  for (const f of fns) mentions += f(line, C).length;
  bytes += Buffer.byteLength(line) + 1;
  if (Number(process.hrtime.bigint() - t0) > budget) break;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool: 'recognizers-text', bytes, mentions, seconds: secs }));

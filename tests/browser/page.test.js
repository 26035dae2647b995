/*
 * page.test.js - the page of `dostyk serve` in headless Chromium (driven
 * by playwright-core from web/node_modules, the system's /usr/bin/chromium):
 * search, an indicator's timeline chart with a clicked point, a claim
 * check, the chronology of events (filtered, an entry opened, its
 * document with the event highlighted), a document view with highlighted
 * mentions, the static files' caching headers, and screenshots in
 * $BUILD/page*.png.  The record is corpus/sample.jsonl, one more source
 * on 2021's trade, and the event reports of tests/e2e/events.sql.
 *
 *   BUILD=build node --test tests/browser/page.test.js
 * (run through tests/e2e/browser.sh, which skips without chromium)
 */
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require(path.resolve('web/node_modules/playwright-core'));

const BUILD = process.env.BUILD || 'build';
const DK = path.resolve(BUILD, 'dostyk');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
let tmp, server, base, browser, page;
const pageErrors = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dostyk-browser-'));
  const db = path.join(tmp, 'r.db');
  execFileSync(DK, ['ingest', '--db', db, 'corpus/sample.jsonl'], { stdio: 'ignore' });
  /* a source that disagrees on 2021's trade, so the timeline has a
   * conflict to mark (the sample corpus agrees on every trade figure) */
  const other = path.join(tmp, 'other.jsonl');
  fs.writeFileSync(other, JSON.stringify({ id: 'other_trade_2021', date: '2022-02-01',
    text: 'Trade between Kazakhstan and China reached $20 billion in 2021.' }) + '\n');
  execFileSync(DK, ['ingest', '--db', db, other], { stdio: 'ignore' });
  execFileSync('sqlite3', [db], { input: fs.readFileSync('tests/e2e/events.sql') });
  server = spawn(DK, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let err = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + err)), 10000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/[0-9.]+:\d+)\//.exec(err);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    server.on('exit', (c) => reject(new Error('server exited ' + c + ': ' + err)));
  });
  /* a fresh profile (--user-data-dir) in the temporary folder */
  browser = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
  });
  page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.setDefaultTimeout(10000);
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the page loads with the record stats and no script error', async () => {
  const r = await page.goto(base + '/');
  assert.strictEqual(r.status(), 200);
  assert.match(r.headers()['content-type'], /^text\/html/);
  await page.waitForFunction(() => /\d+ documents/.test(document.querySelector('#stats').textContent));
  assert.deepStrictEqual(pageErrors, []);
});

test('the static files: ETag, 304, cache headers, 404 JSON', async () => {
  const a = await page.request.get(base + '/assets/app.js');
  assert.strictEqual(a.status(), 200);
  assert.match(a.headers()['content-type'], /javascript/);
  assert.match(a.headers()['cache-control'], /max-age/);
  const etag = a.headers()['etag'];
  assert.ok(etag && etag.startsWith('"'));
  const b = await page.request.get(base + '/assets/app.js', { headers: { 'If-None-Match': etag } });
  assert.strictEqual(b.status(), 304);
  const c = await page.request.get(base + '/assets/../../etc/passwd');
  assert.strictEqual(c.status(), 404);
  assert.ok((await c.json()).error);
  const d = await page.request.get(base + '/assets/uPlot.min.css');
  assert.match(d.headers()['content-type'], /^text\/css/);
});

test('search shows highlighted snippets with links to the document', async () => {
  await page.fill('#q', 'Khorgos');
  await page.click('#search-form button');
  await page.waitForSelector('#results li.hit');
  const hits = await page.$$eval('#results li.hit', (ls) => ls.map((l) => ({
    mark: (l.querySelector('mark') || {}).textContent,
    href: l.querySelector('a.doclink').getAttribute('href'),
  })));
  assert.ok(hits.length > 0);
  assert.ok(hits.every((h) => /khorgos/i.test(h.mark || '') && h.href.startsWith('#/doc/')));
  assert.match(page.url(), /#\/search\?q=Khorgos/);
  await page.screenshot({ path: path.join(BUILD, 'page-search.png') });
});

test('an indicator timeline draws points, marks conflicts, and a click shows the sentence', async () => {
  await page.click('nav a[data-view=indicator]');
  await page.waitForSelector('#metric option[value=trade_turnover]', { state: 'attached' });
  await page.goto(base + '/#/indicator?metric=trade_turnover&subjects=KZ,CN');
  await page.waitForSelector('#chart canvas');
  assert.strictEqual(await page.inputValue('#metric'), 'trade_turnover');
  assert.strictEqual(await page.inputValue('#subjects'), 'KZ,CN');
  await page.waitForFunction(() => window.dkPoints && window.dkPoints.length > 3);
  const info = await page.evaluate(() => ({
    n: window.dkPoints.length,
    conflicts: window.dkPoints.filter((p) => p.g.class === 'conflict').length,
    rows: document.querySelectorAll('#timeline tbody tr').length,
    conflictRows: document.querySelectorAll('#timeline tbody tr.conflict').length,
  }));
  assert.ok(info.rows > 2, 'table rows');
  assert.ok(info.conflicts > 0 && info.conflictRows > 0, 'conflicts marked');
  /* click the canvas where a conflicting point is drawn */
  const box = await page.evaluate(() => {
    const u = window.dkChart, p = window.dkPoints.find((q) => q.g.class === 'conflict');
    const r = u.over.getBoundingClientRect();
    return { x: r.left + u.valToPos(p.x, 'x'), y: r.top + u.valToPos(p.v.value, 'y'), sentence: p.v.sentence };
  });
  await page.mouse.move(box.x, box.y);
  await page.mouse.click(box.x, box.y);
  await page.waitForSelector('#point:not([hidden])');
  const text = await page.textContent('#point');
  assert.ok(text.includes(box.sentence), 'the clicked point shows its sentence');
  assert.ok(await page.$('#point a.doclink'), 'and links its document');
  await page.screenshot({ path: path.join(BUILD, 'page-timeline.png'), fullPage: true });
});

test('a claim check says supported, with evidence', async () => {
  await page.click('nav a[data-view=check]');
  await page.fill('#claim', 'Trade between Kazakhstan and China reached $41 billion in 2023.');
  await page.click('#check-form button');
  await page.waitForSelector('#verdict-word');
  assert.strictEqual(await page.textContent('#verdict-word'), 'supported');
  assert.ok((await page.$$('#verdict .evidence li')).length > 0);
  await page.screenshot({ path: path.join(BUILD, 'page-check.png') });
});

test('the conflicts list links to the indicator', async () => {
  await page.click('nav a[data-view=conflicts]');
  await page.waitForSelector('#conflicts .group');
  assert.ok(await page.$('#conflicts .group a[href^="#/indicator?metric="]'));
  await page.screenshot({ path: path.join(BUILD, 'page-conflicts.png') });
});

test('the chronology filters by actor and type, and an entry opens its sentences', async () => {
  await page.click('nav a[data-view=events]');
  await page.waitForSelector('#chronology li.happening');
  assert.strictEqual((await page.$$('#chronology li.happening')).length, 9);
  assert.match(await page.textContent('#events-status'), /^9 happenings from 11 reports/);
  const whens = await page.$$eval('#chronology .when', (w) => w.map((e) => e.textContent));
  const dated = whens.filter((w) => /^\d/.test(w));
  assert.strictEqual(dated.length, 6);
  assert.deepStrictEqual(dated, dated.slice().sort());
  assert.ok(whens.includes('reported 2023-10-19'), 'an undated report shows when it was reported');

  await page.selectOption('#ev-actor', 'xi_jinping');
  await page.waitForFunction(() => document.querySelectorAll('#chronology li.happening').length === 5);
  assert.match(page.url(), /#\/events\?actor=xi_jinping$/);
  await page.selectOption('#ev-type', 'meeting');
  await page.waitForFunction(() => document.querySelectorAll('#chronology li.happening').length === 4);
  const kinds = await page.$$eval('#chronology li.happening', (ls) => ls.map((l) => l.dataset.event));
  assert.ok(kinds.every((k) => k === 'meeting'));

  await page.selectOption('#ev-actor', '');
  await page.selectOption('#ev-type', 'agreement');
  await page.waitForFunction(() => document.querySelectorAll('#chronology li.happening').length === 2);
  const entry = page.locator('#chronology li.happening', { hasText: '2023-05-17' });
  assert.strictEqual(await entry.locator('ul.sources').isHidden(), true);
  await entry.locator('button.toggle').click();
  await entry.locator('ul.sources').waitFor({ state: 'visible' });
  assert.strictEqual(await entry.locator('button.toggle').getAttribute('aria-expanded'), 'true');
  const sources = await entry.locator('ul.sources li').evaluateAll((ls) => ls.map((l) => ({
    mark: l.querySelector('blockquote mark').textContent,
    quote: l.querySelector('blockquote').textContent,
    href: l.querySelector('a.doclink').getAttribute('href'),
  })));
  assert.strictEqual(sources.length, 2);
  assert.deepStrictEqual(sources.map((x) => x.href.split('?')[0]),
    ['#/doc/s09_xian_summit_2023', '#/doc/s04_visa_free']);
  assert.ok(sources.every((x) => x.quote.includes(x.mark)));
  await page.screenshot({ path: path.join(BUILD, 'page-events.png'), fullPage: true });

  /* the source's document, with the report's event highlighted */
  await entry.locator('a.doclink').first().click();
  await page.waitForSelector('.doc-text .k-event.focus');
  assert.strictEqual(await page.textContent('.doc-text .k-event.focus'), sources[0].mark);
  const api = await (await page.request.get(base + '/api/docs/s09_xian_summit_2023')).json();
  const evs = api.mentions.filter((m) => m.kind === 'event');
  assert.strictEqual((await page.$$('.doc-text .m.k-event')).length, evs.length);
  assert.strictEqual((await page.$$('.doc-text .m')).length, api.mentions.length, 'nested mentions drawn too');
  assert.match(await page.getAttribute('.doc-text .k-event.focus', 'title'), /event: agreement \(CAMEO 057\)/);
  /* an event holding an entity ("signed in Xi'an"): both drawn, one inside the other */
  await page.goto(base + '/#/doc/s04_visa_free?at=' + (await (await page.request.get(base + '/api/events?type=agreement&from=2023')).json())[0].sources[1].start);
  await page.waitForSelector('.doc-text .k-event.focus');
  const api2 = await (await page.request.get(base + '/api/docs/s04_visa_free')).json();
  assert.strictEqual((await page.$$('.doc-text .m')).length, api2.mentions.length);
  assert.ok(await page.$('.doc-text .k-event.focus .k-entity'), 'the entity inside the event');
  assert.deepStrictEqual(pageErrors, []);
});

test('a document view highlights every mention by kind, with attribution on hover', async () => {
  await page.goto(base + '/#/doc/s01_trade_2023');
  await page.waitForSelector('.doc-text .m');
  const ms = await page.$$eval('.doc-text .m', (s) => s.map((e) => ({
    kind: e.dataset.kind, cls: e.className, title: e.title, text: e.textContent,
  })));
  const api = await (await page.request.get(base + '/api/docs/s01_trade_2023')).json();
  assert.strictEqual(ms.length, api.mentions.length, 'one highlight per mention');
  assert.ok(ms.every((m, i) => m.cls.includes('k-' + m.kind)));
  const money = ms.find((m) => m.kind === 'money' && /metric: trade_turnover/.test(m.title));
  assert.ok(money && /period: 2023/.test(money.title) && /subjects: KZ, CN/.test(money.title));
  const texts = api.mentions.map((m) => m.text);
  assert.deepStrictEqual(ms.map((m) => m.text), texts);
  await page.screenshot({ path: path.join(BUILD, 'page.png'), fullPage: true });
  assert.deepStrictEqual(pageErrors, []);
});

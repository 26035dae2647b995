/*
 * app.js - the dostyk page: a small hash router over six views (search,
 * indicator timeline, conflicts, chronology of events, claim check,
 * document) that read the JSON API of `dostyk serve`.  No framework; uPlot draws the chart.
 * Everything from the record is put in the page as text (textContent),
 * never as HTML.
 */
'use strict';

const $ = (sel) => document.querySelector(sel);

/* el('a', {href: '#'}, 'text', child...) */
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) {
    if (k === null || k === undefined || k === false) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

function showError(err) {
  const p = $('#error');
  p.textContent = err ? String(err.message || err) : '';
  p.hidden = !err;
}

const docLink = (doc, label) =>
  el('a', { href: '#/doc/' + encodeURIComponent(doc), class: 'doclink' }, label || doc);

/* ------------------------------------------------------------- values */
const SCALES = [[1e12, ' trillion'], [1e9, ' billion'], [1e6, ' million']];
const QUAL = { approx: '~', over: '>', under: '<', at_least: '≥', at_most: '≤' };

function fmtNum(v) {
  if (v === null || v === undefined) return '—';
  for (const [s, w] of SCALES)
    if (Math.abs(v) >= s) return +(v / s).toFixed(2) + w;
  return (+v.toFixed(2)).toLocaleString('en');
}

function fmtValue(v, unit, qual) {
  if (v === null || v === undefined) return '—';
  const q = QUAL[qual] || '';
  if (unit === 'USD') return q + '$' + fmtNum(v);
  if (unit === '%') return q + fmtNum(v) + '%';
  return q + fmtNum(v) + (unit ? ' ' + unit : '');
}

/* ------------------------------------------------------------ periods */
/* A period ("2023", "2023-05", "2023-05-17", "A/B") as [start, end) in
 * seconds since the epoch, UTC. */
function periodRange(p) {
  const parts = String(p).split('/');
  const one = (s, end) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
    if (!m) return null;
    const y = +m[1], mo = m[2] ? +m[2] - 1 : null, d = m[3] ? +m[3] : null;
    if (!end) return Date.UTC(y, mo || 0, d || 1) / 1000;
    if (d !== null) return Date.UTC(y, mo, d + 1) / 1000;
    if (mo !== null) return Date.UTC(y, mo + 1, 1) / 1000;
    return Date.UTC(y + 1, 0, 1) / 1000;
  };
  const a = one(parts[0], false), b = one(parts[parts.length - 1], true);
  return a === null || b === null ? null : [a, b];
}

/* ------------------------------------------------------------- router */
const views = ['search', 'indicator', 'conflicts', 'events', 'check', 'doc'];

function route() {
  const h = location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = h.split('?')[0].split('/');
  const params = new URLSearchParams(h.includes('?') ? h.slice(h.indexOf('?') + 1) : '');
  const view = views.includes(name) ? name : 'search';
  for (const v of views) $('#view-' + v).hidden = v !== view;
  document.querySelectorAll('nav a').forEach((a) =>
    a.classList.toggle('active', a.dataset.view === view));
  showError(null);
  const run = {
    search: () => doSearch(params),
    indicator: () => showIndicator(params),
    conflicts: () => showConflicts(),
    events: () => showEvents(params),
    check: () => doCheck(params),
    doc: () => showDoc(decodeURIComponent(rest.join('/')), params.get('at')),
  }[view];
  Promise.resolve(run()).catch(showError);
}

function go(view, params) {
  const q = params ? new URLSearchParams(params).toString() : '';
  const h = '#/' + view + (q ? '?' + q : '');
  if (location.hash === h) route(); else location.hash = h;
}

/* ------------------------------------------------------------- search */
/* "a [match] b" -> text nodes and <mark>s */
function snippet(s) {
  const out = document.createDocumentFragment();
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s))) {
    out.append(s.slice(last, m.index), el('mark', {}, m[1]));
    last = re.lastIndex;
  }
  out.append(s.slice(last));
  return out;
}

async function doSearch(params) {
  const q = params.get('q') || '';
  for (const k of ['q', 'from', 'to', 'source']) $('#' + k).value = params.get(k) || '';
  const list = $('#results');
  list.replaceChildren();
  if (!q) { $('#search-status').textContent = 'Type words or figures to search every sentence of the record.'; return; }
  const sp = new URLSearchParams({ q, limit: '50' });
  for (const k of ['from', 'to', 'source']) if (params.get(k)) sp.set(k, params.get(k));
  $('#search-status').textContent = 'Searching…';
  const hits = await api('/api/search?' + sp);
  $('#search-status').textContent = hits.length ? `${hits.length} sentence${hits.length > 1 ? 's' : ''}` : 'Nothing found.';
  for (const h of hits) {
    list.append(el('li', { class: 'hit' },
      el('div', { class: 'title' }, docLink(h.doc, h.title || h.doc)),
      el('div', { class: 'snippet' }, snippet(h.snippet || h.sentence)),
      el('div', { class: 'meta' }, [h.source, h.date].filter(Boolean).join(' · '))));
  }
}

$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const p = {};
  for (const k of ['q', 'from', 'to', 'source']) if ($('#' + k).value.trim()) p[k] = $('#' + k).value.trim();
  go('search', p);
});

/* ---------------------------------------------------------- indicator */
let chart = null;

async function showIndicator(params) {
  const stats = await statsOnce();
  const sel = $('#metric');
  if (!sel.options.length)
    for (const [m, n] of Object.entries(stats.metrics || {}))
      sel.append(el('option', { value: m }, `${m} (${n})`));
  const metric = params.get('metric') || sel.value;
  if (!metric) { $('#point').hidden = true; return; }
  sel.value = metric;
  const all = await api('/api/timeline?' + new URLSearchParams({ metric }));
  const subs = [...new Set(all.map((g) => g.subjects.join(',')))];
  const ssel = $('#subjects');
  ssel.replaceChildren(el('option', { value: '' }, 'all'),
    ...subs.map((s) => el('option', { value: s }, s.replaceAll(',', ' – '))));
  let subjects = params.get('subjects') || '';
  if (subjects && !subs.includes(subjects)) subjects = '';
  if (!subjects && subs.length === 1) subjects = subs[0];
  ssel.value = subjects;
  const groups = subjects ? all.filter((g) => g.subjects.join(',') === subjects) : all;
  drawTimeline(metric, groups);
}

$('#metric').addEventListener('change', () => go('indicator', { metric: $('#metric').value }));
$('#subjects').addEventListener('change', () => {
  const p = { metric: $('#metric').value };
  if ($('#subjects').value) p.subjects = $('#subjects').value;
  go('indicator', p);
});

function showPoint(v, g) {
  const card = $('#point');
  card.hidden = false;
  card.replaceChildren(
    el('div', {},
      el('b', {}, fmtValue(v.value, v.unit, v.qualifier)), ' for ', el('b', {}, v.period),
      ' · ', g.subjects.join(' – '), ' ', el('span', { class: 'badge ' + g.class }, g.class),
      v.implied ? el('span', { class: 'muted' }, ' (implied: ' + v.text + ')') : null),
    el('blockquote', { class: 'sentence' }, '“' + v.sentence + '”'),
    el('div', { class: 'meta muted' }, docLink(v.doc), v.date ? ' · ' + v.date : ''));
}

/* One x per value (values of a period spread a little), a consensus line,
 * plain and conflicting values as separate point series. */
function drawTimeline(metric, groups) {
  const pts = [];
  groups = groups.slice().sort((a, b) => (periodRange(a.period) || [0])[0] - (periodRange(b.period) || [0])[0]);
  for (const g of groups) {
    const r = periodRange(g.period);
    if (!r) continue;
    const mid = (r[0] + r[1]) / 2, n = g.values.length;
    const step = Math.min((r[1] - r[0]) / (n + 1), 86400 * 20);
    g.values.forEach((v, k) => pts.push({ x: mid + (k - (n - 1) / 2) * step, v, g, first: k === 0 }));
  }
  pts.sort((a, b) => a.x - b.x);
  const xs = pts.map((p) => p.x);
  const cons = pts.map((p) => (p.first && p.g.consensus !== null ? p.g.consensus : null));
  const ok = pts.map((p) => (p.g.class === 'conflict' ? null : p.v.value));
  const bad = pts.map((p) => (p.g.class === 'conflict' ? p.v.value : null));
  const unit = (pts[0] && pts[0].v.unit) || '';
  const bands = groups.filter((g) => g.class === 'conflict').map((g) => periodRange(g.period)).filter(Boolean);

  const wrap = $('#chart');
  if (chart) { chart.destroy(); chart = null; }
  wrap.replaceChildren();
  window.dkPoints = pts;
  if (!pts.length) { wrap.append(el('p', { class: 'muted' }, 'No figures for this metric.')); }
  else {
    const noLine = () => null;
    const opts = {
      width: Math.max(300, wrap.clientWidth || 900), height: 320,
      scales: { x: { time: true, range: (u, lo, hi) => [lo - 86400 * 120, hi + 86400 * 120] }, y: { range: (u, lo, hi) => [Math.min(0, lo), hi * 1.1 || 1] } },
      axes: [{}, { size: 80, values: (u, ticks) => ticks.map((t) => fmtValue(t, unit)) }],
      cursor: { points: { size: 10 }, drag: { x: false, y: false } },
      legend: { show: true },
      series: [
        { label: 'period' },
        { label: 'consensus', stroke: '#0f5fa8', width: 2, spanGaps: true,
          points: { show: false }, value: (u, v) => fmtValue(v, unit) },
        { label: 'figure', stroke: '#0f5fa8', fill: '#0f5fa8', paths: noLine,
          points: { show: true, size: 9, fill: '#fff', width: 2 }, value: (u, v) => fmtValue(v, unit) },
        { label: 'in conflict', stroke: '#c0392b', paths: noLine,
          points: { show: true, size: 11, fill: '#c0392b' }, value: (u, v) => fmtValue(v, unit) },
      ],
      hooks: {
        drawClear: [(u) => {
          const c = u.ctx;
          c.save();
          c.fillStyle = 'rgba(192,57,43,0.10)';
          for (const [a, b] of bands) {
            const x0 = u.valToPos(a, 'x', true), x1 = u.valToPos(b, 'x', true);
            c.fillRect(x0, u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
          }
          c.restore();
        }],
      },
    };
    chart = new uPlot(opts, [xs, cons, ok, bad], wrap);
    window.dkChart = chart;
    /* a click picks the nearest drawn point, within 24 pixels */
    chart.over.addEventListener('click', (e) => {
      const r = chart.over.getBoundingClientRect();
      const cx = e.clientX - r.left, cy = e.clientY - r.top;
      let best = null, bd = 24 * 24;
      for (const p of pts) {
        const dx = chart.valToPos(p.x, 'x') - cx, dy = chart.valToPos(p.v.value, 'y') - cy;
        if (dx * dx + dy * dy <= bd) { bd = dx * dx + dy * dy; best = p; }
      }
      if (best) showPoint(best.v, best.g);
    });
  }
  const tb = $('#timeline tbody');
  tb.replaceChildren();
  for (const g of groups) {
    tb.append(el('tr', { class: g.class },
      el('td', {}, g.period), el('td', {}, g.subjects.join(' – ')),
      el('td', {}, fmtValue(g.consensus, g.values[0] && g.values[0].unit)),
      el('td', {}, el('span', { class: 'badge ' + g.class }, g.class)),
      el('td', {}, el('ul', { class: 'vals' }, ...g.values.map((v) =>
        el('li', { title: v.sentence, onclick: () => showPoint(v, g) },
          fmtValue(v.value, v.unit, v.qualifier), v.implied ? ' (implied)' : '', ' — ', v.doc))))));
  }
  $('#point').hidden = true;
}

/* ---------------------------------------------------------- conflicts */
async function showConflicts() {
  const box = $('#conflicts');
  box.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  const cs = await api('/api/conflicts');
  box.replaceChildren();
  if (!cs.length) box.append(el('p', { class: 'muted' }, 'No disagreements in the record.'));
  for (const c of cs) {
    const p = { metric: c.metric, subjects: c.subjects.join(',') };
    box.append(el('div', { class: 'group' },
      el('div', {}, el('span', { class: 'badge ' + c.class }, c.class), ' ',
        el('a', { href: '#/indicator?' + new URLSearchParams(p) }, el('b', {}, c.metric)),
        ' · ', c.subjects.join(' – '), ' · ', c.period),
      el('ul', { class: 'vals' }, ...c.values.map((v) =>
        el('li', {}, el('b', {}, fmtValue(v.value, v.unit, v.qualifier)),
          v.implied ? el('span', { class: 'muted' }, ' (' + v.text + ')') : '', ' — “', v.sentence, '” ',
          docLink(v.doc), v.date ? ' (' + v.date + ')' : '')))));
  }
}

/* --------------------------------------------------------- chronology */
let allEvents = null;   /* every happening, for the filters' choices */

/* When: its date, else when the first source reported it. */
function eventWhen(e) {
  if (e.date) return e.date;
  const d = e.sources.length && e.sources[0].date;
  return d ? 'reported ' + d : 'undated';
}

/* A source sentence with the report's trigger marked. */
function sourceSentence(s) {
  const q = el('blockquote', { class: 'sentence' });
  const at = s.text ? s.sentence.indexOf(s.text) : -1;
  if (at < 0) q.append('“' + s.sentence + '”');
  else q.append('“' + s.sentence.slice(0, at), el('mark', {}, s.text), s.sentence.slice(at + s.text.length) + '”');
  return q;
}

function happening(e) {
  const n = e.sources.length;
  const list = el('ul', { class: 'sources', hidden: true }, ...e.sources.map((s) =>
    el('li', {}, sourceSentence(s),
      el('div', { class: 'meta muted' },
        el('a', { href: '#/doc/' + encodeURIComponent(s.doc) + '?at=' + s.start, class: 'doclink' }, s.doc),
        s.date ? ' · ' + s.date : ''))));
  const toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false' },
    `${n} source${n > 1 ? 's' : ''}`);
  toggle.addEventListener('click', () => {
    list.hidden = !list.hidden;
    toggle.setAttribute('aria-expanded', String(!list.hidden));
  });
  const what = [];
  if (e.count !== undefined) what.push(fmtNum(e.count) + ' documents');
  if (e.value !== undefined) what.push(fmtValue(e.value, e.unit));
  return el('li', { class: 'happening ev-' + e.event, 'data-event': e.event },
    el('div', { class: 'head' },
      el('span', { class: 'when' }, eventWhen(e)),
      el('span', { class: 'badge ev', title: 'CAMEO ' + (e.cameo || '—') }, e.event),
      el('span', { class: 'actors' }, (e.actors || []).join(', ') || '—'),
      e.place ? el('span', { class: 'place muted' }, '@ ' + e.place) : null,
      what.length ? el('span', { class: 'muted' }, what.join(' · ')) : null,
      toggle),
    list);
}

async function showEvents(params) {
  if (!allEvents) allEvents = await api('/api/events?limit=10000');
  const actor = params.get('actor') || '', type = params.get('type') || '';
  const asel = $('#ev-actor'), tsel = $('#ev-type');
  if (asel.options.length === 1) {
    const actors = [...new Set(allEvents.flatMap((e) => e.actors || []))].sort();
    asel.append(...actors.map((a) => el('option', { value: a }, a)));
    const types = [...new Set(allEvents.map((e) => e.event))].sort();
    tsel.append(...types.map((t) => el('option', { value: t }, t)));
  }
  asel.value = actor;
  tsel.value = type;
  const sp = new URLSearchParams({ limit: '10000' });
  if (actor) sp.set('actor', actor);
  if (type) sp.set('type', type);
  const evs = actor || type ? await api('/api/events?' + sp) : allEvents;
  const box = $('#chronology');
  box.replaceChildren(...evs.map(happening));
  const reports = evs.reduce((k, e) => k + e.sources.length, 0);
  $('#events-status').textContent = evs.length
    ? `${evs.length} happening${evs.length > 1 ? 's' : ''} from ${reports} report${reports > 1 ? 's' : ''}; open an entry for its sentences.`
    : 'No events' + (actor || type ? ' match.' : ' in the record.');
}

for (const id of ['#ev-actor', '#ev-type'])
  $(id).addEventListener('change', () => {
    const p = {};
    if ($('#ev-actor').value) p.actor = $('#ev-actor').value;
    if ($('#ev-type').value) p.type = $('#ev-type').value;
    go('events', p);
  });

/* -------------------------------------------------------------- check */
async function doCheck(params) {
  const claim = params.get('claim') || '';
  $('#claim').value = claim;
  const out = $('#verdict');
  out.replaceChildren();
  if (!claim) return;
  const r = await api('/api/check?' + new URLSearchParams({ claim }));
  const c = r.claim || {};
  out.append(el('div', { class: 'card verdict' },
    el('h3', {}, el('span', { class: 'badge ' + r.verdict, id: 'verdict-word' }, r.verdict.replaceAll('_', ' ')),
      c.metric ? el('span', { class: 'muted' }, `${c.metric} · ${(c.subjects || []).join(' – ')} · ${c.period || ''}`) : null),
    el('p', {}, r.explanation),
    c.figure ? el('p', { class: 'muted' }, 'Figure read from the claim: ', el('b', {}, c.figure),
      ' = ', fmtValue(c.value, c.unit, c.qualifier)) : null,
    (r.evidence || []).length ? el('h4', {}, 'Evidence') : null,
    el('ul', { class: 'evidence' }, ...(r.evidence || []).map((v) =>
      el('li', {},
        el('span', { class: v.agrees ? 'agrees' : 'disagrees' }, v.agrees ? '✔ agrees' : '✘ disagrees'), ' ',
        el('b', {}, fmtValue(v.value, v.unit, v.qualifier)), ' for ', v.period, ' — “', v.sentence, '” ',
        docLink(v.doc), v.date ? ' (' + v.date + ')' : '')))));
}

$('#check-form').addEventListener('submit', (e) => {
  e.preventDefault();
  go('check', { claim: $('#claim').value.trim() });
});

/* --------------------------------------------------------------- doc */
const KINDS = ['money', 'percent', 'number', 'quantity', 'duration', 'ordinal', 'date', 'entity', 'event'];

function mentionTitle(m) {
  const t = [m.kind + (m.type ? ' (' + m.type + ')' : '')];
  if (m.value !== undefined) t.push('value: ' + fmtValue(m.value, m.unit, m.qualifier));
  if (m.date) t.push('date: ' + m.date);
  if (m.id) t.push('id: ' + m.id);
  if (m.metric) t.push('metric: ' + m.metric);
  if (m.period) t.push('period: ' + m.period);
  if (m.subjects) t.push('subjects: ' + m.subjects.join(', '));
  if (m.change) t.push('change: ' + m.change.value + (m.change.unit || ''));
  if (m.event) t.push('event: ' + m.event + (m.cameo ? ' (CAMEO ' + m.cameo + ')' : ''));
  if (m.actors) t.push('actors: ' + m.actors.join(', '));
  if (m.place) t.push('place: ' + m.place);
  if (m.count !== undefined) t.push('count: ' + m.count);
  return t.join('\n');
}

/* The bytes [from, to) with the mentions among ms[i..] that lie inside,
 * nested ones (entities inside an event) inside their outer mention. */
function renderSpan(bytes, ms, i, from, to, out) {
  const dec = new TextDecoder();
  let at = from;
  while (i < ms.length && ms[i].start < to) {
    const m = ms[i];
    if (m.start < at || m.end > to || m.end <= m.start) { i++; continue; } /* overlapping or bad */
    out.append(dec.decode(bytes.subarray(at, m.start)));
    const kind = KINDS.includes(m.kind) ? m.kind : 'other';
    const span = el('span', { class: `m k-${kind}${m.metric ? ' attr' : ''}`, 'data-kind': m.kind,
      'data-start': m.start, title: mentionTitle(m) });
    i = renderSpan(bytes, ms, i + 1, m.start, m.end, span);
    out.append(span);
    at = m.end;
  }
  out.append(dec.decode(bytes.subarray(at, to)));
  return i;
}

async function showDoc(id, at) {
  const box = $('#doc');
  box.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  const d = await api('/api/docs/' + encodeURIComponent(id));
  /* mention offsets are in bytes of the UTF-8 text */
  const bytes = new TextEncoder().encode(d.text || '');
  const text = el('div', { class: 'doc-text' });
  const ms = (d.mentions || []).slice().sort((a, b) => a.start - b.start || b.end - a.end);
  renderSpan(bytes, ms, 0, 0, bytes.length, text);
  const counts = {};
  for (const m of ms) counts[m.kind] = (counts[m.kind] || 0) + 1;
  box.replaceChildren(
    el('div', { class: 'doc-head' },
      el('h2', {}, d.title || d.doc),
      el('div', { class: 'muted' }, [d.source, d.author, d.date].filter(Boolean).join(' · '), ' ',
        /^https?:\/\//i.test(d.url || '') ? el('a', { href: d.url, rel: 'noopener noreferrer nofollow' }, 'original') : null)),
    el('div', { class: 'keys' }, ...Object.keys(counts).map((k) =>
      el('span', { class: 'k-' + (KINDS.includes(k) ? k : 'other') }, `${k} ${counts[k]}`)),
      el('span', { class: 'hint' }, 'bold outlined = figure attributed to a metric; double underline = event; hover for details')),
    text);
  /* from the chronology: bring the report's event into view */
  const target = at !== null && at !== undefined ? text.querySelector(`.k-event[data-start="${+at}"]`) : null;
  if (target) {
    target.classList.add('focus');
    target.scrollIntoView({ block: 'center' });
  }
}

/* -------------------------------------------------------------- start */
let statsPromise = null;
function statsOnce() {
  if (!statsPromise) statsPromise = api('/api/stats').catch((e) => { statsPromise = null; throw e; });
  return statsPromise;
}

statsOnce().then((s) => {
  $('#stats').textContent = `${s.documents} documents · ${s.mentions} mentions`;
  for (const src of Object.keys(s.sources || {}).filter((x) => x !== '-'))
    $('#source').append(el('option', { value: src }, src));
}).catch(showError);

window.addEventListener('hashchange', route);
route();

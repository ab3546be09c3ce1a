// PressLens web UI. Every piece of article text reaches the page as a DOM text node or an
// attribute set through the DOM, never as HTML: the page runs no script it did not bring.
'use strict';

const $ = (id) => document.getElementById(id);
let techniques = {}; // name -> {title, definition, index}, from /api/techniques

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    }
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function status(message) { $('status').textContent = message; }

function showTab(name) {
  for (const tab of ['analyze', 'corpus', 'dashboard']) {
    $(tab).hidden = tab !== name;
    $('tab-' + tab).setAttribute('aria-selected', String(tab === name));
  }
  $('speaker').hidden = true;
  if (name === 'dashboard') dashboard();
}

// ---- charts: SVG drawn with DOM calls, labels as text nodes ----

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Horizontal bars: one row per [label, value]; the value written at the bar's end. */
function barChart(title, entries, format) {
  const fmt = format || String;
  const rowHeight = 22;
  const labelWidth = 150;
  const width = 460;
  const max = Math.max(1, ...entries.map((e) => e[1]));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, entries.length) * rowHeight + 4}`, role: 'img',
    'aria-label': title + ': ' + entries.map(([l, v]) => `${l} ${fmt(v)}`).join(', ') });
  entries.forEach(([label, value], i) => {
    const y = i * rowHeight + 2;
    const w = Math.max(1, (width - labelWidth - 60) * value / max);
    chart.append(svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, label.length > 24 ? label.slice(0, 23) + '…' : label));
    const bar = svg('rect', { class: 'bar', x: labelWidth, y, width: w, height: rowHeight - 6 });
    bar.append(svg('title', {}, `${label}: ${fmt(value)}`));
    chart.append(bar, svg('text', { x: labelWidth + w + 4, y: y + 15 }, fmt(value)));
  });
  return el('figure', { class: 'chart' }, el('h3', {}, title), entries.length ? chart : el('p', { class: 'count' }, 'Nothing yet.'));
}

/** Vertical bars over time: one column per [period, value], periods in order. */
function timeChart(title, entries) {
  const width = 460;
  const height = 160;
  const max = Math.max(1, ...entries.map((e) => e[1]));
  const step = (width - 40) / Math.max(1, entries.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 30}`, role: 'img',
    'aria-label': title + ': ' + entries.map(([p, v]) => `${p} ${v}`).join(', ') });
  chart.append(svg('line', { class: 'axis', x1: 30, y1: height, x2: width, y2: height }));
  chart.append(svg('text', { x: 26, y: 12, 'text-anchor': 'end' }, String(max)), svg('text', { x: 26, y: height, 'text-anchor': 'end' }, '0'));
  entries.forEach(([period, value], i) => {
    const h = Math.max(1, (height - 10) * value / max);
    const bar = svg('rect', { class: 'bar', x: 32 + i * step, y: height - h, width: Math.max(1, step - 2), height: h });
    bar.append(svg('title', {}, `${period}: ${value}`));
    chart.append(bar);
  });
  if (entries.length) {
    chart.append(svg('text', { x: 32, y: height + 16 }, entries[0][0]),
      svg('text', { x: width, y: height + 16, 'text-anchor': 'end' }, entries[entries.length - 1][0]));
  }
  return el('figure', { class: 'chart' }, el('h3', {}, title), entries.length ? chart : el('p', { class: 'count' }, 'Nothing dated yet.'));
}

async function dashboard() {
  try {
    const stats = await api('/api/stats?top=10');
    const sources = Object.entries(stats.sources).filter(([, p]) => p.techniqueShare !== null && p.techniqueShare !== undefined)
      .map(([name, p]) => [name, p.techniqueShare]).sort((a, b) => b[1] - a[1]).slice(0, 10);
    $('charts').replaceChildren(
      timeChart(`Articles by month (${stats.articles} in all, ${stats.undated} undated)`, Object.entries(stats.periods)),
      barChart('Top speakers (articles quoting)', Object.entries(stats.tops.speakers || {})),
      barChart('Techniques (spans)', Object.entries(stats.tops.techniques || {}).map(([k, v]) => [techniques[k] ? techniques[k].title : k, v])),
      barChart('Technique share by source', sources, (v) => (100 * v).toFixed(1) + '%'),
      barChart('Top sources (articles)', Object.entries(stats.tops.sources || {})),
      barChart('Top organisations', Object.entries(stats.tops.organisations || {})));
  } catch (e) {
    $('charts').replaceChildren(el('p', {}, 'Error: ' + e.message));
  }
}

// ---- a speaker: all their quotes over time ----

async function speakerPage(name) {
  for (const tab of ['analyze', 'corpus', 'dashboard']) { $(tab).hidden = true; $('tab-' + tab).setAttribute('aria-selected', 'false'); }
  $('result').hidden = true;
  $('speaker').hidden = false;
  $('speaker-name').textContent = name;
  try {
    const result = await api('/api/quotes?limit=200&speaker=' + encodeURIComponent(name));
    const byMonth = new Map();
    for (const q of result.quotes) {
      const month = q.published ? q.published.slice(0, 7) : null;
      if (month) byMonth.set(month, (byMonth.get(month) || 0) + 1);
    }
    $('speaker-timeline').replaceChildren(timeChart(`Quotes by month (${result.quotes.length})`, [...byMonth].sort()));
    const sorted = [...result.quotes].sort((a, b) => String(b.published).localeCompare(String(a.published)));
    $('speaker-quotes').replaceChildren(...sorted.map((q) => el('li', {},
      el('span', { class: 'count' }, [q.published, q.source, q.kind + ' · ' + q.cue].filter(Boolean).join(' · ') + ' '),
      el('span', { class: 'snippet' }, '“' + q.text + '”'),
      el('button', { type: 'button', class: 'linkish', 'data-id': q.article }, q.title || 'the article'))));
  } catch (e) {
    $('speaker-quotes').replaceChildren(el('li', {}, 'Error: ' + e.message));
  }
}

// ---- rendering one analysed article (the contract JSON) ----

function voicesOf(doc) {
  const names = Object.fromEntries(doc.entities.map((e) => [e.id, e.name]));
  const voices = new Map();
  for (const q of doc.quotes) {
    const s = q.speaker;
    const key = s && s.entity ? s.entity : s ? 'text:' + s.text.toLowerCase() : '(unattributed)';
    const name = s && s.entity ? names[s.entity] : s ? s.text : '(unattributed)';
    if (!voices.has(key)) voices.set(key, { name, quotes: [], words: 0 });
    const v = voices.get(key);
    v.quotes.push(q);
    for (const c of q.content) v.words += (slice(doc, c).match(/[\p{L}\p{N}]+/gu) || []).length;
  }
  return [...voices.values()].sort((a, b) => b.words - a.words);
}

let codePoints = [];
function slice(doc, span) { return codePoints.slice(span.start, span.end).join(''); }

function renderArticle(doc) {
  codePoints = Array.from(doc.text);
  const voices = voicesOf(doc);
  const voiceOf = new Map();
  voices.forEach((v, i) => v.quotes.forEach((q) => voiceOf.set(q.id, i)));
  const speakerOf = (quoteId) => quoteId === null || quoteId === undefined ? 'the article'
    : voices[voiceOf.get(quoteId)] ? voices[voiceOf.get(quoteId)].name : '(unattributed)';

  // Layers over the text, quotes outermost; the text is cut at every edge.
  const layers = [];
  for (const q of doc.quotes) {
    const v = voiceOf.get(q.id);
    for (const c of q.content) {
      layers.push({ span: c, rank: 0, tag: 'span', cls: 'q v' + (v % 8), title: `${voices[v].name} (${q.cue.text}) · ${q.kind}` });
    }
  }
  for (const t of doc.techniques || []) {
    const k = techniques[t.technique] || { title: t.technique, definition: '', index: 13 };
    layers.push({ span: t, rank: 1, tag: 'span', cls: 'tq tk' + k.index,
      title: `${k.title}: ${k.definition} (score ${t.score.toFixed(2)}; ${speakerOf(t.quote)})` });
  }
  for (const e of doc.entities) {
    for (const m of e.mentions) layers.push({ span: m, rank: 2, tag: 'mark', cls: 't-' + e.type, title: `${e.type}: ${e.name}` });
  }
  const badges = new Map();
  for (const c of doc.claims || []) {
    if (c.checkworthy && !badges.has(c.start)) {
      const check = (c.checkables || []).map((k) => k.text).join('; ');
      badges.set(c.start, el('span', { class: 'claim', title: `Check-worthy claim, score ${c.score.toFixed(2)}${check ? '. Check: ' + check : ''}` },
        '✓ ' + c.score.toFixed(2)));
    }
  }
  const cuts = new Set([0, codePoints.length, ...badges.keys()]);
  for (const l of layers) { cuts.add(Math.min(l.span.start, codePoints.length)); cuts.add(Math.min(l.span.end, codePoints.length)); }
  const points = [...cuts].sort((a, b) => a - b);

  const body = el('div', { class: 'body' });
  let p = el('p');
  body.append(p);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (badges.has(from)) p.append(badges.get(from));
    const active = layers.filter((l) => l.span.start <= from && l.span.end >= to)
      .sort((a, b) => a.rank - b.rank || a.span.start - b.span.start);
    const parts = codePoints.slice(from, to).join('').split(/\r?\n[ \t]*\r?\n\s*/);
    parts.forEach((part, k) => {
      if (k > 0) { p = el('p'); body.append(p); }
      if (part === '') return;
      let node = document.createTextNode(part);
      for (let a = active.length - 1; a >= 0; a--) node = el(active[a].tag, { class: active[a].cls, title: active[a].title }, node);
      p.append(node);
    });
  }

  const meta = [doc.source && (doc.source.name || doc.source.domain), doc.published,
    doc.authors && doc.authors.length ? 'by ' + doc.authors.join(', ') : null, doc.input].filter(Boolean).join(' · ');
  $('article').replaceChildren(el('h2', {}, doc.title || doc.input || 'Article'), el('p', { class: 'meta' }, meta), body);
  $('panels').replaceChildren(...panels(doc, voices, speakerOf));
  $('result').hidden = false;
}

function panels(doc, voices, speakerOf) {
  const out = [];
  const names = Object.fromEntries(doc.entities.map((e) => [e.id, e.name]));
  if (doc.provenance) {
    out.push(el('h3', {}, 'Provenance'), el('p', {}, doc.provenance.summary));
    if (doc.provenance.flags.length) {
      out.push(el('ul', { class: 'flags' }, ...doc.provenance.flags.map((f) => el('li', {}, el('b', {}, f.type), ' ' + f.evidence))));
    }
  }
  const words = (doc.text.match(/[\p{L}\p{N}]+/gu) || []).length || 1;
  const quoted = Math.min(100, Math.round(100 * voices.reduce((n, v) => n + v.words, 0) / words));
  const bar = el('span');
  bar.style.width = quoted + '%';
  out.push(el('h3', {}, 'Voices'), el('div', { class: 'share', role: 'img', 'aria-label': `${quoted}% quoted or reported speech` }, bar),
    el('p', { class: 'count' }, `${quoted}% of the words quoted or reported, ${100 - quoted}% the reporter's own`));
  out.push(voices.length ? el('ul', {}, ...voices.map((v, i) => el('li', {}, el('span', { class: 'q v' + (i % 8) }, v.name),
    el('span', { class: 'count' }, ` ${v.quotes.length} quote${v.quotes.length === 1 ? '' : 's'}, ${v.words} words`))))
    : el('p', { class: 'count' }, 'Nobody is quoted.'));

  const claims = (doc.claims || []).filter((c) => c.checkworthy).sort((a, b) => b.score - a.score);
  out.push(el('h3', {}, 'Claims to check'), claims.length ? el('ol', {}, ...claims.map((c) => el('li', {},
    el('span', { class: 'claim' }, c.score.toFixed(2)), ' ' + slice(doc, c), el('span', { class: 'alias' }, ' — ' + speakerOf(c.quote)))))
    : el('p', { class: 'count' }, 'None found.'));

  const counts = new Map();
  for (const t of doc.techniques || []) {
    const c = counts.get(t.technique) || { reporter: 0, quoted: 0 };
    if (t.quote) c.quoted++; else c.reporter++;
    counts.set(t.technique, c);
  }
  const share = Math.round(100 * (doc.technique_share || 0));
  out.push(el('h3', {}, 'Persuasion techniques'), el('p', { class: 'count' }, `${share}% of the words in technique spans`));
  out.push(counts.size ? el('ul', {}, ...[...counts].sort((a, b) => (b[1].reporter + b[1].quoted) - (a[1].reporter + a[1].quoted)).map(([name, c]) => {
    const k = techniques[name] || { title: name, definition: '', index: 13 };
    return el('li', {}, el('span', { class: 'tq tk' + k.index, title: k.definition }, k.title),
      el('span', { class: 'count' }, ` ${c.reporter} reporter · ${c.quoted} quotes`));
  })) : el('p', { class: 'count' }, 'None found.'));

  if (doc.stance) {
    out.push(el('h3', {}, 'Stance'), doc.stance.length ? el('ul', {}, ...doc.stance.map((s) => el('li', {
      class: s.polarity, title: s.evidence.map((e) => slice(doc, e)).join(' … ') },
    names[s.entity] + ': ', el('b', {}, s.polarity), ` ${s.score >= 0 ? '+' : ''}${s.score.toFixed(2)} `,
    el('span', { class: 'alias' }, 'by ' + (s.holder === 'reporter' ? 'the article' : speakerOf(s.holder))))))
      : el('p', { class: 'count' }, 'No person or organisation scored.'));
  }

  const byType = new Map();
  for (const e of doc.entities) { if (!byType.has(e.type)) byType.set(e.type, []); byType.get(e.type).push(e); }
  for (const [type, list] of byType) {
    out.push(el('h3', {}, type), el('ul', {}, ...list.map((e) => el('li', {}, el('mark', { class: 't-' + type }, e.name),
      el('span', { class: 'count' }, ' ×' + e.mentions.length)))));
  }
  return out;
}

// ---- actions ----

/** A page's address alone in the box: the server fetches that page (robots.txt, redirects and all). */
const ADDRESS = /^https?:\/\/\S+$/i;

async function analyze() {
  const file = $('input-file').files[0];
  let body;
  let type;
  let address = null;
  if (file) {
    body = await file.text();
    type = /\.html?$/i.test(file.name) ? 'text/html' : 'text/plain';
  } else {
    body = $('input-text').value;
    type = 'text/plain';
    if (ADDRESS.test(body.trim())) {
      address = body.trim();
      body = JSON.stringify({ fetch: address });
      type = 'application/json';
    }
  }
  if (!body.trim()) { status('Paste an article or a web address, or choose a file first.'); return; }
  status(address ? `Fetching ${address} and analysing…` : 'Analysing…');
  const started = performance.now();
  try {
    const doc = await api('/api/analyze', { method: 'POST', headers: { 'Content-Type': type + '; charset=utf-8' }, body });
    renderArticle(doc);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const hops = (doc.redirects || []).length;
    const fetched = !address ? '' : `Fetched ${address}${hops ? ` through ${hops} redirect${hops > 1 ? 's' : ''}` : ''}. `;
    status(`Done. ${fetched}Analysed and drawn in ${seconds} s.`);
  } catch (e) {
    status('Error: ' + e.message);
  }
}

/** The query field each facet narrows. */
const FACET_FIELDS = { sources: 'source', speakers: 'speaker', people: 'person', organisations: 'organization',
  places: 'location', techniques: 'technique' };

function phrase(value) { return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'; }

function narrow(clause) {
  $('query').value = ($('query').value.trim() + ' ' + clause).trim();
  search();
}

async function search() {
  let q = $('query').value.trim();
  const from = $('from').value;
  const to = $('to').value;
  if (from || to) q = (q ? `(${q}) AND ` : '') + `published:[${from || '*'} TO ${to || '*'}]`;
  if (!q) return;
  try {
    const result = await api('/api/search?facets=true&limit=50&q=' + encodeURIComponent(q));
    const hits = result.hits.map((h) => el('li', {}, el('button', { type: 'button', 'data-id': h.id }, h.title || h.id),
      el('span', { class: 'count' }, ' ' + [h.source, h.published, h.cluster ? (h.original === h.id ? 'original' : 'copy') : null].filter(Boolean).join(' · ')),
      el('span', { class: 'snippet' }, h.snippet || '')));
    $('hits').replaceChildren(...(hits.length ? hits : [el('li', {}, 'No article matches.')]));
    $('total').textContent = result.total === undefined ? '' : `${result.total} articles match; showing ${result.hits.length}.`;
    const facets = [];
    for (const [name, counts] of Object.entries(result.facets || {})) {
      const entries = Object.entries(counts);
      if (!entries.length) continue;
      const items = entries.map(([value, n]) => {
        const clause = name === 'months' ? `published:[${value}-01 TO ${value}-31]` : `${FACET_FIELDS[name]}:${phrase(value)}`;
        const label = name === 'techniques' && techniques[value] ? techniques[value].title : value;
        const li = el('li', {}, el('button', { type: 'button', 'data-clause': clause }, label), el('span', { class: 'count' }, ` ${n}`));
        if (name === 'speakers') li.append(' ', el('button', { type: 'button', class: 'linkish', 'data-speaker': value, 'aria-label': 'All quotes of ' + value }, 'quotes'));
        return li;
      });
      facets.push(el('h3', {}, name), el('ul', {}, ...items));
    }
    $('facets').replaceChildren(...facets);
  } catch (e) {
    $('hits').replaceChildren(el('li', {}, 'Error: ' + e.message));
  }
}

async function openArticle(id) {
  try {
    renderArticle(await api('/api/articles/' + encodeURIComponent(id)));
    const response = await fetch('/api/clusters/' + encodeURIComponent(id));
    if (response.ok) {
      const cluster = await response.json();
      const others = cluster.members.filter((m) => m.id !== id);
      $('panels').prepend(el('h3', {}, 'Copies of this text'), el('ul', {}, ...others.map((m) => el('li', {},
        el('button', { type: 'button', class: 'linkish', 'data-id': m.id }, m.title || m.id),
        el('span', { class: 'count' }, ' ' + [m.source, m.published, m.original ? 'the original' : null].filter(Boolean).join(' · '))))));
    }
  } catch (e) {
    $('hits').append(el('li', {}, 'Error: ' + e.message));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  $('tab-analyze').addEventListener('click', () => showTab('analyze'));
  $('tab-corpus').addEventListener('click', () => showTab('corpus'));
  $('tab-dashboard').addEventListener('click', () => showTab('dashboard'));
  $('facets').addEventListener('click', (e) => {
    const speaker = e.target.closest('button[data-speaker]');
    if (speaker) { speakerPage(speaker.dataset.speaker); return; }
    const b = e.target.closest('button[data-clause]');
    if (b) narrow(b.dataset.clause);
  });
  $('speaker-quotes').addEventListener('click', (e) => { const b = e.target.closest('button[data-id]'); if (b) openArticle(b.dataset.id); });
  $('panels').addEventListener('click', (e) => { const b = e.target.closest('button[data-id]'); if (b) openArticle(b.dataset.id); });
  $('analyze-button').addEventListener('click', analyze);
  $('search-button').addEventListener('click', search);
  $('query').addEventListener('keydown', (e) => { if (e.key === 'Enter') search(); });
  $('hits').addEventListener('click', (e) => { const b = e.target.closest('button[data-id]'); if (b) openArticle(b.dataset.id); });
  try {
    (await api('/api/techniques')).forEach((t, index) => { techniques[t.name] = { title: t.title, definition: t.definition, index }; });
  } catch (e) {
    status('Could not load technique names: ' + e.message);
  }
  document.body.dataset.ready = 'true';
});

// factlint report: draws the matrix and a claim's sentences from the embedded
// cross-check JSON (schema version 1), one page of documents at a time and a
// claim's sentences only when it is opened. The filters and the open claim live
// in the URL's fragment, so a link opens the same view. No inline handlers and
// no eval: a strict Content-Security-Policy holds.
'use strict';
(function () {
  const DOC_PAGE = 40;
  const ROW_PAGE = 100;
  const CHUNK = 100;

  const data = readJson('data');
  const links = readJson('links');
  const docs = data.documents;
  const claims = data.claims;
  const symbols = readSymbols();
  const statuses = Object.keys(symbols);
  const cellsOf = claims.map((c) => new Map(c.cells.map((cell) => [cell.document, cell])));
  const claimText = claims.map((c) => [c.id, c.statement || '', c.value || ''].join(' ').toLowerCase());
  const docText = docs.map((d) => (d.path + ' ' + (d.name || '')).toLowerCase());
  const claimAt = new Map(claims.map((c, i) => [c.id, i]));
  const el = {
    claim: document.getElementById('f-claim'),
    doc: document.getElementById('f-doc'),
    boxes: Array.from(document.querySelectorAll('input[name="status"]')),
    clear: document.getElementById('f-clear'),
    shown: document.getElementById('shown'),
    pager: document.getElementById('pager'),
    head: document.querySelector('#matrix thead'),
    body: document.querySelector('#matrix tbody'),
    section: document.getElementById('claim'),
  };
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let state = fromHash();
  let drawn = '';
  let opened = '';

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function readSymbols() {
    const out = Object.create(null);
    document.querySelectorAll('input[name="status"]').forEach((box) => {
      out[box.value] = box.dataset.symbol;
    });
    return out;
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  }

  // --- state and the URL's fragment ---

  function emptyState() {
    return { claim: '', doc: '', status: [], page: 1, rows: 1, open: '', at: -1 };
  }

  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const st = emptyState();
    st.claim = params.get('claim') || '';
    st.doc = params.get('doc') || '';
    st.status = params.getAll('status').join(',').split(',').filter((s) => s in symbols);
    st.page = positive(params.get('page'));
    st.rows = positive(params.get('rows'));
    st.open = params.get('open') || '';
    st.at = params.has('at') ? Number(params.get('at')) : -1;
    return st;
  }

  function positive(text) {
    const n = parseInt(text, 10);
    return n > 0 ? n : 1;
  }

  function toHash(st) {
    const parts = [];
    const put = (key, value) => parts.push(key + '=' + encodeURIComponent(value));
    if (st.claim) put('claim', st.claim);
    if (st.doc) put('doc', st.doc);
    if (st.status.length) parts.push('status=' + st.status.map(encodeURIComponent).join(','));
    if (st.page > 1) put('page', st.page);
    if (st.rows > 1) put('rows', st.rows);
    if (st.open) put('open', st.open);
    if (st.open && st.at >= 0) put('at', st.at);
    return '#' + parts.join('&');
  }

  // A filter replaces the fragment in place; opening or closing a claim is a
  // step in the history, drawn when the fragment changes.
  function update(changes, step) {
    const next = Object.assign({}, state, changes);
    if (step) {
      location.hash = toHash(next);
      return;
    }
    state = next;
    history.replaceState(null, '', toHash(state));
    draw();
  }

  function syncControls() {
    el.claim.value = state.claim;
    el.doc.value = state.doc;
    el.boxes.forEach((box) => {
      box.checked = state.status.includes(box.value);
    });
  }

  // --- what the filters leave ---

  function view(st) {
    const q = st.doc.toLowerCase();
    const docOk = new Uint8Array(docs.length);
    const docList = [];
    docs.forEach((_, d) => {
      if (!q || docText[d].includes(q)) {
        docOk[d] = 1;
        docList.push(d);
      }
    });
    const wanted = new Set(st.status);
    const hit = new Uint8Array(docs.length);
    const rows = [];
    const cq = st.claim.toLowerCase();
    claims.forEach((c, i) => {
      if (cq && !claimText[i].includes(cq)) return;
      if (!wanted.size || rowHits(i, docOk, docList, wanted, hit)) rows.push(i);
    });
    const cols = wanted.size ? docList.filter((d) => hit[d]) : docList;
    return { rows: rows, cols: cols, docOk: docOk, docCount: docList.length };
  }

  // Whether a claim has a cell of a wanted status among the documents left,
  // marking the documents that have one.
  function rowHits(i, docOk, docList, wanted, hit) {
    let any = false;
    claims[i].cells.forEach((cell) => {
      if (docOk[cell.document] && wanted.has(cell.status)) {
        hit[cell.document] = 1;
        any = true;
      }
    });
    if (wanted.has('silent')) {
      docList.forEach((d) => {
        if (!cellsOf[i].has(d)) {
          hit[d] = 1;
          any = true;
        }
      });
    }
    return any;
  }

  // --- the matrix ---

  function draw() {
    syncControls();
    const key = JSON.stringify([state.claim, state.doc, state.status, state.page, state.rows]);
    if (key !== drawn) {
      drawn = key;
      drawMatrix(view(state));
    }
    drawSection();
  }

  function pageOf(list, page, size) {
    const pages = Math.max(1, Math.ceil(list.length / size));
    const p = Math.min(page, pages);
    return { items: list.slice((p - 1) * size, p * size), page: p, pages: pages, first: (p - 1) * size };
  }

  function drawMatrix(v) {
    const cols = pageOf(v.cols, state.page, DOC_PAGE);
    const rows = pageOf(v.rows, state.rows, ROW_PAGE);
    const wanted = new Set(state.status);
    el.head.innerHTML = '<tr><th scope="col">Claim</th><th scope="col">Counts</th>' +
      cols.items.map(colHead).join('') + '</tr>';
    el.body.innerHTML = rows.items.map((i) => rowHtml(i, cols.items, wanted, v)).join('') ||
      '<tr><td colspan="2" class="none">No claim matches the filters.</td></tr>';
    el.shown.textContent = 'Showing ' + v.rows.length + ' of ' + claims.length + ' claims and ' +
      v.cols.length + ' of ' + docs.length + ' documents.';
    el.pager.innerHTML = pagerHtml('page', 'Documents', cols, v.cols.length) +
      pagerHtml('rows', 'Claims', rows, v.rows.length);
  }

  function pagerHtml(key, label, p, total) {
    if (p.pages <= 1) return '';
    const last = Math.min(total, p.first + p.items.length);
    return '<span class="pages"><span class="range">' + label + ' ' + (p.first + 1) + '–' + last +
      ' of ' + total + '</span> <button type="button" data-key="' + key + '" data-to="' + (p.page - 1) + '"' +
      (p.page <= 1 ? ' disabled' : '') + '>Previous ' + label.toLowerCase() + '</button> ' +
      '<button type="button" data-key="' + key + '" data-to="' + (p.page + 1) + '"' +
      (p.page >= p.pages ? ' disabled' : '') + '>Next ' + label.toLowerCase() + '</button></span>';
  }

  function docLabel(d) {
    const doc = docs[d];
    if (doc.name) return doc.name;
    const base = doc.path.split('/').pop();
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(0, dot) : base;
  }

  function colHead(d) {
    const doc = docs[d];
    const extra = (doc.kind ? ', ' + doc.kind : '') + (doc.trust !== 1 ? ', trust ' + doc.trust : '');
    return '<th scope="col" class="doc" title="' + esc(doc.path + extra) + '"><span>' +
      esc(docLabel(d)) + '</span></th>';
  }

  function claimValue(c) {
    if (c.value) return c.value;
    if (c.consensus && c.consensus.value) return c.consensus.value + ' (' + c.consensus.status + ')';
    return 'open';
  }

  function rowHtml(i, cols, wanted, v) {
    const c = claims[i];
    const open = toHash(Object.assign({}, state, { open: c.id, at: -1 }));
    return '<tr><th scope="row"><a href="' + esc(open) + '"><code>' + esc(c.id) + '</code></a>' +
      '<span class="value">' + esc(claimValue(c)) + '</span></th>' +
      '<td class="counts">' + countsHtml(i, v) + '</td>' +
      cols.map((d) => cellHtml(i, d, wanted)).join('') + '</tr>';
  }

  function countsHtml(i, v) {
    const tally = {};
    let said = 0;
    claims[i].cells.forEach((cell) => {
      if (v.docOk[cell.document]) {
        tally[cell.status] = (tally[cell.status] || 0) + 1;
        said += 1;
      }
    });
    tally.silent = v.docCount - said;
    return statuses.filter((s) => tally[s]).map((s) =>
      '<span class="badge s-' + s + '" title="' + tally[s] + ' ' + s + '"><span aria-hidden="true">' +
      esc(symbols[s]) + '</span>' + tally[s] + '<span class="sr"> ' + s + '</span></span>').join(' ');
  }

  function cellHtml(i, d, wanted) {
    const cell = cellsOf[i].get(d);
    const s = cell ? cell.status : 'silent';
    if (wanted.size && !wanted.has(s)) return '<td class="off"></td>';
    if (!cell) {
      return '<td class="s-silent" title="silent"><span aria-hidden="true">' + esc(symbols.silent) +
        '</span><span class="sr">silent</span></td>';
    }
    const href = toHash(Object.assign({}, state, { open: claims[i].id, at: d }));
    const label = claims[i].id + ' in ' + docLabel(d) + ': ' + s;
    return '<td class="s-' + s + '"><a class="cell" href="' + esc(href) + '" title="' + esc(label) +
      '" aria-label="' + esc(label) + '">' + esc(symbols[s]) + '</a></td>';
  }

  // --- a claim's sentences ---

  // Draws the open claim's section when another claim or document is opened
  // (not when a filter changes, which would take the focus from it).
  function drawSection() {
    const key = state.open + ' ' + state.at;
    if (key === opened) return;
    opened = key;
    const i = claimAt.get(state.open);
    if (i === undefined) {
      el.section.hidden = true;
      el.section.innerHTML = '';
      return;
    }
    el.section.innerHTML = sectionHtml(i);
    el.section.hidden = false;
    const target = document.getElementById('ev-' + state.at) || document.getElementById('claim-title');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  function sectionHtml(i) {
    const c = claims[i];
    return '<div class="claim-head"><h2 id="claim-title" tabindex="-1"><code>' + esc(c.id) +
      '</code></h2><button type="button" class="close">Close</button></div>' +
      factsHtml(c) + '<p class="groups">' + groupsText(c) + '</p>' +
      '<p class="verdict"><strong>Verdict:</strong> ' + verdictText(c) + '</p>' +
      evidenceHtml(i);
  }

  function factsHtml(c) {
    const rows = [
      ['Statement', esc(c.statement || '—')],
      ['Value', c.value ? '<q>' + esc(c.value) + '</q>' : 'none (an open claim)'],
      ['Kind', esc(c.kind) + ', ' + esc(c.severity)],
      ['Source', esc(c.source || '—')],
      ['Declared', '<a class="where" href="' + esc(own(links.files, c.file) || '') + '">' +
        esc(c.file + ':' + c.line) + '</a>'],
    ];
    return '<dl class="facts">' + rows.map((r) => '<dt>' + r[0] + '</dt><dd>' + r[1] + '</dd>').join('') +
      '</dl>';
  }

  function groupsText(c) {
    if (!c.values.length) return 'No source gives a value.';
    return c.values.map((g, k) => {
      const n = g.documents.length;
      const who = k === 0 ? n + (n === 1 ? ' source says ' : ' sources say ') : n + (n === 1 ? ' says ' : ' say ');
      const weight = g.weight !== n ? ' (weight ' + g.weight + ')' : '';
      return who + '<q>' + esc(g.value) + '</q>' + (g.claimed ? ' (the claim’s value)' : '') + weight;
    }).join(', ') + '.';
  }

  function verdictText(c) {
    const v = c.consensus;
    if (!v) {
      return c.open ? 'none; the sources were not weighed (cross-check with <code>--consensus</code>).'
        : 'the claims file gives <q>' + esc(c.value) + '</q>; ' + c.counts.contradicts +
          ' of ' + docs.length + ' documents contradict it.';
    }
    const share = Math.round(v.share * 100) + '% of the weight';
    if (v.status === 'settled') return 'settled on <q>' + esc(v.value) + '</q>, with ' + share + '.';
    return 'disputed' + (v.value ? '; <q>' + esc(v.value) + '</q> leads with ' + share : '') +
      (v.reason ? ': ' + esc(v.reason) : '') + '.';
  }

  // The first documents' evidence (up to the one opened), then a button for more.
  function evidenceHtml(i) {
    const cells = claims[i].cells;
    const target = cells.findIndex((cell) => cell.document === state.at);
    const limit = Math.max(CHUNK, target + 1);
    return '<ul class="evidence-list">' + cells.slice(0, limit).map(docEvidenceHtml).join('') + '</ul>' +
      moreHtml(cells.length - limit);
  }

  function moreHtml(rest) {
    return rest > 0 ? '<button type="button" class="more">Show ' + Math.min(rest, CHUNK) + ' more of ' +
      rest + '</button>' : '';
  }

  function showMore(button) {
    const list = el.section.querySelector('.evidence-list');
    const cells = claims[claimAt.get(state.open)].cells;
    const from = list.children.length;
    list.insertAdjacentHTML('beforeend', cells.slice(from, from + CHUNK).map(docEvidenceHtml).join(''));
    button.insertAdjacentHTML('afterend', moreHtml(cells.length - from - CHUNK));
    button.remove();
    list.children[from].focus();
  }

  function docEvidenceHtml(cell) {
    const d = cell.document;
    return '<li class="doc-evidence' + (d === state.at ? ' target' : '') + '" id="ev-' + d +
      '" tabindex="-1"><h3>' + badge(cell.status) + ' ' + esc(docLabel(d)) + '</h3><ul>' +
      cell.evidence.map((e) => statementHtml(d, e)).join('') + '</ul></li>';
  }

  function badge(s) {
    return '<span class="badge s-' + s + '"><span aria-hidden="true">' + esc(symbols[s]) + '</span> ' +
      s + '</span>';
  }

  function statementHtml(d, e) {
    const mode = e.assertion + (e.cue ? ' (“' + e.cue + '”)' : '') +
      (e.severity ? '; check reports it as ' + e.severity : '');
    return '<li class="statement">' + badge(e.status) + ' <span class="mode">' + esc(mode) + '</span>' +
      (e.value ? ' — gives <q>' + esc(e.value) + '</q>' : '') +
      '<blockquote class="sentence">' + marked(e.sentence) + '</blockquote>' +
      '<a class="where" href="' + esc(links.documents[d] || '') + '">' +
      esc(docs[d].path + ':' + e.line + ':' + e.column) + '</a></li>';
  }

  // The sentence with the value's words in <mark>; `mark` counts UTF-8 bytes.
  function marked(sentence) {
    const bytes = encoder.encode(sentence.text);
    const m = sentence.mark;
    if (!(m.start <= m.end && m.end <= bytes.length)) return esc(sentence.text);
    const part = (a, b) => esc(decoder.decode(bytes.subarray(a, b)));
    return part(0, m.start) + '<mark>' + part(m.start, m.end) + '</mark>' + part(m.end, bytes.length);
  }

  // --- events ---

  function onFilter() {
    const status = el.boxes.filter((box) => box.checked).map((box) => box.value);
    update({ claim: el.claim.value, doc: el.doc.value, status: status, page: 1, rows: 1 }, false);
  }

  function onPager(event) {
    const button = event.target.closest('button[data-key]');
    if (!button || button.disabled) return;
    update({ [button.dataset.key]: Number(button.dataset.to) }, false);
  }

  function onSection(event) {
    if (event.target.closest('button.close')) close();
    const button = event.target.closest('button.more');
    if (button) showMore(button);
  }

  function close() {
    const at = state.at;
    const id = state.open;
    update({ open: '', at: -1 }, true);
    const cell = Array.from(el.body.querySelectorAll('a.cell')).find((a) =>
      a.getAttribute('aria-label').startsWith(id + ' in ') && a.hash.endsWith('at=' + at));
    if (cell) cell.focus();
  }

  el.claim.addEventListener('input', onFilter);
  el.doc.addEventListener('input', onFilter);
  el.boxes.forEach((box) => box.addEventListener('change', onFilter));
  el.clear.addEventListener('click', () => update(emptyState(), false));
  document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());
  el.pager.addEventListener('click', onPager);
  el.section.addEventListener('click', onSection);
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement;
    if (event.key === 'Escape' && !typing && !el.section.hidden) close();
  });
  window.addEventListener('hashchange', () => {
    state = fromHash();
    draw();
  });
  draw();
})();

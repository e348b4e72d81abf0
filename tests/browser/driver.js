// Injected before the report's own script by tests/browser.rs: records every
// error, drives the page as a user would (checkboxes, text fields, links, keys)
// and writes what it saw as JSON into a pre element (id test-results), which the test
// reads from chromium's --dump-dom.
'use strict';
(function () {
  const scenario = document.currentScript.dataset.scenario;
  const errors = [];
  window.addEventListener('error', (e) => errors.push('error: ' + e.message));
  window.addEventListener('unhandledrejection', (e) => errors.push('rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) =>
    errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
  const consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.from(arguments).join(' '));
    consoleError.apply(console, arguments);
  };

  const $ = (q) => document.querySelector(q);
  const $$ = (q) => Array.from(document.querySelectorAll(q));
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const hashChange = () => new Promise((resolve) =>
    window.addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true }));

  function matrix() {
    return $$('#matrix tbody tr').map((tr) => ({
      claim: (tr.querySelector('th code') || {}).textContent,
      cells: Array.from(tr.querySelectorAll('td')).slice(1).map((td) => td.className),
      labels: Array.from(tr.querySelectorAll('a.cell')).map((a) => a.getAttribute('aria-label')),
      counts: tr.querySelector('td.counts') ? tr.querySelector('td.counts').textContent : null,
    }));
  }

  function columns() {
    return $$('#matrix thead th.doc').map((th) => th.getAttribute('title'));
  }

  function section() {
    const s = $('#claim');
    const text = (q) => (s.querySelector(q) || {}).textContent || null;
    return {
      hidden: s.hidden,
      title: text('#claim-title'),
      groups: text('.groups'),
      verdict: text('.verdict'),
      target: text('.doc-evidence.target h3'),
      marks: Array.from(s.querySelectorAll('mark')).map((m) => m.textContent),
      sentences: Array.from(s.querySelectorAll('blockquote.sentence')).map((b) => b.innerHTML),
      places: Array.from(s.querySelectorAll('.statement a.where')).map((a) =>
        ({ text: a.textContent, href: a.getAttribute('href') })),
      focused: document.activeElement ? document.activeElement.id : null,
    };
  }

  function sizes() {
    return {
      cells: $$('td, th').length,
      nodes: document.getElementsByTagName('*').length,
      sentences: $$('.sentence').length,
      marks: $$('mark').length,
      pager: $('#pager').textContent,
      shown: $('#shown').textContent,
    };
  }

  function controls() {
    return {
      claim: $('#f-claim').value,
      doc: $('#f-doc').value,
      checked: $$('input[name="status"]').filter((b) => b.checked).map((b) => b.value),
    };
  }

  function type(id, text) {
    const input = document.getElementById(id);
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function cellLink(prefix) {
    return $$('a.cell').find((a) => a.getAttribute('aria-label').startsWith(prefix));
  }

  async function seeds(out) {
    out.initial = { matrix: matrix(), columns: columns(), sizes: sizes() };
    $('input[name="status"][value="contradicts"]').click();
    out.contradicts = { matrix: matrix(), columns: columns(), hash: location.hash };
    const changed = hashChange();
    cellLink('death.weapon in 000_').click();
    await changed;
    out.opened = { section: section(), hash: location.hash, sizes: sizes() };
    const closed = hashChange();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await closed;
    out.closed = {
      section: section(),
      hash: location.hash,
      focused: document.activeElement.getAttribute('aria-label'),
    };
    type('f-claim', 'killed with');
    out.searched = { matrix: matrix(), hash: location.hash, controls: controls() };
    $('#f-clear').click();
    out.cleared = { rows: matrix().length, hash: location.hash, controls: controls() };
  }

  async function fragment(out) {
    out.view = { matrix: matrix(), controls: controls(), section: section(), columns: columns() };
  }

  async function big(out) {
    out.initial = sizes();
    out.firstColumns = columns().slice(0, 2);
    $('#pager button[data-key="page"]:not([disabled])').click();
    out.nextPage = { sizes: sizes(), columns: columns().slice(0, 2), hash: location.hash };
    $('input[name="status"][value="contradicts"]').click();
    type('f-doc', 'doc-01');
    out.filtered = { sizes: sizes(), rows: matrix().length, columns: columns().length };
    const changed = hashChange();
    $('a.cell').click();
    await changed;
    const opened = section();
    out.opened = {
      sizes: sizes(),
      title: opened.title,
      groups: opened.groups,
      verdict: opened.verdict,
      evidence: $$('.doc-evidence').length,
    };
    const more = $('#claim button.more');
    if (more) {
      more.click();
      out.more = { evidence: $$('.doc-evidence').length };
    }
  }

  // On a narrow screen the matrix scrolls inside its box, its claims column kept.
  async function phone(out) {
    const wrap = $('.matrix-wrap');
    const th = $('#matrix tbody th');
    out.layout = {
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      matrixScrolls: wrap.scrollWidth > wrap.clientWidth,
      wider: $$('body *').filter((e) => !wrap.contains(e) && e.getBoundingClientRect().right > window.innerWidth)
        .slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id),
    };
    wrap.scrollLeft = 120;
    await tick();
    out.layout.scrolled = wrap.scrollLeft;
    out.layout.claimsColumnLeft = Math.round(th.getBoundingClientRect().left - wrap.getBoundingClientRect().left);
  }

  const scenarios = { seeds: seeds, fragment: fragment, big: big, phone: phone };

  window.addEventListener('load', async () => {
    const out = { scenario: scenario };
    try {
      await tick();
      await scenarios[scenario](out);
    } catch (e) {
      errors.push('driver: ' + e + ' ' + (e.stack || ''));
    }
    out.errors = errors;
    const pre = document.createElement('pre');
    pre.id = 'test-results';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  });
})();

// Benchmarks of the release app at 5 (the real corpus), 2,000 and 20,000
// replies, with two baselines measured in the same run. `./x bench` runs it.
//
//   node tools/bench.mjs [--sizes 5,2000,20000] [--runs 5] [--no-build] [--out FILE]
//                        [--only sizes|lighthouse] [--lighthouse-runs 3]
//
// Two steps, both by default; --only runs one:
//   sizes       the figures below, at every --sizes;
//   lighthouse  tools/lighthouse.mjs on every view of the release build of
//               the real corpus (target/bench/dist-5): accessibility, best
//               practices, SEO, performance and LCP (mobile preset).
//
// For each corpus size it
//   - writes a synthetic corpus (`dafu synth N`, seed 1) — the real corpus/
//     for size 5 — and builds the release app for it with
//     `DAFU_CORPUS=… trunk build --release --dist target/bench/dist-N`;
//   - reports wasm, JS, CSS, HTML and list index bytes (what the wasm
//     embeds), and the corpus files (chunks of bodies, search shards,
//     cross-references), raw and gzip (node's zlib, level 9);
//   - measures the corpus in parts (tools/bench-corpus.mjs): bytes on the
//     wire before the first search has listed its results, opening a reply
//     whose chunk is not loaded, and the views that load every body;
//   - measures in headless Chromium (median of --runs fresh page loads):
//     navigation → the first reply row in the DOM (a MutationObserver
//     installed before any page script): the prerendered start page's or,
//     on the baselines, `[data-reply]`; → the next animation frame; → the
//     live app's first `[data-reply]` (the wasm app mounted); first
//     contentful paint; and "interactive" (the latest of the live list,
//     DOMContentLoaded end and the end of the last long task);
//   - measures input latency inside the page: from the event's timestamp
//     (keydown, or input for Chinese text, which arrives without a keydown)
//     to the last DOM mutation it caused ("update") and to the first
//     animation frame after that mutation ("frame"), over a scripted
//     sequence of Chinese and Latin queries typed one key at a time; the same
//     for clicks on facet chips;
//   - reads the JS heap (CDP Performance.getMetrics after a forced GC), the
//     wasm linear memory and the DOM node count after load;
//   - times the native parser (`dafu check` over the corpus, median of 5).
// Baselines, served and measured the same way:
//   - static: a plain HTML page holding the same reply list (and the first
//     reply's text), generated from `dafu parse --json` — the floor for
//     first render;
//   - plain JS: the same search texts as JSON in a page whose plain
//     JavaScript does the app's search (normalised substring, every term,
//     title > proposers > body relevance, snippet) and rewrites the list —
//     what the wasm filter must match or beat.
// Writes the markdown tables to stdout and --out (default
// target/bench/report.md; target/bench/lighthouse.md with --only lighthouse)
// and every raw figure to target/bench/results.json (the sizes step) and
// target/bench/lighthouse.json.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { lighthouseTable, runLighthouse } from './lighthouse.mjs';
import { serve } from './serve.mjs';
import { median, pct } from './stats.mjs';
import { FIRST_VISIT, corpusFiles, firstSearch, followUps, openReply, wholeCorpusView } from './bench-corpus.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = join(ROOT, 'target', 'bench');
const NATIVE_TARGET = join(ROOT, 'target', 'bench-dev');
const DAFU = join(NATIVE_TARGET, 'release', 'dafu');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt('--sizes', '5,2000,20000').split(',').map(Number);
const RUNS = Number(opt('--runs', '5'));
const BUILD = !args.includes('--no-build');
const STEPS = ['sizes', 'lighthouse', 'followups'];
const ONLY = opt('--only', null);
if (ONLY && !STEPS.includes(ONLY)) throw new Error(`--only takes one of: ${STEPS.join(', ')}`);
const LIGHTHOUSE_RUNS = Number(opt('--lighthouse-runs', '3'));
const OUT = resolve(opt('--out', join(BENCH, ONLY === 'lighthouse' ? 'lighthouse.md' : 'report.md')));

// Typed one key at a time; Chinese characters arrive as input events (as
// from an IME commit), Latin letters as key presses.
const QUERIES = ['科技成果转化', '孵化器', 'innomatch', '金融 贷款', '集成电路', 'ai', '沪科建复', '上海技术交易所', 'chip', '2024'];
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

const log = (...a) => console.error('[bench]', ...a);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function sh(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}`);
  return r.stdout;
}

// ---------------------------------------------------------------- corpora

function buildNative() {
  log('building the native dafu (release)');
  sh('cargo', ['build', '--release', '-p', 'dafu-cli'], { CARGO_TARGET_DIR: NATIVE_TARGET });
}

function corpusDir(n) {
  if (n === 5) return join(ROOT, 'corpus');
  const dir = join(BENCH, `corpus-${n}`);
  // Always written afresh (about a second): the generator may have changed.
  rmSync(dir, { recursive: true, force: true });
  sh(DAFU, ['synth', String(n), '--out', dir, '--seed', '1']);
  return dir;
}

const textFiles = (dir) => readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(dir, f));

function parserThroughput(dir) {
  const files = textFiles(dir);
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    sh(DAFU, ['check', dir]);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = median(times);
  return { files: files.length, bytes, ms, mbPerS: bytes / 1e6 / (ms / 1000), repliesPerS: files.length / (ms / 1000) };
}

// ----------------------------------------------------------------- builds

// The bytes the app embeds: the corpus encoded by the same code path as the
// build script (crates/bundle/examples/encode.rs), not read back from
// cargo's shared build folders, which a concurrent build may rewrite.
function encodeCorpus(n, corpus) {
  const bin = join(BENCH, `corpus-${n}.bin`);
  const meta = join(BENCH, `corpus-${n}-meta.bin`);
  const out = sh('cargo', ['run', '--quiet', '--release', '-p', 'dafu-bundle', '--example', 'encode', '--', corpus, bin, meta], { CARGO_TARGET_DIR: NATIVE_TARGET });
  const stats = JSON.parse(out.toString('utf8').trim().split('\n').pop());
  const metaBytes = readFileSync(meta);
  stats.meta = [metaBytes.length, gz(metaBytes)];
  const source = Buffer.concat(textFiles(corpus).sort().map((f) => readFileSync(f)));
  stats.source = [source.length, gz(source)];
  return { bin, stats };
}

const built = new Set();

function buildApp(n, corpus) {
  const dist = join(BENCH, `dist-${n}`);
  const { bin, stats } = encodeCorpus(n, corpus);
  if ((BUILD && !built.has(n)) || !existsSync(dist)) {
    log(`building the release app for ${n} replies`);
    const t = Date.now();
    const PATH = [join(ROOT, 'node_modules', '.bin'), join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'bin'), process.env.PATH].join(':');
    sh('trunk', ['build', '--release', '--dist', dist], { DAFU_CORPUS: corpus, PATH });
    const secs = (Date.now() - t) / 1000;
    writeFileSync(join(BENCH, `build-${n}.json`), JSON.stringify({ secs }));
    built.add(n);
  }
  const { secs } = JSON.parse(readFileSync(join(BENCH, `build-${n}.json`), 'utf8'));
  return { dist, bin, bundle: stats, buildSecs: secs };
}

// What a browser downloads: index.html and every file of dist/ it names,
// followed through the JS files (a loader script importing the wasm-bindgen
// glue, which fetches the wasm). Other files in dist/ (an offline single-file
// variant, say) are not part of the transfer.
function sizes(dist, bin) {
  const out = { wasm: [0, 0], js: [0, 0], css: [0, 0], html: [0, 0] };
  const names = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const file = queue.shift();
    const buf = readFileSync(join(dist, file));
    const key = { wasm: 'wasm', js: 'js', mjs: 'js', css: 'css', html: 'html' }[file.split('.').pop()];
    if (key) {
      out[key][0] += buf.length;
      out[key][1] += gz(buf);
    }
    if (!/\.(html|js|mjs)$/.test(file)) continue;
    const text = buf.toString('utf8');
    for (const name of names) {
      if (!seen.has(name) && text.includes(name)) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  out.files = [...seen];
  const list = readFileSync(`${bin}.list`);
  out.corpus = [list.length, gz(list)];
  out.parts = corpusFiles(dist);
  const all = ['chunks', 'shards', 'xrefs'].map((k) => out.parts[k]);
  out.wholeCorpus = [1, 2].map((i) => out.corpus[i - 1] + all.reduce((a, p) => a + p[i], 0));
  out.total = [0, 1].map((i) => out.wasm[i] + out.js[i] + out.css[i] + out.html[i]);
  return out;
}

// -------------------------------------------------------------- baselines

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function baselines(n, corpus, cap = null) {
  const dir = join(BENCH, `baseline-${n}`);
  mkdirSync(dir, { recursive: true });
  const replies = JSON.parse(sh(DAFU, ['parse', '--json', corpus]).toString('utf8'));
  replies.sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
  const people = (r) => (r.proposers ?? []).join('、') + (r.proposers_more ? ' 等' : '');
  const row = (r) => `<li data-reply="${esc(r.doc_number)}"><a href="#"><span>${esc(r.kind === 'proposal' ? '提案' : '建议')}</span> <span>${esc(r.date)}</span> <span>${esc(r.title)}</span> <span>${esc(r.doc_number)} · ${esc(people(r))}</span> <span>${r.figures.length} 个数字 · ${r.commitments.length} 项承诺</span></a></li>`;
  const first = replies[0];
  const body = first.paragraphs.map((p) => (p.kind === 'heading' ? `<h3>${esc(p.text)}</h3>` : `<p>${esc(p.text)}</p>`)).join('\n');
  const css = 'body{font-family:system-ui,sans-serif;display:grid;grid-template-columns:minmax(18rem,28rem) 1fr;gap:1rem;margin:0}ol{list-style:none;margin:0;padding:0}li a{display:block;padding:.5rem;border-bottom:1px solid #ddd;color:inherit;text-decoration:none}li span{display:block}mark{background:#fe6}';
  writeFileSync(join(dir, 'static.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>static</title><style>${css}</style></head><body>
<aside><input id="dafu-search" type="search"><p>共 ${replies.length} 件答复</p><ol>${replies.slice(0, cap ?? replies.length).map(row).join('\n')}</ol></aside>
<article><h2>${esc(first.title)}</h2>${body}</article></body></html>`);

  const data = replies.map((r) => ({
    n: r.doc_number ?? '', t: r.title ?? '', p: [people(r), r.doc_number, r.session, r.proposal_number].filter(Boolean).join('\u0001'),
    d: r.date ?? '', k: r.kind, f: r.figures.length, c: r.commitments.length,
    b: r.paragraphs.map((p) => p.text),
  }));
  const script = String.raw`
const norm = (s) => { let o = ''; for (const ch of s) { if (/\s/.test(ch)) continue; const c = ch.codePointAt(0);
  o += (c >= 0xFF01 && c <= 0xFF5E ? String.fromCodePoint(c - 0xFEE0) : ch).toLowerCase(); } return o; };
const data = JSON.parse(document.getElementById('data').textContent);
const docs = data.map((r) => ({ title: norm(r.t), people: norm(r.p), body: r.b.map(norm).join('\u0001') }));
const list = document.getElementById('list'), count = document.getElementById('count');
const cap = Number(new URLSearchParams(location.search).get('cap')) || Infinity;
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const mark = (text, terms) => { if (!terms.length) return esc(text); const low = text.toLowerCase(); const hits = [];
  for (const t of terms) { let i = low.indexOf(t); while (i >= 0) { hits.push([i, i + t.length]); i = low.indexOf(t, i + t.length); } }
  hits.sort((a, b) => a[0] - b[0]); let out = '', at = 0;
  for (const [s, e] of hits) { if (s < at) continue; out += esc(text.slice(at, s)) + '<mark>' + esc(text.slice(s, e)) + '</mark>'; at = e; }
  return out + esc(text.slice(at)); };
const snippet = (r, terms) => { for (const p of r.b) { const low = p.toLowerCase(); const i = Math.min(...terms.map((t) => { const j = low.indexOf(t); return j < 0 ? Infinity : j; }));
  if (i === Infinity) continue; const from = Math.max(0, i - 18); return (from > 0 ? '…' : '') + mark(p.slice(from, from + 64), terms) + (from + 64 < p.length ? '…' : ''); } return ''; };
function render(raw) {
  const terms = [...new Set(raw.split(/[\s\u3000]+/).map(norm).filter(Boolean))];
  let rows = [];
  for (let i = 0; i < data.length; i++) {
    let score = 0, ok = true;
    for (const t of terms) { const d = docs[i]; const inT = d.title.includes(t), inP = d.people.includes(t);
      let inB = 0, j = d.body.indexOf(t); while (j >= 0 && inB < 99) { inB++; j = d.body.indexOf(t, j + t.length); }
      if (!inT && !inP && !inB) { ok = false; break; } score += 10000 * inT + 100 * inP + inB; }
    if (ok) rows.push([score, i]);
  }
  if (terms.length) rows.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  count.dataset.count = rows.length;
  count.textContent = terms.length ? data.length + ' 件中找到 ' + rows.length + ' 件' : '共 ' + data.length + ' 件答复';
  list.innerHTML = rows.slice(0, cap).map(([, i]) => { const r = data[i];
    return '<li data-reply="' + esc(r.n) + '"><a href="#"><span>' + (r.k === 'proposal' ? '提案' : '建议') + '</span> <span>' + esc(r.d) + '</span> <span>' + mark(r.t, terms)
      + '</span> <span>' + mark(r.n, terms) + '</span>' + (terms.length ? '<span>' + snippet(r, terms) + '</span>' : '') + '<span>' + r.f + ' 个数字 · ' + r.c + ' 项承诺</span></a></li>'; }).join('');
}
document.getElementById('dafu-search').addEventListener('input', (e) => render(e.target.value));
render('');`;
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  writeFileSync(join(dir, 'filter.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plain JS filter</title><style>${css}</style></head><body>
<aside><input id="dafu-search" type="search"><p id="count"></p><ol id="list"></ol></aside>
<script type="application/json" id="data">${json}</script><script>${script}</script></body></html>`);
  return { dir, count: replies.length };
}

// ---------------------------------------------------------------- browser

// Installed before any page script: first [data-reply], long tasks, the
// wasm module's memory, and the latency probe.
const FIRST_ROW = '[data-reply], [data-dafu-prerender] li.result';
const PROBE = String.raw`(() => {
  const b = window.__bench = { firstReply: null, firstReplyFrame: null, firstLive: null, longTasks: [], wasmMemory: null, pending: null };
  // A result's snippet arrives with its reply's text, after the list: those
  // mutations are timed apart ("snippets"), the list's as "update".
  const inSnippet = (n) => (n.nodeType === 1 ? n : n.parentElement)?.closest?.('.result-snippet');
  const snippetOnly = (records) => records.every((r) => inSnippet(r.target)
    || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && n.classList.contains('result-snippet'))));
  const obs = new MutationObserver((all) => {
    // Script elements the app adds to <head> to load corpus files change
    // nothing on screen.
    const records = all.filter((r) => r.target !== document.head);
    if (!records.length) return;
    const p = b.pending;
    if (p && snippetOnly(records)) { p.snippetMut = performance.now(); }
    else if (p) { p.muts++; p.lastMut = performance.now(); p.frame = null; requestAnimationFrame(() => { if (p.frame === null) p.frame = performance.now(); }); }
    if (b.firstReply === null && document.querySelector("${FIRST_ROW}")) {
      b.firstReply = performance.now();
      requestAnimationFrame(() => { b.firstReplyFrame = performance.now(); });
    }
    if (b.firstLive === null && document.querySelector('[data-reply]')) b.firstLive = performance.now();
  });
  obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  addEventListener('TrunkApplicationStarted', (e) => { try { b.wasmMemory = e.detail.wasm.memory.buffer.byteLength; } catch {} b.started = performance.now(); });
  const begin = (e) => { if (!b.armed || b.pending) return; b.pending = { t0: e.timeStamp, muts: 0, lastMut: null, frame: null, snippetMut: null }; };
  for (const t of ['keydown', 'beforeinput', 'input', 'pointerdown', 'mousedown', 'click']) addEventListener(t, begin, true);
  // Resolves once nothing has changed for quietMs: { update, frame } in ms from the event.
  b.settle = (quietMs) => new Promise((done) => {
    const poll = () => {
      const p = b.pending;
      if (!p) return done(null);
      const now = performance.now();
      const last = Math.max(p.lastMut ?? p.t0, p.snippetMut ?? p.t0);
      if ((now - last > quietMs && (p.lastMut === null || p.frame !== null)) || now - p.t0 > 5000) {
        b.pending = null;
        const since = (t) => (t === null ? null : t - p.t0);
        done({ update: since(p.lastMut), frame: since(p.frame), snippets: since(p.snippetMut), muts: p.muts });
      } else setTimeout(poll, 10);
    };
    poll();
  });
})();`;

async function loadMetrics(browser, url, ready, runCount = RUNS) {
  const runs = [];
  for (let i = 0; i < runCount; i++) {
    const context = await browser.newContext(FIRST_VISIT);
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(ready, { timeout: 60_000 });
    await page.waitForTimeout(1500); // let long tasks after the first list be observed
    const m = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const lastLong = b.longTasks.reduce((a, [s, d]) => Math.max(a, s + d), 0);
      return {
        firstReply: b.firstReply, firstReplyFrame: b.firstReplyFrame, fcp,
        dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, responseEnd: nav.responseEnd,
        firstLive: b.firstLive,
        interactive: Math.max(b.firstLive ?? 0, nav.domContentLoadedEventEnd, lastLong),
        longTasks: b.longTasks.length, longestTask: b.longTasks.reduce((a, [, d]) => Math.max(a, d), 0),
        wasmMemory: b.wasmMemory, rows: document.querySelectorAll('[data-reply]').length,
      };
    });
    if (i === 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (k) => metrics.find((x) => x.name === k)?.value ?? null;
      m.heap = get('JSHeapUsedSize');
      m.nodes = get('Nodes');
    }
    m.errors = errors;
    runs.push(m);
    await context.close();
  }
  const keys = ['firstReply', 'firstReplyFrame', 'firstLive', 'fcp', 'dcl', 'load', 'interactive', 'longTasks', 'longestTask'];
  const out = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
  Object.assign(out, { heap: runs[0].heap, nodes: runs[0].nodes, wasmMemory: runs[0].wasmMemory, rows: runs[0].rows, errors: runs.flatMap((r) => r.errors) });
  return out;
}

async function latency(browser, url, ready, { facets = false } = {}) {
  const context = await browser.newContext(FIRST_VISIT);
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const QUIET = 250;
  const keys = [];
  const counts = {};
  const box = page.locator('#dafu-search');
  for (const q of QUERIES) {
    // Clear without measuring.
    await box.fill('');
    await page.waitForTimeout(QUIET);
    await page.evaluate(() => { window.__bench.armed = true; });
    for (const ch of q) {
      if (/[a-z0-9 ]/.test(ch)) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      else await page.keyboard.insertText(ch);
      const r = await page.evaluate((quiet) => window.__bench.settle(quiet), QUIET);
      if (r) keys.push({ q, ch, ...r });
    }
    await page.evaluate(() => { window.__bench.armed = false; });
    // Matches found (the app's and the baseline's [data-count]), else rows shown.
    counts[q] = await page.evaluate(() => Number(document.querySelector('[data-count]')?.dataset.count ?? document.querySelectorAll('[data-reply]').length));
  }
  const clicks = [];
  if (facets) {
    await box.fill('');
    await page.waitForTimeout(QUIET);
    const chips = page.locator('[data-facet] button[data-value]');
    const n = Math.min(await chips.count(), 12);
    for (let i = 0; i < n; i++) {
      for (let rep = 0; rep < 2; rep++) { // on, then off again
        const chip = page.locator('[data-facet] button[data-value]').nth(i);
        if (!(await chip.isVisible())) break;
        await page.evaluate(() => { window.__bench.armed = true; });
        await chip.click();
        const r = await page.evaluate((quiet) => window.__bench.settle(quiet), QUIET);
        await page.evaluate(() => { window.__bench.armed = false; });
        if (r) clicks.push(r);
      }
    }
  }
  await context.close();
  const summary = (xs, k) => ({ median: median(xs.map((x) => x[k])), p95: pct(xs.map((x) => x[k]), 95), max: pct(xs.map((x) => x[k]), 100) });
  return {
    keys: keys.length, update: summary(keys, 'update'), frame: summary(keys, 'frame'), unchanged: keys.filter((k) => k.update === null).length,
    snippets: summary(keys.filter((k) => k.snippets !== null), 'snippets'),
    clicks: clicks.length, clickUpdate: summary(clicks, 'update'), clickFrame: summary(clicks, 'frame'), counts,
    perKey: keys, // every keystroke's figures, for results.json
  };
}

// ------------------------------------------------------------------- main

function machine() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = info.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = execFileSync('nproc').toString().trim();
  const chromiumVersion = spawnSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { nproc, model, node: process.version, chromium: chromiumVersion, loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
}

async function main() {
  mkdirSync(BENCH, { recursive: true });
  let md = '';
  if (ONLY === 'followups') md += await followUpsStep();
  if (!ONLY || ONLY === 'sizes') md += await sizesStep();
  if (!ONLY || ONLY === 'lighthouse') md += await lighthouseStep(md !== '');
  writeFileSync(OUT, md);
  process.stdout.write(md);
}

// Lighthouse on every view of the real corpus's release build.
async function lighthouseStep(section) {
  const { dist } = buildApp(5, corpusDir(5));
  log(`Lighthouse on every view of ${dist}, ${LIGHTHOUSE_RUNS} runs each`);
  const res = await runLighthouse(dist, { runs: LIGHTHOUSE_RUNS });
  writeFileSync(join(BENCH, 'lighthouse.json'), JSON.stringify(res, null, 2));
  const results = join(BENCH, 'results.json');
  if (section && existsSync(results)) {
    writeFileSync(results, JSON.stringify({ ...JSON.parse(readFileSync(results, 'utf8')), lighthouse: res }, null, 2));
  }
  const table = lighthouseTable(res);
  writeFileSync(join(BENCH, 'lighthouse.md'), table);
  return section ? `\n### Lighthouse, every view (5 replies, the real corpus)\n\n${table}` : table;
}

// The follow-ups row again, on the builds and results of the last sizes
// step (after a change of that measurement alone).
async function followUpsStep() {
  const file = join(BENCH, 'results.json');
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const n of SIZES.filter((n) => results.sizes[n])) {
      log(`${n}: follow-ups`);
      const app = await serve(join(BENCH, `dist-${n}`));
      try {
        results.sizes[n].followUps = await followUps(browser, app.url);
      } finally {
        app.server.close();
      }
      writeFileSync(file, JSON.stringify(results, null, 2));
    }
  } finally {
    await browser.close();
  }
  return report(results);
}

async function sizesStep() {
  buildNative();
  const results = { machine: machine(), date: new Date().toISOString(), runs: RUNS, sizes: {} };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const n of SIZES) {
      const corpus = corpusDir(n);
      const r = { corpus };
      r.parser = parserThroughput(corpus);
      const { dist, bin, bundle, buildSecs } = buildApp(n, corpus);
      r.buildSecs = buildSecs;
      r.bundle = bundle;
      r.sizes = sizes(dist, bin);
      const app = await serve(dist);
      let plain;
      try {
        log(`${n}: load metrics`);
        // The plain-JS page of 20,000 replies is some 200 MB: fewer loads.
        const runs = n >= 10000 ? Math.min(RUNS, 3) : RUNS;
        r.app = await loadMetrics(browser, app.url, '[data-reply]', runs);
        log(`${n}: the corpus in parts`);
        r.firstSearch = await firstSearch(browser, app.url, '孵化器');
        r.openReply = await openReply(browser, app.url);
        r.followUps = await followUps(browser, app.url);
        r.figuresView = await wholeCorpusView(browser, app.url, '#/figures', '.figures-table');
        r.commitmentsView = await wholeCorpusView(browser, app.url, '#/commitments', '[data-commitment]');
        // The baselines show as many rows as the app does at first (all of
        // them, or its first page when it renders the list a page at a time).
        const count = r.parser.files;
        r.cap = r.app.rows > 0 && r.app.rows < count ? r.app.rows : null;
        const base = baselines(n, corpus, r.cap);
        plain = await serve(base.dir);
        const capped = r.cap ? `?cap=${r.cap}` : '';
        r.static = await loadMetrics(browser, plain.url + 'static.html', '[data-reply]', runs);
        r.plainLoad = await loadMetrics(browser, plain.url + 'filter.html' + capped, '[data-reply]', runs);
        log(`${n}: keystroke latency`);
        r.appLatency = await latency(browser, app.url, '[data-reply]', { facets: true });
        r.plainLatency = await latency(browser, plain.url + 'filter.html' + capped, '[data-reply]');
        // For contrast: every row when the app pages the list, else a first page of 50.
        r.plainAltLabel = r.cap ? 'plain JS, every matching row' : 'plain JS, first 50 rows only';
        r.plainAltLatency = await latency(browser, plain.url + 'filter.html' + (r.cap ? '' : '?cap=50'), '[data-reply]');
      } finally {
        app.server.close();
        plain?.server.close();
      }
      r.loadavg = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      results.sizes[n] = r;
      writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2));
    }
  } finally {
    await browser.close();
  }
  return report(results);
}

const kb = (b) => (b == null ? '—' : `${(b / 1024).toFixed(b < 10240 ? 1 : 0)} KB`);
const mb = (b) => (b == null ? '—' : `${(b / 1048576).toFixed(1)} MB`);
const ms = (x) => (x == null ? '—' : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const pair = ([raw, z]) => `${kb(raw)} / ${kb(z)}`;
const share = (part, whole) => `${Math.round((100 * part) / whole)}%`;

// Each target of the chunked corpus, met or not, from the figures of this
// run (ratios against the baselines of the same run).
const BEFORE_2000_WASM_MEMORY = 60 * 1048576; // the embedded corpus at 2,000

function targets(res) {
  const s = res.sizes;
  const ns = Object.keys(s).map(Number).sort((a, b) => a - b);
  const out = [];
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  if (s[5]) out.push(`- real corpus total transfer ≤ 250 KB gzip: ${kb(s[5].sizes.total[1])} — ${verdict(s[5].sizes.total[1] <= 250 * 1024)}`);
  for (const n of ns.filter((x) => x >= 2000)) {
    const r = s[n];
    const first = r.app.firstReply / r.static.firstReply;
    out.push(`- ${n}: first list ≤ 1.2× the static floor: ${ms(r.app.firstReply)} vs ${ms(r.static.firstReply)} = ${first.toFixed(2)}× — ${verdict(first <= 1.2)}`);
    const limit = n >= 20000 ? 600 : 300;
    out.push(`- ${n}: interactive ≤ ${limit} ms: ${ms(r.app.interactive)} — ${verdict(r.app.interactive <= limit)}`);
    const share = r.firstSearch.bytes / r.sizes.wholeCorpus[1];
    out.push(`- ${n}: bytes before the first usable search ≤ 15 % of the whole corpus: ${kb(r.firstSearch.bytes)} of ${mb(r.sizes.wholeCorpus[1])} gzip (${(100 * share).toFixed(1)} %) — ${verdict(share <= 0.15)}`);
    const u = r.appLatency.update.p95 / r.plainLatency.update.p95;
    out.push(`- ${n}: keystroke → list p95 ≤ 0.5× plain JS: ${ms(r.appLatency.update.p95)} vs ${ms(r.plainLatency.update.p95)} = ${u.toFixed(2)}× — ${verdict(u <= 0.5)}`);
    out.push(`- ${n}: keystroke → next frame p95 ≤ 16 ms: ${ms(r.appLatency.frame.p95)} — ${verdict(r.appLatency.frame.p95 <= 16)}`);
    out.push(`- ${n}: opening a reply whose chunk is not loaded ≤ 50 ms: median ${ms(r.openReply.median)}, slowest ${ms(r.openReply.max)} — ${verdict(r.openReply.max <= 50)}`);
  }
  if (s[2000]?.followUps) {
    const f = s[2000].followUps;
    out.push(`- 2000: first list of follow-ups ≤ 100 ms: median ${ms(f.median)}, slowest ${ms(f.max)} over ${f.runs} commitments (${f.listed} later replies listed) — ${verdict(f.max <= 100)}`);
  }
  if (s[2000]) {
    const m = s[2000].app.wasmMemory;
    out.push(`- 2000: wasm memory after load ≤ 25 % of the embedded corpus's 60 MB: ${mb(m)} (${Math.round((100 * m) / BEFORE_2000_WASM_MEMORY)} %) — ${verdict(m <= BEFORE_2000_WASM_MEMORY / 4)}`);
  }
  return out.join('\n');
}

// How the figures grow from the smallest synthetic corpus to the largest.
function growth(res) {
  const ns = Object.keys(res.sizes).map(Number).filter((n) => n > 5).sort((a, b) => a - b);
  if (ns.length < 2) return '';
  const [a, b] = [ns[0], ns[ns.length - 1]];
  const ra = res.sizes[a], rb = res.sizes[b];
  const x = (f) => `×${(f(rb) / f(ra)).toFixed(1)}`;
  const items = [
    ['start transfer (gzip)', (r) => r.sizes.total[1]],
    ['list index', (r) => r.sizes.corpus[0]],
    ['whole corpus', (r) => r.sizes.wholeCorpus[0]],
    ['bytes before the first search', (r) => r.firstSearch.bytes],
    ['wasm memory after load', (r) => r.app.wasmMemory],
    ['JS heap after load', (r) => r.app.heap],
    ['interactive', (r) => r.app.interactive],
    ['keystroke → list p95', (r) => r.appLatency.update.p95],
    ['open a reply', (r) => r.openReply.median],
  ];
  return `From ${a.toLocaleString('en')} to ${b.toLocaleString('en')} replies (×${b / a}): ${items.map(([k, f]) => `${k} ${x(f)}`).join('; ')}.\n\n`;
}

function report(res) {
  const ns = Object.keys(res.sizes).map(Number);
  const col = (f) => ns.map((n) => f(res.sizes[n], n));
  const rows = [
    ['replies (source text)', col((r) => `${r.parser.files} (${mb(r.parser.bytes)})`)],
    ['wasm, raw / gzip', col((r) => pair(r.sizes.wasm))],
    ['JS, raw / gzip', col((r) => pair(r.sizes.js))],
    ['CSS, raw / gzip', col((r) => pair(r.sizes.css))],
    ['HTML, raw / gzip', col((r) => pair(r.sizes.html))],
    ['list index (inside the wasm), raw / gzip', col((r) => pair(r.sizes.corpus))],
    ['**total transfer at start**, raw / gzip', col((r) => `**${pair(r.sizes.total)}**`)],
    ['reply bodies: chunk files, raw / gzip', col((r) => `${r.sizes.parts.chunks[0]} · ${pair(r.sizes.parts.chunks.slice(1))}`)],
    ['search index: shard files, raw / gzip', col((r) => `${r.sizes.parts.shards[0]} · ${pair(r.sizes.parts.shards.slice(1))}`)],
    ['cross-references file, raw / gzip', col((r) => pair(r.sizes.parts.xrefs.slice(1)))],
    ['whole corpus (list + chunks + shards + cross-references), raw / gzip', col((r) => `${mb(r.sizes.wholeCorpus[0])} / ${mb(r.sizes.wholeCorpus[1])}`)],
    ['bytes on the wire until the first search (“孵化器”) has listed its results', col((r) => `${kb(r.firstSearch.bytes)} (${r.firstSearch.shards} shards, ${kb(r.firstSearch.shardBytes)})`)],
    ['… that first search, keystroke to results (shards loading included)', col((r) => ms(r.firstSearch.ms))],
    ['open a reply whose chunk is not loaded → its text, median / slowest', col((r) => `${ms(r.openReply.median)} / ${ms(r.openReply.max)}`)],
    ['回头看: click → list of follow-ups, median / slowest', col((r) => (r.followUps ? `${ms(r.followUps.median)} / ${ms(r.followUps.max)}` : '—'))],
    ['figures view: every chunk loaded and the table shown', col((r) => `${r.figuresView.ms == null ? 'over 5 min' : ms(r.figuresView.ms)} (${r.figuresView.chunks} chunks, ${mb(r.figuresView.bytes)})`)],
    ['commitments view: likewise', col((r) => `${r.commitmentsView.ms == null ? 'over 5 min' : ms(r.commitmentsView.ms)} (${r.commitmentsView.chunks} chunks)`)],
    ['first reply list: app / static floor (ratio)', col((r) => `${ms(r.app.firstReply)} / ${ms(r.static.firstReply)} (${(r.app.firstReply / r.static.firstReply).toFixed(1)}×)`)],
    ['… to the next frame: app / static', col((r) => `${ms(r.app.firstReplyFrame)} / ${ms(r.static.firstReplyFrame)}`)],
    ['live app list (wasm mounted): app', col((r) => ms(r.app.firstLive))],
    ['first contentful paint: app / static', col((r) => `${ms(r.app.fcp)} / ${ms(r.static.fcp)}`)],
    ['interactive: app / static', col((r) => `${ms(r.app.interactive)} / ${ms(r.static.interactive)}`)],
    ['longest main-thread task at load (app)', col((r) => ms(r.app.longestTask))],
    ['rows rendered at load: app (= static and plain-JS pages)', col((r) => String(r.app.rows))],
    ['keystroke → list updated, median / p95: **wasm app**', col((r) => `${ms(r.appLatency.update.median)} / **${ms(r.appLatency.update.p95)}**`)],
    ['keystroke → list updated, median / p95: plain JS', col((r) => `${ms(r.plainLatency.update.median)} / ${ms(r.plainLatency.update.p95)}`)],
    ['keystroke → next frame, median / p95: **wasm app**', col((r) => `${ms(r.appLatency.frame.median)} / **${ms(r.appLatency.frame.p95)}**`)],
    ['keystroke → last snippet shown (the rows\' texts loaded), median / p95: wasm app', col((r) => `${ms(r.appLatency.snippets.median)} / ${ms(r.appLatency.snippets.p95)}`)],
    ['keystroke → next frame, median / p95: plain JS', col((r) => `${ms(r.plainLatency.frame.median)} / ${ms(r.plainLatency.frame.p95)}`)],
    ['keystroke → next frame, median / p95: contrast (see the note)', col((r) => `${ms(r.plainAltLatency.frame.median)} / ${ms(r.plainAltLatency.frame.p95)} (${r.plainAltLabel})`)],
    ['p95 app ÷ plain JS (update / frame)', col((r) => `${(r.appLatency.update.p95 / r.plainLatency.update.p95).toFixed(2)}× / ${(r.appLatency.frame.p95 / r.plainLatency.frame.p95).toFixed(2)}×`)],
    ['facet click → list updated / next frame, median (p95)', col((r) => `${ms(r.appLatency.clickUpdate.median)} (${ms(r.appLatency.clickUpdate.p95)}) / ${ms(r.appLatency.clickFrame.median)} (${ms(r.appLatency.clickFrame.p95)})`)],
    ['JS heap after load (after GC): app / plain JS', col((r) => `${mb(r.app.heap)} / ${mb(r.plainLoad.heap)}`)],
    ['wasm linear memory after load', col((r) => mb(r.app.wasmMemory))],
    ['DOM nodes after load: app / static', col((r) => `${r.app.nodes} / ${r.static.nodes}`)],
    ['source texts, raw / gzip (for comparison)', col((r) => pair(r.bundle.source))],
    ['bodies make-up: block text / figures / commitments', col((r) => `${share(r.bundle.blocks, r.bundle.bytes)} / ${share(r.bundle.figures, r.bundle.bytes)} / ${share(r.bundle.commitments, r.bundle.bytes)}`)],
    ['list index decode, native (the browser decodes it at start-up)', col((r) => ms(r.bundle.list_decode_ms))],
    ['search index build, native (part of the release build)', col((r) => ms(r.bundle.index_ms))],
    ['parser (native `dafu check`), MB/s · replies/s', col((r) => `${r.parser.mbPerS.toFixed(1)} · ${Math.round(r.parser.repliesPerS)}`)],
    ['release build time', col((r) => `${Math.round(r.buildSecs)} s`)],
  ];
  const head = `| | ${ns.map((n) => (n === 5 ? '5 (real corpus)' : `${n.toLocaleString('en')} (synthetic)`)).join(' | ')} |\n|---|${ns.map(() => '---').join('|')}|\n`;
  const body = rows.map(([k, v]) => `| ${k} | ${v.join(' | ')} |`).join('\n');
  const m = res.machine;
  const keysNote = ns.map((n) => `${n}: ${res.sizes[n].appLatency.keys} keys (${res.sizes[n].appLatency.unchanged} left the list unchanged), ${res.sizes[n].appLatency.clicks} facet clicks`).join('; ');
  const errors = ns.flatMap((n) => res.sizes[n].app.errors.map((e) => `${n}: ${e}`));
  const agree = ns.map((n) => {
    const a = res.sizes[n].appLatency.counts, p = res.sizes[n].plainLatency.counts;
    const differ = Object.keys(a).filter((q) => a[q] !== p[q]);
    return differ.length ? `${n}: differ for ${differ.map((q) => `“${q}” (${a[q]} vs ${p[q]})`).join(', ')}` : `${n}: same`;
  }).join('; ');
  return `${head}${body}\n\n${targets(res)}\n\n${growth(res)}`
    + `Machine: ${m.nproc} × ${m.model}; ${m.chromium}; node ${m.node}; ${res.date}; load average (1, 5, 15 min) at the start ${m.loadavg}, after each size ${ns.map((n) => res.sizes[n].loadavg).join(' · ')}. `
    + `Load figures are medians of ${res.runs} fresh page loads; latency over ${keysNote}. `
    + `Queries typed: ${QUERIES.map((q) => `“${q}”`).join(' ')}; results found by the app and by the plain-JS baseline — ${agree}.\n`
    + (errors.length ? `\nPage errors: ${errors.join('; ')}\n` : '');
}

export { baselines, buildNative, corpusDir, latency, loadMetrics, report, sizes };

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

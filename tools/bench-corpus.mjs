// Benchmarks of the corpus in parts (list index in the wasm, reply bodies
// in chunk files, the search index in shard files), used by tools/bench.mjs:
//   - firstSearch: bytes on the wire from navigation until the first search
//     has listed its results (page, code, list index and the shards it
//     needed), and how long that search took from the keystroke;
//   - openReply: a click on a result whose chunk has not been loaded, to the
//     reply's text in the reader;
//   - followUps: a click on a commitment's 回头看 in the reader, to the list
//     of later replies;
//   - wholeCorpusView: a view that goes through every body (figures,
//     commitments), from navigation to its table, with the chunks it loaded.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.mjs';

/**
 * A first visit, as the figures measure it: the service worker that the
 * served site registers after load would download every corpus file in the
 * background (the whole corpus at 2,000 replies) and compete with them.
 */
export const FIRST_VISIT = { viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' };

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * The corpus files of a build by kind: [count, raw bytes, gzip bytes]. The
 * gzip figure is estimated from up to 16 files of each kind spread over the
 * corpus (gzip of every file is slow at tens of thousands).
 */
export function corpusFiles(dist) {
  const dir = join(dist, 'corpus');
  const names = readdirSync(dir).filter((f) => /^[csx]\d+\.js$/.test(f)).sort();
  const out = {};
  for (const [k, prefix] of [['chunks', 'c'], ['shards', 's'], ['xrefs', 'x']]) {
    const files = names.filter((f) => f[0] === prefix);
    const raw = files.reduce((a, f) => a + statSync(join(dir, f)).size, 0);
    const step = Math.max(1, Math.floor(files.length / 16));
    const sample = files.filter((_, i) => i % step === 0).slice(0, 16).map((f) => readFileSync(join(dir, f)));
    const sampleRaw = sample.reduce((a, b) => a + b.length, 0);
    const sampleGz = sample.reduce((a, b) => a + gz(b), 0);
    out[k] = [files.length, raw, sampleRaw ? Math.round((raw * sampleGz) / sampleRaw) : 0];
  }
  return out;
}

async function newPage(browser) {
  const context = await browser.newContext(FIRST_VISIT);
  const page = await context.newPage();
  return { context, page };
}

/** Bytes on the wire (CDP encodedDataLength) of every finished request. */
async function wireBytes(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  const state = { bytes: 0, requests: [] };
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    state.bytes += e.encodedDataLength;
    state.requests.push([urls.get(e.requestId), e.encodedDataLength]);
  });
  return state;
}

/** Waits, in the page, until the list shows the search's results. */
const searched = () => !document.querySelector('[data-search-pending]')
  && document.querySelector('[data-count]')?.dataset.count !== undefined
  && document.querySelector('.result-count')?.textContent.match(/找到|of/);

export async function firstSearch(browser, url, query, runs = 3) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await newPage(browser);
    const wire = await wireBytes(context, page);
    await page.goto(url);
    await page.waitForSelector('[data-reply]', { timeout: 120_000 });
    await page.waitForTimeout(300);
    const t0 = Date.now();
    await page.locator('#dafu-search').fill(query);
    await page.waitForFunction(searched, null, { timeout: 120_000 });
    const ms = Date.now() - t0;
    await page.waitForTimeout(100);
    const count = await page.evaluate(() => Number(document.querySelector('[data-count]').dataset.count));
    const shards = wire.requests.filter(([u]) => /\/corpus\/s\d+\.js/.test(u ?? ''));
    out.push({ bytes: wire.bytes, ms, count, shards: shards.length, shardBytes: shards.reduce((a, [, b]) => a + b, 0) });
    await context.close();
  }
  return { bytes: median(out.map((r) => r.bytes)), ms: median(out.map((r) => r.ms)), count: out[0].count, shards: out[0].shards, shardBytes: out[0].shardBytes };
}

export async function openReply(browser, url, rows = [2, 9, 17]) {
  const times = [];
  for (const row of rows) {
    const { context, page } = await newPage(browser);
    await page.goto(url);
    await page.waitForSelector('[data-reply]', { timeout: 120_000 });
    await page.waitForTimeout(300);
    const ms = await page.evaluate((row) => new Promise((done) => {
      const links = document.querySelectorAll('[data-reply] a');
      const link = links[Math.min(row, links.length - 1)];
      const t0 = performance.now();
      const check = () => {
        if (document.querySelector('.reader .reply-body .block')) {
          obs.disconnect();
          done(performance.now() - t0);
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(document, { subtree: true, childList: true });
      link.click();
      setTimeout(() => { obs.disconnect(); done(null); }, 60_000);
    }), row);
    times.push(ms);
    await context.close();
  }
  return { median: median(times), max: Math.max(...times) };
}

/**
 * 回头看: in the reader of a reply with commitments (its chunk loaded), a
 * click on a commitment's follow-ups, to the list of later replies. The
 * replies of the earliest year listed, whose commitments later replies
 * follow up; the first commitment of each that has follow-ups.
 */
export async function followUps(browser, url, picks = 6) {
  const { context, page } = await newPage(browser);
  const times = [];
  let listed = 0;
  await page.goto(url);
  await page.waitForSelector('[data-reply]', { timeout: 120_000 });
  const listedIds = () => page.evaluate(() => [...document.querySelectorAll('[data-reply]')].map((e) => e.dataset.reply));
  const newest = await listedIds();
  // The earliest year of the corpus, from the year facet.
  const year = await page.evaluate(() =>
    Math.min(...[...document.querySelectorAll('[data-facet="year"] [data-value]')].map((b) => Number(b.dataset.value)).filter(Boolean)));
  await page.goto(`${url}#/replies?year=${year}`);
  await page.waitForSelector('[data-reply]', { timeout: 60_000 });
  // Then the start page's, should the earliest year's have no follow-ups.
  const ids = [...new Set([...(await listedIds()), ...newest.reverse()])];
  for (const id of ids) {
    if (times.length >= picks) break;
    await page.goto(`${url}#/replies/${encodeURIComponent(id)}`);
    await page.waitForSelector(`.reader[data-open="${id}"] .reply-body .block`, { timeout: 60_000 });
    if (!(await page.$('[data-followups]:not([data-followups="0"])'))) continue;
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => new Promise((done) => {
      const details = document.querySelector('[data-followups]:not([data-followups="0"])');
      const t0 = performance.now();
      const check = () => {
        if (details.querySelector('[data-followup]')) {
          obs.disconnect();
          done({ ms: performance.now() - t0, n: details.querySelectorAll('[data-followup]').length });
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(details, { subtree: true, childList: true });
      details.querySelector('summary').click();
      setTimeout(() => { obs.disconnect(); done({ ms: null, n: 0 }); }, 30_000);
    }));
    times.push(r.ms);
    listed += r.n;
  }
  await context.close();
  return { median: median(times), max: Math.max(...times), runs: times.length, listed };
}

export async function wholeCorpusView(browser, url, hash, ready) {
  const { context, page } = await newPage(browser);
  const wire = await wireBytes(context, page);
  await page.goto(url);
  await page.waitForSelector('[data-reply]', { timeout: 120_000 });
  const before = wire.requests.length;
  const t0 = Date.now();
  await page.evaluate((h) => { location.hash = h; }, hash);
  let ms = null;
  try {
    await page.waitForFunction((sel) => !document.querySelector('[data-bodies-loading]') && document.querySelector(sel), ready, { timeout: 300_000, polling: 100 });
    ms = Date.now() - t0;
  } catch {
    // Reported as not finished within five minutes.
  }
  const chunks = wire.requests.slice(before).filter(([u]) => /\/corpus\/c\d+\.js/.test(u ?? ''));
  const wasm = await page.evaluate(() => window.__bench?.wasmMemory ?? null).catch(() => null);
  await context.close();
  return { ms, chunks: chunks.length, bytes: chunks.reduce((a, [, b]) => a + b, 0), wasm };
}

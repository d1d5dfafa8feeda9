// Lighthouse (npm `lighthouse`, default mobile preset) on every view of the
// release app: accessibility, best practices and SEO, with the performance
// score and the largest contentful paint as context. `./x bench` runs it as
// one of its steps (`./x bench --only lighthouse` alone, on a release build
// of the real corpus); by hand, on dist/ as `./x build` left it:
//
//   node tools/lighthouse.mjs [--dist DIR] [--runs N] [--preset desktop] [--out FILE] [--json FILE]
//
// The site is served by tools/serve.mjs on 127.0.0.1. Each run starts a
// fresh headless Chromium (chrome-launcher: a new profile, no background
// networking) at $CHROME_PATH, else $CHROMIUM, else /usr/bin/chromium.
// Scores are the lowest of --runs runs (default 3) for accessibility, best
// practices and SEO, the median for performance and LCP. Every audit that
// keeps a category below 100 is listed under the table.
// Writes the markdown table to stdout and --out (default
// target/bench/lighthouse.md) and every figure to --json (default
// target/bench/lighthouse.json).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { serve } from './serve.mjs';
import { median } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'];
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

const log = (...a) => console.error('[lighthouse]', ...a);

/**
 * The views audited, as URL hashes: the start page, a reader (the first
 * reply the prerendered start page lists, its document number URL-encoded
 * as the app's own links have it) and every other view.
 */
export function views(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const reply = html.match(/href="#\/replies\/([^"?#]+)"/)?.[1];
  if (!reply) throw new Error(`${dist}/index.html links to no reply: is it a release build?`);
  return [
    ['replies', '#/replies'],
    ['reader', `#/replies/${reply}`],
    ['commitments', '#/commitments'],
    ['figures', '#/figures'],
    ['charts', '#/charts'],
    ['about', '#/about'],
  ];
}

const chromePath = () => process.env.CHROME_PATH ?? process.env.CHROMIUM ?? '/usr/bin/chromium';

/** One Lighthouse run of `url` in a fresh browser: the result (lhr). */
async function audit(url, preset) {
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/** One item of an audit's details: the element, or the URL and the message. */
function describe(item) {
  if (item.node?.selector) return item.node.selector;
  const text = [item.sourceLocation?.url ?? item.url, item.description].filter(Boolean).join(': ');
  return text || JSON.stringify(item).slice(0, 120);
}

/** The audits that keep a category below 100 (weighted, scored, not passed). */
function failing(lhr) {
  const out = [];
  for (const id of CATEGORIES) {
    if (id === 'performance') continue;
    for (const ref of lhr.categories[id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        const items = (a.details?.items ?? []).slice(0, 5).map(describe);
        out.push({ category: id, id: ref.id, title: a.title, score: a.score, items });
      }
    }
  }
  return out;
}

/**
 * Lighthouse on every view of the site in `dist`, `runs` times each.
 * Resolves to { date, chrome, lighthouse, runs, views: [{ view, hash, scores, lcp, failing }] }.
 */
export async function runLighthouse(dist, { runs = 3, preset = 'mobile' } = {}) {
  const site = await serve(dist);
  const out = { date: new Date().toISOString(), runs, views: [] };
  try {
    for (const [view, hash] of views(dist)) {
      const lhrs = [];
      for (let i = 0; i < runs; i++) {
        log(`${view} (${hash}), run ${i + 1} of ${runs}`);
        lhrs.push(await audit(site.url + hash, preset));
      }
      // null where Lighthouse could not score a category in a run.
      const score = (id) => lhrs.map((l) => (l.categories[id].score == null ? null : Math.round(100 * l.categories[id].score)));
      const lowest = (xs) => (xs.some((x) => x == null) ? null : Math.min(...xs));
      out.lighthouse = lhrs[0].lighthouseVersion;
      out.chrome = lhrs[0].environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? null;
      out.formFactor = lhrs[0].configSettings.formFactor;
      out.views.push({
        view,
        hash,
        scores: {
          accessibility: lowest(score('accessibility')),
          'best-practices': lowest(score('best-practices')),
          seo: lowest(score('seo')),
          performance: median(score('performance')),
        },
        allScores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])),
        lcp: median(lhrs.map((l) => l.audits['largest-contentful-paint'].numericValue)),
        // Every audit that failed in any run, once.
        failing: [...new Map(lhrs.flatMap(failing).map((f) => [`${f.category}/${f.id}`, f])).values()],
      });
    }
  } finally {
    site.server.close();
  }
  return out;
}

/** The markdown table (and the audits behind any score below 100). */
export function lighthouseTable(res) {
  const head = '| view | URL hash | accessibility | best practices | SEO | performance | LCP |\n|---|---|---|---|---|---|---|\n';
  const n = (x) => x ?? 'not scored';
  const rows = res.views.map((v) =>
    `| ${v.view} | \`${v.hash}\` | ${n(v.scores.accessibility)} | ${n(v.scores['best-practices'])} | ${n(v.scores.seo)} | ${n(v.scores.performance)} | ${v.lcp == null ? '—' : `${(v.lcp / 1000).toFixed(1)} s`} |`);
  const notes = res.views.flatMap((v) => v.failing.map((f) =>
    `- ${v.view}: ${f.category} — \`${f.id}\` ${f.title}${f.items.length ? ` (${f.items.join('; ')})` : ''}`));
  return `${head}${rows.join('\n')}\n\n`
    + `Lighthouse ${res.lighthouse}, ${res.formFactor} preset (simulated throttling), ${res.chrome ?? 'Chromium'}, headless; `
    + `${res.runs} run${res.runs === 1 ? '' : 's'} per view: the lowest accessibility, best-practices and SEO scores, the median performance score and LCP; ${res.date}.\n`
    + (notes.length ? `\nAudits below 100:\n${notes.join('\n')}\n` : '');
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const dist = resolve(opt('--dist', join(ROOT, 'dist')));
  const out = resolve(opt('--out', join(ROOT, 'target', 'bench', 'lighthouse.md')));
  const json = resolve(opt('--json', join(ROOT, 'target', 'bench', 'lighthouse.json')));
  const res = await runLighthouse(dist, { runs: Number(opt('--runs', '3')), preset: opt('--preset', 'mobile') });
  const md = lighthouseTable(res);
  for (const f of [out, json]) mkdirSync(dirname(f), { recursive: true });
  writeFileSync(json, JSON.stringify(res, null, 2));
  writeFileSync(out, md);
  process.stdout.write(md);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

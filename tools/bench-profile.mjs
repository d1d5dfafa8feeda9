// Where a keystroke's time goes in the app, at a given corpus size: builds
// the app with function names kept (cargo + wasm-bindgen, no wasm-opt, so
// the profile names Rust functions), types the same queries as
// tools/bench.mjs in headless Chromium under the CPU profiler and a
// DevTools trace, and prints
//   - for the load and for the typing: the browser's own work per phase (style, layout, paint …) from the trace,
//   - the top functions by self time from the profile (JS and wasm),
//   - the same grouped by crate / module path.
//
//   node tools/bench-profile.mjs [N]      (N = 2000 by default; needs
//                                         target/bench/corpus-N from ./x bench)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 2000);
const corpus = N === 5 ? join(ROOT, 'corpus') : join(ROOT, 'target', 'bench', `corpus-${N}`);
const out = join(ROOT, 'target', 'bench', `profile-${N}`);
const QUERIES = ['科技成果转化', '孵化器', 'innomatch', '金融 贷款', '集成电路', 'ai', '沪科建复', '上海技术交易所', 'chip', '2024'];

function sh(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

if (!existsSync(corpus)) throw new Error(`${corpus} is missing: run ./x bench (or dafu synth ${N} --out ${corpus}) first`);
mkdirSync(out, { recursive: true });
sh('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'dafu-web'], { DAFU_CORPUS: corpus });
sh('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'dafu',
  join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'dafu-web.wasm')]);
// The stylesheets of the release build, so style and layout cost the same.
const dist = join(ROOT, 'target', 'bench', `dist-${N}`);
const css = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.css') && readFileSync(join(dist, 'index.html'), 'utf8').includes(f)) : [];
for (const f of css) copyFileSync(join(dist, f), join(out, f));
writeFileSync(join(out, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
${css.map((f) => `<link rel="stylesheet" href="./${f}">`).join('\n')}
<script type="module">import init from './dafu.js'; init();</script></head><body></body></html>`);

const site = await serve(out);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const CATEGORIES = ['devtools.timeline', 'blink', 'v8.execute'];

async function profiled(page, cdp, work) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  return { profile, trace };
}

// Load: from navigation to the first reply list.
const loadPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const loadCdp = await loadPage.context().newCDPSession(loadPage);
const load = await profiled(loadPage, loadCdp, async () => {
  await loadPage.goto(site.url);
  await loadPage.waitForSelector('[data-reply]', { timeout: 60_000 });
  await loadPage.waitForTimeout(500);
});

// Typing.
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(site.url);
await page.waitForSelector('[data-reply]', { timeout: 60_000 });
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
let keys = 0;
const typing = await profiled(page, cdp, async () => {
  const box = page.locator('#dafu-search');
  for (const q of QUERIES) {
    await box.fill('');
    await page.waitForTimeout(300);
    for (const ch of q) {
      if (/[a-z0-9 ]/.test(ch)) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      else await page.keyboard.insertText(ch);
      keys++;
      await page.waitForTimeout(300);
    }
  }
});
await browser.close();
site.server.close();

const PHASES = ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseHTML', 'FunctionCall', 'EventDispatch',
  'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'MajorGC', 'MinorGC'];

// Browser phases (complete events of the renderer main thread), self time
// per function and per crate/module, as text.
function summary({ profile, trace }, label, per = 1, unit = '') {
  const phases = new Map();
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !e.dur || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue;
    if (PHASES.includes(e.name)) phases.set(e.name, (phases.get(e.name) ?? 0) + e.dur / 1000);
  }
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const group = (name) => {
    if (name.startsWith('(')) return name.replace(/ .*/, ')').replace('))', ')');
    const m = name.match(/^(?:<)?([a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)?)/i);
    return m ? m[1] : name;
  };
  const groups = new Map();
  for (const [name, t] of self) groups.set(group(name), (groups.get(group(name)) ?? 0) + t);
  const fmt = (t) => `${t.toFixed(0).padStart(7)} ms`;
  const each = (v) => (per > 1 ? `  (${(v / per).toFixed(1)} ms per ${unit})` : '');
  let md = `## ${label}: ${total.toFixed(0)} ms sampled\n\nBrowser phases on the main thread (trace; nested phases overlap):\n`;
  for (const [k, v] of [...phases].sort((a, b) => b[1] - a[1])) md += `${fmt(v)}  ${k}${each(v)}\n`;
  md += '\nSelf time by crate/module:\n';
  for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) md += `${fmt(v)}  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}\n`;
  md += '\nTop functions by self time:\n';
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) md += `${fmt(v)}  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k.slice(0, 140)}\n`;
  return md + '\n';
}

const md = `# Profile at ${N} replies\n\n` + summary(load, 'Load, navigation to the first reply list')
  + summary(typing, `Typing, ${keys} keystrokes`, keys, 'key');
writeFileSync(join(out, 'profile.md'), md);
writeFileSync(join(out, 'load.cpuprofile'), JSON.stringify(load.profile));
writeFileSync(join(out, 'typing.cpuprofile'), JSON.stringify(typing.profile));
process.stdout.write(md);

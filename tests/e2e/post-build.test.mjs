// tools/post-build.mjs, the trunk post_build hook, on small staging folders:
// it moves trunk's inline loader into a file, and fails loudly when it can't.
// Then the service worker it writes into release builds: dist/sw.js's list
// and version, and the worker's code run against a stand-in cache and network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST, ROOT } from './harness.mjs';
import { serviceWorkerBuild, serviceWorkerScript } from '../../tools/sw-build.mjs';

const HOOK = join(ROOT, 'tools', 'post-build.mjs');

// The smallest valid wasm module: magic and version.
const EMPTY_MODULE = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
const LOADER = `<script type="module">
import init, * as bindings from './dafu-web-ab12.js';
const wasm = await init({ module_or_path: './dafu-web-ab12_bg.wasm' });
</script>`;

async function stage(html, wasm = EMPTY_MODULE) {
  const dir = await mkdtemp(join(tmpdir(), 'dafu-stage-'));
  await writeFile(join(dir, 'index.html'), html);
  await writeFile(join(dir, 'app-0123.css'), '.dafu{color:red}');
  await writeFile(join(dir, 'dafu-web-ab12_bg.wasm'), wasm);
  return dir;
}
const run = (dir) =>
  spawnSync('node', [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'debug' }, encoding: 'utf8' });

test('the hook moves the inline loader into a file and writes dafu.js and dafu.css', async () => {
  const dir = await stage(`<!doctype html><html><head><meta charset="utf-8">
${LOADER}
<link rel="stylesheet" href="./app-0123.css"></head><body></body></html>`);
  try {
    const r = run(dir);
    assert.equal(r.status, 0, r.stderr);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script type="module">/);
    const src = html.match(/<script type="module" src="\.\/(dafu-[0-9a-f]{16}\.js)" integrity="sha384-[^"]+"><\/script>/)?.[1];
    assert.ok(src, html);
    const loader = await readFile(join(dir, src), 'utf8');
    assert.equal(await readFile(join(dir, 'dafu.js'), 'utf8'), loader);
    assert.match(loader, /import init from '\.\/dafu-web-ab12\.js';/);
    assert.match(loader, /new URL\('\.\/dafu-web-ab12_bg\.wasm', import\.meta\.url\)/);
    assert.equal(await readFile(join(dir, 'dafu.css'), 'utf8'), '.dafu{color:red}');
    assert.ok(!(await readdir(dir)).includes('dafu-offline.html'), 'no offline file in debug builds');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the hook fails, and so the build, when it finds no loader', async () => {
  const dir = await stage('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  try {
    const r = run(dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /post-build: expected one inline module loader/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the hook fails when the built wasm is not a valid module', async () => {
  const dir = await stage(`<!doctype html><html><head><meta charset="utf-8">${LOADER}</head><body></body></html>`, Buffer.alloc(0));
  try {
    const r = run(dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /dafu-web-ab12_bg\.wasm \(0 bytes\) is not a valid wasm module/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a debug build registers no service worker and writes no sw.js', async () => {
  const dir = await stage(`<!doctype html><html><head><meta charset="utf-8">${LOADER}</head><body></body></html>`);
  try {
    const r = run(dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(await readFile(join(dir, 'dafu.js'), 'utf8'), /serviceWorker/);
    assert.ok(!(await readdir(dir)).includes('sw.js'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// The service worker of the release build (tools/service-worker.js, written
// as dist/sw.js with the build's file list and version).

/** The BUILD line of a sw.js. */
const buildOf = (sw) => JSON.parse(sw.match(/^const BUILD = (\{.*\});\n/)[1]);

/** Every file of a folder, relative to it, with / between folders. */
async function files(dir, under = '') {
  const out = [];
  for (const e of await readdir(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await files(dir, rel)));
    else out.push(rel);
  }
  return out;
}

test('dist/sw.js keeps every file the app\'s page loads, the corpus files too, and nothing else', async () => {
  const build = buildOf(await readFile(join(DIST, 'sw.js'), 'utf8'));
  assert.match(build.version, /^[0-9a-f]{16}$/);
  assert.equal(build.corpusOnUse, false, 'the bundled corpus is under the budget');
  // Not the page's: the precompressed copies, the worker itself, the host
  // pages' entry points, the offline pages.
  const others = /\.(br|gz)$|^(sw\.js|dafu\.js|dafu\.css|offline\.html|dafu-offline\.html)$/;
  const expected = (await files(DIST)).filter((f) => !others.test(f)).sort();
  assert.deepEqual([...build.precache].sort(), expected);
  for (const f of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'corpus/c0.js']) {
    assert.ok(build.precache.includes(f), f);
  }
  assert.equal(build.precache.filter((f) => /\.wasm$/.test(f)).length, 1, 'the module');
});

test('the version of sw.js follows every file it knows, and a corpus over the budget is kept as used', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dafu-sw-'));
  try {
    await mkdir(join(dir, 'corpus'));
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    await writeFile(join(dir, 'app-0123456789abcdef.js'), 'app');
    await writeFile(join(dir, 'corpus', 'c0.js'), 'c0');
    await writeFile(join(dir, 'corpus', 's0.js'), 's0');
    const shell = ['index.html', 'app-0123456789abcdef.js'];
    const code = '// worker';
    const first = serviceWorkerBuild(dir, shell, { code });
    assert.deepEqual(first.precache, [...shell, 'corpus/c0.js', 'corpus/s0.js']);
    assert.equal(first.corpusOnUse, false);
    assert.equal(serviceWorkerBuild(dir, shell, { code }).version, first.version, 'the same files, the same version');
    const versions = new Set([first.version]);
    await writeFile(join(dir, 'corpus', 's0.js'), 's0 of another build');
    versions.add(serviceWorkerBuild(dir, shell, { code }).version);
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>new</title>');
    versions.add(serviceWorkerBuild(dir, shell, { code }).version);
    versions.add(serviceWorkerBuild(dir, shell, { code: '// another worker' }).version);
    assert.equal(versions.size, 4, 'a corpus file, the page, the worker: each a new version');

    const over = serviceWorkerBuild(dir, shell, { code, budget: 10 });
    assert.equal(over.corpusOnUse, true);
    assert.deepEqual(over.precache, shell);
    const script = serviceWorkerScript(over, code);
    assert.deepEqual(buildOf(script), { version: over.version, precache: shell, corpusOnUse: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * The worker's code in a stand-in for the browser: its scope, a Cache API
 * over Maps, a network that serves `files` while `online`.
 */
function worker(build, { scope = 'https://example.cn/dafu/', files = {} } = {}) {
  const handlers = {};
  const net = { online: true, asked: [] };
  const stores = new Map();
  const store = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const entries = stores.get(name);
    const key = (k, search = true) => {
      const url = new URL(typeof k === 'string' ? k : k.url);
      if (!search) url.search = '';
      return url.href;
    };
    return {
      put: async (k, response) => void entries.set(key(k), response),
      match: async (k, opts = {}) => {
        for (const [at, response] of entries) {
          if (key(at, !opts.ignoreSearch) === key(k, !opts.ignoreSearch)) return response.clone();
        }
        return undefined;
      },
    };
  };
  const caches = {
    open: async (name) => store(name),
    keys: async () => [...stores.keys()],
    delete: async (name) => stores.delete(name),
  };
  const fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input.url;
    net.asked.push([url, init.cache ?? 'default']);
    if (!net.online) throw new TypeError('Failed to fetch');
    const path = url.slice(scope.length).split('?')[0];
    return path in files ? new Response(files[path]) : new Response('not found', { status: 404 });
  };
  const self = {
    registration: { scope },
    location: new URL('sw.js', scope),
    addEventListener: (type, fn) => { handlers[type] = fn; },
    skipWaiting: async () => { self.skipped = true; },
  };
  vm.runInNewContext(serviceWorkerScript(build), { self, caches, fetch, URL, Request, Response, TypeError });
  /** Fires an event; resolves to what it was answered with (undefined: left to the browser). */
  const fire = async (type, request) => {
    const waits = [];
    let answer;
    handlers[type]({ request, waitUntil: (p) => waits.push(p), respondWith: (p) => { answer = p; } });
    const response = answer && (await answer);
    await Promise.all(waits);
    return response;
  };
  return { self, net, stores, fire };
}

test('the worker keeps every file, drops its site\'s older caches only, and answers from its cache offline', async () => {
  const scope = 'https://example.cn/dafu/';
  const files = {
    'index.html': 'page', 'app-0123456789abcdef.js': 'app', 'app-0123456789abcdef_bg.wasm': 'wasm',
    'manifest.webmanifest': '{}', 'corpus/c0.js': 'c0',
  };
  const build = { version: '00000000000000b2', precache: Object.keys(files), corpusOnUse: false };
  const sw = worker(build, { scope, files });
  // Caches: this site's older build, another dafu site's, another app's.
  const { stores } = sw;
  for (const name of [`dafu ${scope} 00000000000000b1`, 'dafu https://example.cn/other/ 00000000000000b1', 'their-cache']) {
    stores.set(name, new Map());
  }

  await sw.fire('install');
  assert.ok(sw.self.skipped, 'a new build takes over at once');
  const mine = `dafu ${scope} ${build.version}`;
  assert.deepEqual([...stores.get(mine).keys()].sort(), Object.keys(files).map((f) => scope + f).sort());
  // Fixed names are checked with the server; hashed names may come from the HTTP cache.
  assert.deepEqual(Object.fromEntries(sw.net.asked.map(([u, c]) => [u.slice(scope.length), c])), {
    'index.html': 'no-cache', 'app-0123456789abcdef.js': 'default', 'app-0123456789abcdef_bg.wasm': 'default',
    'manifest.webmanifest': 'no-cache', 'corpus/c0.js': 'no-cache',
  });

  await sw.fire('activate');
  assert.deepEqual([...stores.keys()].sort(), [mine, 'dafu https://example.cn/other/ 00000000000000b1', 'their-cache'].sort());

  const get = (path, init) => sw.fire('fetch', new Request(scope + path, init));
  const text = async (r) => (r ? r.text() : undefined);
  // Online: hashed names from the cache, without asking the network; the rest from the network.
  sw.net.asked.length = 0;
  files['corpus/c0.js'] = 'c0 of a newer build';
  assert.equal(await text(await get('app-0123456789abcdef.js')), 'app');
  assert.equal(await text(await get('corpus/c0.js')), 'c0 of a newer build');
  assert.deepEqual(sw.net.asked.map(([u]) => u), [`${scope}corpus/c0.js`]);
  // Not the site's files, or not a GET: left to the browser.
  assert.equal(await get('dafu-offline.html'), undefined);
  assert.equal(await get('index.html', { method: 'POST' }), undefined);
  assert.equal(await sw.fire('fetch', new Request('https://example.cn/other/index.html')), undefined);
  assert.equal(await sw.fire('fetch', new Request('https://cdn.example.com/dafu/app-0123456789abcdef.js')), undefined);

  // Offline: this build's files from the cache; the site's address and any
  // query open its page.
  sw.net.online = false;
  assert.equal(await text(await get('')), 'page');
  assert.equal(await text(await get('?embed')), 'page');
  assert.equal(await text(await get('index.html?embed')), 'page');
  assert.equal(await text(await get('corpus/c0.js')), 'c0', 'the kept copy of this build');
  assert.equal(await text(await get('app-0123456789abcdef_bg.wasm?v=2')), 'wasm');
  await assert.rejects(get('corpus/c9.js'), TypeError, 'a file it never had fails as offline');
});

test('over the budget, the worker keeps corpus files as the app loads them', async () => {
  const scope = 'https://example.cn/';
  const files = { 'index.html': 'page', 'corpus/c0.js': 'c0', 'corpus/s3.js': 's3' };
  const build = { version: '00000000000000c1', precache: ['index.html'], corpusOnUse: true };
  const sw = worker(build, { scope, files });
  await sw.fire('install');
  await sw.fire('activate');
  const cache = sw.stores.get(`dafu ${scope} ${build.version}`);
  assert.deepEqual([...cache.keys()], [`${scope}index.html`]);
  await sw.fire('fetch', new Request(`${scope}corpus/s3.js`));
  assert.deepEqual([...cache.keys()].sort(), [`${scope}corpus/s3.js`, `${scope}index.html`]);
  sw.net.online = false;
  assert.equal(await (await sw.fire('fetch', new Request(`${scope}corpus/s3.js`))).text(), 's3');
  await assert.rejects(sw.fire('fetch', new Request(`${scope}corpus/c0.js`)), TypeError);
});

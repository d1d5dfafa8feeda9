// The served site as an installable web app that works offline: its web
// manifest and its service worker (sw.js, written by tools/post-build.mjs
// from tools/service-worker.js). Once opened over http, the app works with
// the browser offline and the server gone; nothing registers a worker from
// file://, from a portal page that mounts the app or from a portal's frame;
// a new build's worker replaces the old one's cache and no other's.
import { after, test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  appTest, BUNDLED, CHROMIUM_ARGS, countIs, DIST, expect, injectScript, offlineFolderTest, offlineTest, parsedCorpus, ROOT, site,
} from './harness.mjs';

const parsed = parsedCorpus();
const HOSTED = { base: '/dafu/', mounts: { '/host/': join(import.meta.dirname, 'fixtures') } };
const host = (url, page) => new URL(`../host/${page}`, url).href;

/** Rejects when `promise` takes longer than `ms` (page.evaluate has no timeout). */
function within(ms, promise, what) {
  let timer;
  const late = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: nothing after ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Waits until the page's service worker is active — its install, which keeps
 * every file, has finished — and resolves to its scope and the origin's caches.
 */
const installed = (page) =>
  within(20_000, page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    while (reg.active.state !== 'activated') await new Promise((ok) => setTimeout(ok, 50));
    return { scope: reg.scope, script: reg.active.scriptURL, caches: await caches.keys() };
  }), 'the service worker');

/** The registrations of the page's origin, or why there are none to ask for. */
const registrations = (page) =>
  page.evaluate(async () => {
    if (!navigator.serviceWorker) return 'no service workers here';
    try {
      return (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope);
    } catch (e) {
      return `refused: ${e.name}`;
    }
  });

/** No axe-core violation of impact serious or critical (as a11y.test.mjs). */
async function audit(page, label) {
  await injectScript(page, join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'));
  const bad = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  expect.deepEqual(bad, [], `${label}: accessibility violations`);
}

/** Past the moment the app's loader would register: after load, once idle (2 s at most). */
const pastRegistration = (page) => page.waitForLoadState('load').then(() => page.waitForTimeout(3000));

const matching = (term) =>
  parsed.filter((r) =>
    [r.title, ...r.proposers, r.doc_number, ...r.paragraphs.map((p) => p.text)]
      .some((t) => (t ?? '').replace(/\s+/g, '').includes(term)));
const commitments = parsed.reduce((n, r) => n + r.commitments.length, 0);

for (const base of ['/', '/dafu/']) {
  appTest(`opened once at ${base}, the app works with the browser offline and the server gone`, async ({ page, context, open, url, requests, stopServer }) => {
    const worker = [];
    context.on('request', (r) => { if (r.serviceWorker()) worker.push(r.url()); });
    await open('#/');
    await countIs(page, BUNDLED);
    const sw = await installed(page);
    expect.equal(sw.scope, url, 'the scope is the site\'s folder');
    expect.equal(sw.script, `${url}sw.js`);
    expect.ok(sw.caches.some((name) => name.startsWith(`dafu ${url} `)), sw.caches.join());
    // The worker, not the page, fetched the corpus files to keep them; the
    // page itself loaded none for its start page.
    expect.ok(worker.some((u) => u === `${url}corpus/c0.js`), `the worker kept the corpus: ${worker.join(' ')}`);
    expect.deepEqual(requests.filter((u) => u.includes('/corpus/')), []);
    // Not yet served by the worker: the about page claims nothing.
    await page.click('a[data-view="about"]');
    await page.waitForSelector('.view-about');
    expect.equal(await page.locator('[data-offline-kept]').count(), 0);
    await page.click('a[data-view="replies"]');

    // Controlled from the next load on.
    await page.reload();
    await page.waitForSelector('[data-dafu] .dafu [data-reply]');
    expect.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'controlled after a reload');

    await context.setOffline(true);
    await stopServer();
    const responses = [];
    page.on('response', (r) => responses.push([r.url(), r.fromServiceWorker()]));
    await page.reload();
    await page.waitForSelector('[data-dafu] .dafu [data-reply]');
    await countIs(page, BUNDLED);
    expect.deepEqual(responses.filter(([, fromWorker]) => !fromWorker), [], 'everything came from the worker');

    // A search loads its index shards from the cache.
    await page.fill('#dafu-search', '孵化');
    await countIs(page, matching('孵化').length);
    expect.equal(await page.locator('[data-index-error]').count(), 0);
    await page.fill('#dafu-search', '');
    await countIs(page, BUNDLED);

    // A reply's text comes from its chunk in the cache.
    await page.locator('[data-reply] a').first().click();
    const reader = page.locator('#dafu-reader');
    await reader.waitFor();
    const id = await reader.getAttribute('data-open');
    const reply = parsed.find((r) => r.doc_number === id);
    expect.ok(reply, `the open reply ${id}`);
    const text = reply.paragraphs.find((p) => p.kind === 'paragraph').text.slice(0, 20);
    await page.waitForFunction((t) => document.getElementById('dafu-reader')?.textContent.includes(t), text);
    expect.equal(await page.locator('[data-chunk-error]').count(), 0);

    await page.click('a[data-view="commitments"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-commitment]').length === n, commitments);
    expect.equal(await page.locator('[data-chunk-error]').count(), 0);

    // The about page says the site is kept, in Chinese and in English.
    await page.click('a[data-view="about"]');
    const kept = page.locator('.view-about [data-offline-kept]');
    await kept.waitFor();
    expect.match(await kept.textContent(), /^可离线使用：此浏览器已保存本站/);
    await audit(page, 'about, kept offline, zh-CN');
    await page.click('#dafu-lang');
    await page.waitForSelector('.dafu[lang="en"]');
    expect.match(await kept.textContent(), /^Available offline: this browser keeps a copy of this site/);
    await audit(page, 'about, kept offline, en');

    // Another address of the site, offline: its page ignores the query.
    await page.goto(`${url}index.html?embed#/about`);
    await page.waitForSelector('[data-dafu][data-embed] .view-about');
  }, { base, ownServer: true });
}

appTest('the web manifest is linked and complete, its icons load at their sizes, and the page is the worker\'s after a reload', async ({ page, context, open }) => {
  await open('#/');
  const link = page.locator('link[rel="manifest"]');
  expect.equal(await link.getAttribute('href'), './manifest.webmanifest', 'a relative address: the site works under any path');
  const res = await context.request.get(await link.evaluate((l) => l.href));
  expect.equal(res.status(), 200);
  expect.match(res.headers()['content-type'], /^application\/manifest\+json/);
  const manifest = await res.json();
  expect.equal(manifest.short_name, '答复');
  expect.match(manifest.name, /^答复 · /);
  expect.equal(manifest.lang, 'zh-CN');
  expect.equal(manifest.start_url, './');
  expect.equal(manifest.scope, './');
  expect.equal(manifest.display, 'standalone');
  // The colours of the app's page (styles/app.css): the masthead, the paper.
  expect.equal(manifest.theme_color, '#ffffff');
  expect.equal(manifest.background_color, '#f5f6f8');
  expect.equal(await page.locator('meta[name="theme-color"]').count(), 2, 'light and dark');

  const sizes = {};
  for (const icon of manifest.icons) {
    const png = await context.request.get(new URL(icon.src, res.url()).href);
    expect.equal(png.status(), 200, icon.src);
    expect.equal(png.headers()['content-type'], 'image/png', icon.src);
    const body = await png.body();
    // A PNG's width and height: big-endian, at bytes 16 and 20 (IHDR).
    expect.equal(body.toString('latin1', 1, 4), 'PNG', icon.src);
    expect.equal(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.sizes, icon.src);
    sizes[`${icon.purpose} ${icon.sizes}`] = icon.type;
  }
  expect.deepEqual(sizes, { 'any 192x192': 'image/png', 'any 512x512': 'image/png', 'maskable 512x512': 'image/png' });
  const touch = await context.request.get(await page.locator('link[rel="apple-touch-icon"]').evaluate((l) => l.href));
  expect.equal(touch.status(), 200);

  await installed(page);
  await page.reload();
  await page.waitForSelector('[data-dafu] .dafu [data-reply]');
  expect.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'controlled after a reload');
});

// A test context is an incognito profile, which Chromium never offers to
// install into: this one runs in a profile of its own.
test('Chromium finds the site installable', async () => {
  const url = await site();
  const profile = await mkdtemp(join(tmpdir(), 'dafu-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForSelector('[data-dafu] .dafu [data-reply]');
    await installed(page);
    const cdp = await context.newCDPSession(page);
    const app = await cdp.send('Page.getAppManifest');
    expect.equal(app.url, `${url}manifest.webmanifest`);
    expect.deepEqual(app.errors, [], 'manifest errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect.deepEqual(installabilityErrors, [], 'installability errors');
    expect.deepEqual(errors, [], 'uncaught errors in the page');
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

appTest('a server without sw.js: the registration fails quietly and the app works', async ({ page, context, open }) => {
  const asked = [];
  await context.route('**/sw.js', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await open('#/');
  await countIs(page, BUNDLED);
  await pastRegistration(page);
  expect.equal(asked.length, 1, 'the page tried to register');
  expect.deepEqual(await registrations(page), []);
  await page.fill('#dafu-search', '孵化');
  await countIs(page, matching('孵化').length);
});

test('the offline pages carry no manifest and no worker registration', async () => {
  for (const file of ['dafu-offline.html', 'offline.html']) {
    const html = await readFile(join(DIST, file), 'utf8');
    expect.doesNotMatch(html, /rel="?manifest|apple-touch-icon/, file);
    expect.doesNotMatch(html, /sw\.js|serviceWorker\.register/, file);
  }
  const served = await readFile(join(DIST, 'index.html'), 'utf8');
  expect.match(served, /<link rel="manifest" href="\.\/manifest\.webmanifest">/);
});

offlineTest('from file:// the single file registers no service worker', async ({ page, open }) => {
  await open('#/');
  await page.waitForSelector('[data-reply]');
  await pastRegistration(page);
  const regs = await registrations(page);
  expect.ok(!Array.isArray(regs) || regs.length === 0, `registrations: ${regs}`);
});

offlineFolderTest('from file:// offline.html with its corpus folder registers no service worker', async ({ page, open }) => {
  await open('#/');
  await page.waitForSelector('[data-reply]');
  await pastRegistration(page);
  const regs = await registrations(page);
  expect.ok(!Array.isArray(regs) || regs.length === 0, `registrations: ${regs}`);
});

appTest('a portal page that mounts the app in its <div data-dafu> gets no service worker', async ({ page, url }) => {
  await page.goto(host(url, 'div-host.html'));
  await page.waitForSelector('div[data-dafu] > .dafu [data-reply]');
  await pastRegistration(page);
  expect.deepEqual(await registrations(page), [], 'registrations of the portal\'s origin');
  expect.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
}, HOSTED);

appTest('the app in a portal\'s iframe (?embed) registers no service worker', async ({ page, url }) => {
  await page.goto(host(url, 'iframe-host.html'));
  const frame = page.frameLocator('#dafu-frame');
  await frame.locator('[data-dafu][data-embed] .dafu [data-reply]').first().waitFor();
  await pastRegistration(page);
  // The frame is of the portal's origin: the same registrations.
  expect.deepEqual(await registrations(page), []);
}, HOSTED);

appTest('opened on its own with ?embed, the app registers its worker as without', async ({ page, open, url }) => {
  await page.goto(`${url}?embed#/`);
  await page.waitForSelector('[data-dafu][data-embed] .dafu [data-reply]');
  expect.equal((await installed(page)).scope, url);
}, HOSTED);

// Two copies of the built site on one origin, at /a/ and /b/: two dafu sites.
const copies = mkdtempSync(join(tmpdir(), 'dafu-sites-'));
after(() => rm(copies, { recursive: true, force: true }));
async function twoSites() {
  await cp(DIST, join(copies, 'a'), { recursive: true });
  await cp(DIST, join(copies, 'b'), { recursive: true });
  return join(copies, 'a');
}

appTest('a new build\'s worker replaces the old one\'s cache, and leaves another dafu site\'s on the origin alone', async ({ page, url }) => {
  const a = url;
  const b = new URL('../b/', a).href;
  await page.goto(b);
  await page.waitForSelector('[data-dafu] .dafu [data-reply]');
  await installed(page);
  await page.goto(a);
  await page.waitForSelector('[data-dafu] .dafu [data-reply]');
  const before = (await installed(page)).caches.sort();
  const sw = await readFile(join(copies, 'a', 'sw.js'), 'utf8');
  const version = sw.match(/"version":"([0-9a-f]{16})"/)?.[1];
  expect.ok(version, 'sw.js names its version');
  expect.deepEqual(before, [`dafu ${a} ${version}`, `dafu ${b} ${version}`]);

  // A new build at /a/ (here: its worker with another version).
  await writeFile(join(copies, 'a', 'sw.js'), sw.replace(`"version":"${version}"`, '"version":"0123456789abcdef"'));
  await rm(join(copies, 'a', 'sw.js.br'));
  await rm(join(copies, 'a', 'sw.js.gz'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await within(20_000, page.waitForFunction(
    (want) => caches.keys().then((k) => JSON.stringify(k.sort()) === want),
    JSON.stringify([`dafu ${a} 0123456789abcdef`, `dafu ${b} ${version}`].sort()),
    { polling: 100 },
  ), 'the new cache');
}, { base: '/a/', mounts: { '/b/': join(copies, 'b') }, dir: twoSites });

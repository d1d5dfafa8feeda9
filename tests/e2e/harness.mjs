// End-to-end harness: serves the built site (dist/) on 127.0.0.1, drives
// headless Chromium with playwright-core, and for every test
//   - opens a fresh browser context (empty localStorage),
//   - fails on an uncaught page error or a request outside the site,
//   - saves a full-page screenshot under target/e2e-failures/ when it fails.
//
// Adding a case:
//   import { appTest, expect } from './harness.mjs';
//   appTest('what the user sees', async ({ page, open }) => {
//     await open('#/');
//     await page.fill('#dafu-search', '孵化');
//     expect.equal(await page.locator('[data-reply]').count(), 2);
//   });
//
// The same checks for the single-file offline build, opened from file://:
//   offlineTest('works from a USB stick', async ({ page, open }) => { await open('#/'); … });
//
// The built pages run under a Content-Security-Policy that refuses inline
// scripts, so page.addScriptTag cannot add test tools: use injectScript.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const expect = assert;
export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = process.env.DAFU_DIST ?? join(ROOT, 'dist');
const FAILURES = join(ROOT, 'target', 'e2e-failures');

// Playwright adds --headless and a fresh temporary --user-data-dir itself.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

/**
 * The bundled corpus as the CLI parses it (`dafu parse corpus --json`): the
 * expected figures, commitments and fields, so tests follow the parser.
 */
export function parsedCorpus() {
  return JSON.parse(
    execFileSync('cargo', ['run', '-q', '-p', 'dafu-cli', '--', 'parse', 'corpus', '--json'], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20,
    }),
  );
}

/** How many replies the build bundles: the reply files of the corpus folder. */
export const BUNDLED = readdirSync(process.env.DAFU_CORPUS ?? join(ROOT, 'corpus'))
  .filter((f) => /\.(txt|md)$/.test(f)).length;
if (BUNDLED === 0) throw new Error('the end-to-end tests need a bundled corpus');

/** Waits until the result list holds `n` replies. */
export const countIs = (page, n) =>
  page.waitForFunction((n) => document.querySelectorAll('[data-reply]').length === n, n);

let browser;
const sites = new Map();

/** One browser for the whole file, started on first use. */
export async function getBrowser() {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  }
  return browser;
}

/**
 * The site served once per file, base path and extra folders (`mounts`, e.g.
 * { '/host/': dir } for host pages); resolves to its URL.
 */
export async function site(base = '/', mounts = {}) {
  const key = JSON.stringify([base, mounts]);
  if (!sites.has(key)) sites.set(key, serve(DIST, { base, mounts }));
  return (await sites.get(key)).url;
}

/** Runs a script file (e.g. axe-core) in the page, past its CSP (addScriptTag is refused). */
export async function injectScript(page, file) {
  await page.evaluate(await readFile(file, 'utf8'));
}

after(async () => {
  await browser?.close();
  for (const s of sites.values()) (await s).server.close();
});

const slug = (s) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Stops a server of tools/serve.mjs at once, open connections too. */
function stop(server) {
  return new Promise((done) => {
    if (!server.listening) return done();
    server.close(() => done());
    server.closeAllConnections();
  });
}

/**
 * Declares one end-to-end test. `fn` receives { page, context, open, url, requests }:
 * `open(hash)` loads the site and waits until the app has rendered.
 * Options: { base: '/dafu/' } serves the site under a sub-path; { mounts }
 * serves more folders beside it (see `site`); { dir: async () => path }
 * serves another folder than dist/; { ownServer: true } serves the site for this test alone, and
 * `fn` also receives `stopServer()`, which takes the site off the network.
 */
export function appTest(name, fn, { base = '/', allowOutside = false, mounts = {}, dir = null, ownServer = false } = {}) {
  let own = null;
  browserTest(name, fn, {
    allowOutside,
    start: async () => {
      own = ownServer || dir ? await serve((await dir?.()) ?? DIST, { base, mounts }) : null;
      const url = own ? own.url : await site(base, mounts);
      const roots = [url, ...Object.keys(mounts).map((at) => new URL(at, url).href)];
      const extra = own ? { stopServer: () => stop(own.server) } : {};
      return { url, inside: (u) => roots.some((root) => u.startsWith(root)), extra };
    },
    finish: async () => {
      if (own) await stop(own.server);
    },
  });
}

/**
 * Like appTest, for the single-file offline build: dist/dafu-offline.html is
 * copied alone into an empty temporary folder and opened from file://. The only
 * requests allowed are that file itself and data:/blob: URLs.
 */
export function offlineTest(name, fn) {
  let dir;
  browserTest(name, fn, {
    start: async () => {
      // A folder name as on a USB stick: a space and Chinese characters.
      dir = await mkdtemp(join(tmpdir(), 'dafu 离线版 '));
      const file = join(dir, 'dafu-offline.html');
      await copyFile(join(DIST, 'dafu-offline.html'), file);
      const url = pathToFileURL(file).href;
      return { url, inside: (u) => u.split('#')[0] === url };
    },
    finish: () => rm(dir, { recursive: true, force: true }),
  });
}

/**
 * Like offlineTest, for dist/offline.html with the corpus files beside it
 * (corpus/*.js): the folder a large corpus is copied as, opened from file://.
 * Requests are allowed inside that folder only.
 */
export function offlineFolderTest(name, fn) {
  let dir;
  browserTest(name, fn, {
    start: async () => {
      dir = await mkdtemp(join(tmpdir(), 'dafu 离线文件夹 '));
      await copyFile(join(DIST, 'offline.html'), join(dir, 'offline.html'));
      await cp(join(DIST, 'corpus'), join(dir, 'corpus'), { recursive: true });
      const root = `${pathToFileURL(dir).href}/`;
      return { url: `${root}offline.html`, inside: (u) => u.startsWith(root) };
    },
    finish: () => rm(dir, { recursive: true, force: true }),
  });
}

function browserTest(name, fn, { start, finish = async () => {}, allowOutside = false }) {
  test(name, async () => {
    const { url, inside, extra = {} } = await start();
    const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    const outside = [];
    const requests = [];
    page.on('pageerror', (e) => errors.push(e));
    page.on('request', (r) => {
      requests.push(r.url());
      if (!inside(r.url()) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
        outside.push(r.url());
      }
    });
    const open = async (hash = '') => {
      await page.goto(url + hash);
      await page.waitForSelector('[data-dafu] .dafu', { timeout: 15_000 });
    };
    try {
      await fn({ ...extra, page, context, open, url, requests });
      assert.deepEqual(errors.map(String), [], 'uncaught errors in the page');
      if (!allowOutside) assert.deepEqual(outside, [], 'requests outside the site');
    } catch (e) {
      await mkdir(FAILURES, { recursive: true });
      const shot = join(FAILURES, `${slug(name)}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      e.message += `\n  screenshot: ${shot}`;
      throw e;
    } finally {
      await context.close();
      await finish();
    }
  });
}

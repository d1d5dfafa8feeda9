// The single-file offline build (dist/dafu-offline.html), copied alone into an
// empty folder and opened from file:// — as from a USB stick.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED, expect, offlineTest, DIST } from './harness.mjs';
import { watchCsp } from './csp-probe.mjs';

test('dafu-offline.html is one file: no reference to any other file', async () => {
  const html = await readFile(join(DIST, 'dafu-offline.html'), 'utf8');
  const refs = [...html.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
  expect.deepEqual(refs.filter((r) => !r.startsWith('data:') && !r.startsWith('#')), []);
  expect.doesNotMatch(html, /<script[^>]+type=["']?module/i);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  // The corpus files inline, then the app: each script by its hash.
  expect.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  expect.match(csp, /connect-src 'none'/);
  expect.doesNotMatch(csp, /unsafe-inline/);
});

offlineTest('from file:// the list renders and search narrows it', async ({ page, open }) => {
  const csp = await watchCsp(page);
  await open('#/');
  await page.waitForSelector('[data-reply]');
  expect.equal(await page.locator('[data-reply]').count(), BUNDLED);
  await page.fill('#dafu-search', '沪科建复');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
  expect.deepEqual(await csp.violations(), [], 'CSP violations');
});

offlineTest('from file:// a reply opens, a status is set and survives a reload', async ({ page, open }) => {
  const csp = await watchCsp(page);
  await open('#/');
  await page.locator('[data-reply] a').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/replies/'));
  await page.waitForSelector('[data-reply] a[aria-current="page"]');

  await page.click('a[data-view="commitments"]');
  const first = page.locator('[data-commitment]').first();
  const id = await first.getAttribute('data-commitment');
  await first.locator('select').selectOption('kept');
  await page.waitForSelector(`[data-commitment="${id}"] select[data-status="kept"]`);

  await page.reload();
  await page.waitForSelector(`[data-dafu] .dafu [data-commitment="${id}"] select[data-status="kept"]`);
  expect.equal(await page.locator(`[data-commitment="${id}"] select`).inputValue(), 'kept');
  expect.deepEqual(await csp.violations(), [], 'CSP violations');
});

offlineTest('from file:// two tabs see each other\'s statuses as they are set', async ({ page, context, open, url }) => {
  await open('#/commitments');
  await page.waitForSelector('[data-commitment]');
  const second = await context.newPage();
  await second.goto(url + '#/commitments');
  await second.waitForSelector('[data-dafu] .dafu [data-commitment]');
  const ids = await page.locator('[data-commitment]').evaluateAll((els) => els.slice(0, 2).map((e) => e.dataset.commitment));
  await page.locator(`[data-commitment="${ids[0]}"] select`).selectOption('kept');
  await second.waitForSelector(`[data-commitment="${ids[0]}"] select[data-status="kept"]`, { timeout: 5_000 });
  await second.locator(`[data-commitment="${ids[1]}"] select`).selectOption('broken');
  await page.waitForSelector(`[data-commitment="${ids[1]}"] select[data-status="broken"]`, { timeout: 5_000 });
  expect.equal(await page.locator(`[data-commitment="${ids[0]}"] select`).inputValue(), 'kept');
});

offlineTest('from file:// the about page does not offer the offline file again', async ({ page, open }) => {
  await open('#/about');
  await page.waitForSelector('.view-about');
  const links = page.locator('[data-offline-link]');
  for (let i = 0; i < (await links.count()); i += 1) {
    expect.equal(await links.nth(i).isVisible(), false);
  }
});

// The served build carries a Content-Security-Policy (a <meta> written by
// tools/post-build.mjs) and works under it: no inline script, no violation.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appTest, expect, DIST } from './harness.mjs';
import { watchCsp } from './csp-probe.mjs';

test('index.html has the CSP meta and no inline script or style', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  expect.ok(csp, 'CSP meta');
  expect.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  expect.match(csp, /style-src 'self'(;|$)/);
  expect.doesNotMatch(csp, /unsafe-inline/);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, a, body]) => !/\bsrc=/.test(a) || body.trim());
  expect.deepEqual(inline.map(([tag]) => tag), [], 'inline scripts');
  expect.doesNotMatch(html, /<style\b|\sstyle=/i, 'inline styles');
});

appTest('the app works under its CSP: every view, search, a reply, a status', async ({ page, open }) => {
  const csp = await watchCsp(page);
  await open('#/');
  expect.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
  await page.waitForSelector('[data-reply]');
  await page.fill('#dafu-search', '孵化');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length < 5);
  await page.fill('#dafu-search', '');
  await page.locator('[data-reply] a').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/replies/'));
  for (const view of ['commitments', 'figures', 'charts', 'about', 'replies']) {
    await page.click(`a[data-view="${view}"]`);
    await page.waitForSelector(`.view-${view}`);
  }
  await page.click('a[data-view="commitments"]');
  await page.locator('[data-commitment] select').first().selectOption('kept');
  await page.waitForSelector('[data-commitment] select[data-status="kept"]');
  expect.deepEqual(await csp.violations(), [], 'CSP violations');

  // The policy is in force: an injected inline script is refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    return window.__inlineRan === true;
  });
  expect.equal(ran, false, 'an inline script ran');
  await page.waitForFunction(() => window.__cspViolations.length > 0);
});

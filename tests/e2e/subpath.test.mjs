// GitHub Pages serves the site under a sub-path (https://USER.github.io/REPO/):
// the same checks as the smoke tests, with the site under /dafu/.
import { appTest, BUNDLED, expect } from './harness.mjs';

const BASE = { base: '/dafu/' };

appTest('under /dafu/ the app loads only its own files and renders every reply', async ({ page, open, url, requests }) => {
  await open('#/');
  await page.waitForSelector('[data-reply]');
  expect.equal(await page.locator('[data-reply]').count(), BUNDLED);
  expect.ok(requests.some((r) => r.startsWith(url) && r.endsWith('.wasm')), 'the wasm came from /dafu/');
}, BASE);

appTest('under /dafu/ search narrows the list', async ({ page, open }) => {
  await open('#/');
  await page.fill('#dafu-search', '沪科建复');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
}, BASE);

appTest('under /dafu/ hash routes navigate, survive a reload and go back', async ({ page, open }) => {
  await open('#/');
  await page.locator('[data-reply] a').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/replies/'));
  const reading = await page.evaluate(() => location.hash);
  await page.waitForSelector('[data-reply] a[aria-current="page"]');

  await page.reload();
  await page.waitForSelector('[data-dafu] .dafu [data-reply] a[aria-current="page"]');
  expect.equal(new URL(page.url()).pathname, '/dafu/');
  expect.equal(await page.evaluate(() => location.hash), reading);

  await page.click('a[data-view="about"]');
  await page.waitForFunction(() => location.hash === '#/about');
  await page.click('a[data-view="commitments"]');
  await page.waitForSelector('[data-commitment]');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/about');
  await page.goBack();
  await page.waitForFunction((h) => location.hash === h, reading);
  await page.waitForSelector('[data-reply] a[aria-current="page"]');
}, BASE);

appTest('the about page offers the offline file, and it is there', async ({ page, open, context }) => {
  await open('#/about');
  const link = page.locator('[data-offline-link] a[download="dafu-offline.html"]');
  await link.waitFor();
  expect.ok(await link.isVisible());
  expect.match(await link.textContent(), /下载离线版/);
  const href = await link.evaluate((a) => a.href);
  const res = await context.request.get(href);
  expect.equal(res.status(), 200);
  expect.match(await res.text(), /wasm_bindgen\.initSync/);
}, BASE);

// Every view of the built app loads cleanly, as audits (Lighthouse's best
// practices and SEO) check it: no failed request — a page without an icon
// costs a 404 for /favicon.ico on every load — no console error, and a page
// that describes itself (meta description) and names its icon. Served, under
// a sub-path (GitHub Pages) and from file:// (the icon is inlined there, so
// the offline file requests nothing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTest, expect, offlineTest, DIST } from './harness.mjs';

// The first reply the prerendered start page links to, URL-encoded as the
// app's own links have it.
const reply = readFileSync(join(DIST, 'index.html'), 'utf8').match(/href="#\/replies\/([^"?#]+)"/)?.[1];

const VIEWS = [
  ['replies', '#/replies', '.view-replies'],
  ['reader', `#/replies/${reply}`, '#dafu-reader'],
  ['commitments', '#/commitments', '.view-commitments'],
  ['figures', '#/figures', '.view-figures'],
  ['charts', '#/charts', '.view-charts'],
  ['about', '#/about', '.view-about'],
];

/** Failed requests and console errors of the page, from now on. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed (${r.failure()?.errorText}): ${r.url()}`));
  return problems;
}

/** After the load event: the browser asks for the page's icon then. */
async function settle(page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
}

/** The page's description and icon link. */
const head = (page) =>
  page.evaluate(() => ({
    description: document.querySelector('meta[name="description"]')?.content?.trim() ?? '',
    icon: document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null,
    iconUrl: document.querySelector('link[rel~="icon"]')?.href ?? null,
  }));

for (const [name, hash, ready] of VIEWS) {
  appTest(`the ${name} view loads with no failed request or console error, with a description and an icon`, async ({ page, open, context }) => {
    expect.ok(reply, 'index.html links to a reply');
    const problems = watch(page);
    await open(hash);
    await page.waitForSelector(ready);
    await settle(page);
    expect.deepEqual(problems, [], 'failed requests and console errors');
    const h = await head(page);
    expect.ok(h.description.length >= 20, `meta description: "${h.description}"`);
    expect.ok(h.icon, 'a <link rel="icon">');
    expect.match(h.icon, /^\.\/[^/]+\.svg$/, 'the icon URL is relative (the site works under any path)');
    const icon = await context.request.get(h.iconUrl);
    expect.equal(icon.status(), 200, `${h.iconUrl}`);
    expect.match(icon.headers()['content-type'], /^image\/svg\+xml/);
  });
}

appTest('under a sub-path the icon loads too, and nothing fails', async ({ page, open, context }) => {
  const problems = watch(page);
  await open('#/about');
  await page.waitForSelector('.view-about');
  await settle(page);
  expect.deepEqual(problems, [], 'failed requests and console errors');
  const h = await head(page);
  expect.ok(h.iconUrl && new URL(h.iconUrl).pathname.startsWith('/dafu/'), `icon ${h.iconUrl}`);
  expect.equal((await context.request.get(h.iconUrl)).status(), 200, h.iconUrl);
}, { base: '/dafu/' });

offlineTest('from file:// the icon is inlined, and nothing fails', async ({ page, open }) => {
  const problems = watch(page);
  await open('#/replies');
  await page.waitForSelector('[data-reply]');
  await settle(page);
  expect.deepEqual(problems, [], 'failed requests and console errors');
  const h = await head(page);
  expect.ok(h.description.length >= 20, `meta description: "${h.description}"`);
  expect.match(h.icon ?? '', /^data:image\/svg\+xml;base64,/, 'the icon is a data: URL');
});

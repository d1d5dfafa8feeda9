// Intranet embedding: the app in a portal's iframe (?embed, height messages)
// and mounted into a portal page's own <div data-dafu>, with host pages from
// tests/e2e/fixtures/ served at /host/ beside the app at /dafu/.
import { test } from 'node:test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appTest, BUNDLED, expect, DIST } from './harness.mjs';

const HOSTED = { base: '/dafu/', mounts: { '/host/': join(import.meta.dirname, 'fixtures') } };
const host = (url, page) => new URL(`../host/${page}`, url).href;

/** Splits a stylesheet into its style rules' selector lists (at-rules walked into). */
function selectors(css) {
  const out = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let i = 0;
  const block = (depth) => {
    while (i < text.length) {
      const open = text.indexOf('{', i);
      const close = text.indexOf('}', i);
      const semi = text.indexOf(';', i);
      if (close !== -1 && (open === -1 || close < open)) {
        i = close + 1;
        if (depth > 0) return;
        continue;
      }
      if (open === -1) return;
      if (semi !== -1 && semi < open && text.slice(i, semi).trim().startsWith('@')) {
        i = semi + 1; // @import …; @charset …;
        continue;
      }
      const prelude = text.slice(i, open).trim();
      i = open + 1;
      if (/^@(media|supports|layer|container|document)\b/.test(prelude)) {
        block(depth + 1);
      } else if (prelude.startsWith('@')) {
        skip(); // @font-face, @keyframes, @page … have no selector of ours
      } else {
        out.push(prelude);
        skip();
      }
    }
  };
  const skip = () => {
    let depth = 1;
    while (i < text.length && depth > 0) {
      if (text[i] === '{') depth += 1;
      if (text[i] === '}') depth -= 1;
      i += 1;
    }
  };
  block(0);
  return out;
}

/** Splits a selector list at its top-level commas. */
function split(list) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < list.length; k += 1) {
    if ('([' .includes(list[k])) depth += 1;
    if (')]'.includes(list[k])) depth -= 1;
    if (list[k] === ',' && depth === 0) {
      parts.push(list.slice(start, k).trim());
      start = k + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

// The one rule about the page itself applies only where the body holds the
// app's prerendered start page: the app's own index.html, never a host page.
const SCOPED = /^(\.dafu(?![\w-])|\[data-dafu[\]=]|body:has\(>\s*\[data-dafu-prerender\]\)$)/;

test('every CSS rule of the build is scoped under the app root', async () => {
  const files = (await readdir(DIST)).filter((f) => f.endsWith('.css'));
  expect.ok(files.includes('dafu.css'), 'dist/dafu.css for host pages');
  const unscoped = [];
  for (const file of files) {
    for (const list of selectors(await readFile(join(DIST, file), 'utf8'))) {
      for (const sel of split(list)) if (!SCOPED.test(sel)) unscoped.push(`${file}: ${sel}`);
    }
  }
  expect.deepEqual(unscoped, []);
});

test('the scoping check itself catches unscoped rules', () => {
  const css = '.dafu a{x:1}@media print{body{x:1}.dafu-x{x:1}[data-dafu] b,i{x:1}}@keyframes k{from{x:1}}' +
    'body:has(> [data-dafu-prerender]){x:1}body:has(> [data-dafu-prerender]) p{x:1}';
  const bad = selectors(css).flatMap(split).filter((s) => !SCOPED.test(s));
  expect.deepEqual(bad, ['body', '.dafu-x', 'i', 'body:has(> [data-dafu-prerender]) p']);
});

appTest('in a portal iframe with ?embed: no chrome, height reported, frame sized', async ({ page, url }) => {
  await page.goto(host(url, 'iframe-host.html'));
  const frame = page.frameLocator('#dafu-frame');
  await frame.locator('[data-dafu][data-embed] .dafu [data-reply]').first().waitFor();
  await frame.locator('.colophon').waitFor({ state: 'hidden' });
  expect.equal(await frame.locator('.masthead .brand').isVisible(), false);
  expect.ok(await frame.locator('a[data-view="commitments"]').isVisible(), 'the view tabs stay');

  // The host receives the content height and sizes the frame to it.
  const fits = () =>
    page.waitForFunction(() => {
      const f = document.getElementById('dafu-frame');
      const inner = f.contentDocument.documentElement.offsetHeight;
      return window.dafuHeights?.length > 0 && Math.abs(f.getBoundingClientRect().height - inner) <= 1;
    });
  await fits();
  const before = await page.evaluate(() => document.getElementById('dafu-frame').offsetHeight);
  expect.ok(before > 300, `frame height ${before}`);
  // Settled: sizing the frame does not change the content's height (no
  // layout that depends on the viewport height feeding back).
  const settled = await page.evaluate(() => window.dafuHeights.length);
  await page.waitForTimeout(600);
  expect.equal(await page.evaluate(() => window.dafuHeights.length), settled, 'heights keep coming');

  // Navigating inside the frame changes the height; the host follows.
  const sent = await page.evaluate(() => window.dafuHeights.length);
  await frame.locator('a[data-view="about"]').click();
  await page.waitForFunction((n) => window.dafuHeights.length > n, sent);
  await fits();
  expect.equal(await page.locator('#portal-title').evaluate((h) => getComputedStyle(h).color), 'rgb(255, 0, 0)');

  // The tracker works in the frame: a status survives reloading the portal.
  await frame.locator('a[data-view="commitments"]').click();
  const first = frame.locator('[data-commitment]').first();
  const id = await first.getAttribute('data-commitment');
  await first.locator('select').selectOption('kept');
  await frame.locator(`[data-commitment="${id}"] select[data-status="kept"]`).waitFor();
  await page.reload();
  await frame.locator('a[data-view="commitments"]').click();
  await frame.locator(`[data-commitment="${id}"] select[data-status="kept"]`).waitFor();
  expect.equal(await frame.locator('.notice').count(), 0, 'a storage notice');
}, HOSTED);

appTest('in a portal iframe from another origin: height reported, frame sized', async ({ page, url, requests }) => {
  // localhost and 127.0.0.1: the same server, two origins.
  const app = url.replace('//127.0.0.1:', '//localhost:');
  await page.goto(`${host(url, 'iframe-host.html')}?src=${encodeURIComponent(`${app}?embed#/about`)}`);
  const frame = page.frameLocator('#dafu-frame');
  await frame.locator('[data-dafu][data-embed] .dafu .view-about').waitFor();
  await page.waitForFunction(() => window.dafuHeights?.length > 0);
  await expectFramed(page, frame);
  expect.ok(await frame.locator('.colophon').isHidden());
  const roots = [app, new URL('/host/', url).href];
  expect.deepEqual(requests.filter((r) => !roots.some((root) => r.startsWith(root))), []);
}, { ...HOSTED, allowOutside: true });

/** The frame is as tall as the height the app last reported, which is its content's. */
async function expectFramed(page, frame) {
  await page.waitForFunction(() => {
    const f = document.getElementById('dafu-frame');
    return Math.abs(f.getBoundingClientRect().height - window.dafuHeights.at(-1)) <= 1;
  });
  const inner = await frame.locator('html').evaluate((html) => html.offsetHeight);
  const last = await page.evaluate(() => window.dafuHeights.at(-1));
  expect.equal(last, inner);
}

appTest('without ?embed a framed app keeps its chrome and sends nothing', async ({ page, url }) => {
  await page.setContent(`<iframe id="f" src="${url}#/" style="width:800px;height:600px"></iframe>`);
  await page.evaluate(() => {
    window.messages = [];
    window.addEventListener('message', (e) => window.messages.push(e.data));
  });
  const frame = page.frameLocator('#f');
  await frame.locator('.dafu [data-reply]').first().waitFor();
  expect.ok(await frame.locator('.masthead .brand').isVisible());
  expect.equal(await frame.locator('[data-dafu][data-embed]').count(), 0);
  await frame.locator('a[data-view="about"]').click();
  await frame.locator('.view-about').waitFor();
  expect.deepEqual(await page.evaluate(() => window.messages), []);
}, HOSTED);

// Computed styles of a few app and host elements.
const APP = ['.dafu h1', '#dafu-search', '.dafu [data-reply]', '.dafu ul'];
const HOST = ['#portal-title', '#portal-links', '#portal-search', '#portal-footer', 'body'];
const PROPS = ['color', 'font-size', 'font-family', 'list-style-type', 'width', 'margin-top', 'background-color'];
const styles = (page, list) =>
  page.evaluate(
    ([sels, props]) =>
      Object.fromEntries(
        sels.map((s) => {
          const el = document.querySelector(s);
          const cs = el && getComputedStyle(el);
          return [s, cs ? Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) : null];
        }),
      ),
    [list, PROPS],
  );

appTest('mounted in a portal page\'s <div data-dafu>: works, and neither restyles the other', async ({ page, url, open }) => {
  // The app alone, for reference.
  await open('#/');
  await page.waitForSelector('[data-reply]');
  const alone = await styles(page, APP);

  // The portal page alone (the app's files refused), for reference.
  await page.route('**/dafu/dafu.*', (r) => r.abort());
  await page.goto(host(url, 'div-host.html'));
  const portal = await styles(page, HOST);
  await page.unroute('**/dafu/dafu.*');

  await page.goto(host(url, 'div-host.html'));
  await page.waitForSelector('#portal-footer');
  await page.waitForSelector('div[data-dafu] > .dafu [data-reply]');
  expect.equal(await page.locator('body > div[data-dafu]').count(), 1, 'mounted into the host element');
  expect.equal(await page.locator('[data-dafu]').count(), 1, 'no second mount point');
  // Between the host's own elements, where the host put it.
  expect.ok(await page.evaluate(() => document.querySelector('[data-dafu]').nextElementSibling.id === 'portal-footer'));

  await page.fill('#dafu-search', '沪科建复');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
  await page.fill('#dafu-search', '');
  await page.waitForFunction((n) => document.querySelectorAll('[data-reply]').length === n, BUNDLED);

  // The page's title and language stay the portal's, also after a language switch.
  await page.click('#dafu-lang');
  await page.waitForSelector('.dafu[lang="en"]');
  await page.click('#dafu-lang');
  await page.waitForSelector('.dafu[lang="zh-CN"]');
  expect.equal(await page.title(), '门户 · Portal (div)');
  expect.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  expect.deepEqual(await styles(page, APP), alone, 'the portal restyled the app');
  expect.deepEqual(await styles(page, HOST), portal, 'the app restyled the portal');
  expect.equal(portal['#portal-title'].color, 'rgb(255, 0, 0)');
  expect.equal(portal['#portal-links']['list-style-type'], 'square');
}, HOSTED);

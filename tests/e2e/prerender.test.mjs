// The start page prerendered into index.html (tools/post-build.mjs): the
// reply list shows before the wasm module arrives, the live app hydrates it
// (the same elements stay on screen) or renders over it when it cannot, and
// what was typed meanwhile is kept.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appTest, BUNDLED, expect, DIST, getBrowser, site } from './harness.mjs';

const listText = (page) =>
  page.locator('.result-list').evaluate((ol) => [...ol.children].map((li) => li.textContent));

appTest('index.html holds the reply list as plain HTML, without test hooks', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const start = html.match(/<div data-dafu-prerender="[0-9a-f]{8}" aria-busy="true">([\s\S]*?)<\/div>\s*<noscript>/);
  expect.ok(start, 'a prerendered start page before <noscript>');
  expect.equal([...start[1].matchAll(/<li class="result">/g)].length, Math.min(BUNDLED, 30));
  expect.equal(/ data-[a-z-]+=/.test(start[1]), false, 'no data-* hook in the prerendered page');
  const offline = await readFile(join(DIST, 'dafu-offline.html'), 'utf8');
  expect.ok(offline.includes(start[0]), 'the offline file starts with the same page');
});

appTest('without scripts the list is readable; the live app shows the same list', async ({ page, open }) => {
  const context = await (await getBrowser()).newContext({ javaScriptEnabled: false });
  try {
    const still = await context.newPage();
    await still.goto(await site());
    expect.equal(await still.locator('[data-dafu-prerender] h1').textContent(), '答复');
    expect.equal(await still.locator('[data-dafu-prerender] .result-count').textContent(), `共 ${BUNDLED} 件答复，按日期排列`);
    const prerendered = await listText(still);
    expect.equal(prerendered.length, Math.min(BUNDLED, 30));

    await open();
    await page.waitForSelector('[data-dafu-prerender]', { state: 'detached' });
    expect.equal(await page.locator('.dafu').count(), 1, 'one app on the page');
    expect.equal(await page.locator('[data-reply]').count(), Math.min(BUNDLED, 30));
    expect.deepEqual(await listText(page), prerendered);
    const margin = await page.evaluate(() => getComputedStyle(document.body).marginTop);
    expect.equal(margin, '0px');
  } finally {
    await context.close();
  }
});

/** Holds the wasm module back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

appTest('a search typed before the app arrives is run by the app', async ({ page, url }) => {
  const release = await holdWasm(page);
  await page.goto(url);
  await page.fill('[data-dafu-prerender] input[type=search]', '沪科建复');
  release();
  await page.waitForSelector('[data-dafu-prerender]', { state: 'detached' });
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
  expect.equal(await page.inputValue('#dafu-search'), '沪科建复');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=沪科建复'));
});

/** Opens `hash` with the wasm module held back until `before` has run in the page. */
async function openHeld(page, url, before = () => {}) {
  const release = await holdWasm(page);
  await page.goto(url);
  await page.evaluate(() => { document.querySelector('[data-dafu-prerender] h1').dataset.seen = 'before'; });
  await page.evaluate(before);
  release();
  await page.waitForSelector('[data-dafu-prerender]', { state: 'detached' });
}

appTest('the live app hydrates the start page: the prerendered elements stay', async ({ page, url }) => {
  await openHeld(page, url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-reply]').length === n, Math.min(BUNDLED, 30));
  expect.equal(await page.locator('[data-dafu] h1[data-seen=before]').count(), 1, 'the same <h1>');
  expect.equal(await page.locator('.dafu').count(), 1, 'one app on the page');
  expect.equal(await page.locator('[aria-busy]').count(), 0);
  const comments = await page.evaluate(() => document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT).nextNode());
  expect.equal(comments, null, 'no hydration mark left');
  // It is the live app: a search filters the list.
  await page.fill('#dafu-search', '沪科建复');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
});

appTest('on another view the app renders over the prerendered page', async ({ page, url }) => {
  await openHeld(page, `${url}#/about`);
  await page.waitForSelector('[data-dafu] .view-about');
  expect.equal(await page.locator('h1[data-seen]').count(), 0, 'rendered anew');
  expect.equal(await page.locator('.dafu').count(), 1, 'one app on the page');
});

appTest('a prerendered page changed before the app arrives is rendered over', async ({ page, url }) => {
  // As a translating browser extension does: text wrapped in new elements.
  await openHeld(page, url, () => {
    const tagline = document.querySelector('[data-dafu-prerender] .tagline');
    const font = document.createElement('font');
    font.append(...tagline.childNodes);
    tagline.append(font);
  });
  await page.waitForFunction((n) => document.querySelectorAll('[data-reply]').length === n, Math.min(BUNDLED, 30));
  expect.equal(await page.locator('h1[data-seen]').count(), 0, 'rendered anew');
  expect.equal(await page.locator('.tagline font').count(), 0);
});

appTest('a visitor who chose English gets the page rendered over, in English', async ({ page, url }) => {
  await page.goto(url);
  await page.evaluate(() => localStorage.setItem('dafu.lang', 'en'));
  await openHeld(page, url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-reply]').length === n, Math.min(BUNDLED, 30));
  expect.equal(await page.locator('h1[data-seen]').count(), 0, 'rendered anew');
  expect.equal(await page.locator('.dafu').getAttribute('lang'), 'en');
});

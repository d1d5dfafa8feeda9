// The corpus in parts: the list index comes with the app; reply bodies
// (corpus/c<N>.js) and search shards (corpus/s<N>.js) load when needed, as
// classic scripts. What the user sees while they load, when one is missing
// or corrupt, and from file://.
import { appTest, countIs, expect, offlineFolderTest, offlineTest, parsedCorpus, BUNDLED } from './harness.mjs';
import { watchCsp } from './csp-probe.mjs';

const parsed = parsedCorpus();
const replyHash = (doc, query = '') => `#/replies/${encodeURIComponent(doc)}${query}`;
const withFigures = parsed.find((r) => r.figures.length > 0);

/** Holds back requests matching `pattern` until `release()`; counts them. */
async function holdBack(page, pattern) {
  let open;
  const gate = new Promise((resolve) => { open = resolve; });
  const held = [];
  await page.route(pattern, async (route) => {
    held.push(route.request().url());
    await gate;
    await route.continue();
  });
  return { held, release: () => open() };
}

// The page's requests: the service worker (sw.js) fetches the corpus files
// too, once the app has started, to keep them for offline use; those are the
// worker's requests, which pwa.test.mjs checks.
appTest('the start page loads no reply body and no search shard', async ({ page, open, requests }) => {
  await open('#/');
  await countIs(page, BUNDLED);
  await page.waitForTimeout(300);
  expect.deepEqual(requests.filter((u) => /\/corpus\//.test(u)), []);
});

appTest('a reply opened before its chunk arrives shows its card, then its text', async ({ page, open }) => {
  const chunks = await holdBack(page, /\/corpus\/c\d+\.js$/);
  await open(replyHash(withFigures.doc_number));
  await page.waitForSelector('.reader [data-body-loading]');
  expect.match(await page.locator('.reader').textContent(), new RegExp(withFigures.doc_number.replace(/[〔〕]/g, '.')));
  expect.equal(await page.locator('.reader [data-figure]').count(), 0);
  expect.equal(chunks.held.length, 1, 'one chunk asked for');
  chunks.release();
  await page.waitForSelector('.reader [data-figure]');
  expect.equal(await page.locator('.reader [data-body-loading]').count(), 0);
  expect.equal(await page.locator('.reader [data-figure]').count(), withFigures.figures.length);
});

appTest('search waits for its index shards, then lists exact matches', async ({ page, open }) => {
  const shards = await holdBack(page, /\/corpus\/s\d+\.js$/);
  await open('#/');
  await countIs(page, BUNDLED);
  await page.fill('#dafu-search', '孵化');
  await page.waitForSelector('[data-search-pending]');
  // Meanwhile the last list stays, under the note.
  expect.equal(await page.locator('[data-reply]').count(), BUNDLED);
  expect.ok(shards.held.length >= 1);
  shards.release();
  const expected = parsed.filter((r) =>
    [r.title, ...r.proposers, r.doc_number, ...r.paragraphs.map((p) => p.text)]
      .some((t) => (t ?? '').replace(/\s+/g, '').includes('孵化')));
  await countIs(page, expected.length);
  expect.equal(await page.locator('[data-search-pending]').count(), 0);
  // Snippets come with the bodies, asked for by the rows shown.
  await page.waitForSelector('[data-reply] .result-snippet mark.hit');
});

appTest('a missing chunk: the reader says so, the rest of the app works', async ({ page, open }) => {
  await page.route(/\/corpus\/c\d+\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await open(replyHash(withFigures.doc_number));
  const alert = page.locator('.reader [data-chunk-error]');
  await alert.waitFor();
  expect.match(await alert.textContent(), /无法载入/);
  expect.equal(await alert.getAttribute('role'), 'alert');
  // The list, the search and the other views still work.
  await countIs(page, BUNDLED);
  await page.fill('#dafu-search', '沪科建复');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
  await page.click('a[data-view="about"]');
  await page.waitForSelector('.about-page');
});

for (const [what, body, message] of [
  ['a corrupt chunk', (id) => `(self.dafuQ=self.dafuQ||[]).push(["c",${id},"bm90IGEgY2h1bms="]);`, /corrupt|format/],
  ['a chunk of another shape', (id) => `(self.dafuQ=self.dafuQ||[]).push(["c",${id},"@@@"]);`, /base64/],
  ['a chunk file that delivers nothing', () => '/* nothing */', /did not deliver/],
]) {
  appTest(`${what}: a clear message in the reader, no crash`, async ({ page, open }) => {
    await page.route(/\/corpus\/c(\d+)\.js$/, (route) => {
      const id = route.request().url().match(/c(\d+)\.js$/)[1];
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: body(id) });
    });
    await open(replyHash(withFigures.doc_number));
    const alert = page.locator('.reader [data-chunk-error]');
    await alert.waitFor();
    expect.match(await alert.textContent(), message);
    await countIs(page, BUNDLED);
  });
}

appTest('figures and commitments views load every chunk and then show all', async ({ page, open }) => {
  await open('#/figures');
  await page.waitForSelector('.figures-table');
  const total = parsed.reduce((n, r) => n + r.figures.length, 0);
  await page.waitForFunction((n) => document.querySelectorAll('.figures-table tbody tr').length === n, total);
  expect.equal(await page.locator('[data-bodies-loading]').count(), 0);
});

offlineFolderTest('from file:// the folder build loads its chunk and shard scripts', async ({ page, open, requests }) => {
  const csp = await watchCsp(page);
  await open(replyHash(withFigures.doc_number));
  await page.waitForSelector('.reader [data-figure]');
  expect.ok(requests.some((u) => /\/corpus\/c\d+\.js$/.test(u)), 'a chunk script was loaded');
  await page.fill('#dafu-search', '孵化');
  await page.waitForSelector('[data-reply] mark.hit');
  expect.ok(requests.some((u) => /\/corpus\/s\d+\.js$/.test(u)), 'a shard script was loaded');
  expect.deepEqual(await csp.violations(), [], 'CSP violations');
});

offlineTest('the single offline file has every part inline: nothing else is loaded', async ({ page, open, requests, url }) => {
  await open(replyHash(withFigures.doc_number));
  await page.waitForSelector('.reader [data-figure]');
  expect.equal(await page.locator('.reader [data-body-loading]').count(), 0);
  await page.fill('#dafu-search', '孵化');
  await page.waitForSelector('[data-reply] mark.hit');
  expect.deepEqual(requests.filter((u) => !u.startsWith('data:') && u.split('#')[0] !== url), []);
});

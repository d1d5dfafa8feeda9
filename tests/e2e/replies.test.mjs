// The replies view: search, facets, the reader, the URL and the keyboard.
// Expected figure and commitment counts come from the parser itself (the
// CLI's JSON), so the test follows the parser as it improves.
import { appTest, countIs, expect, parsedCorpus } from './harness.mjs';

const parsed = parsedCorpus();
const numbers = parsed.map((r) => r.doc_number);
const rows = (page) => page.locator('[data-reply]').evaluateAll((els) => els.map((e) => e.dataset.reply));
const replyHash = (doc, query = '') => `#/replies/${encodeURIComponent(doc)}${query}`;

appTest('every reply is listed, newest first', async ({ page, open }) => {
  await open();
  await countIs(page, parsed.length);
  const dates = parsed.map((r) => [r.date, r.doc_number]).sort().reverse().map((d) => d[1]);
  expect.deepEqual(await rows(page), dates);
});

appTest('search narrows the list and highlights the terms', async ({ page, open }) => {
  await open();
  for (const term of ['孵化', '74亿元']) {
    const expected = parsed.filter((r) =>
      [r.title, ...r.proposers, r.doc_number, ...r.paragraphs.map((p) => p.text)]
        .some((t) => (t ?? '').replace(/\s+/g, '').includes(term)));
    expect.ok(expected.length > 0 && expected.length < parsed.length, `${term} should narrow`);
    await page.fill('#dafu-search', term);
    await countIs(page, expected.length);
    expect.deepEqual((await rows(page)).sort(), expected.map((r) => r.doc_number).sort());
    // Snippets come with the rows' chunks, after the count.
    await page
      .waitForFunction(
        (t) => [...document.querySelectorAll('[data-reply] mark.hit')].some((m) => m.textContent.replace(/\s+/g, '') === t),
        term,
        { timeout: 5000 },
      )
      .catch(() => {});
    const marks = await page.locator('[data-reply] mark.hit').allTextContents();
    expect.ok(marks.some((m) => m.replace(/\s+/g, '') === term), `${term} marked in ${marks}`);
    expect.match(await page.locator('.result-count').textContent(), new RegExp(`${expected.length}`));
  }
  // Full-width digits match half-width ones, spaces inside a term do not matter.
  const halfWidth = await rows(page);
  await page.fill('#dafu-search', '孵化');
  await page.fill('#dafu-search', '７４ 亿元');
  await page.fill('#dafu-search', '７４亿元');
  await countIs(page, halfWidth.length);
  expect.deepEqual(await rows(page), halfWidth);
  await page.fill('#dafu-search', '没有这样的词语');
  await countIs(page, 0);
  expect.ok(await page.locator('.results .empty').isVisible());
});

appTest('each facet narrows the list and its counts add up', async ({ page, open }) => {
  await open();
  const groups = await page.locator('.facet[data-facet]').evaluateAll((els) => els.map((e) => e.dataset.facet));
  for (const facet of ['kind', 'year', 'result', 'commitments']) {
    expect.ok(groups.includes(facet), `facet ${facet} shown (have ${groups})`);
  }
  for (const facet of groups) {
    const chips = page.locator(`.facet[data-facet="${facet}"] button.chip`);
    const values = await chips.evaluateAll((els) =>
      els.map((e) => ({ value: e.dataset.value, count: Number(e.querySelector('.chip-count').textContent) })));
    if (facet !== 'status') {
      expect.equal(values.reduce((s, v) => s + v.count, 0), parsed.length, `${facet} counts add up`);
    }
    for (const { value, count } of values.filter((v) => v.count > 0)) {
      await page.locator(`.facet[data-facet="${facet}"] button.chip[data-value="${value}"]`).click();
      await countIs(page, count);
      expect.equal(
        await page.locator(`.facet[data-facet="${facet}"] button.chip[data-value="${value}"]`).getAttribute('aria-pressed'),
        'true',
      );
      await page.locator(`.facet[data-facet="${facet}"] button.chip[data-value="${value}"]`).click();
      await countIs(page, parsed.length);
    }
  }
});

appTest('facets combine with the search, counts follow', async ({ page, open }) => {
  await open('#/replies?kind=proposal');
  const proposals = parsed.filter((r) => r.kind === 'proposal');
  await countIs(page, proposals.length);
  const suggestionCount = await page.locator('.facet[data-facet="kind"] [data-value="suggestion"] .chip-count').textContent();
  expect.equal(Number(suggestionCount), parsed.length - proposals.length, 'a facet ignores its own choice');
  await page.fill('#dafu-search', '沪科');
  await countIs(page, proposals.length);
  expect.ok(page.url().includes('kind=proposal'));
});

appTest('opening each reply shows its figures and commitments', async ({ page, open }) => {
  await open();
  for (const r of parsed) {
    await page.locator(`[data-reply="${r.doc_number}"] a`).click();
    await page.waitForSelector(`.reader[data-open="${r.doc_number}"]`);
    // The reader shows the metadata at once and the text when its chunk
    // arrives: the figures and commitments come with the text.
    await page.waitForSelector(`.reader[data-open="${r.doc_number}"] .reply-body:not([aria-busy])`);
    expect.equal(await page.locator('.reader [data-figure]').count(), r.figures.length, `figures of ${r.doc_number}`);
    expect.equal(await page.locator('.reader [data-commitment]').count(), r.commitments.length, `commitments of ${r.doc_number}`);
    const ids = await page.locator('.reader [data-commitment]').evaluateAll((els) => els.map((e) => e.dataset.commitment));
    expect.deepEqual(ids, r.commitments.map((c) => c.id));
    const kinds = await page.locator('.reader [data-figure]').evaluateAll((els) => els.map((e) => e.dataset.figure));
    expect.deepEqual(kinds, r.figures.map((f) => f.kind));
    expect.equal(await page.locator('#dafu-reader-title').textContent(), r.title);
  }
});

appTest('a figure shows its normalised value on focus and the list jumps to it', async ({ page, open }) => {
  const r = parsed.find((r) => r.figures.some((f) => f.magnitude));
  const i = r.figures.findIndex((f) => f.magnitude);
  await open(replyHash(r.doc_number));
  const mark = page.locator(`#dafu-fig-${i}`);
  await page.locator(`.fig-jump[data-jump="${i}"]`).click();
  await page.waitForFunction((i) => document.activeElement?.id === `dafu-fig-${i}`, i);
  const tip = page.locator(`#dafu-fig-${i}-tip`);
  expect.ok(await tip.isVisible(), 'tooltip visible on focus');
  expect.match(await tip.textContent(), /×10|\d/);
  expect.equal(await mark.getAttribute('aria-describedby'), `dafu-fig-${i}-tip`);
});

appTest('search terms are marked in the reader, also inside figures', async ({ page, open }) => {
  const r = parsed.find((r) => r.paragraphs.some((p) => p.text.includes('74亿元')));
  await open(replyHash(r.doc_number, '?q=' + encodeURIComponent('74亿元')));
  await page.waitForSelector('.reader mark.hit');
  const hits = await page.locator('.reply-body mark.hit').allTextContents();
  expect.ok(hits.join('').includes('74亿元'), hits.join('|'));
  expect.ok(Number(await page.locator('.hit-nav').getAttribute('data-hits')) >= 1);
  await page.locator('.hit-nav button').click();
  await page.waitForSelector('.reply-body mark.hit.current');
  expect.equal(await page.locator('.reader [data-figure]').count(), r.figures.length);
});

appTest('the URL restores the state after reload and back/forward', async ({ page, open }) => {
  await open();
  const first = parsed.find((r) => r.kind === 'suggestion');
  await page.locator('.facet[data-facet="kind"] [data-value="suggestion"]').click();
  await page.fill('#dafu-search', '上海');
  await page.locator(`[data-reply="${first.doc_number}"] a`).click();
  await page.waitForSelector(`.reader[data-open="${first.doc_number}"]`);
  const url = page.url();
  expect.match(url, /#\/replies\/.+\?/);
  expect.match(url, /kind=suggestion/);
  await page.reload();
  await page.waitForSelector(`.reader[data-open="${first.doc_number}"]`);
  expect.equal(await page.inputValue('#dafu-search'), '上海');
  expect.equal(await page.locator('.facet[data-facet="kind"] [data-value="suggestion"]').getAttribute('aria-pressed'), 'true');
  await page.goBack();
  await page.waitForSelector('.reader', { state: 'detached' });
  expect.equal(await page.inputValue('#dafu-search'), '上海');
  await page.goForward();
  await page.waitForSelector(`.reader[data-open="${first.doc_number}"]`);
  // A shared link opens the same state in a fresh page.
  const other = await page.context().newPage();
  await other.goto(url);
  await other.waitForSelector(`.reader[data-open="${first.doc_number}"]`);
  expect.equal(await other.inputValue('#dafu-search'), '上海');
  // The navigation bar switches views and comes back to the same list.
  await page.locator('.tabs [data-view="about"]').click();
  await page.waitForFunction(() => location.hash.startsWith('#/about'));
  await page.goBack();
  await page.waitForSelector(`.reader[data-open="${first.doc_number}"]`);
});

appTest('a search typed key by key is one history entry, written before a link is followed', async ({ page, open }) => {
  await open();
  const before = await page.evaluate(() => history.length);
  await page.locator('#dafu-search').pressSequentially('沪科建复', { delay: 20 });
  await countIs(page, 2);
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=沪科建复'));
  expect.equal(await page.evaluate(() => history.length), before + 1, 'one entry for the whole search');

  // Typing on and following a link at once: the link's entry comes after
  // the search's, and back returns to the whole text typed.
  await page.locator('#dafu-search').pressSequentially('〔', { delay: 0 });
  await page.locator('#dafu-search').fill('沪科');
  await page.locator('[data-reply] a').first().click();
  await page.waitForSelector('.reader[data-open]');
  expect.equal(await page.evaluate(() => history.length), before + 2);
  await page.goBack();
  await page.waitForSelector('.reader', { state: 'detached' });
  expect.equal(await page.inputValue('#dafu-search'), '沪科');
  expect.ok(decodeURIComponent(await page.evaluate(() => location.hash)).includes('q=沪科'));
});

appTest('an unknown reply id in the URL says so and offers the list', async ({ page, open }) => {
  await open('#/replies/nope');
  expect.ok(await page.locator('.missing').isVisible());
  await countIs(page, parsed.length);
});

appTest('keyboard: / focuses search, j/k move, Enter opens, Esc clears', async ({ page, open }) => {
  await open();
  await page.keyboard.press('/');
  expect.equal(await page.evaluate(() => document.activeElement.id), 'dafu-search');
  await page.keyboard.type('沪科建复');
  await countIs(page, numbers.filter((n) => n.startsWith('沪科建复')).length);
  await page.keyboard.press('Escape');
  await countIs(page, parsed.length);
  expect.equal(await page.inputValue('#dafu-search'), '');
  await page.keyboard.press('Escape'); // leaves the empty search box
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const listed = await rows(page);
  const focused = () => page.evaluate(() => document.activeElement.closest('[data-reply]')?.dataset.reply);
  expect.equal(await focused(), listed[1]);
  await page.keyboard.press('k');
  expect.equal(await focused(), listed[0]);
  await page.keyboard.press('ArrowDown');
  expect.equal(await focused(), listed[1]);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.reader[data-open="${listed[1]}"]`);
});

appTest('the English switch changes the labels and is remembered', async ({ page, open }) => {
  await open();
  expect.equal(await page.locator('label[for="dafu-search"]').textContent(), '搜索答复');
  await page.locator('#dafu-lang').click();
  await page.waitForFunction(() => document.querySelector('label[for="dafu-search"]').textContent === 'Search the replies');
  expect.equal(await page.locator('.tabs [data-view="replies"]').evaluate((e) => e.firstChild.textContent), 'Replies');
  expect.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.waitForSelector('[data-dafu] .dafu');
  expect.equal(await page.locator('label[for="dafu-search"]').textContent(), 'Search the replies');
  await page.locator('#dafu-lang').click();
  await page.waitForFunction(() => document.querySelector('label[for="dafu-search"]').textContent === '搜索答复');
});

appTest('phones show the list, then the reader alone', async ({ page, open }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open();
  const r = parsed[0];
  await page.locator(`[data-reply="${r.doc_number}"] a`).click();
  await page.waitForSelector(`.reader[data-open="${r.doc_number}"]`);
  expect.equal(await page.locator('.sidebar').isVisible(), false);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.ok(width <= 360, `no horizontal scroll (${width})`);
  await page.locator('.reader .back').click();
  await page.waitForSelector('.reader', { state: 'detached' });
  expect.ok(await page.locator('.sidebar').isVisible());
});

appTest('printing shows the reply and its checklist, not the chrome', async ({ page, open }) => {
  const r = parsed.find((r) => r.commitments.length > 0);
  await open(replyHash(r.doc_number, '?q=' + encodeURIComponent('上海')));
  await page.waitForSelector('.reader');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.masthead', '.sidebar', '.reader-rail', '.hit-nav', '.colophon']) {
    expect.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} hidden in print`);
  }
  expect.ok(await page.locator('.reply-body').isVisible());
  expect.ok(await page.locator('.reader [data-commitment]').first().isVisible(), 'checklist printed');
});

appTest('a programme or an amount named in two replies links them, and the link finds it there', async ({ page, open }) => {
  const naming = (term) => parsed.filter((r) => r.paragraphs.some((p) => p.text.replace(/\s/g, '').includes(term)));
  const [a, b] = naming('高质量孵化器');
  expect.equal(naming('高质量孵化器').length, 2, 'two bundled replies name 高质量孵化器');
  await open(replyHash(a.doc_number));
  const term = page.locator('.reader [data-xref="高质量孵化器"]');
  await term.waitFor();
  expect.deepEqual(await term.locator('a').allTextContents(), [b.doc_number]);
  // The same amount in two replies is linked too.
  const others = naming('74亿元').filter((r) => r.doc_number !== a.doc_number).map((r) => r.doc_number);
  expect.equal(others.length, 1);
  expect.deepEqual(await page.locator('.reader [data-xref="74亿元"] a').allTextContents(), others);

  await term.locator('a').click();
  await page.waitForSelector(`.reader[data-open="${b.doc_number}"]`);
  expect.equal(await page.inputValue('#dafu-search'), '高质量孵化器');
  expect.ok(Number(await page.locator('.hit-nav').getAttribute('data-hits')) > 0, 'the term is marked in the other reply');
});

appTest('the one-page commitments summary prints the commitments without the text of the reply', async ({ page, open }) => {
  const reply = parsed.find((r) => r.commitments.length > 2);
  await open(replyHash(reply.doc_number));
  await page.waitForSelector('[data-action="print-commitments"]');
  await page.emulateMedia({ media: 'print' });
  // What the printer would get, seen from inside the print call.
  await page.evaluate(() => {
    window.print = () => {
      const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
      window.__printed = {
        mode: document.querySelector('[data-dafu]').dataset.print,
        body: visible('.reply-body'),
        commitments: document.querySelectorAll('[data-commitment]').length,
        shown: visible('[data-commitment]'),
        title: visible('#dafu-reader-title'),
      };
      dispatchEvent(new Event('afterprint'));
    };
  });
  // The button itself is not printed, so it is pressed from the page.
  await page.evaluate(() => document.querySelector('[data-action="print-commitments"]').click());
  const printed = await page.evaluate(() => window.__printed);
  expect.deepEqual(printed, { mode: 'commitments', body: false, commitments: reply.commitments.length, shown: true, title: true });
  expect.equal(await page.evaluate(() => document.querySelector('[data-dafu]').dataset.print), undefined, 'the mode ends with the printing');
  expect.ok(await page.locator('.reply-body').isVisible(), 'an ordinary print still has the text');
});

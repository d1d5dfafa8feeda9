// The overview's charts: drawn by the app as SVG, every mark a link to what
// it counts, with words for screen readers.
import { appTest, countIs, expect, parsedCorpus } from './harness.mjs';

const parsed = parsedCorpus();

appTest('a year-and-kind segment opens the list of the replies it counts', async ({ page, open }) => {
  await open('#/charts');
  const mark = page.locator('[data-chart="years"] a[data-chart-mark="proposal"]').first();
  const label = await mark.getAttribute('aria-label');
  const [, year, n] = label.match(/^(\d{4}) 年 · 政协提案 (\d+) 件$/);
  const expected = parsed.filter((r) => r.kind === 'proposal' && String(r.date).startsWith(year));
  expect.equal(Number(n), expected.length);
  await mark.click();
  await countIs(page, expected.length);
  expect.match(decodeURIComponent(page.url()), new RegExp(`#/replies\\?.*year=${year}`));
  expect.equal(await page.locator(`.facet[data-facet="kind"] [data-value="proposal"]`).getAttribute('aria-pressed'), 'true');
});

appTest('status segments follow the tracker and open the commitments they count', async ({ page, open }) => {
  const reply = parsed.find((r) => r.commitments.length > 1);
  await open('#/commitments');
  await page.locator(`[data-commitment="${reply.commitments[0].id}"] select`).selectOption('kept');
  await open('#/charts');
  const bar = `[data-chart="statuses"] a[aria-label^="${reply.doc_number}"]`;
  await page.waitForSelector(`${bar}[data-chart-mark="kept"]`);
  expect.equal(await page.locator(`${bar}[data-chart-mark="kept"]`).getAttribute('aria-label'), `${reply.doc_number} · 已落实 1 项`);
  expect.equal(
    await page.locator(`${bar}[data-chart-mark="not_rated"]`).getAttribute('aria-label'),
    `${reply.doc_number} · 未评估 ${reply.commitments.length - 1} 项`,
  );
  await page.locator(`${bar}[data-chart-mark="kept"]`).click();
  await page.waitForSelector('.view-commitments');
  await page.waitForFunction(() => document.querySelectorAll('[data-commitment]').length === 1);
  expect.equal(await page.locator('[data-commitment]').getAttribute('data-commitment'), reply.commitments[0].id);
});

appTest('an amount bar names the largest amount and opens its reply', async ({ page, open }) => {
  await open('#/charts');
  const marks = page.locator('[data-chart="money"] a[data-chart-mark="money"]');
  const withMoney = parsed.filter((r) => r.figures.some((f) => f.kind === 'money' && f.unit === '元'));
  expect.equal(await marks.count(), withMoney.length);
  const first = marks.first();
  const label = await first.getAttribute('aria-label');
  const reply = withMoney.find((r) => label.startsWith(r.doc_number));
  const top = reply.figures.filter((f) => f.kind === 'money' && f.unit === '元').sort((a, b) => b.value - a.value)[0];
  expect.ok(label.includes(`最大金额 ${top.text}`), label);
  // Screen readers get the same figures as a table.
  expect.ok((await page.locator('[data-chart="money"] table').textContent()).includes(top.text));
  await first.click();
  await page.waitForSelector(`.reader[data-open="${reply.doc_number}"]`);
});

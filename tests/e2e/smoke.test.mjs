// The built app loads, renders the bundled corpus and reacts to typing.
import { appTest, BUNDLED, expect } from './harness.mjs';

appTest('the app renders every bundled reply', async ({ page, open }) => {
  await open();
  expect.equal(await page.locator('h1').first().textContent(), '答复');
  expect.equal(await page.locator('[data-reply]').count(), BUNDLED);
});

appTest('typing in the search box narrows the list', async ({ page, open }) => {
  await open();
  await page.fill('#dafu-search', '沪科建复');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
  const numbers = await page.locator('[data-reply]').evaluateAll((els) => els.map((e) => e.dataset.reply));
  expect.ok(numbers.every((n) => n.startsWith('沪科建复')), numbers.join());
});

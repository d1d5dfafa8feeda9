// Accessibility audit of every view with axe-core (the npm package, injected
// into the page): no violation of impact "serious" or "critical".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appTest, expect, ROOT } from './harness.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Runs axe on the page and fails with a readable list of serious problems. */
async function audit(page, label) {
  // The app's Content-Security-Policy blocks injected <script> tags
  // (page.addScriptTag), so axe is evaluated through the driver instead.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}  — ${n.failureSummary.replace(/\s+/g, ' ')}`),
      more: Math.max(0, v.nodes.length - 5),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `\n[${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}${v.more ? `\n    … and ${v.more} more` : ''}`)
    .join('');
  expect.equal(bad.length, 0, `${label}: ${bad.length} serious or critical accessibility violations:${report}`);
}

appTest('the replies list has no serious accessibility violation', async ({ page, open }) => {
  await open('#/');
  await page.waitForSelector('[data-reply]');
  await audit(page, 'replies list');
});

appTest('the reader has no serious accessibility violation', async ({ page, open }) => {
  await open('#/');
  const id = await page.locator('[data-reply]').first().getAttribute('data-reply');
  await open(`#/replies/${encodeURIComponent(id)}`);
  await page.waitForSelector('#dafu-reader');
  await audit(page, `reader of ${id}`);
});

appTest('the commitments view has no serious accessibility violation', async ({ page, open }) => {
  await open('#/commitments');
  await page.waitForSelector('[data-commitment]');
  await page.locator('[data-commitment] select').first().selectOption('kept');
  await page.click('[data-action="reset"]');
  await page.waitForSelector('[data-confirm="reset"]');
  await audit(page, 'commitments view');
});

// 回头看 open, a follow-up accepted as evidence, a status timeline: in both
// languages.
appTest('follow-ups, evidence and the status timeline have no serious accessibility violation', async ({ page, open }) => {
  await open(`#/commitments?reply=${encodeURIComponent('沪科建复〔2025〕38号')}`);
  const item = page.locator('[data-commitment="c-d0968d50c738"]');
  await item.waitFor();
  await item.locator('select').selectOption('in_the_works');
  await item.locator('select').selectOption('kept');
  await item.locator('.follow-ups summary').click();
  await item.locator('[data-accept-evidence]').first().click();
  await item.locator('[data-evidence]').waitFor();
  await page.locator('[data-followups="0"] summary').first().click();
  await audit(page, 'follow-ups (zh-CN)');
  await page.click('#dafu-lang');
  await page.waitForFunction(() => document.querySelector('.tracker-page h1')?.textContent === 'Commitments');
  await audit(page, 'follow-ups (English)');
});

appTest('the figures view has no serious accessibility violation', async ({ page, open }) => {
  await open('#/figures?sort=value&desc=true');
  await page.waitForSelector('[data-figure-row]');
  await audit(page, 'figures view');
});

appTest('the about view has no serious accessibility violation', async ({ page, open }) => {
  await open('#/about');
  await page.waitForSelector('.about-page');
  await audit(page, 'about view');
});

appTest('the overview charts have no serious accessibility violation', async ({ page, open }) => {
  await open('#/charts');
  await page.waitForSelector('[data-chart="money"] [data-chart-mark]');
  await audit(page, 'overview charts');
});

appTest('replies imported in the browser have no serious accessibility violation', async ({ page, open }) => {
  await open('#/');
  await page.setInputFiles('[data-action="import-replies"]', join(ROOT, 'tests', 'e2e', 'fixtures', 'import-utf8.txt'));
  await page.waitForSelector('[data-reply][data-imported]');
  await audit(page, 'list with an imported reply and the import message');
});

/** Audits sharing: the share link made (its field shown) with a link's offer above, then an unreadable link. */
async function auditSharing(page, open, url, lang) {
  await open('#/commitments');
  await page.waitForSelector('[data-commitment]');
  if (lang === 'en') {
    await page.click('#dafu-lang');
    await page.waitForSelector('.dafu[lang="en"]');
  }
  await page.locator('[data-commitment] select').first().selectOption('kept');
  await page.click('[data-action="share-link"]');
  const link = await page.locator('[data-share-link]').inputValue();
  // The same page: the tools keep the link they made.
  await page.goto(link);
  await page.waitForSelector('[data-share-offer="ready"]');
  await page.waitForSelector('[data-notice-item="share"]');
  await audit(page, `share tools and a share link's offer (${lang})`);
  await page.goto(`${url}#/commitments?share=zAAAA`);
  await page.waitForSelector('[data-share-offer="error"]');
  await audit(page, `an unreadable share link (${lang})`);
}

appTest('sharing has no serious accessibility violation in Chinese', async ({ page, open, url }) => {
  await auditSharing(page, open, url, 'zh-CN');
});

appTest('sharing has no serious accessibility violation in English', async ({ page, open, url }) => {
  await auditSharing(page, open, url, 'en');
});

// 回头看 (follow-ups) and the status history: a commitment lists the later
// replies that speak of its programme, with what they share highlighted;
// one is accepted as evidence and the tracker keeps it through a reload, an
// export and an import in a fresh browser; every status change is kept with
// its date and shown as a timeline; an imported later reply joins the
// follow-ups; all of it in English too, and from file://.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appTest, expect, getBrowser, offlineFolderTest, offlineTest, ROOT } from './harness.mjs';

const FIX = join(ROOT, 'tests', 'e2e', 'fixtures');
// 沪科建复〔2025〕38号 promises the services of 上海技术交易所; 58号 (July) and
// 40号 (August) report on it.
const REPLY = '沪科建复〔2025〕38号';
const ID = 'c-d0968d50c738';
const LATER = ['沪科提复〔2025〕58号', '沪科建复〔2025〕40号'];
const item = (page) => page.locator(`[data-commitment="${ID}"]`);
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('dafu.tracker') ?? 'null'));

async function openFollowUps(page, open) {
  await open(`#/commitments?reply=${encodeURIComponent(REPLY)}`);
  await item(page).waitFor();
  await item(page).locator('.follow-ups summary').click();
  await item(page).locator('[data-followup]').first().waitFor();
}

appTest('a commitment lists the later replies that follow it up, with what they share', async ({ page, open }) => {
  await openFollowUps(page, open);
  expect.equal(await item(page).locator('[data-followups]').getAttribute('data-followups'), '2');
  expect.match(await item(page).locator('.follow-ups summary').textContent(), /回头看：2 件后续答复提及/);
  const listed = await item(page).locator('[data-followup]').evaluateAll((els) => els.map((e) => e.dataset.followup));
  expect.deepEqual(listed, LATER);
  const first = item(page).locator(`[data-followup="${LATER[0]}"]`);
  expect.equal(await first.locator('[data-shared="programme"] mark').textContent(), '上海技术交易所');
  expect.match(await first.locator('[data-shared="programme"]').textContent(), /同一项目/);
  // The later reply's own words, with the shared name marked in them.
  const marks = await first.locator('.follow-up-excerpt mark').allTextContents();
  expect.ok(marks.length > 0 && marks.every((m) => m === '上海技术交易所'), JSON.stringify(marks));
  // Its link opens the later reply.
  await first.locator('.follow-up-title a').click();
  await page.waitForSelector(`.reader[data-open="${LATER[0]}"]`);

  // The latest reply has nothing after it.
  await open(`#/commitments?reply=${encodeURIComponent('沪科建复〔2025〕40号')}`);
  await page.waitForSelector('[data-commitment]');
  const counts = await page.locator('[data-followups]').evaluateAll((els) => els.map((e) => e.dataset.followups));
  expect.ok(counts.length > 0 && counts.every((c) => c === '0'), JSON.stringify(counts));
});

appTest('an accepted follow-up is evidence that a reload, an export and an import keep', async ({ page, open }) => {
  await openFollowUps(page, open);
  const accept = item(page).locator(`[data-accept-evidence="${LATER[0]}"]`);
  await accept.click();
  await page.waitForFunction((id) => document.querySelector(`[data-accept-evidence="${id}"]`)?.getAttribute('aria-pressed') === 'true', LATER[0]);
  await item(page).locator(`[data-evidence="${LATER[0]}"]`).waitFor();
  let doc = await stored(page);
  expect.equal(doc.version, 3);
  expect.equal(doc.entries[ID].evidence[0].reply, LATER[0]);
  expect.deepEqual(doc.entries[ID].evidence[0].terms, ['上海技术交易所']);

  await page.reload();
  await item(page).locator(`[data-evidence="${LATER[0]}"]`).waitFor();

  const dir = await mkdtemp(join(tmpdir(), 'dafu-evidence-'));
  try {
    await open('#/commitments');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    // A colleague's browser: nothing stored, the file imported.
    const context = await (await getBrowser()).newContext({ acceptDownloads: true });
    try {
      const other = await context.newPage();
      await other.goto(page.url().replace(/#.*$/, '') + `#/commitments?reply=${encodeURIComponent(REPLY)}`);
      await other.locator(`[data-commitment="${ID}"]`).waitFor();
      await other.setInputFiles('[data-action="import"]', file);
      await other.locator(`[data-commitment="${ID}"] [data-evidence="${LATER[0]}"]`).waitFor();
      const theirs = await other.evaluate(() => JSON.parse(localStorage.getItem('dafu.tracker')));
      expect.deepEqual(theirs.entries[ID].evidence, (await stored(page)).entries[ID].evidence);
    } finally {
      await context.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // Withdrawn from the record under the status.
  await open(`#/commitments?reply=${encodeURIComponent(REPLY)}`);
  await item(page).locator(`[data-evidence="${LATER[0]}"] button`).click();
  await page.waitForFunction((id) => !document.querySelector(`[data-evidence="${id}"]`), LATER[0]);
  doc = await stored(page);
  expect.equal(doc.entries[ID].evidence, undefined);
});

appTest('every status change is kept with its date and shown as a timeline', async ({ page, open }) => {
  await open(`#/commitments?reply=${encodeURIComponent(REPLY)}`);
  await item(page).waitFor();
  // Changes on three days: the clock is moved between them.
  for (const [day, status] of [['2025-09-01', 'in_the_works'], ['2025-10-15', 'stalled'], ['2025-12-01', 'kept']]) {
    await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
    await item(page).locator('select').selectOption(status);
    await item(page).locator(`[data-change="${status}"]`).waitFor();
  }
  const steps = await item(page).locator('[data-timeline] li').evaluateAll((els) =>
    els.map((li) => [li.querySelector('time').getAttribute('datetime'), li.dataset.change]),
  );
  expect.deepEqual(steps, [['2025-09-01', 'in_the_works'], ['2025-10-15', 'stalled'], ['2025-12-01', 'kept']]);
  expect.match(await item(page).locator('[data-timeline]').textContent(), /推进中.*停滞.*已落实/);
  const doc = await stored(page);
  expect.deepEqual(doc.entries[ID].history.map((c) => [c.date, c.status]), steps);
  await page.reload();
  await item(page).locator('[data-timeline] li').nth(2).waitFor();
  expect.equal(await item(page).locator('[data-timeline] li').count(), 3);
});

appTest('an imported later reply joins the follow-ups; an imported commitment looks through every reply', async ({ page, open }) => {
  await open('#/');
  // 沪科提复〔2026〕7号: the text of 58号 (signed 2025-07-24) under another number.
  const copy = '沪科提复〔2026〕7号';
  await page.setInputFiles('[data-action="import-replies"]', join(FIX, 'import-utf8.txt'));
  await page.waitForSelector(`[data-reply="${copy}"]`);
  await openFollowUps(page, open);
  expect.equal(await item(page).locator('[data-followups]').getAttribute('data-followups'), '3');
  await item(page).locator(`[data-followup="${copy}"] [data-shared="programme"]`).waitFor();

  // Its own commitment on 上海技术交易所: 40号 (August) follows it up, found
  // once every reply's text is here.
  await open(`#/commitments?reply=${encodeURIComponent(copy)}`);
  await page.waitForSelector('[data-commitment]');
  const own = page.locator('[data-commitment]').filter({ hasText: '上海技术交易所' }).first();
  await own.locator('.follow-ups summary').click();
  await own.locator('[data-followup="沪科建复〔2025〕40号"]').waitFor();
  expect.equal(await own.locator('[data-followup]').count(), 1);
});

appTest('follow-ups, evidence and the timeline read in English', async ({ page, open }) => {
  await openFollowUps(page, open);
  await page.click('#dafu-lang');
  await page.waitForFunction(() => document.querySelector('.tracker-page h1')?.textContent === 'Commitments');
  expect.match(await item(page).locator('.follow-ups summary').textContent(), /Follow-ups: 2 later replies/);
  expect.match(await item(page).locator('[data-shared="programme"]').first().textContent(), /same programme/);
  await item(page).locator(`[data-accept-evidence="${LATER[1]}"]`).click();
  await item(page).locator(`[data-evidence="${LATER[1]}"]`).waitFor();
  expect.match(await item(page).locator('.evidence').textContent(), /Evidence.*accepted \d{4}-\d\d-\d\d/s);
  await item(page).locator('select').selectOption('kept');
  await item(page).locator('[data-change="kept"]').waitFor();
  expect.match(await item(page).locator('[data-timeline]').textContent(), /Kept/);
});

// From a USB stick: the single file and the folder both carry the follow-ups
// in their chunks, and accepting one is kept.
for (const [name, test] of [['dafu-offline.html', offlineTest], ['offline.html with corpus/', offlineFolderTest]]) {
  test(`follow-ups and evidence work from file:// (${name})`, async ({ page, open }) => {
    await openFollowUps(page, open);
    expect.equal(await item(page).locator('[data-followups]').getAttribute('data-followups'), '2');
    await item(page).locator(`[data-accept-evidence="${LATER[0]}"]`).click();
    await item(page).locator(`[data-evidence="${LATER[0]}"]`).waitFor();
    await page.reload();
    await item(page).locator(`[data-evidence="${LATER[0]}"]`).waitFor();
  });
}

// The commitments tracker, the commitments view and the figures view:
// statuses and notes survive a reload, export/import round-trips, a corrupt
// or full localStorage is reported and the app keeps working, reset asks
// first, and the figures table sorts, filters and exports CSV with a BOM.
// Two tabs keep each other's edits; an import never overwrites a note
// silently; an oversized file is refused unread; a newer version's record
// is left untouched; version 1 is migrated; ?reset-tracker moves it aside.
import { mkdtemp, open as openFile, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appTest, expect } from './harness.mjs';

const KEY = 'dafu.tracker';
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const item = (page, n = 0) => page.locator('[data-commitment]').nth(n);
const statusOf = (page, n = 0) => item(page, n).locator('select').inputValue();

async function setStatus(page, n, status) {
  await item(page, n).locator('select').selectOption(status);
  await page.waitForFunction(
    ([n, s]) => document.querySelectorAll('[data-commitment]')[n]?.querySelector('select')?.value === s,
    [n, status],
  );
}

async function commitmentsView(open, page) {
  await open('#/commitments');
  await page.waitForSelector('[data-commitment]');
}

/** Waits until the stored tracker holds `text`. */
const saved = (page, text) =>
  page.waitForFunction(([k, t]) => (localStorage.getItem(k) ?? '').includes(t), [KEY, text]);

/** The ids of the first `n` commitments listed. */
const idsOf = (page, n) =>
  page.locator('[data-commitment]').evaluateAll((els, n) => els.slice(0, n).map((e) => e.dataset.commitment), n);

/** Another tab of the same site on the commitments view; `init` runs before the app. */
async function secondTab(context, url, init) {
  const tab = await context.newPage();
  if (init) await tab.addInitScript(init);
  await tab.goto(url + '#/commitments');
  await tab.waitForSelector('[data-commitment]');
  return tab;
}

appTest('a status and a note survive a reload', async ({ page, open }) => {
  await commitmentsView(open, page);
  const id = await item(page).getAttribute('data-commitment');
  await setStatus(page, 0, 'kept');
  await item(page).locator('textarea').fill('见 2025 年年报');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('年报'), KEY);

  const doc = JSON.parse(await stored(page));
  expect.equal(doc.version, 3);
  expect.equal(doc.format, 'dafu.tracker');
  expect.equal(doc.entries[id].status, 'kept');
  expect.equal(doc.entries[id].note, '见 2025 年年报');
  expect.match(doc.entries[id].date, /^\d{4}-\d\d-\d\d$/);
  expect.match(doc.entries[id].modified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

  await page.reload();
  await page.waitForSelector('[data-commitment]');
  const again = page.locator(`[data-commitment="${id}"]`);
  expect.equal(await again.locator('select').inputValue(), 'kept');
  expect.equal(await again.locator('textarea').inputValue(), '见 2025 年年报');
  expect.match(await again.textContent(), /进展截至 \d{4}-\d\d-\d\d/);
});

appTest('the reader checklist and the commitments view share statuses', async ({ page, open }) => {
  await commitmentsView(open, page);
  const id = await item(page).getAttribute('data-commitment');
  const href = await page.locator('.commitment-group h2 a').first().getAttribute('href');
  await page.goto(page.url().replace(/#.*$/, '') + href);
  const inReader = page.locator(`#dafu-commitments [data-commitment="${id}"]`);
  await inReader.waitFor();
  await inReader.locator('select').selectOption('in_the_works');
  await page.waitForFunction(() => document.querySelector('#dafu-commitments .progress-headline')?.textContent.includes('已评估 1 项'));
  await commitmentsView(open, page);
  expect.equal(await page.locator(`[data-commitment="${id}"] select`).inputValue(), 'in_the_works');
});

appTest('export then import round-trips', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = [await item(page, 0).getAttribute('data-commitment'), await item(page, 1).getAttribute('data-commitment')];
  await setStatus(page, 0, 'kept');
  await setStatus(page, 1, 'stalled');
  await item(page, 1).locator('textarea').fill('预算未落地, "待查"');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('待查'), KEY);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
  expect.match(download.suggestedFilename(), /^dafu-承诺-\d{4}-\d\d-\d\d\.json$/);
  const dir = await mkdtemp(join(tmpdir(), 'dafu-e2e-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect.equal(exported.version, 3);
  expect.equal(exported.entries[ids[0]].status, 'kept');
  expect.equal(exported.entries[ids[1]].note, '预算未落地, "待查"');

  // Clear, then import the file back.
  await page.click('[data-action="reset"]');
  await page.click('[data-action="confirm-reset"]');
  await page.waitForFunction(() => document.querySelector('[data-commitment] select')?.value === 'not_rated');
  await page.setInputFiles('[data-action="import"]', file);
  await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('导入完成'));
  expect.match(await page.locator('[data-notice]').textContent(), /新增 2 条/);
  expect.equal(await page.locator(`[data-commitment="${ids[0]}"] select`).inputValue(), 'kept');
  expect.equal(await page.locator(`[data-commitment="${ids[1]}"] textarea`).inputValue(), '预算未落地, "待查"');

  // A bad file changes nothing and says so.
  const bad = join(dir, 'bad.json');
  await writeFile(bad, '{"version": 99, "entries": {}}');
  await page.setInputFiles('[data-action="import"]', bad);
  await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('无法导入'));
  expect.equal(await page.locator(`[data-commitment="${ids[0]}"] select`).inputValue(), 'kept');
});

appTest('a corrupt stored value is reported, set aside and the app still works', async ({ page, context, open }) => {
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('dafu.tracker', '{"version":1,"entries":{ broken');
    }
  });
  await commitmentsView(open, page);
  const notice = page.locator('[data-notice]');
  await notice.waitFor();
  expect.match(await notice.textContent(), /无法读取/);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('dafu.tracker.corrupt-')).map((k) => [k, localStorage.getItem(k)]),
  );
  expect.equal(backups.length, 1, JSON.stringify(backups));
  expect.equal(backups[0][1], '{"version":1,"entries":{ broken');
  expect.match(await notice.textContent(), new RegExp(backups[0][0].replace(/\./g, '\\.')));

  // The app keeps working and saves afresh; the backup stays.
  await setStatus(page, 0, 'broken');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('broken"'), KEY);
  expect.equal(JSON.parse(await stored(page)).version, 3);
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  expect.equal(await statusOf(page), 'broken');
  expect.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0][0]), '{"version":1,"entries":{ broken');
});

appTest('a foreign value with a valid JSON shape is set aside too', async ({ page, context, open }) => {
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('dafu.tracker', '{"version":0,"entries":{}}');
    }
  });
  await commitmentsView(open, page);
  await page.locator('[data-notice]').waitFor();
  expect.match(await page.locator('[data-notice]').textContent(), /版本 0/);
  const n = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt-')).length);
  expect.equal(n, 1);
});

appTest('malformed entries are skipped with a count, the rest load, the original is kept', async ({ page, context, open }) => {
  await commitmentsView(open, page);
  const id = await item(page).getAttribute('data-commitment');
  const value = JSON.stringify({
    format: 'dafu.tracker', version: 1,
    entries: { [id]: { status: 'stalled', note: '', date: '2025-01-02' }, bad: { status: 'finished' }, 'from-elsewhere': { status: 'kept' } },
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  await page.locator('[data-notice]').waitFor();
  expect.match(await page.locator('[data-notice]').textContent(), /1 条格式有误/);
  expect.equal(await statusOf(page), 'stalled');
  const backup = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes('.corrupt-')));
  expect.equal(await page.evaluate((k) => localStorage.getItem(k), backup), value);
  await page.reload();
  await page.waitForSelector('[data-notice]');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt-')).length);
  expect.equal(backups, 1, 'loading twice keeps one copy');
  // Entries of replies not in this corpus are kept when saving.
  await setStatus(page, 0, 'kept');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).entries['from-elsewhere']?.status === 'kept', KEY);
});

appTest('a full localStorage is reported and the UI still updates', async ({ page, context, open }) => {
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('dafu.tracker')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await commitmentsView(open, page);
  await setStatus(page, 0, 'compromise');
  const notice = page.locator('[data-notice]');
  await notice.waitFor();
  expect.match(await notice.textContent(), /存储空间已满/);
  // Still usable in memory.
  await setStatus(page, 1, 'kept');
  expect.equal(await statusOf(page, 0), 'compromise');
  expect.match(await page.locator('.progress-headline').first().textContent(), /已评估 2 项/);
  await page.click('[data-notice] button');
  await page.waitForSelector('[data-notice]', { state: 'detached' });
});

appTest('without localStorage (private mode, file://) the app says so and works in memory', async ({ page, context, open }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await commitmentsView(open, page);
  const notice = page.locator('[data-notice]');
  await notice.waitFor();
  expect.match(await notice.textContent(), /不允许本地保存/);
  await setStatus(page, 0, 'kept');
  expect.match(await page.locator('.progress-headline').first().textContent(), /已评估 1 项/);
});

appTest('reset asks for confirmation first', async ({ page, open }) => {
  await commitmentsView(open, page);
  await setStatus(page, 0, 'kept');
  await page.click('[data-action="reset"]');
  const confirm = page.locator('[data-confirm="reset"]');
  await confirm.waitFor();
  expect.equal(await statusOf(page), 'kept', 'nothing is cleared before confirming');
  expect.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'cancel-reset');
  await page.click('[data-action="cancel-reset"]');
  await confirm.waitFor({ state: 'detached' });
  expect.equal(await statusOf(page), 'kept');
  await page.waitForFunction(() => document.activeElement?.dataset.action === 'reset');

  await page.keyboard.press('Enter');
  await confirm.waitFor();
  await page.click('[data-action="confirm-reset"]');
  await page.waitForFunction(() => document.querySelector('[data-commitment] select')?.value === 'not_rated');
  await page.waitForFunction(() => document.activeElement?.dataset.action === 'export');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').entries && Object.keys(JSON.parse(localStorage.getItem(k)).entries).length === 0, KEY);
});

appTest('the commitments view filters by status and by reply', async ({ page, open }) => {
  await commitmentsView(open, page);
  const total = await page.locator('[data-commitment]').count();
  expect.ok(total >= 2, `only ${total} commitments`);
  await setStatus(page, 1, 'kept');
  const id = await item(page, 1).getAttribute('data-commitment');
  await page.click('[data-status-filter="kept"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-commitment]').length === 1);
  expect.equal(await item(page).getAttribute('data-commitment'), id);
  expect.match(page.url(), /#\/commitments\?status=kept/);
  expect.equal(await page.locator('[data-status-filter="kept"]').getAttribute('aria-current'), 'true');
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  expect.equal(await page.locator('[data-commitment]').count(), 1);

  await page.click('[data-status-filter="all"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-commitment]').length === n, total);
  const reply = await page.locator('[data-reply-filter] option').nth(1).getAttribute('value');
  await page.selectOption('[data-reply-filter]', reply);
  await page.waitForFunction((n) => document.querySelectorAll('[data-commitment]').length < n, total);
  expect.equal(await page.locator('.commitment-group').count(), 1);
});

appTest('the figures view sorts, filters and exports CSV with a BOM', async ({ page, open }) => {
  await open('#/figures');
  await page.waitForSelector('[data-figure-row]');
  const all = await page.locator('[data-figure-row]').count();
  const values = () => page.locator('[data-figure-row]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.value)));

  await page.click('[data-sort="value"]');
  await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"] [data-sort="value"]'));
  const desc = await values();
  expect.deepEqual(desc, [...desc].sort((a, b) => b - a));
  await page.click('[data-sort="value"]');
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"] [data-sort="value"]'));
  const asc = await values();
  expect.deepEqual(asc, [...asc].sort((a, b) => a - b));
  expect.match(page.url(), /sort=value/);

  await page.selectOption('[data-filter="kind"]', 'percent');
  await page.waitForFunction((n) => document.querySelectorAll('[data-figure-row]').length < n, all);
  const kinds = await page.locator('[data-figure-row]').evaluateAll((rows) => rows.map((r) => r.dataset.figureRow));
  expect.ok(kinds.length > 0 && kinds.every((k) => k === 'percent'), kinds.join());
  await page.selectOption('[data-filter="kind"]', '');
  await page.waitForFunction((n) => document.querySelectorAll('[data-figure-row]').length === n, all);
  await page.selectOption('[data-filter="unit"]', '家');
  await page.waitForFunction((n) => document.querySelectorAll('[data-figure-row]').length < n, all);
  const units = await page.locator('[data-figure-row] td.unit').allTextContents();
  expect.ok(units.every((u) => u === '家'), units.join());

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
  expect.match(download.suggestedFilename(), /^dafu-数据-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = await readFile(await download.path());
  expect.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').trim().split('\r\n');
  expect.equal(lines.length, units.length + 1);
  expect.match(lines[0].replace(/^\uFEFF/, ""), /^文号,答复,原文,/);

  // A figure links to its place in the reader.
  const text = await page.locator('[data-figure-row] .fig-link').first().textContent();
  await page.locator('[data-figure-row] .fig-link').first().click();
  await page.waitForSelector('#dafu-reader');
  await page.waitForFunction((t) => document.activeElement?.matches('[data-figure]') && document.activeElement.textContent.includes(t), text);
});

appTest('the tracker views read in English after the switch', async ({ page, open }) => {
  await commitmentsView(open, page);
  await page.click('#dafu-lang');
  await page.waitForFunction(() => document.querySelector('.tracker-page h1')?.textContent === 'Commitments');
  await setStatus(page, 0, 'kept');
  const item0 = await item(page).textContent();
  expect.match(item0, /Status as of \d{4}-\d\d-\d\d/);
  expect.match(await page.locator('[data-status-filter="kept"]').textContent(), /Kept/);
  await open('#/figures');
  await page.waitForSelector('[data-figure-row]');
  expect.equal(await page.locator('.figures-page h1').textContent(), 'Figures');
  await open('#/about');
  expect.match(await page.locator('.about-page').textContent(), /Privacy/);
});

appTest('the listed replies and commitments export as CSV and JSON', async ({ page, open }) => {
  await open('#/replies?kind=suggestion');
  await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 2);
  const save = async (action) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(action)]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const csv = await save('.results [data-action="export-csv"]');
  expect.match(csv.name, /^dafu-答复-\d{4}-\d{2}-\d{2}\.csv$/);
  expect.ok(csv.text.startsWith('\uFEFF编号,文号,'), 'BOM and header');
  expect.equal(csv.text.trim().split('\r\n').length, 3, 'a header and the two replies listed');
  const json = JSON.parse((await save('.results [data-action="export-json"]')).text);
  expect.deepEqual(json.map((r) => r.kind), ['suggestion', 'suggestion']);

  await open('#/commitments?status=kept');
  await page.waitForSelector('.view-commitments');
  expect.equal(await page.locator('.count-row [data-action="export-csv"]').isDisabled(), true, 'nothing kept yet');
  await open('#/commitments');
  const id = await page.locator('[data-commitment]').first().getAttribute('data-commitment');
  await page.locator(`[data-commitment="${id}"] select`).selectOption('kept');
  const rows = JSON.parse((await save('.count-row [data-action="export-json"]')).text);
  expect.equal(rows.length, await page.locator('[data-commitment]').count());
  expect.deepEqual([rows[0].id, rows[0].status], [id, 'kept']);

  await open('#/figures?kind=money');
  await page.waitForSelector('[data-figure-row]');
  const figures = JSON.parse((await save('.figures-page [data-action="export-json"]')).text);
  expect.equal(figures.length, await page.locator('[data-figure-row]').count());
  expect.ok(figures.every((f) => typeof f.value === 'number' && f.unit !== undefined));
});

appTest('two tabs edit different commitments and both keep their edits', async ({ page, context, open, url }) => {
  await commitmentsView(open, page);
  const second = await secondTab(context, url);
  const ids = await idsOf(page, 2);

  await setStatus(page, 0, 'kept');
  await item(page, 0).locator('textarea').fill('第一页的备注');
  await saved(page, '第一页的备注');
  // The second tab shows them as they happen…
  await second.waitForFunction((id) => document.querySelector(`[data-commitment="${id}"] textarea`)?.value === '第一页的备注', ids[0]);
  expect.equal(await second.locator(`[data-commitment="${ids[0]}"] select`).inputValue(), 'kept');
  // …and saving its own edits must not wipe them, even had it missed them.
  await setStatus(second, 1, 'stalled');
  await item(second, 1).locator('textarea').fill('第二页的备注');
  await saved(second, '第二页的备注');
  await setStatus(page, 1, 'stalled');

  for (const p of [page, second]) {
    await p.reload();
    await p.waitForSelector('[data-commitment]');
    const at = (n) => p.locator(`[data-commitment="${ids[n]}"]`);
    expect.equal(await at(0).locator('select').inputValue(), 'kept');
    expect.equal(await at(0).locator('textarea').inputValue(), '第一页的备注');
    expect.equal(await at(1).locator('select').inputValue(), 'stalled');
    expect.equal(await at(1).locator('textarea').inputValue(), '第二页的备注');
  }
});

appTest('an import keeps a local note it would overwrite and lists the conflict', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page, 2);
  await setStatus(page, 0, 'kept');
  await item(page, 0).locator('textarea').fill('本地的备注');
  await saved(page, '本地的备注');
  const day = await page.evaluate((k) => Object.values(JSON.parse(localStorage.getItem(k)).entries)[0].date, KEY);
  // An older file (no modified times) with the same status date and another note.
  const dir = await mkdtemp(join(tmpdir(), 'dafu-e2e-'));
  const file = join(dir, 'colleague.json');
  await writeFile(file, JSON.stringify({
    format: 'dafu.tracker', version: 1,
    entries: {
      [ids[0]]: { status: 'broken', note: '同事的备注', date: day },
      [ids[1]]: { status: 'stalled', note: '', date: '2025-01-01' },
    },
  }));
  await page.setInputFiles('[data-action="import"]', file);
  await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('导入完成'));
  const notice = await page.locator('[data-notice]').textContent();
  expect.match(notice, /新增 1 条/);
  expect.match(notice, /冲突 1 条/);
  const conflict = page.locator(`[data-conflict="${ids[0]}"]`);
  expect.match(await conflict.textContent(), /同事的备注/);
  expect.equal(await item(page, 0).locator('textarea').inputValue(), '本地的备注');
  expect.equal(await statusOf(page, 0), 'kept');
  expect.equal(await statusOf(page, 1), 'stalled');
});

appTest('a tracker file over 5 MB is refused before it is read', async ({ page, open }) => {
  await commitmentsView(open, page);
  const dir = await mkdtemp(join(tmpdir(), 'dafu-e2e-'));
  const file = join(dir, 'huge.json');
  const handle = await openFile(file, 'w');
  await handle.truncate(6 * 1024 * 1024);
  await handle.close();
  await page.setInputFiles('[data-action="import"]', file);
  await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('huge.json'));
  expect.match(await page.locator('[data-notice]').textContent(), /huge\.json.*5 MB/);
  await rm(dir, { recursive: true, force: true });
});

appTest('a tracker saved by a newer version is read, left untouched and changes stay in the page', async ({ page, context, open }) => {
  await commitmentsView(open, page);
  const id = await item(page).getAttribute('data-commitment');
  const value = JSON.stringify({
    format: 'dafu.tracker', version: 99, something_new: true,
    entries: { [id]: { status: 'stalled', note: '新版本的备注', date: '2026-01-02', modified: '2026-01-02T03:04:05.678Z', extra: 1 } },
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  await page.locator('[data-notice]').waitFor();
  expect.match(await page.locator('[data-notice]').textContent(), /较新版本/);
  expect.equal(await statusOf(page), 'stalled', 'what can be read is shown');
  await setStatus(page, 0, 'kept');
  await setStatus(page, 1, 'kept');
  expect.equal(await stored(page), value, 'the newer value is never written over');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt-')).length);
  expect.equal(backups, 0);
});

appTest('a tracker saved by version 1 is migrated: entries gain a modified time', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page, 2);
  const v1 = JSON.stringify({ format: 'dafu.tracker', version: 1, entries: { [ids[0]]: { status: 'kept', note: '旧版', date: '2025-01-02' } } });
  await page.evaluate((v) => localStorage.setItem('dafu.tracker.v1', v), v1);
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  expect.equal(await statusOf(page, 0), 'kept');
  expect.equal(await item(page, 0).locator('textarea').inputValue(), '旧版');
  await item(page, 1).locator('textarea').fill('新的备注');
  await saved(page, '新的备注');
  const doc = JSON.parse(await stored(page));
  expect.equal(doc.version, 3);
  expect.deepEqual(doc.entries[ids[0]], {
    status: 'kept', note: '旧版', date: '2025-01-02', modified: null,
    history: [{ status: 'kept', date: '2025-01-02', at: null }],
  });
  expect.match(doc.entries[ids[1]].modified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect.equal(await page.evaluate(() => localStorage.getItem('dafu.tracker.v1')), v1, 'the old value is left for older copies');
});

appTest('?reset-tracker sets the saved tracker aside and starts without it', async ({ page, open, url }) => {
  await commitmentsView(open, page);
  await setStatus(page, 0, 'kept');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('kept'), KEY);
  const value = await stored(page);
  await page.goto(url + '?reset-tracker#/commitments');
  await page.waitForSelector('[data-commitment]');
  await page.locator('[data-notice]').waitFor();
  expect.equal(await statusOf(page), 'not_rated');
  const backup = await page.evaluate((k) => Object.keys(localStorage).find((b) => b.startsWith(k + '.reset-')), KEY);
  expect.ok(backup, 'a backup key');
  expect.equal(await page.evaluate((k) => localStorage.getItem(k), backup), value);
  expect.equal(await stored(page), null);
  expect.match(await page.locator('[data-notice]').textContent(), new RegExp(backup.replace(/\./g, '\\.')));
  expect.ok(!page.url().includes('reset-tracker'), 'the switch is taken off the address');
});

appTest('a tab that missed the other tab\'s changes still keeps them when it saves', async ({ page, context, open, url }) => {
  await commitmentsView(open, page);
  // This tab never hears the storage event: its save must merge, not overwrite.
  const deaf = await secondTab(context, url, () => {
    const add = window.addEventListener;
    window.addEventListener = function (type, ...rest) {
      if (type !== 'storage') add.call(this, type, ...rest);
    };
  });
  const ids = await idsOf(page, 2);

  await setStatus(page, 0, 'kept');
  await item(page, 0).locator('textarea').fill('第一页的备注');
  await saved(page, '第一页的备注');
  expect.equal(await statusOf(deaf, 0), 'not_rated', 'the deaf tab has not heard');
  await item(deaf, 1).locator('textarea').fill('没听到的一页');
  await saved(deaf, '没听到的一页');
  // Its save merged the other tab's entries and shows them now.
  await deaf.waitForFunction((id) => document.querySelector(`[data-commitment="${id}"] select`)?.value === 'kept', ids[0]);
  const doc = JSON.parse(await stored(page));
  expect.equal(doc.entries[ids[0]].note, '第一页的备注');
  expect.equal(doc.entries[ids[1]].note, '没听到的一页');
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  expect.equal(await item(page, 1).locator('textarea').inputValue(), '没听到的一页');
  expect.equal(await item(page, 0).locator('textarea').inputValue(), '第一页的备注');
});

appTest('a note past 10,000 characters is cut, and the user told', async ({ page, open }) => {
  await commitmentsView(open, page);
  await item(page).locator('textarea').fill('备'.repeat(10_001));
  await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('备注最长 10,000 字'));
  await page.waitForFunction(() => document.querySelector('[data-commitment] textarea')?.value.length === 10_000);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{"entries":{}}').entries && Object.values(JSON.parse(localStorage.getItem(k)).entries)[0]?.note.length === 10_000, KEY);
});

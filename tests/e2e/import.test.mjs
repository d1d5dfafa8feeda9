// Replies added in the browser: picked or dropped files (UTF-8 and GBK)
// join the corpus, marked as imported, survive a reload and can be
// removed; a file that is not a reply is refused and changes nothing.
// Two tabs importing both keep their files; a 200 MB file is refused
// unread; ?reset-imports moves the saved imports aside; every message that
// applies is shown.
// The fixtures are two bundled replies under new document numbers (one
// saved as GBK) and a note that is no reply.
import { mkdtemp, open as openFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appTest, BUNDLED, countIs, expect, ROOT } from './harness.mjs';

const FIX = join(ROOT, 'tests', 'e2e', 'fixtures');
const PICK = '[data-action="import-replies"]';
const UTF8 = '沪科提复〔2026〕7号';
const GBK = '沪科建复〔2026〕8号';
const stored = (page) => page.evaluate(() => localStorage.getItem('dafu.imports.v1'));

appTest('picked UTF-8 and GBK replies join the list, marked, searchable, and stay after a reload', async ({ page, open }) => {
  await open();
  await page.setInputFiles(PICK, [join(FIX, 'import-utf8.txt'), join(FIX, 'import-gbk.txt')]);
  await countIs(page, BUNDLED + 2);
  expect.equal(await page.locator('[data-reply][data-imported]').count(), 2);
  expect.match(await page.locator('[data-notice]').textContent(), /已导入 2 件答复/);
  // The GBK file reads as the reply it was made from.
  const title = (doc) => page.locator(`[data-reply="${doc}"] .result-title`).textContent();
  expect.equal(await title(GBK), await title('沪科建复〔2025〕38号'));
  expect.equal(await page.locator(`[data-reply="${UTF8}"] .imported-badge`).textContent(), '已导入');

  await page.reload();
  await countIs(page, BUNDLED + 2);
  expect.equal(await page.locator('[data-reply][data-imported]').count(), 2);
  await page.fill('#dafu-search', '〔2026〕');
  await countIs(page, 2);
  await page.locator(`[data-reply="${GBK}"] a`).click();
  await page.waitForSelector(`.reader[data-open="${GBK}"]`);
  expect.ok((await page.locator('.reader [data-figure]').count()) > 0, 'figures marked in the imported reply');
  expect.ok((await page.locator('[data-commitment]').count()) > 0, 'its commitments can be tracked');
  expect.match(await page.locator('.reader [data-source="imported"]').textContent(), /在本浏览器中导入：import-gbk\.txt/);

  // Marked in the other views too.
  await page.locator('a[data-view="commitments"]').click();
  await page.waitForSelector('.view-commitments');
  expect.equal(await page.locator('.commitment-group .imported-badge').count(), 2);
  await page.locator('a[data-view="figures"]').click();
  await page.waitForSelector('[data-figure-row]');
  expect.ok((await page.locator('[data-figure-row] .imported-badge').count()) > 0);
});

appTest('a file that is not a reply is refused, naming what it lacks, and nothing changes', async ({ page, open }) => {
  await open();
  await page.setInputFiles(PICK, join(FIX, 'not-a-reply.md'));
  const notice = page.locator('[data-notice]');
  await notice.waitFor();
  expect.match(await notice.textContent(), /not-a-reply\.md 未导入：不像一件答复（.*文号/);
  expect.equal(await notice.getAttribute('role'), 'alert');
  expect.equal(await page.locator('[data-reply]').count(), BUNDLED);
  expect.equal(await stored(page), null);
});

appTest('an imported reply is removed, and stays removed after a reload', async ({ page, open }) => {
  await open();
  await page.setInputFiles(PICK, join(FIX, 'import-utf8.txt'));
  await countIs(page, BUNDLED + 1);
  expect.ok((await stored(page)).includes(UTF8));
  await page.locator('[data-imported-file="import-utf8.txt"] [data-action="remove-import"]').click();
  await countIs(page, BUNDLED);
  expect.match(await page.locator('[data-notice]').textContent(), /已移除导入的答复 import-utf8\.txt/);
  await page.reload();
  await countIs(page, BUNDLED);
  expect.equal(await stored(page), null);
});

appTest('files dropped on the replies view are imported', async ({ page, open }) => {
  await open();
  const bytes = [...(await readFile(join(FIX, 'import-gbk.txt')))];
  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'dropped.txt', { type: 'text/plain' }));
    const target = document.querySelector('.replies');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, bytes);
  await page.waitForSelector(`[data-reply="${GBK}"][data-imported]`);
  expect.ok(await page.locator('[data-imported-file="dropped.txt"]').isVisible());
});

appTest('an unreadable saved value is set aside and the app starts without imports', async ({ page, open }) => {
  await open();
  await page.evaluate(() => localStorage.setItem('dafu.imports.v1', '{broken'));
  await page.reload();
  await page.waitForSelector('[data-reply]');
  expect.match(await page.locator('[data-notice]').textContent(), /导入答复无法读取.*另存为 dafu\.imports\.v1\.corrupt-/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith('dafu.imports.v1.corrupt-'));
  expect.equal(await page.evaluate((k) => localStorage.getItem(k), backup), '{broken');
  expect.equal(await page.locator('[data-reply]').count(), BUNDLED);
});

appTest('replies imported in two tabs both survive', async ({ page, context, open, url }) => {
  await open();
  await countIs(page, 5);
  const second = await context.newPage();
  await second.goto(url);
  await second.waitForSelector('[data-dafu] .dafu');
  await countIs(second, 5);
  await page.setInputFiles(PICK, join(FIX, 'import-utf8.txt'));
  await countIs(page, 6);
  // The second tab shows it as it happens, and its own import keeps it.
  await countIs(second, 6);
  await second.setInputFiles(PICK, join(FIX, 'import-gbk.txt'));
  await second.waitForSelector(`[data-reply="${GBK}"]`);
  await second.waitForFunction((doc) => (localStorage.getItem('dafu.imports.v1') ?? '').includes(doc), GBK);
  for (const p of [page, second]) {
    await p.reload();
    await countIs(p, 7);
    expect.equal(await p.locator('[data-reply][data-imported]').count(), 2);
  }
});

appTest('a 200 MB file is refused at once and the page stays responsive', async ({ page, open }) => {
  await open();
  await countIs(page, 5);
  const dir = await mkdtemp(join(tmpdir(), 'dafu-e2e-'));
  const big = join(dir, 'huge.txt');
  const handle = await openFile(big, 'w');
  await handle.truncate(200 * 1024 * 1024); // sparse: nothing is written
  await handle.close();
  try {
    const start = Date.now();
    await page.setInputFiles(PICK, big);
    await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('huge.txt'), null, { timeout: 2_000 });
    expect.ok(Date.now() - start < 2_000, `refused after ${Date.now() - start} ms`);
    expect.match(await page.locator('[data-notice]').textContent(), /huge\.txt 未导入：文件有 200 MB，超过单个答复文件的上限 2 MB/);
    await page.fill('#dafu-search', '〔2025〕58号');
    await page.waitForFunction(() => document.querySelectorAll('[data-reply]').length === 1, null, { timeout: 2_000 });
    expect.equal(await page.locator('[data-reply][data-imported]').count(), 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

appTest('?reset-imports sets the saved imports aside and starts without them', async ({ page, open, url }) => {
  await open();
  await page.setInputFiles(PICK, join(FIX, 'import-utf8.txt'));
  await countIs(page, 6);
  const value = await stored(page);
  await page.goto(url + '?reset-imports#/');
  await page.waitForSelector('[data-dafu] .dafu');
  await countIs(page, 5);
  const backup = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('dafu.imports.v1.reset-')));
  expect.ok(backup, 'a backup key');
  expect.equal(await page.evaluate((k) => localStorage.getItem(k), backup), value);
  expect.equal(await stored(page), null);
  expect.match(await page.locator('[data-notice]').textContent(), new RegExp(backup.replace(/\./g, '\\.')));
  expect.ok(!page.url().includes('reset-imports'), 'the switch is taken off the address');
  await page.reload();
  await countIs(page, 5);
});

appTest('when both saved records fail to load, both messages show, each dismissible', async ({ page, open }) => {
  await open();
  await page.evaluate(() => {
    localStorage.setItem('dafu.imports.v1', '{broken');
    for (const k of ['dafu.tracker', 'dafu.tracker.v1']) localStorage.setItem(k, '{not json');
  });
  await page.reload();
  await page.waitForSelector('[data-reply]');
  const bar = page.locator('[data-notice]');
  await bar.waitFor();
  expect.match(await bar.textContent(), /导入答复无法读取/);
  expect.match(await bar.textContent(), /承诺进展无法读取/);
  const items = page.locator('[data-notice-item]');
  expect.equal(await items.count(), 2);
  await items.first().locator('button').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-notice-item]').length === 1);
  await items.first().locator('button').click();
  await page.waitForSelector('[data-notice]', { state: 'detached' });
});

appTest('a district letter without 文号 is imported, shown under its file name, and keeps that id after a reload', async ({ page, open }) => {
  const letter = join(ROOT, 'crates', 'parser', 'tests', 'fixtures', '01_xuhui_district_letter.txt');
  const id = '01_xuhui_district_letter';
  await open();
  await page.setInputFiles(PICK, letter);
  await countIs(page, BUNDLED + 1);
  const row = page.locator(`[data-reply="${id}"]`);
  expect.equal(await row.locator('.result-title').textContent(), '关于加快徐汇区人工智能企业孵化的建议');
  await page.reload();
  await page.goto(`${page.url().split('#')[0]}#/replies/${id}`);
  await page.waitForSelector(`.reader[data-open="${id}"]`);
  expect.match(await page.locator('.reader').textContent(), /区政协十七届三次会议/);
  expect.equal(await page.locator('.reader [data-commitment]').count(), 3, 'its three next steps');
});

// Sharing the tracker without a server: a share link (the listed
// commitments' statuses and notes, compressed into the URL's hash) opened
// in a fresh browser offers them and imports them only when asked; ignoring
// changes nothing; a damaged link says so; it works from file:// too; and
// the listed commitments save as a tracker file that imports elsewhere.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appTest, expect, getBrowser, offlineTest } from './harness.mjs';
import { watchCsp } from './csp-probe.mjs';

const KEY = 'dafu.tracker';
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const entriesOf = async (page) => JSON.parse((await stored(page)) ?? '{"entries":{}}').entries;
const at = (page, id) => page.locator(`[data-commitment="${id}"]`);

async function commitmentsView(open, page, hash = '#/commitments') {
  await open(hash);
  await page.waitForSelector('[data-commitment]');
}

/** Sets a status (and a note) on the commitment `id`; waits until it is stored. */
async function track(page, id, status, note) {
  await at(page, id).locator('select').selectOption(status);
  await page.waitForSelector(`[data-commitment="${id}"] select[data-status="${status}"]`);
  if (note) await at(page, id).locator('textarea').fill(note);
  await page.waitForFunction(
    ([k, id, s, n]) => {
      const e = JSON.parse(localStorage.getItem(k) ?? '{"entries":{}}').entries[id];
      return e?.status === s && (!n || e.note === n);
    },
    [KEY, id, status, note],
  );
}

const idsOf = (page) => page.locator('[data-commitment]').evaluateAll((els) => els.map((e) => e.dataset.commitment));

/** Makes the share link of what is listed; returns it as the field shows it. */
async function shareLink(page) {
  await page.click('[data-action="share-link"]');
  await page.waitForSelector('[data-notice-item="share"]');
  return page.locator('[data-share-link]').inputValue();
}

/**
 * Opens `link` in a new browser context (nothing stored), runs `fn(page)`
 * and closes it; fails on an uncaught error in the page. `lang` is saved first.
 */
async function inFreshBrowser(link, fn, { lang } = {}) {
  const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (lang) await context.addInitScript((l) => localStorage.setItem('dafu.lang', l), lang);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(link);
    await page.waitForSelector('[data-dafu] .dafu');
    await fn(page);
    expect.deepEqual(errors, [], 'uncaught errors in the fresh browser');
  } finally {
    await context.close();
  }
}

/** Accepts the offer in `page` and checks that `expected` ({ id: [status, note] }) is shown, stored and kept on reload. */
async function importOffer(page, expected, done = /导入完成（分享链接）/) {
  await page.click('[data-action="share-import"]');
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-notice-item="tracker-import"]')?.textContent ?? ''), done.source);
  await page.waitForSelector('[data-share-offer]', { state: 'detached' });
  await page.waitForFunction(() => !location.hash.includes('share='));
  for (let pass = 0; pass < 2; pass++) {
    await page.waitForSelector('[data-commitment]');
    const entries = await entriesOf(page);
    expect.deepEqual(Object.keys(entries).sort(), Object.keys(expected).sort(), 'stored: the shared entries only');
    for (const [id, [status, note]] of Object.entries(expected)) {
      expect.equal(await at(page, id).locator('select').inputValue(), status, id);
      expect.equal(await at(page, id).locator('textarea').inputValue(), note, id);
      expect.equal(entries[id].status, status);
      expect.equal(entries[id].note, note);
    }
    if (pass === 0) await page.reload();
  }
  expect.equal(await page.locator('[data-share-offer]').count(), 0, 'a reload offers nothing again');
}

appTest('a share link restores the listed statuses and notes in a fresh browser, when accepted', async ({ page, context, open, url }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  const expected = {
    [ids[0]]: ['kept', '见 2025 年年报, "第 3 页"'],
    [ids[1]]: ['stalled', ''],
    [ids[2]]: ['in_the_works', '预算已批复'],
  };
  for (const [id, [status, note]] of Object.entries(expected)) await track(page, id, status, note);

  const link = await shareLink(page);
  expect.match(await page.locator('[data-notice-item="share"]').textContent(), /已复制分享链接（3 项承诺的记录/);
  expect.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  expect.ok(link.startsWith(`${url}#/commitments?share=z`), link);
  expect.match(link, /^[\x21-\x7e]+$/, 'one plain ASCII line');
  console.log(`share link for 3 commitments: ${link.length} characters`);

  await inFreshBrowser(link, async (fresh) => {
    const offer = fresh.locator('[data-share-offer="ready"]');
    await offer.waitFor();
    expect.match(await offer.textContent(), /这个链接带来 3 项承诺的状态与备注（\d{4}-\d\d-\d\d 分享，来自 \d+ 件答复/);
    expect.equal(await stored(fresh), null, 'nothing is merged before the user accepts');
    expect.equal(await at(fresh, ids[0]).locator('select').inputValue(), 'not_rated');
    await importOffer(fresh, expected, /导入完成（分享链接）：新增 3 条/);
  });
});

appTest('every listed commitment fits in one link; its length is reported', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  const statuses = ['kept', 'stalled', 'in_the_works', 'compromise', 'broken'];
  for (const [i, id] of ids.entries()) await track(page, id, statuses[i % statuses.length], `第 ${i + 1} 项：见 2025 年度报告第 ${i + 3} 页`);
  const link = await shareLink(page);
  console.log(`share link for ${ids.length} commitments with notes: ${link.length} characters`);
  expect.ok(link.length < 8000, `${link.length} characters`);
  await inFreshBrowser(link, async (fresh) => {
    await fresh.waitForSelector('[data-share-offer="ready"]');
    expect.match(await fresh.locator('[data-share-offer]').textContent(), new RegExp(`带来 ${ids.length} 项承诺`));
  });
});

appTest('a share link only carries the commitments listed, and keeps the filters', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  await track(page, ids[0], 'kept', '只有这一项');
  await track(page, ids[1], 'broken');
  await page.click('[data-status-filter="kept"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-commitment]').length === 1);
  const link = await shareLink(page);
  expect.match(link, /#\/commitments\?status=kept&share=z/);
  await inFreshBrowser(link, async (fresh) => {
    await fresh.waitForSelector('[data-share-offer="ready"]');
    await fresh.click('[data-action="share-import"]');
    await fresh.waitForFunction(() => !location.hash.includes('share='));
    expect.match(fresh.url(), /#\/commitments\?status=kept$/);
    await fresh.waitForSelector(`[data-commitment="${ids[0]}"]`);
    expect.deepEqual(Object.keys(await entriesOf(fresh)), [ids[0]]);
  });
});

appTest('ignoring a share link changes nothing and takes it off the address', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  await track(page, ids[0], 'kept', '同事的备注');
  const link = await shareLink(page);
  await inFreshBrowser(link, async (fresh) => {
    await fresh.goto(link.replace(/#.*/, '#/commitments'));
    await fresh.waitForSelector('[data-commitment]');
    await track(fresh, ids[0], 'broken', '我的备注');
    const before = await stored(fresh);
    await fresh.goto(link);
    await fresh.waitForSelector('[data-share-offer="ready"]');
    await fresh.click('[data-action="share-ignore"]');
    await fresh.waitForSelector('[data-share-offer]', { state: 'detached' });
    await fresh.waitForFunction(() => !location.hash.includes('share='));
    expect.equal(await stored(fresh), before);
    expect.equal(await at(fresh, ids[0]).locator('select').inputValue(), 'broken');
    await fresh.reload();
    await fresh.waitForSelector('[data-commitment]');
    expect.equal(await fresh.locator('[data-share-offer]').count(), 0);
    expect.equal(await stored(fresh), before);
  });
});

appTest('accepting merges by the import rules: a note here is never overwritten silently', async ({ page, open }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  await track(page, ids[0], 'kept', '链接里的备注');
  const link = await shareLink(page);
  await inFreshBrowser(link, async (fresh) => {
    // The same entry changed here at about the same time: a conflict.
    await fresh.goto(link.replace(/#.*/, '#/commitments'));
    await fresh.waitForSelector('[data-commitment]');
    await track(fresh, ids[0], 'broken', '本机的备注');
    await fresh.goto(link);
    await fresh.waitForSelector('[data-share-offer="ready"]');
    await fresh.click('[data-action="share-import"]');
    await fresh.waitForSelector(`[data-conflict="${ids[0]}"]`);
    expect.match(await fresh.locator(`[data-conflict="${ids[0]}"]`).textContent(), /链接里的备注/);
    expect.equal(await at(fresh, ids[0]).locator('textarea').inputValue(), '本机的备注');
  });
});

appTest('a damaged, cut, oversized or newer link says so and changes nothing', async ({ page, open, url }) => {
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  await track(page, ids[0], 'kept', '一条很长的备注，用来让链接长一些'.repeat(4));
  await track(page, ids[1], 'stalled');
  const link = await shareLink(page);
  const data = link.split('share=')[1];
  const json = (doc) => 'j' + Buffer.from(JSON.stringify(doc)).toString('base64url');
  const cases = [
    [data.slice(0, Math.floor(data.length / 2)), /不完整或已损坏/],
    ['zAAAA', /不完整或已损坏/],
    ['y' + data.slice(1), /不完整或已损坏/],
    [`z${'A'.repeat(9000)}`, /超过分享链接的上限 8,000 个字符/],
    [json({ version: 99, entries: { a: { status: 'kept' } } }), /较新版本的 dafu/],
    [json({ version: 2, entries: {} }), /没有任何承诺的记录/],
  ];
  const before = await stored(page);
  for (const [bad, why] of cases) {
    await page.goto(`${url}#/commitments?share=${bad}`);
    const offer = page.locator('[data-share-offer="error"]');
    await offer.waitFor();
    expect.match(await offer.textContent(), why, bad.slice(0, 40));
    expect.match(await offer.textContent(), /本机记录未作任何改动/);
    expect.equal(await page.locator('[data-action="share-import"]').count(), 0);
    expect.equal(await stored(page), before);
  }
  await page.click('[data-action="share-ignore"]');
  await page.waitForFunction(() => !location.hash.includes('share='));
  await page.waitForSelector('[data-share-offer]', { state: 'detached' });
  expect.equal(await stored(page), before);
});

appTest('without a clipboard the link is shown to copy by hand; a link too long is refused', async ({ page, context, open }) => {
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  expect.equal(await page.locator('[data-action="share-link"]').isDisabled(), true, 'nothing tracked, nothing to share');
  await track(page, ids[0], 'kept');
  const link = await shareLink(page);
  expect.match(await page.locator('[data-notice-item="share"]').textContent(), /无法自动复制到剪贴板：请从下方文本框中复制分享链接/);
  expect.match(link, /#\/commitments\?share=z/);
  expect.equal(await page.locator('[data-share-link]').evaluate((e) => e.readOnly), true);

  // Notes that do not compress make a link past 8,000 characters.
  const noise = (n) => Array.from({ length: n }, (_, i) => ((i * 7919 + n * 31) % 65521).toString(36)).join('');
  const entries = Object.fromEntries(ids.map((id, i) => [id, { status: 'kept', note: noise(400 + i), date: '2025-11-23', modified: null }]));
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ format: 'dafu.tracker', version: 2, entries })]);
  await page.reload();
  await page.waitForSelector('[data-commitment]');
  await page.click('[data-action="share-link"]');
  await page.waitForFunction(() => document.querySelector('[data-notice-item="share"]')?.textContent.includes('无法生成分享链接'));
  expect.match(await page.locator('[data-notice-item="share"]').textContent(), /超过分享链接的上限 8,000 个字符。请改用“保存为分享文件”/);
  expect.equal(await page.locator('[data-share-link]').count(), 0);
});

appTest('the listed commitments save as a share file that imports in a fresh browser', async ({ page, open, url }) => {
  await commitmentsView(open, page);
  const reply = await page.locator('[data-reply-filter] option').nth(1).getAttribute('value');
  await page.selectOption('[data-reply-filter]', reply);
  await page.waitForFunction(() => document.querySelectorAll('.commitment-group').length === 1);
  const listed = await idsOf(page);
  await track(page, listed[0], 'compromise', '部分落实：见细则');
  await page.selectOption('[data-reply-filter]', '');
  await page.waitForFunction(() => document.querySelectorAll('.commitment-group').length > 1);
  const other = (await idsOf(page)).find((id) => !listed.includes(id));
  await track(page, other, 'broken', '不在所列之中');
  await page.selectOption('[data-reply-filter]', reply);
  await page.waitForFunction(() => document.querySelectorAll('.commitment-group').length === 1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="share-file"]')]);
  expect.match(download.suggestedFilename(), /^dafu-承诺-分享-\d{4}-\d\d-\d\d\.json$/);
  const dir = await mkdtemp(join(tmpdir(), 'dafu-share-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    expect.equal(doc.format, 'dafu.tracker');
    expect.deepEqual(Object.keys(doc.entries), [listed[0]], 'the listed commitments only');
    await inFreshBrowser(`${url}#/commitments`, async (fresh) => {
      await fresh.waitForSelector('[data-commitment]');
      await fresh.setInputFiles('[data-action="import"]', file);
      await fresh.waitForFunction(() => document.querySelector('[data-notice]')?.textContent.includes('新增 1 条'));
      expect.equal(await at(fresh, listed[0]).locator('select').inputValue(), 'compromise');
      expect.equal(await at(fresh, listed[0]).locator('textarea').inputValue(), '部分落实：见细则');
      expect.equal(await at(fresh, other).locator('select').inputValue(), 'not_rated');
      expect.deepEqual(Object.keys(await entriesOf(fresh)), [listed[0]]);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

appTest('sharing reads in English: the tools, the notice and the offer', async ({ page, open }) => {
  await commitmentsView(open, page);
  await page.click('#dafu-lang');
  await page.waitForSelector('.dafu[lang="en"]');
  const ids = await idsOf(page);
  await track(page, ids[0], 'kept', 'See the annual report');
  expect.equal(await page.locator('[data-action="share-link"]').textContent(), 'Copy share link');
  expect.equal(await page.locator('[data-action="share-file"]').textContent(), 'Save as a share file');
  const link = await shareLink(page);
  expect.match(await page.locator('[data-notice-item="share"]').textContent(), /Share link copied \(1 commitment, |could not be copied to the clipboard/);
  await inFreshBrowser(link, async (fresh) => {
    const offer = fresh.locator('[data-share-offer="ready"]');
    await offer.waitFor();
    expect.match(await offer.textContent(), /This link brings the statuses and notes of 1 commitment \(shared on \d{4}-\d\d-\d\d, from 1 reply: /);
    expect.equal(await fresh.locator('[data-action="share-ignore"]').textContent(), 'Ignore');
    await importOffer(fresh, { [ids[0]]: ['kept', 'See the annual report'] }, /Import done \(share link\): 1 added/);
    await fresh.goto(`${link.replace(/#.*/, '')}#/commitments?share=zAAAA`);
    await fresh.waitForSelector('[data-share-offer="error"]');
    expect.match(await fresh.locator('[data-share-offer]').textContent(), /This share link cannot be read: the data in the link is incomplete or damaged/);
  }, { lang: 'en' });
});

offlineTest('a share link made and opened from dafu-offline.html over file:// restores the statuses', async ({ page, open, url }) => {
  const csp = await watchCsp(page);
  await commitmentsView(open, page);
  const ids = await idsOf(page);
  const expected = { [ids[0]]: ['kept', '离线版的备注'], [ids[2]]: ['broken', ''] };
  for (const [id, [status, note]] of Object.entries(expected)) await track(page, id, status, note);
  const link = await shareLink(page);
  expect.ok(link.startsWith(`${url}#/commitments?share=`), link);
  expect.deepEqual(await csp.violations(), [], 'CSP violations');
  await inFreshBrowser(link, async (fresh) => {
    await fresh.waitForSelector('[data-share-offer="ready"]');
    expect.match(await fresh.locator('[data-share-offer]').textContent(), /带来 2 项承诺/);
    await importOffer(fresh, expected);
  });
});

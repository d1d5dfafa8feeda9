// The offline file in Firefox, from file:// (firefox-offline.mjs does the
// driving). `./x setup` installs Firefox, so a missing one fails the test;
// DAFU_NO_FIREFOX=1 skips it on purpose (a machine that has none to offer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED, DIST } from './harness.mjs';

const firefox = ['firefox-esr', 'firefox']
  .map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim())
  .find(Boolean);

const skip = process.env.DAFU_NO_FIREFOX === '1' && 'DAFU_NO_FIREFOX=1';

test('from file:// in Firefox: list, search, a reply, a status that survives a reload', { skip }, async () => {
  assert.ok(firefox, 'no firefox-esr or firefox on PATH: run ./x setup (or set DAFU_NO_FIREFOX=1 to skip on purpose)');
  const dir = await mkdtemp(join(tmpdir(), 'dafu 离线版 '));
  try {
    const file = join(dir, 'dafu-offline.html');
    await copyFile(join(DIST, 'dafu-offline.html'), file);
    const r = spawnSync(process.execPath, ['--experimental-websocket', join(import.meta.dirname, 'firefox-offline.mjs'), firefox, file, String(BUNDLED)], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /firefox: ok/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

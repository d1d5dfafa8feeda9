// The offline file in Firefox, from file:// (firefox-offline.mjs does the
// driving). Skipped where no Firefox is installed (`./x setup` installs only
// Chromium; `apt-get install firefox-esr` adds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './harness.mjs';

const firefox = ['firefox-esr', 'firefox']
  .map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim())
  .find(Boolean);

test('from file:// in Firefox: list, search, a reply, a status that survives a reload', { skip: !firefox && 'no Firefox installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dafu 离线版 '));
  try {
    const file = join(dir, 'dafu-offline.html');
    await copyFile(join(DIST, 'dafu-offline.html'), file);
    const r = spawnSync(process.execPath, ['--experimental-websocket', join(import.meta.dirname, 'firefox-offline.mjs'), firefox, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /firefox: ok/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// tools/post-build.mjs, the trunk post_build hook, on small staging folders:
// it moves trunk's inline loader into a file, and fails loudly when it can't.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const HOOK = join(ROOT, 'tools', 'post-build.mjs');

// The smallest valid wasm module: magic and version.
const EMPTY_MODULE = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
const LOADER = `<script type="module">
import init, * as bindings from './dafu-web-ab12.js';
const wasm = await init({ module_or_path: './dafu-web-ab12_bg.wasm' });
</script>`;

async function stage(html, wasm = EMPTY_MODULE) {
  const dir = await mkdtemp(join(tmpdir(), 'dafu-stage-'));
  await writeFile(join(dir, 'index.html'), html);
  await writeFile(join(dir, 'app-0123.css'), '.dafu{color:red}');
  await writeFile(join(dir, 'dafu-web-ab12_bg.wasm'), wasm);
  return dir;
}
const run = (dir) =>
  spawnSync('node', [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'debug' }, encoding: 'utf8' });

test('the hook moves the inline loader into a file and writes dafu.js and dafu.css', async () => {
  const dir = await stage(`<!doctype html><html><head><meta charset="utf-8">
${LOADER}
<link rel="stylesheet" href="./app-0123.css"></head><body></body></html>`);
  try {
    const r = run(dir);
    assert.equal(r.status, 0, r.stderr);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script type="module">/);
    const src = html.match(/<script type="module" src="\.\/(dafu-[0-9a-f]{16}\.js)" integrity="sha384-[^"]+"><\/script>/)?.[1];
    assert.ok(src, html);
    const loader = await readFile(join(dir, src), 'utf8');
    assert.equal(await readFile(join(dir, 'dafu.js'), 'utf8'), loader);
    assert.match(loader, /import init from '\.\/dafu-web-ab12\.js';/);
    assert.match(loader, /new URL\('\.\/dafu-web-ab12_bg\.wasm', import\.meta\.url\)/);
    assert.equal(await readFile(join(dir, 'dafu.css'), 'utf8'), '.dafu{color:red}');
    assert.ok(!(await readdir(dir)).includes('dafu-offline.html'), 'no offline file in debug builds');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the hook fails, and so the build, when it finds no loader', async () => {
  const dir = await stage('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  try {
    const r = run(dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /post-build: expected one inline module loader/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the hook fails when the built wasm is not a valid module', async () => {
  const dir = await stage(`<!doctype html><html><head><meta charset="utf-8">${LOADER}</head><body></body></html>`, Buffer.alloc(0));
  try {
    const r = run(dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /dafu-web-ab12_bg\.wasm \(0 bytes\) is not a valid wasm module/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

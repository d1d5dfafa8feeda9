// The service worker of the served site (tools/service-worker.js): which
// files a build's sw.js keeps offline, its version, and its text. Used by
// tools/post-build.mjs (step 5) and its tests.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The service worker keeps the corpus files from the start up to this total. */
export const PRECACHE_CORPUS_MAX = 50 << 20;

/**
 * What sw.js keeps for the site in `dir` whose page loads the files `shell`:
 * { version, precache, corpusOnUse }. The version is a hash of the worker's
 * code and of every file it knows (corpus files too when they are kept as
 * used), so any change of the build is a new worker with a new cache.
 */
export function serviceWorkerBuild(dir, shell, { code = serviceWorkerCode(), budget = PRECACHE_CORPUS_MAX } = {}) {
  const corpus = readdirSync(join(dir, 'corpus')).filter((f) => f.endsWith('.js')).sort().map((f) => `corpus/${f}`);
  const corpusBytes = corpus.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  const corpusOnUse = corpusBytes > budget;
  const hash = createHash('sha256').update(code);
  for (const f of [...shell, ...corpus].sort()) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  return { version: hash.digest('hex').slice(0, 16), precache: corpusOnUse ? shell : [...shell, ...corpus], corpusOnUse, corpusBytes };
}

export const serviceWorkerCode = () => readFileSync(join(ROOT, 'tools', 'service-worker.js'), 'utf8');

/** The text of sw.js for a build of serviceWorkerBuild. */
export const serviceWorkerScript = ({ version, precache, corpusOnUse }, code = serviceWorkerCode()) =>
  `const BUILD = ${JSON.stringify({ version, precache, corpusOnUse })};\n${code}`;

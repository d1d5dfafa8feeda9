// Trunk post_build hook (Trunk.toml [[hooks]]): finishes the site trunk has
// just assembled in its staging dir ($TRUNK_STAGING_DIR), before trunk moves
// it to dist/. Any failure exits non-zero, which fails the trunk build.
//
//  1. Loader: trunk injects the app's loader as an inline <script type=module>.
//     It is moved into a file (dafu-<hash>.js) so the page runs under a
//     Content-Security-Policy without 'unsafe-inline'. The loader resolves the
//     wasm URL against its own URL, so it also works from a host page in
//     another folder. It fetches the wasm module after the page's first
//     frame, and trunk's preload of the module goes: the largest file must
//     not compete with what the first frame needs, nor arrive before it (see
//     extractLoader). Stable entry points for host pages are written too:
//     dafu.js (the loader) and dafu.css (every stylesheet, in order).
//  2. Release only: the CSP <meta> goes into index.html.
//  3. The start page: the app renders its reply list natively
//     (src/bin/dafu-prerender.rs) and it goes into index.html, so the list
//     shows as soon as the page is parsed; the live app hydrates it (or
//     renders over it, src/lib.rs), so it keeps Yew's component marks and
//     carries its shape (see withStartPage). Its data-* test hooks are
//     dropped: they mark the live app only.
//  4. Release only: dafu-offline.html, one self-contained file that runs from
//     file:// — wasm-bindgen --target no-modules glue in a classic <script>,
//     the served (wasm-opt optimized) module embedded as base64, the CSS
//     inlined, a CSP with hashes.
//  5. Release only: sw.js, the service worker that keeps the served site
//     usable offline (tools/service-worker.js with this build's file list
//     and version); the loader registers it from the app's own page only.
//     The offline pages drop the web manifest's links.
//  6. Release only: every .html, .js, .css, .wasm and .svg file gets
//     precompressed siblings, <file>.br and <file>.gz, for servers that send
//     them to browsers that accept them (tools/serve.mjs, docs/deploy.md).
//
// It works on trunk's fresh output only (it expects trunk's inline loader), so
// it is not run by hand: `./x build` (trunk build --release) runs it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { PRECACHE_CORPUS_MAX, serviceWorkerBuild, serviceWorkerScript } from './sw-build.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const STAGE = process.env.TRUNK_STAGING_DIR;
const RELEASE = process.env.TRUNK_PROFILE === 'release';
const BIN = 'dafu-web';

/** The policy of the served build (a <meta>; frame-ancestors only works as a header). */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // The defaults say the same (default-src, script-src); named for
  // administrators who copy the policy: the web manifest and sw.js.
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

const fail = (msg) => {
  console.error(`post-build: ${msg}`);
  process.exit(1);
};
const sha = (alg, data) => createHash(alg).update(data).digest();
const fileHash = (data) => sha('sha256', data).toString('hex').slice(0, 16);
const kb = (n) => `${Math.round(n / 1024)} KiB`;
const cspHash = (text) => `'sha256-${sha('sha256', text).toString('base64')}'`;

/** Attributes of one start tag, e.g. `<link rel=stylesheet href="./a.css">`. */
function attrs(tag) {
  const out = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    out[m[1].toLowerCase()] = (m[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return out;
}

/** A local href of the built page ("./x.css" or "x.css") to a file of the stage. */
function localFile(href) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) fail(`unexpected non-local asset ${href}`);
  return join(STAGE, href.replace(/^\.\//, '').split(/[?#]/)[0]);
}

/**
 * Release only: the loader registers the service worker (sw.js beside it)
 * once the app runs and the page has loaded, when the page is the app's own
 * (the build's index.html, with the prerendered start page, in the loader's
 * folder: never a host page that mounts the app), served over http(s), at
 * the top level (not in a portal's frame, where storage may be partitioned),
 * where the browser has service workers. A failure is the browser's to
 * report; the app runs on.
 */
const REGISTER = [
  '// Offline use of the served site: the service worker (sw.js), registered',
  "// by the app's own page only, at the top level, over http(s).",
  "if (ownPage && self === top && /^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {",
  '  const register = () => {',
  "    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: self.dafuBase }).catch(() => {});",
  '  };',
  '  const idle = () => (self.requestIdleCallback ? requestIdleCallback(register, { timeout: 2000 }) : setTimeout(register, 200));',
  "  if (document.readyState === 'complete') idle();",
  "  else addEventListener('load', idle, { once: true });",
  '}',
];

/** Step 1: move trunk's inline module loader into a file. */
function extractLoader(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  const inline = scripts.filter((m) => /type\s*=\s*["']?module/i.test(m[1]) && !/\bsrc\s*=/i.test(m[1]));
  if (inline.length !== 1) {
    const done = scripts.some((m) => /\bsrc\s*=\s*["']?\.\/dafu-[0-9a-f]{16}\.js/.test(m[1]));
    fail(
      `expected one inline module loader in index.html, found ${inline.length}` +
        (done ? ' (the page was already processed: was another build writing to the same dist/ at the same time?)' : ''),
    );
  }
  const [tag, , code] = inline[0];
  const js = code.match(/from\s*["']\.?\/?([^"']+\.js)["']/)?.[1];
  const wasm = code.match(/["']\.?\/?([^"']+_bg\.wasm)["']/)?.[1];
  if (!js || !wasm) fail(`cannot find the glue and wasm names in trunk's loader:\n${code}`);
  // The page paints before the wasm module is fetched: in the app's own
  // index.html that first frame is the prerendered start page, which needs
  // none of the app's code. Lighthouse counts every request that ends before
  // the largest paint as holding it up, so the module must not arrive
  // earlier. (A hidden page paints nothing: no wait; a frame the browser does
  // not render, such as an iframe out of view, waits a second at most.)
  const loader = [
    '// Loads the dafu app. Generated by tools/post-build.mjs.',
    `import init from './${js}';`,
    '// Corpus files (corpus/*.js) are found beside this file, wherever the page is.',
    "self.dafuBase = new URL('./', import.meta.url).href;",
    ...(RELEASE
      ? [
          "// The app's own index.html, not a host page: the start page is in it, beside this file.",
          "const ownPage = document.querySelector('[data-dafu-prerender]') !== null && new URL('./', location.href).href === self.dafuBase;",
        ]
      : []),
    "// The page paints first; then the app's module is fetched.",
    'await new Promise((painted) => {',
    "  if (document.visibilityState !== 'visible') return painted();",
    '  requestAnimationFrame(() => setTimeout(painted, 0));',
    '  setTimeout(painted, 1000);',
    '});',
    `const wasm = await init({ module_or_path: new URL('./${wasm}', import.meta.url) });`,
    "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    ...(RELEASE ? REGISTER : []),
    '',
  ].join('\n');
  const name = `dafu-${fileHash(loader)}.js`;
  writeFileSync(join(STAGE, name), loader);
  writeFileSync(join(STAGE, 'dafu.js'), loader);
  const integrity = `sha384-${sha('sha384', loader).toString('base64')}`;
  const replacement = `<script type="module" src="./${name}" integrity="${integrity}"></script>`;
  // The loader fetches the module once the page has painted: no preload.
  const unloaded = html
    .replace(tag, () => replacement)
    .replace(/<link\b[^>]*>/gi, (link) => {
      const a = attrs(link);
      return a.rel?.toLowerCase() === 'preload' && a.href?.replace(/^\.\//, '') === wasm ? '' : link;
    });
  return { html: unloaded, glue: js, wasm };
}

/** The stylesheets index.html links, in order: [tag, file]. */
function stylesheets(html) {
  return [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => [m[0], attrs(m[0])])
    .filter(([, a]) => a.rel?.toLowerCase() === 'stylesheet')
    .map(([tag, a]) => [tag, localFile(a.href)]);
}

/** The imports and exports of a wasm module: what its JS glue must match. */
function wasmInterface(bytes) {
  const module = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`);
  const exports = WebAssembly.Module.exports(module).map((e) => `${e.name}:${e.kind}`);
  return JSON.stringify([imports.sort(), exports.sort()]);
}

/**
 * Step 4's wasm: the served module — trunk already optimized it with wasm-opt
 * (index.html's data-wasm-opt) — and wasm-bindgen's no-modules glue for it,
 * generated from the cargo output trunk just built.
 */
function offlineWasm(servedWasm) {
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  const target = meta.target_directory;
  const input = join(target, 'wasm32-unknown-unknown', 'release', `${BIN}.wasm`);
  const out = join(target, 'dafu-offline');
  mkdirSync(out, { recursive: true });
  execFileSync(
    'wasm-bindgen',
    ['--target', 'no-modules', '--no-typescript', '--out-dir', out, '--out-name', BIN, input],
    { stdio: 'inherit' },
  );
  const glue = readFileSync(join(out, `${BIN}.js`), 'utf8');
  if (!glue.includes('initSync')) fail('the no-modules glue has no initSync');
  const bytes = readFileSync(servedWasm);
  // The glue fits the served module when both came from the same cargo
  // output: the same imports and exports (wasm-bindgen names them by hash).
  if (wasmInterface(readFileSync(join(out, `${BIN}_bg.wasm`))) !== wasmInterface(bytes)) {
    fail(
      `${input} no longer matches the served module (was another build of the app running at the same time?); build again`,
    );
  }
  return { glue, bytes };
}

/** Text safe inside a classic <script> element. */
const scriptSafe = (js) => js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
const styleSafe = (css) => css.replace(/<\/style/gi, '<\\/style');

/** Step 3: the start page, rendered by the app itself, into the page's <body>. */
export function withStartPage(html, startPage) {
  if (!/<div\b[^>]*class="dafu"/.test(startPage)) fail('the prerendered start page has no .dafu root');
  if (!startPage.startsWith('<!--<[')) fail('the prerendered start page has no hydration marks');
  const page = startPage
    .replace(/ data-[a-z-]+="[^"]*"/g, '')
    // Yew's component marks (<!--<[name]>--> … <!--</[name]>-->) bound each
    // component for hydration; the names (debug builds write them) are not
    // needed.
    .replace(/<!--(<\/?\[)[^\]]*(\]>)-->/g, '<!--$1$2-->');
  const tag = `<div data-dafu-prerender="${shape(page)}" aria-busy="true">${page}</div>`;
  if (!/<body\b[^>]*>/i.test(html)) fail('index.html has no <body>');
  return html.replace(/<body\b[^>]*>/i, (body) => body + tag);
}

/** Void elements of HTML: no content, no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * The shape of the prerendered page, as the app computes it of the elements
 * in the browser before it hydrates them (`shape` in src/web/dom.rs): its
 * elements (lowercase names, as nested) and comments, without text or
 * attributes, as an FNV-1a hash of UTF-16 units in 8 hex digits. The page is
 * Yew's output: `<` and `>` only delimit tags and comments (text and
 * attribute values have them escaped).
 */
export function shape(page) {
  let hash = 0x811c9dc5;
  const feed = (text) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (const m of page.matchAll(/<!--([\s\S]*?)-->|<(\/?)([A-Za-z][^\s/>]*)[^>]*>/g)) {
    const [, comment, close, name] = m;
    if (comment !== undefined) feed(`!${comment};`);
    else if (close) feed(')');
    else feed(`${name.toLowerCase()}(${VOID.has(name.toLowerCase()) ? ')' : ''}`);
  }
  return hash.toString(16).padStart(8, '0');
}

/** Step 6: <file>.br and <file>.gz beside every text and wasm file of the stage. */
function precompress() {
  let raw = 0;
  let br = 0;
  const top = readdirSync(STAGE).filter((f) => /\.(html|js|css|wasm|svg)$/.test(f));
  // Corpus files are many (hundreds of MB at tens of thousands of replies):
  // packed at a quicker setting.
  const corpus = readdirSync(join(STAGE, 'corpus')).filter((f) => f.endsWith('.js')).map((f) => join('corpus', f));
  for (const file of [...top, ...corpus]) {
    const quick = file.startsWith('corpus');
    const data = readFileSync(join(STAGE, file));
    const brotli = brotliCompressSync(data, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: quick ? 5 : zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.BROTLI_PARAM_MODE]: /\.wasm$/.test(file) ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
      },
    });
    const gzip = gzipSync(data, { level: quick ? 6 : zlib.Z_BEST_COMPRESSION });
    const { atime, mtime } = statSync(join(STAGE, file));
    for (const [ext, packed] of [['.br', brotli], ['.gz', gzip]]) {
      // A server sends a sibling only when it is there: none where it would
      // not be smaller. Same time as the file (nginx's gzip_static asks for it).
      if (packed.length >= data.length) continue;
      writeFileSync(join(STAGE, file + ext), packed);
      utimesSync(join(STAGE, file + ext), atime, mtime);
    }
    raw += data.length;
    br += Math.min(brotli.length, data.length);
  }
  console.log(`post-build: precompressed ${kb(raw)} to ${kb(br)} (brotli)`);
}

function startPage() {
  // Natively, with the same corpus (DAFU_CORPUS) as the wasm build; it also
  // writes the corpus files (corpus/c<N>.js, corpus/s<N>.js) into the stage.
  const args = ['run', '--quiet', '--locked', '-p', BIN, '--bin', 'dafu-prerender', '--', '--corpus-files', STAGE];
  return execFileSync('cargo', args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The corpus files the stage holds (corpus/*.js), as one script. */
function corpusScripts() {
  const dir = join(STAGE, 'corpus');
  const files = readdirSync(dir).filter((f) => /^[csx]\d+\.js$/.test(f)).sort();
  if (files.length === 0) fail('no corpus files in the stage');
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
}

/** The single-file offline build holds every corpus file up to this size. */
const INLINE_CORPUS_MAX = 64 << 20;

/**
 * Step 4: the offline builds, both classic scripts that run from file://:
 * dafu-offline.html, one file with the corpus inline (when the corpus fits),
 * and offline.html, which loads the corpus files beside it (corpus/*.js) as
 * the served site does: the folder to copy for a corpus of any size.
 */
function writeOffline(html, loader) {
  const corpus = corpusScripts();
  const wasm = offlineWasm(join(STAGE, loader.wasm));
  writeOfflinePage(html, wasm, 'offline.html', null);
  if (Buffer.byteLength(corpus) <= INLINE_CORPUS_MAX) writeOfflinePage(html, wasm, 'dafu-offline.html', corpus);
  else console.log(`post-build: corpus files over ${INLINE_CORPUS_MAX >> 20} MiB: no single-file dafu-offline.html, use offline.html with corpus/`);
}

function writeOfflinePage(html, { glue, bytes }, name, corpus) {

  let page = html
    .replace(/<meta\s+http-equiv\s*=\s*["']?content-security-policy[^>]*>/gi, '')
    .replace(/<script\b[^>]*\bsrc\s*=[^>]*>\s*<\/script>/gi, (tag) =>
      /dafu-[0-9a-f]+\.js/.test(tag) ? '' : fail(`cannot inline ${tag}`),
    );

  let css = '';
  for (const [tag, file] of stylesheets(page)) {
    css += `${readFileSync(file, 'utf8')}\n`;
    page = page.replace(tag, '');
  }
  // Running from the offline file: no need to offer the offline file.
  css += '.dafu [data-offline-link]{display:none!important}\n';
  const style = styleSafe(css);

  page = page.replace(/<link\b[^>]*>/gi, (tag) => {
    const a = attrs(tag);
    const rel = a.rel?.toLowerCase() ?? '';
    if (rel === 'modulepreload' || rel === 'preload') return '';
    // The installable app is the served site's: from file:// the browser
    // would only fail to fetch the manifest.
    if (rel === 'manifest' || rel === 'apple-touch-icon') return '';
    if (!a.href) return tag;
    const types = { svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon' };
    const ext = a.href.split('.').pop().toLowerCase();
    if (!types[ext]) fail(`cannot inline ${tag}`);
    const data = readFileSync(localFile(a.href)).toString('base64');
    return tag.replace(a.href, () => `data:${types[ext]};base64,${data}`);
  });

  const boot = [
    '(function () {',
    `  var b64 = "${bytes.toString('base64')}";`,
    '  var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(b64)',
    '    : Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });',
    '  // Chromium refuses synchronous compilation of modules over 8 MB on the',
    '  // main thread; larger corpora take the asynchronous path (no fetch either).',
    '  if (bytes.length <= 8000000) wasm_bindgen.initSync({ module: bytes });',
    '  else wasm_bindgen({ module_or_path: bytes });',
    '})();',
  ].join('\n');
  const script = `${scriptSafe(glue)}\n${boot}\n`;
  // Inline, the corpus files fill the queue the app takes at start-up.
  const data = corpus === null ? null : scriptSafe(corpus);
  const sources = data === null ? "'self' file:" : cspHash(data);

  const csp = [
    "default-src 'none'",
    `script-src ${sources} ${cspHash(script)} 'wasm-unsafe-eval'`,
    `style-src ${cspHash(style)}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  page = insertAfterCharset(page, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/<html\b/i, '<html data-dafu-offline')
    // Replacer functions: the inserted text may hold `$` patterns.
    .replace(/<\/head>/i, () => `<style>${style}</style></head>`)
    .replace(/<\/body>/i, () => `${data === null ? '' : `<script>${data}</script>`}<script>${script}</script></body>`);
  if (/<script\b[^>]*\btype\s*=\s*["']?module/i.test(page)) fail('a module script is left in the offline file');

  writeFileSync(join(STAGE, name), page);
  console.log(`post-build: ${name} ${kb(Buffer.byteLength(page))} (wasm ${kb(bytes.length)})`);
}

/**
 * What the app's own page loads, relative to the site: index.html, every
 * local file its <script> and <link> elements name, the app's glue and
 * module, the icons of its web manifest.
 */
function shellFiles(html, loader) {
  const files = new Set(['index.html', loader.glue, loader.wasm]);
  const local = (href) => href.replace(/^\.\//, '').split(/[?#]/)[0];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    const href = a.src ?? a.href;
    if (!href || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
    localFile(href); // fails on anything but a local file
    files.add(local(href));
    if (a.rel?.toLowerCase() === 'manifest') {
      const manifest = JSON.parse(readFileSync(localFile(href), 'utf8'));
      const base = new URL(local(href), 'https://site/');
      for (const icon of manifest.icons ?? []) files.add(new URL(icon.src, base).pathname.slice(1));
    }
  }
  for (const f of files) {
    let there = false;
    try {
      there = statSync(join(STAGE, f)).isFile();
    } catch {
      // missing
    }
    if (!there) fail(`index.html needs ${f}, which the build did not write`);
  }
  return [...files];
}

/** Step 5: sw.js, for the files index.html loads. */
function writeServiceWorker(html, loader) {
  const build = serviceWorkerBuild(STAGE, shellFiles(html, loader));
  writeFileSync(join(STAGE, 'sw.js'), serviceWorkerScript(build));
  console.log(
    `post-build: sw.js version ${build.version}, ${build.precache.length} files to keep offline` +
      (build.corpusOnUse ? ` (the corpus files, ${kb(build.corpusBytes)}, pass ${PRECACHE_CORPUS_MAX >> 20} MiB: kept as they are used)` : ''),
  );
}

function insertAfterCharset(html, tag) {
  const charset = html.match(/<meta\s+charset\s*=[^>]*>/i);
  if (charset) return html.replace(charset[0], () => charset[0] + tag);
  if (!/<head\b[^>]*>/i.test(html)) fail('index.html has no <head>');
  return html.replace(/<head\b[^>]*>/i, (h) => h + tag);
}

function main() {
  if (!STAGE) fail('TRUNK_STAGING_DIR is not set (this script is a trunk post_build hook)');
  const indexPath = join(STAGE, 'index.html');
  let html = readFileSync(indexPath, 'utf8');

  const loader = extractLoader(html);
  html = loader.html;
  const served = readFileSync(join(STAGE, loader.wasm));
  if (!WebAssembly.validate(served)) {
    fail(`${loader.wasm} (${served.length} bytes) is not a valid wasm module (was another build of the app running at the same time?); build again`);
  }
  const css = stylesheets(html).map(([, file]) => readFileSync(file, 'utf8'));
  writeFileSync(join(STAGE, 'dafu.css'), css.join('\n'));

  html = withStartPage(html, startPage());
  if (RELEASE) {
    html = insertAfterCharset(html, `<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">`);
  }
  writeFileSync(indexPath, html);

  if (RELEASE) writeOffline(html, loader);
  else console.log('post-build: debug build, no CSP meta and no dafu-offline.html');
  const left = readdirSync(STAGE).filter((f) => f.endsWith('.html'));
  if (RELEASE && !left.includes('offline.html')) fail('offline.html was not written');
  if (RELEASE) writeServiceWorker(html, loader);
  if (RELEASE) precompress();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();

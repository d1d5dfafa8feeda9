// A small static file server for the built site, bound to 127.0.0.1 only.
//   node tools/serve.mjs DIR [PORT] [BASE]
// BASE (e.g. /dafu/) serves the site under a sub-path, as GitHub Pages does.
// A file with a precompressed sibling (<file>.br, <file>.gz: the release build
// writes them) is sent as that sibling to a browser that accepts its encoding.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The encodings of `<file>.br` and `<file>.gz`, by preference. */
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

/**
 * The encodings an Accept-Encoding header accepts (q > 0), e.g.
 * "gzip, deflate, br;q=0.9" → Set { gzip, deflate, br }.
 */
export function accepted(header = '') {
  const out = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim().match(/^q=([\d.]+)$/)?.[1]).find(Boolean);
    if (name && (q === undefined || Number(q) > 0)) out.add(name);
  }
  if (out.has('*')) for (const [name] of ENCODINGS) out.add(name);
  return out;
}

/** The file to send for `file`: [path, content-encoding or null]. */
async function negotiate(file, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  for (const [name, ext] of ENCODINGS) {
    if (!ok.has(name)) continue;
    try {
      if ((await stat(file + ext)).isFile()) return [file + ext, name];
    } catch {
      // no such sibling
    }
  }
  return [file, null];
}

/**
 * Starts serving `dir`; resolves to { server, url } once listening.
 * `mounts` serves more folders beside it, e.g. { '/host/': 'tests/e2e/fixtures' }.
 */
export function serve(dir, { port = 0, base = '/', mounts = {} } = {}) {
  const slash = (p) => (p.endsWith('/') ? p : `${p}/`);
  const prefix = slash(base);
  const roots = [
    ...Object.entries(mounts).map(([at, d]) => [slash(at), resolve(d)]),
    [prefix, resolve(dir)],
  ];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = roots.find(([at]) => path.startsWith(at));
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    const [at, root] = mount;
    let file = normalize(join(root, path.slice(at.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const [sent, encoding] = await negotiate(file, req.headers['accept-encoding']);
      const { size, mtimeMs } = await stat(sent);
      const headers = {
        // Every file, sw.js too: browsers check with the server before using
        // their copy (a 304 when it is unchanged), so a new build shows at once.
        'cache-control': 'no-cache',
        etag: `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`,
        vary: 'accept-encoding',
      };
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(sent);
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      ok({ server, url: `http://127.0.0.1:${server.address().port}${prefix}` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port), base });
  console.log(`dafu is served at ${url}  (Ctrl-C stops)`);
}

// A small static file server for the built site, bound to 127.0.0.1 only.
//   node tools/serve.mjs DIR [PORT] [BASE]
// BASE (e.g. /dafu/) serves the site under a sub-path, as GitHub Pages does.
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
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

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
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
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

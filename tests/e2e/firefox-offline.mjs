// Drives Firefox (headless, WebDriver BiDi, no driver binary needed) through
// the offline file opened from file://: list, search, a reply, a commitment
// status that survives a reload; no CSP violation, no request but the file.
// Run by firefox.test.mjs as a child process (Node 20 needs
// --experimental-websocket for the WebSocket client):
//   node --experimental-websocket tests/e2e/firefox-offline.mjs FIREFOX FILE
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [firefox, file, bundled] = process.argv.slice(2);
const url = pathToFileURL(file).href;
const profile = await mkdtemp(join(tmpdir(), 'dafu-firefox-'));
const browser = spawn(firefox, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], {
  stdio: ['ignore', 'ignore', 'pipe'],
});

let ws;
try {
  const endpoint = await new Promise((ok, fail) => {
    let err = '';
    browser.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (m) ok(m[1]);
    });
    browser.on('exit', (code) => fail(new Error(`firefox exited (${code}): ${err}`)));
    setTimeout(() => fail(new Error(`firefox did not start: ${err}`)), 30_000);
  });
  ws = new WebSocket(`${endpoint}/session`);
  await new Promise((ok, fail) => {
    ws.onopen = ok;
    ws.onerror = fail;
  });
  let id = 0;
  const pending = new Map();
  const requests = [];
  ws.onmessage = (m) => {
    const d = JSON.parse(m.data);
    if (d.id && pending.has(d.id)) {
      pending.get(d.id)(d);
      pending.delete(d.id);
    } else if (d.method === 'network.beforeRequestSent') {
      requests.push(d.params.request.url);
    }
  };
  const send = (method, params) =>
    new Promise((ok, fail) => {
      const i = ++id;
      pending.set(i, (d) => (d.error ? fail(new Error(`${method}: ${d.error} ${d.message}`)) : ok(d.result)));
      ws.send(JSON.stringify({ id: i, method, params }));
    });

  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['network.beforeRequestSent'] });
  await send('script.addPreloadScript', {
    functionDeclaration: `() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));
    }`,
  });
  const { contexts } = await send('browsingContext.getTree', {});
  const context = contexts[0].context;
  const run = async (expression) => {
    const r = await send('script.evaluate', { expression, target: { context }, awaitPromise: true });
    if (r.type === 'exception') throw new Error(`${expression}: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  const until = async (what, expression) => {
    for (let t = 0; t < 100; t += 1) {
      if (await run(expression)) return;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`timed out waiting for ${what}: ${expression}`);
  };
  const go = (hash) => send('browsingContext.navigate', { context, url: url + hash, wait: 'complete' });

  await go('#/');
  await until('the list', `document.querySelectorAll('[data-dafu] .dafu [data-reply]').length === ${Number(bundled)}`);
  await run(`(() => {
    const input = document.getElementById('dafu-search');
    input.value = '沪科建复';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  })()`);
  await until('search to narrow the list', "document.querySelectorAll('[data-reply]').length === 2");
  await run("document.querySelector('[data-reply] a').click()");
  await until('a reply to open', "location.hash.startsWith('#/replies/')");

  await go('#/commitments');
  await until('the commitments', "document.querySelectorAll('[data-commitment] select').length > 0");
  const id0 = await run(`(() => {
    const select = document.querySelector('[data-commitment] select');
    select.value = 'kept';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return select.closest('[data-commitment]').dataset.commitment;
  })()`);
  await until('the status to show', `document.querySelector('[data-commitment="${id0}"] select').dataset.status === 'kept'`);
  await send('browsingContext.reload', { context, wait: 'complete' });
  await until('the status after a reload', `document.querySelector('[data-commitment="${id0}"] select')?.value === 'kept'`);

  const csp = await run('JSON.stringify(window.__csp)');
  if (csp !== '[]') throw new Error(`CSP violations: ${csp}`);
  // Firefox reports no file: loads as network events, so the page's own
  // resource timing says what else it loaded: nothing.
  const outside = requests.filter((r) => r.split('#')[0] !== url && !/^(data|blob|about):/.test(r));
  const resources = JSON.parse(await run("JSON.stringify(performance.getEntriesByType('resource').map((e) => e.name))"));
  outside.push(...resources.filter((r) => !/^(data|blob):/.test(r)));
  if (outside.length) throw new Error(`requests outside the file: ${outside.join(' ')}`);
  console.log('firefox: ok (no request but the file itself)');
} finally {
  ws?.close();
  browser.kill();
  await new Promise((ok) => (browser.exitCode !== null ? ok() : browser.once('exit', ok)));
  await rm(profile, { recursive: true, force: true });
}

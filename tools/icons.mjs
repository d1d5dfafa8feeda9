// Renders the app's PNG icons (icons/*.png, committed) from favicon.svg with
// headless Chromium (playwright-core, as the tests use): the web manifest's
// 192 and 512 px icons, a maskable one and the apple-touch-icon. Run it again
// after changing favicon.svg:
//
//   node tools/icons.mjs
//
// The browser is $CHROMIUM, else /usr/bin/chromium (./x setup installs it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'icons');

/**
 * The icon on a full square, its drawing scaled into the middle 80 %: the
 * safe zone of a maskable icon (the launcher may cut it to a circle), and
 * what iOS expects of a touch icon (it rounds the corners itself).
 */
export function fullBleed(svg) {
  const back = svg.match(/<rect\b[^>]*\bwidth="32"[^>]*\/>/)?.[0];
  if (!back || !/viewBox="0 0 32 32"/.test(svg)) throw new Error('favicon.svg: expected a 32×32 viewBox whose first element is the background <rect>');
  const fill = back.match(/fill="([^"]+)"/)?.[1];
  const drawing = svg.slice(svg.indexOf(back) + back.length, svg.lastIndexOf('</svg>'));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${fill}"/>` +
    `<g transform="translate(16 16) scale(.8) translate(-16 -16)">${drawing}</g></svg>`;
}

const ICONS = [
  ['icon-192.png', 192, 'plain'],
  ['icon-512.png', 512, 'plain'],
  ['icon-maskable-512.png', 512, 'full'],
  ['apple-touch-icon.png', 180, 'full'],
];

async function main() {
  const svg = readFileSync(join(ROOT, 'favicon.svg'), 'utf8');
  const art = { plain: svg, full: fullBleed(svg) };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    mkdirSync(OUT, { recursive: true });
    for (const [name, size, kind] of ICONS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const src = `data:image/svg+xml;base64,${Buffer.from(art[kind]).toString('base64')}`;
      await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
      await page.locator('img').evaluate((img) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(OUT, name), png);
      console.log(`icons/${name}: ${size}×${size}, ${png.length} bytes`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();

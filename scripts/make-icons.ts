/**
 * Draws the app icon from resources/icons/icon.svg in Debian's Chromium (no image tooling to
 * install): the PNG sizes Electron and the desktop environments use (resources/icons/icon-N.png,
 * the window takes icon-256.png), and the web host's favicon (src-renderer/public/: the SVG
 * itself and a 32 px PNG), and the packaged app's icons (build/packaging.ts ICONS): icon.png
 * (512 px, Linux), icon.ico (Windows: PNG entries 16–256 px) and icon.icns (macOS: PNG entries
 * 128–1024 px). Run `npx tsx scripts/make-icons.ts` after changing the SVG and commit the images.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile('resources/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    // Evaluated in the page (this script has no DOM): the image decoded before the screenshot.
    await page.evaluate(`document.querySelector('img').decode()`);
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    await writeFile(`resources/icons/icon-${size}.png`, png);
    await page.close();
  }
} finally {
  await browser.close();
}
/** A Windows icon of PNG entries (Vista and later read PNG-compressed entries). */
function ico(pngs: readonly { size: number; png: Uint8Array }[]): Uint8Array {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => Buffer.from(p.png))]);
}

/** A macOS icon of PNG entries (ic07 128, ic08 256, ic09 512, ic10 1024 px). */
function icns(pngs: readonly { type: string; png: Uint8Array }[]): Uint8Array {
  const entries = pngs.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, Buffer.from(png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const png = (size: number) => readFile(`resources/icons/icon-${size}.png`);
await writeFile(
  'resources/icons/icon.ico',
  ico(
    await Promise.all(
      [16, 24, 32, 48, 64, 128, 256].map(async (size) => ({ size, png: await png(size) })),
    ),
  ),
);
await writeFile(
  'resources/icons/icon.icns',
  icns(
    await Promise.all(
      [
        ['ic07', 128],
        ['ic08', 256],
        ['ic09', 512],
        ['ic10', 1024],
      ].map(async ([type, size]) => ({ type: String(type), png: await png(Number(size)) })),
    ),
  ),
);
await copyFile('resources/icons/icon-512.png', 'resources/icons/icon.png');
await copyFile('resources/icons/icon.svg', 'src-renderer/public/icon.svg');
await copyFile('resources/icons/icon-32.png', 'src-renderer/public/favicon.png');
console.log(`icons: ${SIZES.map((s) => `${s}px`).join(', ')}; favicon in src-renderer/public`);

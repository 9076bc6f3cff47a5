/**
 * Draws the app icon from resources/icons/icon.svg in Debian's Chromium (no image tooling to
 * install): the PNG sizes Electron and the desktop environments use (resources/icons/icon-N.png,
 * the window takes icon-256.png), and the web host's favicon (src-renderer/public/: the SVG
 * itself and a 32 px PNG). Run `npx tsx scripts/make-icons.ts` after changing the SVG and commit
 * the images.
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
await copyFile('resources/icons/icon.svg', 'src-renderer/public/icon.svg');
await copyFile('resources/icons/icon-32.png', 'src-renderer/public/favicon.png');
console.log(`icons: ${SIZES.map((s) => `${s}px`).join(', ')}; favicon in src-renderer/public`);

/**
 * The packaging configuration (electron-builder.config.ts, issue 23): loaded and checked against
 * its schema by electron-builder's own loader, every target the bureau's desktops need, the
 * sample copied where main reads it, the PDF worker unpacked, and the fuses the afterPack hook
 * sets — flipped for real in a stand-in binary (a file with Electron's fuse wire), read back with
 * @electron/fuses. electron-builder itself is not run (it would download Electron).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
// electron-builder's loader and schema check (not re-exported by electron-builder itself).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import afterPack, { electronBinaryPath, FUSES } from '../../build/after-pack';
import {
  DIST_INPUTS,
  missingDistInputs,
  packageClosure,
  unusedFontFolders,
  WORKER_PACKAGES,
} from '../../build/packaging';
import config from '../../electron-builder.config';

const root = process.cwd();

/** `{ target, arch }` pairs of a platform's targets, as `deb/x64`. */
function targetsOf(platform: Configuration['win'] | Configuration['mac'] | Configuration['linux']) {
  const targets = platform?.target;
  const list = Array.isArray(targets) ? targets : targets ? [targets] : [];
  return list.flatMap((t) => {
    if (typeof t === 'string') return [`${t}/default`];
    const arch = t.arch ?? [];
    return (Array.isArray(arch) ? arch : [arch]).map((a) => `${t.target}/${a}`);
  });
}

describe('the packaging configuration', () => {
  it('loads through electron-builder and passes its schema', async () => {
    const loaded = await getConfig(root, 'electron-builder.config.ts', null);
    await validateConfiguration(loaded, new DebugLogger(false));
    expect(loaded.appId).toBe(config.appId);
    // The check is real: a misspelt option is refused.
    const misspelt = Object.assign({}, loaded, {
      linux: Object.assign({}, loaded.linux, { maintaner: 'x' }),
    });
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow();
  });

  it('builds every target: Windows NSIS; macOS dmg; Linux deb and AppImage for x64 and arm64', () => {
    expect(targetsOf(config.win)).toEqual(['nsis/x64']);
    expect(targetsOf(config.mac).sort()).toEqual(['dmg/arm64', 'dmg/x64']);
    expect(targetsOf(config.linux).sort()).toEqual([
      'AppImage/arm64',
      'AppImage/x64',
      'deb/arm64',
      'deb/x64',
    ]);
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
  });

  it('copies resources/sample and the window icon to <resources>, where main reads them when packaged', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/sample', to: 'sample', filter: ['**/*'] },
      { from: 'resources/icons', to: 'icons', filter: ['icon-256.png'] },
    ]);
    expect(existsSync(join(root, 'resources/sample/review-package.jbx'))).toBe(true);
    expect(existsSync(join(root, 'resources/icons/icon-256.png'))).toBe(true);
  });

  it('unpacks the PDF worker, its chunks and every package it loads, fonts included', () => {
    const unpack = config.asarUnpack;
    expect(Array.isArray(unpack)).toBe(true);
    const globs = Array.isArray(unpack) ? unpack : [];
    expect(globs).toContain('out/main/*.js');
    for (const name of WORKER_PACKAGES) expect(globs, name).toContain(`node_modules/${name}/**`);
    // Their dependencies too, as installed: react-pdf's layout engine, pdfkit and the rest.
    for (const dep of [
      'node_modules/@react-pdf/layout/**',
      'node_modules/pdfkit/**',
      'node_modules/yoga-layout/**',
    ])
      expect(globs).toContain(dep);
    expect(globs).toHaveLength(1 + packageClosure(root, WORKER_PACKAGES).length);
  });

  it('leaves out the font weights the PDF never uses, and no used one', () => {
    const files = (Array.isArray(config.files) ? config.files : []).filter(
      (f): f is string => typeof f === 'string',
    );
    const excluded = files.filter((f) => f.startsWith('!node_modules/@expo-google-fonts/'));
    expect(excluded).toEqual(unusedFontFolders(root).map((dir) => `!${dir}/**`));
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.some((f) => /400Regular|700Bold/.test(f))).toBe(false);
    expect(files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']),
    );
    expect(files.some((f) => f.startsWith('out/node'))).toBe(false);
  });

  it('names the icons and the build output npm run dist needs, in a sentence when missing', async () => {
    expect([config.win?.icon, config.mac?.icon, config.linux?.icon]).toEqual([
      'resources/icons/icon.ico',
      'resources/icons/icon.icns',
      'resources/icons/icon.png',
    ]);
    const empty = await mkdtemp(join(tmpdir(), 'jb-dist-'));
    expect(missingDistInputs(empty)).toMatch(/^打包所需的文件缺失，未打包：out\/main\/index\.js、/);
    for (const file of DIST_INPUTS) {
      await mkdir(join(empty, file, '..'), { recursive: true });
      await writeFile(join(empty, file), '');
    }
    expect(missingDistInputs(empty)).toBeNull();
  });

  it('sets the six fuses in the afterPack hook', () => {
    expect(config.afterPack).toBe(afterPack);
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});

describe('the afterPack hook', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  /** Electron's defaults for its fuse wire (9 fuses, as recent Electron has): '1' on, '0' off. */
  const DEFAULT_WIRE = '101100011';

  /** A stand-in executable: some bytes, then Electron's fuse sentinel and wire (version 1). */
  async function fakeElectron(path: string): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    const wire = Buffer.concat([
      Buffer.from('\x7fELF stand-in binary '),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
      Buffer.from(' rest of the binary'),
    ]);
    await writeFile(path, wire);
  }

  const packager = (extra: object = {}) => ({
    appInfo: { productFilename: '揭榜评审台' },
    ...extra,
  });

  it('finds the executable electron-builder made on each platform', () => {
    const base = { appOutDir: '/o' };
    expect(
      electronBinaryPath({ ...base, electronPlatformName: 'win32', packager: packager() }),
    ).toBe(join('/o', '揭榜评审台.exe'));
    expect(
      electronBinaryPath({ ...base, electronPlatformName: 'darwin', packager: packager() }),
    ).toBe(join('/o', '揭榜评审台.app'));
    expect(
      electronBinaryPath({
        ...base,
        electronPlatformName: 'linux',
        packager: packager({ executableName: 'jiebang-panel' }),
      }),
    ).toBe(join('/o', 'jiebang-panel'));
    expect(() =>
      electronBinaryPath({ ...base, electronPlatformName: 'linux', packager: packager() }),
    ).toThrow();
  });

  it.each([
    ['linux', 'jiebang-panel'],
    ['win32', '揭榜评审台.exe'],
  ])('flips the fuses of a %s build and leaves the others as they were', async (platform, file) => {
    const appOutDir = await mkdtemp(join(tmpdir(), 'jb-fuses-'));
    await fakeElectron(join(appOutDir, file));
    await afterPack({
      appOutDir,
      electronPlatformName: platform,
      packager: packager({ executableName: 'jiebang-panel' }),
    });
    const wire = await getCurrentFuseWire(join(appOutDir, file));
    const on = (i: FuseV1Options) => String.fromCharCode(Number(Reflect.get(wire, i)));
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    // Fuses the hook does not set keep Electron's defaults.
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('1');
    expect(String.fromCharCode(Number(Reflect.get(wire, 8)))).toBe('1');
    // The rest of the file is untouched.
    const bytes = await readFile(join(appOutDir, file));
    expect(bytes.subarray(0, 21).toString()).toBe('\x7fELF stand-in binary ');
    expect(bytes.subarray(-19).toString()).toBe(' rest of the binary');
  });
});

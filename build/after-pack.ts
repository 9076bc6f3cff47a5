/**
 * electron-builder's `afterPack` hook (electron-builder.config.ts): sets Electron's fuses in the
 * packaged binary, after packing and before signing, with @electron/fuses. Why each: README,
 * "The packaged app".
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses of every packaged build: off what lets a local user run code as the app, on checks. */
export const FUSES = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 app` would turn the signed app into a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (`--require evil.js`) would inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // `--inspect` would attach a debugger to main and read the keys it holds.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies on disk encrypted with the OS keystore (the app sets none; no plain store either).
  [FuseV1Options.EnableCookieEncryption]: true,
  // app.asar checked against the hash embedded at packaging (macOS, Windows): a changed file stops it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: no `resources/app` folder beside it can replace the checked code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} as const;

/** What of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's packager: its app's file name, and on Linux its `executableName`. */
  packager: { appInfo: { productFilename: string } };
}

/** The packed Electron executable electron-builder made (the .app bundle on macOS). */
export function electronBinaryPath(context: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default: {
      // Linux: the executable is named by `linux.executableName`.
      const name: unknown = Reflect.get(packager, 'executableName');
      if (typeof name !== 'string') throw new Error('electron-builder: no Linux executable name');
      return join(appOutDir, name);
    }
  }
}

export default async function afterPack(context: PackedApp): Promise<void> {
  await flipFuses(electronBinaryPath(context), {
    ...FUSES,
    // Flipping changes the binary: an arm64 Mac then runs it only with a fresh ad-hoc signature.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
}

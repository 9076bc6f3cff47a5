/**
 * The packaged app (`npm run dist`, on a machine that can download Electron): Windows (NSIS),
 * macOS (dmg) and Linux (deb and AppImage — UOS and Kylin run deb on arm64), x64 and arm64, with
 * Electron's fuses set after packing (build/after-pack.ts). What goes where: README, "The
 * packaged app"; test/unit/packaging-config.test.ts fails when a fuse, a target or an extra
 * resource is missing.
 */
import type { Configuration } from 'electron-builder';
import afterPack from './build/after-pack';
import { ICONS, unusedFontFolders, workerUnpackGlobs } from './build/packaging';

const root = import.meta.dirname;

const config: Configuration = {
  appId: 'cn.jiebang.panel',
  productName: '揭榜评审台',
  copyright: '揭榜评审台 Jiebang Panel',
  // ASCII names for the installers: they travel on USB sticks and through mail gateways.
  artifactName: 'jiebang-panel-${version}-${os}-${arch}.${ext}',
  directories: { output: 'dist', buildResources: 'build' },
  // The built app only (npm run build first); production dependencies are added by the builder.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    ...unusedFontFolders(root).map((dir) => `!${dir}/**`),
    // pdf.js's optional native canvas for Node: the renderer draws pages in Chromium, main never.
    '!node_modules/@napi-rs/**',
  ],
  asar: true,
  // The PDF worker thread and everything it loads, from app.asar.unpacked (build/packaging.ts).
  asarUnpack: workerUnpackGlobs(root),
  // resources/sample → <resources>/sample: main reads process.resourcesPath/sample when packaged.
  extraResources: [
    { from: 'resources/sample', to: 'sample', filter: ['**/*'] },
    // The window's icon: main reads <resources>/icons/icon-256.png when packaged.
    { from: 'resources/icons', to: 'icons', filter: ['icon-256.png'] },
  ],
  afterPack,
  // Nothing is uploaded anywhere: a maintainer hands the installers out.
  publish: null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: ICONS.win,
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    shortcutName: '揭榜评审台',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: ICONS.mac,
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: ICONS.linux,
    executableName: 'jiebang-panel',
    category: 'Office',
    synopsis: '揭榜挂帅项目专家评审 offline expert review',
    maintainer: '揭榜评审台 Jiebang Panel <jiebang-panel@users.noreply.github.com>',
  },
};

export default config;

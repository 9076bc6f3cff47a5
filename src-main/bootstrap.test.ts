import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir, unpackedPath } from './bootstrap';

describe('paths of the packaged app', () => {
  it('moves a path inside app.asar to app.asar.unpacked (asarUnpack), on every platform', () => {
    expect(unpackedPath('/opt/揭榜评审台/resources/app.asar/out/main/pdf-worker.js')).toBe(
      '/opt/揭榜评审台/resources/app.asar.unpacked/out/main/pdf-worker.js',
    );
    expect(
      unpackedPath('C:\\Program Files\\揭榜评审台\\resources\\app.asar\\out\\main\\pdf-worker.js'),
    ).toBe('C:\\Program Files\\揭榜评审台\\resources\\app.asar.unpacked\\out\\main\\pdf-worker.js');
    // Outside a package (npm start, tests), or a name that only looks like it: unchanged.
    for (const path of [
      '/work/jiebang/out/main/pdf-worker.js',
      '/data/app.asar.unpacked/out/main/pdf-worker.js',
      '/data/my-app.asar/x.js',
      '/data/app.asarx/x.js',
    ])
      expect(unpackedPath(path)).toBe(path);
  });

  it('reads resources from resourcesPath when packaged, from the checkout otherwise', () => {
    const packaged = { isPackaged: true, getAppPath: () => '/opt/j/resources/app.asar' };
    expect(resourcesDir(packaged, '/opt/j/resources')).toBe('/opt/j/resources');
    const checkout = { isPackaged: false, getAppPath: () => '/work/jiebang' };
    expect(resourcesDir(checkout, '/usr/lib/electron/resources')).toBe(
      join('/work/jiebang', 'resources'),
    );
  });
});

import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { englishIn } from '../test/helpers/clear-error';
import { reportStartFailure, resourcesDir, unpackedPath } from './bootstrap';

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

describe('a start that fails', () => {
  it('says so in Chinese in an error box and exits with code 1', () => {
    const boxes: Array<[string, string]> = [];
    const exits: Array<number | undefined> = [];
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    reportStartFailure(
      {
        dialog: { showErrorBox: (title, content) => boxes.push([title, content]) },
        app: { exit: (code) => exits.push(code) },
      },
      new Error('页面未能载入'),
    );
    log.mockRestore();
    expect(boxes).toEqual([
      ['揭榜评审台无法启动', '页面未能载入\n\n请重新安装或联系管理员；数据未受影响。'],
    ]);
    expect(boxes.flat().flatMap((text) => englishIn(text))).toEqual([]);
    expect(exits).toEqual([1]);
  });
});

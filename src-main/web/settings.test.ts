import { describe, expect, it } from 'vitest';
import { englishIn, unclearReasons } from '../../test/helpers/clear-error';
import { DEFAULT_WEB_PORT, defaultDataDir, readSettings, USAGE } from './settings';

describe('where the web host keeps its data, and its port', () => {
  it.each([
    ['linux', {}, '/home/li/.local/share/jiebang-panel'],
    ['linux', { XDG_DATA_HOME: '/data/li' }, '/data/li/jiebang-panel'],
    // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
    ['linux', { XDG_DATA_HOME: 'rel/dir' }, '/home/li/.local/share/jiebang-panel'],
    ['freebsd', {}, '/home/li/.local/share/jiebang-panel'],
    ['darwin', {}, '/home/li/Library/Application Support/jiebang-panel'],
    [
      'win32',
      { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' },
      'C:\\Users\\li\\AppData\\Roaming\\jiebang-panel',
    ],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    const home = platform === 'win32' ? 'C:\\Users\\li' : '/home/li';
    expect(defaultDataDir(platform, env, home)).toBe(expected);
  });

  it('defaults to the user data folder and the stable port; JIEBANG_DATA_DIR and --port override', () => {
    expect(readSettings([], { XDG_DATA_HOME: '/x' }, 'linux', '/home/li')).toEqual({
      ok: true,
      settings: { dataDir: '/x/jiebang-panel', port: DEFAULT_WEB_PORT, warmUp: true },
    });
    expect(
      readSettings(['--port', '0'], { JIEBANG_DATA_DIR: '/tmp/jb-one' }, 'linux', '/home/li'),
    ).toEqual({ ok: true, settings: { dataDir: '/tmp/jb-one', port: 0, warmUp: true } });
    expect(readSettings(['--port=8080'], {}, 'linux', '/home/li')).toMatchObject({
      settings: { port: 8080 },
    });
    // The PDF worker's warm-up after start, off for the bench's first-screen loads.
    expect(readSettings([], { JIEBANG_PDF_WARM_UP: '0' }, 'linux', '/home/li')).toMatchObject({
      settings: { warmUp: false },
    });
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--verbose'], ['extra']])(
    'refuses %j with a sentence',
    (...args) => {
      const read = readSettings(args, {}, 'linux', '/home/li');
      if (read.ok !== false) throw new Error('expected a refusal');
      expect(unclearReasons(read.message)).toEqual([]);
      expect(englishIn(read.message, ['npm run web'])).toEqual([]);
    },
  );

  it.each([['--help'], ['-h'], ['--port', '1', '--help']])(
    '%j answers with the usage, in Chinese',
    (...args) => {
      expect(readSettings(args, {}, 'linux', '/home/li')).toEqual({ ok: 'help', message: USAGE });
      expect(USAGE).toMatch(/^用法：npm run web/);
      expect(englishIn(USAGE, ['npm run web'])).toEqual([]);
    },
  );
});

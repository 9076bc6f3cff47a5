import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAppUrl, readStatic, resolveStaticPath } from './static';

describe('static files (app:// protocol and web host)', () => {
  it('never resolves outside the root', () => {
    for (const attempt of [
      '/../secret',
      '/%2e%2e/secret',
      '/a/../../secret',
      '/..%2fsecret',
      '/%00',
      '/a\\..\\b',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath('/srv/app', attempt), attempt).toBeNull();
    }
    expect(resolveStaticPath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
  });

  it('serves files with their content type and 404s the rest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'jb-static-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'a.js'), 'export {}');
    expect((await readStatic(root, '/')).contentType).toBe('text/html; charset=utf-8');
    expect((await readStatic(root, '/assets/a.js')).contentType).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await readStatic(root, '/missing.js')).status).toBe(404);
    expect((await readStatic(root, '/assets')).status).toBe(404);
    expect((await readStatic(root, '/../index.html')).status).toBe(404);
  });

  it('serves app://jiebang only: another host, a port, another scheme or no URL is a 404', async () => {
    const root = await mkdtemp(join(tmpdir(), 'jb-static-'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    expect((await readAppUrl(root, 'app://jiebang/index.html')).status).toBe(200);
    expect((await readAppUrl(root, 'app://jiebang/')).status).toBe(200);
    for (const url of [
      'app://other/index.html',
      'app://other/',
      'app://jiebang.evil/index.html',
      'app://jiebang:8080/index.html',
      'app://user@jiebang/index.html',
      'file://jiebang/index.html',
      'not a url',
    ]) {
      const file = await readAppUrl(root, url);
      expect(file.status, url).toBe(404);
    }
  });
});

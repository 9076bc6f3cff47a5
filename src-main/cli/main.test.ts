import { describe, expect, it } from 'vitest';
import { runForTest } from './run-for-test';
import { commands } from './commands';

const run = runForTest;

describe('jiebang CLI', () => {
  it('prints help listing every command', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: jiebang <command>');
    for (const c of commands) expect(out).toContain(c.name);
  });

  it('prints the version', async () => {
    expect(await run('--version')).toMatchObject({ code: 0, out: '0.1.0\n' });
  });

  it('sends an unknown command to stderr with a non-zero exit', async () => {
    const { code, out, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('未知命令');
  });
});

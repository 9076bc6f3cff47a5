import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { electronNodeRange, minimumVersion, nodeVersionProblem } from '../../scripts/check-node';

describe('npm start checks the Node.js version Electron declares', () => {
  it('reads the minimum of the installed Electron engines range', () => {
    expect(minimumVersion(electronNodeRange() ?? '')).toEqual([22, 12, 0]);
    expect(minimumVersion('^20.19 || >=22.12')).toBeNull();
  });

  it('refuses an older Node with a message naming both versions', () => {
    const problem = nodeVersionProblem('20.20.2', '>= 22.12.0');
    expect(problem).toContain('需要 Node.js 22.12.0 或更高版本（Electron 的要求），当前为 20.20.2');
    expect(problem).toContain('The desktop app needs Node.js 22.12.0 or later');
    expect(nodeVersionProblem('22.11.9', '>= 22.12.0')).not.toBeNull();
    expect(nodeVersionProblem('9.99.0', '>= 22.12.0')).not.toBeNull();
  });

  it('accepts the declared minimum and anything later', () => {
    for (const version of ['22.12.0', '22.12.1', '22.13.0', '24.0.0'])
      expect(nodeVersionProblem(version, '>= 22.12.0'), version).toBeNull();
  });

  it('the script exits 1 with the message on this machine’s Node when it is too old', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-node.ts'], {
      encoding: 'utf8',
    });
    const expected = nodeVersionProblem(process.versions.node, electronNodeRange() ?? '');
    expect(run.status).toBe(expected ? 1 : 0);
    expect(run.stderr.trim()).toBe(expected ?? '');
  });
});

/**
 * "Today" on the desk and the award screens is the user's calendar day, not UTC's: at 01:30 in
 * Beijing on 29 September the default 审定 date is 2026-09-29 (UTC still says the 28th). And no
 * screen or workflow of the renderer reads a day off `toISOString()` (the fault the tester found:
 * a day early before 08:00 in China).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { today } from '../../src-renderer/src/workflows/deps';

const before = process.env['TZ'];
afterEach(() => {
  if (before === undefined) delete process.env['TZ'];
  else process.env['TZ'] = before;
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('today', () => {
  const at = new Date('2026-09-28T17:30:00Z');
  it('is the local calendar day: in Beijing 01:30 on the 29th, in UTC still the 28th', () => {
    process.env['TZ'] = 'Asia/Shanghai';
    expect(today(() => at)).toBe('2026-09-29');
    process.env['TZ'] = 'UTC';
    expect(today(() => at)).toBe('2026-09-28');
  });
  it('is never read off an ISO instant in the renderer (that is the UTC day)', () => {
    const offenders = sources('src-renderer/src').filter((f) =>
      /toISOString\(\)\s*\.(slice|substring)\(0,\s*10\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

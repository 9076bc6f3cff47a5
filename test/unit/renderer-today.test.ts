/**
 * One "today" on every screen and command: the day in Beijing time (`beijingDayAt`), whatever the
 * machine's time zone — the day the chair's desk and the bureau's signed notices write for the same
 * instant (tester iC finding 1: at 18:40 UTC on 3 December the desk said 12月4日 while the
 * inspection screen, on the browser's UTC date, refused a visit on the 4th as after 今天（12月3日）).
 * And no screen or workflow of the renderer reads a day off `toISOString()` (the UTC day).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beijingDayOf } from '../../src-shared/text/date';
import { cliToday } from '../../src-main/cli/dates';
import { today } from '../../src-renderer/src/workflows/deps';
import { todayOf } from '../../src-renderer/src/workflows/inspection';

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
  it('is the day in Beijing in every time zone: 01:30 on the 29th in Beijing is the 29th in UTC too', () => {
    const at = new Date('2026-09-28T17:30:00Z');
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Urumqi']) {
      process.env['TZ'] = tz;
      expect(today(() => at)).toBe('2026-09-29');
    }
  });
  it('at 2026-12-03T18:40Z on a UTC machine: the renderer, the inspection, the CLI and the chair desk all say 12-04', () => {
    process.env['TZ'] = 'UTC';
    const at = new Date('2026-12-03T18:40:00Z');
    expect(today(() => at)).toBe('2026-12-04');
    expect(todayOf({ now: () => at.toISOString() })).toBe('2026-12-04');
    expect(cliToday({ now: () => at })).toBe('2026-12-04');
    expect(beijingDayOf(at.toISOString())).toBe('2026-12-04');
    // Just before Beijing's midnight it is still the 3rd everywhere.
    const late = new Date('2026-12-03T15:59:59Z');
    expect(today(() => late)).toBe('2026-12-03');
    expect(cliToday({ now: () => late })).toBe('2026-12-03');
  });
  it('is never read off an ISO instant in the renderer (that is the UTC day)', () => {
    const offenders = sources('src-renderer/src').filter((f) =>
      /toISOString\(\)\s*\.(slice|substring)\(0,\s*10\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
  it("no door takes the machine's own calendar day (getFullYear/getDate, toLocaleDateString, a UTC slice)", () => {
    const offenders = [
      ...sources('src-renderer/src'),
      ...sources('src-main/cli'),
      ...sources('src-shared'),
    ]
      .filter((f) => f !== join('src-shared', 'text', 'date.ts'))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return (
          /\bget(FullYear|Date|Month)\(\)|toLocaleDateString/.test(text) ||
          /new Date\(\)\.toISOString\(\)\s*\.(slice|substring)\(0,\s*10\)/.test(text)
        );
      });
    expect(offenders).toEqual([]);
  });
});

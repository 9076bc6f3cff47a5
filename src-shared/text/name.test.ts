import { describe, expect, it } from 'vitest';
import { personName } from '../model/common';
import { nameProblem, PROFILE_LABEL_MAX } from './name';

/** Names as people type or paste them, and what the rule says of each. */
const CASES: { typed: string; problem: 'missing' | RegExp | null; taken?: string }[] = [
  { typed: '王建国', problem: null, taken: '王建国' },
  { typed: '  王建国 ', problem: null, taken: '王建国' },
  { typed: '王\u200b建国', problem: null, taken: '王建国' }, // a zero-width space dropped
  { typed: '', problem: 'missing' },
  { typed: ' \u3000 ', problem: 'missing' }, // full-width spaces only
  { typed: '\u200b\u2060', problem: 'missing' }, // invisible characters only
  { typed: '王\u202e国建', problem: /双向控制字符 U\+202E/ },
  { typed: '王\u0007建国', problem: /控制字符/ },
  { typed: '王'.repeat(101), problem: /不得超过 100 字/ },
];

describe('a person’s name: one rule (text/name.ts) for the form and for the schema', () => {
  it.each(CASES)('$typed', ({ typed, problem, taken }) => {
    const found = nameProblem(typed, PROFILE_LABEL_MAX);
    const read = personName(PROFILE_LABEL_MAX).safeParse(typed);
    if (problem === null) {
      expect(found).toBeNull();
      expect(read.success && read.data).toBe(taken);
    } else if (problem === 'missing') {
      expect(found).toBe('missing');
      // The schema says so with zod's code for an empty string, which each door words itself.
      expect(read.error?.issues.map((i) => [i.code, i.message])).toEqual([
        ['too_small', '不能为空'],
      ]);
    } else {
      expect(found).toEqual({ message: expect.stringMatching(problem) });
      expect(read.error?.issues.map((i) => i.message)).toEqual([
        typeof found === 'object' && found !== null ? found.message : '',
      ]);
    }
  });
});

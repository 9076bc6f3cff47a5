/**
 * `jiebang print` joins two forms (issue 19's meeting forms, issue 21's documents after the
 * award): its help lists every option of each, as the form declares it once, and each form reads
 * exactly the options it lists.
 */
import { describe, expect, it } from 'vitest';
import { awardPrintOptions } from './print-award';
import { meetingPrintOptions } from './print-meeting';
import { runForTest } from './run-for-test';

describe('jiebang print --help', () => {
  it('lists every option of both forms with its help, from their declarations', async () => {
    const { code, out } = await runForTest('print', '--help');
    expect(code).toBe(0);
    expect(out).toContain('jiebang print FORM --package PKG');
    expect(out).toContain('jiebang print FILE -o OUT.pdf');
    for (const [name, option] of Object.entries({ ...meetingPrintOptions, ...awardPrintOptions })) {
      const options = out.slice(out.indexOf('\nOptions:\n')).split('\n');
      const line = options.find((l) => l.includes(`--${name} `));
      expect(line, name).toContain(option.help);
      if (option.value) expect(line, name).toContain(`--${name} ${option.value}`);
    }
    expect(out).toMatch(/-o, --out OUT\.pdf\s+the PDF to write/u);
    expect(out).toMatch(/--fee E01=1500 …\s+an expert’s fee/u);
    // Each option once, though both forms take -o and the keys.
    expect(out.match(/--passphrase-file F /gu)).toHaveLength(1);
  });

  it('refuses an option neither form declares, naming it, and writes nothing', async () => {
    const { code, err } = await runForTest(
      'print',
      'summary',
      '--package',
      'resources/sample/review-package.json',
      '--colour',
      'red',
      '-o',
      'never.pdf',
    );
    expect(code).not.toBe(0);
    expect(err).toContain('未知选项 --colour');
  });
});

import type { Finding } from '../../../src-shared/rules';

/** The rules' findings, blocking (✗) before warnings (!), each with its article in its words. */
export function FindingsList({
  findings,
  issues = [],
  testId,
}: {
  findings: readonly Finding[];
  /** Fields not yet complete or malformed (a draft), listed first as blocking. */
  issues?: readonly string[];
  testId: string;
}) {
  return (
    <ul className="checks" data-testid={testId}>
      {issues.map((m) => (
        <li key={m} className="error">
          ✗ {m}
        </li>
      ))}
      {findings.map((f, i) => (
        <li key={`${f.rule}${i}`} className={f.severity === 'blocking' ? 'error' : 'warn'}>
          {f.severity === 'blocking' ? '✗' : '!'} {f.message}
        </li>
      ))}
    </ul>
  );
}

import type { Check } from '../../../src-shared/bundle';

/** A bundle's verification checks, in order, each with ✓ or ✗ and its detail. */
export function ChecksList({ checks, testId }: { checks: readonly Check[]; testId: string }) {
  return (
    <ul className="checks" data-testid={testId}>
      {checks.map((c, i) => (
        <li key={i} className={c.ok ? 'ok' : 'error'}>
          {c.ok ? '✓' : '✗'} {c.name}
          {c.detail ? `：${c.detail}` : ''}
        </li>
      ))}
    </ul>
  );
}

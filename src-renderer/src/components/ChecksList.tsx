import type { Check } from '../../../src-shared/bundle';
import { useT } from '../i18n';

/** A bundle's verification checks, in order, each with ✓, ⚠ (passed, to look at) or ✗ and its detail. */
export function ChecksList({ checks, testId }: { checks: readonly Check[]; testId: string }) {
  const t = useT();
  return (
    <ul className="checks" data-testid={testId}>
      {checks.map((c, i) => (
        <li key={i} className={c.ok ? (c.warning ? 'warn' : 'ok') : 'error'}>
          {c.ok ? (c.warning ? '⚠' : '✓') : '✗'}{' '}
          {c.detail ? t('common.labelled', { label: c.name, text: c.detail }) : c.name}
        </li>
      ))}
    </ul>
  );
}

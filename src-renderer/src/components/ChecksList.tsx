import type { Check } from '../../../src-shared/bundle';
import { useT } from '../i18n';

/**
 * A bundle's verification checks, in order, each with ✓, ⚠ (passed, to look at) or ✗ and its
 * detail. `saidBelow`: the refusal the screen says under the list (its alert) — a failed check
 * whose detail is that sentence shows its name only, so the reason is read once (tester iC
 * finding 16: 打开评审包 said each refusal twice).
 */
export function ChecksList({
  checks,
  testId,
  saidBelow,
}: {
  checks: readonly Check[];
  testId: string;
  saidBelow?: string;
}) {
  const t = useT();
  return (
    <ul className="checks" data-testid={testId}>
      {checks.map((c, i) => (
        <li key={i} className={c.ok ? (c.warning ? 'warn' : 'ok') : 'error'}>
          {c.ok ? (c.warning ? '⚠' : '✓') : '✗'}{' '}
          {c.detail && !(!c.ok && c.detail === saidBelow)
            ? t('common.labelled', { label: c.name, text: c.detail })
            : c.name}
        </li>
      ))}
    </ul>
  );
}

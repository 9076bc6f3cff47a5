import type { AuditEntry, ChainVerdict } from '../../../../src-shared/audit/chain';
import { formatDateTimeZh } from '../../../../src-shared/text/date';
import { useT } from '../../i18n';
import { actionLabel } from '../../workflows/audit';

/** The audit log, newest first, each action in words, and whether the hash chain holds. */
export function AuditTimeline({
  entries,
  verdict,
}: {
  entries: readonly AuditEntry[];
  verdict: ChainVerdict | null;
}) {
  const t = useT();
  return (
    <>
      <h2>{t('security.audit')}</h2>
      {verdict && (
        <p role="status" className={verdict.ok ? 'ok' : 'error'} data-testid="audit-verdict">
          {verdict.ok
            ? t('security.auditOk', { n: verdict.length })
            : t('security.auditBroken', { reason: verdict.reason })}
        </p>
      )}
      <ol className="timeline" data-testid="audit-timeline">
        {[...entries].reverse().map((e) => (
          <li key={e.seq}>
            <span className="mono">{formatDateTimeZh(e.at)}</span>{' '}
            <strong data-testid="audit-action" title={e.action}>
              {t(actionLabel(e.action))}
            </strong>{' '}
            <span className="note">
              {e.actor} · {e.target}
            </span>{' '}
            <span className="mono note" title={e.hash}>
              #{e.hash.slice(0, 8)}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

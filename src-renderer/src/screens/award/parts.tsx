/** Pieces every award form uses: a labelled field, the live findings, the signers and the button. */
import { useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { AwardDocument } from '../../../../src-shared/award';
import { parseMoneyInput } from '../../../../src-shared/money';
import { hasBlocking, type Finding } from '../../../../src-shared/rules';
import type { FieldLabels } from '../../../../src-shared/model/labels';
import { describeSchemaIssues } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import { useAward } from '../../stores/award';
import { now } from '../../stores/deps';
import { today as localToday } from '../../workflows/deps';
import type { AwardRole } from '../../workflows/award';

/** Today on the user's own clock (the local date, not UTC's). */
export const today = (): string => localToday(now);

/** The documents already signed for the task book, as `checkAwardDocument` weighs them. */
export function useOnTimeline(): AwardDocument[] {
  const awards = useAward((s) => s.awards);
  return useMemo(() => awards.map((a) => a.document), [awards]);
}

/** An amount as typed (full-width digits read as digits); left as typed when it is none. */
export function moneyOf(raw: string): string {
  const m = parseMoneyInput(raw);
  return m.ok && m.value !== null ? m.value : raw;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The document parsed by its schema: the value, or the problems named by field. */
export function parse<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  labels: FieldLabels,
): { ok: true; value: T } | { ok: false; issues: string[] } {
  const r = schema.safeParse(raw);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, issues: describeSchemaIssues(r.error, labels) };
}

export function FindingsList({ findings, issues }: { findings: Finding[]; issues: string[] }) {
  const t = useT();
  if (findings.length === 0 && issues.length === 0)
    return <p className="ok">✓ {t('award.noFindings')}</p>;
  return (
    <ul className="checks" data-testid="award-findings">
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

/**
 * The signers enrolled here, those of the roles the document needs ticked (author first), and
 * 签名导出 — enabled only with a parsed document, nothing blocking and every role present.
 */
export function SignBar({
  need,
  document,
  findings,
  periodEnd,
  files,
  testId,
}: {
  need: readonly AwardRole[];
  document: AwardDocument | null;
  findings: Finding[];
  periodEnd?: string;
  files?: ReadonlyMap<string, Uint8Array>;
  testId: string;
}) {
  const t = useT();
  const signers = useAward((s) => s.signers);
  const sign = useAward((s) => s.sign);
  const [picked, setPicked] = useState<Record<string, boolean>>({});
  const chosen = signers
    .filter((s) => picked[s.signerId] ?? need.includes(s.role))
    .sort((a, b) => need.indexOf(a.role) - need.indexOf(b.role));
  const missing = need.filter((r) => !chosen.some((s) => s.role === r));
  const blocked = !document || hasBlocking(findings) || missing.length > 0;
  return (
    <div className="award-sign" data-testid={testId}>
      <p>{t('award.signWith')}</p>
      {signers.map((s) => (
        <label key={s.signerId} className="inline">
          <input
            type="checkbox"
            checked={picked[s.signerId] ?? need.includes(s.role)}
            onChange={(e) => setPicked({ ...picked, [s.signerId]: e.target.checked })}
          />
          {t('common.paren', { text: s.name, note: t(`award.role.${s.role}`) })}
        </label>
      ))}
      {missing.length > 0 && (
        <p className="note">
          {t('award.needRoles', {
            roles: missing.map((r) => t(`award.role.${r}`)).join(t('common.listSep')),
          })}
        </p>
      )}
      {document && hasBlocking(findings) && <p className="note">{t('award.blocked')}</p>}
      <button
        type="button"
        className="primary"
        disabled={blocked}
        onClick={() => {
          if (!document) return;
          void sign({
            document,
            signerIds: chosen.map((s) => s.signerId),
            ...(periodEnd ? { periodEnd } : {}),
            ...(files ? { files } : {}),
            label: t('award.sign'),
          });
        }}
      >
        {t('award.sign')}
      </button>
    </div>
  );
}

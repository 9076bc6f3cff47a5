/** Pieces every award form uses: a labelled field, the live findings, the signers and the button. */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { AwardDocument } from '../../../../src-shared/award';
import { parseMoneyInput } from '../../../../src-shared/money';
import { hasBlocking, type Finding } from '../../../../src-shared/rules';
import { useT } from '../../i18n';
import { useAward } from '../../stores/award';
import { now } from '../../stores/deps';
import { today as localToday } from '../../workflows/deps';
import type { AwardRole } from '../../workflows/award';
import { shownIssues, type ParsedForm } from './issues';

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

/** A labelled field; `path` names the document's field it edits (`useShownIssues`). */
export function Field({
  label,
  path,
  children,
}: {
  label: string;
  path?: string;
  children: ReactNode;
}) {
  return (
    <label className="block" data-field={path}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/**
 * Which of a card's issues it says, as the app's forms do (`NameInput`'s `attempted`): a field's
 * once it was changed or left — the field marked by `data-field` on it or around it (`Field`'s
 * `path`) — and every one after a try to sign (`attempt`, which also takes the keyboard to the
 * first field with an issue). Nothing on a form nobody has touched.
 */
export function useShownIssues(parsed: ParsedForm<unknown>) {
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const mark = (e: { target: EventTarget }) => {
    if (!(e.target instanceof Element)) return;
    const field = e.target.closest('[data-field]')?.getAttribute('data-field');
    if (field) setEdited((s) => (s.has(field) ? s : new Set([...s, field])));
  };
  const issues = parsed.ok ? [] : parsed.issues;
  return {
    ...shownIssues(issues, edited, attempted),
    /** Spread on the card's element. */
    card: { ref: card, onBlur: mark, onChange: mark },
    attempt: () => {
      setAttempted(true);
      const first = issues.find((i) => i.field !== '');
      const at = first ? card.current?.querySelector(`[data-field="${first.field}"]`) : null;
      const input = at?.matches('input, textarea, select')
        ? at
        : at?.querySelector('input, textarea, select');
      if (input instanceof HTMLElement) input.focus();
    },
  };
}

/**
 * The rules' findings and the issues said so far (`useShownIssues`); while some are not said yet
 * (`hidden`), no 「未发现问题」 but a note that the form is not complete.
 */
export function FindingsList({
  findings,
  issues,
  hidden,
}: {
  findings: Finding[];
  issues: readonly string[];
  hidden: number;
}) {
  const t = useT();
  if (findings.length === 0 && issues.length === 0)
    return hidden > 0 ? (
      <p className="note" data-testid="award-incomplete">
        {t('award.incomplete')}
      </p>
    ) : (
      <p className="ok">✓ {t('award.noFindings')}</p>
    );
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
 * 签名导出 — it signs a parsed document with nothing blocking and every role present, is
 * disabled while a finding blocks or a role is missing, and on a form not complete yet says what
 * is missing (`onAttempt`).
 */
export function SignBar({
  need,
  document,
  findings,
  periodEnd,
  files,
  onAttempt,
  testId,
}: {
  need: readonly AwardRole[];
  document: AwardDocument | null;
  findings: Finding[];
  periodEnd?: string;
  files?: ReadonlyMap<string, Uint8Array>;
  /** Signing tried on a form that is not complete (no document): the card says every issue. */
  onAttempt: () => void;
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
  // Without a document the button stays live: pressing it says what is not complete yet.
  const blocked = document !== null && (hasBlocking(findings) || missing.length > 0);
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
          if (!document) return onAttempt();
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

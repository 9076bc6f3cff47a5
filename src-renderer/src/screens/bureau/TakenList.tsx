import { KINDS } from '../../../../src-shared/bundle';
import { dayParam, listParam, useT } from '../../i18n';
import { useLang } from '../../stores/ui';
import type { StoredRound } from '../../workflows/bureau';

/**
 * The bundles a round received after its panel's result (task book, reports, forms after the
 * award): each with its kind, its own date, the file and who signed it, and its findings.
 */
export function TakenList({ round }: { round: StoredRound }) {
  const t = useT();
  const lang = useLang();
  const taken = round.taken ?? [];
  if (taken.length === 0) return null;
  return (
    <div data-testid="bureau-taken">
      <h4>{t('bureau.rounds.takenList')}</h4>
      <ul className="plain">
        {taken.map((b) => {
          const line = {
            kind: lang === 'zh' ? KINDS[b.kind].label : KINDS[b.kind].labelEn,
            summary: b.summary,
            file: b.file,
            signers: listParam(b.signers.map((s) => s.name)),
          };
          return (
            <li key={b.manifestSha256} data-testid="bureau-taken-item">
              {b.date
                ? t('bureau.rounds.takenLine', { ...line, date: dayParam(b.date) })
                : t('bureau.rounds.takenLineUndated', line)}
              {b.findings.length > 0 && (
                <ul className="plain">
                  {b.findings.map((f) => (
                    <li key={f.message}>{f.message}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

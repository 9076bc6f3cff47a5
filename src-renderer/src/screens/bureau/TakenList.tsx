import { useT } from '../../i18n';
import type { StoredRound } from '../../workflows/bureau';

/** The bundles a round received after its panel's result (task book, forms), with their findings. */
export function TakenList({ round }: { round: StoredRound }) {
  const t = useT();
  const taken = round.taken ?? [];
  if (taken.length === 0) return null;
  return (
    <div data-testid="bureau-taken">
      <h4>{t('bureau.rounds.takenList')}</h4>
      <ul className="plain">
        {taken.map((b) => (
          <li key={b.manifestSha256}>
            {t('bureau.rounds.takenLine', {
              summary: b.summary,
              file: b.file,
              signers: b.signers.map((s) => s.name).join(', '),
            })}
            {b.findings.length > 0 && (
              <ul className="plain">
                {b.findings.map((f) => (
                  <li key={f.message}>{`[${f.article}] ${f.message}`}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

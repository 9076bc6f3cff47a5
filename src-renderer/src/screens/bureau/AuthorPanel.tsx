import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useBureau } from '../../stores/bureau';
import type { DraftProblem } from '../../workflows/bureau';
import { ListsPreview } from './ListsPreview';
import { ReplaceDraft } from './ReplaceDraft';

/**
 * One problem of the lists — a bad row, or a rule of the measures with its article — beside the
 * field it concerns, opened to be typed again in place.
 */
function ProblemRow({ problem }: { problem: DraftProblem }) {
  const t = useT();
  const { draft, editCell } = useBureau();
  const at = problem.at;
  const current =
    at && at.col !== null ? (draft?.grids[at.grid]?.rows[at.row - 1]?.[at.col] ?? '') : null;
  const [value, setValue] = useState(current === null ? '' : String(current));
  return (
    <li data-testid="bureau-problem" className={problem.severity}>
      {problem.article && (
        <span className="badge" data-testid="bureau-article">
          {problem.article}
        </span>
      )}{' '}
      <span>{problem.message}</span>
      {at && at.col !== null && (
        <span className="row">
          <input
            aria-label={problem.message}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button
            type="button"
            onClick={() => void editCell({ grid: at.grid, row: at.row, col: at.col ?? 0 }, value)}
          >
            {t('bureau.author.fix')}
          </button>
        </span>
      )}
    </li>
  );
}

/** Authoring a round: the lists read, every bad row fixable here, the rules shown, signed. */
export function AuthorPanel({ profileId, passphrase }: { profileId: string; passphrase: string }) {
  const t = useT();
  const { verdict, signed, busy, openLists, sign, save, printNotice } = useBureau();
  const [encrypt, setEncrypt] = useState(false);
  const open = useRef<HTMLButtonElement>(null);
  return (
    <div className="card" data-testid="bureau-author">
      <h2>{t('bureau.author.heading')}</h2>
      <p className="note">{t('bureau.author.intro')}</p>
      <button
        ref={open}
        type="button"
        disabled={busy}
        onClick={() => void openLists(t('bureau.author.filter'))}
      >
        {t('bureau.author.open')}
      </button>
      <ReplaceDraft back={open} />
      {verdict && !verdict.ok && (
        <div role="alert" className="error">
          <p>{t('bureau.author.problems', { n: verdict.problems.length })}</p>
          <ul className="plain">
            {verdict.problems.map((p) => (
              <ProblemRow key={p.message} problem={p} />
            ))}
          </ul>
        </div>
      )}
      {verdict?.ok && (
        <div data-testid="bureau-verdict">
          <p className="ok">
            {t('bureau.author.ok', {
              id: verdict.pkg.packageId,
              a: verdict.pkg.applicants.length,
              e: verdict.pkg.panel.experts.length,
            })}
          </p>
          <ListsPreview pkg={verdict.pkg} />
          <p>
            {verdict.findings.length === 0
              ? t('bureau.author.noFindings')
              : t('bureau.author.findings')}
          </p>
          <ul className="plain">
            {verdict.notes.map((p) => (
              <ProblemRow key={p.message} problem={p} />
            ))}
          </ul>
          <label>
            <input
              type="checkbox"
              checked={encrypt}
              onChange={(e) => setEncrypt(e.target.checked)}
            />
            {t('bureau.author.encrypt')}
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || !verdict.canSign || passphrase === ''}
            onClick={() =>
              void sign({
                profileId,
                passphrase,
                encrypt: encrypt ? { kind: 'new-passphrase' } : { kind: 'none' },
              })
            }
          >
            {t('bureau.author.sign')}
          </button>
        </div>
      )}
      {signed && (
        <div role="status" className="ok" data-testid="bureau-signed">
          <p>{t('bureau.author.signed', { file: signed.file })}</p>
          <dl>
            {signed.notice.rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div className="row">
            <button type="button" onClick={() => void save(signed.bytes, signed.file)}>
              {t('bureau.author.save')}
            </button>
            <button
              type="button"
              onClick={() =>
                void printNotice(signed.notice, signed.file.replace(/\.jbx$/, '-notice.pdf'))
              }
            >
              {t('bureau.author.printNotice')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

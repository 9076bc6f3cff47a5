import { useState } from 'react';
import { now } from '../../stores/deps';
import { today as localToday } from '../../workflows/deps';
import { DateInput } from '../../components/DateInput';
import { approvalAfterToday } from '../../../../src-shared/bureau';
import { fmtMoney } from '../../../../src-shared/money';
import { hasBlocking } from '../../../../src-shared/rules';
import { dayParam, listParam, sayDay, useT } from '../../i18n';
import { useLang } from '../../stores/ui';
import { useBureau } from '../../stores/bureau';
import { AssignCard } from './AssignCard';
import { TakenList } from './TakenList';
import { roundPublicityNotice, stageOf, type StoredRound } from '../../workflows/bureau';

/** Today on the bureau's own clock (its local date, not UTC's: 00:00–08:00 in China is still the day before in UTC). */
const today = () => localToday(now);

/** One round: where it stands, the merged ranking and decision, 审定 and 公示. */
function RoundCard({
  round,
  profileId,
  passphrase,
}: {
  round: StoredRound;
  profileId: string;
  passphrase: string;
}) {
  const t = useT();
  const lang = useLang();
  const { busy, approve, exportXlsx, printNotice } = useBureau();
  const [approvedOn, setApprovedOn] = useState(today());
  const { record, approval } = round;
  // A 审定 after today is refused (`approvalAfterToday`, the rule the desk's 审定 applies): said at
  // the field as the date is typed, and 审定 waits — the date is typed, there is no picker to bound.
  const afterToday = approvalAfterToday(approvedOn, today());
  const name = (id: string) => round.issued.pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const notice = roundPublicityNotice(round);
  return (
    <li className="card" data-testid="bureau-round">
      <h3>
        {round.packageId} {round.title}{' '}
        <span className="badge" data-testid="bureau-stage">
          {t(`bureau.stage.${stageOf(round, today())}`)}
        </span>
      </h3>
      {record && (
        <>
          <table data-testid="bureau-ranking">
            <caption>{t('bureau.rounds.ranking')}</caption>
            <thead>
              <tr>
                <th>{t('bureau.rounds.rank')}</th>
                <th>{t('bureau.rounds.applicant')}</th>
                <th>{t('bureau.rounds.score')}</th>
              </tr>
            </thead>
            <tbody>
              {record.ranking.map((r) => (
                <tr key={r.applicantId}>
                  <td>{r.rank ?? '—'}</td>
                  <td>{`${r.applicantId} ${name(r.applicantId)}`}</td>
                  <td>{r.score ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('bureau.rounds.recommended', {
              list: listParam(record.decision.recommendedIds.map((id) => `${id} ${name(id)}`)),
            })}
          </p>
          <p>{t('bureau.rounds.funding', { total: fmtMoney(record.decision.approvedTotal) })}</p>
          <ul className="plain">
            {/* Nothing blocking: passed, and any warning (signed before the review date) listed. */}
            {!hasBlocking(record.findings) && <li>{t('bureau.rounds.findingsOk')}</li>}
            {record.findings.map((f) => (
              <li key={f.message}>{f.message}</li>
            ))}
          </ul>
          <div className="row">
            <label>
              {t('bureau.rounds.approveOn')}
              <DateInput
                label={t('bureau.rounds.approveOn')}
                testId="bureau-approve-date"
                value={approvedOn}
                onCommit={setApprovedOn}
                refusal={afterToday}
              />
            </label>
            <button
              type="button"
              className="primary"
              disabled={busy || !record.ok || approvedOn === '' || afterToday !== null}
              onClick={() => void approve(round.packageId, approvedOn)}
            >
              {t('bureau.rounds.approve')}
            </button>
            <button type="button" onClick={() => void exportXlsx(round)}>
              {t('bureau.rounds.exportXlsx')}
            </button>
          </div>
        </>
      )}
      {approval && notice && (
        <div data-testid="bureau-publicity">
          <p>
            {t('bureau.rounds.window', {
              start: dayParam(approval.publicity.start),
              end: dayParam(approval.publicity.end),
            })}
          </p>
          <p>
            {t('bureau.rounds.days', {
              days: listParam(
                approval.publicity.days.map(
                  (d) => `${sayDay(lang, d.date)}${d.isMakeUp ? t('bureau.rounds.makeUp') : ''}`,
                ),
              ),
            })}
          </p>
          <button
            type="button"
            onClick={() => void printNotice(notice, `${round.packageId}-publicity.pdf`)}
          >
            {t('bureau.rounds.printNotice')}
          </button>
        </div>
      )}
      <AssignCard round={round} profileId={profileId} passphrase={passphrase} />
      <TakenList round={round} />
    </li>
  );
}

/** Every round this desk signed, and the door for the panels' results. */
export function RoundsPanel({ profileId, passphrase }: { profileId: string; passphrase: string }) {
  const t = useT();
  const { rounds, busy, ingest } = useBureau();
  // Why 导入文件包 waits, said beside it: what is taken in answers a package this desk signed,
  // and the bureau key opens it only with the profile's passphrase.
  const waits =
    rounds.length === 0
      ? t('bureau.rounds.ingestNeedsRound')
      : passphrase === ''
        ? t('bureau.rounds.ingestNeedsPassphrase')
        : null;
  return (
    <div className="card" data-testid="bureau-rounds">
      <h2>{t('bureau.rounds.heading')}</h2>
      <button
        type="button"
        disabled={busy || waits !== null}
        aria-describedby={waits !== null ? 'ingest-waits' : undefined}
        onClick={() =>
          void ingest({ profileId, passphrase, filter: t('bureau.rounds.ingestFilter') })
        }
      >
        {t('bureau.rounds.ingest')}
      </button>
      {waits !== null && (
        <p className="note" id="ingest-waits" data-testid="ingest-waits">
          {waits}
        </p>
      )}
      {rounds.length === 0 ? (
        <p className="note">{t('bureau.rounds.none')}</p>
      ) : (
        <ul className="plain">
          {rounds.map((r) => (
            <RoundCard key={r.packageId} round={r} profileId={profileId} passphrase={passphrase} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * 赛马择优 (第十三条（三）): every solver's race-stage assessment side by side, the one chosen to
 * continue, and how the city funds run: each race share, then the rest to the chosen solver.
 */
import { FIELD_LABELS } from '../../../../src-shared/model/labels';
import { parsePlainDecimal } from '../../../../src-shared/text/normalize';
import { DateInput } from '../../components/DateInput';
import { useState } from 'react';
import {
  checkAwardDocument,
  raceTranches,
  RaceChoiceSchema,
  solverIdsOfTaskBook,
  tranchePlan,
} from '../../../../src-shared/award';
import type { TaskBook } from '../../../../src-shared/model';
import { dayParam, useT } from '../../i18n';
import { useAward } from '../../stores/award';
import { fieldKey, parseForm, type Unread } from './issues';
import { Field, FindingsList, moneyOf, SignBar, today, useShownIssues } from './parts';

interface Row {
  score: string;
  passed: boolean;
  raceShare: string;
  note: string;
}

export function RaceCard({ tb }: { tb: TaskBook }) {
  const t = useT();
  const done = useAward((s) => s.awards.filter((a) => a.document.type === 'race').length);
  const ids = solverIdsOfTaskBook(tb);
  const nameOf = (id: string) => tb.parties.find((p) => p.applicantId === id)?.name ?? id;
  // Starts from what the chair entered on the chair's desk, if anything (第十三条（三）).
  const entered = useAward((s) => s.chairRace);
  const from = (id: string) => entered.find((e) => e.applicantId === id);
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      ids.map((id) => {
        const e = from(id);
        const row: Row = {
          score: e?.score === undefined ? '' : String(e.score),
          passed: e?.passed ?? true,
          raceShare: '',
          note: e?.findings ?? '',
        };
        return [id, row];
      }),
    ),
  );
  const [chosenId, setChosenId] = useState(
    () =>
      entered.find((e) => e.continues === true && ids.includes(e.applicantId))?.applicantId ?? '',
  );
  const [reason, setReason] = useState(() =>
    chosenId ? (from(chosenId)?.continueReason ?? '') : '',
  );
  const [assessedOn, setAssessedOn] = useState(today());
  const [approvedOn, setApprovedOn] = useState(today());
  // A score as typed, read by the one score reader (full-width digits as digits); empty is not
  // given (the schema then says it is required), text that is no number is said as such.
  const scores = ids.map((id) => parsePlainDecimal(rows[id]?.score ?? ''));
  const unread: Unread[] = scores.flatMap((r, i) =>
    r.ok ? [] : [{ path: ['solvers', i, 'score'], message: r.message }],
  );
  const raw = {
    formatVersion: 1,
    choiceId: `RC-${done + 1}`,
    taskBookId: tb.taskBookId,
    assessedOn,
    solvers: ids.map((id, i) => {
      const r = rows[id];
      const score = scores[i];
      return {
        applicantId: id,
        name: nameOf(id),
        ...(score?.ok && score.value !== null ? { score: score.value } : {}),
        passed: r?.passed ?? false,
        raceShare: moneyOf(r?.raceShare ?? ''),
        note: r?.note ?? '',
      };
    }),
    // None chosen yet: missing (the schema says so), not an id that is malformed.
    ...(chosenId ? { chosenId } : {}),
    reason,
    ...(approvedOn ? { approvedOn } : {}),
  };
  const parsed = parseForm(RaceChoiceSchema, raw, FIELD_LABELS['race-choice'], unread);
  const issues = useShownIssues(parsed);
  const document = parsed.ok ? { type: 'race' as const, doc: parsed.value } : null;
  const findings = document ? checkAwardDocument(document, tb) : [];
  const plan = document ? raceTranches(document.doc, tb.funding.city) : [];
  const continuing = plan.find((p) => p.stage === 'continue');
  const payees = document ? tranchePlan(tb, document.doc) : [];
  const setRow = (id: string, patch: Partial<Row>) => {
    const r = rows[id];
    if (r) setRows({ ...rows, [id]: { ...r, ...patch } });
  };
  return (
    <div className="card" data-testid="award-race" {...issues.card}>
      <h2>{t('award.race')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('award.role.solver')}</th>
            <th>{t('award.raceScore')}</th>
            <th>{t('award.racePassed')}</th>
            <th>{t('award.raceShare')}</th>
            <th>{t('award.chosen')}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id, i) => (
            <tr key={id} data-testid={`race-${id}`}>
              <td>
                {id} {nameOf(id)}
              </td>
              <td>
                <input
                  aria-label={t('award.raceScore')}
                  inputMode="decimal"
                  data-field={fieldKey(['solvers', i, 'score'])}
                  aria-invalid={scores[i]?.ok === false}
                  value={rows[id]?.score ?? ''}
                  onChange={(e) => setRow(id, { score: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('award.racePassed')}
                  data-field={fieldKey(['solvers', i, 'passed'])}
                  checked={rows[id]?.passed ?? false}
                  onChange={(e) => setRow(id, { passed: e.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={t('award.raceShare')}
                  inputMode="decimal"
                  data-field={fieldKey(['solvers', i, 'raceShare'])}
                  value={rows[id]?.raceShare ?? ''}
                  onChange={(e) => setRow(id, { raceShare: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="race-chosen"
                  aria-label={t('award.chosen')}
                  data-field="chosenId"
                  checked={chosenId === id}
                  onChange={() => setChosenId(id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Field label={t('award.reason')} path="reason">
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Field label={t('award.assessedOn')} path="assessedOn">
        <DateInput label={t('award.assessedOn')} value={assessedOn} onCommit={setAssessedOn} />
      </Field>
      <Field label={t('award.approvedOn')} path="approvedOn">
        <DateInput label={t('award.approvedOn')} value={approvedOn} onCommit={setApprovedOn} />
      </Field>
      {continuing && (
        <p data-testid="race-continuing">
          {t('common.labelled', {
            label: nameOf(continuing.applicantId),
            text: t('award.continuing', { amount: continuing.amount }),
          })}
        </p>
      )}
      {payees.length > 0 && (
        <>
          <h3>{t('award.plan')}</h3>
          <ul data-testid="race-plan">
            {payees.map((p) => (
              <li key={p.applicantId}>
                {t('award.planRow', {
                  name: p.name,
                  share: p.raceShare,
                  rest:
                    p.tranches.length > 0
                      ? t('award.planAfter', {
                          list: p.tranches
                            .map((x) =>
                              t('award.planTranche', {
                                id: x.milestoneId,
                                amount: x.amount,
                                due: dayParam(x.due),
                              }),
                            )
                            .join(t('common.listSep')),
                        })
                      : '',
                  total: p.total,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <FindingsList findings={findings} issues={issues.shown} hidden={issues.hidden} />
      <SignBar
        need={['bureau', 'issuer']}
        document={document}
        findings={findings}
        onAttempt={issues.attempt}
        testId="sign-race"
      />
    </div>
  );
}

import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  MilestoneAssessmentSchema,
  type MilestoneAssessment,
  type ReviewPackage,
} from '../../../src-shared/model';
import { checkHorseRaceSelection } from '../../../src-shared/rules';
import { commitChange, getMeta } from '../db/repo';
import { useSaveState } from '../stores/save';
import { useDb } from '../stores/session';

const AssessmentsSchema = z.array(MilestoneAssessmentSchema);

/**
 * Later in the project's life (第十三条（三）): the race stage's milestone assessment per solver,
 * and the one solver chosen to continue, with reasons. Saved as entered; the rule is checked live.
 */
export function RaceSelection({
  pkg,
  solverIds,
  actor,
}: {
  pkg: ReviewPackage;
  solverIds: readonly string[];
  actor: string;
}) {
  const db = useDb();
  const track = useSaveState((s) => s.track);
  const [rows, setRows] = useState<MilestoneAssessment[] | null>(null);
  useEffect(() => {
    let live = true;
    void getMeta(db, 'assessments', AssessmentsSchema).then((v) => live && setRows(v ?? []));
    return () => {
      live = false;
    };
  }, [db]);
  if (!rows) return null;
  const row = (id: string): MilestoneAssessment =>
    rows.find((r) => r.applicantId === id) ?? {
      formatVersion: 1,
      taskBookId: `TB-${pkg.packageId}`,
      milestoneId: 'RACE',
      applicantId: id,
      assessedOn: new Date().toISOString().slice(0, 10),
      passed: false,
      findings: '',
    };
  const upsert = (list: MilestoneAssessment[], id: string, patch: Partial<MilestoneAssessment>) => {
    const base = list.find((r) => r.applicantId === id) ?? row(id);
    return [...list.filter((r) => r.applicantId !== id), { ...base, ...patch }];
  };
  const save = (next: MilestoneAssessment[], audit?: { action: string; target: string }) => {
    setRows(next);
    void track(
      commitChange(db, { meta: { assessments: next } }, audit ? { actor, ...audit } : null),
    );
  };
  const update = (id: string, patch: Partial<MilestoneAssessment>, action?: string) =>
    save(upsert(rows, id, patch), action ? { action, target: id } : undefined);
  const choose = (id: string) =>
    save(
      solverIds.reduce((acc, sid) => upsert(acc, sid, { continues: sid === id }), rows),
      { action: 'race.choose', target: id },
    );
  const findings = checkHorseRaceSelection(rows, solverIds);
  return (
    <section className="card race-selection" data-testid="race-selection">
      <h3>“里程碑”考核与择优支持（第十三条（三））</h3>
      <table>
        <thead>
          <tr>
            <th>揭榜方</th>
            <th>考核日期</th>
            <th>通过</th>
            <th>考核意见</th>
            <th>择优继续</th>
            <th>理由</th>
          </tr>
        </thead>
        <tbody>
          {solverIds.map((id) => {
            const r = row(id);
            return (
              <tr key={id}>
                <td>{pkg.applicants.find((a) => a.id === id)?.name ?? id}</td>
                <td>
                  <input
                    type="date"
                    value={r.assessedOn}
                    onChange={(e) => update(id, { assessedOn: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${id} 通过考核`}
                    checked={r.passed}
                    onChange={(e) => update(id, { passed: e.target.checked }, 'assessment.edit')}
                  />
                </td>
                <td>
                  <input
                    value={r.findings}
                    onChange={(e) => update(id, { findings: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="continues"
                    aria-label={`${id} 择优继续`}
                    checked={r.continues === true}
                    onChange={() => choose(id)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${id} 择优理由`}
                    value={r.continueReason ?? ''}
                    onChange={(e) => update(id, { continueReason: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {findings.length === 0 ? (
        <p className="ok">✓ 已择优支持 1 家揭榜方继续研究</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.rule} className="warn">
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

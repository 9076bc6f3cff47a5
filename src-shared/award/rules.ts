/**
 * The rules of the documents after the award, each finding citing its article. Every door (the
 * award screen, `jiebang check`) calls `checkAwardDocument`.
 */
import { dec, money, sum, type Money } from '../money';
import { assessmentsByMilestone } from './assessments';
import type { MilestoneAssessment, TaskBook } from '../model';
import {
  checkAcceptanceApplication,
  checkChangeRequest,
  checkExtensionRequest,
  checkHorseRaceSelection,
  finding,
  type Finding,
} from '../rules';
import {
  FORM_LABEL,
  type AcceptanceForm,
  type AwardDocument,
  type ExtensionForm,
  type MilestoneAssessmentForm,
  type ProjectForm,
  type RaceChoice,
  type TerminationForm,
} from './documents';
import { formatDateZh } from '../text/date';

/** The task book's solvers (揭榜方), by applicant id. */
export const solverIdsOfTaskBook = (tb: TaskBook): string[] =>
  tb.parties.flatMap((p) => (p.role === 'solver' && p.applicantId ? [p.applicantId] : []));

/**
 * The effect an assessment should have on the tranche (第十二条（八）3: funds are paid by stage
 * according to the milestone assessment; 第十三条（一）): passed → the whole tranche released;
 * failed → held, or reduced to what `released` names (strictly between 0 and the tranche).
 */
export function expectedEffect(
  passed: boolean,
  tranche: Money,
  released: Money,
): MilestoneAssessmentForm['effect'] {
  if (passed) return 'released';
  return dec(released).isZero() || dec(released).gte(dec(tranche)) ? 'held' : 'reduced';
}

/**
 * 第十二条（八）3: in a horse race the milestone assessments follow the race stage — only after the
 * race's choice is signed, dated on or after it, and only of the solver chosen to continue
 * (第十三条（三）); each refusal names the solver or the missing choice.
 */
export function checkAssessmentAfterRace(
  a: MilestoneAssessmentForm,
  tb: TaskBook,
  onTimeline: readonly AwardDocument[],
): Finding[] {
  if (!tb.isHorseRace) return [];
  const art = '第十二条（八）3';
  const c = signedRaceChoice(onTimeline);
  if (!c)
    return [
      finding(
        'assessment.beforeRaceChoice',
        art,
        'blocking',
        '“赛马制”项目于“赛马”阶段结束后开展“里程碑”考核：赛马择优尚未签署',
        ['milestoneId'],
      ),
    ];
  const out: Finding[] = [];
  const on = raceChoiceDate(c);
  const chosen = c.solvers.find((s) => s.applicantId === c.chosenId);
  const chosenName = chosen ? `${c.chosenId} ${chosen.name}` : c.chosenId;
  if (a.assessedOn < on)
    out.push(
      finding(
        'assessment.beforeRaceChoice',
        art,
        'blocking',
        `考核日期${formatDateZh(a.assessedOn)}早于赛马择优（${c.choiceId}，${formatDateZh(on)}）：“赛马制”项目于“赛马”阶段结束后开展“里程碑”考核`,
        ['assessedOn'],
      ),
    );
  if (a.applicantId !== undefined && a.applicantId !== c.chosenId) {
    const other = c.solvers.find((s) => s.applicantId === a.applicantId);
    out.push(
      finding(
        'assessment.notChosen',
        art,
        'blocking',
        `${a.applicantId}${other ? ` ${other.name}` : ''} 未获择优支持（${c.choiceId} 择优支持 ${chosenName}），不再开展“里程碑”考核`,
        ['applicantId'],
      ),
    );
  }
  return out;
}

/**
 * A milestone already assessed on the timeline (第十二条（八）3: funds are paid by stage according
 * to the milestone's assessment; the latest assessment of a milestone is the one that counts,
 * `assessmentsByMilestone`, whatever solver it names). A new form must come after every other of
 * its milestone (a re-assessment dated on or before one signed would never count, or would tie);
 * after a pass the tranche is paid and the milestone is not assessed again; after a hold or a
 * reduction the re-assessment (复核) is taken but said, so that a second form is not signed where
 * the first was meant to be corrected — a correction is the same form signed again under its own
 * number (`amending`), weighed against the assessments before it only. `onTimeline` holds the
 * other documents (the document itself left out by id).
 */
export function checkAssessmentAgain(
  a: MilestoneAssessmentForm,
  onTimeline: readonly AwardDocument[],
  amending = false,
): Finding[] {
  const art = '第十二条（八）3';
  const all = assessmentsByMilestone(onTimeline).get(a.milestoneId) ?? [];
  const later = all.filter((o) => o.assessedOn >= a.assessedOn).at(-1);
  if (later && !amending)
    return [
      finding(
        'assessment.again',
        art,
        'blocking',
        `考核日期${formatDateZh(a.assessedOn)}不晚于该里程碑已签署的考核表 ${later.assessmentId}（${formatDateZh(later.assessedOn)}）：复核应在原考核之后`,
        ['assessedOn'],
      ),
    ];
  const before = all.filter((o) => o.assessedOn < a.assessedOn);
  const last = before.at(-1);
  if (!last) return [];
  const passed = before.find((o) => o.passed);
  if (passed)
    return [
      finding(
        'assessment.again',
        art,
        'blocking',
        `里程碑 ${a.milestoneId} 已由考核表 ${passed.assessmentId}（${formatDateZh(passed.assessedOn)}）考核通过并拨付 ${passed.released} 万元，不再考核；更正该表须以原编号 ${passed.assessmentId} 重新签署`,
        ['milestoneId'],
      ),
    ];
  return [
    finding(
      'assessment.again',
      art,
      'warning',
      `里程碑 ${a.milestoneId} 已有考核表 ${last.assessmentId}（${formatDateZh(last.assessedOn)}，未通过）：本表为复核，签署后按本表拨付；如为更正原表，应以原编号 ${last.assessmentId} 重新签署`,
      ['milestoneId'],
    ),
  ];
}

/** 里程碑考核 against its task book and, in a horse race, the signed race choice. */
export function checkMilestoneAssessment(
  a: MilestoneAssessmentForm,
  tb: TaskBook | undefined,
  onTimeline?: readonly AwardDocument[],
  amending = false,
): Finding[] {
  const out: Finding[] = [];
  const art = '第十二条（八）3';
  if (onTimeline) out.push(...checkAssessmentAgain(a, onTimeline, amending));
  if (tb) {
    if (onTimeline) out.push(...checkAssessmentAfterRace(a, tb, onTimeline));
    const m = tb.milestones.find((x) => x.id === a.milestoneId);
    if (!m)
      out.push(
        finding(
          'assessment.milestone',
          '第十二条（七）',
          'blocking',
          `任务书中没有里程碑 ${a.milestoneId}`,
          ['milestoneId'],
        ),
      );
    else if (!dec(m.tranche).eq(dec(a.tranche)))
      out.push(
        finding(
          'assessment.tranche',
          art,
          'blocking',
          `考核所涉拨付 ${a.tranche} 万元与任务书该里程碑的 ${m.tranche} 万元不一致`,
          ['tranche'],
        ),
      );
    if (tb.status !== 'final')
      out.push(
        finding(
          'assessment.signedTaskBook',
          '第十二条（七）',
          'blocking',
          '里程碑考核依据已定稿签署的任务书',
          ['taskBookId'],
        ),
      );
  }
  const allPassed = a.indicators.every((i) => i.passed);
  if (a.passed !== allPassed)
    out.push(
      finding(
        'assessment.overall',
        art,
        'blocking',
        allPassed ? '各项指标均已达到，总体结论应为“通过”' : '有指标未达到，总体结论不能为“通过”',
        ['passed'],
      ),
    );
  a.indicators.forEach((i, n) => {
    if (!i.result.trim())
      out.push(
        finding('assessment.result', art, 'blocking', `指标“${i.indicator}”未填写实际完成情况`, [
          'indicators',
          n,
          'result',
        ]),
      );
  });
  const tranche = dec(a.tranche);
  const released = dec(a.released);
  if (a.passed && (a.effect !== 'released' || !released.eq(tranche)))
    out.push(
      finding(
        'assessment.release',
        art,
        'blocking',
        `考核通过，应拨付该阶段经费 ${a.tranche} 万元`,
        ['effect'],
      ),
    );
  if (!a.passed && a.effect === 'released')
    out.push(
      finding('assessment.noRelease', art, 'blocking', '考核未通过，该阶段经费应暂缓或核减拨付', [
        'effect',
      ]),
    );
  if (a.effect === 'held' && !released.isZero())
    out.push(
      finding('assessment.held', art, 'blocking', '暂缓拨付时本次拨付应为 0 万元', ['released']),
    );
  if (a.effect === 'reduced' && (released.isZero() || released.gte(tranche)))
    out.push(
      finding(
        'assessment.reduced',
        art,
        'blocking',
        `核减拨付的金额应大于 0 且小于 ${a.tranche} 万元`,
        ['released'],
      ),
    );
  if (!a.passed && !a.reason.trim())
    out.push(finding('assessment.reason', art, 'blocking', '暂缓或核减拨付须写明理由', ['reason']));
  if (a.evidence.length === 0)
    out.push(finding('assessment.evidence', art, 'warning', '未附证明材料', ['evidence']));
  if (!a.approvedOn)
    out.push(
      finding(
        'assessment.bureau',
        '第十四条',
        'blocking',
        '里程碑考核由市科技局开展，须经市科技局审定',
        ['approvedOn'],
      ),
    );
  else if (a.approvedOn < a.assessedOn)
    out.push(
      finding(
        'assessment.order',
        '第十四条',
        'blocking',
        `审定日期${formatDateZh(a.approvedOn)}早于考核日期${formatDateZh(a.assessedOn)}`,
        ['approvedOn'],
      ),
    );
  return out;
}

/** 赛马: every solver assessed side by side, one chosen to continue (第十三条（三）). */
export function checkRaceChoice(c: RaceChoice, tb: TaskBook | undefined): Finding[] {
  const out: Finding[] = [];
  const art = '第十三条（三）';
  const asAssessments: MilestoneAssessment[] = c.solvers.map((s) => ({
    formatVersion: 1,
    taskBookId: c.taskBookId,
    milestoneId: 'race',
    applicantId: s.applicantId,
    assessedOn: c.assessedOn,
    passed: s.passed,
    score: s.score,
    findings: s.note,
    continues: s.applicantId === c.chosenId,
    ...(s.applicantId === c.chosenId ? { continueReason: c.reason } : {}),
  }));
  out.push(
    ...checkHorseRaceSelection(
      asAssessments,
      c.solvers.map((s) => s.applicantId),
    ),
  );
  if (tb) {
    if (!tb.isHorseRace)
      out.push(
        finding('race.notRace', '第十二条（七）', 'blocking', '任务书不是“赛马制”联合任务书', [
          'taskBookId',
        ]),
      );
    const expected = solverIdsOfTaskBook(tb);
    const given = c.solvers.map((s) => s.applicantId);
    const missing = expected.filter((id) => !given.includes(id));
    const extra = given.filter((id) => !expected.includes(id));
    if (missing.length > 0 || extra.length > 0)
      out.push(
        finding(
          'race.allSolvers',
          art,
          'blocking',
          `赛马阶段考核应包括联合任务书的每一家揭榜方${missing.length > 0 ? `（缺少 ${missing.join('、')}）` : ''}${extra.length > 0 ? `（多出 ${extra.join('、')}）` : ''}`,
          ['solvers'],
        ),
      );
    const shares = sum(c.solvers.map((s) => s.raceShare));
    if (shares.gt(dec(tb.funding.city)))
      out.push(
        finding(
          'race.shares',
          art,
          'blocking',
          `赛马阶段拨付合计 ${money(shares)} 万元，超过市财政资助 ${tb.funding.city} 万元`,
          ['solvers'],
        ),
      );
    else out.push(...checkRaceFunding(tb, c));
  }
  if (!c.approvedOn)
    out.push(
      finding(
        'race.bureau',
        '第十二条（七）',
        'blocking',
        '择优支持由市科技局会同发榜方确定，须经市科技局审定',
        ['approvedOn'],
      ),
    );
  return out;
}

/** How the city funds run after the race (第十三条（三）): each share, then the rest to the chosen one. */
export function raceTranches(
  c: RaceChoice,
  cityTotal: Money,
): { applicantId: string; stage: 'race' | 'continue'; amount: Money }[] {
  const shares = c.solvers.map((s) => ({
    applicantId: s.applicantId,
    stage: 'race' as const,
    amount: s.raceShare,
  }));
  const rest = dec(cityTotal).minus(sum(c.solvers.map((s) => s.raceShare)));
  return [
    ...shares,
    {
      applicantId: c.chosenId,
      stage: 'continue',
      amount: money(rest.isNegative() ? dec(0) : rest),
    },
  ];
}

/** The date a race choice takes effect: the bureau's approval, else the assessment. */
export const raceChoiceDate = (c: RaceChoice): string => c.approvedOn ?? c.assessedOn;

/** The signed race choice in force among the documents on a timeline: the latest by date. */
export function signedRaceChoice(docs: readonly AwardDocument[]): RaceChoice | undefined {
  let out: RaceChoice | undefined;
  for (const d of docs)
    if (d.type === 'race' && (!out || raceChoiceDate(out) <= raceChoiceDate(d.doc))) out = d.doc;
  return out;
}

/**
 * Whether a milestone of the task book belongs to the race stage (第十三条（三）): due on or
 * before the race's choice, so its funds are the race shares already paid to every solver.
 */
export const isRaceStage = (due: string, c: RaceChoice): boolean => due <= raceChoiceDate(c);

/** One tranche of a payee's plan (万元). */
export interface PayeeTranche {
  milestoneId: string;
  /** YYYY-MM-DD */
  due: string;
  amount: Money;
}

/** What one 揭榜方 of a horse race is paid (万元) under 第十三条（三）. */
export interface PayeePlan {
  applicantId: string;
  name: string;
  chosen: boolean;
  /** 赛马阶段拨付. */
  raceShare: Money;
  /** The task book's tranches after the race: the chosen solver's only; none for the others. */
  tranches: PayeeTranche[];
  total: Money;
}

/**
 * The tranche plan per payee once the race's choice is signed (第十三条（三）: a share of the
 * funds to every solver in the race stage; after the assessment, the one chosen continues and is
 * paid): every solver's race share, and the chosen solver's remaining tranches — the task book's
 * milestones due after the choice that are its own or common to all solvers.
 */
export function tranchePlan(tb: TaskBook, c: RaceChoice): PayeePlan[] {
  return c.solvers.map((s) => {
    const chosen = s.applicantId === c.chosenId;
    const tranches: PayeeTranche[] = chosen
      ? tb.milestones
          .filter(
            (m) =>
              !isRaceStage(m.due, c) &&
              (m.applicantId === undefined || m.applicantId === s.applicantId),
          )
          .map((m) => ({ milestoneId: m.id, due: m.due, amount: m.tranche }))
      : [];
    return {
      applicantId: s.applicantId,
      name: s.name,
      chosen,
      raceShare: s.raceShare,
      tranches,
      total: money(sum([s.raceShare, ...tranches.map((x) => x.amount)])),
    };
  });
}

/** How the city funds add up after the race's choice (万元), for the screen and the warning. */
export interface RaceFunding {
  /** Every solver's 赛马阶段拨付. */
  shares: Money;
  /** The chosen solver's tranches after the choice (`tranchePlan`). */
  tranches: Money;
  total: Money;
  city: Money;
  /** total − city as a signed decimal string: '60', '-20' or '0'. */
  difference: string;
}

/** The race shares plus the chosen solver's later tranches, against the city funding (第十三条). */
export function raceFunding(tb: TaskBook, c: RaceChoice): RaceFunding {
  const plan = tranchePlan(tb, c);
  const shares = sum(plan.map((p) => p.raceShare));
  const tranches = sum(plan.flatMap((p) => p.tranches.map((x) => x.amount)));
  const total = shares.plus(tranches);
  const diff = total.minus(dec(tb.funding.city));
  return {
    shares: money(shares),
    tranches: money(tranches),
    total: money(total),
    city: tb.funding.city,
    difference: diff.isNegative() ? `-${money(diff.abs())}` : money(diff),
  };
}

/**
 * 第十三条 (city funds paid by stage; 第十三条（三）: a share to every solver in the race, the rest to
 * the one chosen): the race shares and the chosen solver's tranches after the choice should add
 * up to the task book's city funding. A warning naming the three figures and the gap otherwise —
 * e.g. shares 150 + 150 with 320 + 240 after the choice make 860 万元 against 800 万元.
 */
export function checkRaceFunding(tb: TaskBook, c: RaceChoice): Finding[] {
  const f = raceFunding(tb, c);
  const diff = dec(f.difference);
  if (diff.isZero()) return [];
  return [
    finding(
      'race.fundingTotal',
      '第十三条',
      'warning',
      `赛马阶段拨付 ${f.shares} 万元与择优后各阶段拨付 ${f.tranches} 万元合计 ${f.total} 万元，${diff.isNegative() ? '少于' : '多于'}市财政资助 ${f.city} 万元（相差 ${money(diff.abs())} 万元）`,
      ['solvers'],
    ),
  ];
}

/** The city funds to recover, with the article that says so; null when nothing is recovered. */
export interface Recovery {
  amount: Money;
  article: string;
  basis: string;
}

/**
 * 第十七条: on termination the unspent balance (disbursed − spent) is recovered and returned the
 * way it came; on revocation all disbursed city funds.
 */
export function terminationRecovery(t: TerminationForm): Recovery {
  if (t.decision === 'revoke')
    return {
      amount: money(dec(t.cityDisbursed)),
      article: '第十七条',
      basis: '项目撤销：收回已拨付的市财政科研项目资金',
    };
  const balance = dec(t.cityDisbursed).minus(dec(t.citySpent));
  return {
    amount: money(balance.isNegative() ? dec(0) : balance),
    article: '第十七条',
    basis: '项目终止：由发榜方追回并原路退回结余的市财政科研项目资金',
  };
}

/** 第二十条: a 不通过 without an objective cause recovers every disbursed city fund. */
export function acceptanceRecovery(a: AcceptanceForm): Recovery | null {
  if (a.outcome !== 'fail' || a.failureCause === 'objective') return null;
  return {
    amount: money(dec(a.cityDisbursed)),
    article: '第二十条',
    basis: '因非客观原因未通过验收：收回已拨付的市财政科研项目资金，并开展科研诚信调查',
  };
}

function checkTermination(t: TerminationForm): Finding[] {
  const out: Finding[] = [];
  if (!t.bureauApproved || !t.issuerApproved)
    out.push(
      finding(
        'termination.approval',
        '第十七条',
        'blocking',
        '终止或撤销须经市科技局与发榜方共同审核同意',
        ['bureauApproved'],
      ),
    );
  if (t.decision === 'terminate' && dec(t.citySpent).gt(dec(t.cityDisbursed)))
    out.push(
      finding(
        'termination.spent',
        '第十七条',
        'blocking',
        `已使用 ${t.citySpent} 万元超过已拨付 ${t.cityDisbursed} 万元`,
        ['citySpent'],
      ),
    );
  return out;
}

function checkAcceptance(
  a: AcceptanceForm,
  tb: TaskBook | undefined,
  periodEnd: string | undefined,
): Finding[] {
  const end = periodEnd ?? tb?.period.end;
  const out = end ? checkAcceptanceApplication(a, end) : [];
  if (!end) return out;
  if (a.appliedOn < end)
    out.push(
      finding(
        'acceptance.afterEnd',
        '第十二条（九）',
        'warning',
        `验收申请在实施周期结束（${formatDateZh(end)}）前提出`,
        ['appliedOn'],
      ),
    );
  return out;
}

/**
 * Findings for any document after the award. `signed` holds the other documents signed for the
 * task book (the app's own store, or the bundles given to `jiebang check --with`; the document
 * itself, by id, is left out): a signed termination or revocation refuses later forms (第十七条),
 * a signed race choice opens the milestone assessments of the chosen solver only (第十二条（八）3),
 * an approved extension refuses a second one (第十九条) and sets the period end in force, which
 * `periodEnd` overrides (else the task book's). Without `signed` (a lone file) those order rules
 * are not weighed.
 */
export function checkAwardDocument(
  d: AwardDocument,
  tb: TaskBook | undefined,
  periodEnd?: string,
  signed?: readonly AwardDocument[],
): Finding[] {
  // The document itself is not among the others (a folder of a project's bundles may hold it).
  const onTimeline = signed?.filter((o) => documentId(o) !== documentId(d));
  // Signed before under its own number: this is a correction of it (重新打开), not a new form.
  const amending =
    signed?.some((o) => o.type === d.type && documentId(o) === documentId(d)) ?? false;
  const end = periodEnd ?? (tb && onTimeline ? periodEndInForce(tb, onTimeline) : undefined);
  const on = dateOf(d);
  const early =
    tb && on < tb.period.start
      ? [
          finding(
            'award.beforeStart',
            '第十二条（七）',
            'blocking',
            `日期${formatDateZh(on)}早于任务书实施周期的开始日期${formatDateZh(tb.period.start)}`,
            [],
          ),
        ]
      : [];
  return [
    ...early,
    ...documentFindings(withTimeline(d, onTimeline), tb, end, onTimeline, amending),
    ...(d.type === 'form' && onTimeline ? closedProjectFindings(d.doc, onTimeline) : []),
  ];
}

/** The approved extensions on a timeline (第十九条: once only). */
const approvedExtensions = (docs: readonly AwardDocument[]): ExtensionForm[] =>
  docs.flatMap((o) =>
    o.type === 'form' && o.doc.form === 'extension' && o.doc.approvedOn !== undefined
      ? [o.doc]
      : [],
  );

/**
 * An extension weighed with the extensions already approved on the timeline (第十九条: a project
 * is extended once only): the count on the timeline stands when the form states fewer.
 */
function withTimeline(d: AwardDocument, onTimeline: readonly AwardDocument[] | undefined) {
  if (!onTimeline || d.type !== 'form' || d.doc.form !== 'extension') return d;
  const before = approvedExtensions(onTimeline).length;
  return before > d.doc.previousExtensions
    ? { ...d, doc: { ...d.doc, previousExtensions: before } }
    : d;
}

/** The period end in force: the task book's, or an approved extension's (第十九条). */
export function periodEndInForce(tb: TaskBook, docs: readonly AwardDocument[]): string {
  return approvedExtensions(docs).at(-1)?.newEnd ?? tb.period.end;
}

/** A document's own id (assessment, choice or form id). */
export function documentId(d: AwardDocument): string {
  switch (d.type) {
    case 'assessment':
      return d.doc.assessmentId;
    case 'race':
      return d.doc.choiceId;
    case 'form':
      return d.doc.formId;
  }
}

/** The signed termination or revocation on a timeline, if any (第十七条). */
export const signedTermination = (docs: readonly AwardDocument[]): TerminationForm | undefined =>
  docs.flatMap((d) => (d.type === 'form' && d.doc.form === 'termination' ? [d.doc] : []))[0];

/**
 * 第十七条: a project terminated (终止) or revoked (撤销) has ended — no acceptance, change or
 * extension is taken for it afterwards; the finding names the termination.
 */
export function closedProjectFindings(
  f: ProjectForm,
  onTimeline: readonly AwardDocument[],
): Finding[] {
  const t = signedTermination(onTimeline);
  if (!t || f.form === 'termination') return [];
  const what = t.decision === 'terminate' ? '终止' : '撤销';
  return [
    finding(
      'form.terminated',
      '第十七条',
      'blocking',
      `项目已于${formatDateZh(t.decidedOn)}${what}（${t.formId}），不再受理${FORM_LABEL[f.form]}`,
      ['taskBookId'],
    ),
  ];
}

/** The date a document is dated by (assessed, requested, decided, applied). */
export function dateOf(d: AwardDocument): string {
  if (d.type !== 'form') return d.doc.assessedOn;
  switch (d.doc.form) {
    case 'change':
    case 'extension':
      return d.doc.requestedOn;
    case 'termination':
      return d.doc.decidedOn;
    case 'acceptance':
      return d.doc.appliedOn;
  }
}

function documentFindings(
  d: AwardDocument,
  tb: TaskBook | undefined,
  periodEnd: string | undefined,
  onTimeline: readonly AwardDocument[] | undefined,
  amending: boolean,
): Finding[] {
  switch (d.type) {
    case 'assessment':
      return checkMilestoneAssessment(d.doc, tb, onTimeline, amending);
    case 'race':
      return checkRaceChoice(d.doc, tb);
    case 'form': {
      const f = d.doc;
      const wrongBook =
        tb && tb.taskBookId !== f.taskBookId
          ? [
              finding(
                'form.taskBook',
                '第十二条（七）',
                'blocking',
                `表单属于任务书 ${f.taskBookId}，不是 ${tb.taskBookId}`,
                ['taskBookId'],
              ),
            ]
          : [];
      switch (f.form) {
        case 'change':
          return [...wrongBook, ...checkChangeRequest(f)];
        case 'extension': {
          const end = periodEnd ?? tb?.period.end;
          const wrongEnd =
            end && f.currentEnd !== end
              ? [
                  finding(
                    'extension.currentEnd',
                    '第十九条',
                    'blocking',
                    `原到期日应为实施周期的结束日期${formatDateZh(end)}（现为${formatDateZh(f.currentEnd)}）`,
                    ['currentEnd'],
                  ),
                ]
              : [];
          return [...wrongBook, ...wrongEnd, ...checkExtensionRequest(f)];
        }
        case 'termination':
          return [...wrongBook, ...checkTermination(f)];
        case 'acceptance':
          return [...wrongBook, ...checkAcceptance(f, tb, periodEnd)];
      }
    }
  }
}

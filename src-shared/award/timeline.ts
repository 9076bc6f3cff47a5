/**
 * A project's life on one page: for a signed task book, its milestones, tranches paid, held and
 * reduced, assessments, the race's choice, changes, extension, termination and acceptance, in
 * date order, with the next deadline and what is overdue on `today`.
 */
import { addDays } from '../calendar';
import { formatDateZh } from '../text/date';
import type { Subject } from '../bundle/terms';
import { ACCEPTANCE_LABEL, type InspectionReport, type TaskBook } from '../model';
import { dec, money, sum, ZERO, type Money } from '../money';
import { assessmentsByMilestone } from './assessments';
import type { AwardDocument, MilestoneAssessmentForm, ProjectForm } from './documents';
import {
  acceptanceRecovery,
  isRaceStage,
  periodEndInForce,
  solverIdsOfTaskBook,
  raceChoiceDate,
  signedRaceChoice,
  terminationRecovery,
} from './rules';

export type TimelineState =
  'done' | 'paid' | 'held' | 'reduced' | 'failed' | 'recovery' | 'overdue' | 'upcoming' | 'info';

export interface TimelineEntry {
  /** YYYY-MM-DD */
  date: string;
  /** What happened or falls due, in the measures' words. */
  what: string;
  detail: string;
  state: TimelineState;
  /** The article that governs it. */
  article: string;
}

/**
 * An inspection report as the timeline needs it (issue 20 builds the reports themselves; any
 * record with a date, a title and an id fits here).
 */
export interface TimelineInspection {
  date: string;
  title: string;
  ref: string;
}

/**
 * The inspection reports about a task book's project, as its timeline takes them (第十四条: the
 * bureau checks the implementation on site): reports whose subject is the task book, or one of
 * its 揭榜方 in its package; each dated by its visit, titled by its site, referred to by its id.
 * Any door that holds reports (the inspection team's device, the bureau's desk) passes them here.
 */
export function inspectionsOfTaskBook(
  tb: TaskBook,
  reports: readonly InspectionReport[],
): TimelineInspection[] {
  const solvers = new Set(solverIdsOfTaskBook(tb));
  const about = (s: Subject): boolean =>
    (s.type === 'task-book' && s.id === tb.taskBookId) ||
    (s.type === 'applicant' && s.packageId === tb.packageId && solvers.has(s.id));
  return reports
    .filter((r) => about(r.subject))
    .map((r) => ({ date: r.date, title: r.site, ref: `实地考察报告 ${r.reportId}` }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type ProjectClosure = 'terminated' | 'revoked' | 'pass' | 'concluded' | 'fail';

export interface ProjectTimeline {
  entries: TimelineEntry[];
  /** The period end in force (after an approved extension). */
  periodEnd: string;
  /** City funds paid, held and withheld by reduction (万元). */
  paid: Money;
  held: Money;
  reduced: Money;
  next: TimelineEntry | null;
  overdue: TimelineEntry[];
  closure: ProjectClosure | null;
}

const CHANGE_LABEL: Record<Extract<ProjectForm, { form: 'change' }>['kind'], string> = {
  'unit-name': '项目承担单位名称变更',
  'project-leader': '项目负责人变动',
  'major-budget-adjustment': '项目资金重大调整',
  'change-issuer': '变更发榜方',
  'change-solver': '变更揭榜方',
};

const EFFECT_LABEL: Record<MilestoneAssessmentForm['effect'], string> = {
  released: '拨付',
  held: '暂缓拨付',
  reduced: '核减拨付',
};

/** What an assessment did to its tranche, as the timeline says it. */
function effectDetail(a: MilestoneAssessmentForm): string {
  const why = a.reason ? `：${a.reason}` : '';
  if (a.effect === 'released') return `拨付 ${a.released} 万元`;
  if (a.effect === 'held') return `暂缓 ${a.tranche} 万元${why}`;
  return `拨付 ${a.released} 万元，核减 ${money(dec(a.tranche).minus(dec(a.released)))} 万元${why}`;
}

/** The latest assessment of each milestone: the one that counts. */
function latestAssessments(docs: readonly AwardDocument[]): Map<string, MilestoneAssessmentForm> {
  const out = new Map<string, MilestoneAssessmentForm>();
  for (const [id, list] of assessmentsByMilestone(docs)) {
    const last = list.at(-1);
    if (last) out.set(id, last);
  }
  return out;
}

/**
 * City funds paid so far (万元): every released tranche and, once a race choice is signed, each
 * solver's race share (第十三条（三）) — which stands for the race stage's milestones, so their
 * releases are not counted twice.
 */
export function cityPaid(docs: readonly AwardDocument[], tb?: TaskBook): Money {
  const race = signedRaceChoice(docs);
  const dueOf = new Map((tb?.milestones ?? []).map((m) => [m.id, m.due]));
  const released = [...latestAssessments(docs).values()].flatMap((a) => {
    const due = dueOf.get(a.milestoneId);
    return race && due !== undefined && isRaceStage(due, race) ? [] : [a.released];
  });
  return money(sum([...(race ? race.solvers.map((s) => s.raceShare) : []), ...released]));
}

/**
 * An entry's state on `today`: nothing dated after today is done (已完成). A signed document dated
 * later (a change taking effect later) is on the record (记录), not yet done and nothing to do;
 * the period's start still to come is set upcoming (待办) where it is made.
 */
export function stateOn(
  entry: Pick<TimelineEntry, 'date' | 'state'>,
  today: string,
): TimelineState {
  return entry.state === 'done' && entry.date > today ? 'info' : entry.state;
}

/**
 * The project's timeline on `today` (YYYY-MM-DD, the caller's clock): each entry's state from its
 * date and what the signed documents say (`stateOn`).
 */
export function buildTimeline(
  tb: TaskBook,
  docs: readonly AwardDocument[],
  today: string,
  inspections: readonly TimelineInspection[] = [],
): ProjectTimeline {
  const entries: TimelineEntry[] = [];
  const forms = docs.flatMap((d) => (d.type === 'form' ? [d.doc] : []));
  const termination = forms.find((f) => f.form === 'termination');
  const acceptance = forms.filter((f) => f.form === 'acceptance').at(-1);
  const closure: ProjectClosure | null = termination
    ? termination.decision === 'terminate'
      ? 'terminated'
      : 'revoked'
    : (acceptance?.outcome ?? null);
  const due = (date: string): TimelineState =>
    closure ? 'info' : date < today ? 'overdue' : 'upcoming';

  entries.push({
    date: tb.period.start,
    what: '实施周期开始',
    detail: `任务书 ${tb.taskBookId}（${tb.title}）`,
    state: tb.period.start <= today ? 'done' : closure ? 'info' : 'upcoming',
    article: '第十二条（七）',
  });

  const assessed = assessmentsByMilestone(docs);
  let held = ZERO;
  let reduced = ZERO;
  for (const m of tb.milestones) {
    const all = assessed.get(m.id) ?? [];
    const a = all.at(-1);
    // The assessments a re-assessment (复核) replaced stay on the timeline as history.
    for (const [n, before] of all.slice(0, -1).entries())
      entries.push({
        date: before.assessedOn,
        what: `里程碑 ${m.id} 考核：${before.passed ? '通过' : '未通过'}（${before.assessmentId}，已复核）`,
        detail: `${effectDetail(before)}；由 ${all[n + 1]?.assessmentId ?? ''} 复核`,
        state: 'info',
        article: '第十二条（八）3',
      });
    if (!a) {
      entries.push({
        date: m.due,
        what: `里程碑 ${m.id} 考核`,
        detail: `${m.title}；考核后拨付 ${m.tranche} 万元`,
        state: due(m.due),
        article: '第十二条（八）3',
      });
      continue;
    }
    entries.push({
      date: a.assessedOn,
      what: `里程碑 ${m.id} 考核：${a.passed ? '通过' : '未通过'}${all.length > 1 ? `（${a.assessmentId}，复核）` : ''}`,
      detail: `${m.title}；考核专家 ${a.assessors.join('、')}；发榜方技术负责人 ${a.technicalManager}${a.approvedOn ? `；市科技局 ${formatDateZh(a.approvedOn)} 审定` : ''}`,
      state: a.passed ? 'done' : 'failed',
      article: '第十二条（八）3',
    });
    const withheld = dec(a.tranche).minus(dec(a.released));
    if (a.effect === 'held') held = held.plus(withheld);
    if (a.effect === 'reduced') reduced = reduced.plus(withheld);
    const label = EFFECT_LABEL[a.effect];
    entries.push({
      date: a.approvedOn ?? a.assessedOn,
      what: `里程碑 ${m.id} 经费：${label}`,
      detail: effectDetail(a),
      state: a.effect === 'released' ? 'paid' : a.effect,
      article: '第十三条',
    });
  }

  for (const d of docs) {
    if (d.type !== 'race') continue;
    const c = d.doc;
    const chosen = c.solvers.find((s) => s.applicantId === c.chosenId);
    entries.push({
      date: c.approvedOn ?? c.assessedOn,
      what: `赛马择优：${chosen ? chosen.name : c.chosenId} 继续研究`,
      detail: c.solvers
        .map(
          (s) =>
            `${s.name} ${s.score} 分${s.passed ? '' : '（未通过）'}，赛马阶段 ${s.raceShare} 万元`,
        )
        .join('；'),
      state: 'done',
      article: '第十三条（三）',
    });
  }
  const race = signedRaceChoice(docs);
  if (race)
    for (const s of race.solvers)
      entries.push({
        date: raceChoiceDate(race),
        what: `赛马阶段拨付：${s.name} ${s.raceShare} 万元`,
        detail: s.applicantId === race.chosenId ? '择优支持，继续开展项目研究' : '赛马阶段结束',
        state: 'paid',
        article: '第十三条（三）',
      });

  for (const f of forms) {
    switch (f.form) {
      case 'change':
        entries.push({
          date: f.effectiveOn ?? f.requestedOn,
          what: `变更：${CHANGE_LABEL[f.kind]}`,
          detail: `${f.from ? `${f.from} → ` : ''}${f.to}${f.approved ? `（${f.approvedOn ? `${formatDateZh(f.approvedOn)} ` : ''}审核同意）` : '（待审核）'}`,
          state: f.approved ? 'done' : 'info',
          article:
            f.kind === 'change-issuer' || f.kind === 'change-solver' ? '第十七条' : '第十八条',
        });
        break;
      case 'extension':
        entries.push({
          date: f.approvedOn ?? f.requestedOn,
          what: `延期：至 ${formatDateZh(f.newEnd)}`,
          detail: `${formatDateZh(f.requestedOn)} 申请，原到期 ${formatDateZh(f.currentEnd)}${f.approvedOn ? '，已审核同意' : '，待审核'}`,
          state: f.approvedOn ? 'done' : 'info',
          article: '第十九条',
        });
        break;
      case 'termination': {
        const r = terminationRecovery(f);
        entries.push({
          date: f.decidedOn,
          what: f.decision === 'terminate' ? '项目终止' : '项目撤销',
          detail: f.reason,
          state: 'failed',
          article: '第十七条',
        });
        entries.push({
          date: f.decidedOn,
          what: `收回 ${r.amount} 万元`,
          detail: r.basis,
          state: 'recovery',
          article: r.article,
        });
        break;
      }
      case 'acceptance': {
        entries.push({
          date: f.appliedOn,
          what: '验收申请',
          detail: `${f.materials.length} 项材料${f.hasUserTechnicalEvaluation ? '；发榜方用户技术评价报告' : ''}`,
          state: 'done',
          article: '第十二条（九）',
        });
        if (f.outcome) {
          entries.push({
            date: f.evaluatedOn ?? f.appliedOn,
            what: `验收结论：${ACCEPTANCE_LABEL[f.outcome]}`,
            detail: f.opinion,
            state: f.outcome === 'fail' ? 'failed' : 'done',
            article: '第十二条（九）3',
          });
        }
        const r = acceptanceRecovery(f);
        if (r)
          entries.push({
            date: f.evaluatedOn ?? f.appliedOn,
            what: `收回 ${r.amount} 万元`,
            detail: r.basis,
            state: 'recovery',
            article: r.article,
          });
        break;
      }
    }
  }

  for (const i of inspections)
    entries.push({
      date: i.date,
      what: `实地考察：${i.title}`,
      detail: i.ref,
      state: 'done',
      article: '第十四条',
    });

  const periodEnd = periodEndInForce(tb, docs);
  const extended = forms.some((f) => f.form === 'extension' && f.approvedOn);
  if (!extended && !closure) {
    const last = addDays(periodEnd, -30);
    entries.push({
      date: last,
      what: '延期申请截止',
      detail: `实施周期到期 30 日前（到期 ${formatDateZh(periodEnd)}）`,
      state: last < today ? 'info' : 'upcoming',
      article: '第十九条',
    });
  }
  entries.push({
    date: periodEnd,
    what: '实施周期结束',
    detail: extended ? `延期后（原 ${formatDateZh(tb.period.end)}）` : '',
    // Closed early (terminated, revoked, accepted before the end): a later end date never comes.
    state: periodEnd < today ? 'done' : closure ? 'info' : 'upcoming',
    article: extended ? '第十九条' : '第十二条（七）',
  });
  if (!acceptance) {
    const by = addDays(periodEnd, 30);
    entries.push({
      date: by,
      what: '验收申请截止',
      detail: `实施周期结束后 30 日内（${formatDateZh(periodEnd)} 后）`,
      state: due(by),
      article: '第十二条（九）1',
    });
  }

  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dated = entries.map((e) => ({ ...e, state: stateOn(e, today) }));
  return {
    entries: dated,
    periodEnd,
    paid: cityPaid(docs, tb),
    held: money(held),
    reduced: money(reduced),
    next: dated.find((e) => e.state === 'upcoming') ?? null,
    overdue: dated.filter((e) => e.state === 'overdue'),
    closure,
  };
}

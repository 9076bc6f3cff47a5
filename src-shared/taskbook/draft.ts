/**
 * The task book (任务书/军令状) drafted from a signed panel decision: parties, chief expert,
 * period, milestones with tranches, race-stage targets, funding — everything the review package
 * and the decision already say, so the editor starts from a book the rules nearly accept and the
 * user fills in only what is new (contract number, IP ownership and benefit sharing, 第十五条).
 */
import { z } from 'zod';
import { addDays, addMonths } from '../calendar';
import { dec, money, sum } from '../money';
import {
  TaskBookSchema,
  type PanelDecision,
  type ReviewPackage,
  type TaskBook,
  type TaskMilestone,
} from '../model';
import { TASKBOOK_LABELS } from '../model/labels';
import { describeSchemaIssue } from '../scoring/sheet';
import { shapeOfDraft } from './judge';

/**
 * The last day of a period of `months` calendar months from `iso`: the day before the same day
 * `months` later, or — where that month has no such day — that month's last day
 * (2027-01-31 + 1 month ends 2027-02-28; 2027-01-01 + 30 months ends 2029-06-30).
 */
export function endAfterMonths(iso: string, months: number): string {
  const same = addMonths(iso, months);
  return same.slice(8) === iso.slice(8) ? addDays(same, -1) : same;
}

/** The first day of the month after `iso` (a task book starts on a month boundary). */
export function nextMonthStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 1)).toISOString().slice(0, 10);
}

/** The solvers a decision names: every horse-race solver, or the first recommended (第十二条（五）). */
export function solverIdsOf(decision: PanelDecision): string[] {
  return decision.horseRace
    ? [...decision.horseRace.solverIds]
    : decision.recommendedIds.slice(0, 1);
}

/** Splits `total` (万元) into `n` tranches of 2 decimals; the last takes the rounding remainder. */
export function splitTranches(total: string, n: number): string[] {
  if (n <= 0) return [];
  const each = dec(total).div(n).toDecimalPlaces(2, 1);
  const head = Array.from({ length: n - 1 }, () => money(each));
  return [...head, money(dec(total).minus(sum(head)))];
}

export function draftTaskBook(
  pkg: ReviewPackage,
  decision: PanelDecision,
  today: string,
): TaskBook {
  const solverIds = solverIdsOf(decision);
  const solvers = solverIds.flatMap((id) => pkg.applicants.filter((a) => a.id === id));
  const lead = solvers[0];
  const start = nextMonthStart(today);
  const end = endAfterMonths(start, pkg.demand.periodMonths);
  const indicator = (id: string) => {
    const i = pkg.demand.indicators.find((x) => x.id === id);
    return i ? `${i.name}：${i.target}` : id;
  };
  const proposals = lead?.milestones ?? [];
  const tranches = splitTranches(
    decision.approvedTotal,
    proposals.length > 0 ? proposals.length : 3,
  );
  const milestones: TaskMilestone[] =
    proposals.length > 0
      ? proposals.map((m, i) => ({
          id: m.id,
          title: m.title,
          due: endAfterMonths(start, Math.min(m.month, pkg.demand.periodMonths)),
          deliverables: m.deliverables.length > 0 ? [...m.deliverables] : [m.title],
          indicators: m.indicatorIds.map(indicator),
          tranche: tranches[i] ?? '0',
        }))
      : [
          ['M1', '立项：实施方案', 3],
          ['M2', '“里程碑”考核', Math.ceil(pkg.demand.periodMonths / 2)],
          ['M3', '验收', pkg.demand.periodMonths],
        ].map(([id, title, month], i) => ({
          id: String(id),
          title: String(title),
          due: endAfterMonths(start, Number(month)),
          deliverables: [String(title)],
          indicators: [],
          tranche: tranches[i] ?? '0',
        }));
  const orgName = (a: (typeof solvers)[number]) =>
    a.members.find((m) => m.id === a.chiefExpert.organisationId)?.name ?? a.name;
  return {
    formatVersion: 1,
    taskBookId: `TB-${pkg.packageId}`.slice(0, 64),
    packageId: pkg.packageId,
    contractNumber: '',
    title: pkg.demand.title,
    projectType: pkg.demand.projectType,
    parties: [
      { role: 'bureau', name: pkg.bureau.name, representative: '', address: '' },
      { role: 'issuer', name: pkg.demand.issuer.name, representative: '', address: '' },
      // 法定代表人 is left for the user: the chief expert is not the solver's legal representative.
      ...solvers.map((a) => ({
        role: 'solver' as const,
        name: a.name,
        applicantId: a.id,
        representative: '',
        address: '',
        chiefExpert: {
          name: a.chiefExpert.name,
          title: a.chiefExpert.title,
          organisation: orgName(a),
        },
      })),
    ],
    period: { start, end },
    objectives: pkg.demand.technicalRequirements,
    milestones,
    raceStageTargets: decision.horseRace
      ? solvers.map((a) => ({
          applicantId: a.id,
          targets: pkg.demand.indicators.map((i) => `${i.name}：${i.target}`),
        }))
      : [],
    intellectualProperty: { ownership: '', benefitSharing: '' },
    funding: {
      city: decision.approvedTotal,
      issuer: '0',
      selfRaised: '0',
      ...(pkg.demand.projectType === 'enterprise' && pkg.demand.contractAmount
        ? { contractAmount: pkg.demand.contractAmount }
        : {}),
    },
    isHorseRace: decision.horseRace !== undefined,
    status: 'draft',
  };
}

/**
 * A draft as the editor keeps it: the task book's shape with every text still free to be empty
 * or half typed. Drafts are stored like this and checked against TaskBookSchema as they change.
 */
const Str = z.string().max(20_000);
const DraftChiefExpertSchema = z.object({ name: Str, title: Str, organisation: Str });

/**
 * A draft saved before solvers named their own chief experts (one record for all, names joined
 * with 、) gets one per solver: the record's parts when it lists one per solver, else the whole.
 */
export function liftChiefExpert(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const legacy = DraftChiefExpertSchema.safeParse(Reflect.get(raw, 'chiefExpert'));
  const parties: unknown = Reflect.get(raw, 'parties');
  if (!legacy.success || !Array.isArray(parties)) return raw;
  const solvers = parties.filter((p: unknown) => isSolver(p)).length;
  const part = (text: string, k: number) => {
    const parts = text.split('、');
    return parts.length === solvers ? (parts[k] ?? '') : text;
  };
  let k = 0;
  const lifted = parties.map((p: unknown) => {
    if (!isSolver(p) || typeof p !== 'object' || p === null) return p;
    const at = k++;
    const { name, title, organisation } = legacy.data;
    return {
      ...p,
      chiefExpert: {
        name: part(name, at),
        title: part(title, at),
        organisation: part(organisation, at),
      },
    };
  });
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'chiefExpert'));
  return { ...rest, parties: lifted };
}

const isSolver = (p: unknown): boolean =>
  typeof p === 'object' && p !== null && Reflect.get(p, 'role') === 'solver';

const DraftShapeSchema = z.object({
  formatVersion: z.literal(1),
  taskBookId: Str,
  packageId: Str,
  contractNumber: Str,
  title: Str,
  projectType: z.enum(['industry-common', 'enterprise']),
  parties: z.array(
    z.object({
      role: z.enum(['bureau', 'issuer', 'solver']),
      name: Str,
      applicantId: Str.optional(),
      representative: Str,
      address: Str,
      chiefExpert: DraftChiefExpertSchema.optional(),
    }),
  ),
  period: z.object({ start: Str, end: Str }),
  objectives: Str,
  milestones: z.array(
    z.object({
      id: Str,
      title: Str,
      due: Str,
      deliverables: z.array(Str),
      indicators: z.array(Str),
      tranche: Str,
      applicantId: Str.optional(),
    }),
  ),
  raceStageTargets: z.array(z.object({ applicantId: Str, targets: z.array(Str) })),
  intellectualProperty: z.object({ ownership: Str, benefitSharing: Str }),
  funding: z.object({ city: Str, issuer: Str, selfRaised: Str, contractAmount: Str.optional() }),
  isHorseRace: z.boolean(),
  status: z.enum(['draft', 'final']),
});
export const TaskBookDraftSchema = z.preprocess(liftChiefExpert, DraftShapeSchema);
export type TaskBookDraft = z.infer<typeof DraftShapeSchema>;

export type DraftCheck =
  | { ok: true; tb: TaskBook }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/**
 * Whether a draft is a complete task book yet; if not, what is missing or malformed, by field —
 * each named as every door names the task book's fields (`describeSchemaIssue` with
 * TASKBOOK_LABELS: 「里程碑第 2 项 完成时间：…」, the same line `jiebang check` prints).
 */
export function checkDraft(draft: TaskBookDraft): DraftCheck {
  // Empty lines in list fields are the editor's spare rows, not content.
  const parsed = TaskBookSchema.safeParse(shapeOfDraft(draft));
  if (parsed.success) return { ok: true, tb: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      // In the task book's own words (TASKBOOK_LABELS), as `jiebang check` says it.
      message: describeSchemaIssue(i, TASKBOOK_LABELS),
    })),
  };
}

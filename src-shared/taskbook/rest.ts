/**
 * A task book judged whole: what its format refuses and, beside it, the rules' findings on every
 * other part — one refused field does not hide what the rules say of the rest. The editor
 * (`judgeDraft`) and `jiebang check` list both, the format first.
 */
import type { PanelDecision, ReviewPackage, TaskBook } from '../model';
import { checkTaskBook, type Finding } from '../rules';
import type { FormatIssue } from './judge';

type Path = readonly (string | number)[];

/** `path` lies in `field` (a finding on milestone 1's date lies in milestone 1); '*' any index. */
const within = (path: Path, field: Path): boolean =>
  field.length <= path.length && field.every((k, i) => k === '*' || k === path[i]);

/** One path lies in the other. */
const overlaps = (a: Path, b: Path): boolean => within(a, b) || within(b, a);

/**
 * The fields a rule's finding rests on besides its own path (a milestone outside the period rests
 * on the period and names the milestone): left out when one of them is refused.
 */
const RESTS_ON: Readonly<Record<string, readonly Path[]>> = {
  'period.order': [['period']],
  'period.twoToThreeYears': [['period']],
  'milestones.withinPeriod': [['period'], ['milestones', '*', 'title']],
  'funding.tranchesSum': [
    ['funding', 'city'],
    ['milestones', '*', 'tranche'],
  ],
  'funding.threeStages': [
    ['funding', 'city'],
    ['milestones', '*', 'tranche'],
  ],
  'funding.staged': [
    ['funding', 'city'],
    ['milestones', '*', 'tranche'],
  ],
  'funding.cityShare': [['funding']],
  'funding.contractAmount': [['funding']],
  'funding.issuerInvestment': [['funding']],
  'funding.issuerMain': [['funding']],
  'parties.noChange': [
    ['parties', '*', 'name'],
    ['parties', '*', 'applicantId'],
  ],
  'parties.representative': [['parties', '*', 'name']],
  'horseRace.stageTargets': [['raceStageTargets'], ['parties', '*', 'name']],
};

/**
 * The rules' findings (`checkTaskBook`) on the parts of `tb` its format does not refuse: each
 * refused period date or amount is given a readable stand-in (the rules read days and amounts),
 * and a finding in a refused field, or resting on one (`RESTS_ON`), is left out — the format
 * finding speaks for that field. `issues` empty: the rules' findings on `tb` as they are.
 */
export function rulesOfTheRest(
  tb: TaskBook,
  issues: readonly FormatIssue[],
  pkg?: ReviewPackage,
  decision?: PanelDecision,
): Finding[] {
  if (issues.length === 0) return checkTaskBook(tb, pkg, decision);
  const refused = issues.map((i) => i.path);
  const standsOnRefused = (f: Finding) =>
    refused.some(
      (p) => within(f.path, p) || (RESTS_ON[f.rule] ?? []).some((rest) => overlaps(p, rest)),
    );
  return checkTaskBook(withStandIns(tb, refused), pkg, decision).filter((f) => !standsOnRefused(f));
}

/** A readable stand-in for each refused period date, due date and amount. */
function withStandIns(tb: TaskBook, refused: readonly Path[]): TaskBook {
  const hit = (...path: (string | number)[]) => refused.some((p) => overlaps(p, path));
  const start = hit('period', 'start') ? '2000-01-01' : tb.period.start;
  const end = hit('period', 'end') ? '2000-01-02' : tb.period.end;
  const amount = (v: string, ...path: (string | number)[]) => (hit(...path) ? '0' : v);
  return {
    ...tb,
    period: { start, end },
    milestones: tb.milestones.map((m, i) => ({
      ...m,
      due: hit('milestones', i, 'due') ? start : m.due,
      tranche: amount(m.tranche, 'milestones', i, 'tranche'),
    })),
    funding: {
      ...tb.funding,
      city: amount(tb.funding.city, 'funding', 'city'),
      issuer: amount(tb.funding.issuer, 'funding', 'issuer'),
      selfRaised: amount(tb.funding.selfRaised, 'funding', 'selfRaised'),
      ...(tb.funding.contractAmount === undefined
        ? {}
        : { contractAmount: amount(tb.funding.contractAmount, 'funding', 'contractAmount') }),
    },
  };
}

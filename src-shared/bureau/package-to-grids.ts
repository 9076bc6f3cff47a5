/**
 * The inverse of `packageFromGrids`: the bureau's tables filled from a review package (the sample
 * in `resources/templates/sample/`, or later the desk's export), or left empty with the defaults
 * (the templates). `packageFromGrids(gridsFromPackage(pkg))` gives `pkg` back: a test holds it.
 */
import type { Aggregation, ReviewPackage, Rubric } from '../model';
import { writeBands } from './cells';
import { DEFAULT_AGGREGATION, DEFAULT_PANEL_MIN_SIZE, DEFAULT_RUBRIC } from './defaults';
import type { CellValue } from './grid';
import {
  APPLICANT_FORMS,
  FIELD_HEADERS,
  ISSUER_KINDS,
  METHODS,
  NOMINATORS,
  ORG_KINDS,
  PROJECT_TYPES,
  RELATIONS,
  TABLES,
  type Choice,
  type TableId,
  type TableSpec,
} from './tables';

export interface TableData {
  spec: TableSpec;
  /** The header row first. */
  rows: CellValue[][];
}

const label = (choices: readonly Choice[], code: string | undefined): CellValue =>
  code === undefined ? null : (choices.find((c) => c.code === code)?.label ?? code);
const yesNo = (b: boolean | undefined): CellValue => (b === undefined ? null : b ? '是' : '否');
const num = (money: string | undefined): CellValue => (money === undefined ? null : Number(money));
const fileOf = (path: string): string => path.replace(/^attachments\//, '');

type Row = Record<string, CellValue>;

function table(spec: TableSpec, records: readonly Row[]): TableData {
  if (spec.layout === 'fields') {
    const [record = {}] = records;
    return {
      spec,
      rows: [[...FIELD_HEADERS], ...spec.columns.map((c) => [c.header, record[c.key] ?? null])],
    };
  }
  return {
    spec,
    rows: [
      spec.columns.map((c) => c.header),
      ...records.map((r) => spec.columns.map((c) => r[c.key] ?? null)),
    ],
  };
}

function criteriaRows(rubric: Rubric): Row[] {
  return rubric.criteria.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    max: c.maxPoints,
    step: c.step,
    weight: c.weight ?? null,
    comment: yesNo(c.requiresComment),
    article: c.article ?? null,
    bands: writeBands(c.guidanceBands),
  }));
}

function settingsRow(agg: Aggregation, rubric: Rubric, minSize: number): Row {
  return {
    method: label(METHODS, agg.method),
    trimMinSheets: agg.trimMinSheets,
    deviation: agg.deviationThreshold,
    closeness: agg.horseRaceCloseness,
    passScore: agg.passScore,
    minValidSheets: agg.minValidSheets,
    tieBreak: agg.tieBreakOrder.join('、'),
    commentBelow: rubric.commentBelowFraction,
    panelMinSize: minSize,
  };
}

/** The templates' tables: empty lists, the default rubric and settings filled in. */
export function templateTables(): TableData[] {
  const filled: Partial<Record<TableId, Row[]>> = {
    criteria: criteriaRows(DEFAULT_RUBRIC),
    settings: [settingsRow(DEFAULT_AGGREGATION, DEFAULT_RUBRIC, DEFAULT_PANEL_MIN_SIZE)],
  };
  return TABLES.map((spec) => table(spec, filled[spec.id] ?? []));
}

/** Every table filled from `pkg`. */
export function tablesFromPackage(pkg: ReviewPackage): TableData[] {
  const d = pkg.demand;
  const records: Record<TableId, Row[]> = {
    review: [
      {
        packageId: pkg.packageId,
        title: pkg.title,
        bureauName: pkg.bureau.name,
        ageRecipient: pkg.bureau.ageRecipient,
        reviewDate: pkg.schedule.reviewDate,
        publicityStart: pkg.schedule.publicityStart ?? null,
        demandId: d.id,
        demandTitle: d.title,
        issuerName: d.issuer.name,
        issuerCreditCode: d.issuer.creditCode,
        issuerKind: label(ISSUER_KINDS, d.issuer.kind),
        issuerIsLocal: yesNo(d.issuer.isLocal),
        issuerFunding: yesNo(d.issuer.hasFundingCommitment),
        issuerSanction: yesNo(d.issuer.isOnSanctionList),
        issuerEndUser: yesNo(d.issuer.isEndUser),
        projectType: label(PROJECT_TYPES, d.projectType),
        requirements: d.technicalRequirements,
        budget: num(d.budget),
        cityFunding: num(d.cityFunding),
        contractAmount: num(d.contractAmount),
        periodMonths: d.periodMonths,
        allowsHorseRace: yesNo(d.allowsHorseRace),
      },
    ],
    indicators: d.indicators.map((i) => ({ id: i.id, name: i.name, target: i.target })),
    applicants: pkg.applicants.map((a) => {
      const [relation] = a.relations;
      const proposal = a.attachments.find((x) => x.role === 'proposal');
      const agreement = a.attachments.find((x) => x.id === a.cooperationAgreementId);
      return {
        id: a.id,
        name: a.name,
        form: label(APPLICANT_FORMS, a.isConsortium ? 'consortium' : 'single'),
        lead: a.leadMemberId ?? null,
        relation: label(RELATIONS, relation?.kind),
        relationMember: relation?.memberId ?? null,
        relationNote: relation?.note ?? null,
        requested: num(a.requestedFunding),
        chief: a.chiefExpert.name,
        chiefTitle: a.chiefExpert.title,
        chiefOrg: a.chiefExpert.organisationId,
        routeId: a.technicalRoute.id,
        route: a.technicalRoute.label,
        routeSummary: a.technicalRoute.summary,
        proposalFile: proposal ? fileOf(proposal.path) : null,
        proposalTitle: proposal?.name ?? null,
        agreementFile: agreement ? fileOf(agreement.path) : null,
        agreementTitle: agreement?.name ?? null,
      };
    }),
    members: pkg.applicants.flatMap((a) =>
      a.members.map((m) => ({
        applicant: a.id,
        id: m.id,
        name: m.name,
        creditCode: m.creditCode,
        kind: label(ORG_KINDS, m.kind),
        legal: yesNo(m.isLegalEntity),
        sanction: yesNo(m.isOnSanctionList),
      })),
    ),
    milestones: pkg.applicants.flatMap((a) =>
      a.milestones.map((m) => ({
        applicant: a.id,
        id: m.id,
        title: m.title,
        month: m.month,
        deliverables: m.deliverables.join('；'),
        indicators: m.indicatorIds.join('、'),
      })),
    ),
    experts: pkg.panel.experts.map((e) => ({
      id: e.id,
      name: e.name,
      organisation: e.organisation,
      title: e.title,
      expertise: e.expertise,
      chair: yesNo(e.role === 'chair'),
      nominatedBy: label(NOMINATORS, e.nominatedBy),
    })),
    criteria: criteriaRows(pkg.rubric),
    settings: [settingsRow(pkg.aggregation, pkg.rubric, pkg.panel.minSize)],
  };
  return TABLES.map((spec) => table(spec, records[spec.id]));
}

/**
 * The review package from the bureau's lists (issue 17, `jiebang package new`): the tables of
 * `tables.ts`, read from Excel workbooks or CSV, and the proposal files beside them. Every bad row
 * is named — file, sheet, row, column, why, the article where a rule of the measures says so — and
 * no package is made until every row is good: the same schema (`ReviewPackageSchema`) and the
 * same rules (`checkReviewPackage`) as every other door, their findings pointed back at the cell.
 */
import { capLines } from '../io';
import { ReviewPackageSchema, type ReviewPackage } from '../model';
import { checkReviewPackage, type Finding } from '../rules';
import { describeLocation, type Grid } from './grid';
import { describeCell, readTables, type CellAt, type TableRecord } from './records';
import type { TableId } from './tables';

/** A file beside the workbooks (a proposal, an agreement), as the door found it. */
export interface FolderFile {
  size: number;
  sha256: string;
}

export type PackageFromGrids =
  | {
      ok: true;
      pkg: ReviewPackage;
      /** Warnings and notes of the rules, each placed at its cell. */
      notes: string[];
      /** Each attachment's path in the package and the folder file it is made from. */
      attachments: { path: string; file: string }[];
    }
  | {
      ok: false;
      problems: string[];
      /** When the rules refused it: the blocking findings the problems place (with articles). */
      findings?: Finding[];
    };

/** Media types a proposal or agreement may have, by extension. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const SAFE_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/** The attachment's path inside the bundle: its own name where that is path-safe, else `<id>.<ext>`. */
export function attachmentPath(file: string, id: string): string {
  const ext = file.split('.').pop()?.toLowerCase() ?? '';
  return `attachments/${SAFE_NAME.test(file) ? file : `${id}.${ext}`}`;
}

/** Where a place in the package came from: a record, or a whole table. */
interface Source {
  path: readonly (string | number)[];
  record?: TableRecord;
  grid?: Grid;
}

/** The location of a package path (a finding's or a schema issue's), by the longest known prefix. */
function locate(sources: readonly Source[], path: readonly (string | number)[]): string | null {
  let best: Source | undefined;
  for (const s of sources) {
    const isPrefix = s.path.length <= path.length && s.path.every((p, i) => path[i] === p);
    if (isPrefix && (!best || s.path.length > best.path.length)) best = s;
  }
  if (!best) return null;
  const rest = path.slice(best.path.length).filter((p) => typeof p === 'string');
  if (!best.record) return best.grid ? describeLocation(best.grid) : null;
  const columns = best.record.table.columns.filter((c) => c.field !== '');
  const fieldOf = (field: string) => field.split('.');
  // The column whose field is the longest prefix of the rest; else one the rest is a prefix of.
  let column = columns
    .filter((c) => fieldOf(c.field).every((f, i) => rest[i] === f))
    .sort((a, b) => fieldOf(b.field).length - fieldOf(a.field).length)[0];
  if (!column && rest.length > 0)
    column = columns.find((c) => rest.every((r, i) => fieldOf(c.field)[i] === r));
  const at: CellAt = column
    ? best.record.at(column.key)
    : { grid: best.record.grid, row: best.record.row, col: 0, header: '' };
  return column ? describeCell(at) : describeLocation(at.grid, at.row);
}

/** Builds the review package; see the module doc. */
export function packageFromGrids(
  grids: readonly Grid[],
  files: ReadonlyMap<string, FolderFile>,
): PackageFromGrids {
  const read = readTables(grids);
  const problems = read.problems;
  const rows = (id: TableId) => read.records.get(id) ?? [];
  const sources: Source[] = [];
  const tableSource = (id: TableId, path: (string | number)[]) => {
    const grid = read.grids.get(id);
    if (grid) sources.push({ path, grid });
  };
  tableSource('applicants', ['applicants']);
  tableSource('indicators', ['demand', 'indicators']);
  tableSource('experts', ['panel', 'experts']);
  tableSource('criteria', ['rubric', 'criteria']);

  /** Ids of a table unique: the second row naming the first. */
  const unique = (records: readonly TableRecord[], key: string, what: string) => {
    const seen = new Map<string, number>();
    return records.map((r) => {
      const id = r.id(key);
      if (id === undefined) return undefined;
      const first = seen.get(id);
      if (first !== undefined) r.problem(key, `${what} ${id} 与第 ${first} 行重复`);
      else seen.set(id, r.row);
      return id;
    });
  };

  // ---- 榜单 (one record) ----
  const [review] = rows('review');
  if (review) sources.push({ path: [], record: review });
  const indicatorRecords = rows('indicators');
  const indicatorIds = unique(indicatorRecords, 'id', '指标编号');
  const indicators = indicatorRecords.map((r, i) => {
    sources.push({ path: ['demand', 'indicators', i], record: r });
    return { id: indicatorIds[i], name: r.text('name'), target: r.text('target') };
  });
  const knownIndicators = new Set(indicatorIds.filter((x) => x !== undefined));

  // ---- 揭榜方, 成员单位, 里程碑 ----
  const applicantRecords = rows('applicants');
  const applicantIds = unique(applicantRecords, 'id', '揭榜方编号');
  const known = new Set(applicantIds.filter((x) => x !== undefined));
  // References to applicants are checked only against a table that was read.
  const isKnown = (id: string) => !read.records.has('applicants') || known.has(id);
  const memberRecords = rows('members');
  const memberIds = unique(memberRecords, 'id', '单位编号');
  const membersOf = new Map<string, { record: TableRecord; id: string | undefined }[]>();
  memberRecords.forEach((r, i) => {
    const owner = r.id('applicant');
    if (owner === undefined) return;
    if (!isKnown(owner)) r.problem('applicant', `揭榜方编号 ${owner} 不在「揭榜方」表中`);
    membersOf.set(owner, [...(membersOf.get(owner) ?? []), { record: r, id: memberIds[i] }]);
  });
  const milestonesOf = new Map<string, TableRecord[]>();
  for (const r of rows('milestones')) {
    const owner = r.id('applicant');
    if (owner === undefined) continue;
    if (!isKnown(owner)) r.problem('applicant', `揭榜方编号 ${owner} 不在「揭榜方」表中`);
    milestonesOf.set(owner, [...(milestonesOf.get(owner) ?? []), r]);
  }

  const attachments: { path: string; file: string }[] = [];
  const attachment = (
    r: TableRecord,
    fileKey: string,
    titleKey: string,
    id: string,
    role: 'proposal' | 'cooperation-agreement',
    defaultTitle: string,
  ) => {
    const file = r.text(fileKey);
    if (file === undefined) return undefined;
    const found = files.get(file);
    const ext = file.split('.').pop()?.toLowerCase() ?? '';
    const mediaType = ATTACHMENT_TYPES[ext];
    if (!found) {
      r.problem(fileKey, `文件夹中没有名为“${file}”的文件`);
      return undefined;
    }
    if (!mediaType) {
      r.problem(fileKey, `“${file}”应为 PDF、OFD、Word 或图片文件`);
      return undefined;
    }
    const path = attachmentPath(file, id);
    attachments.push({ path, file });
    return {
      id,
      name: r.text(titleKey) ?? defaultTitle,
      mediaType,
      sha256: found.sha256,
      size: found.size,
      path,
      role,
    };
  };

  const applicants = applicantRecords.map((r, i) => {
    const id = applicantIds[i];
    sources.push({ path: ['applicants', i], record: r });
    const name = r.text('name');
    const isConsortium = r.choice('form') === 'consortium';
    const members = (id === undefined ? [] : (membersOf.get(id) ?? [])).map((m, j) => {
      sources.push({ path: ['applicants', i, 'members', j], record: m.record });
      return {
        id: m.id,
        name: m.record.text('name'),
        creditCode: m.record.creditCode('creditCode'),
        kind: m.record.choice('kind'),
        isLegalEntity: m.record.bool('legal'),
        isOnSanctionList: m.record.bool('sanction'),
      };
    });
    if (id !== undefined && members.length === 0)
      r.problem('id', `「成员单位」表中没有揭榜方 ${id} 的成员单位（单独揭榜也须填一行）`);
    const memberSet = new Set(members.map((m) => m.id));
    const inMembers = (key: string, what: string) => {
      const value = r.id(key);
      if (value !== undefined && id !== undefined && !memberSet.has(value))
        r.problem(key, `${what} ${value} 不是揭榜方 ${id} 的成员单位`);
      return value;
    };
    const lead = inMembers('lead', '牵头单位');
    const relationMember = inMembers('relationMember', '单位');
    const chiefOrg = inMembers('chiefOrg', '首席专家所在单位');
    const relationNote = r.text('relationNote');
    const relation = r.choice('relation');
    const proposal = attachment(
      r,
      'proposalFile',
      'proposalTitle',
      `F-${id ?? i + 1}`,
      'proposal',
      `揭榜方案（${name ?? ''}）`,
    );
    const agreement = attachment(
      r,
      'agreementFile',
      'agreementTitle',
      `F-${id ?? i + 1}-AG`,
      'cooperation-agreement',
      '联合揭榜合作协议',
    );
    const milestoneRecords = id === undefined ? [] : (milestonesOf.get(id) ?? []);
    const milestoneIds = unique(milestoneRecords, 'id', '里程碑编号');
    const milestones = milestoneRecords.map((m, j) => {
      sources.push({ path: ['applicants', i, 'milestones', j], record: m });
      const refs = m.ids('indicators');
      for (const ref of refs)
        if (read.records.has('indicators') && !knownIndicators.has(ref))
          m.problem('indicators', `指标编号 ${ref} 不在「指标」表中`);
      return {
        id: milestoneIds[j],
        title: m.text('title'),
        month: m.integer('month'),
        deliverables: m.texts('deliverables'),
        indicatorIds: refs,
      };
    });
    return {
      id,
      name,
      members,
      isConsortium,
      ...(lead !== undefined ? { leadMemberId: lead } : {}),
      ...(agreement ? { cooperationAgreementId: agreement.id } : {}),
      relations:
        relation === undefined
          ? []
          : [
              {
                kind: relation,
                ...(relationMember !== undefined ? { memberId: relationMember } : {}),
                ...(relationNote !== undefined ? { note: relationNote } : {}),
              },
            ],
      chiefExpert: {
        name: r.text('chief'),
        title: r.text('chiefTitle') ?? '',
        organisationId: chiefOrg,
      },
      technicalRoute: {
        id: r.id('routeId'),
        label: r.text('route'),
        summary: r.text('routeSummary') ?? '',
      },
      requestedFunding: r.money('requested'),
      milestones,
      attachments: [proposal, agreement].filter((a) => a !== undefined),
    };
  });

  // ---- 专家组 ----
  const expertRecords = rows('experts');
  const expertIds = unique(expertRecords, 'id', '专家编号');
  const experts = expertRecords.map((r, i) => {
    sources.push({ path: ['panel', 'experts', i], record: r });
    return {
      id: expertIds[i],
      name: r.text('name'),
      organisation: r.text('organisation'),
      title: r.text('title') ?? '',
      expertise: r.text('expertise') ?? '',
      role: r.bool('chair') ? 'chair' : 'member',
      nominatedBy: r.choice('nominatedBy'),
    };
  });

  // ---- 评分细则, 汇总设置 ----
  const criterionRecords = rows('criteria');
  const criterionIds = unique(criterionRecords, 'id', '评分项编号');
  const criteria = criterionRecords.map((r, i) => {
    sources.push({ path: ['rubric', 'criteria', i], record: r });
    const weight = r.number('weight');
    const article = r.text('article');
    return {
      id: criterionIds[i],
      name: r.text('name'),
      description: r.text('description') ?? '',
      maxPoints: r.number('max'),
      step: r.number('step') ?? 0.5,
      guidanceBands: r.bands('bands'),
      ...(weight !== undefined ? { weight } : {}),
      requiresComment: r.bool('comment') ?? false,
      ...(article !== undefined ? { article } : {}),
    };
  });
  const [settings] = rows('settings');
  if (settings) sources.push({ path: [], record: settings });
  const tieBreak = settings?.ids('tieBreak') ?? [];
  const knownCriteria = new Set(criterionIds.filter((x) => x !== undefined));
  for (const id of tieBreak)
    if (read.records.has('criteria') && !knownCriteria.has(id))
      settings?.problem('tieBreak', `评分项编号 ${id} 不在「评分细则」表中`);

  // A missing table is already a problem; every row of the others is read before refusing.
  if (!review || !settings) return { ok: false, problems: capLines(problems) };

  const publicityStart = review.date('publicityStart');
  const contractAmount = review.money('contractAmount');
  const raw = {
    formatVersion: 1,
    packageId: review.id('packageId'),
    title: review.text('title'),
    bureau: { name: review.text('bureauName'), ageRecipient: review.text('ageRecipient') },
    demand: {
      id: review.id('demandId'),
      title: review.text('demandTitle'),
      issuer: {
        name: review.text('issuerName'),
        creditCode: review.creditCode('issuerCreditCode'),
        kind: review.choice('issuerKind'),
        isLocal: review.bool('issuerIsLocal'),
        hasFundingCommitment: review.bool('issuerFunding'),
        isOnSanctionList: review.bool('issuerSanction'),
        isEndUser: review.bool('issuerEndUser'),
      },
      projectType: review.choice('projectType'),
      technicalRequirements: review.text('requirements'),
      indicators,
      budget: review.money('budget'),
      cityFunding: review.money('cityFunding'),
      ...(contractAmount !== undefined ? { contractAmount } : {}),
      periodMonths: review.integer('periodMonths'),
      allowsHorseRace: review.bool('allowsHorseRace'),
    },
    applicants,
    panel: { experts, minSize: settings.integer('panelMinSize') },
    rubric: { criteria, commentBelowFraction: settings.number('commentBelow') },
    aggregation: {
      method: settings.choice('method'),
      trimMinSheets: settings.integer('trimMinSheets'),
      deviationThreshold: settings.number('deviation'),
      tieBreakOrder: tieBreak,
      horseRaceCloseness: settings.number('closeness'),
      passScore: settings.number('passScore'),
      minValidSheets: settings.integer('minValidSheets'),
    },
    schedule: {
      reviewDate: review.date('reviewDate'),
      ...(publicityStart !== undefined ? { publicityStart } : {}),
    },
  };
  if (problems.length > 0) return { ok: false, problems: capLines(problems) };

  const parsed = ReviewPackageSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: capLines(
        parsed.error.issues.map((issue) => {
          const path = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number');
          return `${locate(sources, path) ?? path.join('.')}：${issue.message}`;
        }),
      ),
    };
  const pkg = parsed.data;
  const place = (f: Finding) => `${locate(sources, f.path) ?? f.path.join('.')}：${f.message}`;
  const findings = checkReviewPackage(pkg);
  const blocking = findings.filter((f) => f.severity === 'blocking');
  if (blocking.length > 0)
    return { ok: false, problems: capLines(blocking.map(place)), findings: blocking };
  return {
    ok: true,
    pkg,
    notes: [...findings.map(place), ...leftOut(grids, read.grids, files, attachments)],
    attachments,
  };
}

/**
 * What was handed over but goes into no table and no bundle, told rather than silently dropped:
 * a CSV file that is none of the tables, a workbook none of whose sheets is one (a workbook's other
 * sheets, such as the template's 填写说明, are not named), and a file beside the lists that no
 * applicant's 方案文件 or 合作协议 column names (a stray PDF, a `.jbx` chosen among the proposals).
 */
function leftOut(
  grids: readonly Grid[],
  used: ReadonlyMap<TableId, Grid>,
  files: ReadonlyMap<string, FolderFile>,
  attachments: readonly { file: string }[],
): string[] {
  const usedGrids = new Set(used.values());
  const usedFiles = new Set([...usedGrids].map((g) => g.file));
  const unreadFiles = [...new Set(grids.map((g) => g.file))].filter((f) => !usedFiles.has(f));
  const named = new Set(attachments.map((a) => a.file));
  return [
    ...unreadFiles.map(
      (f) => `${f}：不是名单中的任何一张表（表名或文件名不符），未读取；如属名单，请按模板改名`,
    ),
    ...[...files.keys()]
      .filter((f) => !named.has(f))
      .map(
        (f) =>
          `${f}：「揭榜方」表的「申报书文件」「合作协议文件」两列都没有写这个文件名，不放入文件包`,
      ),
  ];
}

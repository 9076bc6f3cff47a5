/**
 * `jiebang inspection`: the bureau's side of on-site inspections (issue 20). `assign` signs an
 * inspection assignment (实地考察任务) and keeps it in the bureau data folder; `ingest` takes an
 * inspection team's report bundle in — verified, decrypted with the bureau's age identity,
 * answering an assignment kept here (refused by name otherwise), its signers under the import
 * policy, judged by `checkReport` — and keeps it by round; `list` shows the reports by round.
 * Nothing is written unless everything passed.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyImport,
  checkImport,
  describeSubject,
  notKindText,
  openBundle,
} from '../../src-shared/bundle';
import { fingerprint, formatFingerprint, publicKeyOf } from '../../src-shared/crypto/keys';
import {
  answeredAssignment,
  checkReport,
  currentReport,
  FINDING_LABEL,
  FINDINGS,
  readAssignment,
  roundOf,
  tally,
  type HeldAssignment,
} from '../../src-shared/inspection';
import { signAssignment } from '../../src-shared/bureau/desk';
import { capLines } from '../../src-shared/io';
import type { InspectionReport } from '../../src-shared/model';
import { formatDateZh } from '../../src-shared/text/date';
import { hasBlocking } from '../../src-shared/rules';
import { nodeCrypto } from '../crypto/node-crypto';
import {
  bureauData,
  listData,
  nextCounter,
  readTrust,
  writeData,
  writeTrust,
  type BureauData,
} from './bureau-data';
import { sayCounter } from './counter';
import { ageKeyOptions, ageKeys, readSigningKey } from './bundle-io';
import { readBundleFile } from './bounded';
import { findingLines } from './check';
import { cliToday } from './dates';
import { readJsonDocument, writeOutput } from './io';
import { CliUsageError, type CliCommand, type CliIo } from './types';

/** The assignments this bureau signed, each verified again from the data folder. */
async function keptAssignments(data: BureauData): Promise<HeldAssignment[]> {
  const trust = await readTrust(data);
  const out: HeldAssignment[] = [];
  for (const name of await listData(data, ['inspections', 'assignments'])) {
    const path = join(data.dir, 'inspections', 'assignments', name);
    const opened = await openBundle(await readBundleFile(data.dir, path), { crypto: nodeCrypto });
    if (
      !opened.ok ||
      opened.bundle.kind !== 'inspection-assignment' ||
      opened.bundle.manifest.signers[0].fingerprint !== trust.bureauFingerprint
    )
      throw new CliUsageError(`数据目录中的 ${path} 未通过校验，请检查数据目录`);
    out.push({ manifestSha256: opened.bundle.manifestSha256, assignment: opened.bundle.document });
  }
  return out;
}

/** The reports kept in the data folder, by round (each opened again with the bureau's keys). */
async function keptReports(
  data: BureauData,
  keys: Awaited<ReturnType<typeof ageKeys>>,
): Promise<Map<string, InspectionReport[]>> {
  const out = new Map<string, InspectionReport[]>();
  for (const round of await listData(data, ['inspections', 'reports'])) {
    for (const name of await listData(data, ['inspections', 'reports', round])) {
      const path = join(data.dir, 'inspections', 'reports', round, name);
      const opened = await openBundle(await readBundleFile(data.dir, path), {
        crypto: nodeCrypto,
        keys,
      });
      const current =
        opened.ok && opened.bundle.kind === 'inspection-report'
          ? currentReport(opened.bundle.document)
          : null;
      if (!current?.ok)
        throw new CliUsageError(
          `数据目录中的 ${path} 未通过校验（${opened.ok ? '不是考察报告' : opened.error.message}）`,
        );
      out.set(round, [...(out.get(round) ?? []), current.report]);
    }
  }
  return out;
}

async function runAssign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
      data: { type: 'string' },
      counter: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (file === undefined || values.key === undefined || values.out === undefined)
    throw new CliUsageError(
      '用法：jiebang inspection assign ASSIGNMENT.json --key signing.key -o ASSIGNMENT.jbx',
    );
  // The one reading of an assignment file, as `jiebang check` reports it (src-shared/inspection).
  const read = readAssignment(
    await readJsonDocument(io.cwd, file, 'inspection-assignment'),
    cliToday(io),
  );
  if (!read.ok)
    throw new CliUsageError(
      `考察任务 ${file} ${read.malformed ? '格式错误，未签名' : '未签名'}：\n  ${capLines(read.problems).join('\n  ')}`,
    );
  const a = read.assignment;
  const secretKey = await readSigningKey(io.cwd, values.key);
  const fp = fingerprint(publicKeyOf(secretKey));
  const data = bureauData(io.cwd, values.data);
  const trust = await readTrust(data);
  if (trust.bureauFingerprint && trust.bureauFingerprint !== fp)
    throw new CliUsageError(
      `数据目录 ${data.dir} 固定的市科技局密钥是 ${formatFingerprint(trust.bureauFingerprint)}，--key 是 ${formatFingerprint(fp)}；未签名`,
    );
  if ((await keptAssignments(data)).some((h) => h.assignment.assignmentId === a.assignmentId))
    throw new CliUsageError(`考察任务 ${a.assignmentId} 已签发过；请用新的编号，未签名`);
  const signing = nextCounter(data, trust, fp, values.counter);
  const { counter } = signing;
  // The one signing of an assignment, as the bureau's desk signs it (src-shared/bureau/desk.ts).
  const signed = await signAssignment({
    crypto: nodeCrypto,
    assignment: a,
    secretKey,
    trust,
    counter,
    ...(values.name === undefined ? {} : { name: values.name }),
  });
  if (!signed.ok) throw new CliUsageError(signed.reason);
  await writeOutput(io.cwd, values.out, signed.bytes);
  await writeData(data, ['inspections', 'assignments', `${a.assignmentId}.jbx`], signed.bytes);
  await writeTrust(data, signed.trust);
  sayCounter(io, signing);
  io.out(
    `已签发实地考察任务 ${a.assignmentId}：${values.out}\n对象：${describeSubject(a.subject)}；批次：${roundOf(a)}\n考察组：${a.team.map((m) => `${m.name}（${m.id}${m.role === 'leader' ? '，组长' : ''}）`).join('、')}；${formatDateZh(a.dueBy)}前完成\n市科技局签名密钥指纹：${formatFingerprint(fp)}；签名计数 ${counter}\n`,
  );
  return 0;
}

async function runIngest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      ...ageKeyOptions,
    },
  });
  const [file] = positionals;
  if (file === undefined)
    throw new CliUsageError(
      '用法：jiebang inspection ingest REPORT.jbx --identity age.key [--data DIR]',
    );
  const data = bureauData(io.cwd, values.data);
  const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
  const bytes = await readBundleFile(io.cwd, file);
  const opened = await openBundle(bytes, { crypto: nodeCrypto, keys });
  if (!opened.ok) throw new CliUsageError(`${file} 校验失败，未导入：${opened.error.message}`);
  const b = opened.bundle;
  if (b.kind !== 'inspection-report')
    throw new CliUsageError(`${file}：${notKindText('inspection-report', b.kind)}，未导入`);
  const current = currentReport(b.document);
  if (!current.ok) throw new CliUsageError(current.message);
  const report = current.report;
  const answered = answeredAssignment(report, b.manifest.answers, await keptAssignments(data));
  if (!answered.ok) throw new CliUsageError(answered.message);
  const trust = await readTrust(data);
  const verdict = checkImport(b, trust);
  if (verdict.action === 'refuse') throw new CliUsageError(`${file} 未导入：${verdict.reason}`);
  const findings = checkReport(report, answered.held.assignment, cliToday(io));
  if (hasBlocking(findings))
    throw new CliUsageError(
      `${file} 与考察任务不符，未导入：\n  ${findingLines(findings).join('\n  ')}`,
    );
  const round = roundOf(answered.held.assignment);
  if (verdict.action === 'import') {
    await writeData(data, ['inspections', 'reports', round, `${report.reportId}.jbx`], bytes);
    await writeTrust(data, applyImport(trust, b, verdict));
  }
  io.out(
    `${verdict.action === 'duplicate' ? '✓ 此报告此前已导入，未作任何更改' : `✓ 已收回实地考察报告 ${report.reportId}（批次 ${round}）`}\n  ${b.summary}\n  签名：${b.manifest.signers.map((s) => `${s.name}（${s.id}）`).join('、')}\n${[...verdict.notes, ...findingLines(findings)].map((n) => `  ${n}\n`).join('')}`,
  );
  return 0;
}

async function runList(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      ...ageKeyOptions,
    },
  });
  const data = bureauData(io.cwd, values.data);
  const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
  const byRound = await keptReports(data, keys);
  if (byRound.size === 0) io.out('尚未收回任何实地考察报告\n');
  for (const [round, reports] of [...byRound].sort(([a], [b]) => a.localeCompare(b))) {
    io.out(`批次 ${round}：${reports.length} 份实地考察报告\n`);
    for (const d of reports) {
      const counts = tally(d.checklist);
      io.out(
        `  ${d.reportId}  ${describeSubject(d.subject)}  ${d.site}  ${formatDateZh(d.date)}  ${d.inspectors.map((i) => i.name).join('、')}  ${FINDINGS.filter(
          (f) => counts[f] > 0,
        )
          .map((f) => `${FINDING_LABEL[f].zh} ${counts[f]}`)
          .join('，')}  照片 ${d.photos.length} 张\n`,
      );
    }
  }
  return 0;
}

export const inspectionCommand: CliCommand = {
  usage: `jiebang inspection assign ASSIGNMENT.json --key signing.key -o ASSIGNMENT.jbx [--data DIR] [--name NAME] [--counter N]
jiebang inspection ingest REPORT.jbx --identity age.key [--data DIR]
jiebang inspection list --identity age.key [--data DIR]

The bureau's side of on-site inspections (第十二条（二）评榜 实地考察; 第十二条（八）实施管理).
assign  signs an inspection assignment (what to inspect — a round's demand, an applicant, a task
        book — where, by whom, with which checklist, and the bureau's age recipient the report is
        encrypted to) and keeps it in the data folder.
ingest  takes an inspection team's report bundle in: verified, decrypted, answering an assignment
        kept here (refused by name otherwise), every signer under the import policy, judged
        against its assignment; kept by round. Nothing is written unless all of this passed.
list    the reports taken in, by round.`,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'assign':
        return runAssign(rest, io);
      case 'ingest':
        return runIngest(rest, io);
      case 'list':
        return runList(rest, io);
      default:
        throw new CliUsageError(
          '请给出子命令：assign（签发考察任务）、ingest（收回考察报告）或 list（按批次列出报告）。 subcommand required',
        );
    }
  },
};

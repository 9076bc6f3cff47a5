import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBundle, writeZip } from '../../src-shared/bundle';
import {
  acceptSignedPackage,
  ingestPanel,
  type IngestRecord,
  type SignedPackage,
} from '../../src-shared/bureau';
import { analysePanel, formatShare } from '../../src-shared/decision';
import { fmtMoney } from '../../src-shared/money';
import type { ReviewPackage } from '../../src-shared/model';
import { hasBlocking } from '../../src-shared/rules';
import { summaryTable } from '../../src-shared/summary';
import { nodeCrypto } from '../crypto/node-crypto';
import {
  bureauData,
  readRecord,
  readTrust,
  savePackage,
  signedPackages,
  withBureauKey,
  writeRecord,
  writeTrust,
} from './bureau-data';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { readBundleFile } from './bounded';
import { findingLines } from './check';
import { compactSummary, renderSummary } from './table';
import { CliUsageError, type CliCommand } from './types';

/** The merged result of a round, as the terminal shows it: ranking, decision, funding, findings. */
export function recordText(record: IngestRecord, pkg: ReviewPackage): string {
  const { agg } = analysePanel(
    pkg,
    record.sheets.map((s) => s.sheet),
  );
  const table = summaryTable(pkg, agg);
  const d = record.decision;
  const name = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const blocking = record.findings.filter((f) => f.severity === 'blocking').length;
  return [
    `评分汇总表（${record.packageId}，依据评审结果文件包内的评分表重新计算）`,
    `汇总方法：${table.method}；分数四舍五入保留两位小数`,
    renderSummary(table),
    table.legend,
    ...table.notes,
    '',
    `揭榜方建议名单：${d.recommendedIds.map((id) => `${id} ${name(id)}`).join('、') || '无'}${d.horseRace ? `（赛马制，“赛马”阶段拨付比例 ${formatShare(d.horseRace.raceStageShare)}）` : ''}`,
    `核定经费：${d.approvedFunding.map((f) => `${f.applicantId} ${fmtMoney(f.amount)}`).join('；') || '无'}；核定项目经费总额 ${fmtMoney(d.approvedTotal)}`,
    `专家组意见：${d.opinion}`,
    ...findingLines(record.findings),
    record.findings.length === 0
      ? '✓ 规则校验通过，无问题'
      : blocking > 0
        ? `✗ ${blocking} 项阻断问题：此评审结果不能据以立项`
        : '✓ 没有阻断问题',
    '',
  ].join('\n');
}

export const ingestCommand: CliCommand = {
  usage: `jiebang ingest PANEL.jbx… --identity KEY [--passphrase-file F] [--json]
        [--package REVIEW_PACKAGE.jbx…] [--bureau-key signing.pub] [--data DIR]

Takes the panels' results back: each panel bundle is decrypted, every signature and inner sheet
verified, and accepted only when it answers a review package this bureau signed (kept in the data
folder by jiebang package sign, or given with --package and signed by the bureau's key), comes
from that package's panel and chair, and has a counter above the round's last bundle. The
decision is judged again with checkPanelDecision on the sheets inside the bundle, and the merged
result is printed: the 评分汇总表 (the same summaryTable() as the chair's screen), the recommended
solvers, the approved funding, the rules' findings. One record per review round is written to the
data folder (rounds/<packageId>.json); a bundle refused writes nothing.
  --package     a review package bundle signed by the bureau's key elsewhere (kept from then on)
  --bureau-key  the bureau's public key, pinned in the data folder when none is yet
  --data        the bureau data folder (default: …/jiebang-panel/bureau in the user's data folder)
Exit code: 0 every bundle ingested with no blocking finding, 1 otherwise, 2 unreadable input.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...ageKeyOptions,
        package: { type: 'string', multiple: true },
        'bureau-key': { type: 'string' },
        data: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length === 0) throw new CliUsageError('请给出专家组评审结果文件包 PANEL.jbx');
    const data = bureauData(io.cwd, values.data);
    const before = await readTrust(data);
    const trust = await withBureauKey(io.cwd, before, values['bureau-key']);
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    const packages: SignedPackage[] = await signedPackages(data);
    const given: { signed: SignedPackage; zip: Uint8Array }[] = [];
    for (const file of values.package ?? []) {
      const opened = await openBundle(await readBundleFile(io.cwd, file), {
        crypto: nodeCrypto,
        keys,
      });
      if (!opened.ok) throw new CliUsageError(`评审包 ${file} 校验失败：${opened.error.message}`);
      // The same decision as the bureau's desk (src-shared/bureau/desk.ts).
      const accepted = acceptSignedPackage(opened.bundle, trust, file);
      if (!accepted.ok) throw new CliUsageError(accepted.reason);
      const { signed } = accepted;
      packages.push(signed);
      // Kept unencrypted, entry for entry as signed (the manifest and its signatures unchanged).
      given.push({ signed, zip: writeZip(opened.bundle.entries, nodeCrypto) });
    }
    const results: {
      file: string;
      ok: boolean;
      reason?: string;
      duplicate?: boolean;
      record?: IngestRecord;
      pkg?: ReviewPackage;
      notes?: string[];
    }[] = [];
    for (const file of positionals) {
      const opened = await openBundle(await readBundleFile(io.cwd, file), {
        crypto: nodeCrypto,
        keys,
      });
      if (!opened.ok) {
        results.push({
          file,
          ok: false,
          reason: `未导入 ${file}：文件包校验失败：${opened.error.message}`,
        });
        continue;
      }
      const packageId =
        opened.bundle.kind === 'panel-result' ? opened.bundle.document.packageId : undefined;
      const previous = packageId ? await readRecord(data, packageId) : undefined;
      const result = ingestPanel(opened.bundle, {
        packages,
        bureau: trust,
        ...(previous ? { previous } : {}),
        file,
        now: new Date().toISOString(),
      });
      if (!result.ok) {
        results.push({ file, ok: false, reason: result.reason });
        continue;
      }
      const pkg = packages.find(
        (p) => p.manifestSha256 === result.record.package.manifestSha256,
      )?.pkg;
      if (!result.isDuplicate) await writeRecord(data, result.record);
      results.push({
        file,
        ok: true,
        duplicate: result.isDuplicate,
        record: result.record,
        notes: result.notes,
        ...(pkg ? { pkg } : {}),
      });
    }
    // What this run learnt is kept only once something was ingested with it.
    if (results.some((r) => r.ok)) {
      for (const g of given)
        await savePackage(data, g.signed.pkg.packageId, g.signed.manifestSha256, g.zip);
      if (trust.bureauFingerprint !== before.bureauFingerprint) await writeTrust(data, trust);
    }
    const failed = results.some((r) => !r.ok || (r.record && hasBlocking(r.record.findings)));
    if (values.json) {
      io.out(
        `${JSON.stringify(
          results.map((r) => ({
            file: r.file,
            ok: r.ok,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.duplicate ? { duplicate: true } : {}),
            ...(r.notes ? { notes: r.notes } : {}),
            ...(r.record && r.pkg
              ? {
                  packageId: r.record.packageId,
                  record: join(data.dir, 'rounds', `${r.record.packageId}.json`),
                  summary: (() => {
                    const t = summaryTable(
                      r.pkg,
                      analysePanel(
                        r.pkg,
                        r.record.sheets.map((s) => s.sheet),
                      ).agg,
                    );
                    return { method: t.method, ...compactSummary(t) };
                  })(),
                  ranking: r.record.ranking,
                  decision: {
                    recommendedIds: r.record.decision.recommendedIds,
                    horseRace: r.record.decision.horseRace ?? null,
                    approvedFunding: r.record.decision.approvedFunding,
                    approvedTotal: r.record.decision.approvedTotal,
                    opinion: r.record.decision.opinion,
                  },
                  findings: r.record.findings,
                }
              : {}),
          })),
          null,
          2,
        )}\n`,
      );
      return failed ? 1 : 0;
    }
    for (const r of results) {
      if (!r.ok || !r.record || !r.pkg) {
        io.out(`✗ ${r.reason ?? `${r.file}：未导入`}\n`);
        continue;
      }
      io.out(
        `✓ ${r.file}：${r.duplicate ? '此前已导入，未作任何更改' : '已导入'}\n${(r.notes ?? []).map((n) => `  ${n}\n`).join('')}\n${recordText(r.record, r.pkg)}记录：${join(data.dir, 'rounds', `${r.record.packageId}.json`)}\n\n`,
      );
    }
    return failed ? 1 : 0;
  },
};

/**
 * The bureau's calendar, issued (issue 17): a `calendar` bundle accepted by an installation only
 * from the bureau key it has pinned, through the kinds registry's trust rule (`checkImport`) —
 * the same decision for the expert's and chair's app (workflows/calendar.ts) and for `jiebang`
 * (a flag or its data folder). Once accepted, the year it covers counts working days.
 */
import {
  applyImport,
  checkImport,
  notKindText,
  type OpenedBundle,
  type TrustState,
} from '../bundle';
import type { CalendarFile } from '../calendar';
import { formatFingerprint } from '../crypto/keys';

export type CalendarAcceptance =
  | {
      ok: true;
      /** The calendar, one year, as signed. */
      file: CalendarFile;
      year: number;
      /** Already accepted before: nothing changes. */
      isDuplicate: boolean;
      /** The trust state after accepting (store it with the calendar). */
      trust: TrustState;
      notes: string[];
    }
  | { ok: false; reason: string };

/**
 * Whether to accept `bundle` (opened and verified) as a calendar: it must be one, and signed by
 * the bureau key this installation pinned — a calendar never pins a key by itself (a key is
 * pinned by the review package compared with paper, or given to the CLI explicitly).
 */
export function acceptCalendarBundle(bundle: OpenedBundle, trust: TrustState): CalendarAcceptance {
  if (bundle.kind !== 'calendar')
    return { ok: false, reason: notKindText('calendar', bundle.kind) };
  if (!trust.bureauFingerprint)
    return {
      ok: false,
      reason:
        '本机尚未固定市科技局签名密钥，不能确认日历来自市科技局：请先导入市科技局签发的评审包（或在命令行用 --bureau-key 给出市科技局公钥），再导入日历',
    };
  const [year] = bundle.document.years;
  if (!year) return { ok: false, reason: '日历文件包不含任何年度' };
  const verdict = checkImport(bundle, trust);
  if (verdict.action === 'refuse') return { ok: false, reason: verdict.reason };
  const signer = bundle.manifest.signers[0];
  const notes = [
    `${year.year} 年工作日日历：放假 ${year.holidays.length} 天，调休上班 ${year.workdays.length} 天（${year.source}）`,
    `签名者：市科技局，指纹 ${formatFingerprint(signer.fingerprint)}`,
    ...(year.isTestData ? ['注意：这是测试数据，不是国务院办公厅的放假安排通知'] : []),
    ...verdict.notes,
  ];
  return {
    ok: true,
    file: bundle.document,
    year: year.year,
    isDuplicate: verdict.action === 'duplicate',
    trust: verdict.action === 'import' ? applyImport(trust, bundle, verdict) : trust,
    notes,
  };
}

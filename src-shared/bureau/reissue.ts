/**
 * A review package id already issued (评审包编号, e.g. KLMY-2026-JB-001): one rule for the bureau's
 * two doors — the desk's 签发评审包 (src-renderer/src/workflows/bureau.ts `signRound`) and
 * `jiebang package sign` (src-main/cli/package.ts).
 *
 * An id is signed once. Its package has gone out (the round's first stage is 已发放): the experts
 * score it and the chair's panel result answers its manifest hash, so a second package under the
 * same id is either lost on the desk (one round per id: its result, 审定 and publicity with it) or
 * a second answer key for one round. The measures (第十二条) and docs/bundles.md describe no
 * corrected re-issue of a package, so a second signing under an id already issued is refused,
 * naming the id and where its round stands, and asking for a new id (the next 批次). Ids are
 * compared as people read them: trimmed, letters in either case (a data folder on a
 * case-insensitive disk keeps klmy-… and KLMY-… in one folder).
 * Pure: each door gives the rounds it holds and words the refusal with `packageIdIssuedText`.
 */
import type { RoundStage } from './approval';

/** The stages of a round as the measures' people say them (the desk's labels, the CLI's words). */
export const ROUND_STAGE_ZH: Readonly<Record<RoundStage, string>> = {
  issued: '已发放',
  'results-in': '评审结果已导入',
  approved: '已审定',
  publicity: '公示中',
  'taskbook-signed': '任务书已签订',
};

/** A round a door holds: the id its package was signed under, and where it stands today. */
export interface IssuedRound {
  packageId: string;
  stage: RoundStage;
}

/** Why an id cannot be signed: it was issued; the round as it stands; a free id to use instead. */
export interface PackageIdIssued {
  /** The id as the round holds it. */
  packageId: string;
  stage: RoundStage;
  /** The id with its last number counted on past every id held (…-001 → …-002), if it ends in one. */
  suggestion: string | null;
}

const sameId = (id: string): string => id.trim().toUpperCase();

/** The next id free of `held`: the trailing number counted on, its width kept; null without one. */
export function nextFreeId(packageId: string, held: readonly string[]): string | null {
  const match = /^(.*?)(\d+)$/.exec(packageId.trim());
  if (!match) return null;
  const [, stem = '', digits = ''] = match;
  const taken = new Set(held.map(sameId));
  for (let n = Number(digits) + 1; n < Number(digits) + 10_000; n += 1) {
    const candidate = `${stem}${String(n).padStart(digits.length, '0')}`;
    if (!taken.has(sameId(candidate))) return candidate;
  }
  return null;
}

/**
 * The rule: `packageId` may be signed only when no round held was issued under it. Returns null
 * when it may, else the round it would collide with.
 */
export function packageIdIssued(
  packageId: string,
  issued: readonly IssuedRound[],
): PackageIdIssued | null {
  const round = issued.find((r) => sameId(r.packageId) === sameId(packageId));
  if (!round) return null;
  return {
    packageId: round.packageId,
    stage: round.stage,
    suggestion: nextFreeId(
      packageId,
      issued.map((r) => r.packageId),
    ),
  };
}

/**
 * The refusal as both doors say it (the desk's Chinese table is made from it with its
 * placeholders). `stage` is the stage's label; `suggestion` null leaves the example out.
 */
export function packageIdIssuedText(p: {
  id: string;
  stage: string;
  suggestion: string | null;
}): string {
  const example = p.suggestion === null ? '' : `（如 ${p.suggestion}）`;
  return `评审包编号 ${p.id} 已签发过，该评审轮次${p.stage}，未签名：同一编号只签发一次，已发出的评审包及其评审结果、审定与公示保持不变。如需签发新的评审包，请在「榜单」表的「评审包编号」中改用新的编号${example}后再签发`;
}

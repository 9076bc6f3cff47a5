/**
 * A second profile of the same name is refused — one rule for every door: the gate's workflow in
 * the renderer (src-renderer/src/workflows/profile.ts) and main's profile store
 * (src-main/keys/profiles.ts, behind `profile:create`). Two profiles of one name would be two
 * identical choices at the gate. Names compare as people's do (`sameNameKey`: 「王 建国」 is
 * 「王建国」). Import-free but for the name rule (text/name.ts): the gate's string table reads it on
 * the first screen, which loads no schemas (scripts/check-built.ts holds it to its budget).
 */
import { sameNameKey } from './text/name';

/** The profile already here under `label`'s name, or undefined when the name is free. */
export function profileOfSameName<P extends { label: string }>(
  label: string,
  profiles: readonly P[],
): P | undefined {
  const key = sameNameKey(label);
  return profiles.find((p) => sameNameKey(p.label) === key);
}

/**
 * The refusal, naming the profile there is (its label as stored): unlock it, or name this one
 * apart.
 */
export const labelTakenText = (label: string): string =>
  `本机已有名为“${label}”的用户档案：请直接选择它并输入口令解锁；如确为另一人，请在姓名后注明单位以示区别（如“${label}（市科技局）”）`;

/**
 * `jiebang check --with`: the other signed documents of a project (bundles, or folders of them),
 * verified and read as the award screen keeps them, so `checkAwardDocument` weighs the same set
 * at both doors — the order rules of 第十七条, 第十二条（八）3 and 第十九条.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AwardDocument } from '../../src-shared/award';
import { KINDS, openBundle, type OpenedBundle } from '../../src-shared/bundle';
import type { AgeKey } from '../../src-shared/crypto/age';
import type { DocumentKind } from '../../src-shared/model';
import { nodeCrypto } from '../crypto/node-crypto';
import { describeFileError } from '../fs/errors';
import { readBounded } from './io';
import { CliUsageError } from './types';

/** A bundle after the award holds its evidence files; a bound well above a milestone's. */
export const AWARD_BUNDLE_BYTES = 256 * 1024 * 1024;
/** Bundles read from one `--with` folder at most (a project has a few dozen). */
export const SET_FOLDER_FILES = 500;

/** The document kind (as `jiebang check` names it) of each document after the award. */
export const AWARD_KIND = {
  assessment: 'milestone-assessment',
  race: 'race-choice',
  form: 'project-form',
} as const satisfies Record<AwardDocument['type'], DocumentKind>;

/** The document after the award a verified bundle holds, or null for other kinds. */
export function awardOfBundle(b: OpenedBundle): AwardDocument | null {
  switch (b.kind) {
    case 'milestone-assessment':
      return { type: 'assessment', doc: b.document };
    case 'race-choice':
      return { type: 'race', doc: b.document };
    case 'project-form':
      return { type: 'form', doc: b.document };
    default:
      return null;
  }
}

/** The `.jbx` files a `--with` argument names: the file itself, or a folder's, sorted. */
async function filesOf(cwd: string, path: string): Promise<string[]> {
  let folder: boolean;
  try {
    folder = (await stat(resolve(cwd, path))).isDirectory();
  } catch (error) {
    throw new CliUsageError(`--with ${describeFileError(error, path)}`);
  }
  if (!folder) return [path];
  const names = (await readdir(resolve(cwd, path)))
    .filter((n) => n.toLowerCase().endsWith('.jbx') && !n.startsWith('.'))
    .sort();
  if (names.length > SET_FOLDER_FILES)
    throw new CliUsageError(
      `--with ${path}：文件夹中有 ${names.length} 个文件包，超过 ${SET_FOLDER_FILES} 个的上限`,
    );
  return names.map((n) => join(path, n));
}

/**
 * The signed documents of one task book named by `--with` (files or folders of `.jbx`), each
 * verified. A bundle that fails verification, is of another kind, or belongs to another task
 * book than `taskBookId` is refused by name (`CliUsageError`): the set is judged whole or not at all.
 */
export async function readSignedSet(
  cwd: string,
  paths: readonly string[],
  taskBookId: string,
  keys: readonly AgeKey[],
): Promise<AwardDocument[]> {
  const out: AwardDocument[] = [];
  for (const path of paths)
    for (const file of await filesOf(cwd, path)) {
      const opened = await openBundle(await readBounded(cwd, file, AWARD_BUNDLE_BYTES), {
        crypto: nodeCrypto,
        keys,
      });
      if (!opened.ok)
        throw new CliUsageError(`--with ${file}：文件包校验失败：${opened.error.message}`);
      const doc = awardOfBundle(opened.bundle);
      if (!doc)
        throw new CliUsageError(
          `--with ${file} 是${KINDS[opened.bundle.kind].label}文件包，不是立项后的签署文件（里程碑考核、赛马择优、项目实施表单）`,
        );
      if (doc.doc.taskBookId !== taskBookId)
        throw new CliUsageError(
          `--with ${file} 属于任务书 ${doc.doc.taskBookId}，不是 ${taskBookId}`,
        );
      out.push(doc);
    }
  return out;
}

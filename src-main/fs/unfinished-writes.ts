/**
 * What this process is writing now through ./atomic-write.ts (its temporary files and folders),
 * and their removal when a command is interrupted. Apart from the writer so that the CLI's entry,
 * which removes them on SIGINT/SIGTERM (src-main/cli/index.ts), loads neither the writer nor
 * `node:crypto` and `node:fs/promises` with it: `jiebang --help` writes nothing (issue 22).
 */
import { rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** The temporary files and folders this process is writing now (renamed or removed when done). */
export const inFlight = new Set<string>();
/** The parent folders a folder write made for itself, by its temporary: `[parent, firstCreated]`. */
export const madeParents = new Map<string, readonly [string, string]>();

/** Removes `parent` and the folders above it down to `firstCreated`, innermost first, while empty. */
export function removeEmptyParentsSync(parent: string, firstCreated: string): void {
  for (let dir = parent; dir.length >= firstCreated.length; dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/**
 * Removes, synchronously, every temporary file and folder this process is still writing — for a
 * command interrupted by SIGINT/SIGTERM (src-main/cli/index.ts), which then exits: an interrupted
 * `pack` or `unpack` leaves no half-written `.tmp` behind. A write already renamed is not touched.
 */
export function removeUnfinishedWrites(): void {
  for (const path of inFlight) {
    rmSync(path, { recursive: true, force: true });
    const made = madeParents.get(path);
    if (made) removeEmptyParentsSync(...made);
  }
  inFlight.clear();
  madeParents.clear();
}

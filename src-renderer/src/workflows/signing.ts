/**
 * Every signed export of this device — the expert's sheet, the chair's panel result, the task
 * book — in one order (`exportSigned`):
 *
 * 1. the audit log is checked: it verifies and extends the head this device signed last;
 * 2. the bundle is built and signed with the next counter and that head;
 * 3. it is opened again as the receiver will open it (signature, checksums, schema, inner
 *    bundles) and must name this device's key and counter — otherwise nothing is offered;
 * 4. it is encrypted when it travels encrypted;
 * 5. the counter, the audit head, the export's own records and its audit entry are committed in
 *    one transaction (all or nothing);
 * 6. the file is offered to save, last. A cancelled or failed save loses nothing: the bytes are
 *    returned to be offered again, and the counter is already spent, so no two files ever carry
 *    one counter (a receiver refuses a replayed counter).
 */
import type { AuditEntry } from '../../../src-shared/audit/chain';
import { checkDeviceChain, type AuditHead } from '../../../src-shared/audit/head';
import { openBundle, type BundleKind } from '../../../src-shared/bundle';
import { ageEncrypt, type AgeTarget } from '../../../src-shared/crypto/age';
import { fingerprint, publicKeyOf } from '../../../src-shared/crypto/keys';
import type { JiebangDB } from '../db/database';
import type { AuditRecord } from '../db/audit-actions';
import { auditLog, commitChange, getMeta, type Change, type Enrolment } from '../db/repo';
import { message } from '../i18n/strings';
import { errorText, WorkflowError, type Deps, type FileToSave, type SaveFile } from './deps';

export interface SigningAudit {
  chain: AuditEntry[];
  head: AuditHead;
  /** The chain as it travels in the bundle (`audit.json`). */
  bytes: Uint8Array;
}

/**
 * The device's audit chain and its head, checked against the head recorded at its last signing
 * (a log cut short or rewritten since is refused, naming how). Reads only.
 * @throws WorkflowError naming what is wrong with the log.
 */
export async function auditForSigning(db: JiebangDB): Promise<SigningAudit> {
  const chain = await auditLog(db);
  const verdict = checkDeviceChain(chain, await getMeta(db, 'auditHeadLastSigned'));
  if (!verdict.ok) throw new WorkflowError({ text: verdict.reason });
  return {
    chain,
    head: verdict.head,
    bytes: new TextEncoder().encode(JSON.stringify(chain, null, 2)),
  };
}

/** A signed bundle as built, before the self-check. */
export interface Built {
  name: string;
  /** The signed ZIP (encrypted afterwards, when the plan says so). */
  zip: Uint8Array;
  /** The highest counter the build signed with (a build may sign twice: the chair's own sheet). */
  counter: number;
}

export interface ExportPlan {
  kind: BundleKind;
  /** Builds and signs the bundle, counting from `counter`, with the checked audit head. */
  build: (ctx: { counter: number; audit: SigningAudit }) => Promise<Built>;
  /** Encrypted to this target after the self-check (the panel result, to the bureau). */
  encryptTo?: AgeTarget;
  /** The export's own records and its audit entry (the counter and head are added to them). */
  record: (ctx: { file: FileToSave; counter: number; at: string }) => {
    change: Change;
    audit: AuditRecord;
  };
}

export type ExportOutcome =
  | { saved: true; file: FileToSave; savedAs: string }
  /** Recorded as exported, not (yet) saved: the same bytes can be offered again. */
  | { saved: false; file: FileToSave; error?: string };

/** Opens the bundle as its receiver would and checks it is ours. @throws WorkflowError. */
async function selfCheck(
  deps: Deps,
  zip: Uint8Array,
  kind: BundleKind,
  signer: Enrolment,
  counter: number,
): Promise<void> {
  const opened = await openBundle(zip, { crypto: deps.crypto });
  if (!opened.ok)
    throw new WorkflowError(message('signing.selfCheck', { reason: opened.error.message }));
  const own = fingerprint(publicKeyOf(signer.secretKey));
  const signed = opened.bundle.manifest.signers.find((s) => s.fingerprint === own);
  if (opened.bundle.kind !== kind || !signed || signed.counter !== counter)
    throw new WorkflowError(message('signing.selfCheckSigner'));
}

/** Builds, checks, records and offers one signed export, in the order above. */
export async function exportSigned(
  deps: Deps & { save: SaveFile },
  signer: Enrolment,
  plan: ExportPlan,
): Promise<ExportOutcome> {
  const audit = await auditForSigning(deps.db);
  const built = await plan.build({ counter: signer.counter + 1, audit });
  await selfCheck(deps, built.zip, plan.kind, signer, built.counter);
  const bytes = plan.encryptTo
    ? await ageEncrypt(built.zip, plan.encryptTo, deps.crypto)
    : built.zip;
  const file: FileToSave = { name: built.name, bytes };
  const at = deps.now().toISOString();
  const { change, audit: entry } = plan.record({ file, counter: built.counter, at });
  await commitChange(
    deps.db,
    {
      ...change,
      enrolment: { ...(change.enrolment ?? signer), counter: built.counter },
      meta: { ...change.meta, auditHeadLastSigned: audit.head },
    },
    entry,
  );
  return offer(deps.save, file);
}

/** Offers a file to save: saved, cancelled, or failed with the reason (nothing is lost). */
export async function offer(save: SaveFile, file: FileToSave): Promise<ExportOutcome> {
  try {
    const r = await save(file);
    return r.saved ? { saved: true, file, savedAs: r.name } : { saved: false, file };
  } catch (e) {
    return { saved: false, file, error: errorText(e) };
  }
}

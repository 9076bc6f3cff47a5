/**
 * The signed manifest of a bundle (docs/bundles.md), in both formats, and the one view of
 * it the rest of the code reads.
 *
 * Format 1 (still read, never written): one signer (`manifest.sig` + `signer.pem`), a required
 * `packageId`. Format 2: a subject instead of a package, several signers (`signatures/<n>.sig` +
 * `signatures/<n>.pem`, n = 1, 2, … in the order of `signers`), and each signer's counter and
 * audit-chain head.
 */
import { z } from 'zod';
import { AuditHeadSchema, type AuditHead } from '../audit/head';
import { IdSchema, NameSchema, Sha256Schema } from '../model/common';
import { isBundleKind, type BundleKind } from './kinds';
import { SignerRoleSchema, SubjectSchema, type SignerRole, type Subject } from './terms';

export const BundleKindSchema = z.custom<BundleKind>(isBundleKind, {
  message: '未知的文件包类型',
});

/** The kinds format 1 knew. */
const FormatOneKindSchema = z.enum([
  'review-package',
  'expert-sheets',
  'panel-result',
  'inspection-report',
  'task-book',
]);

export const AnswerSchema = z.object({
  kind: BundleKindSchema,
  /** SHA-256 of the answered bundle's manifest.json bytes. */
  manifestSha256: Sha256Schema,
  ref: z.string().max(200).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** Format 1, exactly as it was read before format 2. */
export const ManifestV1Schema = z.object({
  format: z.literal('jiebang-bundle'),
  formatVersion: z.literal(1),
  kind: FormatOneKindSchema,
  bundleId: IdSchema,
  packageId: IdSchema,
  signer: z.object({
    role: z.enum(['bureau', 'expert', 'chair', 'inspector']),
    id: IdSchema,
    name: NameSchema,
    fingerprint: Sha256Schema,
  }),
  createdAt: z.string().datetime({ offset: true }),
  counter: z.number().int().positive(),
  answers: z.array(
    z.object({
      kind: FormatOneKindSchema,
      manifestSha256: Sha256Schema,
      ref: z.string().max(200).optional(),
    }),
  ),
  sha256sums: Sha256Schema,
});
export type ManifestV1 = z.infer<typeof ManifestV1Schema>;

export const MAX_SIGNERS = 16;

export const ManifestSignerSchema = z
  .object({
    role: SignerRoleSchema,
    id: IdSchema,
    /**
     * Shown beside the fingerprint for a person to compare with paper: the same rule as every
     * name (invisible characters dropped, bidi controls and control characters refused).
     */
    name: NameSchema,
    /** SHA-256 of the signer's SPKI DER (`signatures/<n>.pem`). */
    fingerprint: Sha256Schema,
    /** Per signer, strictly increasing across everything it signs: an older counter is a replay. */
    counter: z.number().int().positive(),
    /** The signer's audit chain at signing time. */
    audit: AuditHeadSchema,
  })
  .strict();

/** Format 2: unknown fields are refused (what is signed is read exactly). */
export const ManifestV2Schema = z
  .object({
    format: z.literal('jiebang-bundle'),
    formatVersion: z.literal(2),
    kind: BundleKindSchema,
    bundleId: IdSchema,
    subject: SubjectSchema,
    signers: z.array(ManifestSignerSchema).min(1).max(MAX_SIGNERS),
    createdAt: z.string().datetime({ offset: true }),
    answers: z.array(AnswerSchema.strict()).max(1000),
    sha256sums: Sha256Schema,
  })
  .strict();
export type ManifestV2 = z.infer<typeof ManifestV2Schema>;

export interface BundleSigner {
  role: SignerRole;
  id: string;
  name: string;
  fingerprint: string;
  counter: number;
  /** Null for format 1, which did not record it. */
  audit: AuditHead | null;
}

/** Both formats, read the same way. */
export interface Manifest {
  formatVersion: 1 | 2;
  kind: BundleKind;
  bundleId: string;
  subject: Subject;
  /** In signing order; the first is the author (whose device made the bundle). */
  signers: [BundleSigner, ...BundleSigner[]];
  createdAt: string;
  answers: Answer[];
  sha256sums: string;
}

export function viewOfV1(m: ManifestV1): Manifest {
  return {
    formatVersion: 1,
    kind: m.kind,
    bundleId: m.bundleId,
    subject: { type: 'package', id: m.packageId },
    signers: [{ ...m.signer, counter: m.counter, audit: null }],
    createdAt: m.createdAt,
    answers: m.answers,
    sha256sums: m.sha256sums,
  };
}

export function viewOfV2(m: ManifestV2): Manifest | null {
  const [first, ...rest] = m.signers;
  if (!first) return null;
  return {
    formatVersion: 2,
    kind: m.kind,
    bundleId: m.bundleId,
    subject: m.subject,
    signers: [first, ...rest],
    createdAt: m.createdAt,
    answers: m.answers,
    sha256sums: m.sha256sums,
  };
}

/** SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <path>` per line, sorted by path. */
export function formatSums(entries: ReadonlyMap<string, string>): string {
  return [...entries.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, hash]) => `${hash}  ${path}\n`)
    .join('');
}

export function parseSums(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (!m?.[1] || !m[2] || out.has(m[2])) return null;
    out.set(m[2], m[1]);
  }
  return out;
}

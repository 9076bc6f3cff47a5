/** The signed manifest of a bundle (DESIGN.md "Bundles"). */
import { z } from 'zod';
import {
  InspectionReportSchema,
  PanelDecisionSchema,
  ReviewPackageSchema,
  ScoreSheetSchema,
  TaskBookSchema,
} from '../model';
import { IdSchema, Sha256Schema } from '../model/common';

export const BundleKindSchema = z.enum([
  'review-package',
  'expert-sheets',
  'panel-result',
  'inspection-report',
  'task-book',
]);
export type BundleKind = z.infer<typeof BundleKindSchema>;

export const KIND_LABEL: Record<BundleKind, string> = {
  'review-package': '评审包',
  'expert-sheets': '专家评分表',
  'panel-result': '专家组评审结果',
  'inspection-report': '实地考察报告',
  'task-book': '项目任务书',
};

export const SignerRoleSchema = z.enum(['bureau', 'expert', 'chair', 'inspector']);
export type SignerRole = z.infer<typeof SignerRoleSchema>;

export const ManifestSchema = z.object({
  format: z.literal('jiebang-bundle'),
  formatVersion: z.literal(1),
  kind: BundleKindSchema,
  bundleId: IdSchema,
  packageId: IdSchema,
  signer: z.object({
    role: SignerRoleSchema,
    id: IdSchema,
    name: z.string().min(1).max(200),
    fingerprint: Sha256Schema,
  }),
  createdAt: z.string().datetime({ offset: true }),
  /** Per-signer, strictly increasing: an older counter is a replay. */
  counter: z.number().int().positive(),
  /** Manifest hashes (SHA-256 of manifest.json bytes) of what this bundle answers. */
  answers: z.array(
    z.object({
      kind: BundleKindSchema,
      manifestSha256: Sha256Schema,
      ref: z.string().max(200).optional(),
    }),
  ),
  /** SHA-256 of the SHA256SUMS file. */
  sha256sums: Sha256Schema,
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Per kind: its main document, its schema, who may sign it, and which other files it may hold. */
export const KIND_SPEC = {
  'review-package': {
    main: 'package.json',
    schema: ReviewPackageSchema,
    roles: ['bureau'],
    extra: /^attachments\/[A-Za-z0-9._-]+$/,
  },
  'expert-sheets': {
    main: 'sheet.json',
    schema: ScoreSheetSchema,
    roles: ['expert', 'chair'],
    extra: /^audit\.json$/,
  },
  'panel-result': {
    main: 'decision.json',
    schema: PanelDecisionSchema,
    roles: ['chair'],
    extra: /^(sheets\/[A-Za-z0-9._-]+\.jbx|audit\.json)$/,
  },
  'inspection-report': {
    main: 'report.json',
    schema: InspectionReportSchema,
    roles: ['inspector'],
    extra: /^photos\/[A-Za-z0-9._-]+$/,
  },
  'task-book': {
    main: 'taskbook.json',
    schema: TaskBookSchema,
    roles: ['bureau', 'chair'],
    extra: /^taskbook\.pdf$/,
  },
} as const satisfies Record<
  BundleKind,
  { main: string; schema: z.ZodType; roles: readonly SignerRole[]; extra: RegExp }
>;

export const RESERVED = ['manifest.json', 'manifest.sig', 'signer.pem', 'SHA256SUMS'] as const;

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

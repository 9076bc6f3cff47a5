/**
 * The domain's schemas the IPC contract's document channels are built from (packages, sheets,
 * task books, notices…): `ipc.ts` loads this module with the first of those channels, so the
 * first screen checks its own answers without the model and decimal.js (issue 22).
 */
import { z } from 'zod';
import { PHOTOS_MAX } from './inspection/bounds';
import { MessageBytesSchema } from './ipc';
import { InspectionReportSchema } from './model';

export { NoticeSchema } from './bureau/notice-schema';
export { InspectionAssignmentSchema } from './bundle/documents';
export { FormLayoutSchema } from './meeting/layout';
export {
  PanelDecisionSchemaV2,
  ReviewPackageSchema,
  ScoreSheetSchema,
  TaskBookSchema,
} from './model';

/** What the inspection report's PDF is made from (photos: the scaled bytes the bundle holds). */
export const InspectionPdfInputSchema = z.object({
  report: InspectionReportSchema,
  signers: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        name: z.string().min(1).max(200),
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1)
    .max(16),
  photos: z
    .array(z.object({ path: z.string().max(100), bytes: MessageBytesSchema }))
    .max(PHOTOS_MAX),
  purpose: z.string().max(20_000),
});

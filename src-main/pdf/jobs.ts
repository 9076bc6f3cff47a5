/**
 * One PDF rendering job, as it crosses into the render worker (src-main/pdf/worker.ts): plain
 * data, validated again on the worker's side, so the worker trusts nothing it is sent.
 */
import { z } from 'zod';
import { NoticeSchema } from '../../src-shared/bureau/notice-schema';
import { InspectionPdfInputSchema } from '../../src-shared/ipc-documents';
import { ReviewPackageSchema, ScoreSheetSchema, TaskBookSchema } from '../../src-shared/model';
import { unprintableChars } from '../../src-shared/text/print-glyphs';
import { renderNoticePdf } from './notice';
import { FormLayoutSchema } from '../../src-shared/meeting';
import {
  renderFormPdf,
  renderInspectionPdf,
  renderScoreSheetPdf,
  renderTaskBookPdf,
} from './render';
import { withoutFetchUntilLaidOut } from './yoga-without-fetch';

export const PdfJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('taskbook'), tb: TaskBookSchema }),
  z.object({ kind: z.literal('notice'), notice: NoticeSchema }),
  z.object({
    kind: z.literal('sheet'),
    pkg: ReviewPackageSchema,
    sheet: ScoreSheetSchema,
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  InspectionPdfInputSchema.extend({ kind: z.literal('inspection') }),
  z.object({ kind: z.literal('form'), layout: FormLayoutSchema }),
]);
export type PdfJob = z.infer<typeof PdfJobSchema>;

export interface PdfResult {
  bytes: Uint8Array;
  /** Characters no print font has: they print as empty boxes, so the UI names them. */
  missing: string[];
}

/** Every string inside a value, joined (the text a document may print). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value !== null && typeof value === 'object')
    return Object.values(value).map(textOf).join('\n');
  return '';
}

/** Renders a job in this thread (the worker calls this; so do the CLI and unit tests). */
export const renderJob = (job: PdfJob): Promise<PdfResult> =>
  withoutFetchUntilLaidOut(() => renderEach(job));

async function renderEach(job: PdfJob): Promise<PdfResult> {
  switch (job.kind) {
    case 'taskbook':
      return { bytes: await renderTaskBookPdf(job.tb), missing: unprintableChars(textOf(job.tb)) };
    case 'notice':
      return renderNoticePdf(job.notice);
    case 'sheet':
      return {
        bytes: await renderScoreSheetPdf(job.pkg, job.sheet, job.fingerprint),
        missing: unprintableChars(textOf(job.sheet)),
      };
    case 'inspection':
      return {
        bytes: await renderInspectionPdf({
          report: job.report,
          signers: job.signers,
          photos: new Map(job.photos.map((p) => [p.path, p.bytes])),
          purpose: job.purpose,
        }),
        missing: unprintableChars(textOf([job.report, job.signers, job.purpose])),
      };
    case 'form':
      return {
        bytes: await renderFormPdf(job.layout),
        missing: unprintableChars(textOf(job.layout.sections)),
      };
  }
}

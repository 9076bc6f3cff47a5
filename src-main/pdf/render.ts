import { renderToBuffer } from '@react-pdf/renderer';
import type { ReviewPackage, ScoreSheet, TaskBook } from '../../src-shared/model';
import { taskBookCode, taskBookQrText } from '../../src-shared/taskbook';
import type { FormLayout } from '../../src-shared/meeting';
import { FormDocument } from './form-document';
import { ScoreSheetDocument } from './sheet-document';
import { prepareFonts } from './fonts';
import { TaskBookDocument, TaskBookPageNumbers } from './taskbook-document';
import { renderWithPageNumbers } from './page-numbers';
import { qrPath } from './qr';
import { InspectionReportDocument, type InspectionPdfInput } from './inspection-document';

/** The inspection report (实地考察报告), A4, with its photos and every signer's block. */
export async function renderInspectionPdf(input: InspectionPdfInput): Promise<Uint8Array> {
  await prepareFonts();
  return new Uint8Array(await renderToBuffer(InspectionReportDocument(input)));
}

export async function renderTaskBookPdf(tb: TaskBook): Promise<Uint8Array> {
  await prepareFonts();
  const hash = taskBookCode(tb);
  const qr = qrPath(taskBookQrText(tb));
  // The components return the <Document> elements themselves, as react-pdf wants them.
  return renderWithPageNumbers(TaskBookDocument({ tb, hash, qr }), (total) =>
    TaskBookPageNumbers({ tb, total }),
  );
}

/** The paper score sheet for the expert's wet signature. */
export async function renderScoreSheetPdf(
  pkg: ReviewPackage,
  sheet: ScoreSheet,
  fingerprint: string,
): Promise<Uint8Array> {
  await prepareFonts();
  return new Uint8Array(await renderToBuffer(ScoreSheetDocument({ pkg, sheet, fingerprint })));
}

/** A form of the meeting pack (src-shared/meeting), with its verification code's QR. */
export async function renderFormPdf(layout: FormLayout): Promise<Uint8Array> {
  await prepareFonts();
  // Loaded here: the task book draws its QR code from the encoder alone (qr.ts).
  const { default: QRCode } = await import('qrcode');
  const qr = await QRCode.toDataURL(layout.qrText, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 200,
  });
  return new Uint8Array(await renderToBuffer(FormDocument({ layout, qr })));
}

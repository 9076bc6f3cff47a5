/**
 * The inspection team's screen state (issue 20): the assignments and inspectors on this laptop,
 * the report being filled, its findings, the PDF preview and the last notice. Every action calls
 * a use case of workflows/inspection.ts; nothing here decides a rule. Photos are scaled on a
 * canvas here (the DOM's part of `ScalePhoto`): longest side PHOTO_REPORT_MAX_SIDE (1600 px).
 */
import { create } from 'zustand';
import {
  PHOTO_REPORT_MAX_SIDE,
  reportUnprintable,
  type HeldAssignment,
} from '../../../src-shared/inspection';
import type { InspectionReport } from '../../../src-shared/model';
import type { Finding } from '../../../src-shared/rules';
import { api } from '../bridge';
import { message, type Message } from '../i18n/strings';
import { problemOf, today, WorkflowError } from '../workflows/deps';
import {
  addPhotoFile,
  enrolInspector,
  enrolledInspectors,
  heldAssignments,
  importAssignmentFile,
  judgeReportEdit,
  keepSavedDate,
  previewInput,
  reportFindings,
  reportOf,
  saveReport,
  signReport,
  startReport,
  type EnrolledInspector,
  type InspectionDeps,
  type Outcome,
  type RenderInspectionPdf,
  type ScalePhoto,
  visitDateRefusal,
} from '../workflows/inspection';
import { auditForSigning, offer } from '../workflows/signing';
import { actor, currentDeps, saveFile } from './deps';
import { attempt, savedNotice, type Notice } from './notice';
import { withProgress } from './progress';
import { trackSave } from './save';
import { turns } from './turns';
import { askBeforeDropping, holdUnsaved, isHeld } from './unsaved';

/** A photo file as the screen picked it: name and size known before anything is read. */
export interface PickedPhoto {
  name: string;
  size: number;
  read: () => Promise<Uint8Array>;
}

interface InspectionState {
  assignments: HeldAssignment[];
  inspectors: EnrolledInspector[];
  /** The assignment being worked on. */
  current: string | null;
  report: InspectionReport | null;
  findings: Finding[];
  /**
   * Why the edit on screen is not saved (a field the schema refuses, e.g. a day that does not
   * exist, known as it is typed), or null: while set, the database holds an older report, so
   * signing and previewing — which read the saved report — are refused rather than sign the older
   * one, and it is held app-wide (`stores/unsaved.ts`: the top bar says 「未保存：…」, leaving the
   * screen or locking asks first; an idle lock keeps it).
   */
  unsaved: Message | null;
  /**
   * Why the visit date on screen is refused (`visitDateRefusal`: the date rule's sentence, or a day
   * after today), said at the date field; null when it is a day on or before today.
   */
  dateRefused: Message | null;
  /**
   * While the visit date is refused: the date as last saved, kept in the database with every other
   * field as typed (so leaving loses only the date typed), or null (nothing of the edit saved).
   */
  kept: string | null;
  /** The report's PDF and what it could not print, a sentence per field (`reportUnprintable`). */
  preview: { bytes: Uint8Array; unprintable: string[] } | null;
  notice: Notice | null;
  load: () => Promise<void>;
  importAssignment: () => Promise<void>;
  /** Opens another assignment; with an edit not saved, asks first (`askBeforeDropping`). */
  choose: (assignmentId: string) => Promise<void>;
  enrol: (memberId: string, passphrase: string) => Promise<void>;
  start: () => Promise<void>;
  /**
   * Shows the edit at once and saves it (edits are written in order) — or, when the form's check
   * refuses it, says why at once (`unsaved`); a refused visit date is not written, but every other
   * field is (with the date as last saved, `kept`), so leaving loses only the date typed.
   */
  edit: (report: InspectionReport) => void;
  addPhoto: (file: PickedPhoto, caption: string, item?: number) => Promise<void>;
  previewPdf: () => Promise<void>;
  /**
   * Signs with every member's passphrase: true when signed. A member's passphrase refused (wrong,
   * or missing) is said beside their field (`passphraseRefused`), not as the screen's notice.
   */
  sign: (passphrases: Readonly<Record<string, string>>) => Promise<boolean>;
  /** The photos refused, by file name, each with why (listed beside the photo control). */
  photoRefusals: { name: string; why: Message }[];
  /** Whose passphrase the last signing refused, and why (shown beside that field). */
  passphraseRefused: { member: string; why: Message } | null;
}

/** Today in the deps' clock (what a visit date cannot be after). */
const todayHere = (): string => today(currentDeps().now);

function inspectionDeps(): InspectionDeps {
  const deps = currentDeps();
  return { db: deps.db, crypto: deps.crypto, actor: actor(), now: () => deps.now().toISOString() };
}

/** A refusal becomes a thrown WorkflowError, so `attempt` shows it and nothing goes on. */
function accepted<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new WorkflowError(outcome.reason);
  return outcome;
}

/** Decodes the photo (a file that does not decode is refused) and scales it down on a canvas. */
const scaleOnCanvas: ScalePhoto = async (bytes, mediaType) => {
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: mediaType }));
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= PHOTO_REPORT_MAX_SIDE) return { bytes, mediaType };
    const k = PHOTO_REPORT_MAX_SIDE / longest;
    const canvas = new OffscreenCanvas(
      Math.max(1, Math.round(bitmap.width * k)),
      Math.max(1, Math.round(bitmap.height * k)),
    );
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas');
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType: 'image/jpeg' };
  } finally {
    bitmap.close();
  }
};

const renderPdf: RenderInspectionPdf = async (input) =>
  (await withProgress(message('inspection.rendering'), () => api['inspection:pdf'](input))).bytes;

/** Refuses (as a WorkflowError, which `attempt` shows) while an edit could not be saved. */
function refuseUnsaved(unsaved: Message | null): void {
  if (unsaved) throw new WorkflowError(unsaved);
}

/** Edits waiting to be written, in order; signing and previewing wait for them. */
let saving: Promise<void> = Promise.resolve();
/** Counts edits, so only the latest one's write says whether the screen is saved. */
let edits = 0;
/** The report as the database holds it (last opened or written): its date is kept while refused. */
let saved: InspectionReport | null = null;

export const useInspection = create<InspectionState>()((set, get) => {
  const run = async (work: () => Promise<void>) => {
    set({ notice: null });
    const problem = await attempt(work);
    if (problem) set({ notice: problem });
  };
  const ok = (m: Message) => set({ notice: { tone: 'ok', message: m } });
  /**
   * Whether the edit on screen is saved: here (signing waits) and app-wide (`holdUnsaved`: the top
   * bar, and leaving or locking asks first, saying what leaving keeps: `kept`, the date as last
   * saved while only the date is refused).
   */
  const markUnsaved = (why: Message | null, kept: string | null = null) => {
    set({ unsaved: why, kept });
    holdUnsaved(
      'inspection',
      why && {
        why,
        title: message('inspection.leaveTitle'),
        body:
          kept === null
            ? message('inspection.leaveBody', { why })
            : message('inspection.leaveBodyKept', { why, kept }),
        // Dropped: the report as the database holds it (every other field, while only the date
        // was refused), and a write still in flight no longer speaks for the screen.
        discard: () => {
          edits += 1;
          set({
            report: saved,
            unsaved: null,
            kept: null,
            preview: null,
            dateRefused: saved ? visitDateRefusal(saved.date, todayHere()) : null,
          });
        },
      },
    );
  };
  const refresh = async (report: InspectionReport | null) => {
    const deps = inspectionDeps();
    edits += 1;
    saved = report;
    markUnsaved(null);
    set({
      report,
      preview: null,
      passphraseRefused: null,
      dateRefused: report ? visitDateRefusal(report.date, todayHere()) : null,
      findings: report ? await reportFindings(deps.db, report, todayHere()) : [],
    });
  };
  // Reading the assignments, the inspectors and the report shown and writing them take turns: a
  // load begun before an import (the screen loads as it is opened, showing the card at once)
  // would otherwise set the list it read over the assignment just imported, and of two
  // assignments opened one after the other, the first one's report, read last, would be shown
  // under the second. The edits' writes keep their own order (`saving`), which these wait for.
  const inTurn = turns();
  /** Shows an assignment and its report, if the team has started it; in turn only. */
  const open = async (assignmentId: string) => {
    set({ current: assignmentId });
    await saving;
    const seen = edits;
    const report = (await reportOf(inspectionDeps().db, assignmentId)) ?? null;
    // An edit of this report typed while reading is on screen, and written after this read.
    if (seen !== edits && get().report?.reportId === report?.reportId) return;
    await refresh(report);
  };
  const openInTurn = (assignmentId: string) => inTurn(() => open(assignmentId));
  return {
    assignments: [],
    inspectors: [],
    current: null,
    report: null,
    unsaved: null,
    dateRefused: null,
    kept: null,
    findings: [],
    preview: null,
    notice: null,
    passphraseRefused: null,
    photoRefusals: [],
    load: () =>
      run(() =>
        inTurn(async () => {
          const { db } = inspectionDeps();
          const assignments = await heldAssignments(db);
          set({ assignments, inspectors: await enrolledInspectors(db) });
          // An edit not saved, kept across an idle lock: shown as it is, still 未保存.
          if (isHeld('inspection')) return;
          const current = get().current ?? assignments[0]?.assignment.assignmentId;
          if (current) await open(current);
        }),
      ),
    importAssignment: () =>
      run(async () => {
        const label = message('inspection.importing');
        const picked = await withProgress(label, (task) =>
          api['file:open']({ filters: [{ name: 'jbx', extensions: ['jbx'] }], task }),
        );
        if (picked.canceled) return;
        const [file] = picked.files;
        const r = await inTurn(async () => {
          const imported = accepted(await importAssignmentFile(inspectionDeps(), file));
          const id = imported.assignment.assignmentId;
          set({ assignments: await heldAssignments(inspectionDeps().db) });
          // Opened at once, unless an edit on screen is not saved: then asked first.
          if (get().unsaved !== null && id !== get().current)
            askBeforeDropping('leave', () => void run(() => openInTurn(id)));
          else await open(id);
          return imported;
        });
        const id = r.assignment.assignmentId;
        ok(message(r.duplicate ? 'inspection.duplicate' : 'inspection.imported', { id }));
      }),
    choose: (assignmentId) => {
      if (get().unsaved !== null && assignmentId !== get().current) {
        askBeforeDropping('leave', () => void run(() => openInTurn(assignmentId)));
        return Promise.resolve();
      }
      return run(() => openInTurn(assignmentId));
    },
    enrol: (memberId, passphrase) =>
      run(async () => {
        const assignmentId = get().current;
        if (!assignmentId) return;
        const name =
          get()
            .assignments.find((h) => h.assignment.assignmentId === assignmentId)
            ?.assignment.team.find((m) => m.id === memberId)?.name ?? memberId;
        const r = await inTurn(async () => {
          const enrolled = accepted(
            await withProgress(message('inspection.enrolling', { name }), () =>
              enrolInspector(inspectionDeps(), { assignmentId, memberId, passphrase }),
            ),
          );
          set({ inspectors: await enrolledInspectors(inspectionDeps().db) });
          return enrolled;
        });
        ok(
          message('inspection.enrolled', {
            name: r.inspector.name,
            fingerprint: r.inspector.fingerprint,
          }),
        );
      }),
    start: () =>
      run(() =>
        inTurn(async () => {
          const assignmentId = get().current;
          if (!assignmentId) return;
          await refresh(accepted(await startReport(inspectionDeps(), assignmentId)).report);
        }),
      ),
    edit: (report) => {
      const day = todayHere();
      const judged = judgeReportEdit(report, day);
      const mine = (edits += 1);
      set({ report, preview: null, dateRefused: visitDateRefusal(report.date, day) });
      // A refused date: every other field is saved all the same, the date as last saved.
      const base = saved;
      const kept = judged.ok || !base ? null : keepSavedDate(report, base, day);
      const toSave = judged.ok ? judged.report : kept?.ok ? kept.report : null;
      // Said once, where the edit is judged: the top bar and the checks before signing (not
      // also as the screen's notice).
      markUnsaved(
        judged.ok ? null : judged.reason,
        !judged.ok && kept?.ok && base ? base.date : null,
      );
      if (!toSave) {
        // Nothing saved: the checks judge the report on screen (the conclusion typed beside a
        // refused note is there), not the report last saved.
        void reportFindings(inspectionDeps().db, report, day).then(
          (findings) => {
            if (mine === edits) set({ findings });
          },
          () => undefined,
        );
        return;
      }
      const write = saving.then(async () => {
        const written = accepted(await saveReport(inspectionDeps(), toSave));
        saved = written.report;
        const findings = await reportFindings(inspectionDeps().db, written.report, day);
        // A later edit (refused, so not written) has its own checks already.
        if (mine === edits) set({ findings });
      });
      trackSave(write);
      saving = write.then(
        () => undefined,
        (e: unknown) => {
          if (mine === edits) markUnsaved(problemOf(e));
        },
      );
    },
    addPhoto: async (file, caption, item) => {
      // A refused photo is listed by name beside the photo control, each kept (several bad
      // photos are all named), until that file is added after all.
      const problem = await attempt(() =>
        inTurn(async () => {
          const reportId = get().report?.reportId;
          if (!reportId) return;
          await saving;
          const r = accepted(
            await withProgress(message('inspection.adding', { name: file.name }), () =>
              addPhotoFile(
                inspectionDeps(),
                { reportId, ...file, caption, ...(item === undefined ? {} : { item }) },
                scaleOnCanvas,
              ),
            ),
          );
          // An edit not saved stays on screen (to be corrected), the photo beside it.
          const shown = get().report;
          if (get().unsaved !== null && shown)
            set({
              report: { ...shown, photos: r.report.photos },
              findings: await reportFindings(inspectionDeps().db, r.report, todayHere()),
            });
          else await refresh(r.report);
          ok(message('inspection.photoAdded', { name: file.name }));
        }),
      );
      const others = get().photoRefusals.filter((r) => r.name !== file.name);
      set({
        photoRefusals: problem ? [...others, { name: file.name, why: problem.message }] : others,
      });
    },
    previewPdf: () =>
      run(async () => {
        const reportId = get().report?.reportId;
        if (!reportId) return;
        await saving;
        refuseUnsaved(get().unsaved);
        const input = await previewInput(inspectionDeps().db, reportId);
        const r = await withProgress(message('inspection.rendering'), () =>
          api['inspection:pdf'](input),
        );
        set({ preview: { bytes: r.bytes, unprintable: reportUnprintable(input, r.missing) } });
      }),
    sign: async (passphrases) => {
      let done = false;
      set({ passphraseRefused: null });
      await run(async () => {
        const reportId = get().report?.reportId;
        if (!reportId) return;
        await saving;
        refuseUnsaved(get().unsaved);
        const deps = inspectionDeps();
        // Signed and the inspectors (their counters) read again in turn; the file is offered after.
        const signed = await inTurn(async () => {
          const outcome = await withProgress(message('inspection.signing'), () =>
            signReport(deps, {
              reportId,
              passphrases,
              renderPdf,
              audit: async () => {
                const audit = await auditForSigning(deps.db);
                return { head: audit.head, bytes: audit.bytes };
              },
            }),
          );
          // One member's passphrase refused: said beside their field (nothing signed).
          if (!outcome.ok && outcome.member !== undefined) {
            set({ passphraseRefused: { member: outcome.member, why: outcome.reason } });
            return null;
          }
          const made = accepted(outcome);
          set({ inspectors: await enrolledInspectors(deps.db) });
          return made;
        });
        if (!signed) return;
        done = true;
        const outcome = await offer(saveFile, { name: signed.fileName, bytes: signed.bytes });
        set({ notice: savedNotice(outcome, 'inspection.saved') });
      });
      return done;
    },
  };
});

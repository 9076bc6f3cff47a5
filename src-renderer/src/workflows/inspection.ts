/**
 * The inspection team's laptop (issue 20) as use cases without a DOM: the bureau's assignment
 * imported (a signed `inspection-assignment` bundle, bureau key pinned as for every bureau
 * bundle); inspectors enrolled, each with their own Ed25519 key wrapped under their own
 * passphrase (age scrypt), so several people sign one report on one laptop, each with their own
 * key; the report filled from the checklist, photos admitted at the door (src-shared/inspection)
 * and sealed like attachments; then signed by every inspector into an `inspection-report` bundle
 * (report.json, photos/…, report.pdf, audit.json) encrypted to the bureau's age recipient.
 * Every refusal is a sentence naming what is wrong, and nothing is written.
 */
import { z } from 'zod';
import { EMPTY_HEAD } from '../../../src-shared/audit/head';
import {
  applyImport,
  buildBundle,
  checkImport,
  emptyTrust,
  KINDS,
  openBundle,
  type InspectionAssignment,
  type OpenedBundle,
  type SignerInput,
} from '../../../src-shared/bundle';
import { ageDecrypt, ageEncrypt } from '../../../src-shared/crypto/age';
import {
  fingerprint,
  generateSigningKey,
  publicKeyOf,
  sha256Hex,
} from '../../../src-shared/crypto/keys';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import {
  admitPhoto,
  checkReport,
  photoSizeProblem,
  type PhotoRefusal,
  PHOTOS_MAX,
  startChecklist,
  type HeldAssignment,
  visitAfterToday,
} from '../../../src-shared/inspection';
import { hasBlocking, type Finding } from '../../../src-shared/rules';
import { INSPECTION_REPORT_LABELS } from '../../../src-shared/model/labels';
import { describeSchemaIssue } from '../../../src-shared/model/labels/describe';
import {
  InspectionReportSchema,
  type InspectionPhoto,
  type InspectionReport,
  type PhotoMediaType,
} from '../../../src-shared/model';
import {
  isLongEnoughPassphrase,
  MIN_SIGNING_PASSPHRASE,
  normalisePassphrase,
} from '../../../src-shared/passphrase';
import { beijingDayAt, readDate } from '../../../src-shared/text/date';
import type { JiebangDB } from '../db/database';
import { InspectorSchema } from '../db/meta';
import { dateRefusal } from '../i18n/date';
import { dbText } from '../i18n/db';
import { dayParam, message as say, type Message } from '../i18n/strings';
import {
  commitChange,
  getAttachment,
  getInspection,
  getMeta,
  putAttachment,
  saveInspection,
} from '../db/repo';
import { WorkflowError } from './deps';

export interface InspectionDeps {
  db: JiebangDB;
  crypto: CryptoProvider;
  /** Who acts, for the audit log (the profile's label). */
  actor: string;
  /** ISO time now. */
  now: () => string;
}

/** Today in Beijing time (YYYY-MM-DD), in the deps' clock: the day a visit cannot be after. */
export const todayOf = (deps: Pick<InspectionDeps, 'now'>): string =>
  beijingDayAt(new Date(deps.now()));

/**
 * A use case's result: done, or refused with a message the screen shows in the user's language
 * (`useSay`); nothing was written on a refusal.
 */
export type Outcome<T> =
  | ({ ok: true } & T)
  /** `member`: the inspector whose passphrase was refused (the screen says it beside their field). */
  | { ok: false; reason: Message; member?: string };

const ASSIGNMENTS = 'inspection.assignments' as const;
const INSPECTORS = 'inspection.inspectors' as const;

export type EnrolledInspector = z.infer<typeof InspectorSchema>;

const WrappedKeySchema = z.object({
  wrapped: z.custom<Uint8Array>((v) => v instanceof Uint8Array, dbText.signingSecretMissing),
  fingerprint: z.string(),
});

const keyId = (inspectorId: string) => `inspector/${inspectorId}`;

/** The report answering an assignment: one per assignment on a laptop. */
const reportIdOf = (assignmentId: string) => `${assignmentId}-R`;

/** The assignments this laptop holds, newest first. */
export async function heldAssignments(db: JiebangDB): Promise<HeldAssignment[]> {
  return ((await getMeta(db, ASSIGNMENTS)) ?? []).map((h) => ({
    manifestSha256: h.manifestSha256,
    assignment: h.assignment,
  }));
}

async function heldAssignment(
  db: JiebangDB,
  assignmentId: string,
): Promise<HeldAssignment | undefined> {
  return (await heldAssignments(db)).find((h) => h.assignment.assignmentId === assignmentId);
}

/** The inspectors enrolled on this laptop. */
export async function enrolledInspectors(db: JiebangDB): Promise<EnrolledInspector[]> {
  return (await getMeta(db, INSPECTORS)) ?? [];
}

/**
 * Takes in the bureau's assignment: only an `inspection-assignment` bundle, signed by the pinned
 * bureau key (pinned now if this laptop has none yet); kept with the trust state and its audit
 * entry in one transaction.
 */
export async function importAssignment(
  deps: InspectionDeps,
  bundle: OpenedBundle,
): Promise<Outcome<{ assignment: InspectionAssignment; duplicate: boolean; notes: string[] }>> {
  if (bundle.kind !== 'inspection-assignment')
    return {
      ok: false,
      reason: say('bundles.kindNotWanted', {
        kind: KINDS[bundle.kind].label,
        wanted: KINDS['inspection-assignment'].label,
      }),
    };
  const trust = (await getMeta(deps.db, 'trust')) ?? emptyTrust();
  const verdict = checkImport(bundle, trust);
  if (verdict.action === 'refuse') return { ok: false, reason: { text: verdict.reason } };
  if (verdict.action === 'duplicate')
    return { ok: true, assignment: bundle.document, duplicate: true, notes: verdict.notes };
  const held = (await getMeta(deps.db, ASSIGNMENTS)) ?? [];
  if (held.some((h) => h.assignment.assignmentId === bundle.document.assignmentId))
    return {
      ok: false,
      reason: say('inspection.otherHeld', { id: bundle.document.assignmentId }),
    };
  await commitChange(
    deps.db,
    {
      meta: {
        trust: applyImport(trust, bundle, verdict),
        [ASSIGNMENTS]: [
          {
            manifestSha256: bundle.manifestSha256,
            assignment: bundle.document,
            importedAt: deps.now(),
          },
          ...held,
        ],
      },
    },
    {
      actor: deps.actor,
      action: 'inspection.assignment.import',
      target: bundle.document.assignmentId,
      details: { manifestSha256: bundle.manifestSha256 },
    },
  );
  return { ok: true, assignment: bundle.document, duplicate: false, notes: verdict.notes };
}

/**
 * Takes in the assignment from a file the user chose: opened and verified (a damaged, tampered
 * or foreign file refused, naming the file and what is wrong), then `importAssignment`.
 */
export async function importAssignmentFile(
  deps: InspectionDeps,
  file: { name: string; bytes: Uint8Array },
): Promise<Outcome<{ assignment: InspectionAssignment; duplicate: boolean; notes: string[] }>> {
  const opened = await openBundle(file.bytes, { crypto: deps.crypto });
  if (!opened.ok)
    return {
      ok: false,
      reason: say('inspection.notBundle', { name: file.name, message: opened.error.message }),
    };
  const r = await importAssignment(deps, opened.bundle);
  if (r.ok || !('text' in r.reason)) return r;
  return {
    ok: false,
    reason: say('inspection.notBundle', { name: file.name, message: r.reason.text }),
  };
}

/**
 * Enrols a member of the assignment's team on this laptop: a new signing key, wrapped under the
 * member's own passphrase (never stored in clear, inside the sealed database too). Returns the
 * fingerprint to compare with paper.
 */
export async function enrolInspector(
  deps: InspectionDeps,
  input: { assignmentId: string; memberId: string; passphrase: string },
): Promise<Outcome<{ inspector: EnrolledInspector }>> {
  const held = await heldAssignment(deps.db, input.assignmentId);
  if (!held)
    return { ok: false, reason: say('inspection.noAssignment', { id: input.assignmentId }) };
  const member = held.assignment.team.find((m) => m.id === input.memberId);
  if (!member)
    return {
      ok: false,
      reason: say('inspection.notMember', { who: input.memberId, id: input.assignmentId }),
    };
  const enrolled = await enrolledInspectors(deps.db);
  if (enrolled.some((i) => i.id === member.id))
    return {
      ok: false,
      reason: say('inspection.alreadyEnrolled', { name: member.name, id: member.id }),
    };
  if (!isLongEnoughPassphrase(input.passphrase, MIN_SIGNING_PASSPHRASE))
    return {
      ok: false,
      reason: say('inspection.shortPassphrase', {
        name: member.name,
        min: String(MIN_SIGNING_PASSPHRASE),
      }),
    };
  const key = generateSigningKey();
  const print = fingerprint(key.publicKey);
  const wrapped = await ageEncrypt(
    key.secretKey,
    { passphrase: normalisePassphrase(input.passphrase) },
    deps.crypto,
  );
  key.secretKey.fill(0);
  const inspector: EnrolledInspector = {
    id: member.id,
    name: member.name,
    assignmentId: input.assignmentId,
    fingerprint: print,
    counter: 0,
    enrolledAt: deps.now(),
  };
  await commitChange(
    deps.db,
    {
      keys: { [keyId(member.id)]: { wrapped, fingerprint: print } },
      meta: { [INSPECTORS]: [...enrolled, inspector] },
    },
    {
      actor: deps.actor,
      action: 'inspection.inspector.enrol',
      target: member.id,
      details: { fingerprint: print },
    },
  );
  return { ok: true, inspector };
}

/**
 * Starts the report for an assignment: its checklist (the assignment's items, or the app's
 * template for its subject), its first site, and the enrolled members of its team.
 */
export async function startReport(
  deps: InspectionDeps,
  assignmentId: string,
): Promise<Outcome<{ report: InspectionReport }>> {
  const held = await heldAssignment(deps.db, assignmentId);
  if (!held) return { ok: false, reason: say('inspection.noAssignment', { id: assignmentId }) };
  const a = held.assignment;
  const existing = await getInspection(deps.db, reportIdOf(assignmentId));
  if (existing) return { ok: true, report: existing };
  const team = (await enrolledInspectors(deps.db)).filter((i) => i.assignmentId === assignmentId);
  if (team.length === 0) return { ok: false, reason: say('inspection.enrolFirst') };
  const [site] = a.sites;
  const report = InspectionReportSchema.parse({
    formatVersion: 2,
    reportId: reportIdOf(assignmentId),
    assignmentId,
    subject: a.subject,
    date: todayOf(deps),
    site: site?.name ?? '',
    inspectors: team.map((i) => ({ id: i.id, name: i.name })),
    checklist: startChecklist(a),
    conclusion: '',
  });
  await saveInspection(deps.db, report, {
    actor: deps.actor,
    action: 'inspection.report.start',
    target: report.reportId,
  });
  return { ok: true, report };
}

/** The visit's date as edited, whatever else the edit holds (for the date rule to judge). */
const EditedDateSchema = z.object({ date: z.string() });

/**
 * Why the visit's date as typed is refused, or null: the date rule's own sentence (no such day, not
 * a date, missing), or a day after `today` (`visitAfterTodayText`: a report records a visit that
 * took place, 第十二条（二）). What the date field says beside the text, and what
 * `judgeReportEdit` says after 「考察日期：」.
 */
export function visitDateRefusal(typed: string, today: string): Message | null {
  const date = readDate(typed);
  if (!date.ok) return dateRefusal(date);
  return visitAfterToday(date.iso, today)
    ? say('inspection.afterToday', { date: dayParam(date.iso), today: dayParam(today) })
    : null;
}

/**
 * Whether an edited report can be kept on `today` (YYYY-MM-DD, the deps' clock): the report as the
 * schema keeps it (the date as YYYY-MM-DD), or why not, the field named — the visit's date by its
 * label and its refusal (`visitDateRefusal`: 「考察日期：2026-02-30 不是实际存在的日期」,
 * 「考察日期：缺少此项（必填）」, 「考察日期：2026年12月3日晚于今天（2026年12月2日），…」). Pure: the screen
 * knows at once, before anything is written, whether the edit on screen is saved.
 */
export function judgeReportEdit(
  edited: unknown,
  today: string,
): Outcome<{ report: InspectionReport }> {
  const typed = EditedDateSchema.safeParse(edited);
  const refused = visitDateRefusal(typed.success ? typed.data.date : '', today);
  if (refused) return { ok: false, reason: say('inspection.dateRefused', { why: refused }) };
  const parsed = InspectionReportSchema.safeParse(edited);
  if (parsed.success) return { ok: true, report: parsed.data };
  // The field named as the form labels it (INSPECTION_REPORT_LABELS, as every door names the
  // report's fields): 「第 4 项的说明：含有双向控制字符 U+202E…」, never 「checklist.3.note」.
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason: { text: issue ? describeSchemaIssue(issue, INSPECTION_REPORT_LABELS) : '' },
  };
}

/**
 * What can be saved of an edit whose visit date the form's check refuses: every other field as
 * typed, the date as last saved — so leaving loses only the refused date, never the conclusion or
 * a note typed while it stood. Refused still (nothing to save) if another field is refused too.
 */
export function keepSavedDate(
  edited: InspectionReport,
  saved: InspectionReport,
  today: string,
): Outcome<{ report: InspectionReport }> {
  // The date as last saved is kept as it is, even if it is now after today (saved before this
  // rule, or the clock moved back): its blocking finding still stops signing.
  return judgeReportEdit({ ...edited, date: saved.date }, saved.date > today ? saved.date : today);
}

/**
 * Saves the report as edited (judged first on the deps' today, `judgeReportEdit`: a field refused
 * is named, nothing saved).
 */
export async function saveReport(
  deps: InspectionDeps,
  edited: unknown,
): Promise<Outcome<{ report: InspectionReport }>> {
  const judged = judgeReportEdit(edited, todayOf(deps));
  if (judged.ok) await saveInspection(deps.db, judged.report, null);
  return judged;
}

/** A photo scaled for the report (longest side PHOTO_REPORT_MAX_SIDE); the DOM does it in the app. */
export type ScalePhoto = (
  bytes: Uint8Array,
  mediaType: PhotoMediaType,
) => Promise<{ bytes: Uint8Array; mediaType: PhotoMediaType }>;

const attachmentId = (reportId: string, path: string) => `inspection/${reportId}/${path}`;

/** A photo's refusal in the user's language, by its kind. */
function photoRefusal(r: PhotoRefusal): Message {
  switch (r.kind) {
    case 'empty':
      return say('inspection.photoEmpty', { name: r.name });
    case 'too-big':
      return say('inspection.photoTooBig', { name: r.name, size: r.size, max: r.max });
    case 'not-image':
      return say('inspection.photoNotImage', { name: r.name });
    default: {
      const never: never = r;
      return never;
    }
  }
}

/**
 * Adds a photo chosen from a file: refused by name if it is past the size bound or not a JPEG or
 * PNG (nothing written); else its EXIF capture time read from the original, the photo scaled for
 * the report, sealed like an attachment, and registered with its SHA-256 and caption.
 */
export async function addPhoto(
  deps: InspectionDeps,
  input: { reportId: string; name: string; bytes: Uint8Array; caption: string; item?: number },
  scale: ScalePhoto,
): Promise<Outcome<{ report: InspectionReport; photo: InspectionPhoto }>> {
  const report = await getInspection(deps.db, input.reportId);
  if (!report) return { ok: false, reason: say('inspection.noReport', { id: input.reportId }) };
  if (report.photos.length >= PHOTOS_MAX)
    return {
      ok: false,
      reason: say('inspection.tooManyPhotos', { max: PHOTOS_MAX, name: input.name }),
    };
  const admitted = await admitPhoto(input.name, input.bytes);
  if (!admitted.ok) return { ok: false, reason: photoRefusal(admitted) };
  let scaled: { bytes: Uint8Array; mediaType: PhotoMediaType };
  try {
    scaled = await scale(input.bytes, admitted.mediaType);
  } catch {
    return { ok: false, reason: say('inspection.badPhoto', { name: input.name }) };
  }
  const n = report.photos.length + 1;
  const path = `photos/p${String(n).padStart(2, '0')}.${scaled.mediaType === 'image/png' ? 'png' : 'jpg'}`;
  const photo: InspectionPhoto = {
    path,
    sha256: sha256Hex(scaled.bytes),
    size: scaled.bytes.byteLength,
    mediaType: scaled.mediaType,
    name: input.name,
    caption: input.caption,
    ...(admitted.capturedAt ? { capturedAt: admitted.capturedAt } : {}),
    ...(input.item !== undefined ? { item: input.item } : {}),
  };
  const next = InspectionReportSchema.safeParse({ ...report, photos: [...report.photos, photo] });
  if (!next.success)
    return {
      ok: false,
      reason: say('inspection.photoRefused', {
        name: input.name,
        message: next.error.issues[0]?.message ?? '',
      }),
    };
  await putAttachment(
    deps.db,
    {
      id: attachmentId(report.reportId, path),
      packageId: `inspection/${report.reportId}`,
      name: input.name,
      mediaType: scaled.mediaType,
    },
    scaled.bytes,
  );
  await saveInspection(deps.db, next.data, {
    actor: deps.actor,
    action: 'inspection.photo.add',
    target: `${report.reportId}/${path}`,
    details: { sha256: photo.sha256 },
  });
  return { ok: true, report: next.data, photo };
}

/**
 * A photo chosen from a file, as the screen holds it: its name, its size on disk and how to read
 * it. A file past the size bound (PHOTO_MAX_BYTES, 25 MB) is refused by name *before* it is read,
 * so a 200 MB file costs nothing; otherwise read and added as `addPhoto` does.
 */
export async function addPhotoFile(
  deps: InspectionDeps,
  input: {
    reportId: string;
    name: string;
    size: number;
    read: () => Promise<Uint8Array>;
    caption: string;
    item?: number;
  },
  scale: ScalePhoto,
): Promise<Outcome<{ report: InspectionReport; photo: InspectionPhoto }>> {
  const tooBig = photoSizeProblem(input.name, input.size);
  if (tooBig) return { ok: false, reason: photoRefusal(tooBig) };
  const { reportId, name, caption, item } = input;
  const bytes = await input.read();
  return addPhoto(
    deps,
    { reportId, name, bytes, caption, ...(item === undefined ? {} : { item }) },
    scale,
  );
}

/** The report's photos' bytes (as scaled and sealed), by path. */
export async function photoBytes(
  db: JiebangDB,
  report: InspectionReport,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const p of report.photos) {
    const att = await getAttachment(db, attachmentId(report.reportId, p.path));
    if (!att) throw new WorkflowError(say('inspection.photoMissing', { name: p.name || p.path }));
    out.set(p.path, att.bytes);
  }
  return out;
}

/** The report's findings against its assignment on `today` (what the form shows before signing). */
export async function reportFindings(
  db: JiebangDB,
  report: InspectionReport,
  today: string,
): Promise<Finding[]> {
  const held = await heldAssignment(db, report.assignmentId);
  return held ? checkReport(report, held.assignment, today) : [];
}

export interface RenderInspectionPdf {
  (input: {
    report: InspectionReport;
    signers: { id: string; name: string; fingerprint: string }[];
    photos: { path: string; bytes: Uint8Array }[];
    purpose: string;
  }): Promise<Uint8Array>;
}

type PdfInput = Parameters<RenderInspectionPdf>[0];

function pdfInputOf(
  report: InspectionReport,
  held: HeldAssignment,
  signers: readonly EnrolledInspector[],
  photos: ReadonlyMap<string, Uint8Array>,
): PdfInput {
  return {
    report,
    signers: signers.map((who) => ({ id: who.id, name: who.name, fingerprint: who.fingerprint })),
    photos: [...photos].map(([path, bytes]) => ({ path, bytes })),
    purpose: held.assignment.purpose,
  };
}

/**
 * What the report's PDF is made from before anyone signs (the preview): the report as saved,
 * its photos' sealed bytes, and the enrolled team's names and fingerprints in the signer blocks.
 * @throws WorkflowError when the report, its assignment or a member's enrolment is missing.
 */
export async function previewInput(db: JiebangDB, reportId: string): Promise<PdfInput> {
  const report = await getInspection(db, reportId);
  if (!report) throw new WorkflowError(say('inspection.noReport', { id: reportId }));
  const held = await heldAssignment(db, report.assignmentId);
  if (!held) throw new WorkflowError(say('inspection.noAssignment', { id: report.assignmentId }));
  const enrolled = await enrolledInspectors(db);
  const signers: EnrolledInspector[] = [];
  for (const member of report.inspectors) {
    const who = enrolled.find((i) => i.id === member.id);
    if (!who)
      throw new WorkflowError(say('inspection.notEnrolled', { name: member.name, id: member.id }));
    signers.push(who);
  }
  return pdfInputOf(report, held, signers, await photoBytes(db, report));
}

/** The report answering an assignment, if the team has started it on this laptop. */
export async function reportOf(
  db: JiebangDB,
  assignmentId: string,
): Promise<InspectionReport | undefined> {
  return getInspection(db, reportIdOf(assignmentId));
}

/**
 * Signs the report with every inspector's key (each unlocked by their own passphrase), the
 * laptop's audit head with the first: report.json, the photos, report.pdf and audit.json in one
 * `inspection-report` bundle answering the assignment, encrypted to the bureau. Refused, nothing
 * written, on a blocking finding or a wrong passphrase (naming whose).
 */
export async function signReport(
  deps: InspectionDeps,
  input: {
    reportId: string;
    passphrases: Readonly<Record<string, string>>;
    renderPdf: RenderInspectionPdf;
    audit: () => Promise<{ head: SignerInput['audit']; bytes: Uint8Array }>;
  },
): Promise<Outcome<{ bytes: Uint8Array; fileName: string; pdf: Uint8Array }>> {
  const report = await getInspection(deps.db, input.reportId);
  if (!report) return { ok: false, reason: say('inspection.noReport', { id: input.reportId }) };
  const held = await heldAssignment(deps.db, report.assignmentId);
  if (!held)
    return { ok: false, reason: say('inspection.noAssignment', { id: report.assignmentId }) };
  const findings = checkReport(report, held.assignment, todayOf(deps));
  if (hasBlocking(findings))
    return {
      ok: false,
      reason: say('inspection.blocking', {
        list: findings
          .filter((f) => f.severity === 'blocking')
          .map((f) => f.message)
          .join(' / '),
      }),
    };
  const enrolled = await enrolledInspectors(deps.db);
  const keys: { who: EnrolledInspector; secretKey: Uint8Array }[] = [];
  for (const member of report.inspectors) {
    const who = enrolled.find((i) => i.id === member.id);
    if (!who)
      return {
        ok: false,
        reason: say('inspection.notEnrolled', { name: member.name, id: member.id }),
      };
    const passphrase = input.passphrases[member.id];
    if (!passphrase)
      return {
        ok: false,
        reason: say('inspection.askPassphrase', { name: who.name }),
        member: who.id,
      };
    const row = WrappedKeySchema.safeParse(await deps.db.keys.get(keyId(member.id)));
    if (!row.success)
      return { ok: false, reason: say('inspection.keyMissing', { name: who.name }) };
    let secretKey: Uint8Array;
    try {
      // NFC as at enrolment; a key wrapped before under the passphrase as typed still opens.
      const typed = normalisePassphrase(passphrase);
      secretKey = await ageDecrypt(
        row.data.wrapped,
        typed === passphrase ? [{ passphrase }] : [{ passphrase: typed }, { passphrase }],
        deps.crypto,
      );
    } catch {
      return {
        ok: false,
        reason: say('inspection.wrongPassphrase', { name: who.name, id: who.id }),
        member: who.id,
      };
    }
    if (fingerprint(publicKeyOf(secretKey)) !== who.fingerprint)
      return { ok: false, reason: say('inspection.keyMismatch', { name: who.name }) };
    keys.push({ who, secretKey });
  }
  const photos = await photoBytes(deps.db, report);
  const pdf = await input.renderPdf(
    pdfInputOf(
      report,
      held,
      keys.map(({ who }) => who),
      photos,
    ),
  );
  const audit = await input.audit();
  const [first, ...rest] = keys.map(({ who, secretKey }, i): SignerInput => ({
    role: 'inspector',
    id: who.id,
    name: who.name,
    secretKey,
    counter: who.counter + 1,
    audit: i === 0 ? audit.head : EMPTY_HEAD,
  }));
  if (!first) return { ok: false, reason: say('inspection.noTeam') };
  const counter = Math.max(...keys.map(({ who }) => who.counter + 1));
  const bytes = await buildBundle({
    crypto: deps.crypto,
    kind: 'inspection-report',
    bundleId: `${report.reportId}-${counter}`,
    subject: report.subject,
    signers: [first, ...rest],
    answers: [{ kind: 'inspection-assignment', manifestSha256: held.manifestSha256 }],
    document: report,
    files: new Map([...photos, ['report.pdf', pdf], ['audit.json', audit.bytes]]),
    encryptTo: { recipient: held.assignment.reportTo.ageRecipient },
    createdAt: deps.now(),
  });
  for (const k of keys) k.secretKey.fill(0);
  const signedIds = new Set(keys.map(({ who }) => who.id));
  const signedBefore = (await getMeta(deps.db, 'inspection.signed')) ?? [];
  await commitChange(
    deps.db,
    {
      meta: {
        [INSPECTORS]: enrolled.map((i) =>
          signedIds.has(i.id) ? { ...i, counter: i.counter + 1 } : i,
        ),
        // Signed, so a fact of the project's timeline (a draft is not).
        'inspection.signed': [
          ...signedBefore.filter((r) => r.reportId !== report.reportId),
          { reportId: report.reportId, sha256: sha256Hex(bytes), signedAt: deps.now() },
        ],
      },
    },
    {
      actor: deps.actor,
      action: 'inspection.report.sign',
      target: report.reportId,
      details: { signers: [...signedIds].join(','), sha256: sha256Hex(bytes) },
    },
  );
  return { ok: true, bytes, fileName: `${report.reportId}.jbx`, pdf };
}

/**
 * The one IPC contract between the renderer and main (docs/desktop-shell.md).
 *
 * channel → zod input schema → zod output schema. Main validates every input against `input`
 * before a handler runs (src-main/ipc/dispatch.ts); the renderer's bridge validates every answer
 * against `output`; the preload exposes exactly these channels (src-main/preload.ts, checked with
 * `satisfies`); the web host answers the same handlers over HTTP (src-main/web/server.ts).
 * Handlers speak bytes, never paths.
 *
 * Each channel's schemas are built on first use (`schemasOf`), and the channels that carry the
 * domain's documents (packages, sheets, task books…) load those schemas (`./ipc-documents`, with
 * decimal.js and the model) only then: the profile gate, the app's first screen, checks its
 * answers without them (issue 22).
 *
 * To add a channel: add an entry here, a handler in src-main/handlers/<domain>.ts (spread into
 * src-main/handlers/index.ts), and one line each in src-main/preload.ts and
 * src-renderer/src/bridge.ts; the compiler points at every place that is still missing it.
 */
import { z } from 'zod';
import {
  FILE_TOO_LARGE,
  gateContract,
  MAX_FILE_BYTES,
  ProfileIdSchema,
  ProfileSummarySchema,
  type Envelope,
  type Schema,
} from './ipc-gate';
import { ProfileLabelSchema } from './model/common';
import {
  isBlankPassphrase,
  isLongEnoughPassphrase,
  PASSPHRASE_BLANK,
  PASSPHRASE_TOO_SHORT,
} from './passphrase';

/** The issue of `bureau:open-bundle`'s failure for a file the bureau's identity does not open. */
export const NOT_DECRYPTED = 'not-decrypted';

export {
  AppInfoSchema,
  EnvelopeSchema,
  FILE_TOO_LARGE,
  fileSizeProblem,
  fileTooLarge,
  formatBytes,
  IpcError,
  IpcErrorSchema,
  MAX_FILE_BYTES,
  MAX_MESSAGE_BYTES,
  PROGRESS_EVENT,
  ProfileIdSchema,
  ProfileSummarySchema,
  ProgressSchema,
  type AppInfo,
  type Envelope,
  type IpcErrorShape,
  type Progress,
  type ProfileSummary,
  type Schema,
} from './ipc-gate';

/** The domain's schemas the document channels are built from, loaded with the first of them. */
const documents = () => import('./ipc-documents');

/** Bytes cross the boundary as Uint8Array (structured clone in Electron, tagged base64 over HTTP). */
export const BytesSchema = z.custom<Uint8Array>(
  (v) => v instanceof Uint8Array,
  '须为字节数组 expected bytes',
);

export const FileFilterSchema = z.object({
  name: z.string().min(1).max(200),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

/** A SHA-256 digest (a key's fingerprint) as 64 lowercase hex digits. */
const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
/**
 * 第七条 保密: a passphrase of at least 10 characters guards each expert's profile — counted as the
 * gate's form and main count it (`isLongEnoughPassphrase`: code points after NFC), and not blank
 * (`isBlankPassphrase`: only spaces, tabs or invisible characters).
 */
export const PassphraseSchema = z
  .string()
  .max(1024)
  .refine(isLongEnoughPassphrase, PASSPHRASE_TOO_SHORT)
  .refine((p) => !isBlankPassphrase(p), PASSPHRASE_BLANK);

/** A plain file name: no path separators, reserved characters or control characters. */
export function isSafeFileName(name: string): boolean {
  if (name === '.' || name === '..') return false;
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || '\\/:*?"<>|'.includes(ch)) return false;
  }
  return true;
}

/** Bytes of one message, refused past MAX_FILE_BYTES (the renderer's bridge refuses them too). */
export const MessageBytesSchema = BytesSchema.refine(
  (b) => b.byteLength <= MAX_FILE_BYTES,
  FILE_TOO_LARGE,
);

/** Ties a call's progress events to the task that started it (optional on long calls). */
const TaskIdSchema = z.string().min(1).max(100).optional();

/** The bureau's keys as the renderer sees them (issue 18): public parts only. */
const bureauKeyInfoSchema = () =>
  z.object({
    fingerprint: Sha256HexSchema,
    publicKeyPem: z.string(),
    ageRecipient: z.string(),
    createdAt: z.string(),
    retired: z.array(z.object({ fingerprint: z.string(), retiredAt: z.string() })),
  });
export type BureauKeyInfo = z.infer<ReturnType<typeof bureauKeyInfoSchema>>;

/** A list as read from a workbook or CSV (src-shared/bureau/grid.ts `Grid`). */
const gridSchema = () =>
  z.object({
    file: z.string(),
    sheet: z.string(),
    kind: z.enum(['xlsx', 'csv']),
    rows: z
      .array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).readonly())
      .readonly(),
    merges: z.array(z.string()).readonly(),
    uncalculated: z.array(z.string()).readonly().optional(),
  });

/** The profile's passphrase, asked again before main uses the bureau's secrets. */
const confirmSchema = () =>
  z.object({
    profileId: ProfileIdSchema,
    passphrase: z.string().min(1).max(1024),
  });

const namedBytesSchema = () =>
  z.object({ name: z.string().min(1).max(260), bytes: MessageBytesSchema });

/** A PDF made in main, and the characters no print font has (they would print as boxes). */
const renderedPdfSchema = () => z.object({ bytes: BytesSchema, missing: z.array(z.string()) });

/**
 * `build` run on the first call only, its result kept; a failed build (the domain's schemas not
 * loaded) is not kept, so the next call tries again.
 */
function once<T>(build: () => T | Promise<T>): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () => {
    if (kept) return kept;
    const building = Promise.resolve().then(build);
    kept = building;
    building.catch(() => {
      if (kept === building) kept = null;
    });
    return building;
  };
}

/**
 * Each channel's schemas, built when the channel is first used (`schemasOf`); the document
 * channels load the domain's schemas (`documents()`) then.
 */
export const contract = {
  'app:info': once(() => gateContract['app:info']),
  'file:save': once(() => ({
    input: z.object({
      bytes: MessageBytesSchema,
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .refine((n) => isSafeFileName(n), '文件名含非法字符'),
      filters: z.array(FileFilterSchema).max(10).optional(),
      task: TaskIdSchema,
    }),
    output: z.discriminatedUnion('canceled', [
      z.object({ canceled: z.literal(true) }),
      z.object({ canceled: z.literal(false), name: z.string() }),
    ]),
  })),
  'file:open': once(() => {
    const opened = z.object({ name: z.string(), bytes: BytesSchema });
    return {
      input: z.object({
        filters: z.array(FileFilterSchema).max(10),
        multiple: z.boolean().optional(),
        task: TaskIdSchema,
      }),
      output: z.discriminatedUnion('canceled', [
        z.object({ canceled: z.literal(true) }),
        z.object({ canceled: z.literal(false), files: z.tuple([opened], opened) }),
      ]),
    };
  }),
  /** The bundled sample review package (resources/sample/review-package.jbx), for `npm start`. */
  'sample:package': once(() => ({
    input: z.undefined(),
    output: z.object({ name: z.string(), bytes: BytesSchema }),
  })),
  /** The paper score sheet as a PDF, rendered in main (fonts, layout), for the wet signature. */
  'sheet:pdf': once(async () => {
    const d = await documents();
    return {
      input: z.object({
        pkg: d.ReviewPackageSchema,
        sheet: d.ScoreSheetSchema,
        fingerprint: Sha256HexSchema,
      }),
      output: z.object({ bytes: BytesSchema }),
    };
  }),
  /** The task book (任务书/军令状) as a print-ready PDF, rendered in main off its event loop. */
  'taskbook:pdf': once(async () => {
    const d = await documents();
    return { input: z.object({ tb: d.TaskBookSchema }), output: renderedPdfSchema() };
  }),
  /**
   * The inspection report (实地考察报告) as an A4 PDF: cover, checklist table, photos with captions
   * and capture times, every signer's block; rendered in main like the task book.
   */
  'inspection:pdf': once(async () => {
    const d = await documents();
    return { input: d.InspectionPdfInputSchema, output: renderedPdfSchema() };
  }),
  /** A form of the meeting pack (src-shared/meeting) as a PDF, rendered in main's worker. */
  'form:pdf': once(async () => {
    const d = await documents();
    return { input: z.object({ layout: d.FormLayoutSchema }), output: renderedPdfSchema() };
  }),
  /** Electron's print dialog on a PDF; the web host answers `handler-failed` (it downloads instead). */
  'pdf:print': once(() => ({
    input: z.object({
      bytes: MessageBytesSchema,
      title: z.string().min(1).max(200),
    }),
    output: z.object({ printed: z.boolean() }),
  })),
  'profile:list': once(() => gateContract['profile:list']),
  'profile:create': once(() => ({
    input: z.object({ label: ProfileLabelSchema, passphrase: PassphraseSchema }),
    output: z.object({ profile: ProfileSummarySchema, dataKey: BytesSchema }),
  })),
  'profile:unlock': once(() => ({
    input: z.object({ id: ProfileIdSchema, passphrase: z.string().min(1).max(1024) }),
    output: z.object({ dataKey: BytesSchema }),
  })),
  'profile:change-passphrase': once(() => ({
    input: z.object({
      id: ProfileIdSchema,
      oldPassphrase: z.string().min(1).max(1024),
      newPassphrase: PassphraseSchema,
    }),
    output: z.object({ changed: z.literal(true) }),
  })),
  'profile:enable-keychain': once(() => ({
    input: z.object({ id: ProfileIdSchema, passphrase: z.string().min(1).max(1024) }),
    output: z.object({ enabled: z.literal(true) }),
  })),
  'profile:unlock-keychain': once(() => ({
    input: z.object({ id: ProfileIdSchema }),
    output: z.object({ dataKey: BytesSchema }),
  })),
  'bureau:key-info': once(() => ({
    input: z.object({ profileId: ProfileIdSchema }),
    output: z.object({ key: bureauKeyInfoSchema().nullable() }),
  })),
  'bureau:key-create': once(() => ({
    input: confirmSchema(),
    output: z.object({ key: bureauKeyInfoSchema() }),
  })),
  'bureau:key-rotate': once(async () => {
    const d = await documents();
    return {
      input: confirmSchema().extend({
        effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        reason: z.string().min(1).max(500).optional(),
      }),
      output: z.object({ key: bureauKeyInfoSchema(), bytes: BytesSchema, notice: d.NoticeSchema }),
    };
  }),
  'bureau:sign-package': once(async () => {
    const d = await documents();
    return {
      input: confirmSchema().extend({
        pkg: d.ReviewPackageSchema,
        /** Every attachment the package registers, by its path in the package. */
        files: z.array(z.object({ path: z.string().min(1).max(300), bytes: BytesSchema })).max(500),
        encrypt: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('none') }),
          z.object({ kind: z.literal('new-passphrase') }),
          z.object({ kind: z.literal('passphrase'), passphrase: z.string().min(8).max(1024) }),
        ]),
        file: z.string().min(1).max(200).refine(isSafeFileName, '文件名不能含路径或保留字符'),
      }),
      output: z.object({
        bytes: BytesSchema,
        manifestSha256: z.string(),
        fingerprint: z.string(),
        counter: z.number().int(),
        notice: d.NoticeSchema,
        passphrase: z.string().nullable(),
      }),
    };
  }),
  /** An inspection assignment signed with the bureau key (issue 20), for the desk to keep. */
  'bureau:sign-assignment': once(async () => {
    const d = await documents();
    return {
      input: confirmSchema().extend({ assignment: d.InspectionAssignmentSchema }),
      output: z.object({
        bytes: BytesSchema,
        manifestSha256: z.string(),
        counter: z.number().int(),
      }),
    };
  }),
  /**
   * A bundle file decrypted in main with the bureau's age identity. A file the identity does not
   * open fails with the issue {@link NOT_DECRYPTED}: that file's refusal, not the import's.
   */
  'bureau:open-bundle': once(() => ({
    input: confirmSchema().extend({ bytes: MessageBytesSchema }),
    output: z.object({ bytes: BytesSchema, fileSha256: z.string(), wasEncrypted: z.boolean() }),
  })),
  'bureau:read-lists': once(() => ({
    input: z.object({ files: z.array(namedBytesSchema()).min(1).max(50) }),
    output: z.object({ grids: z.array(gridSchema()), problems: z.array(z.string()) }),
  })),
  'bureau:export-xlsx': once(async () => {
    const d = await documents();
    return {
      input: z.object({
        pkg: d.ReviewPackageSchema,
        sheets: z.array(d.ScoreSheetSchema).max(200),
        decision: d.PanelDecisionSchemaV2.nullable(),
        /** How each counted sheet came in (来源 in 专家评分明细): signed, or a paper transcription. */
        provenance: z
          .array(
            z.object({
              expertId: z.string().max(64),
              standing: z.enum(['signed', 'paper', 'unsigned']),
              paper: z
                .object({
                  transcribedBy: z.string().max(200).optional(),
                  checkedBy: z.string().max(200).optional(),
                  scan: z
                    .object({ path: z.string().max(300), sha256: z.string().max(64) })
                    .optional(),
                })
                .optional(),
            }),
          )
          .max(200)
          .default([]),
      }),
      output: z.object({ bytes: BytesSchema }),
    };
  }),
  'notice:pdf': once(async () => {
    const d = await documents();
    return { input: z.object({ notice: d.NoticeSchema }), output: renderedPdfSchema() };
  }),
} as const satisfies Record<string, () => Promise<ChannelSchemas>>;

interface ChannelSchemas {
  input: Schema;
  output: Schema;
}

/** channel → its schemas, as the builders above make them. */
export type Contract = {
  [C in keyof typeof contract]: Awaited<ReturnType<(typeof contract)[C]>>;
};
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/**
 * The contract viewed per channel, so generic code (`dispatch`, the bridges) can index it with a
 * type parameter `C extends Channel` and keep the link between a channel and its schemas.
 */
export type ContractByChannel = {
  [C in Channel]: {
    input: Schema<z.output<Contract[C]['input']>, z.input<Contract[C]['input']>>;
    output: Schema<z.output<Contract[C]['output']>, z.input<Contract[C]['output']>>;
  };
};
const builders: { [C in Channel]: () => Promise<ContractByChannel[C]> } = contract;

/**
 * The input and output schemas of `channel`, built on its first use and kept (the same objects
 * for every later call). Rejects only when the domain's schemas cannot be loaded.
 */
export function schemasOf<C extends Channel>(channel: C): Promise<ContractByChannel[C]> {
  return builders[channel]();
}

export const channelNames: readonly Channel[] = Object.keys(contract).filter(isChannel);

/** The API the renderer sees: one function per channel (undefined input → no argument). */
export type Api = {
  [C in Channel]: ChannelInput<C> extends undefined
    ? () => Promise<ChannelOutput<C>>
    : (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
};

/**
 * What the preload exposes (as `window.jiebang`): one function per channel returning the raw
 * envelope. The renderer's bridge (src-renderer/src/bridge.ts) unwraps it into `Api`.
 */
export type RawApi = {
  [C in Channel]: ChannelInput<C> extends undefined
    ? () => Promise<Envelope>
    : (input: ChannelInput<C>) => Promise<Envelope>;
};

/** The preload's second, narrow export: a subscription to main's progress events only. */
export interface RawEvents {
  /** Calls `listener` with each progress event (unvalidated: the bridge parses it); returns unsubscribe. */
  onProgress: (listener: (progress: unknown) => void) => () => void;
}

export function isChannel(name: unknown): name is Channel {
  // Hoisted: channelNames above uses it at module load.
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

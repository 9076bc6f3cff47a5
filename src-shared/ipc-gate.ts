/**
 * The part of the IPC contract (`./ipc`) the app's first screen needs, in `zod/mini` (the same
 * zod core, without the chained API): the envelope every answer comes in, the errors it carries,
 * progress events, and the two channels the profile gate asks first (`app:info`,
 * `profile:list`). `./ipc` re-exports all of it and builds those two channels from here, so the
 * contract stays one; the renderer's bridge checks the gate's answers without loading zod's
 * classic API or the rest of the contract (issue 22: first screen ≤ 1 s).
 */
import { z } from 'zod/mini';
import { formatBytes, MAX_FILE_BYTES } from './io/file-size';
import './validation-messages';

/**
 * A schema of the contract, made with zod or zod/mini: both parse the same way (`parse` throws,
 * `safeParse` answers), so generic code (main's dispatch, the bridges) takes either.
 */
export interface Schema<Out = unknown, In = unknown> extends z.core.$ZodType<Out, In> {
  parse(data: unknown): Out;
  safeParse(data: unknown): z.core.util.SafeParseResult<Out>;
}

export {
  fileSizeProblem,
  fileTooLarge,
  formatBytes,
  MAX_FILE_BYTES,
  MAX_MESSAGE_BYTES,
} from './io/file-size';
/** The refusal of bytes past MAX_FILE_BYTES, naming the limit. */
export const FILE_TOO_LARGE = `文件过大：超过单个文件上限 ${formatBytes(MAX_FILE_BYTES)}`;

export const ProfileIdSchema = z.string().check(z.regex(/^[a-f0-9-]{36}$/));
export const ProfileSummarySchema = z.object({
  id: ProfileIdSchema,
  label: z.string(),
  createdAt: z.string(),
  hasKeychain: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' inside the desktop app, 'web' under the web host used by tests. */
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  dataDir: z.string(),
  isPackaged: z.boolean(),
  /** Test-only switches the web host may report; Electron never reports any. */
  testFlags: z.optional(z.object({ plaintextStorage: z.boolean() })),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A count of bytes or files: a whole number, not negative. */
const countSchema = () => z.number().check(z.int(), z.nonnegative());

/**
 * Progress of long work (reading or writing a large bundle, encrypting, verifying), in bytes.
 * Main pushes it as the `progress` event (the only event it sends); the renderer's own long work
 * (building and opening bundles) reports through the same shape, so one progress UI shows both.
 */
export const ProgressSchema = z.object({
  task: z.string().check(z.minLength(1), z.maxLength(100)),
  phase: z.enum([
    'read',
    'write',
    'encrypt',
    'decrypt',
    'zip',
    'unzip',
    'verify',
    'sign',
    'render',
  ]),
  done: countSchema(),
  total: countSchema(),
  /** What `done` and `total` count: bytes (the default) or files (the chair's n / 49 sheets). */
  unit: z.optional(z.enum(['bytes', 'files'])),
});
export type Progress = z.infer<typeof ProgressSchema>;
export const PROGRESS_EVENT = 'progress';

/** The channels the profile gate asks first, as the contract (`./ipc`) has them. */
export const gateContract = {
  'app:info': { input: z.undefined(), output: AppInfoSchema },
  'profile:list': { input: z.undefined(), output: z.array(ProfileSummarySchema) },
} as const;
export type GateChannel = keyof typeof gateContract;

/** Error envelope returned across the boundary: the renderer rethrows it as `IpcError`. */
export const IpcErrorSchema = z.object({
  code: z.enum(['bad-input', 'forbidden', 'unknown-channel', 'handler-failed']),
  message: z.string(),
  issues: z.optional(z.array(z.string())),
});
export type IpcErrorShape = z.infer<typeof IpcErrorSchema>;

/** What crosses the boundary back to the renderer: never a thrown Error (those lose their shape). */
export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcErrorSchema }),
]);
export type Envelope = z.infer<typeof EnvelopeSchema>;

export class IpcError extends Error {
  override name = 'IpcError';
  constructor(
    readonly code: IpcErrorShape['code'],
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * Printing a meeting form from the app (issue 19): the layout from src-shared/meeting (the same
 * builder as `jiebang print`), rendered in main's worker (`form:pdf`), then Electron's print
 * dialog (`pdf:print`) — or, in the web host, a download. The bridge comes in as an argument.
 * And the other way: a code read off a signed form checked against the record (`verifyFormFiles`).
 */
import type { AgeKey } from '../../../src-shared/crypto/age';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import {
  buildForm,
  describeFormVerdict,
  formUnprintable,
  formRecordFromFiles,
  verifyFormPrint,
  type FormInputs,
  type FormKind,
} from '../../../src-shared/meeting';
import type { Api } from '../../../src-shared/ipc';

/** `unprintable`: what the PDF could not print, a sentence per field (`formUnprintable`). */
export type PrintOutcome =
  | { kind: 'printed' | 'canceled'; code: string; unprintable: string[] }
  | { kind: 'saved'; name: string; code: string; unprintable: string[] }
  | { kind: 'download-canceled'; code: string; unprintable: string[] };

export async function printMeetingForm(
  api: Pick<Api, 'form:pdf' | 'pdf:print' | 'file:save'>,
  host: 'electron' | 'web',
  form: FormKind,
  input: FormInputs,
  task: string,
): Promise<PrintOutcome> {
  const built = buildForm(form, input);
  if (!built.ok) throw new Error(built.message);
  const { layout } = built;
  const { bytes, missing } = await api['form:pdf']({ layout });
  const base = { code: layout.code, unprintable: formUnprintable(input, missing) };
  if (host === 'web') {
    const r = await api['file:save']({
      bytes,
      suggestedName: `${layout.packageId}-${form}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      task,
    });
    return r.canceled
      ? { kind: 'download-canceled', ...base }
      : { kind: 'saved', name: r.name, ...base };
  }
  const r = await api['pdf:print']({ bytes, title: layout.title.slice(0, 200) });
  return { kind: r.printed ? 'printed' : 'canceled', ...base };
}

/** A meeting form's code checked on the 核验打印件 screen: the verdict as one line, and the form. */
export type FormPrintOutcome =
  { ok: true; match: boolean; line: string; packageId: string } | { ok: false; line: string };

/**
 * 核验打印件 for a meeting form: the record read from the chosen files (the review package, and
 * for the filled forms the panel bundle, decrypted with `keys`), then the one comparison
 * `jiebang verify-print --package …` makes (`verifyFormPrint`).
 */
export async function verifyFormFiles(
  crypto: CryptoProvider,
  code: string,
  files: readonly { name: string; bytes: Uint8Array }[],
  keys: readonly AgeKey[],
): Promise<FormPrintOutcome> {
  const read = await formRecordFromFiles(files, crypto, keys);
  if (!read.ok) return { ok: false, line: `✗ ${read.reason}` };
  const verdict = verifyFormPrint(code, read.record);
  const packageId = read.record.pkg.packageId;
  const line = describeFormVerdict(verdict, packageId);
  return verdict.ok
    ? { ok: true, match: verdict.check.match, line, packageId }
    : { ok: false, line };
}

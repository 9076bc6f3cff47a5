/**
 * Printing a meeting form from the app (issue 19): the layout from src-shared/meeting (the same
 * builder as `jiebang print`), rendered in main's worker (`form:pdf`), then Electron's print
 * dialog (`pdf:print`) — or, in the web host, a download. The bridge comes in as an argument.
 */
import { buildForm, type FormInputs, type FormKind } from '../../../src-shared/meeting';
import type { Api } from '../../../src-shared/ipc';

export type PrintOutcome =
  | { kind: 'printed' | 'canceled'; code: string; missing: string[] }
  | { kind: 'saved'; name: string; code: string; missing: string[] }
  | { kind: 'download-canceled'; code: string; missing: string[] };

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
  const base = { code: layout.code, missing };
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

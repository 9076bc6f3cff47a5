/**
 * The renderer's workbook reader wired to main's `bureau:read-lists` handler in process, through
 * `dispatch` with the answer parsed by the channel's contract — the way the web host and Electron
 * hand a chosen CSV or XLSX file to main and back. A refusal is thrown with main's message.
 */
import { handlers } from '../../src-main/handlers';
import type { HostServices } from '../../src-main/handlers/types';
import { dispatch } from '../../src-main/ipc/dispatch';
import { schemasOf, type Channel } from '../../src-shared/ipc';
import { workbookReader } from '../../src-renderer/src/workflows/paper';

const host: HostServices = {
  kind: 'web',
  dataDir: 'unused',
  isPackaged: false,
  resourcesDir: 'resources',
};

/** `bureau:read-lists` as the bridge calls it. */
export const readLists = async (input: unknown) => {
  const c: Channel = 'bureau:read-lists';
  const r = await dispatch(handlers, c, input, host);
  if (!r.ok) throw new Error(r.error.message);
  return (await schemasOf('bureau:read-lists')).output.parse(r.value);
};

/** The paper transcription's reader of chosen files, main reading the workbooks. */
export const workbooks = workbookReader({ 'bureau:read-lists': readLists });

import type { Notice } from '../../../../src-shared/bureau/notice-schema';
import { api } from '../../bridge';
import { useSession } from '../../stores/session';

/** Saves bytes through the host (a save dialog, or the browser's download). */
export async function saveFile(bytes: Uint8Array, name: string): Promise<void> {
  await api['file:save']({ bytes, suggestedName: name });
}

/**
 * Prints a notice (main renders the PDF): Electron opens its print dialog; the web host
 * downloads the PDF for the browser to print.
 */
export async function printNotice(notice: Notice, name: string): Promise<void> {
  const { bytes } = await api['notice:pdf']({ notice });
  if (useSession.getState().host === 'web') {
    await saveFile(bytes, name);
    return;
  }
  await api['pdf:print']({ bytes, title: notice.title });
}

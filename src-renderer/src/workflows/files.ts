/**
 * The round trip of files through the bridge, for the diagnostics page: a save of known bytes,
 * an open with the bytes' size and SHA-256 (what the e2e tests compare).
 */
import { sha256Hex } from '../../../src-shared/crypto/keys';
import type { Api } from '../../../src-shared/ipc';

export const TEST_FILE_TEXT = 'Jiebang Panel test file\n';

export async function saveTestFile(api: Pick<Api, 'file:save'>) {
  const bytes = new TextEncoder().encode(TEST_FILE_TEXT);
  return api['file:save']({ bytes, suggestedName: 'jiebang-test.txt' });
}

export async function openAnyFile(
  api: Pick<Api, 'file:open'>,
): Promise<{ name: string; size: number; sha256: string } | null> {
  const result = await api['file:open']({ filters: [{ name: 'All', extensions: ['*'] }] });
  if (result.canceled) return null;
  const [file] = result.files;
  return { name: file.name, size: file.bytes.byteLength, sha256: sha256Hex(file.bytes) };
}

/** A file of 0 bytes is refused in one sentence at every door that reads a file. */
import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle/open';
import { nobleCrypto } from '../crypto/noble';
import { readJson, readText } from './read';
import { extensionMismatch } from './sniff';

const EMPTY = new Uint8Array(0);
const SAID = '文件是空的（0 字节），请从U盘或原发送方重新复制该文件';

describe('an empty file', () => {
  it('is called empty by the bundle reader (verify, import), not 「既非 ZIP 也非 age 加密文件」', async () => {
    const r = await openBundle(EMPTY, { crypto: nobleCrypto });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(SAID);
    expect(!r.ok && r.error.message).not.toContain('既非 ZIP');
  });
  it('is called empty, by name, by the text and JSON readers and the door that sniffs the bytes', () => {
    expect(readText(EMPTY, 'E01.csv', 1024)).toEqual({ ok: false, message: `E01.csv：${SAID}` });
    expect(readJson(EMPTY, 'E03.json')).toEqual({ ok: false, message: `E03.json：${SAID}` });
    expect(extensionMismatch('E01.jbx', EMPTY)).toBe(`E01.jbx：${SAID}`);
    expect(extensionMismatch('lists.xlsx', EMPTY)).toBe(`lists.xlsx：${SAID}`);
  });
});

/** A plain JSON score sheet given where a signed file is imported: what it is and what to do. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src-shared/bundle/open';
import { nobleCrypto } from '../../src-shared/crypto/noble';

describe('a score sheet given as plain JSON where a signed file is imported', () => {
  it('says what it is and how the expert exports the signed file (the button as the screen names it)', async () => {
    const bytes = new Uint8Array(readFileSync('resources/sample/sheets/E03.json'));
    const r = await openBundle(bytes, { crypto: nobleCrypto });
    expect(!r.ok && r.error.message).toBe(
      '这是 JSON 文档（评分表），不是揭榜评审台的文件包（既非 ZIP 也非 age 加密文件）：' +
        '请专家在「专家评审」中使用「签名并导出评分表文件…」导出签名的 .jbx 文件，再导入该文件',
    );
  });
});

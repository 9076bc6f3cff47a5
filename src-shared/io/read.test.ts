import { describe, expect, it } from 'vitest';
import { capLines, decodeText, parseJsonText, readJson, readText, READ_LIMITS } from './read';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** "专家" in GB18030 (as Excel/WPS write it on Chinese Windows). */
const GB_EXPERT = new Uint8Array([0xd7, 0xa8, 0xbc, 0xd2]);

describe('the one reader', () => {
  it('decodes UTF-8, UTF-8 with a BOM, UTF-16 with a BOM, and GB18030 when the bytes are not UTF-8', () => {
    expect(decodeText(utf8('专家'), 'a')).toEqual({
      ok: true,
      value: { text: '专家', encoding: 'utf-8' },
    });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('专家')]), 'a')).toEqual({
      ok: true,
      value: { text: '专家', encoding: 'utf-8-bom' },
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x13, 0x4e]), 'a')).toEqual({
      ok: true,
      value: { text: '专', encoding: 'utf-16le' },
    });
    expect(decodeText(GB_EXPERT, 'a')).toEqual({
      ok: true,
      value: { text: '专家', encoding: 'gb18030' },
    });
  });
  it('refuses bytes that are no known encoding, naming the file and how to save as UTF-8', () => {
    const r = decodeText(new Uint8Array([0xff, 0xff, 0x80]), 'x.csv');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain('x.csv');
    expect(r.ok ? '' : r.message).toContain('CSV UTF-8');
  });
  it('checks the size bound before decoding anything', () => {
    const r = readText(new Uint8Array(READ_LIMITS.csvBytes + 1), 'big.csv', READ_LIMITS.csvBytes);
    expect(r).toEqual({
      ok: false,
      message: 'big.csv 过大（8 MiB），超过此类文件的上限 8 MiB，未读取',
    });
  });
  it('names an age file (binary or armored, of any version) before decoding it as text', () => {
    const sentence = 'tb.json 是 age 加密文件，不能当作文字读取：此处需要未加密的文件，请先解密';
    const binary = new Uint8Array([
      ...utf8('age-encryption.org/v1\n-> X25519 abc\n--- x\n'),
      0xff,
      0x80,
    ]);
    const v2 = new Uint8Array([...utf8('age-encryption.org/v2\n'), 0xff, 0x80]);
    const armored = utf8(
      '-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n',
    );
    for (const bytes of [binary, v2, armored])
      expect(readJson(bytes, 'tb.json')).toEqual({ ok: false, message: sentence });
    // A text that only mentions age is text.
    expect(readJson(utf8('{"note":"age-encryption.org/v1"}'), 'tb.json')).toEqual({
      ok: true,
      value: { note: 'age-encryption.org/v1' },
    });
  });
  it('parses JSON through one function, BOM or not, naming the file on error', () => {
    expect(readJson(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]), 'n.json')).toEqual({
      ok: true,
      value: { a: 1 },
    });
    expect(parseJsonText('\ufeff[1]', 'n.json')).toEqual({ ok: true, value: [1] });
    const bad = parseJsonText('{oops', 'y.json');
    expect(bad.ok ? '' : bad.message).toContain('y.json 不是有效的 JSON');
  });
  it('caps the lines of problems it reports', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `第 ${i} 行`);
    const capped = capLines(lines);
    expect(capped).toHaveLength(READ_LIMITS.errorLines + 1);
    expect(capped.at(-1)).toBe('……另有 70 处问题未列出');
    // Capped again (a reader's list, then the door that prints it): the count is kept.
    expect(capLines(capped)).toEqual(capped);
    expect(capLines(capped, 10)).toEqual([...lines.slice(0, 10), '……另有 110 处问题未列出']);
  });
});

describe('a bundle where text is read', () => {
  it('is named as a 文件包 with what the door reads, never decoded', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x80]);
    expect(readJson(zip, 'x.jbx', READ_LIMITS.jsonBytes, '任务书')).toEqual({
      ok: false,
      message:
        'x.jbx 是文件包（ZIP 文件，如 .jbx），不是任务书的 JSON 文件：请给出任务书的 JSON 文件（文件包可用 jiebang unpack 解开）',
    });
    expect(readText(zip, 'x.csv', READ_LIMITS.csvBytes)).toEqual({
      ok: false,
      message:
        'x.csv 是文件包（ZIP 文件，如 .jbx），不是文字文件（JSON 或 CSV）：请给出文字文件（JSON 或 CSV）（文件包可用 jiebang unpack 解开）',
    });
  });
});

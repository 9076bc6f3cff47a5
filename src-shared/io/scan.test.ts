import { describe, expect, it } from 'vitest';
import { wholePdf } from './pdf-fixture';
import { checkScan, sameScanWarnings, sharedScanWarnings } from './scan';

const utf8 = (s: string) => new TextEncoder().encode(s);
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

describe('checkScan: a scan is a PDF or an image, and whole', () => {
  it('takes a whole PDF, PNG and JPEG by their bytes', () => {
    expect(checkScan('s.pdf', wholePdf('scan'))).toEqual({ ok: true, value: 'pdf' });
    expect(checkScan('s.png', new Uint8Array([...PNG_HEAD, 1, 2, ...PNG_END]))).toEqual({
      ok: true,
      value: 'png',
    });
    expect(checkScan('s.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 0xff, 0xd9]))).toEqual({
      ok: true,
      value: 'jpg',
    });
  });
  it('refuses a PDF cut in half, by name', () => {
    const pdf = wholePdf('scan of the wet-signed sheet');
    const half = pdf.subarray(0, Math.floor(pdf.length / 2));
    expect(checkScan('E05.pdf', half)).toEqual({
      ok: false,
      message:
        'E05.pdf 的 PDF 末尾没有结束标记 %%EOF：文件不完整，可能在复制或下载时被截断；请从扫描仪或原始文件夹重新复制后再选择，或重新扫描',
    });
  });
  it('refuses a PDF whose startxref points nowhere, and one with no startxref', () => {
    const pdf = new TextDecoder().decode(wholePdf('x'));
    const moved = pdf.replace(/startxref\n\d+/, 'startxref\n5');
    expect(checkScan('m.pdf', utf8(moved))).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'm.pdf 的 PDF 交叉引用表（xref）不在它指明的位置（第 5 字节',
      ),
    });
    expect(checkScan('n.pdf', utf8('%PDF-1.4\n%%EOF\n'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('n.pdf 的 PDF 末尾没有交叉引用表的位置（startxref）'),
    });
  });
  it('refuses a cut image and what is no scan at all', () => {
    expect(checkScan('s.png', new Uint8Array([...PNG_HEAD, 1, 2, 3]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('s.png 的 PNG 图片没有结尾（IEND）'),
    });
    expect(checkScan('s.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('s.jpg 的 JPEG 图片没有结尾标记（FFD9）'),
    });
    expect(checkScan('s.gif', utf8('GIF89a'))).toEqual({
      ok: false,
      message:
        's.gif 是文字文件（如 CSV 或 JSON），不是扫描件：签字原件的扫描件须为 PDF、PNG 或 JPEG（32 MiB 以内）',
    });
  });
});

describe('sharedScanWarnings: one scan for several experts’ sheets is said so', () => {
  const scan = { name: 's.pdf', sha256: 'ab'.repeat(32) };
  it('one expert, a new scan: nothing to say', () => {
    expect(sharedScanWarnings(scan, ['E05'], [])).toEqual([]);
    expect(
      sharedScanWarnings(scan, ['E05'], [{ expertId: 'E05', sha256: scan.sha256, scanName: 'x' }]),
    ).toEqual([]);
  });
  it('the same scan as another expert’s kept sheet, and one scan for several in one file', () => {
    expect(
      sharedScanWarnings(
        scan,
        ['E06'],
        [{ expertId: 'E05', sha256: scan.sha256, scanName: 'a.pdf' }],
      ),
    ).toEqual([
      `扫描件 s.pdf 与已导入的专家 E05 的扫描件（a.pdf）完全相同（SHA-256 abababababab…）：每位专家签字的评分表应有各自的扫描件，请核对是否选错了文件`,
    ]);
    expect(sharedScanWarnings(scan, ['E05', 'E06'], [])).toEqual([
      '扫描件 s.pdf 用于 2 位专家（E05、E06）的评分表：请确认其中有每位专家各自签字的评分表',
    ]);
  });
});

describe('sameScanWarnings: the same rule over a panel result’s scans (verify, ingest)', () => {
  it('says the chair’s sentence when one scan’s bytes serve several experts, nothing otherwise', () => {
    const sha = 'ab'.repeat(32);
    const scans = ['E01', 'E02', 'E03'].map((expertId) => ({
      expertId,
      sha256: sha,
      scanName: `paper/${expertId}.png`,
    }));
    const said = sameScanWarnings(scans);
    expect(said).toEqual(
      sharedScanWarnings({ name: 'paper/E01.png', sha256: sha }, ['E01'], scans.slice(1)),
    );
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(
      '与已导入的专家 E02、E03 的扫描件（paper/E02.png、paper/E03.png）完全相同',
    );
    expect(
      sameScanWarnings([
        { expertId: 'E01', sha256: sha, scanName: 'paper/E01.png' },
        { expertId: 'E02', sha256: 'cd'.repeat(32), scanName: 'paper/E02.png' },
      ]),
    ).toEqual([]);
  });
});

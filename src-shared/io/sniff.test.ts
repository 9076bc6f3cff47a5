import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extensionMismatch, sniffFile, zipEntryNames } from './sniff';

const utf8 = (s: string) => new TextEncoder().encode(s);
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('转录').addRow(['专家编号', '揭榜方编号']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('sniffFile: what a file is, from its bytes', () => {
  it('looks into a ZIP: a workbook, a bundle, a Word file, another archive', async () => {
    expect(sniffFile(await workbook())).toBe('xlsx');
    expect(sniffFile(zipSync({ 'manifest.json': utf8('{}'), SHA256SUMS: utf8('') }))).toBe(
      'bundle',
    );
    expect(
      sniffFile(zipSync({ '[Content_Types].xml': utf8('<x/>'), 'word/document.xml': utf8('') })),
    ).toBe('docx');
    expect(sniffFile(zipSync({ 'a.txt': utf8('a') }))).toBe('zip');
  });
  it('a workbook cut in half is still told by its first entries', async () => {
    const wb = await workbook();
    const half = wb.subarray(0, Math.floor(wb.length / 2));
    expect(zipEntryNames(half)[0]).toBeDefined();
    expect(['xlsx', 'zip']).toContain(sniffFile(half));
  });
  it('PDF, PNG, JPEG, old Excel, text and binary', () => {
    expect(sniffFile(utf8('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(sniffFile(utf8('专家编号,揭榜方编号\n'))).toBe('text');
    expect(sniffFile(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('text');
    expect(sniffFile(new Uint8Array([1, 0, 2, 3]))).toBe('binary');
  });
});

describe('extensionMismatch: the name against the bytes, in one sentence', () => {
  it('an .xlsx renamed .csv: what it is and what to do', async () => {
    expect(extensionMismatch('p.csv', await workbook())).toBe(
      'p.csv 是 Excel 工作簿（.xlsx），扩展名却是 .csv：请把扩展名改回 .xlsx 后重新选择，或在 Excel/WPS 中打开它并“另存为”“CSV UTF-8（逗号分隔）”',
    );
  });
  it('a CSV named .xlsx, a PDF named .csv', () => {
    expect(extensionMismatch('p.xlsx', utf8('专家编号,揭榜方编号\n'))).toContain(
      'p.xlsx 是文字文件（如 CSV 或 JSON），扩展名却是 .xlsx：它若是 CSV，请把扩展名改为 .csv',
    );
    expect(extensionMismatch('p.csv', utf8('%PDF-1.7\n'))).toContain(
      'p.csv 是 PDF 文件（.pdf），扩展名却是 .csv',
    );
  });
  it('agreeing names, unknown extensions and age files are left to the readers', async () => {
    expect(extensionMismatch('p.xlsx', await workbook())).toBeNull();
    expect(extensionMismatch('p.CSV', utf8('a,b\n'))).toBeNull();
    expect(extensionMismatch('p', await workbook())).toBeNull();
    expect(extensionMismatch('p.csv', utf8('age-encryption.org/v1\n-> X25519 x\n'))).toBeNull();
  });
});

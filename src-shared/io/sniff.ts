/**
 * What a file really is, from its bytes, never from its name — the one function every file door
 * calls before it chooses a reader (the chair's paper import, the bureau's lists, `jiebang score`
 * and `check`, the scans of wet-signed forms): a ZIP is looked into (an Excel workbook holds
 * `[Content_Types].xml` and `xl/`, a bundle `manifest.json`), a PDF is told by `%PDF-`, an image
 * by its signature, an age file by its header; anything else is taken as text. A file whose name
 * says otherwise is refused with one sentence that says what it is and what to do
 * (`extensionMismatch`): 「p.csv 是 Excel 工作簿（.xlsx），扩展名却是 .csv：…」.
 * Pure and cheap: only the ZIP's central directory is read (names, nothing inflated).
 */
import { looksLikeAge } from '../crypto/age-file';
import { emptyFile } from './file-size';

export type FileKind =
  'xlsx' | 'xls' | 'docx' | 'bundle' | 'zip' | 'age' | 'pdf' | 'png' | 'jpeg' | 'binary' | 'text';

/** Each kind as people call it, with the extension it is saved with. */
export const FILE_KIND_LABEL: Record<FileKind, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: '旧版 Excel 97-2003 工作簿（.xls）',
  docx: 'Word 文档（.docx）',
  bundle: '揭榜评审台的文件包（.jbx）',
  zip: 'ZIP 压缩包',
  age: 'age 加密文件',
  pdf: 'PDF 文件（.pdf）',
  png: 'PNG 图片（.png）',
  jpeg: 'JPEG 图片（.jpg）',
  binary: '无法识别的二进制文件',
  text: '文字文件（如 CSV 或 JSON）',
};

const starts = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const latin1 = (b: Uint8Array, from: number, to: number): string => {
  let out = '';
  for (let i = from; i < to && i < b.length; i++) out += String.fromCharCode(b[i] ?? 0);
  return out;
};

/** At most this many entry names are looked at: enough to tell a workbook from a bundle. */
const MAX_NAMES = 4000;

/**
 * The names a ZIP file holds, from its central directory (found from the end record), or — when
 * that is missing (a file cut short) — from the local headers walked from the start. No entry is
 * inflated.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  // The end-of-central-directory record: within the last 22 + 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (!starts(bytes, [0x50, 0x4b, 0x05, 0x06], at)) continue;
    const count = u16(bytes, at + 10);
    let p = u32(bytes, at + 16);
    for (let i = 0; i < count && i < MAX_NAMES; i++) {
      if (!starts(bytes, [0x50, 0x4b, 0x01, 0x02], p)) break;
      const nameLength = u16(bytes, p + 28);
      const skip = nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
      names.push(latin1(bytes, p + 46, p + 46 + nameLength));
      p += 46 + skip;
    }
    if (names.length > 0) return names;
    break;
  }
  let p = 0;
  while (names.length < MAX_NAMES && starts(bytes, ZIP_LOCAL, p)) {
    const nameLength = u16(bytes, p + 26);
    names.push(latin1(bytes, p + 30, p + 30 + nameLength));
    const flags = u16(bytes, p + 6);
    const size = u32(bytes, p + 18);
    // Sizes after the data (bit 3): the next header cannot be found without inflating; stop.
    if ((flags & 0x08) !== 0) break;
    p += 30 + nameLength + u16(bytes, p + 28) + size;
  }
  return names;
}

function zipKind(bytes: Uint8Array): FileKind {
  const names = zipEntryNames(bytes);
  if (names.includes('manifest.json') || names.includes('SHA256SUMS')) return 'bundle';
  const office = names.includes('[Content_Types].xml');
  if (office || names.some((n) => n.startsWith('xl/') || n.startsWith('word/'))) {
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
  }
  return 'zip';
}

/** Whether the first KiB has a NUL byte outside UTF-16 (text never has one). */
function looksBinary(bytes: Uint8Array): boolean {
  if (starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff])) return false;
  const head = bytes.subarray(0, 1024);
  return head.includes(0);
}

/** What the file is, from its bytes. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (starts(bytes, ZIP_LOCAL) || starts(bytes, ZIP_EMPTY)) return zipKind(bytes);
  if (starts(bytes, OLE)) return 'xls';
  if (starts(bytes, PDF)) return 'pdf';
  if (starts(bytes, PNG)) return 'png';
  if (starts(bytes, JPEG)) return 'jpeg';
  if (looksLikeAge(bytes)) return 'age';
  return looksBinary(bytes) ? 'binary' : 'text';
}

/** The extensions each kind may be named with. */
const NAMED: Record<string, readonly FileKind[]> = {
  '.csv': ['text'],
  '.txt': ['text'],
  '.json': ['text'],
  '.xlsx': ['xlsx'],
  '.xls': ['xls'],
  '.jbx': ['bundle', 'age'],
  '.age': ['age'],
  '.pdf': ['pdf'],
  '.png': ['png'],
  '.jpg': ['jpeg'],
  '.jpeg': ['jpeg'],
};

/** A file name's extension, lower case with its dot (`.csv`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** 「p.csv 是 Excel 工作簿（.xlsx）」: a space before a Latin word, as Chinese text sets it. */
export function isKind(name: string, kind: FileKind): string {
  const label = FILE_KIND_LABEL[kind];
  return `${name} 是${/^[A-Za-z]/.test(label) ? ' ' : ''}${label}`;
}

/** What to do with a file of `kind` named wrongly: the extension it should have, or how to save it. */
function remedy(kind: FileKind, ext: string): string {
  switch (kind) {
    case 'xlsx':
      return ext === '.csv'
        ? '请把扩展名改回 .xlsx 后重新选择，或在 Excel/WPS 中打开它并“另存为”“CSV UTF-8（逗号分隔）”'
        : '请把扩展名改回 .xlsx 后重新选择';
    case 'xls':
      return '请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（.xlsx）后重新选择';
    case 'text':
      return ext === '.xlsx' || ext === '.xls'
        ? '它若是 CSV，请把扩展名改为 .csv 后重新选择；否则请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）'
        : '请把扩展名改为与内容相符的 .csv 或 .json 后重新选择';
    case 'bundle':
      return '请把扩展名改回 .jbx，并在导入文件包处选择它';
    case 'age':
      return '请先解密，或把扩展名改回 .jbx/.age，在导入文件包处选择它';
    case 'pdf':
      return '请把扩展名改回 .pdf；此处若需要表格，请选择表格文件本身';
    case 'png':
    case 'jpeg':
      return `请把扩展名改回 ${kind === 'png' ? '.png' : '.jpg'}；此处若需要表格，请选择表格文件本身`;
    case 'docx':
    case 'zip':
    case 'binary':
      return '请选择所需的文件本身';
  }
}

/**
 * The refusal of a file whose name says one kind and whose bytes another, or null when they agree
 * (or the name has no extension this product reads): what the file is, the extension it bears,
 * and what to do — 「p.csv 是 Excel 工作簿（.xlsx），扩展名却是 .csv：请把扩展名改回 .xlsx 后重新选择，…」.
 */
export function extensionMismatch(name: string, bytes: Uint8Array): string | null {
  // An empty file is no kind at all: said so at every door (file-size.ts), not 「文字文件」.
  if (bytes.byteLength === 0) return emptyFile(name);
  const ext = extensionOf(name);
  const allowed = NAMED[ext];
  if (!allowed) return null;
  const kind = sniffFile(bytes);
  // An age file is refused by every reader in its own words (decrypt it first).
  if (allowed.includes(kind) || kind === 'age') return null;
  return `${isKind(name, kind)}，扩展名却是 ${ext}：${remedy(kind, ext)}`;
}

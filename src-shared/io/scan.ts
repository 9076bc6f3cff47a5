/**
 * The scan of a wet-signed form (PDF, PNG or JPEG), checked at the door cheaply and by its bytes:
 * its kind (`sniffFile`), its size, and that it is whole — a PDF has its `%%EOF` and a
 * `startxref` that points inside the file at a cross-reference table or stream, a PNG ends with
 * its IEND chunk, a JPEG with its end-of-image marker. A file cut short (a copy or a download that
 * stopped half way) is refused by name. And one scan (the same SHA-256) given for several experts'
 * sheets is said so (`sharedScanWarnings`): each expert signed a sheet of their own.
 */
import { formatBytes, sizeProblem, type ReadResult } from './read';
import { isKind, sniffFile } from './sniff';

/** The scan of a wet-signed sheet: at most this many bytes (a few A4 pages at 300 dpi). */
export const SCAN_MAX_BYTES = 32 * 1024 * 1024;

export type ScanExtension = 'pdf' | 'png' | 'jpg';

/** How far from the end a PDF's `startxref … %%EOF` is looked for (the PDF reference: 1024). */
const PDF_TAIL = 1024;

const latin1 = (b: Uint8Array): string => {
  let out = '';
  for (const byte of b) out += String.fromCharCode(byte);
  return out;
};

const CUT =
  '文件不完整，可能在复制或下载时被截断；请从扫描仪或原始文件夹重新复制后再选择，或重新扫描';

/** Why a PDF is not whole, or null. */
function pdfProblem(bytes: Uint8Array, name: string): string | null {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - PDF_TAIL)));
  if (!tail.includes('%%EOF')) return `${name} 的 PDF 末尾没有结束标记 %%EOF：${CUT}`;
  const at = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!at?.[1])
    return `${name} 的 PDF 末尾没有交叉引用表的位置（startxref）：文件已损坏或${CUT.slice(2)}`;
  const offset = Number(at[1]);
  const there = latin1(bytes.subarray(offset, offset + 32));
  if (offset >= bytes.length || !/^\s*(xref|\d+\s+\d+\s+obj)/.test(there))
    return `${name} 的 PDF 交叉引用表（xref）不在它指明的位置（第 ${offset} 字节，文件共 ${bytes.length} 字节）：文件已损坏或${CUT.slice(2)}`;
  return null;
}

const PNG_END = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Whether `sig` occurs in the last `within` bytes. */
function endsNear(bytes: Uint8Array, sig: readonly number[], within: number): boolean {
  for (let at = bytes.length - sig.length; at >= Math.max(0, bytes.length - within); at--)
    if (sig.every((b, i) => bytes[at + i] === b)) return true;
  return false;
}

/**
 * A scan as the door takes it: its extension (from its bytes, never its name), or the refusal
 * naming the file — not a PDF or an image, past the bound, or cut short.
 */
export function checkScan(name: string, bytes: Uint8Array): ReadResult<ScanExtension> {
  const big = sizeProblem(name, bytes.byteLength, SCAN_MAX_BYTES);
  if (big) return { ok: false, message: big };
  const kind = sniffFile(bytes);
  if (kind === 'pdf') {
    const problem = pdfProblem(bytes, name);
    return problem ? { ok: false, message: problem } : { ok: true, value: 'pdf' };
  }
  if (kind === 'png')
    return endsNear(bytes, PNG_END, 64)
      ? { ok: true, value: 'png' }
      : { ok: false, message: `${name} 的 PNG 图片没有结尾（IEND）：${CUT}` };
  if (kind === 'jpeg')
    return endsNear(bytes, [0xff, 0xd9], 64)
      ? { ok: true, value: 'jpg' }
      : { ok: false, message: `${name} 的 JPEG 图片没有结尾标记（FFD9）：${CUT}` };
  return {
    ok: false,
    message: `${isKind(name, kind)}，不是扫描件：签字原件的扫描件须为 PDF、PNG 或 JPEG（${formatBytes(SCAN_MAX_BYTES)} 以内）`,
  };
}

/** A scan already kept for an expert's transcribed sheet. */
export interface KeptScan {
  expertId: string;
  sha256: string;
  scanName: string;
}

/**
 * One scan given for more than one expert's sheet: the sentences to show (a warning — a scan of
 * the whole stack of signed sheets is one file for several experts — never silently taken).
 * `experts` are this import's, `kept` what is kept already (other experts with the same hash).
 */
export function sharedScanWarnings(
  scan: { name: string; sha256: string },
  experts: readonly string[],
  kept: readonly KeptScan[],
): string[] {
  const warnings: string[] = [];
  if (experts.length > 1)
    warnings.push(
      `扫描件 ${scan.name} 用于 ${experts.length} 位专家（${experts.join('、')}）的评分表：请确认其中有每位专家各自签字的评分表`,
    );
  const others = kept.filter((k) => k.sha256 === scan.sha256 && !experts.includes(k.expertId));
  if (others.length > 0)
    warnings.push(
      `扫描件 ${scan.name} 与已导入的专家 ${[...new Set(others.map((k) => k.expertId))].join('、')} 的扫描件（${[...new Set(others.map((k) => k.scanName))].join('、')}）完全相同（SHA-256 ${scan.sha256.slice(0, 12)}…）：每位专家签字的评分表应有各自的扫描件，请核对是否选错了文件`,
    );
  return warnings;
}

/**
 * The same rule over scans already together (a panel result's paper/ folder, as `jiebang verify`
 * and the bureau's ingest read it): every scan whose bytes are another expert's scan's is said in
 * the chair's sentence (`sharedScanWarnings`), the first expert's scan against the others'.
 */
export function sameScanWarnings(scans: readonly KeptScan[]): string[] {
  const groups = new Map<string, KeptScan[]>();
  for (const s of scans) groups.set(s.sha256, [...(groups.get(s.sha256) ?? []), s]);
  return [...groups.values()].flatMap(([first, ...others]) =>
    first && others.length > 0
      ? sharedScanWarnings({ name: first.scanName, sha256: first.sha256 }, [first.expertId], others)
      : [],
  );
}

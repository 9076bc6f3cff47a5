/**
 * The paper notice that goes with a signed review package (issue 17, `jiebang package sign`):
 * what the expert compares with the screen on import — the package id, the bureau's key
 * fingerprint — and the passphrase line for an encrypted file. One text for the terminal and the
 * printed PDF.
 */
import type { Notice } from './notice-schema';
import { formatFingerprint } from '../crypto/keys';
import type { ReviewPackage } from '../model';
import { formatDateTimeZh, formatDateZh } from '../text/date';

export interface PackageNoticeInput {
  pkg: ReviewPackage;
  /** The bundle's file name as handed out. */
  file: string;
  fileSha256: string;
  manifestSha256: string;
  /** The bureau's signing-key fingerprint (hex). */
  fingerprint: string;
  counter: number;
  createdAt: string;
  /** The passphrase it is encrypted with, or null when it is not encrypted. */
  passphrase: string | null;
}

export { NoticeSchema, type Notice } from './notice-schema';

/** Groups of four, as fingerprints are printed: `abcd efgh …`. */
const groups = (hex: string): string => hex.replace(/(.{4})(?=.)/g, '$1 ');

export function packageNotice(n: PackageNoticeInput): Notice {
  return {
    title: '评审包发放通知（请与导入时屏幕显示的内容核对）',
    rows: [
      ['评审包编号', n.pkg.packageId],
      ['评审包名称', n.pkg.title],
      ['榜单', `${n.pkg.demand.id} ${n.pkg.demand.title}`],
      ['评审日期', formatDateZh(n.pkg.schedule.reviewDate)],
      ['签发单位', n.pkg.bureau.name],
      ['市科技局签名密钥指纹', formatFingerprint(n.fingerprint)],
      ['签名计数', String(n.counter)],
      ['签发时间', formatDateTimeZh(n.createdAt)],
      ['文件名', n.file],
      ['文件 SHA-256', groups(n.fileSha256)],
      ['清单 SHA-256', groups(n.manifestSha256)],
      ['解密口令', n.passphrase ?? '（未加密）'],
    ],
    footer: [
      '导入评审包时，屏幕上显示的市科技局签名密钥指纹须与本通知完全一致；不一致请勿导入，并与市科技局联系。',
      n.passphrase
        ? '解密口令与文件分开交付，仅限评审专家本人使用，评审结束后销毁本通知（第七条 保密责任）。'
        : '本评审包未加密：请经可信渠道（当面、封存的 U 盘）交付（第七条 保密责任）。',
    ],
  };
}

/**
 * The paper notice of a key rotation (市科技局签名密钥更换通知): both fingerprints and the day the new
 * key takes effect (YYYY-MM-DD, printed 2027年1月1日). One text for the desk's PDF and the CLI.
 */
export function keyRotationNotice(r: {
  oldFingerprint: string;
  newFingerprint: string;
  effective: string;
}): Notice {
  return {
    title: '市科技局签名密钥更换通知（请与导入时屏幕显示的内容核对）',
    rows: [
      ['旧密钥指纹', formatFingerprint(r.oldFingerprint)],
      ['新密钥指纹', formatFingerprint(r.newFingerprint)],
      ['生效日期', formatDateZh(r.effective)],
    ],
    footer: [
      '已固定旧密钥的安装导入密钥更换文件包后改为固定新密钥；旧密钥签发的文件包此后不再接受。',
    ],
  };
}

/** The notice as plain text (the terminal, a .txt beside the PDF). */
export function noticeText(notice: Notice): string {
  const width = Math.max(...notice.rows.map(([label]) => [...label].length));
  return [
    notice.title,
    '',
    ...notice.rows.map(
      ([label, value]) => `${label}${'\u3000'.repeat(width - [...label].length)}：${value}`,
    ),
    '',
    ...notice.footer,
    '',
  ].join('\n');
}

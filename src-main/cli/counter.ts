/**
 * The signer's counter of every signing command (pack, package sign, calendar sign, inspection
 * assign): one reading of --counter, one warning when a key's count starts from nothing.
 */
import { CliUsageError, type CliIo } from './types';

/**
 * What a signing command says when it starts a key's counter from nothing (no record of the key,
 * no --counter): the receiver keeps the last counter it imported from each key, and refuses one
 * not above it as a replay (src-shared/audit/head.ts compareWithPrevious).
 */
export const freshCounterText = (counter: number, why: string): string =>
  `! 签名计数从 ${counter} 开始：${why}。已导入过此密钥所签文件包的接收方会把计数 ${counter} 视为「疑似重放的旧文件」而拒收；如此密钥此前签过文件包（在别的电脑或别的数据目录），请用 --counter 给出大于上次所用的计数重新签名\n`;

/** A signing command's counter, and what to say on stderr once the bundle is written. */
export interface SigningCounter {
  counter: number;
  /** `freshCounterText` when the count started from nothing; null otherwise. */
  warning: string | null;
}

/**
 * The counter a signing command signs with (pack, package sign, calendar sign, inspection
 * assign): --counter as given; else one above `recorded`, the last this key signed as far as the
 * command knows; with no record the count starts at 1 with `freshCounterText` (`why` naming why
 * there is no record), which the command says on stderr once it has signed.
 */
export function signingCounter(
  flag: string | undefined,
  recorded: number | undefined,
  why: string,
): SigningCounter {
  if (flag !== undefined) {
    const n = Number(flag);
    if (!Number.isInteger(n) || n < 1) throw new CliUsageError('--counter 须为正整数');
    return { counter: n, warning: null };
  }
  if (recorded !== undefined) return { counter: recorded + 1, warning: null };
  return { counter: 1, warning: freshCounterText(1, why) };
}

/** Says a signing counter's warning, if any, on stderr (after the bundle is written). */
export const sayCounter = (io: Pick<CliIo, 'err'>, c: SigningCounter): void => {
  if (c.warning !== null) io.err(c.warning);
};

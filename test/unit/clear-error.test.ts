import { describe, expect, it } from 'vitest';
import { englishIn, isClearError, unclearReasons } from '../helpers/clear-error';

/** What users were shown before (issue 23), and what they must be shown instead. */
describe('the clear-error check used by the malformed-input sweeps', () => {
  it.each([
    [
      'a raw rename error',
      "ENOENT: no such file or directory, rename '/d/profiles/x.json.tmp' -> '/d/profiles/x.json'",
    ],
    ['a URIError from a malformed %', 'URIError: URI malformed'],
    ['an EEXIST from mkdir', "EEXIST: file already exists, mkdir 'out'"],
    [
      'a stack trace after a Chinese sentence',
      '解包失败\nError: boom\n    at unpack (/work/src-main/cli/unpack.ts:49:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ],
    ['the CSV library in English', 'Unable to auto-detect delimiting character; defaulted to ","'],
    [
      "zod's English message behind a Chinese prefix",
      '输入无效 invalid input for profile:unlock: passphrase: Invalid input: expected string, received number',
    ],
    ['JSON.parse in English', '请求无效：Unexpected token } in JSON at position 4'],
    ['an error code in a Chinese sentence', '写入失败（EACCES），请检查权限'],
    ['an error class', '出错了：TypeError'],
    ['a bare English message', 'method not allowed'],
    ['an English sentence after a file name', 'a.json: Unexpected end of input'],
    ['an English word before the Chinese', 'Usage 用法：jiebang pack'],
    ['a usage line, not a sentence', '需要 FILE'],
    ['an empty message', ''],
    ['a template hole', '口令不正确，请在 undefined 秒后再试'],
  ])('fails %s', (_what, message) => {
    expect(unclearReasons(message)).not.toEqual([]);
    expect(isClearError(message)).toBe(false);
  });

  it.each([
    '口令不正确；请在 2 秒后再试。未作任何更改。 Wrong passphrase: try again in 2 s. Nothing was changed.',
    '未知通道（名称中的 % 编码无效） unknown channel: malformed name',
    '✗ 校验失败，未写入任何文件 verification failed, nothing written: 签名无效',
    '输入无效 invalid input for profile:unlock: passphrase: 应为文字，却是数字',
    '/tmp/a/sheet.csv：第 2 行：列之间用了全角逗号“，”。',
    '--package pkg.json 不是有效的评审包：评审包名称：缺少此项（必填）',
    '磁盘空间不足，用户档案文件夹 /home/a/.local/share/jiebang-panel/profiles 未能写入。 The disk is full.',
  ])('passes %s', (message) => {
    expect(unclearReasons(message)).toEqual([]);
  });
});

describe('englishIn: English prose where Chinese alone is meant', () => {
  it('finds English sentences, not names, options or quoted commands', () => {
    expect(englishIn('不支持此请求方法。 Method not allowed.')).toEqual(['Method not allowed']);
    expect(englishIn('需要令牌：请打开启动网页宿主（`npm run web`）时打印的网址。')).toEqual([]);
    expect(englishIn('端口（--port）须为 0 到 65535 之间的整数。')).toEqual([]);
    expect(englishIn('用法：npm run web -- [--port N]', ['npm run web'])).toEqual([]);
    expect(englishIn('环境变量 JIEBANG_DATA_DIR：数据目录')).toEqual([]);
    expect(englishIn('输入无效（bureau:export-xlsx）：(input): 缺少此项')).toEqual([]);
    expect(englishIn('离开。 Leaving discards this change; stay.')).toEqual([
      'Leaving discards this change; stay',
    ]);
  });
});

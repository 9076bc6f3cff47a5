/**
 * zod's own messages in Chinese, at every door that validates with zod (main's IPC dispatch, the
 * web host, the renderer), so a malformed input is answered with a sentence a user can read
 * rather than zod's English (`Invalid input: expected string, received number`). Messages a schema
 * gives itself (「口令至少 10 个字符」) are unchanged. Imported for its effect by `ipc-gate.ts` (and so by `ipc.ts`); the setting is zod's core's, shared by zod and zod/mini.
 */
import { z } from 'zod/mini';
import { zhCN } from 'zod/locales';
import type { util } from 'zod/v4/core';
import { choiceWords } from './model/labels/choices';
import { MISSING } from './text/missing';

const chinese = zhCN().localeError;
type Primitive = util.Primitive;

/** Value kinds in Chinese: zh-CN leaves the expected one in English (「期望 string，实际接收 数字」). */
const KIND: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true/false）',
  object: '对象 {…}',
  array: '列表 […]',
  null: '空值 null',
  date: '日期',
  bigint: '整数',
  nan: '非数字 NaN',
  symbol: '符号',
  function: '函数',
};

/** The kind of a value as zod's `expected` names kinds. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}
const say = (kind: string) => KIND[kind] ?? kind;

/** The discriminator's value in a union's input (undefined when left out or not an object). */
function discriminatorOf(input: unknown, key: string): unknown {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, key)) return undefined;
  return Object.getOwnPropertyDescriptor(input, key)?.value;
}

/**
 * A value that is none of a choice's options: the options in words with their ids (「年度（year）、
 * 批次（round）…」) where the choice is one a person types (model/labels/choices.ts), else zod's.
 */
function wrongChoice(values: readonly Primitive[], input: unknown): ReturnType<typeof chinese> {
  const words = choiceWords(values);
  if (words === null) return chinese({ code: 'invalid_value', values: [...values], input });
  return `无效选项：应为以下之一：${words}`;
}

/**
 * A list, a text or a number out of its bounds, when its schema gives no sentence of its own
 * (`.min(3)`): zh-CN says 「数值过小：期望 array >=3 项」, with the kind in English; said here as the
 * schemas' own sentences say it (「至少 3 项」「不能超过 200 个字符」「不能小于 0」). Other origins
 * (dates, files) keep zod's.
 */
function sizeMessage(issue: {
  code: 'too_small' | 'too_big';
  origin: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
}): string | null {
  const small = issue.code === 'too_small';
  const n = String(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'array':
    case 'set':
      if (issue.exact) return `应为 ${n} 项`;
      if (small) return n === '1' ? '不能为空' : `至少 ${n} 项`;
      return `至多 ${n} 项`;
    case 'string':
      if (issue.exact) return `应为 ${n} 个字符`;
      if (small) return n === '1' ? '不能为空' : `至少 ${n} 个字符`;
      return `不能超过 ${n} 个字符`;
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
      return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
    default:
      return null;
  }
}

z.config({
  localeError: (issue) => {
    // zod's zh-CN names `undefined` for a missing field and for a call that takes no input.
    // A missing choice (an enum or literal left out) is missing, not a wrong choice (「无效选项」).
    if (
      (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
      issue.input === undefined
    )
      return MISSING;
    // A discriminated union (a subject's `type`, a form's `form`) whose discriminator is left out:
    // missing too (zod says 「无效输入」, as for a union nothing matched); a discriminator given
    // but none of the options is a wrong choice, said as zod says one.
    if (
      issue.code === 'invalid_union' &&
      issue.inclusive !== false &&
      issue.discriminator !== undefined
    ) {
      const given = discriminatorOf(issue.input, issue.discriminator);
      if (given === undefined) return MISSING;
      return wrongChoice(issue.options ?? [], given);
    }
    if (issue.code === 'invalid_type' && issue.expected === 'undefined')
      return '此处不应有任何内容';
    if (issue.code === 'invalid_type')
      return `应为${say(issue.expected)}，却是${say(kindOf(issue.input))}`;
    if (issue.code === 'invalid_value') return wrongChoice(issue.values, issue.input);
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const said = sizeMessage(issue);
      if (said !== null) return said;
    }
    return chinese(issue);
  },
});

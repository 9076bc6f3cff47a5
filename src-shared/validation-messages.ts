/**
 * zod's own messages in Chinese, at every door that validates with zod (main's IPC dispatch, the
 * web host, the renderer), so a malformed input is answered with a sentence a user can read
 * rather than zod's English (`Invalid input: expected string, received number`). Messages a schema
 * gives itself (「口令至少 10 个字符」) are unchanged. Imported for its effect by `ipc.ts`.
 */
import { z } from 'zod';
import { zhCN } from 'zod/locales';

const chinese = zhCN().localeError;

z.config({
  localeError: (issue) => {
    // zod's zh-CN names `undefined` for a missing field and for a call that takes no input.
    if (issue.code === 'invalid_type' && issue.input === undefined)
      return '缺少此项（必填） required';
    if (issue.code === 'invalid_type' && issue.expected === 'undefined')
      return '此处不应有任何内容 expected nothing';
    return chinese(issue);
  },
});

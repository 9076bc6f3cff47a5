import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SubjectSchema } from './bundle/terms';
import { sampleTaskBook } from './bundle/test-helpers';
import { TaskBookSchema } from './model';
import { TASKBOOK_LABELS } from './model/labels';
import { describeSchemaIssues } from './model/labels/describe';
import './validation-messages';

const messageOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message;

describe('zod’s messages in Chinese', () => {
  it('names both kinds of a wrong type in Chinese (zh-CN leaves the expected one in English)', () => {
    expect(messageOf(z.number(), '１７')).toBe('应为数字，却是文字');
    expect(messageOf(z.string(), 5)).toBe('应为文字，却是数字');
    expect(messageOf(z.object({}), [])).toBe('应为对象 {…}，却是列表 […]');
    expect(messageOf(z.array(z.string()), null)).toBe('应为列表 […]，却是空值 null');
    expect(messageOf(z.boolean(), 'yes')).toBe('应为是或否（true/false），却是文字');
  });
  it('a missing field and a field that should be absent keep their own sentences, Chinese only (no English gloss inside a Chinese line)', () => {
    expect(messageOf(z.object({ a: z.string() }), {})).toBe('缺少此项（必填）');
    expect(messageOf(z.undefined(), 1)).toBe('此处不应有任何内容');
    // A choice left out is missing too (before: 「无效选项」, as for a wrong choice).
    expect(messageOf(z.object({ s: z.enum(['submitted', 'draft']) }), {})).toBe('缺少此项（必填）');
    expect(messageOf(z.object({ v: z.literal(1) }), {})).toBe('缺少此项（必填）');
    expect(messageOf(z.enum(['submitted', 'draft']), 'sent')).not.toContain('缺少此项');
  });
  it('a discriminator left out is missing (not 「无效输入」); one of no option is a wrong choice', () => {
    const subject = z.object({
      subject: z.discriminatedUnion('type', [
        z.object({ type: z.literal('round'), id: z.string() }),
        z.object({ type: z.literal('demand'), id: z.string() }),
      ]),
    });
    const missing = subject.safeParse({ subject: { id: 'R1' } }).error?.issues[0];
    expect(missing?.path).toEqual(['subject', 'type']);
    expect(missing?.message).toBe('缺少此项（必填）');
    expect(messageOf(subject, { subject: { type: 'year', id: 'R1' } })).toBe(
      '无效选项：期望以下之一 "round"|"demand"',
    );
    // A choice a person types (a subject's type, a member's role) lists its options in words, the
    // id beside each (before: 「"year"|"round"|…」, ids only).
    expect(messageOf(z.object({ subject: SubjectSchema }), { subject: { type: 'planet' } })).toBe(
      '无效选项：应为以下之一：年度（year）、批次（round）、榜单（demand）、评审包（package）、揭榜方（applicant）、任务书（task-book）、签名密钥（key）',
    );
    expect(messageOf(z.enum(['leader', 'member']), 'boss')).toBe(
      '无效选项：应为以下之一：组长（leader）、成员（member）',
    );
    // A union that is no discriminated one keeps zod's sentence.
    expect(messageOf(z.union([z.string(), z.number()]), true)).toBe('无效输入');
  });

  it('a list, a text or a number out of bounds without a sentence of its own, in Chinese (no 「array」)', () => {
    expect(messageOf(z.array(z.string()).min(3), ['a'])).toBe('至少 3 项');
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('不能为空');
    expect(messageOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('至多 2 项');
    expect(messageOf(z.string().min(2), 'a')).toBe('至少 2 个字符');
    expect(messageOf(z.string().max(3), 'abcd')).toBe('不能超过 3 个字符');
    expect(messageOf(z.number().min(0), -1)).toBe('不能小于 0');
    expect(messageOf(z.number().max(100), 101)).toBe('不能大于 100');
    expect(messageOf(z.number().positive(), 0)).toBe('应大于 0');
    expect(messageOf(z.string().length(4), 'abc')).toBe('应为 4 个字符');
    // A schema's own sentence is kept.
    expect(messageOf(z.array(z.string()).min(2, '赛马至少 2 家揭榜方'), [])).toBe(
      '赛马至少 2 家揭榜方',
    );
  });

  it('a task book of two parties names the parties it needs (第十二条（七）)', () => {
    const tb = sampleTaskBook();
    const parsed = TaskBookSchema.safeParse({ ...tb, parties: tb.parties.slice(0, 2) });
    expect(describeSchemaIssues(parsed.error ?? { issues: [] }, TASKBOOK_LABELS)).toEqual([
      '签约各方：至少 3 方（市科技局、发榜方与揭榜方）',
    ]);
  });
});

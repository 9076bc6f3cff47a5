import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SubjectSchema } from './bundle/terms';
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
});

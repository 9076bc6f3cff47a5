import { z } from 'zod';

/** Ids are short, printable and path-safe (they name files inside bundles). */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'id 只能由字母、数字、. _ - 组成');
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const DateTimeSchema = z.string().datetime({ offset: true });
export const NameSchema = z.string().trim().min(1).max(200);
export const TextSchema = z.string().max(20_000);
/** 统一社会信用代码: 18 characters. */
export const CreditCodeSchema = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位');
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const FORMAT_VERSION = 1 as const;
export const FormatVersionSchema = z.literal(FORMAT_VERSION);

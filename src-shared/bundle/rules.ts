/**
 * What the kinds registry demands of a manifest and a payload, written once: `buildBundle`
 * refuses to sign what `openBundle` would refuse, with the same message.
 */
import { AuditEntrySchema, verifyChain, type AuditEntry } from '../audit/chain';
import type { AuditHead } from '../audit/head';
import { parseStrictJson } from '../io/strict-json';
import { KINDS } from './kinds';
import type { Manifest } from './manifest';
import { ROLE_LABEL, SUBJECT_LABEL } from './terms';

/** The audit chain a bundle carries (`audit.json`). */
export const AUDIT_FILE = 'audit.json';

/** Whether the kind allows this manifest's format, signers, subject and answers. */
export function manifestProblem(manifest: Manifest): string | null {
  const spec = KINDS[manifest.kind];
  const version = manifest.formatVersion;
  if (!spec.formats.some((f) => f === version)) return `${spec.label}不能使用第 ${version} 版格式`;
  const allowedRoles: readonly string[] = spec.roles;
  for (const s of manifest.signers)
    if (!allowedRoles.includes(s.role))
      return `${spec.label}不能由${ROLE_LABEL[s.role]}（${s.role}）签名`;
  for (const group of spec.requires) {
    const roles: readonly string[] = group;
    if (!manifest.signers.some((s) => roles.includes(s.role)))
      return `${spec.label}须由${group.map((r) => ROLE_LABEL[r]).join('或')}签名`;
  }
  const n = manifest.signers.length;
  if (n < spec.minSigners || n > spec.maxSigners) {
    const range =
      spec.minSigners === spec.maxSigners
        ? `${spec.minSigners}`
        : `${spec.minSigners}–${spec.maxSigners}`;
    return `${spec.label}应有 ${range} 名签名者，实际 ${n} 名`;
  }
  if (new Set(manifest.signers.map((s) => s.fingerprint)).size !== n) return '同一密钥签名了两次';
  const subjectType = manifest.subject.type;
  if (version === 2 && !spec.subjects.some((t) => t === subjectType))
    return `${spec.label}的对象不能是${SUBJECT_LABEL[subjectType]}`;
  const answerable: readonly string[] = spec.answers;
  for (const a of manifest.answers)
    if (!answerable.includes(a.kind)) return `${spec.label}不能回应${KINDS[a.kind].label}`;
  return null;
}

/** Whether a payload path belongs in a bundle of this kind. */
export function payloadPathAllowed(kind: Manifest['kind'], path: string): boolean {
  const spec = KINDS[kind];
  return path === spec.main || spec.files.some((r) => r.pattern.test(path));
}

/**
 * The author's audit chain as carried in `audit.json`: strict JSON, every link intact, and
 * exactly the head the manifest records (a chain cut short or rewritten does not match it).
 */
export function checkAuditFile(
  bytes: Uint8Array,
  head: AuditHead | null,
): { ok: true; chain: AuditEntry[] } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return {
      ok: false,
      message: `audit.json 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = AuditEntrySchema.array().safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'audit.json 不是审计日志' };
  const chain = verifyChain(parsed.data);
  if (!chain.ok) return { ok: false, message: `audit.json 的哈希链断裂：${chain.reason}` };
  if (!head || head.length !== chain.length || head.head !== chain.head)
    return {
      ok: false,
      message: `audit.json 有 ${chain.length} 条记录，与清单记录的审计日志头（${head?.length ?? 0} 条）不符：日志被截短或改写`,
    };
  return { ok: true, chain: parsed.data };
}

/**
 * The words a format-2 manifest is written in: who signs (roles) and what a bundle is about
 * (its subject). Shared by the manifest, the kinds registry and the trust policy.
 */
import { z } from 'zod';
import { IdSchema, Sha256Schema } from '../model/common';
import { ROLE_LABEL as ROLE_WORDS, SUBJECT_LABEL as SUBJECT_WORDS } from '../model/labels/choices';

/** Everyone who signs in the flow of the measures. */
export const SignerRoleSchema = z.enum([
  'bureau',
  'expert',
  'chair',
  'inspector',
  'assessor',
  'issuer',
  'solver',
]);
export type SignerRole = z.infer<typeof SignerRoleSchema>;

/** Each role in words (src-shared/model/labels/choices.ts, where zod's messages read it too). */
export const ROLE_LABEL: Readonly<Record<SignerRole, string>> = ROLE_WORDS;

/**
 * What a document is about. Format 1 could only name a review package (`packageId`); format 2
 * names any of these, so documents made before a package exists (an inspection of the demand)
 * or long after it (an assessment of a task book) can be signed.
 */
export const SubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('year'), id: z.string().regex(/^20\d\d$/) }).strict(),
  z.object({ type: z.literal('round'), id: IdSchema }).strict(),
  z.object({ type: z.literal('demand'), id: IdSchema }).strict(),
  z.object({ type: z.literal('package'), id: IdSchema }).strict(),
  z.object({ type: z.literal('applicant'), packageId: IdSchema, id: IdSchema }).strict(),
  z.object({ type: z.literal('task-book'), id: IdSchema }).strict(),
  z.object({ type: z.literal('key'), id: Sha256Schema }).strict(),
]);
export type Subject = z.infer<typeof SubjectSchema>;
export type SubjectType = Subject['type'];

/** Each subject's type in words (src-shared/model/labels/choices.ts). */
export const SUBJECT_LABEL: Readonly<Record<SubjectType, string>> = SUBJECT_WORDS;

/** For people: 「评审包 KLMY-2026-JB-001」, 「揭榜方 A01（评审包 KLMY-2026-JB-001）」. */
export function describeSubject(s: Subject): string {
  if (s.type === 'applicant') return `${SUBJECT_LABEL[s.type]} ${s.id}（评审包 ${s.packageId}）`;
  return `${SUBJECT_LABEL[s.type]} ${s.id}`;
}

/** The review package a subject belongs to, when it belongs to one. */
export function packageIdOf(s: Subject): string | undefined {
  if (s.type === 'package') return s.id;
  if (s.type === 'applicant') return s.packageId;
  return undefined;
}

/** A subject as one string, for an index: `demand:D-2026-01`, `applicant:PKG/A01`. */
export const subjectKey = (s: Subject): string =>
  s.type === 'applicant' ? `applicant:${s.packageId}/${s.id}` : `${s.type}:${s.id}`;

export const sameSubject = (a: Subject, b: Subject): boolean =>
  a.type === b.type &&
  a.id === b.id &&
  (a.type !== 'applicant' || (b.type === 'applicant' && a.packageId === b.packageId));

/** Media types a scan of a wet-signed paper sheet may have (a panel result's `paper/` files). */
export const SCAN_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'] as const;

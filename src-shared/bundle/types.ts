/** What opening a bundle gives back, for every kind. */
import type { AuditEntry } from '../audit/chain';
import type { OpenedBundle } from './kinds';
import type { Manifest } from './manifest';

export type BundleErrorCode =
  | 'not-a-bundle'
  | 'needs-key'
  | 'decrypt-failed'
  | 'zip-malformed'
  | 'zip-unsafe-path'
  | 'zip-duplicate'
  | 'zip-link'
  | 'zip-limits'
  | 'missing-entry'
  | 'extra-entry'
  | 'bad-signer-key'
  | 'bad-signature'
  | 'bad-manifest'
  | 'sums-mismatch'
  | 'checksum-mismatch'
  | 'bad-payload'
  | 'bad-audit'
  | 'inner-bundle';

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
  /** Passed, with something to look at (shown ⚠, never blocking). */
  warning?: true;
}

export interface BundleError {
  code: BundleErrorCode;
  message: string;
}

export type Progress = {
  phase: 'encrypt' | 'decrypt' | 'zip' | 'unzip' | 'verify' | 'sign';
  /** Bytes. */
  done: number;
  total: number;
};
export type OnProgress = (p: Progress) => void;

/** What every opened bundle has, whatever its kind. */
export interface OpenedCommon {
  manifest: Manifest;
  /** SHA-256 of manifest.json: what other bundles cite in `answers`. */
  manifestSha256: string;
  /** SHA-256 of the file as given (before decryption). */
  fileSha256: string;
  wasEncrypted: boolean;
  /**
   * Every payload file, verified against SHA256SUMS (main document included). From
   * `openBundleStream`: those it kept (up to 8 MiB each); `sizes` names them all.
   */
  files: Map<string, Uint8Array>;
  /** Every payload file's size in bytes, each verified against SHA256SUMS. */
  sizes: Map<string, number>;
  /**
   * Every entry of the archive, signature files included, verified (what `unpack` writes). From
   * `openBundleStream`: those it kept.
   */
  entries: Map<string, Uint8Array>;
  /** Bundles held inside (a panel result's sheet bundles), each opened and verified. */
  inner: OpenedBundle[];
  /** The author's audit chain when the bundle carries it (`audit.json`), verified. */
  audit: AuditEntry[] | null;
  checks: Check[];
}

export type OpenResult =
  | { ok: true; bundle: OpenedBundle; inflatedBytes: number }
  | { ok: false; error: BundleError; checks: Check[]; inflatedBytes: number };

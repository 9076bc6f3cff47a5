/**
 * The app's database: one `Dexie` subclass per profile (`jiebang-<profileId>`), explicit
 * versions, every sensitive table sealed by the middleware (DESIGN.md, 第七条 保密).
 * Components never touch it: they call the repositories in ./repo.ts.
 */
import { Dexie, type PromiseExtended, type Table } from 'dexie';
import { sealingMiddleware } from './middleware';
import { deriveKeys, sealReady, type SealKeys } from './seal';

/** Rows as stored. Every row has a string `id`; the rest of each record is sealed. */
export interface Row {
  id: string;
}
export interface SheetRow extends Row {
  packageId: string;
  expertId: string;
  status: 'draft' | 'submitted' | 'exported';
  updatedAt?: string;
}
export interface PackageRow extends Row {
  /** Hex SHA-256 of the imported bundle's manifest. */
  manifestSha256?: string;
}
export interface ByPackageRow extends Row {
  packageId: string;
}
export interface TaskBookRow extends ByPackageRow {
  status: 'draft' | 'final';
}
export interface AttachmentRow extends ByPackageRow {
  sha256Hmac: string;
}
export interface ChunkRow extends Row {
  attachmentId: string;
  index: number;
}

/**
 * Fields left in clear per table; everything else is sealed by the middleware. `chunks` is not
 * listed: the attachment repository seals each chunk's bytes itself (raw, without a JSON detour).
 */
export const CLEAR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  packages: [],
  sheets: ['packageId', 'expertId', 'status', 'updatedAt'],
  decisions: ['packageId'],
  taskbooks: ['packageId', 'status'],
  inspections: ['packageId'],
  attachments: ['packageId', 'sha256Hmac'],
  audit: [],
  keys: [],
  meta: [],
};

export class JiebangDB extends Dexie {
  packages!: Table<PackageRow & Record<string, unknown>, string>;
  sheets!: Table<SheetRow & Record<string, unknown>, string>;
  decisions!: Table<ByPackageRow & Record<string, unknown>, string>;
  taskbooks!: Table<TaskBookRow & Record<string, unknown>, string>;
  inspections!: Table<ByPackageRow & Record<string, unknown>, string>;
  attachments!: Table<AttachmentRow & Record<string, unknown>, string>;
  chunks!: Table<ChunkRow & Record<string, unknown>, string>;
  audit!: Table<Row & Record<string, unknown>, string>;
  keys!: Table<Row & Record<string, unknown>, string>;
  meta!: Table<Row & Record<string, unknown>, string>;
  readonly sealKeys: SealKeys | null;

  /** `dataKey` null only for the test-only plaintext mode (see README: web host flags). */
  constructor(name: string, dataKey: Uint8Array | null) {
    super(name);
    this.version(1).stores({
      packages: 'id',
      sheets: 'id, packageId, expertId, status',
      decisions: 'id, packageId',
      taskbooks: 'id, packageId',
      inspections: 'id, packageId',
      attachments: 'id, packageId, sha256Hmac',
      chunks: 'id, attachmentId',
      audit: 'id',
      keys: 'id',
      meta: 'id',
    });
    // v2: task books by status, sheets by last edit (for "recently edited"); existing sheets get
    // their `updatedAt` from the sealed record, so the upgrade reads and re-seals every sheet.
    this.version(2)
      .stores({
        taskbooks: 'id, packageId, status',
        sheets: 'id, packageId, expertId, status, updatedAt',
      })
      .upgrade((tx) =>
        tx
          .table('sheets')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            if (typeof row['updatedAt'] !== 'string') row['updatedAt'] = new Date(0).toISOString();
          }),
      );
    this.sealKeys = dataKey ? deriveKeys(dataKey) : null;
    if (this.sealKeys) this.use(sealingMiddleware(this.sealKeys, CLEAR_FIELDS));
  }

  /** Loads the AEAD (WebAssembly) before the first transaction can need it. */
  override open(): PromiseExtended<Dexie> {
    return Dexie.Promise.resolve(sealReady()).then(() => super.open());
  }
}

export const databaseName = (profileId: string): string => `jiebang-${profileId}`;

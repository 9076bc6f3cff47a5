/**
 * The app's database: one `Dexie` subclass per profile (`jiebang-<profileId>`), explicit
 * versions, every sensitive table sealed by the middleware (docs/storage.md, 第七条 保密).
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
export interface ApplicantRow extends ByPackageRow {
  /** The applicant's place in its package's list (sealed with the rest; the list keeps order). */
  seq?: number;
}
export interface AttachmentRow extends ByPackageRow {
  sha256Hmac: string;
}
export interface GatheredRow extends ByPackageRow {
  expertId: string;
  /**
   * The sheet bundle's bytes, sealed raw by the repository (`gatheredRow`, as the attachments'
   * chunks are) and left beside the sealed record; rows written before carry them as `bytes`
   * inside it (base64 in its JSON).
   */
  bundle?: Uint8Array;
}
export interface ChunkRow extends Row {
  attachmentId: string;
  index: number;
}

/**
 * Fields left in clear per table; everything else is sealed by the middleware. `chunks` is not
 * listed: the attachment repository seals each chunk's bytes itself (raw, without a JSON detour),
 * as the gathered repository seals a sheet bundle's bytes (`gathered.bundle`, sealed already).
 */
export const CLEAR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  packages: [],
  applicants: ['packageId'],
  sheets: ['packageId', 'expertId', 'status'],
  decisions: ['packageId'],
  taskbooks: ['packageId', 'status'],
  inspections: ['packageId'],
  awards: ['taskBookId'],
  attachments: ['packageId', 'sha256Hmac'],
  gathered: ['packageId', 'expertId'],
  audit: [],
  keys: [],
  meta: [],
  rounds: [],
};

/**
 * Fields a repository seals itself (raw bytes, bound to the row's id), stored beside the sealed
 * record rather than inside it (middleware.ts): a gathered sheet bundle's bytes (`gatheredRow`).
 */
export const BESIDE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  gathered: ['bundle'],
};

/**
 * The stores each version declares (v4 declares none: it only moves data). History: a new version
 * adds an entry here and never edits an earlier one; the migration tests open databases written
 * with the earlier entries.
 */
export const STORES = {
  v1: {
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
  },
  v2: {
    taskbooks: 'id, packageId, status',
    sheets: 'id, packageId, expertId, status, updatedAt',
  },
  v3: { applicants: 'id, packageId' },
  v5: { sheets: 'id, packageId, expertId, status' },
  /**
   * v6: after the award (issue 21): assessments, the race's choice and project forms, by task
   * book; the bureau's review rounds (issue 18), one sealed row per package it signed.
   */
  v6: { awards: 'id, taskBookId', rounds: 'id' },
  /** v7: the chair's gathered sheet bundles as rows of their own (issue 16). */
  v7: { gathered: 'id, packageId, expertId' },
} as const satisfies Record<string, Readonly<Record<string, string>>>;

/** Rows opened and sealed again per request by the v8 upgrade (bounds its memory). */
const RESEAL_PAGE = 500;

export class JiebangDB extends Dexie {
  packages!: Table<PackageRow & Record<string, unknown>, string>;
  applicants!: Table<ApplicantRow & Record<string, unknown>, string>;
  sheets!: Table<SheetRow & Record<string, unknown>, string>;
  decisions!: Table<ByPackageRow & Record<string, unknown>, string>;
  taskbooks!: Table<TaskBookRow & Record<string, unknown>, string>;
  inspections!: Table<ByPackageRow & Record<string, unknown>, string>;
  attachments!: Table<AttachmentRow & Record<string, unknown>, string>;
  chunks!: Table<ChunkRow & Record<string, unknown>, string>;
  gathered!: Table<GatheredRow & Record<string, unknown>, string>;
  audit!: Table<Row & Record<string, unknown>, string>;
  keys!: Table<Row & Record<string, unknown>, string>;
  meta!: Table<Row & Record<string, unknown>, string>;
  awards!: Table<Row & { taskBookId: string } & Record<string, unknown>, string>;
  rounds!: Table<Row & Record<string, unknown>, string>;
  readonly sealKeys: SealKeys | null;

  /** `dataKey` null only for the test-only plaintext mode (see README: web host flags). */
  constructor(name: string, dataKey: Uint8Array | null) {
    super(name);
    this.version(1).stores(STORES.v1);
    // v2: task books by status, sheets by last edit (an index v5 drops again); existing sheets get
    // their `updatedAt` from the sealed record, so the upgrade reads and re-seals every sheet.
    this.version(2)
      .stores(STORES.v2)
      .upgrade((tx) =>
        tx
          .table('sheets')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            if (typeof row['updatedAt'] !== 'string') row['updatedAt'] = new Date(0).toISOString();
          }),
      );
    // v3: applicants (揭榜方) in their own table, one row each, by package; a package row keeps
    // the rest. Existing packages are split, so the upgrade reads and re-seals every package.
    this.version(3)
      .stores(STORES.v3)
      .upgrade(async (tx) => {
        const packages = tx.table('packages');
        const applicants = tx.table('applicants');
        for (const row of await packages.toArray()) {
          const split = splitPackage(row);
          if (!split) continue;
          await applicants.bulkPut(split.applicants);
          await packages.put(split.row);
        }
      });
    // v4: the expert's signing key in the keys table; the enrolment in meta refers to it by id.
    this.version(4).upgrade(async (tx) => {
      const meta = tx.table('meta');
      const moved = moveSigningKey(await meta.get('enrolment'));
      if (!moved) return;
      await tx.table('keys').put(moved.key);
      await meta.put(moved.row);
    });
    // v5: a sheet's last-edit time is sealed like the rest (only ids, foreign keys and status
    // flags stay in clear); every sheet is written again without it in clear.
    this.version(5)
      .stores(STORES.v5)
      .upgrade(async (tx) => {
        const sheets = tx.table('sheets');
        await sheets.bulkPut(await sheets.toArray());
      });
    // v6: the award documents and the bureau's review rounds (new tables; nothing moves).
    this.version(6).stores(STORES.v6);
    // v7: the chair's gathered sheet bundles as rows of their own (one per expert and package),
    // no longer one list in meta; the list is moved when it reads as one, else left untouched.
    this.version(7)
      .stores(STORES.v7)
      .upgrade(async (tx) => {
        const meta = tx.table('meta');
        const rows = splitGathered(await meta.get('gathered'));
        if (!rows) return;
        await tx.table('gathered').bulkPut(rows);
        await meta.delete('gathered');
      });
    // v8: sealed records in format 2 (plaintext UTF-16LE; docs/storage.md): every row of every
    // sealed table, all in format 1 until now, is opened and sealed again, a page at a time.
    // Format 1 rows still open (records that carry bytes stay in it), so nothing depends on this
    // having run; it spares every later read of a text record the UTF-8 decoding.
    this.version(8).upgrade(async (tx) => {
      if (!this.sealKeys) return;
      for (const name of Object.keys(CLEAR_FIELDS)) {
        const table = tx.table(name);
        const ids = await table.toCollection().primaryKeys();
        for (let at = 0; at < ids.length; at += RESEAL_PAGE) {
          const rows = await table.bulkGet(ids.slice(at, at + RESEAL_PAGE));
          await table.bulkPut(rows.filter((r) => r !== undefined));
        }
      }
    });
    this.sealKeys = dataKey ? deriveKeys(dataKey) : null;
    if (this.sealKeys) this.use(sealingMiddleware(this.sealKeys, CLEAR_FIELDS, BESIDE_FIELDS));
  }

  /** Loads the AEAD (WebAssembly) before the first transaction can need it. */
  override open(): PromiseExtended<Dexie> {
    return Dexie.Promise.resolve(sealReady()).then(() => super.open());
  }
}

/**
 * A package row as stored before v3 (the whole package, applicants included) split into the v3
 * rows: the package without its applicants, and one applicant row each. Null when already split.
 */
export function splitPackage(row: unknown): {
  row: PackageRow & Record<string, unknown>;
  applicants: (ApplicantRow & Record<string, unknown>)[];
} | null {
  if (typeof row !== 'object' || row === null) return null;
  const pkg: unknown = Reflect.get(row, 'pkg');
  const id: unknown = Reflect.get(row, 'id');
  if (typeof id !== 'string' || typeof pkg !== 'object' || pkg === null) return null;
  const list: unknown = Reflect.get(pkg, 'applicants');
  if (!Array.isArray(list)) return null;
  const rest = without(pkg, 'applicants');
  return {
    row: { ...Object.fromEntries(Object.entries(row)), id, pkg: rest },
    applicants: list.map((applicant: unknown, seq) => ({
      id: applicantRowId(id, applicant, seq),
      packageId: id,
      seq,
      applicant,
    })),
  };
}

/** An applicant row's id: package id, then the applicant's own id. */
function applicantRowId(packageId: string, applicant: unknown, seq: number): string {
  const own: unknown =
    typeof applicant === 'object' && applicant !== null ? Reflect.get(applicant, 'id') : undefined;
  return `${packageId}/${typeof own === 'string' ? own : `#${seq}`}`;
}

/** A copy of `value`'s own fields without `field`. */
const without = (value: object, field: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([k]) => k !== field));

/**
 * An enrolment row as stored before v4 (the signing key inline) split into the v4 rows: the key
 * row, and the enrolment referring to it. Null when there is nothing to move.
 */
export function moveSigningKey(row: unknown): {
  key: Row & Record<string, unknown>;
  row: Row & Record<string, unknown>;
} | null {
  if (typeof row !== 'object' || row === null) return null;
  const value: unknown = Reflect.get(row, 'value');
  if (typeof value !== 'object' || value === null) return null;
  const secretKey: unknown = Reflect.get(value, 'secretKey');
  const packageId: unknown = Reflect.get(value, 'packageId');
  const expertId: unknown = Reflect.get(value, 'expertId');
  if (!(secretKey instanceof Uint8Array)) return null;
  if (typeof packageId !== 'string' || typeof expertId !== 'string') return null;
  // The keys-table id of the enrolment's signing key.
  const id = `signing/${packageId}/${expertId}`;
  const rest = without(value, 'secretKey');
  return {
    key: { id, secretKey, fingerprint: Reflect.get(value, 'fingerprint') },
    row: { id: 'enrolment', value: { ...rest, keyId: id } },
  };
}

/**
 * A gathered sheet bundle's row id: package, then expert. Its own table, so it never meets the
 * chair's own sheet (`sheets`, same package and expert) however the ids read.
 */
export const gatheredRowId = (packageId: string, expertId: string): string =>
  `${packageId}/${expertId}`;

/**
 * The chair's gathered list as stored in meta before v6 (`{ id: 'gathered', value: [...] }`) as
 * v6 rows; null when there is none, or when an entry does not read as a gathered sheet.
 */
export function splitGathered(row: unknown): (GatheredRow & Record<string, unknown>)[] | null {
  if (typeof row !== 'object' || row === null) return null;
  const list: unknown = Reflect.get(row, 'value');
  if (!Array.isArray(list)) return null;
  const rows: (GatheredRow & Record<string, unknown>)[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) return null;
    const expertId: unknown = Reflect.get(entry, 'expertId');
    const sheet: unknown = Reflect.get(entry, 'sheet');
    const packageId: unknown =
      typeof sheet === 'object' && sheet !== null ? Reflect.get(sheet, 'packageId') : undefined;
    if (typeof expertId !== 'string' || typeof packageId !== 'string') return null;
    rows.push({
      ...Object.fromEntries(Object.entries(entry)),
      id: gatheredRowId(packageId, expertId),
      packageId,
      expertId,
    });
  }
  return rows;
}

export const databaseName = (profileId: string): string => `jiebang-${profileId}`;

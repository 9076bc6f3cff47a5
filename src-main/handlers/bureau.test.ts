/**
 * The bureau's channels (issue 18) through `dispatch`, as the renderer calls them: keys made and
 * kept sealed in main (no secret on disk in clear, none in an answer), a package signed with
 * them and opened by an expert's import, a panel's result decrypted with the bureau's identity,
 * the key rotated, the lists read from the sample's workbooks, the round's workbook and a notice.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImport, emptyTrust, openBundle } from '../../src-shared/bundle';
import { keyRotationNotice, packageFromGrids, attachmentIndex } from '../../src-shared/bureau';
import { schemasOf, type Channel, type ChannelOutput } from '../../src-shared/ipc';
import { ReviewPackageSchema, type ReviewPackage } from '../../src-shared/model';
import { samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import { samplePanelBundle } from '../../test/fixtures/panel';
import { unclearReasons } from '../../test/helpers/clear-error';
import { isAgeFile } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../crypto/node-crypto';
import { dispatch } from '../ipc/dispatch';
import { handlers } from './index';
import type { HostServices } from './types';

const PASS = 'correct horse battery';
const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';

async function host(): Promise<HostServices> {
  return {
    kind: 'web',
    dataDir: await mkdtemp(join(tmpdir(), 'jb-bureau-handlers-')),
    isPackaged: false,
    resourcesDir: 'resources',
  };
}

/** Calls a channel as the renderer does; the answer parsed by the contract, or the sentence. */
async function call<C extends Channel>(
  h: HostServices,
  channel: C,
  input: unknown,
): Promise<ChannelOutput<C>> {
  const r = await dispatch(handlers, channel, input, h);
  if (!r.ok) throw new Error(r.error.message);
  return (await schemasOf(channel)).output.parse(r.value);
}

async function failure(h: HostServices, channel: Channel, input: unknown): Promise<string> {
  const r = await dispatch(handlers, channel, input, h);
  if (r.ok) throw new Error(`${channel} succeeded`);
  expect(unclearReasons(r.error.message), r.error.message).toEqual([]);
  return r.error.message;
}

async function profile(h: HostServices): Promise<string> {
  return (await call(h, 'profile:create', { label: '市科技局', passphrase: PASS })).profile.id;
}

async function attachments(pkg: ReviewPackage) {
  return Promise.all(
    pkg.applicants
      .flatMap((a) => a.attachments)
      .map(async (a) => ({
        path: a.path,
        bytes: new Uint8Array(
          await readFile(join(ATTACHMENTS, a.path.replace('attachments/', ''))),
        ),
      })),
  );
}

// Every use of the bureau's key derives the profile's key (scrypt): slow on a busy machine.
describe('bureau channels (issue 18)', { timeout: 300_000 }, () => {
  it('makes the keys in main: public parts answered, the file sealed, the wrong passphrase refused', async () => {
    const h = await host();
    const profileId = await profile(h);
    expect((await call(h, 'bureau:key-info', { profileId })).key).toBeNull();
    const { key } = await call(h, 'bureau:key-create', { profileId, passphrase: PASS });
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(key.ageRecipient).toMatch(/^age1/);
    expect((await call(h, 'bureau:key-info', { profileId })).key).toEqual(key);
    const files = await readdir(join(h.dataDir, 'profiles'));
    const text = await readFile(join(h.dataDir, 'profiles', `${profileId}.bureau.json`), 'utf8');
    expect(files).toContain(`${profileId}.bureau.json`);
    expect(text).not.toContain('AGE-SECRET-KEY');
    expect(text).not.toContain('PRIVATE KEY');
    expect(await failure(h, 'bureau:key-create', { profileId, passphrase: PASS })).toContain(
      '已有本局密钥',
    );
    expect(
      await failure(h, 'bureau:sign-package', {
        profileId,
        passphrase: 'not the passphrase',
        pkg: samplePackage(),
        files: [],
        encrypt: { kind: 'none' },
        file: 'rp.jbx',
      }),
    ).toContain('口令不正确');
  });

  it('signs the package with the profile’s key (counters rising), which an expert’s import opens; decrypts the panel’s result; rotates', async () => {
    const h = await host();
    const profileId = await profile(h);
    const { key } = await call(h, 'bureau:key-create', { profileId, passphrase: PASS });
    const pkg = {
      ...samplePackage(),
      bureau: { ...samplePackage().bureau, ageRecipient: key.ageRecipient },
    };
    const files = await attachments(pkg);
    const signed = await call(h, 'bureau:sign-package', {
      profileId,
      passphrase: PASS,
      pkg,
      files,
      encrypt: { kind: 'new-passphrase' },
      file: 'KLMY-2026-JB-001.jbx',
    });
    expect(signed.fingerprint).toBe(key.fingerprint);
    expect(signed.counter).toBe(1);
    expect(signed.passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
    expect(signed.notice.rows).toContainEqual(['评审包编号', 'KLMY-2026-JB-001']);
    // Encrypted with the passphrase on the notice (age; opening it is the expert's import's test).
    expect(isAgeFile(signed.bytes)).toBe(true);
    expect(signed.notice.rows.flat()).toContain(signed.passphrase);
    const plainPackage = await call(h, 'bureau:sign-package', {
      profileId,
      passphrase: PASS,
      pkg,
      files,
      encrypt: { kind: 'none' },
      file: 'again.jbx',
    });
    expect(plainPackage.counter).toBe(2);
    const opened = await openBundle(plainPackage.bytes, { crypto: nodeCrypto });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.bundle.manifest.signers[0].fingerprint).toBe(key.fingerprint);
    expect(checkImport(opened.bundle, emptyTrust())).toMatchObject({ action: 'import' });
    // A package missing an attachment it registers: refused by name, nothing signed.
    expect(
      await failure(h, 'bureau:sign-package', {
        profileId,
        passphrase: PASS,
        pkg,
        files: files.slice(1),
        encrypt: { kind: 'none' },
        file: 'missing.jbx',
      }),
    ).toMatch(/附件|attachments/);

    const panel = await samplePanelBundle(
      ReviewPackageSchema.parse(pkg),
      opened.bundle.manifestSha256,
    );
    expect((await openBundle(panel, { crypto: nodeCrypto })).ok).toBe(false);
    const plain = await call(h, 'bureau:open-bundle', {
      profileId,
      passphrase: PASS,
      bytes: panel,
    });
    const result = await openBundle(plain.bytes, { crypto: nodeCrypto });
    expect(result.ok && result.bundle.kind).toBe('panel-result');
    expect(plain.fileSha256).toMatch(/^[0-9a-f]{64}$/);

    const rotated = await call(h, 'bureau:key-rotate', {
      profileId,
      passphrase: PASS,
      effective: '2026-12-01',
    });
    expect(rotated.key.fingerprint).not.toBe(key.fingerprint);
    expect(rotated.key.retired.map((r) => r.fingerprint)).toEqual([key.fingerprint]);
    // The paper notice is the CLI's (one function), dated as officials write it.
    expect(rotated.notice).toEqual(
      keyRotationNotice({
        oldFingerprint: key.fingerprint,
        newFingerprint: rotated.key.fingerprint,
        effective: '2026-12-01',
      }),
    );
    expect(rotated.notice.rows).toContainEqual(['生效日期', '2026年12月1日']);
    const rotation = await openBundle(rotated.bytes, { crypto: nodeCrypto });
    if (!rotation.ok) throw new Error(rotation.error.message);
    expect(
      checkImport(rotation.bundle, { ...emptyTrust(), bureauFingerprint: key.fingerprint }),
    ).toMatchObject({ action: 'import' });
    // The old key's secrets are gone: the next package is signed by the new key.
    const next = await call(h, 'bureau:sign-package', {
      profileId,
      passphrase: PASS,
      pkg,
      files,
      encrypt: { kind: 'none' },
      file: 'next.jbx',
    });
    expect(next.fingerprint).toBe(rotated.key.fingerprint);
  });

  it('signs an inspection assignment with the bureau key (counters rising); the wrong passphrase refused', async () => {
    const h = await host();
    const profileId = await profile(h);
    const { key } = await call(h, 'bureau:key-create', { profileId, passphrase: PASS });
    const assignment = {
      formatVersion: 1,
      assignmentId: 'ASG-1',
      subject: { type: 'demand', id: 'D-2026-01' },
      round: 'KLMY-2026-JB-001',
      purpose: '评榜实地考察',
      sites: [{ name: '采出水处理站', address: '' }],
      team: [{ id: 'I01', name: '李检查', role: 'leader' }],
      checklist: ['技术需求真实存在'],
      reportTo: { name: '市科技局', ageRecipient: key.ageRecipient },
      issuedOn: '2026-09-02',
      dueBy: '2026-09-30',
    };
    const first = await call(h, 'bureau:sign-assignment', {
      profileId,
      passphrase: PASS,
      assignment,
    });
    const again = await call(h, 'bureau:sign-assignment', {
      profileId,
      passphrase: PASS,
      assignment: { ...assignment, assignmentId: 'ASG-2' },
    });
    expect(again.counter).toBe(first.counter + 1);
    const opened = await openBundle(first.bytes, { crypto: nodeCrypto });
    if (!opened.ok || opened.bundle.kind !== 'inspection-assignment') throw new Error('assignment');
    expect(opened.bundle.manifestSha256).toBe(first.manifestSha256);
    expect(opened.bundle.manifest.signers[0].fingerprint).toBe(key.fingerprint);
    expect(
      await failure(h, 'bureau:sign-assignment', {
        profileId,
        passphrase: 'not the passphrase',
        assignment,
      }),
    ).toContain('口令不正确');
    // Main applies the checklist rule too: an empty list is refused, not signed as the template.
    expect(
      await failure(h, 'bureau:sign-assignment', {
        profileId,
        passphrase: PASS,
        assignment: { ...assignment, assignmentId: 'ASG-3', checklist: [] },
      }),
    ).toContain('考察任务须列明至少一项检查项（第十二条（一）（二））');
  });

  it('reads the sample’s workbooks into the lists packageFromGrids makes the sample from; exports the round’s workbook; renders a notice', async () => {
    const h = await host();
    const names = await readdir(LISTS);
    const read = await call(h, 'bureau:read-lists', {
      files: await Promise.all(
        names.map(async (name) => ({
          name,
          bytes: new Uint8Array(await readFile(join(LISTS, name))),
        })),
      ),
    });
    expect(read.problems).toEqual([]);
    const proposals = await Promise.all(
      (await readdir(ATTACHMENTS)).map(async (name) => ({
        name,
        bytes: new Uint8Array(await readFile(join(ATTACHMENTS, name))),
      })),
    );
    const built = packageFromGrids(read.grids, attachmentIndex(proposals, nodeCrypto));
    expect(built.ok && built.pkg).toEqual(samplePackage());

    const xlsx = await call(h, 'bureau:export-xlsx', {
      pkg: samplePackage(),
      sheets: sampleSheets(),
      decision: null,
    });
    expect(new TextDecoder().decode(xlsx.bytes.subarray(0, 2))).toBe('PK');
    const pdf = await call(h, 'notice:pdf', {
      notice: { title: '“揭榜挂帅”项目立项公示', rows: [['项目名称', '示例']], footer: [] },
    });
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    // A file that is no workbook is named, not thrown.
    const bad = await call(h, 'bureau:read-lists', {
      files: [{ name: 'applicants.xlsx', bytes: new TextEncoder().encode('not a workbook') }],
    });
    expect(bad.grids).toEqual([]);
    expect(bad.problems.join('\n')).toContain('applicants.xlsx');
  });
});

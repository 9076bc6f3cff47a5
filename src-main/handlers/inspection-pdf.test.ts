/**
 * The `inspection:pdf` channel (实地考察报告 PDF, issue 20) through its two doors: main's handler
 * as Electron dispatches it, and the web host's HTTP route. One input through both: each answers
 * an A4 PDF with the cover, the checklist, both photos and both signers' blocks, and the two read
 * the same; a malformed input is refused by both alike, naming the field.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src-shared/crypto/keys';
import { EnvelopeSchema, type Envelope } from '../../src-shared/ipc';
import { InspectionReportSchema } from '../../src-shared/model';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import { dispatch } from '../ipc/dispatch';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../web/server';
import { handlers } from '.';
import type { HostServices } from './types';

let root: string;
let web: WebHost;
let input: Record<string, unknown>;

const host = (): HostServices => ({
  kind: 'electron',
  dataDir: root,
  isPackaged: false,
  resourcesDir: 'resources',
});

const viaWeb = async (body: unknown): Promise<Envelope> => {
  const origin = new URL(web.url).origin;
  const r = await fetch(`${origin}/api/inspection:pdf`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: web.token, 'content-type': 'application/json' },
    body: encodeWire(body),
  });
  return EnvelopeSchema.parse(decodeWire(await r.text()));
};

/** The PDF's text (pdftotext -layout) and its image count (pdfimages -list). */
async function read(bytes: unknown, name: string): Promise<{ text: string; images: number }> {
  if (!(bytes instanceof Uint8Array)) throw new Error('no bytes');
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const path = join(root, name);
  await writeFile(path, bytes);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
  return { text, images };
}

const bytesOf = (e: Envelope): unknown =>
  e.ok && typeof e.value === 'object' && e.value !== null && 'bytes' in e.value
    ? e.value.bytes
    : null;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jb-inspection-pdf-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  web = await startWebHost({ rendererRoot: root, dataDir: root });
  const jpeg = new Uint8Array(await readFile('test/fixtures/inspection/site-1.jpg'));
  const png = new Uint8Array(await readFile('test/fixtures/inspection/site-2.png'));
  const report = InspectionReportSchema.parse({
    formatVersion: 2,
    reportId: 'ASG-2026-41-R',
    assignmentId: 'ASG-2026-41',
    subject: { type: 'demand', id: 'D-2026-41' },
    date: '2026-12-15',
    site: '克拉玛依油田采出水处理站',
    inspectors: [
      { id: 'I41', name: '李检查' },
      { id: 'I42', name: '王核验' },
    ],
    checklist: [
      { item: '技术需求真实存在（现场所见与需求材料一致）', result: 'met', note: '' },
      { item: '发榜方为技术需求的最终用户', result: 'partly', note: '运营由子公司承担' },
      { item: '需求可行、技术条件成熟', result: 'not-checked', note: '' },
    ],
    photos: [
      {
        path: 'photos/p01.jpg',
        sha256: sha256Hex(jpeg),
        size: jpeg.byteLength,
        mediaType: 'image/jpeg',
        name: 'IMG_0412.jpg',
        capturedAt: '2026-12-15T10:31:07',
        caption: '采出水处理站全景',
        item: 0,
      },
      {
        path: 'photos/p02.png',
        sha256: sha256Hex(png),
        size: png.byteLength,
        mediaType: 'image/png',
        name: 'screen.png',
        caption: '在线监测屏',
      },
    ],
    conclusion: '需求真实，建议发榜。',
  });
  input = {
    report,
    signers: [
      { id: 'I41', name: '李检查', fingerprint: 'a'.repeat(64) },
      { id: 'I42', name: '王核验', fingerprint: 'b'.repeat(64) },
    ],
    photos: [
      { path: 'photos/p01.jpg', bytes: jpeg },
      { path: 'photos/p02.png', bytes: png },
    ],
    purpose: '评榜：核实技术需求的真实性（第十二条（二））',
  };
});
afterAll(() => web.close());

describe('inspection:pdf through main’s handler and through the web host', () => {
  it('answers the same report PDF through both doors: cover, checklist, both photos, both signers', async () => {
    const [electron, http] = await Promise.all([
      dispatch(handlers, 'inspection:pdf', input, host()),
      viaWeb(input),
    ]);
    expect(electron.ok, JSON.stringify(electron.ok ? '' : electron.error)).toBe(true);
    expect(http.ok, JSON.stringify(http.ok ? '' : http.error)).toBe(true);
    const a = await read(bytesOf(electron), 'electron.pdf');
    const b = await read(bytesOf(http), 'web.pdf');
    for (const s of [
      '实地考察报告',
      '榜单 D-2026-41',
      '克拉玛依油田采出水处理站',
      '基本符合',
      '运营由子公司承担',
      '采出水处理站全景',
      '2026年12月15日 10:31:07',
      '照片未记录拍摄时间',
      '李检查（I41）',
      '王核验（I42）',
    ])
      expect(a.text).toContain(s);
    expect(a.images).toBe(2);
    expect(b).toEqual(a);
  }, 180_000);

  it('refuses a malformed input alike through both doors, naming the field, rendering nothing', async () => {
    const bad = { ...input, signers: [{ id: 'I41', name: '李检查', fingerprint: 'not-hex' }] };
    const [electron, http] = await Promise.all([
      dispatch(handlers, 'inspection:pdf', bad, host()),
      viaWeb(bad),
    ]);
    expect(electron).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(electron.ok ? '' : electron.error.message).toContain('signers');
    expect(http).toEqual(electron);
  });
});

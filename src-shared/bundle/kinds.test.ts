import { describe, expect, it } from 'vitest';
import { generateSigningKey, sign } from '../crypto/keys';
import { BUNDLE_KINDS, isBundleKind, KINDS } from './kinds';
import { BundleKindSchema } from './manifest';
import { openBundle } from './open';
import { crypto, KIND_SAMPLES, reseal } from './test-helpers';

const encode = (t: string) => new TextEncoder().encode(t);
const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('the kinds registry', () => {
  it('is one consistent table: keys, formats, roles, answers, samples', () => {
    expect(BUNDLE_KINDS).toEqual(Object.keys(KINDS));
    for (const kind of BUNDLE_KINDS) {
      const spec = KINDS[kind];
      expect(spec.kind).toBe(kind);
      expect(spec.formats.length).toBeGreaterThan(0);
      expect(spec.minSigners).toBeGreaterThanOrEqual(1);
      expect(spec.maxSigners).toBeGreaterThanOrEqual(spec.minSigners);
      for (const group of spec.requires)
        for (const role of group) expect(spec.roles, kind).toContain(role);
      for (const answered of spec.answers) expect(isBundleKind(answered), answered).toBe(true);
      expect(spec.subjects.length, kind).toBeGreaterThan(0);
      expect(KIND_SAMPLES[kind], `add a sample of ${kind} to test-helpers.ts`).toBeTypeOf(
        'function',
      );
    }
    expect(BundleKindSchema.safeParse('calendar').success).toBe(true);
    expect(BundleKindSchema.safeParse('constructor').success).toBe(false);
    expect(BundleKindSchema.safeParse('acceptance').success).toBe(false);
  });

  it('the kinds added after format 1 cannot be carried by a format-1 manifest', () => {
    for (const kind of ['calendar', 'key-rotation', 'inspection-assignment'] as const)
      expect(KINDS[kind].formats).toEqual([2]);
  });
});

describe('transcribed paper sheets in a panel result', () => {
  async function panelWith(edit: (m: Map<string, Uint8Array>) => void) {
    const { bytes, keys } = await KIND_SAMPLES['panel-result'](generateSigningKey());
    const changed = await reseal(bytes, edit, (n, manifest) => {
      const key = keys[n - 1];
      return key ? { sig: sign(manifest, key.secretKey) } : null;
    });
    return openBundle(changed, { crypto });
  }
  const messageOf = async (edit: (m: Map<string, Uint8Array>) => void) => {
    const r = await panelWith(edit);
    return r.ok ? 'opened' : r.error.message;
  };

  it('are refused without their scan, with another scan, with a stray scan, or beside an electronic sheet', async () => {
    const sample = await panelWith(() => undefined);
    expect(sample.ok).toBe(true);
    // One scan per expert: no ⚠ (sameScanWarnings, io/scan.ts).
    if (sample.ok) expect(sample.bundle.checks.filter((c) => c.warning)).toEqual([]);
    expect(await messageOf((m) => m.delete('paper/E05.pdf'))).toBe(
      '缺少纸质评分表扫描件：paper/E05.pdf',
    );
    expect(await messageOf((m) => m.set('paper/E05.pdf', encode('%PDF-1.4 another scan')))).toBe(
      '纸质评分表扫描件与转录记录的哈希不符：paper/E05.pdf',
    );
    expect(await messageOf((m) => m.set('paper/E06.png', encode('PNG')))).toBe(
      '扫描件没有对应的转录评分表：paper/E06.png',
    );
    // E02's sheet bundle is inside; a transcription of E02 as well is one sheet too many.
    expect(
      await messageOf((m) => {
        const t = JSON.parse(decode(m.get('paper/E05.json')));
        t.sheet.expertId = 'E02';
        t.scan.path = 'paper/E02.pdf';
        m.delete('paper/E05.json');
        m.set('paper/E02.pdf', m.get('paper/E05.pdf') ?? new Uint8Array());
        m.delete('paper/E05.pdf');
        m.set('paper/E02.json', encode(JSON.stringify(t)));
      }),
    ).toBe('专家 E02 既有电子评分表又有纸质评分表转录');
    expect(
      await messageOf((m) => {
        const t = JSON.parse(decode(m.get('paper/E05.json')));
        t.sheet.scores[0].criteria[0].points = 'ninety';
        m.set('paper/E05.json', encode(JSON.stringify(t)));
      }),
    ).toMatch(/^paper\/E05\.json 格式错误：sheet\.scores\.0\.criteria\.0\.points/);
  });
});

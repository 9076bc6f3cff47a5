import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src-shared/crypto/keys';
import type { Api } from '../../../src-shared/ipc';
import { samplePackage } from '../../../src-shared/sample-fixture';
import { openAnyFile, saveTestFile, TEST_FILE_TEXT } from './files';
import { printMeetingForm } from './meeting';

type Bridge = Pick<Api, 'form:pdf' | 'pdf:print' | 'file:save' | 'file:open'>;

/** Main's file and PDF functions as fakes that remember what they were asked. */
function fakeBridge(answers: { printed?: boolean; canceled?: boolean } = {}) {
  const asked: { channel: string; name?: string; bytes?: Uint8Array; title?: string }[] = [];
  const pdf = new TextEncoder().encode('%PDF-1.7 签到表');
  const api: Bridge = {
    'form:pdf': async ({ layout }) => {
      asked.push({ channel: 'form:pdf', title: layout.title });
      return { bytes: pdf, missing: [] };
    },
    'pdf:print': async ({ title }) => {
      asked.push({ channel: 'pdf:print', title });
      return { printed: answers.printed ?? true };
    },
    'file:save': async ({ bytes, suggestedName }) => {
      asked.push({ channel: 'file:save', name: suggestedName, bytes });
      return answers.canceled ? { canceled: true } : { canceled: false, name: suggestedName };
    },
    'file:open': async () =>
      answers.canceled
        ? { canceled: true }
        : { canceled: false, files: [{ name: 'a.pdf', bytes: pdf }] },
  };
  return { api, asked, pdf };
}

describe('printing a meeting form from the chair’s desk (the same layout as jiebang print)', () => {
  const pkg = samplePackage();

  it('in the app: rendered in main, then the print dialog, with the form’s code', async () => {
    const { api, asked } = fakeBridge();
    const out = await printMeetingForm(api, 'electron', 'sign-in', { pkg }, 't1');
    expect(out).toMatchObject({ kind: 'printed', unprintable: [] });
    expect(out.code).toMatch(/\S/);
    expect(asked.map((a) => a.channel)).toEqual(['form:pdf', 'pdf:print']);
    expect(asked[1]?.title).toContain('签到表');
  });

  it('in the web host: a download named for the package and form; cancelling says so', async () => {
    const saved = await printMeetingForm(fakeBridge().api, 'web', 'pledge', { pkg }, 't2');
    expect(saved).toMatchObject({ kind: 'saved', name: `${pkg.packageId}-pledge.pdf` });
    const canceled = await printMeetingForm(
      fakeBridge({ canceled: true }).api,
      'web',
      'pledge',
      { pkg },
      't3',
    );
    expect(canceled.kind).toBe('download-canceled');
  });

  it('a 评分汇总表 without sheets is refused by name, and nothing is rendered or printed', async () => {
    const { api, asked } = fakeBridge();
    await expect(printMeetingForm(api, 'electron', 'summary', { pkg }, 't4')).rejects.toThrow(
      '打印评分汇总表需要专家评分表',
    );
    expect(asked).toEqual([]);
  });
});

describe('the diagnostics page’s file round trip', () => {
  it('saves the known test text and reports an opened file’s size and SHA-256; a cancelled open gives nothing', async () => {
    const { api, asked, pdf } = fakeBridge();
    expect(await saveTestFile(api)).toEqual({ canceled: false, name: 'jiebang-test.txt' });
    expect(new TextDecoder().decode(asked[0]?.bytes)).toBe(TEST_FILE_TEXT);
    expect(await openAnyFile(api)).toEqual({
      name: 'a.pdf',
      size: pdf.byteLength,
      sha256: sha256Hex(pdf),
    });
    expect(await openAnyFile(fakeBridge({ canceled: true }).api)).toBeNull();
  });
});

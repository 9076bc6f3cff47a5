import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcError, type Envelope } from '../../src-shared/ipc';
import { message } from './i18n/strings';
import { api } from './bridge';
import { problemOf } from './workflows/deps';
import { profileProblem } from './workflows/profile';

/** A preload whose every channel answers `value` (what a compromised or broken main might send). */
function preloadAnswering(value: unknown): void {
  const answer = (): Promise<Envelope> => Promise.resolve({ ok: true, value });
  vi.stubGlobal('window', { jiebang: new Proxy({}, { get: () => answer }) });
}

const CONFIRM = {
  profileId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  passphrase: '口令口令口令口令口令',
};
const KEY = {
  fingerprint: 'ab'.repeat(32),
  publicKeyPem: '-----BEGIN PUBLIC KEY-----',
  ageRecipient: 'age1…',
  createdAt: '2026-11-30T00:00:00.000Z',
  retired: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the bridge checks every answer against the contract', () => {
  it('refuses, by channel, an answer that breaks a document channel’s schema', async () => {
    // bureau:key-rotate's answer holds the signed notice (the domain's schema, loaded on first use).
    preloadAnswering({ key: KEY, bytes: new Uint8Array([1]), notice: { kind: 'nonsense' } });
    const answer = api['bureau:key-rotate']({ ...CONFIRM, effective: '2026-12-01' });
    await expect(answer).rejects.toBeInstanceOf(IpcError);
    await expect(answer).rejects.toThrow('answer for bureau:key-rotate breaks the contract');
  });

  it('refuses, by channel, an answer that breaks a first-screen channel’s schema', async () => {
    preloadAnswering([{ id: 'x', label: 1 }]);
    await expect(api['profile:list']()).rejects.toThrow(
      'answer for profile:list breaks the contract',
    );
  });

  it('passes a valid answer on', async () => {
    preloadAnswering({ key: KEY });
    await expect(api['bureau:key-create'](CONFIRM)).resolves.toEqual({ key: KEY });
  });
});

describe('under the web host, an answer that is not an envelope', () => {
  it('is an answer not understood, said in our words (not the parser’s English)', async () => {
    // The host's refusal of a wrong Host is plain text, not an envelope.
    vi.stubGlobal('window', { location: { search: '?token=t' } });
    vi.stubGlobal('sessionStorage', { setItem: () => undefined, getItem: () => null });
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(new Response('请求的主机名不是本机网页宿主，已拒绝。', { status: 421 })),
      ),
    );
    const refused = await api['profile:list']().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IpcError);
    expect(problemOf(refused)).toEqual(message('errors.badAnswer'));
    // The gate's own wording keeps to it too.
    expect(profileProblem(refused)).toEqual(message('errors.badAnswer'));
  });
});

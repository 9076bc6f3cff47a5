import { describe, expect, it } from 'vitest';
import { channelNames, contract, PassphraseSchema, schemasOf } from './ipc';

describe('the IPC contract, built per channel on first use', () => {
  it('lists every channel, and builds each one once (the same schemas on every use)', async () => {
    expect(channelNames).toEqual(Object.keys(contract));
    for (const channel of channelNames) {
      const first = await schemasOf(channel);
      expect(await schemasOf(channel)).toBe(first);
    }
  });

  it('still refuses a wrong answer on a channel whose schemas load the domain model', async () => {
    const { output } = await schemasOf('sheet:pdf');
    expect(output.safeParse({ bytes: new Uint8Array([37, 80]) }).success).toBe(true);
    expect(output.safeParse({ bytes: 'JVBERi0=' }).success).toBe(false);
    const list = await schemasOf('bureau:export-xlsx');
    expect(list.input.safeParse({ pkg: {}, sheets: [], decision: null }).success).toBe(false);
  });

  it('still refuses a wrong answer on the first screen’s channels', async () => {
    const { output } = await schemasOf('profile:list');
    const profile = {
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      label: '张志远',
      createdAt: '2026-11-30T00:00:00.000Z',
      hasKeychain: false,
    };
    expect(output.safeParse([profile]).success).toBe(true);
    expect(output.safeParse([{ ...profile, id: '../../etc' }]).success).toBe(false);
  });
});

describe('PassphraseSchema (a new profile passphrase at the contract)', () => {
  it('refuses one too short, and one of only spaces whatever its length', () => {
    expect(PassphraseSchema.safeParse('克拉玛依 correct horse').success).toBe(true);
    const short = PassphraseSchema.safeParse('short');
    expect(short.success ? null : short.error.issues[0]?.message).toBe('口令至少 10 个字符');
    const blank = PassphraseSchema.safeParse(' \u3000\t'.repeat(4));
    expect(blank.success ? null : blank.error.issues.map((i) => i.message)).toEqual([
      '口令不能只由空格组成（全角、半角空格或制表符都算）：请用文字、字母、数字或符号',
    ]);
  });
});

/**
 * The award screen's store shows a workflow's refusal in the language the user chose: the
 * workflow returns a message (a key and its parameters), never a sentence in one language, so
 * switching to English gives the English text of the same refusal, and back to Chinese the
 * Chinese one. Runs the store on fake-indexeddb, as the screen would after an unlock.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import tbJson from '../../../resources/sample/taskbook.json';
import { sampleLateExtension } from '../../../src-shared/award/samples';
import { TaskBookSchema } from '../../../src-shared/model';
import { dbText } from '../i18n/db';
import { listParam, say, translate, type Message } from '../i18n/strings';
import { useAward } from './award';
import { useUiStore } from './ui';

/** The next read of the package's task books fails (a record that cannot be opened), when armed. */
const failing = vi.hoisted(() => ({ next: false }));
vi.mock('../workflows/award', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/award')>();
  return {
    ...original,
    signedTaskBooks: async (...args: Parameters<typeof original.signedTaskBooks>) => {
      if (failing.next) {
        failing.next = false;
        throw new Error(dbText.cannotOpen('taskBooks', 'TB-KLMY-2026-001'));
      }
      return original.signedTaskBooks(...args);
    },
  };
});

/** The store's refusal as the screen shows it (`useSay`), in the language chosen now. */
function shown(m: Message | null): string {
  if (!m) throw new Error('nothing was refused');
  return say(useUiStore.getState().lang, m);
}

async function unlocked() {
  const deps = await unlockedWith(
    { taskBook: { ...TaskBookSchema.parse(structuredClone(tbJson)), status: 'final' } },
    { actor: 'chair', action: 'taskbook.final', target: 'TB' },
    '张志远（奖后）',
  );
  await useAward.getState().load('KLMY-2026-JB-001');
  return deps;
}

describe('the award store shows refusals in the user’s language', () => {
  it('an enrolment without a name: English after switching to English, Chinese after switching back', async () => {
    await unlocked();
    useUiStore.getState().setLang('en');
    expect(await useAward.getState().enrol('assessor', '   ')).toBe(false);
    expect(shown(useAward.getState().error)).toBe('Enter the signer’s name');
    expect(document.documentElement.lang).toBe('en');
    useUiStore.getState().setLang('zh');
    expect(shown(useAward.getState().error)).toBe('请填写签名人姓名');
    expect(useAward.getState().signers).toEqual([]);
  });

  it('a late extension refused (第十九条): the frame in the language shown, the finding as the rules word it', async () => {
    await unlocked();
    expect(await useAward.getState().enrol('solver', '新疆水处理技术研究院（示例）')).toBe(true);
    const [solver] = useAward.getState().signers;
    if (!solver) throw new Error('not enrolled');
    await useAward.getState().sign({
      document: { type: 'form', doc: sampleLateExtension() },
      signerIds: [solver.signerId],
      label: 'sign',
    });
    const error = useAward.getState().error;
    useUiStore.getState().setLang('en');
    expect(shown(error)).toMatch(/^Not signed: .*第十九条/u);
    useUiStore.getState().setLang('zh');
    expect(shown(error)).toMatch(/^未签名：.*第十九条/u);
    expect(useAward.getState().awards).toEqual([]);
    expect(useAward.getState().message).toBeNull();
  });

  it('a load whose read fails says why in Chinese, not lists of before nor nothing at all', async () => {
    await unlocked();
    expect(useAward.getState()).toMatchObject({ loaded: true, error: null });
    expect(useAward.getState().book).not.toBeNull();

    failing.next = true;
    await useAward.getState().load('KLMY-2026-JB-001');
    const { loaded, error } = useAward.getState();
    expect(loaded).toBe(false);
    expect(shown(error)).toBe(
      '记录无法解密（taskBooks/TB-KLMY-2026-001）：密钥不对，或记录被改动、移动。',
    );

    // The lane goes on: the next load reads again and shows the lists.
    await useAward.getState().load('KLMY-2026-JB-001');
    expect(useAward.getState()).toMatchObject({ loaded: true, error: null });
  });

  it('joins a list in a message with the separator of the language shown', () => {
    const ids = { ids: listParam(['E01', 'E02']) };
    expect(translate('en', 'chair.boardRecused', ids)).toContain('E01, E02');
    expect(translate('zh', 'chair.boardRecused', ids)).toContain('E01、E02');
    const issues = { issues: listParam(['a', 'b'], 'clause') };
    expect(translate('en', 'chair.badSheet', issues)).toContain('a; b');
    expect(translate('zh', 'chair.badSheet', issues)).toContain('a；b');
  });
});

/** 文件包核验 and 核验打印件: files looked at, never imported. */
import { create } from 'zustand';
import type { OpenResult } from '../../../src-shared/bundle';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { parsePrintedCode } from '../../../src-shared/taskbook';
import { api } from '../bridge';
import { message, type Message } from '../i18n/strings';
import { inspectBundle, keysFrom, verifyPrint, type PrintVerdict } from '../workflows/inspect';
import { verifyFormFiles, type FormPrintOutcome } from '../workflows/meeting';
import { offer } from '../workflows/signing';
import { saveFile } from './deps';
import { attempt, savedNotice, type Notice } from './notice';
import { withProgress } from './progress';

interface Loaded {
  name: string;
  bytes: Uint8Array;
}

interface BundleCheckStore {
  file: Loaded | null;
  result: OpenResult | null;
  notice: Notice | null;
  pick: (label: Message) => Promise<void>;
  decrypt: (secret: string) => Promise<void>;
  saveCopy: () => Promise<void>;
}

const check = (file: Loaded, secret: string) =>
  withProgress(message('bundles.reading', { name: file.name }), (_task, report) =>
    inspectBundle(nobleCrypto, file.bytes, keysFrom(secret), report),
  );

export const useBundleCheck = create<BundleCheckStore>()((set, get) => {
  const run = async (work: () => Promise<void>) => {
    const problem = await attempt(work);
    if (problem) set({ notice: problem });
  };
  return {
    file: null,
    result: null,
    notice: null,
    pick: (label) =>
      run(async () => {
        set({ notice: null });
        const picked = await withProgress(label, (task) =>
          api['file:open']({ filters: [{ name: 'jbx', extensions: ['jbx'] }], task }),
        );
        if (picked.canceled) return;
        const [first] = picked.files;
        const file = { name: first.name, bytes: first.bytes };
        set({ file, result: null });
        set({ result: await check(file, '') });
      }),
    decrypt: (secret) =>
      run(async () => {
        const file = get().file;
        if (file) set({ result: await check(file, secret) });
      }),
    saveCopy: () =>
      run(async () => {
        const file = get().file;
        if (!file) return;
        const outcome = await offer(saveFile, file);
        if (outcome.saved || outcome.error) set({ notice: savedNotice(outcome, 'bundles.saved') });
      }),
  };
});

interface PrintCheckStore {
  code: string;
  verdict: PrintVerdict | null;
  /** A meeting form's code: the key for an encrypted panel bundle, and the verdict. */
  formKey: string;
  formVerdict: FormPrintOutcome | null;
  /** What stopped the check (a file that could not be opened), as a message. */
  formProblem: Message | null;
  setCode: (code: string) => void;
  setFormKey: (key: string) => void;
  choose: (label: Message) => Promise<void>;
  chooseForm: (label: Message) => Promise<void>;
}

export const usePrintCheck = create<PrintCheckStore>()((set, get) => ({
  code: '',
  verdict: null,
  formKey: '',
  formVerdict: null,
  formProblem: null,
  setCode: (code) => set({ code, verdict: null, formVerdict: null, formProblem: null }),
  setFormKey: (formKey) => set({ formKey, formVerdict: null, formProblem: null }),
  chooseForm: async (label) => {
    const problem = await attempt(async () => {
      const r = await withProgress(label, (task) =>
        api['file:open']({
          filters: [{ name: 'jbx, json', extensions: ['jbx', 'json'] }],
          multiple: true,
          task,
        }),
      );
      if (r.canceled) return;
      set({
        formProblem: null,
        formVerdict: await verifyFormFiles(
          nobleCrypto,
          get().code,
          r.files,
          keysFrom(get().formKey),
        ),
      });
    });
    if (problem) set({ formVerdict: null, formProblem: problem.message });
  },
  choose: async (label) => {
    const printed = parsePrintedCode(get().code);
    if (!printed) return;
    const problem = await attempt(async () => {
      const r = await withProgress(label, (task) =>
        api['file:open']({ filters: [{ name: 'jbx, json', extensions: ['jbx', 'json'] }], task }),
      );
      if (r.canceled) return;
      set({ verdict: await verifyPrint(nobleCrypto, printed, r.files[0]) });
    });
    if (problem) set({ verdict: { ok: false, reason: problem.message } });
  },
}));

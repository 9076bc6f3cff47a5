/**
 * 核验打印件: the code printed on a task book (or its QR code's text) against a task-book bundle
 * (verified first: signature, checksums) or its JSON — the screen twin of `jiebang verify-print`
 * (src-shared/taskbook/print.ts does the comparison for both).
 */
import { useState } from 'react';
import { openBundle } from '../../../src-shared/bundle';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import { TaskBookSchema, type TaskBook } from '../../../src-shared/model';
import { comparePrinted, parsePrintedCode, type PrintCheck } from '../../../src-shared/taskbook';
import { api } from '../bridge';
import { useT } from '../i18n';
import { withProgress } from '../stores/progress';

type Loaded = { ok: true; tb: TaskBook; signer?: string } | { ok: false; message: string };

/** A task book from a chosen file: a signed bundle (verified in full) or the JSON itself. */
async function loadTaskBook(
  name: string,
  bytes: Uint8Array,
  encryptedMessage: string,
): Promise<Loaded> {
  if (bytes[0] === 0x7b) {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { ok: false, message: `${name}：不是 JSON` };
    }
    const parsed = TaskBookSchema.safeParse(raw);
    return parsed.success
      ? { ok: true, tb: parsed.data }
      : {
          ok: false,
          message: `${name}：不是有效的任务书（${parsed.error.issues[0]?.message ?? ''}）`,
        };
  }
  const opened = await openBundle(bytes);
  if (!opened.ok)
    return {
      ok: false,
      message: `${name}：${opened.error.code === 'needs-key' ? encryptedMessage : opened.error.message}`,
    };
  if (opened.bundle.kind !== 'task-book')
    return { ok: false, message: `${name}：这不是任务书文件包` };
  const m = opened.bundle.manifest.signer;
  return {
    ok: true,
    tb: opened.bundle.document,
    signer: `${m.name}（${m.role}）${formatFingerprint(m.fingerprint)}`,
  };
}

export function VerifyPrintScreen() {
  const t = useT();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<
    { file: string; check: PrintCheck; signer?: string } | { error: string } | null
  >(null);
  const printed = parsePrintedCode(code);
  return (
    <section className="screen">
      <h1>{t('verify.heading')}</h1>
      <p className="lead">{t('verify.lead')}</p>
      <div className="card">
        <label className="block">
          <span>{t('verify.code')}</span>
          <textarea
            rows={2}
            className="mono"
            value={code}
            aria-invalid={code.trim() !== '' && !printed}
            onChange={(e) => {
              setCode(e.target.value);
              setResult(null);
            }}
          />
        </label>
        {code.trim() !== '' && !printed && <p className="error">{t('verify.badCode')}</p>}
        <button
          type="button"
          className="primary"
          disabled={!printed}
          onClick={() =>
            void withProgress(t('verify.choose'), (task) =>
              api['file:open']({
                filters: [{ name: '任务书', extensions: ['jbx', 'json'] }],
                task,
              }),
            ).then(async (r) => {
              if (r.canceled || !printed) return;
              const [file] = r.files;
              const loaded = await loadTaskBook(file.name, file.bytes, t('verify.encrypted'));
              if (!loaded.ok) {
                setResult({ error: loaded.message });
                return;
              }
              setResult({
                file: file.name,
                check: comparePrinted(printed, loaded.tb),
                ...(loaded.signer ? { signer: loaded.signer } : {}),
              });
            })
          }
        >
          {t('verify.choose')}
        </button>
      </div>
      {result && 'error' in result && (
        <p role="alert" className="error">
          ✗ {result.error}
        </p>
      )}
      {result && 'check' in result && (
        <div className="card" data-testid="verify-result">
          {result.check.match ? (
            <p className="ok" role="status">
              {t('verify.match', {
                id: result.check.taskBookId,
                status: result.check.status === 'final' ? '定稿' : '草稿',
              })}
            </p>
          ) : (
            <>
              <p className="error" role="status">
                {t('verify.noMatch', { reason: result.check.reason })}
              </p>
              <p className="note">{t('verify.expected', { id: result.check.taskBookId })}</p>
              <p className="mono">{result.check.expected}</p>
            </>
          )}
          <p className="note">
            {result.file}
            {result.signer ? ` · ${result.signer}` : ''}
          </p>
        </div>
      )}
    </section>
  );
}

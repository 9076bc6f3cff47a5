/**
 * 核验打印件: the code printed on a task book (or its QR code's text) against a task-book bundle
 * (verified first: signature, checksums) or its JSON — the screen twin of `jiebang verify-print`
 * (src-shared/taskbook/print.ts reads the file and does the comparison for both).
 */
import { useState } from 'react';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import {
  comparePrinted,
  parsePrintedCode,
  readTaskBookFile,
  type PrintCheck,
} from '../../../src-shared/taskbook';
import { api } from '../bridge';
import { useT } from '../i18n';
import { withProgress } from '../stores/progress';

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
              const read = await readTaskBookFile(file.bytes, nobleCrypto);
              if (!read.ok) {
                setResult({
                  error: `${file.name}：${read.needsKey ? t('verify.encrypted') : read.message}`,
                });
                return;
              }
              const m = read.signer;
              setResult({
                file: file.name,
                check: comparePrinted(printed, read.tb),
                ...(m
                  ? { signer: `${m.name}（${m.role}）${formatFingerprint(m.fingerprint)}` }
                  : {}),
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

import { useState } from 'react';
import {
  describeSubject,
  KINDS,
  openBundle,
  ROLE_LABEL,
  type OpenedBundle,
  type OpenResult,
} from '../../../src-shared/bundle';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import type { AgeKey } from '../../../src-shared/crypto/age';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { api } from '../bridge';
import { ChecksList } from '../components/ChecksList';
import { useT } from '../i18n';
import { withProgress } from '../stores/progress';

interface Loaded {
  name: string;
  bytes: Uint8Array;
}

function keysFrom(secret: string): AgeKey[] {
  const trimmed = secret.trim();
  if (trimmed === '') return [];
  const identities = trimmed.split(/\s+/).filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
  return identities.length > 0
    ? identities.map((identity) => ({ identity }))
    : [{ passphrase: secret }];
}

function Summary({ bundle }: { bundle: OpenedBundle }) {
  const t = useT();
  const m = bundle.manifest;
  return (
    <dl className="facts" data-testid="bundle-summary">
      <dt>{t('bundles.kind')}</dt>
      <dd>
        {KINDS[m.kind].label}（{t('bundles.format', { n: m.formatVersion })}）
      </dd>
      <dt>{t('bundles.subject')}</dt>
      <dd>{describeSubject(m.subject)}</dd>
      <dt>{t('bundles.signers')}</dt>
      <dd>
        <ul className="plain">
          {m.signers.map((s) => (
            <li key={s.fingerprint}>
              {s.name}（{ROLE_LABEL[s.role]} {s.id}）{t('bundles.counter', { n: s.counter })}
              {s.audit ? ` · ${t('bundles.audit', { n: s.audit.length })}` : ''}
              <br />
              {t('bundles.fingerprint')}：
              <span className="mono fingerprint" data-testid="bundle-fingerprint">
                {formatFingerprint(s.fingerprint)}
              </span>
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('bundles.created')}</dt>
      <dd>{m.createdAt}</dd>
      <dt>{t('bundles.contents')}</dt>
      <dd>
        <ul className="plain">
          {[...bundle.files.entries()].map(([path, data]) => (
            <li key={path} className="mono">
              {path} — {t('bundles.bytes', { n: data.byteLength })}
            </li>
          ))}
        </ul>
        <p>{bundle.summary}</p>
      </dd>
      {bundle.inner.length > 0 && (
        <>
          <dt>{t('bundles.inner')}</dt>
          <dd>
            <ul className="plain">
              {bundle.inner.map((b) => (
                <li key={b.manifestSha256}>
                  ✓ {b.manifest.signers[0].name}（{b.manifest.signers[0].id}）{' '}
                  <span className="mono">
                    {formatFingerprint(b.manifest.signers[0].fingerprint)}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

/** Verify any bundle, step by step, with progress; the same checks as `jiebang verify`. */
export function BundlesScreen() {
  const t = useT();
  const [file, setFile] = useState<Loaded | null>(null);
  const [result, setResult] = useState<OpenResult | null>(null);
  const [secret, setSecret] = useState('');
  const [status, setStatus] = useState('');

  const verify = async (loaded: Loaded, keys: AgeKey[]) => {
    const r = await withProgress(t('bundles.reading', { name: loaded.name }), (_task, report) =>
      openBundle(loaded.bytes, {
        crypto: nobleCrypto,
        keys,
        onProgress: (p) => report(p.phase, p.done, p.total),
      }),
    );
    setResult(r);
  };

  const pick = async () => {
    setStatus('');
    const picked = await withProgress(t('bundles.open'), (task) =>
      api['file:open']({ filters: [{ name: '揭榜评审台文件包', extensions: ['jbx'] }], task }),
    );
    if (picked.canceled) return;
    const [first] = picked.files;
    const loaded = { name: first.name, bytes: first.bytes };
    setFile(loaded);
    setSecret('');
    await verify(loaded, []);
  };

  const needsKey =
    result !== null &&
    !result.ok &&
    (result.error.code === 'needs-key' || result.error.code === 'decrypt-failed');

  return (
    <section className="screen">
      <h1>{t('bundles.heading')}</h1>
      <p className="lead">{t('bundles.intro')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void pick()}>
          {t('bundles.open')}
        </button>
        {file && result?.ok && (
          <button
            type="button"
            onClick={() =>
              void api['file:save']({ bytes: file.bytes, suggestedName: file.name }).then(
                (r) => !r.canceled && setStatus(t('bundles.saved', { name: r.name })),
              )
            }
          >
            {t('bundles.saveCopy')}
          </button>
        )}
      </div>
      {file && <h2 className="mono">{file.name}</h2>}
      {needsKey && file && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void verify(file, keysFrom(secret));
          }}
        >
          <p>{t('bundles.encrypted')}</p>
          <div className="row">
            <input
              type="password"
              aria-label={t('bundles.secret')}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              style={{ minWidth: '28em' }}
              autoFocus
            />
            <button type="submit" className="primary">
              {t('bundles.decrypt')}
            </button>
          </div>
        </form>
      )}
      {result && (
        <>
          <ChecksList
            checks={result.ok ? result.bundle.checks : result.checks}
            testId="bundle-checks"
          />
          {result.ok ? (
            <>
              <p className="ok" role="status">
                ✓ {t('bundles.ok')}
              </p>
              <Summary bundle={result.bundle} />
            </>
          ) : (
            <p className="error" role="alert">
              {t('bundles.failed', { message: result.error.message })}
            </p>
          )}
        </>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}

// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/bundles';
import '../../i18n/calendar';
import '../../i18n/taskbook';
import { useState } from 'react';
import { ChecksList } from '../../components/ChecksList';
import { NoticeLine } from '../../components/NoticeLine';
import { message, useT } from '../../i18n';
import { useBundleCheck } from '../../stores/inspect';
import { needsKey } from '../../workflows/inspect';
import { BundleSummary } from './BundleSummary';
import { CalendarImport } from './CalendarImport';

/** Verify any bundle, step by step, with progress; the same checks as `jiebang verify`. */
export function BundlesScreen() {
  const t = useT();
  const { file, result, notice, pick, decrypt, saveCopy } = useBundleCheck();
  const [secret, setSecret] = useState('');
  // An encrypted bundle waits for its key: asked for, not reported as a failure.
  const waiting = result !== null && needsKey(result);
  const first = result !== null && !result.ok && result.error.code === 'needs-key';
  return (
    <section className="screen">
      <h1>{t('bundles.heading')}</h1>
      <p className="lead">{t('bundles.intro')}</p>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setSecret('');
            void pick(message('bundles.open'));
          }}
        >
          {t('bundles.open')}
        </button>
        {file && result?.ok && (
          <button type="button" onClick={() => void saveCopy()}>
            {t('bundles.saveCopy')}
          </button>
        )}
      </div>
      {file && <h2 className="mono">{file.name}</h2>}
      {waiting && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void decrypt(secret);
          }}
        >
          <p>{t('bundles.encrypted')}</p>
          <div className="row">
            <input
              type="password"
              aria-label={t('bundles.secret')}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              className="secret"
              autoFocus
            />
            <button type="submit" className="primary">
              {t('bundles.decrypt')}
            </button>
          </div>
        </form>
      )}
      {result && !first && (
        <ChecksList
          checks={result.ok ? result.bundle.checks : result.checks}
          testId="bundle-checks"
        />
      )}
      {result?.ok && (
        <>
          <p className="ok" role="status">
            ✓ {t('bundles.ok')}
          </p>
          <BundleSummary bundle={result.bundle} />
          {result.bundle.kind === 'calendar' && <CalendarImport bundle={result.bundle} />}
        </>
      )}
      {result && !result.ok && !first && (
        <p className="error" role="alert">
          {t('bundles.failed', { message: result.error.message })}
        </p>
      )}
      <NoticeLine notice={notice} testId="bundles-notice" />
    </section>
  );
}

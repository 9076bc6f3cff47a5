import { useEffect } from 'react';
import { useT } from '../../i18n';
import { NoticeLine } from '../../components/NoticeLine';
import { useDiagnostics } from '../../stores/diagnostics';

/**
 * For support and the tests, not in the sidebar (#/diagnostics): what main reports (host,
 * version, runtime, data folder) and a file round trip through the bridge.
 */
export function DiagnosticsScreen() {
  const t = useT();
  const { info, notice, load, saveTest, openTest } = useDiagnostics();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="screen">
      <h1>{t('diagnostics.heading')}</h1>
      <p className="lead">{t('diagnostics.lead')}</p>
      {info === null ? (
        <p aria-busy="true">{t('home.loading')}</p>
      ) : (
        <dl className="facts" data-testid="app-info">
          <dt>{t('home.host')}</dt>
          <dd data-testid="app-host">
            {info.host === 'electron' ? t('home.host.electron') : t('home.host.web')}
          </dd>
          <dt>{t('home.version')}</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>{t('home.platform')}</dt>
          <dd>{info.platform}</dd>
          <dt>{t('home.runtime')}</dt>
          <dd>
            {Object.entries(info.versions)
              .map(([k, v]) => `${k} ${v}`)
              .join(' · ')}
          </dd>
          <dt>{t('home.dataDir')}</dt>
          <dd className="mono">{info.dataDir}</dd>
        </dl>
      )}
      <h2>{t('home.files')}</h2>
      <div className="row">
        <button type="button" onClick={() => void saveTest()}>
          {t('home.saveTest')}
        </button>
        <button type="button" onClick={() => void openTest()}>
          {t('home.openTest')}
        </button>
      </div>
      <NoticeLine notice={notice} testId="file-status" />
    </section>
  );
}

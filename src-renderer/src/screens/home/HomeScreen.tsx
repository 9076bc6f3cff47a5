import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../src-shared/ipc';
import { api } from '../bridge';
import { useT } from '../i18n';
import { NotesCard } from '../components/NotesCard';

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copy.buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function HomeScreen() {
  const t = useT();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileStatus, setFileStatus] = useState<string>('');

  useEffect(() => {
    let live = true;
    api['app:info']().then(
      (value) => live && setInfo(value),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const save = async () => {
    try {
      const bytes = new TextEncoder().encode('揭榜评审台 测试文件 / Jiebang Panel test file\n');
      const result = await api['file:save']({ bytes, suggestedName: 'jiebang-test.txt' });
      setFileStatus(result.canceled ? t('home.canceled') : t('home.saved', { name: result.name }));
    } catch (e) {
      setFileStatus(t('common.error', { message: errorText(e) }));
    }
  };

  const open = async () => {
    try {
      const result = await api['file:open']({ filters: [{ name: 'All', extensions: ['*'] }] });
      if (result.canceled) {
        setFileStatus(t('home.canceled'));
        return;
      }
      const [file] = result.files;
      setFileStatus(
        t('home.opened', {
          name: file.name,
          size: file.bytes.byteLength,
          hash: await sha256Hex(file.bytes),
        }),
      );
    } catch (e) {
      setFileStatus(t('common.error', { message: errorText(e) }));
    }
  };

  return (
    <section className="screen">
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p className="note">{t('home.offline')}</p>
      <NotesCard />
      <h2>{t('home.host')}</h2>
      {error !== null && (
        <p role="alert" className="error">
          {t('home.error', { message: error })}
        </p>
      )}
      {info === null && error === null && <p aria-busy="true">{t('home.loading')}</p>}
      {info !== null && (
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
        <button type="button" onClick={() => void save()}>
          {t('home.saveTest')}
        </button>
        <button type="button" onClick={() => void open()}>
          {t('home.openTest')}
        </button>
      </div>
      <p role="status" data-testid="file-status">
        {fileStatus}
      </p>
    </section>
  );
}

import type { ReactNode } from 'react';
import { useSay, useT } from './i18n';
import { useLang, useToggleLang } from './stores/ui';
import { ProgressPanel } from './components/ProgressPanel';
import { useSession } from './stores/session';
import { useSaveState } from './stores/save';
import { askBeforeDropping, firstUnsaved, useUnsaved } from './stores/unsaved';

function SessionBar() {
  const t = useT();
  const say = useSay();
  const profile = useSession((s) => s.profile);
  const status = useSession((s) => s.status);
  const lock = useSession((s) => s.lock);
  const pending = useSaveState((s) => s.pending);
  const saveError = useSaveState((s) => s.lastError);
  const first = useUnsaved(firstUnsaved);
  const unsaved = first?.why ?? null;
  // An edit being written (an import's sheets stored after they are shown): 保存中, in its words.
  const saving = first?.saving === true;
  if (status !== 'unlocked' || !profile) return null;
  return (
    <>
      <span
        data-testid="save-state"
        className={
          saveError || (unsaved && !saving) ? 'error' : pending > 0 || saving ? 'warn' : 'ok'
        }
        role="status"
      >
        {saveError
          ? t('session.saveFailed', { message: say(saveError) })
          : unsaved
            ? saving
              ? say(unsaved)
              : t('session.unsaved', { message: say(unsaved) })
            : pending > 0
              ? t('session.saving')
              : t('session.saved')}
      </span>
      <span className="note">{t('session.current', { label: profile.label })}</span>
      {/* With an edit not saved, asks first (UnsavedGuard); staying keeps the screen as it is. */}
      <button type="button" onClick={() => askBeforeDropping('lock', () => lock('manual'))}>
        {t('session.lock')}
      </button>
    </>
  );
}

function TopBar() {
  const t = useT();
  const lang = useLang();
  const toggle = useToggleLang();
  return (
    <header className="topbar">
      <span className="spacer" />
      <SessionBar />
      <button
        type="button"
        className="ghost"
        onClick={toggle}
        title={t('lang.label')}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}

/**
 * The app's frame: the sidebar (brand, then `nav`: the screens' links once unlocked), the top bar
 * (session, language), long work's progress and `children` as the content. The profile gate shows
 * in it without the router; the unlocked app (`RoutedApp`, loaded after the gate) brings the router
 * and the links (issue 22: the first screen's code is only what the gate needs).
 */
export function Shell({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.section.work')}>
        <div className="brand">
          <img className="brand-icon" src="./icon.svg" alt="" width={28} height={28} />
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        {nav}
      </nav>
      <div className="main">
        <TopBar />
        <ProgressPanel />
        <main className="content">{children}</main>
      </div>
    </div>
  );
}

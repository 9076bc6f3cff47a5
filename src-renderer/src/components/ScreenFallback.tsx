import { useT } from '../i18n';

/**
 * Shown while a screen's code arrives (routes are loaded when first needed): an empty screen of
 * the same frame, so nothing shifts; the note appears only if the wait is long enough to notice.
 */
export function ScreenFallback() {
  const t = useT();
  return (
    <section className="screen" aria-busy="true">
      <p className="note late-note">{t('app.loading')}</p>
    </section>
  );
}

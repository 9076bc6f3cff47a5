import { useEffect, useRef, type RefObject } from 'react';
import { sayInstant } from '../../components/format';
import { useLang } from '../../stores/ui';
import { listParam, useT } from '../../i18n';
import { useBureau } from '../../stores/bureau';

/**
 * Asked before new lists replace the one unsigned draft of this profile: the draft named (its
 * package id, or its files) with its last edit; 保留草稿 (focused first, and Esc) changes nothing
 * and gives the focus back to `back` (the button that asked).
 */
export function ReplaceDraft({ back }: { back: RefObject<HTMLButtonElement | null> }) {
  const t = useT();
  const lang = useLang();
  const { replacing, busy, replaceDraft, keepDraft } = useBureau();
  const keep = useRef<HTMLButtonElement>(null);
  const asking = replacing !== null;
  useEffect(() => {
    if (!asking) return;
    keep.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      keepDraft();
      back.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking, keepDraft, back]);
  if (!replacing) return null;
  const name = replacing.packageId
    ? t('bureau.draft.package', { id: replacing.packageId })
    : t('bureau.draft.files', { files: listParam(replacing.files) });
  return (
    <div
      role="alertdialog"
      aria-labelledby="bureau-replace-title"
      aria-describedby="bureau-replace-body"
      className="card"
      data-testid="bureau-replace-draft"
    >
      <h3 id="bureau-replace-title">{t('bureau.draft.replaceTitle')}</h3>
      <p id="bureau-replace-body">
        {t('bureau.draft.replaceBody', {
          name,
          at: replacing.editedAt
            ? sayInstant(lang, replacing.editedAt)
            : t('bureau.draft.unknownTime'),
        })}
      </p>
      <div className="row">
        <button
          ref={keep}
          type="button"
          className="primary"
          onClick={() => {
            keepDraft();
            back.current?.focus();
          }}
        >
          {t('bureau.draft.keep')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void replaceDraft(t('bureau.author.filter'))}
        >
          {t('bureau.draft.replace')}
        </button>
      </div>
    </div>
  );
}

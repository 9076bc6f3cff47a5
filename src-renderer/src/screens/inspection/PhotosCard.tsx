/**
 * Site photos from files: the bound stated; a caption and the item it documents chosen first;
 * the file's size checked before it is read (a 200 MB file is refused by name, unread); each
 * photo listed with its capture time (EXIF), its SHA-256 (short) and size, its caption editable.
 */
import { useRef, useState } from 'react';
import {
  PHOTO_MAX_BYTES,
  PHOTO_REPORT_MAX_SIDE,
  PHOTOS_MAX,
} from '../../../../src-shared/inspection';
import type { InspectionPhoto, InspectionReport } from '../../../../src-shared/model';
import { Field } from '../../components/Field';
import { sayLocalTime } from '../../components/format';
import { useSay, useT } from '../../i18n';
import { useLang } from '../../stores/ui';
import { useInspection } from '../../stores/inspection';

export function PhotosCard({ report }: { report: InspectionReport }) {
  const t = useT();
  const say = useSay();
  const addPhoto = useInspection((s) => s.addPhoto);
  const refusals = useInspection((s) => s.photoRefusals);
  const edit = useInspection((s) => s.edit);
  const [caption, setCaption] = useState('');
  const [item, setItem] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const setCaptionOf = (path: string, text: string) =>
    edit({
      ...report,
      photos: report.photos.map((p) => (p.path === path ? { ...p, caption: text } : p)),
    });
  return (
    <div className="card" data-testid="inspection-photos">
      <h2>{t('inspection.photos')}</h2>
      <p className="note">
        {t('inspection.photoBound', {
          max: PHOTO_MAX_BYTES / 1024 / 1024,
          side: PHOTO_REPORT_MAX_SIDE,
          count: PHOTOS_MAX,
        })}
      </p>
      <div className="field-grid">
        <Field label={t('inspection.caption')}>
          <input value={caption} onChange={(e) => setCaption(e.target.value)} />
        </Field>
        <Field label={t('inspection.photoItem')}>
          <select value={item} onChange={(e) => setItem(e.target.value)}>
            <option value="">{t('inspection.noItem')}</option>
            {report.checklist.map((c, i) => (
              <option key={i} value={String(i)}>
                {t('inspection.itemLabel', { n: i + 1, item: c.item })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <input
        ref={picker}
        type="file"
        accept=".jpg,.jpeg,.png"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const picked = {
            name: file.name,
            size: file.size,
            read: async () => new Uint8Array(await file.arrayBuffer()),
          };
          void addPhoto(picked, caption, item === '' ? undefined : Number(item)).then(() =>
            setCaption(''),
          );
        }}
      />
      <button type="button" onClick={() => picker.current?.click()}>
        {t('inspection.addPhoto')}
      </button>
      {refusals.length > 0 && (
        // Every refused photo by name, here beside the control (not one at a time at the top).
        <ul className="plain" role="alert" data-testid="inspection-photo-refusals">
          {refusals.map((r) => (
            <li key={r.name} className="error">
              {say(r.why)}
            </li>
          ))}
        </ul>
      )}
      {report.photos.length === 0 ? (
        <p className="note">{t('inspection.noPhotos')}</p>
      ) : (
        <ul data-testid="inspection-photo-list">
          {report.photos.map((p) => (
            <PhotoLine key={p.path} photo={p} onCaption={(c) => setCaptionOf(p.path, c)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PhotoLine({
  photo,
  onCaption,
}: {
  photo: InspectionPhoto;
  onCaption: (caption: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const facts = [
    photo.capturedAt
      ? t('inspection.capturedAt', { time: sayLocalTime(lang, photo.capturedAt) })
      : t('inspection.noExif'),
    t('inspection.sha', { hash: photo.sha256.slice(0, 12) }),
    t('inspection.size', { kb: Math.ceil(photo.size / 1024) }),
  ];
  return (
    <li>
      <strong>{photo.name || photo.path}</strong> {facts.join(t('common.listSep'))}
      <Field label={t('inspection.captionOf', { name: photo.name || photo.path })}>
        <input value={photo.caption} onChange={(e) => onCaption(e.target.value)} />
      </Field>
    </li>
  );
}

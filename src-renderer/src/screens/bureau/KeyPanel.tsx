import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { now } from '../../stores/deps';
import { today as localToday } from '../../workflows/deps';
import { listParam, message, useT } from '../../i18n';
import { useBureau } from '../../stores/bureau';

/** Today on the bureau's own clock (its local date, not UTC's: 00:00–08:00 in China is still the day before in UTC). */
const today = () => localToday(now);

/** The bureau's keys: made in main, public parts shown and exported, printed, rotated. */
export function KeyPanel({ profileId, passphrase }: { profileId: string; passphrase: string }) {
  const t = useT();
  const { key, busy, createKey, rotateKey, say, save, printNotice } = useBureau();
  if (!key)
    return (
      <div className="card" data-testid="bureau-key">
        <h2>{t('bureau.key.heading')}</h2>
        <p className="note">{t('bureau.key.none')}</p>
        <button
          type="button"
          className="primary"
          disabled={busy || passphrase === ''}
          onClick={() => void createKey(profileId, passphrase)}
        >
          {t('bureau.key.create')}
        </button>
      </div>
    );
  const fp = formatFingerprint(key.fingerprint);
  return (
    <div className="card" data-testid="bureau-key">
      <h2>{t('bureau.key.heading')}</h2>
      <p data-testid="bureau-fingerprint">{t('bureau.key.fingerprint', { fp })}</p>
      <p className="note">{t('bureau.key.recipient', { r: key.ageRecipient })}</p>
      {key.retired.length > 0 && (
        <p className="note">
          {t('bureau.key.retired', {
            list: listParam(key.retired.map((r) => formatFingerprint(r.fingerprint))),
          })}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          onClick={() => void save(new TextEncoder().encode(key.publicKeyPem), 'signing.pub')}
        >
          {t('bureau.key.exportPub')}
        </button>
        <button
          type="button"
          onClick={() =>
            void printNotice(
              {
                title: t('bureau.key.noticeTitle'),
                rows: [
                  [t('bureau.key.heading'), fp],
                  ['age', key.ageRecipient],
                ],
                footer: [],
              },
              'bureau-key-notice.pdf',
            )
          }
        >
          {t('bureau.key.printNotice')}
        </button>
        <button
          type="button"
          disabled={busy || passphrase === ''}
          onClick={() =>
            void rotateKey(profileId, passphrase, today()).then(async (bytes) => {
              if (!bytes) return;
              await save(bytes, `key-rotation-${today()}.jbx`);
              say({ kind: 'ok', message: message('bureau.key.rotated') });
            })
          }
        >
          {t('bureau.key.rotate')}
        </button>
      </div>
    </div>
  );
}

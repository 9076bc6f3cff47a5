import { useState } from 'react';
import { useSay, useT, type Message } from '../../i18n';
import { useSession } from '../../stores/session';
import { RepeatField } from '../profile/RepeatField';

/** 修改口令: the current one, the new one typed twice; the data key is rewrapped, nothing else. */
export function ChangePassphraseForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const say = useSay();
  const changePassphrase = useSession((s) => s.changePassphrase);
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: Message } | null>(null);
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setStatus(null);
        void changePassphrase(old, next, repeat).then((problem) => {
          setBusy(false);
          if (problem) return setStatus({ ok: false, message: problem });
          setStatus({ ok: true, message: { key: 'security.changed' } });
          setOld('');
          setNext('');
          setRepeat('');
          onChanged();
        });
      }}
    >
      <h2>{t('security.change')}</h2>
      <label>
        {t('security.old')}
        <input
          type="password"
          value={old}
          onChange={(e) => setOld(e.target.value)}
          required
          autoComplete="current-password"
        />
      </label>
      <label>
        {t('security.new')}
        <input
          type="password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
          minLength={10}
          autoComplete="new-password"
        />
      </label>
      <RepeatField
        label={t('security.repeat')}
        passphrase={next}
        value={repeat}
        onChange={setRepeat}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('security.changeButton')}
        </button>
      </div>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok' : 'error'}>
          {say(status.message)}
        </p>
      )}
    </form>
  );
}

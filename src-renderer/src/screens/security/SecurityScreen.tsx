import { useEffect, useState } from 'react';
import type { AuditEntry, ChainVerdict } from '../../../src-shared/audit/chain';
import { api, isElectron } from '../bridge';
import { auditLog, verifyAudit } from '../db/repo';
import { useT } from '../i18n';
import { useDb, useProfile, useSession } from '../stores/session';
import { autoLockMinutes, setAutoLockMinutes } from './profile/useIdleLock';

const ACTION_LABEL: Record<string, string> = {
  'profile.create': '创建用户档案',
  'profile.unlock': '解锁',
  'profile.lock': '锁定',
  'profile.autolock': '自动锁定',
  'profile.change-passphrase': '修改口令',
  'notes.edit': '编辑评审笔记',
  'package.import': '导入评审包',
  'score.edit': '修改评分',
};

export function SecurityScreen() {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const changePassphrase = useSession((s) => s.changePassphrase);
  const [oldPass, setOldPass] = useState('');
  const [newPass, setNewPass] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [minutes, setMinutes] = useState(() => (profile ? autoLockMinutes(profile.id) : 10));
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([auditLog(db), verifyAudit(db)]).then(([e, v]) => {
      if (!live) return;
      setEntries(e);
      setVerdict(v);
    });
    return () => {
      live = false;
    };
  }, [db, status]);

  if (!profile) return null;
  return (
    <section className="screen">
      <h1>{t('security.heading')}</h1>
      <form
        className="card gate-form"
        onSubmit={(e) => {
          e.preventDefault();
          changePassphrase(oldPass, newPass).then(
            () => {
              setStatus({ ok: true, text: t('security.changed') });
              setOldPass('');
              setNewPass('');
            },
            (err: unknown) =>
              setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) }),
          );
        }}
      >
        <h2>{t('security.change')}</h2>
        <label>
          {t('security.old')}
          <input
            type="password"
            value={oldPass}
            onChange={(e) => setOldPass(e.target.value)}
            required
            autoComplete="current-password"
          />
        </label>
        <label>
          {t('security.new')}
          <input
            type="password"
            value={newPass}
            onChange={(e) => setNewPass(e.target.value)}
            required
            minLength={10}
            autoComplete="new-password"
          />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            {t('security.changeButton')}
          </button>
        </div>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok' : 'error'}>
            {status.text}
          </p>
        )}
      </form>
      <div className="card row">
        <label className="row">
          {t('security.autolock')}
          <input
            type="number"
            min={0.1}
            step={0.1}
            value={minutes}
            onChange={(e) => {
              const v = Number(e.target.value);
              setMinutes(v);
              if (v > 0) setAutoLockMinutes(profile.id, v);
            }}
            style={{ width: '6em' }}
          />
        </label>
        <span className="note">{t('security.autolockSaved', { n: minutes })}</span>
      </div>
      {isElectron() && (
        <div className="card row">
          <span>{t('security.keychain')}</span>
          <button
            type="button"
            onClick={() =>
              void api['profile:enable-keychain']({ id: profile.id, passphrase: oldPass }).then(
                () => setStatus({ ok: true, text: t('security.keychainOn') }),
                (err: unknown) =>
                  setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) }),
              )
            }
          >
            {t('security.keychainEnable')}
          </button>
        </div>
      )}
      <h2>{t('security.audit')}</h2>
      {verdict && (
        <p role="status" className={verdict.ok ? 'ok' : 'error'} data-testid="audit-verdict">
          {verdict.ok
            ? t('security.auditOk', { n: verdict.length })
            : t('security.auditBroken', { reason: verdict.reason })}
        </p>
      )}
      <ol className="timeline" data-testid="audit-timeline">
        {entries
          .slice()
          .reverse()
          .map((e) => (
            <li key={e.seq}>
              <span className="mono">{e.at.replace('T', ' ').slice(0, 19)}</span>{' '}
              <strong>{ACTION_LABEL[e.action] ?? e.action}</strong>{' '}
              <span className="note">
                {e.actor} · {e.target}
              </span>{' '}
              <span className="mono note" title={e.hash}>
                #{e.hash.slice(0, 8)}
              </span>
            </li>
          ))}
      </ol>
    </section>
  );
}

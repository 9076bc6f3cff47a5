import {
  describeSubject,
  KINDS,
  ROLE_LABEL,
  type OpenedBundle,
} from '../../../../src-shared/bundle';
import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { sayInstant } from '../../components/format';
import { useLang } from '../../stores/ui';
import { useT } from '../../i18n';

/** What a verified bundle holds: kind, subject, every signer, when, its files, inner bundles. */
export function BundleSummary({ bundle }: { bundle: OpenedBundle }) {
  const t = useT();
  const lang = useLang();
  const m = bundle.manifest;
  return (
    <dl className="facts" data-testid="bundle-summary">
      <dt>{t('bundles.kind')}</dt>
      <dd>
        {t('bundles.kindFormat', {
          kind: lang === 'zh' ? KINDS[m.kind].label : KINDS[m.kind].labelEn,
          n: m.formatVersion,
        })}
      </dd>
      <dt>{t('bundles.subject')}</dt>
      <dd>{describeSubject(m.subject)}</dd>
      <dt>{t('bundles.signers')}</dt>
      <dd>
        <ul className="plain">
          {m.signers.map((s) => (
            <li key={s.fingerprint}>
              {t('bundles.signer', { name: s.name, role: ROLE_LABEL[s.role], id: s.id })}{' '}
              {t('bundles.counter', { n: s.counter })}
              {s.audit ? ` · ${t('bundles.audit', { n: s.audit.length })}` : ''}
              <br />
              {t('bundles.fingerprint')}{' '}
              <span className="mono fingerprint" data-testid="bundle-fingerprint">
                {formatFingerprint(s.fingerprint)}
              </span>
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('bundles.created')}</dt>
      <dd data-testid="bundle-created">{sayInstant(lang, m.createdAt)}</dd>
      <dt>{t('bundles.contents')}</dt>
      <dd>
        <ul className="plain">
          {[...bundle.files.entries()].map(([path, data]) => (
            <li key={path} className="mono">
              {path} — {t('bundles.bytes', { n: data.byteLength })}
            </li>
          ))}
        </ul>
        <p>{bundle.summary}</p>
      </dd>
      {bundle.inner.length > 0 && (
        <>
          <dt>{t('bundles.inner')}</dt>
          <dd>
            <ul className="plain">
              {bundle.inner.map((b) => (
                <li key={b.manifestSha256}>
                  {t('bundles.innerOne', {
                    name: b.manifest.signers[0].name,
                    id: b.manifest.signers[0].id,
                  })}{' '}
                  <span className="mono">
                    {formatFingerprint(b.manifest.signers[0].fingerprint)}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

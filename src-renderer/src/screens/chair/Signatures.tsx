import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { useT } from '../../i18n';

/** Signature lines for every member of the panel (the printed panel result is wet-signed). */
export function Signatures({ pkg, decision }: { pkg: ReviewPackage; decision: PanelDecision }) {
  const t = useT();
  return (
    <section className="signatures" data-testid="signatures">
      <div className="row">
        <h3>{t('chair.signatures')}</h3>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('chair.printResult')}
        </button>
      </div>
      <table>
        <tbody>
          {pkg.panel.experts.map((e) => (
            <tr key={e.id}>
              <td>
                {t(e.role === 'chair' ? 'chair.member.chair' : 'chair.member.member', {
                  name: e.name,
                  org: e.organisation,
                })}
                {decision.absences.some((a) => a.expertId === e.id) ? t('chair.absent') : ''}
              </td>
              <td className="sign-line">{t('chair.signHere')}</td>
              <td className="sign-line">{t('chair.dateHere')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useState } from 'react';
import type { ReviewPackage } from '../../../../src-shared/model';
import { message, useSay, useT } from '../../i18n';
import { useChair } from '../../stores/chair';
import type { ChosenFile } from '../../workflows/paper';

/** One file chooser: a button and the name of the file chosen. */
function FilePick({
  label,
  kind,
  file,
  onChosen,
}: {
  label: 'paper.chooseCsv' | 'paper.chooseSecondCsv' | 'paper.chooseScan';
  kind: 'csv' | 'scan';
  file: ChosenFile | null;
  onChosen: (file: ChosenFile) => void;
}) {
  const t = useT();
  const chooseFile = useChair((s) => s.chooseFile);
  return (
    <span className="row">
      <button
        type="button"
        onClick={() =>
          void chooseFile(kind, message(label)).then((f) => {
            if (f) onChosen(f);
          })
        }
      >
        {t(label)}
      </button>
      <span data-testid={`paper-${label}`}>{file ? file.name : t('paper.none')}</span>
    </span>
  );
}

/**
 * 纸质评分录入: the secretary's transcription of paper score sheets (CSV), the typist, the scan of
 * the signed paper; with double entry, a second transcription compared cell by cell and the
 * differing cells shown until the two agree (workflows/paper.ts).
 */
export function PaperCard({ pkg }: { pkg: ReviewPackage }) {
  const t = useT();
  const say = useSay();
  const { paper, paperOutcome, importPaper, signed } = useChair();
  const [csv, setCsv] = useState<ChosenFile | null>(null);
  const [scan, setScan] = useState<ChosenFile | null>(null);
  const [typist, setTypist] = useState('');
  const [double, setDouble] = useState(false);
  const [secondCsv, setSecondCsv] = useState<ChosenFile | null>(null);
  const [secondTypist, setSecondTypist] = useState('');
  const held = (
    <>
      {paper.length > 0 && (
        <>
          <h3>{t('paper.held')}</h3>
          <ul className="plain" data-testid="paper-held">
            {paper.map((p) => (
              <li key={p.record.sheet.expertId}>
                {t('paper.heldLine', {
                  id: p.record.sheet.expertId,
                  typist: p.record.transcribedBy,
                  checked: p.record.checkedBy
                    ? t('paper.checked', { name: p.record.checkedBy })
                    : '',
                  scan: p.scanName,
                  sha: p.record.scan.sha256,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
  // Signed: no transcription is taken in (the sentence why is on 收集评分表); the held ones stay.
  if (signed)
    return (
      <div className="card" data-testid="paper-card">
        <h2>{t('paper.heading')}</h2>
        {held}
      </div>
    );
  return (
    <form
      className="card"
      data-testid="paper-card"
      onSubmit={(e) => {
        e.preventDefault();
        void importPaper({
          pkg,
          csv,
          typist,
          scan,
          ...(double ? { second: { csv: secondCsv, typist: secondTypist } } : {}),
        });
      }}
    >
      <h2>{t('paper.heading')}</h2>
      <p className="note">{t('paper.intro')}</p>
      <FilePick label="paper.chooseCsv" kind="csv" file={csv} onChosen={setCsv} />
      <label>
        {t('paper.typist')}
        <input value={typist} onChange={(e) => setTypist(e.target.value)} />
      </label>
      <FilePick label="paper.chooseScan" kind="scan" file={scan} onChosen={setScan} />
      <label>
        <input type="checkbox" checked={double} onChange={(e) => setDouble(e.target.checked)} />
        {t('paper.double')}
      </label>
      {double && (
        <>
          <FilePick
            label="paper.chooseSecondCsv"
            kind="csv"
            file={secondCsv}
            onChosen={setSecondCsv}
          />
          <label>
            {t('paper.secondTypist')}
            <input value={secondTypist} onChange={(e) => setSecondTypist(e.target.value)} />
          </label>
        </>
      )}
      <button type="submit" className="primary">
        {t('paper.import')}
      </button>
      {paperOutcome?.kind === 'refused' && (
        <ul className="checks" role="alert" data-testid="paper-problems">
          {paperOutcome.problems.map((p) => (
            <li key={say(p)} className="error">
              {say(p)}
            </li>
          ))}
        </ul>
      )}
      {paperOutcome?.kind === 'imported' && (
        <p className="ok" role="status">
          {t('paper.imported', {
            ids: paperOutcome.experts.join(t('common.listSep')),
            typist: paperOutcome.stored[0]?.record.transcribedBy ?? '',
          })}
        </p>
      )}
      {paperOutcome?.kind === 'imported' && paperOutcome.warnings.length > 0 && (
        <ul className="checks" role="status" data-testid="paper-warnings">
          {paperOutcome.warnings.map((w) => (
            <li key={say(w)} className="warn">
              {say(w)}
            </li>
          ))}
        </ul>
      )}
      {paperOutcome?.kind === 'differ' && (
        <div role="alert" data-testid="paper-differences">
          <p className="error">{t('paper.differ', { n: paperOutcome.differences.length })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('paper.diffHead')}</th>
                <th>{t('paper.diffFirst')}</th>
                <th>{t('paper.diffSecond')}</th>
              </tr>
            </thead>
            <tbody>
              {paperOutcome.differences.map((d) => (
                <tr key={`${d.expertId}/${d.applicantId}/${d.cell}`}>
                  <td>{`${d.expertId} / ${d.applicantId} / ${d.cell}`}</td>
                  <td>{d.first}</td>
                  <td>{d.second}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {held}
    </form>
  );
}

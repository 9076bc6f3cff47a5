/** 证明材料 of a milestone assessment: the files chosen, each bounded at the door. */
import { useState } from 'react';
import { evidenceSizeProblem } from '../../../../src-shared/award';
import { api } from '../../bridge';
import { message, useT } from '../../i18n';
import { withProgress } from '../../stores/progress';

/** A file chosen as evidence: its name, its path in the bundle (`evidence/…`) and its bytes. */
export type Evidence = { name: string; path: string; bytes: Uint8Array };

const safeName = (name: string, n: number) =>
  `evidence/${n}-${name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '')}`.slice(0, 109);

export function EvidenceFiles({
  evidence,
  onChange,
}: {
  evidence: readonly Evidence[];
  onChange: (evidence: Evidence[]) => void;
}) {
  const t = useT();
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  return (
    <>
      <p>
        {t('common.labelled', {
          label: t('award.evidence'),
          text: evidence.map((e) => e.name).join(t('common.listSep')) || t('award.none'),
        })}
      </p>
      <button
        type="button"
        onClick={() =>
          void withProgress(message('award.addEvidence'), (task) =>
            api['file:open']({ filters: [{ name: 'All', extensions: ['*'] }], task }),
          ).then((r) => {
            if (r.canceled) return;
            const [file] = r.files;
            // Bounded at the door, refused by name (the workflow checks again before signing).
            const tooBig = evidenceSizeProblem(
              { name: file.name, size: file.bytes.byteLength },
              evidence.map((e) => ({ size: e.bytes.byteLength })),
            );
            setEvidenceError(tooBig);
            if (tooBig) return;
            onChange([
              ...evidence,
              {
                name: file.name,
                path: safeName(file.name, evidence.length + 1),
                bytes: file.bytes,
              },
            ]);
          })
        }
      >
        {t('award.addEvidence')}
      </button>
      {evidenceError && (
        <p role="alert" className="error" data-testid="evidence-refused">
          {evidenceError}
        </p>
      )}
    </>
  );
}

import { useMemo } from 'react';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import type { TaskBookDraft } from '../../../../src-shared/taskbook';
import { FindingsList } from '../../components/FindingsList';
import { PdfViewer } from '../../components/PdfViewer';
import { useT } from '../../i18n';
import { useTaskBook } from '../../stores/taskbook';
import { judgeDraft } from '../../workflows/taskbook';
import { DocumentCard } from './DocumentCard';

/**
 * Beside the form, and kept in view while it scrolls: the rules' findings, the document's code
 * and actions (preview, save, print, 定稿, sign), then the preview of its pages.
 */
export function SidePanel({
  pkg,
  decision,
  draft,
}: {
  pkg: ReviewPackage;
  decision: PanelDecision;
  draft: TaskBookDraft;
}) {
  const t = useT();
  const pdf = useTaskBook((s) => s.pdf);
  const judged = useMemo(() => judgeDraft(draft, pkg, decision), [draft, pkg, decision]);
  const issues = judged.checked.ok ? [] : judged.checked.issues.map((i) => i.message);
  // A preview belongs to the content it was made from: every edit makes it stale.
  const current = pdf && pdf.code === judged.code ? pdf : null;
  return (
    <aside className="tb-side" data-testid="tb-side">
      <div className="card">
        <h2>{t('taskbook.checks')}</h2>
        {issues.length === 0 && judged.findings.length === 0 ? (
          <p className="ok">✓ {t('taskbook.noFindings')}</p>
        ) : (
          <FindingsList findings={judged.findings} issues={issues} testId="tb-findings" />
        )}
      </div>
      <DocumentCard pkg={pkg} decision={decision} draft={draft} judged={judged} />
      {current && (
        <div className="card tb-preview" data-testid="tb-preview">
          <PdfViewer bytes={current.bytes} name={draft.taskBookId} initialZoom={0.75} />
        </div>
      )}
    </aside>
  );
}

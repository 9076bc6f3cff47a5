import type { PanelDecision } from '../../../../src-shared/model';
import type { TaskBookDraft } from '../../../../src-shared/taskbook';
import { useTaskBook } from '../../stores/taskbook';
import { BasicsFields } from './BasicsFields';
import { PartiesFields } from './PartiesFields';
import { PlanFields } from './PlanFields';
import { TermsFields } from './TermsFields';

/** The task book's fields, in the order of the printed book; locked once final. */
export function Editor({ decision, draft }: { decision: PanelDecision; draft: TaskBookDraft }) {
  const edit = useTaskBook((s) => s.edit);
  const locked = draft.status === 'final';
  return (
    <div className="tb-form">
      <BasicsFields draft={draft} locked={locked} edit={edit} />
      <PartiesFields draft={draft} locked={locked} edit={edit} />
      <PlanFields draft={draft} decision={decision} locked={locked} edit={edit} />
      <TermsFields draft={draft} locked={locked} edit={edit} />
    </div>
  );
}

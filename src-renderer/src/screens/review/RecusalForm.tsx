import { useState } from 'react';
import {
  RECUSAL_LABEL,
  RecusalKindSchema,
  SHEET_TEXT_MAX,
  type RecusalKind,
} from '../../../../src-shared/model';
import { TextInput } from '../../components/TextInput';
import { useT } from '../../i18n';

/** 申请回避 (第七条): the kind of conflict and its reason; a score already entered is replaced. */
export function RecusalForm({
  onRecuse,
}: {
  onRecuse: (kind: RecusalKind, reason: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RecusalKind>('employment');
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('review.recuse')}
      </button>
    );
  }
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length < 2) return;
        onRecuse(kind, reason.trim());
        setOpen(false);
      }}
    >
      <label>
        {t('review.recusal.kind')}
        <select value={kind} onChange={(e) => setKind(RecusalKindSchema.parse(e.target.value))}>
          {RecusalKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {RECUSAL_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <TextInput
        label={t('review.recusal.reason')}
        maxLength={SHEET_TEXT_MAX.recusalReason}
        value={reason}
        onCommit={setReason}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('review.recuse')}
        </button>
      </div>
    </form>
  );
}

import { useSay, useT } from '../i18n';
import { useTasks } from '../stores/progress';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Every running task with a bar and bytes done / total (Chinese phase names). */
export function ProgressPanel() {
  const t = useT();
  const say = useSay();
  const tasks = Object.entries(useTasks());
  if (tasks.length === 0) return null;
  return (
    <div className="progress-panel" role="status" aria-live="polite">
      {tasks.map(([id, p]) => (
        <div key={id} className="progress-item" data-testid="progress-item">
          <div className="row">
            <span>{p.label ? say(p.label) : ''}</span>
            <span className="note">{t(`progress.phase.${p.phase}`)}</span>
            <span className="spacer" />
            {p.total > 0 && (
              <span className="note">
                {p.unit === 'files'
                  ? t('progress.files', { done: p.done, total: p.total })
                  : `${mb(p.done)} / ${mb(p.total)} MB`}
              </span>
            )}
          </div>
          <progress
            max={p.total > 0 ? p.total : undefined}
            value={p.total > 0 ? p.done : undefined}
          />
        </div>
      ))}
    </div>
  );
}

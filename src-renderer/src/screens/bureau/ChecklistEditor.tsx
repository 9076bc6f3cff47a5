import { useT } from '../../i18n';

/**
 * The items an inspection assignment asks the team to check, edited in place: each item a field,
 * removable, more added; judged (normalised, none empty, at least one) when the assignment is
 * signed (`assignmentChecklist`, the rule the command line's assignment passes too).
 */
export function ChecklistEditor({
  items,
  onChange,
}: {
  items: readonly string[];
  onChange: (items: string[]) => void;
}) {
  const t = useT();
  return (
    <fieldset data-testid="bureau-checklist">
      <legend>{t('bureau.assign.checklist')}</legend>
      <ol>
        {items.map((item, i) => (
          // The items are edited in place and may repeat while typed: their place is their key.
          <li key={i} className="row">
            <input
              className="grow"
              aria-label={t('bureau.assign.item', { n: i + 1 })}
              value={item}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              aria-label={t('bureau.assign.removeItem', { n: i + 1 })}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...items, ''])}>
        {t('bureau.assign.addItem')}
      </button>
    </fieldset>
  );
}

/** A text field of the decision: what the chair types goes straight into the choices. */
export function ReasonField({
  label,
  value,
  onChange,
  testId,
  rows,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  rows?: number;
}) {
  return (
    <label className="block">
      <span>{label}</span>
      {rows ? (
        <textarea
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      ) : (
        <input value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      )}
    </label>
  );
}

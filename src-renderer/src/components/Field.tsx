import type { ReactNode } from 'react';

/** A labelled field of a form; `wide` spans the whole row of a field grid. */
export function Field({
  label,
  children,
  wide,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <label className={wide ? 'block field-wide' : 'block'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

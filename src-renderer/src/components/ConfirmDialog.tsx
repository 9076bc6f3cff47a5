import { useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  body: string;
  /** The safe choice: focused first, and what Escape does. */
  stay: string;
  /** The choice that loses something. */
  leave: string;
  onStay: () => void;
  onLeave: () => void;
  testId?: string;
}

/**
 * Asks before something is lost (an alert dialog, modal: the page behind waits). The safe choice
 * is focused first and is what Escape chooses; Tab and Shift+Tab go round the two buttons and
 * never leave the dialog while it is open; closing gives the focus back to where it was (the field
 * being typed in, or the button pressed).
 */
export function ConfirmDialog({ title, body, stay, leave, onStay, onLeave, testId }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (!shown) return;
    const before = document.activeElement;
    if (!shown.open) shown.showModal();
    safe.current?.focus();
    return () => {
      shown.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="card confirm-dialog"
      data-testid={testId}
      onCancel={(e) => {
        // Escape: the safe choice (the dialog closes when the asking component goes).
        e.preventDefault();
        onStay();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Tab') return;
        const buttons = Array.from(e.currentTarget.querySelectorAll('button'));
        const first = buttons.at(0);
        const last = buttons.at(-1);
        const at = document.activeElement;
        if (e.shiftKey && (at === first || !buttons.some((b) => b === at))) {
          e.preventDefault();
          last?.focus();
        } else if (!e.shiftKey && (at === last || !buttons.some((b) => b === at))) {
          e.preventDefault();
          first?.focus();
        }
      }}
      onClose={(e) => {
        // Closed by the browser all the same (a second Escape may not be cancelled): as Escape.
        if (!e.currentTarget.open) onStay();
      }}
    >
      <h3 id={titleId}>{title}</h3>
      <p id={bodyId}>{body}</p>
      <div className="row">
        <button ref={safe} type="button" className="primary" onClick={onStay}>
          {stay}
        </button>
        <button type="button" onClick={onLeave}>
          {leave}
        </button>
      </div>
    </dialog>
  );
}

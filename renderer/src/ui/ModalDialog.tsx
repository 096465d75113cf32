import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  /** The dialog's heading and accessible name. */
  title: string;
  /** 'alertdialog' for a confirmation that interrupts the user, 'dialog' otherwise. */
  role?: 'dialog' | 'alertdialog';
  /** Called on Escape; the owner decides whether to unmount the dialog. */
  onClose: () => void;
  /** Id of the element that explains the dialog, announced after the title. */
  describedBy?: string;
  /** 'wide' for dialogs holding a list to browse rather than a short form. */
  size?: 'normal' | 'wide';
  children: ReactNode;
}

/**
 * A modal built on the native `<dialog>` element: the browser traps focus, makes the rest of the
 * window inert, closes on Escape and returns focus to the opener, which no hand-rolled overlay does
 * as reliably. Rendering it opens it; unmounting it closes it.
 */
export function ModalDialog({
  title,
  role = 'dialog',
  onClose,
  describedBy,
  size = 'normal',
  children,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  // A layout effect, so the cleanup closes the dialog while it is still in the document and the
  // browser hands focus back to whatever opened it.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      dialog.showModal();
      // React focuses `autoFocus` fields while the dialog is still closed, when nothing in it can
      // take focus; the browser would then pick the first control. A field marked
      // `data-autofocus` is where the user starts typing, so it gets the focus instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    // Escape fires `cancel`; keeping the element open lets React stay the only one that unmounts it.
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={size === 'wide' ? 'modal-dialog modal-dialog-wide' : 'modal-dialog'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
    >
      <h2 id={titleId} className="modal-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

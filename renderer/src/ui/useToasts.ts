import { useCallback, useEffect, useRef, useState } from 'react';

/** A short message about something done or gone wrong in the background. */
export interface Toast {
  id: number;
  message: string;
  /** Errors interrupt (an alert); news such as an import's summary waits its turn (a status). */
  tone: 'error' | 'news';
  /** A way to take back what the toast reports ("Undo"), pressed at most once. */
  action?: ToastAction;
}

/** A button on a toast; pressing it also dismisses the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

/** How long a toast stays before it leaves on its own; long enough to read two sentences. */
const TOAST_LIFETIME_MS = 8_000;
/** A toast offering Undo stays longer: reaching its button by keyboard takes a while. */
const ACTION_TOAST_LIFETIME_MS = 20_000;

/**
 * Toasts: `showError` and `showNews` add one, each disappears after a while or when dismissed.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (message: string, tone: Toast['tone'], action?: ToastAction) => {
      const id = nextId.current;
      nextId.current += 1;
      const toast: Toast = action ? { id, message, tone, action } : { id, message, tone };
      setToasts((current) => [...current, toast]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), action ? ACTION_TOAST_LIFETIME_MS : TOAST_LIFETIME_MS),
      );
    },
    [dismiss],
  );
  const showError = useCallback((message: string) => show(message, 'error'), [show]);
  const showNews = useCallback(
    (message: string, action?: ToastAction) => show(message, 'news', action),
    [show],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return { toasts, showError, showNews, dismiss };
}

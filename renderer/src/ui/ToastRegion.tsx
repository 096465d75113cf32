import type { Toast } from './useToasts';

export interface ToastRegionProps {
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
}

/**
 * Toasts in the corner of the window. Each error is an alert, announced as it appears; news
 * goes into one status region that is always present, so screen readers announce it politely.
 */
export function ToastRegion({ toasts, onDismiss }: ToastRegionProps) {
  const render = (toast: Toast) => (
    <div
      key={toast.id}
      className={toast.tone === 'error' ? 'toast' : 'toast toast-news'}
      role={toast.tone === 'error' ? 'alert' : undefined}
    >
      <p className="toast-message">{toast.message}</p>
      {toast.action ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            onDismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="button button-quiet" onClick={() => onDismiss(toast.id)}>
        Dismiss
      </button>
    </div>
  );
  return (
    <div className="toast-region">
      <div className="toast-stack" role="status">
        {toasts.filter((toast) => toast.tone === 'news').map(render)}
      </div>
      {toasts.filter((toast) => toast.tone === 'error').map(render)}
    </div>
  );
}

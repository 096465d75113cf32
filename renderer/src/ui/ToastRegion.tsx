import type { Toast } from './useToasts';

export interface ToastRegionProps {
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
}

/** Error toasts in the corner of the window, each announced as an alert when it appears. */
export function ToastRegion({ toasts, onDismiss }: ToastRegionProps) {
  return (
    <div className="toast-region">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="alert">
          <p className="toast-message">{toast.message}</p>
          <button type="button" className="button button-quiet" onClick={() => onDismiss(toast.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

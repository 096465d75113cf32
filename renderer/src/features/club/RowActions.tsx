import type { ReactNode } from 'react';

export interface RowAction {
  /** The button's text, which names the row when several rows have the same buttons. */
  label: ReactNode;
  onClick: () => void;
}

/** The last cell of a record's row: its small buttons (Edit, Remove…). */
export function RowActions({ actions }: { actions: readonly (RowAction | null)[] }) {
  return (
    <td className="club-row-actions">
      {actions.map((action, index) =>
        action === null ? null : (
          <button
            key={index}
            type="button"
            className="button button-small"
            onClick={action.onClick}
          >
            {action.label}
          </button>
        ),
      )}
    </td>
  );
}

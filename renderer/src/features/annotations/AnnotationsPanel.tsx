import type { ReactNode } from 'react';
import { useId } from 'react';
import { useRememberedState } from './useRememberedState';

const STATES = ['open', 'closed'] as const;

/**
 * The reader's side panel for highlights and notes. It can be folded away to a narrow strip
 * (which still says how many highlights there are); whether it is open is remembered.
 */
export function AnnotationsPanel({ count, children }: { count: number; children: ReactNode }) {
  const [state, setState] = useRememberedState('rounds.annotations.panel', STATES, 'open');
  const open = state === 'open';
  const bodyId = useId();
  return (
    <aside
      className={`annotations-panel${open ? '' : ' is-folded'}`}
      aria-label="Highlights and notes"
    >
      {/* Heads the panel's sections (h3) in the page's outline, under the item's h1. */}
      <h2 className="visually-hidden">Highlights and notes</h2>
      <button
        type="button"
        className="button button-quiet button-small annotations-panel-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setState(open ? 'closed' : 'open')}
      >
        {open ? 'Hide notes' : `Notes (${count})`}
      </button>
      <div id={bodyId} hidden={!open} className="annotations-panel-body">
        {children}
      </div>
    </aside>
  );
}

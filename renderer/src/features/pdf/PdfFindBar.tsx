import { type KeyboardEvent, type RefObject, useState } from 'react';
import type { PdfFindMatch } from './findInPdfText';
import { MAX_FIND_MATCHES } from './findInPdfText';

/** Where a find stands: still reading pages, or done with its matches and the one shown. */
export type PdfFindState =
  | { kind: 'idle' }
  | { kind: 'reading'; pagesRead: number; pageCount: number }
  | { kind: 'done'; query: string; matches: readonly PdfFindMatch[]; active: number };

export interface PdfFindBarProps {
  state: PdfFindState;
  inputRef: RefObject<HTMLInputElement | null>;
  onFind(query: string): void;
  onStep(direction: 1 | -1): void;
}

/** "Find in PDF": Enter finds (and then moves to the next match), Shift+Enter goes back. */
export function PdfFindBar({ state, inputRef, onFind, onStep }: PdfFindBarProps) {
  const [query, setQuery] = useState('');
  const found = state.kind === 'done' && state.matches.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (state.kind === 'done' && state.query === query && found) onStep(event.shiftKey ? -1 : 1);
    else onFind(query);
  };

  return (
    <div className="pdf-find" role="search" aria-label="Find in PDF">
      <input
        ref={inputRef}
        type="search"
        className="pdf-find-field"
        aria-label="Find in PDF"
        placeholder="Find in PDF"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label="Previous match"
        disabled={!found}
        onClick={() => onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label="Next match"
        disabled={!found}
        onClick={() => onStep(1)}
      >
        ↓
      </button>
      <p className="pdf-find-status" role="status">
        {describeFind(state)}
      </p>
    </div>
  );
}

export function describeFind(state: PdfFindState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'reading':
      return `Searching… page ${state.pagesRead} of ${state.pageCount}`;
    case 'done': {
      const { matches, active } = state;
      if (matches.length === 0) return 'No matches';
      const count =
        matches.length >= MAX_FIND_MATCHES ? `${MAX_FIND_MATCHES}+` : String(matches.length);
      const match = matches[active];
      return `Match ${active + 1} of ${count}${match ? `, page ${match.page}` : ''}`;
    }
  }
}

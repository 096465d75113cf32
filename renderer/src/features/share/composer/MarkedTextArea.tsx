import type { Finding } from '@shared/domain/guard/findings';
import { useId, useRef, type ReactNode } from 'react';

export interface MarkedTextAreaProps {
  label: string;
  value: string;
  /** Spans to mark in the text (offsets into `value`); the list elsewhere names them. */
  marks: readonly Finding[];
  onChange: (text: string) => void;
  onBlur: () => void;
  rows?: number;
  maxLength?: number;
  describedBy?: string;
}

/** The text cut into plain runs and marked runs; overlapping marks merge into the first. */
function markedRuns(text: string, marks: readonly Finding[]): ReactNode[] {
  const runs: ReactNode[] = [];
  let cursor = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(mark.start, cursor);
    const end = Math.min(mark.end, text.length);
    if (end <= start) continue;
    if (start > cursor) runs.push(text.slice(cursor, start));
    runs.push(
      <mark key={start} className="composer-mark">
        {text.slice(start, end)}
      </mark>,
    );
    cursor = end;
  }
  runs.push(text.slice(cursor));
  return runs;
}

/**
 * A plain textarea with the findings marked where they are in the text. A textarea cannot style
 * part of its text, so an identical box behind it (same font, padding, wrapping, scroll) draws the
 * marks and the textarea's own background is transparent. The marks are hidden from assistive
 * technology, which gets the same findings as a list with their actions.
 */
export function MarkedTextArea({
  label,
  value,
  marks,
  onChange,
  onBlur,
  rows = 12,
  maxLength,
  describedBy,
}: MarkedTextAreaProps) {
  const id = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  return (
    <div className="composer-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="composer-marked">
        <div ref={backdrop} className="composer-marked-backdrop" aria-hidden="true">
          {markedRuns(value, marks)}
          {/* A trailing line break in a textarea still takes a line; a bare one here would not. */}
          {'\u200b'}
        </div>
        <textarea
          id={id}
          className="composer-marked-input"
          rows={rows}
          maxLength={maxLength}
          value={value}
          aria-describedby={describedBy}
          spellCheck
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          onScroll={(event) => {
            if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
    </div>
  );
}

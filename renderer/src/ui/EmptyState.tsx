import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** Heading level, so the placeholder fits the outline of the pane it sits in. */
  level?: 2 | 3;
  children?: ReactNode;
}

/** A calm placeholder for a pane with nothing to show yet, saying what the user can do next. */
export function EmptyState({ title, level = 2, children }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <Heading className="empty-state-title">{title}</Heading>
      {children}
    </div>
  );
}

import type { SessionSummary } from '@shared/contract';
import { useId } from 'react';
import { describeStart, SESSION_STATUS_NAMES } from './clubText';

export interface SessionListProps {
  /** The section's `h2`, which also names the list. */
  heading: string;
  sessions: readonly SessionSummary[];
  viewerZone: string;
  /** Said when there are none. */
  empty: string;
  onOpen: (sessionId: string) => void;
}

/**
 * A section of the club page listing sessions: title (opens it), when in both zones, presenter,
 * status.
 */
export function SessionList({ heading, sessions, viewerZone, empty, onOpen }: SessionListProps) {
  const headingId = useId();
  return (
    <section className="club-section">
      <h2 id={headingId}>{heading}</h2>
      {sessions.length === 0 ? (
        <p className="club-hint">{empty}</p>
      ) : (
        <SessionItems
          sessions={sessions}
          viewerZone={viewerZone}
          labelledBy={headingId}
          onOpen={onOpen}
        />
      )}
    </section>
  );
}

function SessionItems({
  sessions,
  viewerZone,
  labelledBy,
  onOpen,
}: Omit<SessionListProps, 'heading' | 'empty'> & { labelledBy: string }) {
  return (
    <ul className="club-session-list" aria-labelledby={labelledBy}>
      {sessions.map((session) => (
        <li key={session.sessionId} className="club-session-item">
          <button
            type="button"
            className="club-session-title"
            onClick={() => onOpen(session.sessionId)}
          >
            {session.title}
          </button>
          <p className="club-session-time">
            {describeStart(session.startsAt, session.timeZone, viewerZone)}
          </p>
          <p className="club-session-facts">
            <span>Presenter: {session.presenterName ?? 'not chosen yet'}</span>
            <span>Status: {SESSION_STATUS_NAMES[session.status]}</span>
          </p>
          {session.status === 'closed' && session.bottomLine !== '' ? (
            <p className="club-session-bottom-line">Bottom line: {session.bottomLine}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

import type { SessionSummary } from '@shared/contract';
import { describeStart, SESSION_STATUS_NAMES } from './clubText';

export interface SessionListProps {
  sessions: readonly SessionSummary[];
  viewerZone: string;
  /** Said when there are none. */
  empty: string;
  labelledBy: string;
  onOpen: (sessionId: string) => void;
}

/** Sessions as the club page lists them: title (opens it), when in both zones, presenter, status. */
export function SessionList({ sessions, viewerZone, empty, labelledBy, onOpen }: SessionListProps) {
  if (sessions.length === 0) return <p className="club-hint">{empty}</p>;
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

import type { SessionView } from '@shared/contract';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { useNow } from '../../../ui/useNow';
import {
  describeDiscussionWindow,
  discussionWindowDraft,
  readDiscussionWindow,
  windowRelativeText,
} from '../discussionWindow';
import { DiscussionWindowFields } from '../DiscussionWindowFields';
import type { ChangeSession } from './sessionEdits';

export interface DiscussionWindowLineProps {
  view: SessionView;
  viewerZone: string;
  editable: boolean;
  change: ChangeSession;
}

/** Often enough for "opens in 5 minutes" to stay true; the line never shows seconds. */
const CLOCK_INTERVAL_MS = 30_000;

/**
 * When members may add to the discussion between meetings, in the session's zone and the
 * viewer's, whether it is open now, and the two inputs to change it
 * (also after it has closed, to extend it) until the session is closed.
 */
export function DiscussionWindowLine({
  view,
  viewerZone,
  editable,
  change,
}: DiscussionWindowLineProps) {
  const failureId = useId();
  const now = useNow(CLOCK_INTERVAL_MS);
  const discussionWindow = view.metadata.discussionWindow;
  const zone = view.metadata.timeZone ?? viewerZone;
  const saved = discussionWindowDraft(discussionWindow, zone);
  const [draft, setDraft] = useState(saved);
  const [shown, setShown] = useState(saved);
  const [failure, setFailure] = useState<string | null>(null);
  // Follow a change made elsewhere unless the user has unsaved typing here.
  if (saved.opens !== shown.opens || saved.closes !== shown.closes) {
    setShown(saved);
    if (draft.opens === shown.opens && draft.closes === shown.closes) setDraft(saved);
  }

  const save = async () => {
    if (draft.opens === saved.opens && draft.closes === saved.closes) return setFailure(null);
    const read = readDiscussionWindow(draft, zone);
    if (!read.ok) return setFailure(read.message);
    setFailure(await change({ kind: 'metadata', changes: { discussionWindow: read.window } }));
  };

  return (
    <div className="club-window">
      <p className="club-window-line">
        {discussionWindow === null
          ? 'No discussion window: members add to the discussion at the meeting.'
          : `${describeDiscussionWindow(discussionWindow, zone, viewerZone)} — ${windowRelativeText(discussionWindow, now)}.`}
      </p>
      {/* A window that has closed can still be reopened or extended, until the session closes. */}
      <DiscussionWindowFields
        draft={draft}
        zone={zone}
        disabled={!editable}
        onChange={setDraft}
        onLeave={() => void save()}
        describedBy={failure !== null ? failureId : undefined}
      />
      <FormFailure id={failureId} message={failure} />
    </div>
  );
}

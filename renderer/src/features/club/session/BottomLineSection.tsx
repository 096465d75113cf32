import type { SessionView } from '@shared/contract';
import { MAX_BOTTOM_LINE_LENGTH } from '@shared/domain/club/session/sessionValues';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { ClubField } from '../ClubField';
import type { ChangeSession } from './sessionEdits';

export interface BottomLineSectionProps {
  view: SessionView;
  change: ChangeSession;
}

/** "Bottom line": the club's one-sentence conclusion, which a session needs before it closes. */
export function BottomLineSection({ view, change }: BottomLineSectionProps) {
  const ids = { heading: useId(), count: useId() };
  const [draft, setDraft] = useState(view.bottomLine);
  const [shown, setShown] = useState(view.bottomLine);
  const [failure, setFailure] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  if (view.bottomLine !== shown) {
    setShown(view.bottomLine);
    if (draft === shown) setDraft(view.bottomLine);
  }
  const closed = view.metadata.status === 'closed';

  const saveDraft = async (): Promise<boolean> => {
    if (draft === view.bottomLine) return true;
    const message = await change({ kind: 'bottomLine', text: draft });
    setFailure(message);
    return message === null;
  };

  const save = async () => {
    setSaid(null);
    if (await saveDraft()) setSaid('Bottom line saved.');
  };

  const close = async () => {
    setSaid(null);
    if (!(await saveDraft())) return;
    setFailure(await change({ kind: 'close' }));
  };

  return (
    <section className="club-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Bottom line</h2>
      {closed ? (
        <>
          <p className="club-bottom-line">{view.bottomLine}</p>
          <p className="club-closed">Closed</p>
        </>
      ) : (
        <>
          <ClubField label="Bottom line">
            {(id) => (
              <input
                id={id}
                type="text"
                className="text-field"
                maxLength={MAX_BOTTOM_LINE_LENGTH}
                aria-describedby={ids.count}
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
              />
            )}
          </ClubField>
          <p id={ids.count} className="club-hint">
            One sentence; {MAX_BOTTOM_LINE_LENGTH - draft.length} of {MAX_BOTTOM_LINE_LENGTH}{' '}
            characters left.
          </p>
          <div className="club-actions">
            <button type="button" className="button" onClick={() => void save()}>
              Save bottom line
            </button>
            <button type="button" className="button button-primary" onClick={() => void close()}>
              Close session
            </button>
          </div>
          <FormFailure message={failure} />
          {said !== null ? <p role="status">{said}</p> : null}
        </>
      )}
    </section>
  );
}

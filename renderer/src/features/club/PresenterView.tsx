import type { SessionView } from '@shared/contract';
import { APPRAISAL_ANSWER_NAMES } from '@shared/domain/club/appraisal/answers';
import { checklistFor } from '@shared/domain/club/appraisal/checklists';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { agreementText } from './session/ChecklistTable';
import { CitedHighlightList } from './session/CitedHighlightList';

export interface PresenterViewProps {
  view: SessionView;
  onExit: () => void;
}

/**
 * The presenter's view: the whole window in large type, one checklist question at a time with
 * each member's answer and the club's agreement, moved through with buttons or the arrow keys.
 * A native modal dialog, so the page behind is inert and Escape leaves it.
 */
export function PresenterView({ view, onExit }: PresenterViewProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onExitRef = useRef(onExit);
  useEffect(() => {
    onExitRef.current = onExit;
  }, [onExit]);
  const steps = view.papers.flatMap((paper) =>
    paper.appraisal.design === null
      ? []
      : checklistFor(paper.appraisal.design).map((question) => ({ paper, question })),
  );
  const [index, setIndex] = useState(0);
  const at = Math.max(0, Math.min(index, steps.length - 1));
  const current = steps[at];
  const move = (by: number) =>
    setIndex((shown) => Math.max(0, Math.min(steps.length - 1, shown + by)));

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // Escape asks to cancel; the owner unmounts the view instead.
    const cancel = (event: Event) => {
      event.preventDefault();
      onExitRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  // On the window, so the keys work wherever focus is while the view is open.
  const count = steps.length;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Arrow keys move questions except in a control that uses them itself.
      const inControl = target?.closest?.('input, select, textarea') != null;
      if (event.key === 'ArrowRight' && !inControl) {
        event.preventDefault();
        setIndex((shown) => Math.max(0, Math.min(count - 1, shown + 1)));
      } else if (event.key === 'ArrowLeft' && !inControl) {
        event.preventDefault();
        setIndex((shown) => Math.max(0, shown - 1));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        onExitRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [count]);

  const highlights = current
    ? view.members.flatMap((member) =>
        member.highlights
          .filter((highlight) => highlight.paperId === current.paper.paperId)
          .map((highlight) => ({ member: member.name, highlight })),
      )
    : [];

  return (
    <dialog ref={dialogRef} className="presenter-view" aria-labelledby={titleId}>
      <div className="presenter-bar">
        <span id={titleId} className="presenter-name">
          {"Presenter's view"}
        </span>
        <button type="button" className="button" onClick={onExit}>
          {"Exit presenter's view"}
        </button>
      </div>
      {current === undefined ? (
        <p className="presenter-empty">
          Choose a study design for a paper to present its checklist.
        </p>
      ) : (
        <div className="presenter-body">
          <p className="presenter-paper">{current.paper.title}</p>
          <p className="presenter-count" aria-live="polite">
            Question {at + 1} of {steps.length}
          </p>
          <h2 className="presenter-question">{current.question.text}</h2>
          <p className="presenter-hint">{current.question.hint}</p>
          <ul className="presenter-answers" aria-label="Members’ answers">
            {view.members.map((member) => {
              const answer = member.answers[current.paper.paperId]?.[current.question.id];
              return (
                <li key={member.memberId}>
                  <strong>{member.name}:</strong>{' '}
                  {answer ? APPRAISAL_ANSWER_NAMES[answer.answer] : 'not answered'}
                  {answer && answer.reason !== '' ? ` — ${answer.reason}` : ''}
                  {answer ? (
                    <CitedHighlightList
                      answer={answer}
                      member={member}
                      className="presenter-cited"
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="presenter-agreement">{agreementText(current.paper, current.question.id)}</p>
          {highlights.length > 0 ? (
            <>
              <h3 className="presenter-subheading">{"Members' highlights"}</h3>
              <ul className="presenter-highlights">
                {highlights.map(({ member, highlight }) => (
                  <li key={highlight.annotationId}>
                    “{highlight.quote}”{highlight.page !== null ? ` (page ${highlight.page})` : ''}{' '}
                    — {member}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
      <div className="presenter-nav">
        {/* Never disabled: a disabled button drops the focus out of the view. */}
        <button type="button" className="button" onClick={() => move(-1)}>
          Previous question
        </button>
        <button type="button" className="button button-primary" onClick={() => move(1)}>
          Next question
        </button>
      </div>
    </dialog>
  );
}

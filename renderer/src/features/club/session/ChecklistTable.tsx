import type { ChecklistAnswer, SessionMemberView, SessionPaperView } from '@shared/contract';
import { describeAgreement } from '@shared/domain/club/appraisal/agreement';
import {
  APPRAISAL_ANSWER_NAMES,
  APPRAISAL_ANSWERS,
  type AppraisalAnswerValue,
} from '@shared/domain/club/appraisal/answers';
import { checklistFor, type ChecklistQuestion } from '@shared/domain/club/appraisal/checklists';
import type { StudyDesign } from '@shared/domain/club/appraisal/studyDesigns';
import { useId, useRef, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { RadioGroup } from '../RadioGroup';
import { SavedOnBlurField } from '../SavedOnBlurField';
import { CitedHighlightList } from './CitedHighlightList';
import { highlightName } from './highlightText';
import type { ChangeSession } from './sessionEdits';

export interface ChecklistTableProps {
  paper: SessionPaperView;
  design: StudyDesign;
  members: readonly SessionMemberView[];
  editable: boolean;
  change: ChangeSession;
}

const ANSWER_CHOICES = APPRAISAL_ANSWERS.map((value) => ({
  value,
  label: APPRAISAL_ANSWER_NAMES[value],
}));

/** "Agreed on 7 of 11 questions; split on 2": the grid at a glance. */
export function agreementSummary(paper: SessionPaperView): string | null {
  const agreement = paper.agreement;
  if (agreement === null) return null;
  return `Agreed on ${agreement.byStatus.agreed} of ${agreement.questions.length} questions; split on ${agreement.byStatus.split}`;
}

/** The agreement line of one question, in words (never colour alone). */
export function agreementText(paper: SessionPaperView, questionId: string): string {
  const question = paper.agreement?.questions.find(
    (candidate) => candidate.questionId === questionId,
  );
  return question ? describeAgreement(question) : 'No answers yet';
}

/**
 * The appraisal grid of one paper: a row per checklist question, a column per member (the user's
 * own with radios and a reason), and the club's agreement last. It scrolls sideways inside its
 * own box, so a narrow window keeps the page itself still.
 */
export function ChecklistTable({ paper, design, members, editable, change }: ChecklistTableProps) {
  const questions = checklistFor(design);
  const summary = agreementSummary(paper);
  return (
    <>
      {summary !== null ? <p className="club-agreement-summary">{summary}</p> : null}
      {/* Focusable so a keyboard user can scroll a grid wider than the window. */}
      <div
        className="club-table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Checklist answers: ${paper.title}`}
      >
        <table className="club-table club-checklist">
          <caption>Appraisal checklist: {paper.title}</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              {members.map((member) => (
                <th scope="col" key={member.memberId}>
                  {member.name}
                  {member.isMe ? ' (you)' : ''}
                </th>
              ))}
              <th scope="col">Agreement</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question) => (
              <tr key={question.id}>
                <th scope="row" className="club-question">
                  {question.text}
                </th>
                {members.map((member) => {
                  const answer = member.answers[paper.paperId]?.[question.id] ?? null;
                  return (
                    <td key={member.memberId}>
                      {member.isMe ? (
                        <MyAnswer
                          paperId={paper.paperId}
                          question={question}
                          answer={answer}
                          me={member}
                          editable={editable}
                          change={change}
                        />
                      ) : (
                        <TheirAnswer answer={answer} member={member} />
                      )}
                    </td>
                  );
                })}
                <td
                  className="club-agreement"
                  data-status={
                    paper.agreement?.questions.find((q) => q.questionId === question.id)?.status
                  }
                >
                  {agreementText(paper, question.id)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function TheirAnswer({
  answer,
  member,
}: {
  answer: ChecklistAnswer | null;
  member: SessionMemberView;
}) {
  if (answer === null) return <span className="club-muted">Not answered</span>;
  return (
    <>
      <span className="club-answer">{APPRAISAL_ANSWER_NAMES[answer.answer]}</span>
      {answer.reason !== '' ? <p className="club-reason">{answer.reason}</p> : null}
      <CitedHighlightList answer={answer} member={member} />
    </>
  );
}

interface MyAnswerProps {
  paperId: string;
  question: ChecklistQuestion;
  answer: ChecklistAnswer | null;
  /** The user, whose own highlights on the paper may back the answer. */
  me: SessionMemberView;
  editable: boolean;
  change: ChangeSession;
}

/**
 * The user's answer to one question. A reason typed before choosing an answer is kept and sent
 * with the answer once chosen (an answer without yes, no or unclear cannot be stored).
 */
function MyAnswer({ paperId, question, answer, me, editable, change }: MyAnswerProps) {
  const [pendingReason, setPendingReason] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The answer is sent whole: parts still on their way go with it, so citing a highlight just
  // after leaving the reason cannot send the old reason back.
  const inFlight = useRef<Partial<ChecklistAnswer>>({});

  const send = async (base: ChecklistAnswer, parts: Partial<ChecklistAnswer>) => {
    inFlight.current = { ...inFlight.current, ...parts };
    const sent = { ...inFlight.current };
    const message = await change({
      kind: 'answer',
      paperId,
      questionId: question.id,
      answer: { ...base, ...sent },
    });
    for (const key of Object.keys(sent) as (keyof ChecklistAnswer)[]) {
      if (inFlight.current[key] === sent[key]) delete inFlight.current[key];
    }
    return message;
  };

  const choose = async (value: AppraisalAnswerValue) => {
    const message = await send(
      {
        answer: value,
        reason: pendingReason ?? answer?.reason ?? '',
        citedHighlightIds: answer?.citedHighlightIds ?? [],
      },
      { answer: value },
    );
    setFailure(message);
    if (message === null) setPendingReason(null);
  };

  const saveReason = async (reason: string): Promise<string | null> => {
    if (answer === null) {
      // Nothing to file it under yet: it goes with the answer.
      setPendingReason(reason);
      return null;
    }
    return send(answer, { reason });
  };

  const cite = async (citedHighlightIds: string[]) => {
    if (answer !== null) setFailure(await send(answer, { citedHighlightIds }));
  };

  return (
    <div className="club-my-answer">
      <RadioGroup
        label={`Your answer: ${question.text}`}
        choices={ANSWER_CHOICES}
        value={answer?.answer ?? null}
        disabled={!editable}
        onChange={(value) => void choose(value)}
      />
      <SavedOnBlurField
        label={`Reason: ${question.text}`}
        hideLabel
        placeholder="Reason"
        multiline
        maxLength={2_000}
        value={answer?.reason ?? pendingReason ?? ''}
        disabled={!editable}
        onSave={saveReason}
        className="club-reason-field"
      />
      {answer !== null ? <CitedHighlightList answer={answer} member={me} /> : null}
      <CiteHighlights
        paperId={paperId}
        question={question}
        answer={answer}
        me={me}
        editable={editable}
        onCite={(ids) => void cite(ids)}
      />
      <FormFailure message={failure} />
    </div>
  );
}

interface CiteHighlightsProps {
  paperId: string;
  question: ChecklistQuestion;
  answer: ChecklistAnswer | null;
  me: SessionMemberView;
  editable: boolean;
  onCite: (citedHighlightIds: string[]) => void;
}

/**
 * "Cite highlights": a disclosure under the user's reason listing their own highlights on the
 * paper as checkboxes; each tick sends the answer with the chosen ids. It waits for an answer,
 * since ids are stored with one, and says so.
 */
function CiteHighlights({ paperId, question, answer, me, editable, onCite }: CiteHighlightsProps) {
  const ids = { list: useId(), why: useId() };
  const [open, setOpen] = useState(false);
  const mine = me.highlights.filter((highlight) => highlight.paperId === paperId);
  const cited = answer?.citedHighlightIds ?? [];
  const unavailable = !editable
    ? 'The session is closed.'
    : answer === null
      ? 'Answer first to cite highlights.'
      : mine.length === 0
        ? 'You have no highlights on this paper.'
        : null;
  const shown = open && unavailable === null;

  const toggle = (annotationId: string, checked: boolean) =>
    onCite(
      checked
        ? [...cited.filter((id) => id !== annotationId), annotationId]
        : cited.filter((id) => id !== annotationId),
    );

  return (
    <div className="club-cite">
      <button
        type="button"
        className="button button-small"
        aria-expanded={shown}
        aria-controls={shown ? ids.list : undefined}
        aria-describedby={unavailable !== null ? ids.why : undefined}
        disabled={unavailable !== null}
        onClick={() => setOpen(!open)}
      >
        Cite highlights<span className="visually-hidden">: {question.text}</span>
      </button>
      {unavailable !== null ? (
        <span id={ids.why} className="club-cite-why">
          {unavailable}
        </span>
      ) : null}
      {shown ? (
        <ul
          id={ids.list}
          className="club-cite-list"
          aria-label={`Your highlights: ${question.text}`}
        >
          {mine.map((highlight) => (
            <li key={highlight.annotationId}>
              <label className="club-check">
                <input
                  type="checkbox"
                  checked={cited.includes(highlight.annotationId)}
                  onChange={(event) => toggle(highlight.annotationId, event.target.checked)}
                />
                {highlightName(highlight)}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import type { PracticeVote, SessionView } from '@shared/contract';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { RadioGroup } from '../RadioGroup';
import { SavedOnBlurField } from '../SavedOnBlurField';
import type { ChangeSession } from './sessionEdits';

type VoteValue = PracticeVote['vote'];

const VOTE_CHOICES: readonly { value: VoteValue; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-sure', label: 'Not sure' },
];

export interface VoteSectionProps {
  view: SessionView;
  editable: boolean;
  change: ChangeSession;
}

/** "Would this change your practice?": the user's vote with a reason, and the club's tally. */
export function VoteSection({ view, editable, change }: VoteSectionProps) {
  const ids = { heading: useId(), tally: useId() };
  const myVote = view.members.find((member) => member.isMe)?.vote ?? null;
  const [pendingReason, setPendingReason] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const vote = async (value: VoteValue) => {
    const message = await change({
      kind: 'vote',
      vote: { vote: value, reason: pendingReason ?? myVote?.reason ?? '' },
    });
    setFailure(message);
    if (message === null) setPendingReason(null);
  };

  const saveReason = async (reason: string) => {
    if (myVote === null) {
      // Sent with the vote once the user votes.
      setPendingReason(reason);
      return null;
    }
    return change({ kind: 'vote', vote: { vote: myVote.vote, reason } });
  };

  return (
    <section className="club-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Would this change your practice?</h2>
      <RadioGroup
        label="Your vote"
        showLabel
        choices={VOTE_CHOICES}
        value={myVote?.vote ?? null}
        disabled={!editable}
        onChange={(value) => void vote(value)}
      />
      <SavedOnBlurField
        label="Reason for your vote"
        multiline
        maxLength={2_000}
        value={myVote?.reason ?? pendingReason ?? ''}
        disabled={!editable}
        onSave={saveReason}
      />
      <FormFailure message={failure} />
      <h3 id={ids.tally} className="club-subheading">
        The club’s votes
      </h3>
      <ul className="club-tally" aria-labelledby={ids.tally}>
        {VOTE_CHOICES.map((choice) => (
          <li key={choice.value}>{`${choice.label}: ${view.tally[choice.value]}`}</li>
        ))}
      </ul>
    </section>
  );
}

import type { Attendance, SessionView } from '@shared/contract';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { RadioGroup } from '../RadioGroup';
import type { ChangeSession } from './sessionEdits';

type AttendanceChoice = Attendance | 'none';

const ATTENDANCE_CHOICES: readonly { value: AttendanceChoice; label: string }[] = [
  { value: 'live', label: 'Attended live' },
  { value: 'asynchronous', label: 'Attended asynchronously' },
  { value: 'none', label: 'Did not attend' },
];

const ATTENDED_WORDS: Record<Attendance, string> = { live: 'live', asynchronous: 'asynchronously' };

export interface AttendanceSectionProps {
  view: SessionView;
  editable: boolean;
  change: ChangeSession;
}

/** "Attendance": the user's own, and who attended and how. */
export function AttendanceSection({ view, editable, change }: AttendanceSectionProps) {
  const headingId = useId();
  const mine = view.members.find((member) => member.isMe)?.attendance ?? null;
  // "Did not attend" is stored as no attendance, which is also what nobody has said yet.
  const [saidNone, setSaidNone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const attended = view.members.filter((member) => member.attendance !== null);

  const choose = async (choice: AttendanceChoice) => {
    const message = await change({
      kind: 'attendance',
      attendance: choice === 'none' ? null : choice,
    });
    setFailure(message);
    if (message === null) setSaidNone(choice === 'none');
  };

  return (
    <section className="club-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Attendance</h2>
      <RadioGroup
        label="Your attendance"
        choices={ATTENDANCE_CHOICES}
        value={mine ?? (saidNone ? 'none' : null)}
        disabled={!editable}
        onChange={(choice) => void choose(choice)}
      />
      <FormFailure message={failure} />
      {attended.length === 0 ? (
        <p className="club-hint">Nobody has said they attended yet.</p>
      ) : (
        <ul className="club-attendance" aria-label="Who attended">
          {attended.map((member) => (
            <li key={member.memberId}>
              {member.name}
              {member.isMe ? ' (you)' : ''}: attended{' '}
              {member.attendance === null ? '' : ATTENDED_WORDS[member.attendance]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

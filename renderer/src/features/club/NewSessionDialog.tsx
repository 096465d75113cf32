import type { Club, ItemSummary, SessionView } from '@shared/contract';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { FormField } from '../../ui/FormField';
import { ModalDialog } from '../../ui/ModalDialog';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { TextInput } from './TextInput';
import type { ClubClient, PaperFinder } from './clubClient';
import { EMPTY_WINDOW_DRAFT, readDiscussionWindow } from './discussionWindow';
import { DiscussionWindowFields } from './DiscussionWindowFields';
import { useSubmission } from './useSubmission';

/** A paper chosen for the session: the library item and the title to list it by. */
export interface ChosenPaper {
  itemId: string;
  title: string;
}

export interface NewSessionDialogProps {
  client: ClubClient;
  finder: PaperFinder;
  club: Club;
  myMemberId: string;
  /** Already chosen when the dialog opens ("Discuss at journal club" in the reader). */
  initialPapers?: readonly ChosenPaper[];
  onCreated: (session: SessionView) => void;
  onClose: () => void;
}

const RESULTS_SHOWN = 20;

/** "New session": its title, the papers (found in the library), when, where and who presents. */
export function NewSessionDialog({
  client,
  finder,
  club,
  myMemberId,
  initialPapers = [],
  onCreated,
  onClose,
}: NewSessionDialogProps) {
  const ids = {
    find: useId(),
    when: useId(),
    presenter: useId(),
    chosen: useId(),
  };
  const [title, setTitle] = useState(
    initialPapers.length === 1 ? (initialPapers[0]?.title ?? '') : '',
  );
  const [chosen, setChosen] = useState<readonly ChosenPaper[]>(initialPapers);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<readonly ItemSummary[]>([]);
  const [searchProblem, setSearchProblem] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [timeZone, setTimeZone] = useState(club.timeZone);
  const [presenterId, setPresenterId] = useState(myMemberId);
  const [windowDraft, setWindowDraft] = useState(EMPTY_WINDOW_DRAFT);
  const { failure, setFailure, busy, submit } = useSubmission();
  // The library is asked once the user pauses, as the list's own search does.
  const query = useDebouncedValue(search.trim(), 250);

  useEffect(() => {
    if (query === '') return;
    let current = true;
    void finder.list({ query, limit: RESULTS_SHOWN }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setResults(result.value.items);
        setSearchProblem(null);
      } else {
        setSearchProblem(result.message);
      }
    });
    return () => {
      current = false;
    };
  }, [finder, query]);

  const isChosen = (itemId: string) => chosen.some((paper) => paper.itemId === itemId);
  const toggle = (item: { id: string; title: string }) =>
    setChosen((current) =>
      isChosen(item.id)
        ? current.filter((paper) => paper.itemId !== item.id)
        : [...current, { itemId: item.id, title: item.title }],
    );

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setFailure('Give the session a title.');
    if (chosen.length === 0) return setFailure('Choose at least one paper: find it by its title.');
    const zone = timeZone.trim() === '' ? null : timeZone.trim();
    // Read in the zone the session is planned in, as the backend reads its start.
    const discussion = readDiscussionWindow(windowDraft, zone ?? club.timeZone);
    if (!discussion.ok) return setFailure(discussion.message);
    await submit(
      () =>
        client.createSession({
          clubId: club.clubId,
          session: {
            title,
            itemIds: chosen.map((paper) => paper.itemId),
            startsAt: startsAt === '' ? null : startsAt,
            timeZone: zone,
            presenterId: presenterId === '' ? null : presenterId,
            discussionWindow: discussion.window,
          },
        }),
      onCreated,
    );
  };

  const shownResults = query === '' ? [] : results;
  return (
    <ModalDialog title="New session" onClose={onClose} size="wide">
      <form className="dialog-form" onSubmit={(event) => void create(event)} noValidate>
        <TextInput label="Title" value={title} onChange={setTitle} data-autofocus />
        <FormField controlId={ids.find} label="Find a paper" spaced>
          <input
            id={ids.find}
            type="search"
            className="text-field"
            placeholder="Title, author, journal or DOI"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </FormField>
        <FormFailure message={searchProblem} />
        {shownResults.length > 0 ? (
          <ul className="club-paper-results" aria-label="Papers found">
            {shownResults.map((item) => (
              <li key={item.id}>
                <label className="club-check">
                  <input
                    type="checkbox"
                    checked={isChosen(item.id)}
                    onChange={() => toggle(item)}
                  />
                  {item.title}
                </label>
              </li>
            ))}
          </ul>
        ) : query !== '' ? (
          <p className="club-hint">No paper in your library matches “{query}”.</p>
        ) : null}
        <h3 className="club-subheading" id={ids.chosen}>
          Chosen papers
        </h3>
        {chosen.length === 0 ? (
          <p className="club-hint">None yet.</p>
        ) : (
          <ul className="club-chosen" aria-labelledby={ids.chosen}>
            {chosen.map((paper) => (
              <li key={paper.itemId}>
                <span>{paper.title}</span>{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => toggle({ id: paper.itemId, title: paper.title })}
                >
                  Leave out<span className="visually-hidden"> {paper.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormField controlId={ids.when} label="Date and time" spaced>
          <input
            id={ids.when}
            type="datetime-local"
            className="text-field"
            value={startsAt}
            onChange={(event) => setStartsAt(event.target.value)}
          />
        </FormField>
        <TextInput label="Time zone" spaced value={timeZone} onChange={setTimeZone} />
        <DiscussionWindowFields
          draft={windowDraft}
          zone={timeZone.trim() === '' ? club.timeZone : timeZone.trim()}
          onChange={setWindowDraft}
        />
        <FormField controlId={ids.presenter} label="Presenter" spaced>
          <select
            id={ids.presenter}
            className="text-field select-field"
            value={presenterId}
            onChange={(event) => setPresenterId(event.target.value)}
          >
            <option value="">Not chosen yet</option>
            {club.members.map((member) => (
              <option key={member.memberId} value={member.memberId}>
                {member.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormFailure message={failure} />
        <DialogActions
          onCancel={onClose}
          submit={{ label: 'Create session', busyLabel: 'Creating…', busy }}
        />
      </form>
    </ModalDialog>
  );
}

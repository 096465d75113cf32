// @vitest-environment jsdom
// A session's page as members use it: answering the checklist beside the others and seeing the
// agreement, voting, adding actions, closing only with a bottom line, logging CPD, and the
// presenter's view, over the fake backend's club service.
import { channelOf } from '@shared/contract';
import { findQuestion } from '@shared/domain/club/appraisal/checklists';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionPage } from './SessionPage';
import {
  changeStoredSession,
  clubFixture,
  VIEWER_ZONE,
  type ClubFixture,
} from './testing/clubFixture';
import { setUpClubTests } from './testing/clubTestEnvironment';

// The shared discussion editor is another feature's, tested on its own.
vi.mock('./discussion/SessionDiscussion', () => ({ SessionDiscussion: () => null }));

setUpClubTests();

const FIRST = findQuestion('randomised-trial', 'rct.pico-stated')!;
const SECOND = findQuestion('randomised-trial', 'rct.sequence-by-chance')!;

let fixture: ClubFixture;
let news: string[];
let failures: string[];

beforeEach(async () => {
  fixture = await clubFixture();
  news = [];
  failures = [];
});

/** The session as a randomised trial, with Jo's answers already merged in. */
function appraisedByJo() {
  changeStoredSession(fixture, (session) => {
    session.papers[0]!.appraisal = { ...session.papers[0]!.appraisal, design: 'randomised-trial' };
    const jo = session.members.find((member) => member.memberId === fixture.joId)!;
    jo.answers = {
      'item-dapa': {
        [FIRST.id]: { answer: 'yes', reason: 'Stated in the abstract', citedHighlightIds: [] },
        [SECOND.id]: { answer: 'no', reason: '', citedHighlightIds: [] },
      },
    };
  });
}

async function renderSession() {
  const user = userEvent.setup();
  render(
    <SessionPage
      client={fixture.backend.api.club}
      sessionId={fixture.session.sessionId}
      viewerZone={VIEWER_ZONE}
      onBack={() => undefined}
      onOpenItem={() => undefined}
      onImported={() => undefined}
      onNews={(message) => news.push(message)}
      onFailure={(message) => failures.push(message)}
    />,
  );
  await screen.findByRole('heading', { level: 1, name: 'DAPA-CKD' });
  return user;
}

function changesSent() {
  return fixture.backend.calls
    .filter((call) => call.channel === channelOf('club', 'changeSession'))
    .map((call) => call.args.change);
}

describe('the session page', () => {
  it('shows the session’s sections, its time in both zones and its sync state', async () => {
    await renderSession();
    for (const name of [
      'Papers',
      'Pre-reading',
      'Appraisal',
      'Discussion',
      'Would this change your practice?',
      'Action items',
      'Attendance',
      "Members' highlights",
      'Bottom line',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByText(/14:00 in your time zone \(America\/New_York\)/)).toBeTruthy();
    expect(screen.getByText('Sync: off — exchange bundles to share')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Read Dapagliflozin in chronic kidney disease' }),
    ).toBeTruthy();
    expect(screen.getByText('Status: Planned')).toBeTruthy();
  });

  it('files the user’s answer and shows the agreement the backend works out', async () => {
    appraisedByJo();
    const user = await renderSession();
    const table = screen.getByRole('table', {
      name: 'Appraisal checklist: Dapagliflozin in chronic kidney disease',
    });
    expect(within(table).getByRole('columnheader', { name: 'Ana (you)' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Jo' })).toBeTruthy();
    const firstRow = within(table).getByRole('row', { name: new RegExp(`^${escape(FIRST.text)}`) });
    expect(within(firstRow).getByText('One answer: Yes')).toBeTruthy();
    expect(within(firstRow).getByText('Stated in the abstract')).toBeTruthy();

    const mine = within(firstRow).getByRole('radiogroup', { name: `Your answer: ${FIRST.text}` });
    await user.click(within(mine).getByRole('radio', { name: 'Yes' }));

    await waitFor(() => expect(within(firstRow).getByText('Agreed: Yes (2 of 2)')).toBeTruthy());
    expect(changesSent()).toEqual([
      {
        kind: 'answer',
        paperId: 'item-dapa',
        questionId: FIRST.id,
        answer: { answer: 'yes', reason: '', citedHighlightIds: [] },
      },
    ]);
    expect(within(mine).getByRole('radio', { name: 'Yes' })).toHaveProperty('checked', true);
    expect(screen.getByText('Agreed on 1 of 11 questions; split on 0')).toBeTruthy();

    const secondRow = within(table).getByRole('row', {
      name: new RegExp(`^${escape(SECOND.text)}`),
    });
    await user.click(
      within(
        within(secondRow).getByRole('radiogroup', { name: `Your answer: ${SECOND.text}` }),
      ).getByRole('radio', {
        name: 'Yes',
      }),
    );
    await waitFor(() => expect(within(secondRow).getByText('Split: 1 yes, 1 no')).toBeTruthy());
    expect(screen.getByText('Agreed on 1 of 11 questions; split on 1')).toBeTruthy();
  });

  it('offers the suggested design, then saves the PICO and a level once it has its reason', async () => {
    changeStoredSession(fixture, (session) => {
      session.papers[0]!.suggestedDesign = {
        design: 'randomised-trial',
        phrase: 'randomly assigned',
        foundIn: 'abstract',
      };
    });
    const user = await renderSession();
    expect(
      screen.getByText('Suggested: Randomised trial (“randomly assigned” in the abstract)'),
    ).toBeTruthy();
    expect(screen.getByText('Choose the study design to see its checklist.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use suggestion' }));
    await screen.findByRole('table', { name: /^Appraisal checklist:/ });
    expect(screen.getByRole('combobox', { name: 'Study design' })).toHaveProperty(
      'value',
      'randomised-trial',
    );
    expect(screen.queryByRole('button', { name: 'Use suggestion' })).toBeNull();

    await user.type(
      screen.getByRole('textbox', { name: 'Population' }),
      'Adults with CKD stages 2–4',
    );
    await user.tab();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Level of evidence' }),
      'Level 2',
    );
    expect(screen.getByText('Saved once you give the reason.')).toBeTruthy();
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for the level' }),
      'One large trial',
    );
    await user.tab();

    await waitFor(() => expect(changesSent()).toHaveLength(3));
    expect(changesSent()).toEqual([
      { kind: 'paperAppraisal', paperId: 'item-dapa', changes: { design: 'randomised-trial' } },
      {
        kind: 'paperAppraisal',
        paperId: 'item-dapa',
        changes: {
          pico: {
            population: 'Adults with CKD stages 2–4',
            interventionOrExposure: '',
            comparison: '',
            outcomes: '',
          },
        },
      },
      {
        kind: 'paperAppraisal',
        paperId: 'item-dapa',
        changes: { evidenceLevel: { level: 2, reason: 'One large trial' } },
      },
    ]);
    expect(screen.queryByText('Saved once you give the reason.')).toBeNull();
  });

  it('saves a reason when the user leaves its field, keeping the answer', async () => {
    appraisedByJo();
    const user = await renderSession();
    const mine = screen.getByRole('radiogroup', { name: `Your answer: ${FIRST.text}` });
    await user.click(within(mine).getByRole('radio', { name: 'No' }));
    await waitFor(() => expect(changesSent()).toHaveLength(1));
    await user.type(
      screen.getByRole('textbox', { name: `Reason: ${FIRST.text}` }),
      'No comparator named',
    );
    await user.tab();

    await waitFor(() => expect(changesSent()).toHaveLength(2));
    expect(changesSent()[1]).toEqual({
      kind: 'answer',
      paperId: 'item-dapa',
      questionId: FIRST.id,
      answer: { answer: 'no', reason: 'No comparator named', citedHighlightIds: [] },
    });
  });

  it('keeps what the user typed when the backend refuses it, with the reason', async () => {
    const user = await renderSession();
    fixture.library.club!.sessions[0]!.metadata.status = 'closed';
    const notes = screen.getByRole('textbox', { name: "Presenter's notes" });
    await user.type(notes, 'Read the supplement too.');
    await user.tab();

    expect((await screen.findByRole('alert')).textContent).toBe('This session is closed.');
    expect(notes).toHaveProperty('value', 'Read the supplement too.');
  });

  it('records the vote and shows the club’s tally', async () => {
    changeStoredSession(fixture, (session) => {
      session.members.find((member) => member.memberId === fixture.joId)!.vote = {
        vote: 'not-sure',
        reason: '',
      };
    });
    const user = await renderSession();
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for your vote' }),
      'Eligible patients are many',
    );
    await user.tab();
    const vote = screen.getByRole('radiogroup', { name: 'Your vote' });
    await user.click(within(vote).getByRole('radio', { name: 'Yes' }));

    const tally = screen.getByRole('list', { name: 'The club’s votes' });
    await waitFor(() => expect(within(tally).getByText('Yes: 1')).toBeTruthy());
    expect(
      within(tally)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Yes: 1', 'No: 0', 'Not sure: 1']);
    expect(changesSent()).toEqual([
      { kind: 'vote', vote: { vote: 'yes', reason: 'Eligible patients are many' } },
    ]);
  });

  it('adds an action with its owner and due date, ticks it done and removes it', async () => {
    const user = await renderSession();
    await user.type(screen.getByRole('textbox', { name: 'New action' }), 'Audit SGLT2 prescribing');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'Jo');
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2027-01-31' } });
    await user.click(screen.getByRole('button', { name: 'Add action' }));

    const done = await screen.findByRole('checkbox', { name: 'Done: Audit SGLT2 prescribing' });
    expect(screen.getByText(/Owner: Jo · Due 2027-01-31/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'New action' })).toHaveProperty('value', '');
    expect(changesSent()[0]).toEqual({
      kind: 'action',
      item: {
        text: 'Audit SGLT2 prescribing',
        ownerId: fixture.joId,
        dueDate: '2027-01-31',
        done: false,
      },
    });

    await user.click(done);
    await waitFor(() => expect(done).toHaveProperty('checked', true));
    await user.click(
      screen.getByRole('button', { name: 'Remove action: Audit SGLT2 prescribing' }),
    );
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /^Done:/ })).toBeNull());
  });

  it('refuses to close without a bottom line, then closes with one', async () => {
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Close session' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Write the bottom line (one sentence) before closing the session.',
    );

    await user.type(
      screen.getByRole('textbox', { name: 'Bottom line' }),
      'Offer dapagliflozin in CKD with albuminuria.',
    );
    await user.click(screen.getByRole('button', { name: 'Close session' }));
    await screen.findByText('Status: Closed');
    expect(screen.getByText('Offer dapagliflozin in CKD with albuminuria.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close session' })).toBeNull();
  });

  it('follows changes made elsewhere when the backend says the session changed', async () => {
    await renderSession();
    changeStoredSession(fixture, (session) => {
      session.presenterNotes = 'Jo: read the supplement.';
    });
    act(() => {
      fixture.backend.emit(channelOf('club', 'onDidChangeSession'), {
        sessionId: fixture.session.sessionId,
        update: '',
      });
      fixture.backend.emit(channelOf('club', 'onDidChangeSession'), {
        sessionId: fixture.session.sessionId,
        update: '',
      });
    });
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: "Presenter's notes" })).toHaveProperty(
        'value',
        'Jo: read the supplement.',
      ),
    );
    // A burst of changes is read once.
    expect(
      fixture.backend.calls.filter((call) => call.channel === channelOf('club', 'session')),
    ).toHaveLength(2);
  });
});

describe('the discussion window', () => {
  const WINDOW = { opensAt: '2026-03-09T19:00:00.000Z', closesAt: '2026-03-15T23:00:00.000Z' };

  beforeEach(() => {
    // Only the clock: the page's own timers and the test library's keep running for real.
    vi.useFakeTimers({ toFake: ['Date'] });
    changeStoredSession(fixture, (session) => {
      session.metadata.discussionWindow = { ...WINDOW };
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the window in the session’s zone and the viewer’s, and how far off it is', async () => {
    vi.setSystemTime(new Date('2026-03-07T18:00:00Z'));
    await renderSession();
    // New York has moved to summer time on 8 March, London not until the 29th: four hours apart.
    expect(
      screen.getByText(
        'Discussion open from Mon 9 Mar 19:00 to Sun 15 Mar 23:00 (Europe/London); Mon 9 Mar 15:00 to Sun 15 Mar 19:00 in your time zone (America/New_York) — opens in 2 days.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText('Discussion opens')).toHaveProperty('value', '2026-03-09T19:00');
    expect(screen.getByLabelText('Discussion closes')).toHaveProperty('value', '2026-03-15T23:00');
  });

  it('reads “open now” inside the window and “closed” after it, when it can still be extended', async () => {
    vi.setSystemTime(new Date('2026-03-12T12:00:00Z'));
    await renderSession();
    expect(screen.getByText(/— open now \(closes in 3 days\)\.$/)).toBeTruthy();
    cleanup();

    vi.setSystemTime(new Date('2026-03-16T08:00:00Z'));
    await renderSession();
    expect(screen.getByText(/— closed\.$/)).toBeTruthy();
    // The organiser may reopen or extend it: only a closed session is settled.
    expect(screen.getByLabelText('Discussion opens')).toHaveProperty('disabled', false);
    expect(screen.getByLabelText('Discussion closes')).toHaveProperty('disabled', false);
  });

  it('changes the window once focus leaves both inputs, refusing a close before the open', async () => {
    vi.setSystemTime(new Date('2026-03-07T18:00:00Z'));
    const user = await renderSession();
    const opens = screen.getByLabelText('Discussion opens');
    const closes = screen.getByLabelText('Discussion closes');
    await user.click(closes);
    fireEvent.change(closes, { target: { value: '2026-03-08T09:00' } });
    await user.click(screen.getByRole('textbox', { name: "Presenter's notes" }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The discussion closes (Sun 8 Mar 09:00) before it opens (Mon 9 Mar 19:00): choose a closing time after the opening time.',
    );
    expect(closes).toHaveProperty('value', '2026-03-08T09:00');
    expect(changesSent()).toEqual([]);

    await user.click(opens);
    fireEvent.change(opens, { target: { value: '2026-03-02T08:30' } });
    await user.click(closes);
    // Moving between the two inputs is still editing the pair: nothing is sent yet.
    expect(changesSent()).toEqual([]);
    await user.click(screen.getByRole('textbox', { name: "Presenter's notes" }));

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(changesSent()).toEqual([
      {
        kind: 'metadata',
        changes: {
          discussionWindow: {
            opensAt: '2026-03-02T08:30:00.000Z',
            closesAt: '2026-03-08T09:00:00.000Z',
          },
        },
      },
    ]);
    expect(
      screen.getByText(/^Discussion open from Mon 2 Mar 08:30 to Sun 8 Mar 09:00/),
    ).toBeTruthy();
    expect(screen.getByText(/— open now \(closes in 15 hours\)\.$/)).toBeTruthy();
  });
});

describe('citing highlights', () => {
  const QUOTE =
    'Patients with chronic kidney disease were randomly assigned to receive dapagliflozin or placebo, stratified by diabetes status';
  const SHORT = '“Patients with chronic kidney disease were randomly assigned to receive…”, page 3';

  function withHighlights() {
    appraisedByJo();
    changeStoredSession(fixture, (session) => {
      const me = session.members.find((member) => member.isMe)!;
      const jo = session.members.find((member) => member.memberId === fixture.joId)!;
      me.highlights = [
        {
          annotationId: 'ana-1',
          paperId: 'item-dapa',
          quote: QUOTE,
          page: 3,
          colour: 'yellow',
          note: '',
        },
        {
          annotationId: 'ana-2',
          paperId: 'item-dapa',
          quote: 'Primary outcome: sustained eGFR decline',
          page: null,
          colour: 'yellow',
          note: '',
        },
      ];
      jo.highlights = [
        {
          annotationId: 'jo-1',
          paperId: 'item-dapa',
          quote: 'The trial was stopped early for efficacy',
          page: 7,
          colour: 'green',
          note: '',
        },
      ];
      jo.answers['item-dapa']![FIRST.id]!.citedHighlightIds = ['jo-1'];
    });
  }

  it('waits for an answer, then sends it with the highlights the user ticks', async () => {
    withHighlights();
    const user = await renderSession();
    const row = within(screen.getByRole('row', { name: new RegExp(`^${escape(FIRST.text)}`) }));
    const cite = row.getByRole('button', { name: `Cite highlights: ${FIRST.text}` });
    expect(cite).toHaveProperty('disabled', true);
    expect(cite.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(cite.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Answer first to cite highlights.',
    );
    // Jo's own citation reads against Jo's highlights.
    expect(row.getByRole('list', { name: 'Highlights Jo cited' }).textContent).toBe(
      '“The trial was stopped early for efficacy”, page 7',
    );

    await user.click(
      within(row.getByRole('radiogroup', { name: `Your answer: ${FIRST.text}` })).getByRole(
        'radio',
        { name: 'Yes' },
      ),
    );
    await waitFor(() => expect(cite).toHaveProperty('disabled', false));
    await user.click(cite);
    expect(cite.getAttribute('aria-expanded')).toBe('true');
    const choices = row.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    expect(choices).toEqual([SHORT, '“Primary outcome: sustained eGFR decline”']);
    await user.click(row.getByRole('checkbox', { name: SHORT }));

    await waitFor(() => expect(changesSent()).toHaveLength(2));
    expect(changesSent()[1]).toEqual({
      kind: 'answer',
      paperId: 'item-dapa',
      questionId: FIRST.id,
      answer: { answer: 'yes', reason: '', citedHighlightIds: ['ana-1'] },
    });
    await waitFor(() =>
      expect(row.getByRole('list', { name: 'Highlights Ana cited' }).textContent).toBe(SHORT),
    );
    expect(row.getByRole('checkbox', { name: SHORT })).toHaveProperty('checked', true);
  });

  it('shows each member’s cited highlights in the presenter’s view', async () => {
    withHighlights();
    changeStoredSession(fixture, (session) => {
      const me = session.members.find((member) => member.isMe)!;
      me.answers = {
        'item-dapa': {
          [FIRST.id]: { answer: 'unclear', reason: '', citedHighlightIds: ['ana-2', 'gone'] },
        },
      };
    });
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: "Presenter's view" }));
    const view = within(await screen.findByRole('dialog', { name: "Presenter's view" }));
    expect(view.getByRole('list', { name: 'Highlights Jo cited' }).textContent).toBe(
      '“The trial was stopped early for efficacy”, page 7',
    );
    expect(
      within(view.getByRole('list', { name: 'Highlights Ana cited' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '“Primary outcome: sustained eGFR decline”',
      'One cited highlight is not in this session.',
    ]);
  });
});

describe('Log CPD', () => {
  it('refuses hours that are not quarter hours, then saves the entry', async () => {
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Log CPD' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Log CPD' }));
    const hours = await dialog.findByRole('textbox', { name: 'Hours' });
    expect(hours).toHaveProperty('value', '1');
    await user.clear(hours);
    await user.type(hours, '0.3');
    await user.type(dialog.getByRole('textbox', { name: 'What I learned' }), 'eGFR slope matters');
    await user.click(dialog.getByRole('button', { name: 'Save CPD entry' }));

    expect((await dialog.findByRole('alert')).textContent).toBe(
      'Hours are counted in quarter hours (0.25, 0.5, 0.75, …); 0.3 is not one — the nearest are 0.25 and 0.5.',
    );
    expect(fixture.library.club?.cpd).toEqual([]);
    expect(dialog.getByRole('textbox', { name: 'What I learned' })).toHaveProperty(
      'value',
      'eGFR slope matters',
    );

    await user.clear(hours);
    await user.type(hours, '1.5');
    await user.click(dialog.getByRole('button', { name: 'Save CPD entry' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log CPD' })).toBeNull());
    expect(fixture.library.club?.cpd).toMatchObject([
      { hours: 1.5, type: 'journal-club-live', reflection: { learned: 'eGFR slope matters' } },
    ]);
    expect(news).toEqual(['Saved to your CPD log.']);
  });
});

describe("the presenter's view", () => {
  it('moves one question at a time with the buttons and the arrow keys, and Escape leaves it', async () => {
    appraisedByJo();
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: "Presenter's view" }));
    const view = await screen.findByRole('dialog', { name: "Presenter's view" });
    const inView = within(view);
    expect(inView.getByText('Question 1 of 11')).toBeTruthy();
    expect(inView.getByRole('heading', { level: 2, name: FIRST.text })).toBeTruthy();
    expect(inView.getByText(FIRST.hint)).toBeTruthy();
    expect(inView.getByText('One answer: Yes')).toBeTruthy();

    await user.click(inView.getByRole('button', { name: 'Next question' }));
    expect(inView.getByText('Question 2 of 11')).toBeTruthy();
    expect(inView.getByRole('heading', { level: 2, name: SECOND.text })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(inView.getByText('Question 3 of 11')).toBeTruthy();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(inView.getByText('Question 1 of 11')).toBeTruthy();
    await user.click(inView.getByRole('button', { name: 'Previous question' }));
    expect(inView.getByText('Question 1 of 11')).toBeTruthy();

    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: "Presenter's view" })).toBeNull(),
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

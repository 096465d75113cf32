// @vitest-environment jsdom
// The journal club area as a user meets it: the profile and the first club, the club page with
// its sessions in both time zones, importing a bundle, and the CPD log with its CSV.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, type FakeLibrary } from '../../testing/fakeBackend';
import { saveTextFile } from '../../ui/saveTextFile';
import { ClubArea } from './ClubArea';
import { clubFixture, VIEWER_ZONE, type ClubFixture } from './testing/clubFixture';
import { setUpClubTests } from './testing/clubTestEnvironment';
import { fakeClub } from './testing/fakeClubService';

vi.mock('../../ui/saveTextFile', () => ({ saveTextFile: vi.fn() }));
// The shared discussion editor is another feature's, tested on its own.
vi.mock('./discussion/SessionDiscussion', () => ({ SessionDiscussion: () => null }));

setUpClubTests();
beforeEach(() => {
  vi.mocked(saveTextFile).mockClear();
});

function renderArea(api: ReturnType<typeof createFakeBackend>['api']) {
  const user = userEvent.setup();
  const opened: string[] = [];
  render(
    <ClubArea
      client={api.club}
      finder={api.library}
      viewerZone={VIEWER_ZONE}
      onOpenItem={(itemId) => opened.push(itemId)}
    />,
  );
  return { user, opened };
}

describe('a first visit', () => {
  it('asks for the profile, then creates a club in the zone the user gives', async () => {
    const library: FakeLibrary = { feeds: [], items: [], club: fakeClub() };
    const backend = createFakeBackend(library);
    const { user } = renderArea(backend.api);

    await screen.findByRole('heading', { name: 'Your profile' });
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana');
    await user.type(screen.getByRole('textbox', { name: 'Profession' }), 'Nephrologist');
    await user.type(screen.getByRole('textbox', { name: 'CPD reported to' }), 'GMC');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await screen.findByRole('heading', { name: 'Create a club' });
    const zone = screen.getByRole('textbox', { name: 'Time zone' });
    expect(zone).toHaveProperty('value', VIEWER_ZONE);
    expect(screen.getByRole('button', { name: 'Import a session bundle…' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Club name' }), 'NephJC');
    await user.type(screen.getByRole('textbox', { name: 'Hashtag' }), '#NephJC');
    await user.clear(zone);
    await user.type(zone, 'Europe/London');
    await user.click(screen.getByRole('button', { name: 'Create club' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'NephJC' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Upcoming sessions' })).toBeTruthy();
    expect(screen.getByText('Sync: off — exchange bundles to share')).toBeTruthy();
    expect(library.club?.profile).toMatchObject({ name: 'Ana', cpdBody: 'GMC' });
    expect(library.club?.clubs[0]).toMatchObject({ name: 'NephJC', timeZone: 'Europe/London' });
  });

  it('says why a club cannot be made with a zone the computer does not know', async () => {
    const library: FakeLibrary = {
      feeds: [],
      items: [],
      club: fakeClub({
        profile: { memberId: 'me', name: 'Ana', profession: '', cpdBody: '', timeZone: 'UTC' },
      }),
    };
    const backend = createFakeBackend(library);
    const { user } = renderArea(backend.api);

    await user.type(await screen.findByRole('textbox', { name: 'Club name' }), 'NephJC');
    const zone = screen.getByRole('textbox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.click(screen.getByRole('button', { name: 'Create club' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      '"Mars/Olympus" is not a time zone this computer knows.',
    );
    expect(screen.getByRole('textbox', { name: 'Club name' })).toHaveProperty('value', 'NephJC');
    expect(library.club?.clubs).toEqual([]);
  });
});

describe('the club page', () => {
  let fixture: ClubFixture;
  beforeEach(async () => {
    fixture = await clubFixture();
  });

  it('lists upcoming and past sessions with the time in the club’s zone and the viewer’s', async () => {
    const club = fixture.backend.api.club;
    const past = await club.createSession({
      clubId: fixture.clubId,
      session: {
        title: 'EMPA-KIDNEY',
        itemIds: ['item-dapa'],
        startsAt: '2026-06-10T19:00',
        presenterId: fixture.joId,
      },
    });
    if (!past.ok) throw new Error(past.message);
    await club.changeSession({
      sessionId: past.value.sessionId,
      change: { kind: 'bottomLine', text: 'SGLT2 inhibitors for all.' },
    });
    await club.changeSession({ sessionId: past.value.sessionId, change: { kind: 'close' } });
    renderArea(fixture.backend.api);

    await screen.findByRole('heading', { level: 1, name: 'NephJC' });
    const upcoming = within(screen.getByRole('list', { name: 'Upcoming sessions' }));
    expect(upcoming.getByRole('button', { name: 'DAPA-CKD' })).toBeTruthy();
    const upcomingItem = upcoming.getByRole('listitem');
    expect(upcomingItem.textContent).toContain('19:00');
    expect(upcomingItem.textContent).toContain('(Europe/London)');
    expect(upcomingItem.textContent).toContain('14:00 in your time zone (America/New_York)');
    expect(upcomingItem.textContent).toContain('Presenter: Ana');
    expect(upcomingItem.textContent).toContain('Status: Planned');

    const pastItem = within(screen.getByRole('list', { name: 'Past sessions' })).getByRole(
      'listitem',
    );
    expect(within(pastItem).getByRole('button', { name: 'EMPA-KIDNEY' })).toBeTruthy();
    // Both on summer time: still five hours apart, with London's offset as the summer's.
    expect(pastItem.textContent).toContain('19:00 GMT+1 (Europe/London)');
    expect(pastItem.textContent).toContain('14:00 in your time zone (America/New_York)');
    expect(pastItem.textContent).toContain('Presenter: Jo');
    expect(pastItem.textContent).toContain('Status: Closed');
  });

  it('opens a session from its title', async () => {
    const { user } = renderArea(fixture.backend.api);
    await user.click(await screen.findByRole('button', { name: 'DAPA-CKD' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'DAPA-CKD' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to NephJC' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'NephJC' })).toBeTruthy();
  });

  it('creates a session on a paper found in the library', async () => {
    const { user } = renderArea(fixture.backend.api);
    await user.click(await screen.findByRole('button', { name: 'New session' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New session' }));
    await user.type(dialog.getByRole('textbox', { name: 'Title' }), 'January club');
    await user.type(dialog.getByRole('searchbox', { name: 'Find a paper' }), 'dapagliflozin');
    await user.click(
      await dialog.findByRole('checkbox', { name: 'Dapagliflozin in chronic kidney disease' }),
    );
    expect(dialog.getByRole('textbox', { name: 'Time zone' })).toHaveProperty(
      'value',
      'Europe/London',
    );
    await user.click(dialog.getByRole('button', { name: 'Create session' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'January club' })).toBeTruthy();
    const created = fixture.backend.calls.find((call) => call.channel === 'app:club.createSession');
    expect(created?.args).toMatchObject({
      clubId: fixture.clubId,
      session: {
        title: 'January club',
        itemIds: ['item-dapa'],
        timeZone: 'Europe/London',
        presenterId: 'me',
      },
    });
  });

  it('plans a discussion window in the session’s zone, refusing one that closes before it opens', async () => {
    const { user } = renderArea(fixture.backend.api);
    await user.click(await screen.findByRole('button', { name: 'New session' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New session' }));
    await user.type(dialog.getByRole('textbox', { name: 'Title' }), 'March club');
    await user.type(dialog.getByRole('searchbox', { name: 'Find a paper' }), 'dapagliflozin');
    await user.click(
      await dialog.findByRole('checkbox', { name: 'Dapagliflozin in chronic kidney disease' }),
    );
    const opens = dialog.getByLabelText('Discussion opens');
    const closes = dialog.getByLabelText('Discussion closes');
    expect(opens).toHaveProperty('type', 'datetime-local');
    fireEvent.change(opens, { target: { value: '2026-03-15T23:00' } });
    fireEvent.change(closes, { target: { value: '2026-03-09T19:00' } });
    await user.click(dialog.getByRole('button', { name: 'Create session' }));

    expect((await dialog.findByRole('alert')).textContent).toBe(
      'The discussion closes (Mon 9 Mar 19:00) before it opens (Sun 15 Mar 23:00): choose a closing time after the opening time.',
    );
    expect(opens).toHaveProperty('value', '2026-03-15T23:00');
    expect(closes).toHaveProperty('value', '2026-03-09T19:00');
    expect(fixture.backend.calls.some((call) => call.channel === 'app:club.createSession')).toBe(
      false,
    );

    fireEvent.change(opens, { target: { value: '2026-03-09T19:00' } });
    fireEvent.change(closes, { target: { value: '2026-04-01T23:00' } });
    await user.click(dialog.getByRole('button', { name: 'Create session' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'March club' })).toBeTruthy();
    const created = fixture.backend.calls.find((call) => call.channel === 'app:club.createSession');
    // London is on GMT on 9 March and on summer time (UTC+1) by 1 April.
    expect(created?.args).toMatchObject({
      session: {
        discussionWindow: {
          opensAt: '2026-03-09T19:00:00.000Z',
          closesAt: '2026-04-01T22:00:00.000Z',
        },
      },
    });
  });

  it('shows an import’s news, and a refused bundle’s reason without changing anything', async () => {
    fixture.library.club!.importMessage = 'Merged Jo’s work into “DAPA-CKD”.';
    const { user } = renderArea(fixture.backend.api);
    await screen.findByRole('heading', { level: 1, name: 'NephJC' });
    const input = screen.getByLabelText('Session bundle file');

    await user.upload(input, new File(['not a bundle'], 'notes.rounds', { type: '' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file is not a Rounds session bundle.',
    );

    await user.upload(
      input,
      new File(['{"format":"rounds-session"}'], 'dapa.rounds', { type: '' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Merged Jo’s work into “DAPA-CKD”.'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the club’s set-up', () => {
  it('sets the sync server without showing the token again, and works offline', async () => {
    const fixture = await clubFixture();
    const { user } = renderArea(fixture.backend.api);
    await user.click(await screen.findByRole('button', { name: 'Sync server…' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Sync server' }));
    expect(dialog.getByText('Sync: off — exchange bundles to share')).toBeTruthy();
    await user.type(dialog.getByRole('textbox', { name: 'Server address' }), 'ws://127.0.0.1:4455');
    const token = dialog.getByLabelText('Access token');
    expect(token).toHaveProperty('type', 'password');
    await user.type(token, 'a-token-of-sixteen-or-more');
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(dialog.getByText('Sync: connecting…')).toBeTruthy());
    expect(token).toHaveProperty('value', '');
    await user.click(dialog.getByRole('button', { name: 'Work offline' }));
    await waitFor(() =>
      expect(dialog.getByText('Sync: off — exchange bundles to share')).toBeTruthy(),
    );
    expect(dialog.getByRole('button', { name: 'Go online' })).toBeTruthy();
  });

  it('adds a member to the roster and removes them', async () => {
    const fixture = await clubFixture();
    const { user } = renderArea(fixture.backend.api);
    await user.click(await screen.findByRole('button', { name: 'Members…' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Members' }));
    expect(dialog.getByRole('rowheader', { name: 'Ana (you)' })).toBeTruthy();
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Sam');
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Presenter');
    await user.type(dialog.getByRole('textbox', { name: 'Handle' }), '@sam.bsky.social');
    await user.click(dialog.getByRole('button', { name: 'Add member' }));

    const row = (await dialog.findByRole('rowheader', { name: 'Sam' })).closest('tr')!;
    expect(row.textContent).toContain('Presenter');
    expect(row.textContent).toContain('@sam.bsky.social');
    await user.click(dialog.getByRole('button', { name: 'Remove Sam' }));
    await waitFor(() => expect(dialog.queryByRole('rowheader', { name: 'Sam' })).toBeNull());
    expect(fixture.library.club?.clubs[0]?.members.map((member) => member.name)).toEqual([
      'Ana',
      'Jo',
    ]);
  });
});

describe('my CPD log', () => {
  it('totals the hours per year and exports the CSV', async () => {
    const fixture = await clubFixture();
    const club = fixture.backend.api.club;
    const entry = {
      sessionId: fixture.session.sessionId,
      citation: 'Heerspink HJL et al. N Engl J Med 2020',
      type: 'journal-club-live' as const,
    };
    await club.saveCpdEntry({
      ...entry,
      date: '2026-03-10T19:00:00Z',
      hours: 1,
      learned: 'SGLT2 slows CKD',
    });
    await club.saveCpdEntry({ ...entry, date: '2026-12-09T19:00:00Z', hours: 0.5 });
    await club.saveCpdEntry({ ...entry, date: '2025-11-01T19:00:00Z', hours: 0.25 });
    const { user } = renderArea(fixture.backend.api);

    await user.click(await screen.findByRole('button', { name: 'My CPD log' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My CPD log' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'CPD entries' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('SGLT2 slows CKD')).toBeTruthy();
    expect(screen.getByText('2026: 1.5 hours')).toBeTruthy();
    expect(screen.getByText('2025: 0.25 hours')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveTextFile).toHaveBeenCalledTimes(1));
    const [fileName, text, type] = vi.mocked(saveTextFile).mock.calls[0] ?? [];
    expect(fileName).toBe('rounds-cpd-log.csv');
    expect(type).toBe('text/csv');
    expect(text).toContain('SGLT2 slows CKD');

    await user.click(screen.getByRole('button', { name: 'Back to NephJC' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'NephJC' })).toBeTruthy();
  });
});

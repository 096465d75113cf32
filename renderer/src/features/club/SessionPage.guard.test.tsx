// @vitest-environment jsdom
// The privacy guard on a session's page: exporting a bundle asks about possible patient
// identifiers first, and a session shared live through the club's server carries a warning.
import { channelOf } from '@shared/contract';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveTextFile } from '../../ui/saveTextFile';
import { SessionPage } from './SessionPage';
import {
  changeStoredSession,
  clubFixture,
  VIEWER_ZONE,
  type ClubFixture,
} from './testing/clubFixture';
import { setUpClubTests } from './testing/clubTestEnvironment';

vi.mock('./discussion/SessionDiscussion', () => ({ SessionDiscussion: () => null }));
vi.mock('../../ui/saveTextFile', () => ({ saveTextFile: vi.fn() }));

setUpClubTests();

let fixture: ClubFixture;
let news: string[];

beforeEach(async () => {
  vi.mocked(saveTextFile).mockClear();
  fixture = await clubFixture();
  news = [];
});

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
      onFailure={(message) => news.push(`failed: ${message}`)}
    />,
  );
  await screen.findByRole('heading', { level: 1, name: 'DAPA-CKD' });
  return user;
}

function bundleExports() {
  return fixture.backend.calls.filter((call) => call.channel === channelOf('club', 'exportBundle'));
}

describe('exporting a bundle', () => {
  it('saves at once when nothing in the session may identify a patient', async () => {
    changeStoredSession(fixture, (session) => {
      session.discussionText = 'Jo thinks Heerspink et al. 2020 settles it.';
    });
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));

    await waitFor(() => expect(saveTextFile).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(news).toEqual(['Saved “DAPA-CKD.rounds”.']);
  });

  it('asks about a patient named in the discussion and exports once it is kept', async () => {
    changeStoredSession(fixture, (session) => {
      session.discussionText = 'Mrs Jane Doe on our ward stopped it after a week.';
    });
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));

    const dialog = await screen.findByRole('dialog', { name: 'Before this leaves your computer' });
    expect(dialog.textContent).toMatch('edit the session instead');
    const list = within(dialog).getByRole('list', { name: 'Possible patient identifiers' });
    expect(list.textContent).toMatch('Name “Mrs Jane Doe” in Discussion');
    expect(bundleExports()).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Keep “Mrs Jane Doe”…' }));
    await user.click(
      within(dialog).getByRole('radio', { name: 'The person consented to being named' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    await waitFor(() => expect(saveTextFile).toHaveBeenCalledTimes(1));
    expect(bundleExports().map((call) => call.args.kept)).toEqual([
      [{ type: 'name', text: 'Mrs Jane Doe', reason: 'consented' }],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(news).toEqual(['Saved “DAPA-CKD.rounds”.']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    changeStoredSession(fixture, (session) => {
      session.presenterNotes = 'Patient ID 4417: ask the ward for consent.';
    });
    const user = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));
    const dialog = await screen.findByRole('dialog', { name: 'Before this leaves your computer' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(saveTextFile).not.toHaveBeenCalled();
    expect(bundleExports()).toHaveLength(0);
  });
});

describe('a session shared live', () => {
  it('warns, without blocking, about what the club’s server receives, and follows changes', async () => {
    changeStoredSession(fixture, (session) => {
      session.sync = {
        status: 'connected',
        serverUrl: 'wss://club.example.org',
        hasToken: true,
        problem: null,
      };
      session.discussionText = 'Mrs Jane Doe on our ward stopped it after a week.';
    });
    await renderSession();
    expect((await screen.findByText(/^Shared live with your club’s server/u)).textContent).toBe(
      'Shared live with your club’s server: 1 possible patient identifier — “Mrs Jane Doe”.',
    );
    expect(
      screen.getAllByRole('status').some((status) => status.textContent?.includes('Mrs Jane Doe')),
    ).toBe(true);

    changeStoredSession(fixture, (session) => {
      session.bottomLine = 'Discussed with John Smith, MRN 12345678.';
    });
    act(() =>
      fixture.backend.emit(channelOf('club', 'onDidChangeSession'), {
        sessionId: fixture.session.sessionId,
        update: '',
      }),
    );
    await waitFor(() =>
      expect(screen.getByText(/^Shared live with your club’s server/u).textContent).toBe(
        'Shared live with your club’s server: 3 possible patient identifiers — “Mrs Jane Doe”, “John Smith”, “12345678”.',
      ),
    );
  });

  it('says nothing while the club has no server', async () => {
    changeStoredSession(fixture, (session) => {
      session.discussionText = 'Mrs Jane Doe on our ward stopped it after a week.';
    });
    await renderSession();
    expect(screen.queryByText(/Shared live/u)).toBeNull();
    expect(
      fixture.backend.calls.filter((call) => call.channel === channelOf('club', 'privacyFindings')),
    ).toHaveLength(0);
  });
});

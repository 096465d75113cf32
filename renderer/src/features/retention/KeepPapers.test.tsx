// @vitest-environment jsdom
// "Keep papers…" as a user meets it: the retention settings, "Apply now" and what it removed,
// feeds with their own rule, and the news of a run made in the background.
import type { FeedSummary } from '@shared/contract';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeepPapers } from './KeepPapers';
import {
  backgroundRun,
  createFakeRetentionClient,
  fakeRetention,
  type FakeRetention,
} from './testing/fakeRetentionService';
import { emulateModalDialogs } from '../../testing/jsdomWindow';

configure({ asyncUtilTimeout: 15_000 });

beforeEach(emulateModalDialogs);
afterEach(cleanup);

function feed(id: string, title: string, kind: FeedSummary['kind'] = 'feed'): FeedSummary {
  return {
    id,
    kind,
    url: `https://${id}.example/rss`,
    title,
    siteUrl: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    lastFetchedAt: null,
    lastError: null,
    itemCount: 10,
    unreadCount: 2,
    folder: [],
    tags: [],
    refreshIntervalMinutes: 60,
    nextRefreshAt: null,
    consecutiveFailures: 0,
    keepImages: false,
  };
}

const FEEDS = [
  feed('nejm', 'NEJM'),
  feed('news', 'Ward news'),
  feed('local:my-papers', 'My papers', 'local'),
];

let fake: FakeRetention;
let changes: number;
let news: string[];

beforeEach(() => {
  fake = fakeRetention({ feedIds: ['nejm', 'news'], removes: 4 });
  changes = 0;
  news = [];
});

function renderKeepPapers() {
  const client = createFakeRetentionClient(fake);
  const user = userEvent.setup();
  render(
    <KeepPapers
      retention={client.retention}
      feeds={FEEDS}
      onLibraryChanged={() => changes++}
      onNews={(message) => news.push(message)}
    />,
  );
  return { user, client };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Keep papers…' }));
  const dialog = screen.getByRole('dialog', { name: 'Keep papers' });
  // The policy has loaded once the choice shows it.
  await within(dialog).findByRole('combobox', { name: 'Remove read items' });
  return dialog;
}

function setPolicyCalls() {
  return fake.calls.filter((call) => call.channel === 'app:retention.setPolicy').map((c) => c.args);
}

describe('Keep papers dialog', () => {
  it('starts with retention off, and says so when applied', async () => {
    const { user } = renderKeepPapers();
    const dialog = await openDialog(user);

    const choice = within(dialog).getByRole('combobox', { name: 'Remove read items' });
    expect((choice as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'Never: keep every item',
    );
    expect(
      within(dialog).getByText(/Unread, starred, annotated, imported and discussed/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Apply now' }));

    expect(await within(dialog).findByRole('status')).toHaveProperty(
      'textContent',
      'Nothing was removed: retention is off, so Rounds keeps every item.',
    );
    expect(changes).toBe(0);
  });

  it('saves a policy, applies it, says what was removed, and shows it as the last run', async () => {
    const { user } = renderKeepPapers();
    const dialog = await openDialog(user);

    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Remove read items' }),
      'Older than 30 days',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply now' }));

    const said =
      'Removed 4 read items older than 30 days from 1 feed; starred, annotated, imported and discussed papers were kept.';
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe(said));
    expect(setPolicyCalls()).toEqual([{ olderThanDays: 30, feeds: [] }]);
    expect(changes).toBe(1);
    const lastRun = within(dialog).getByRole('region', { name: 'Last run' });
    expect(lastRun.textContent).toContain(said);
    expect(lastRun.textContent).toContain('Kept: 2 starred, 1 annotated, 0 imported, 0 discussed.');
  });

  it('gives a feed a rule of its own, and takes it away again', async () => {
    const { user } = renderKeepPapers();
    const dialog = await openDialog(user);
    const adding = within(dialog).getByRole('combobox', { name: 'Feed' });
    // "My papers" is never offered: its papers are never removed.
    expect(within(adding).queryByRole('option', { name: 'My papers' })).toBeNull();

    await user.selectOptions(adding, 'Ward news');
    await user.click(within(dialog).getByRole('button', { name: 'Add rule' }));
    const rules = within(dialog).getByRole('list', { name: 'Feeds with their own rule' });
    await user.selectOptions(
      within(rules).getByRole('combobox', { name: 'Ward news' }),
      'Older than 90 days',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Saved.'));
    expect(setPolicyCalls()).toEqual([
      { olderThanDays: null, feeds: [{ feedId: 'news', olderThanDays: 90 }] },
    ]);

    await user.click(within(rules).getByRole('button', { name: 'Remove the rule for Ward news' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(setPolicyCalls()).toHaveLength(2));
    expect(setPolicyCalls()[1]).toEqual({ olderThanDays: null, feeds: [] });
  });

  it('shows why a policy was refused, and keeps what the user chose', async () => {
    // A rule for a feed unsubscribed meanwhile, in another window.
    fake.state.policy = { olderThanDays: 90, feeds: [{ feedId: 'nejm', olderThanDays: null }] };
    fake.feedIds = ['news'];
    const { user } = renderKeepPapers();
    const dialog = await openDialog(user);
    const choice = within(dialog).getByRole('combobox', { name: 'Remove read items' });

    await user.selectOptions(choice, 'Older than 30 days');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'That feed is no longer in your library.',
    );
    expect((choice as HTMLSelectElement).value).toBe('30');
    expect(fake.state.policy.olderThanDays).toBe(90);
  });

  it('tells the news of a background run once, whether it happens now or happened before', async () => {
    fake.state.lastRun = backgroundRun({ at: '2026-05-31T03:00:00.000Z', removed: 5 });
    const { client } = renderKeepPapers();

    await waitFor(() => expect(news).toHaveLength(1));
    expect(news[0]).toBe(
      'Removed 5 read items older than 90 days from 2 feeds; starred, annotated, imported and discussed papers were kept.',
    );
    await waitFor(() => expect(fake.state.lastRun?.acknowledged).toBe(true));

    act(() => client.expire(backgroundRun({ removed: 1240, feeds: 12 })));
    await waitFor(() => expect(news).toHaveLength(2));
    expect(news[1]).toBe(
      'Removed 1,240 read items older than 90 days from 12 feeds; starred, annotated, imported and discussed papers were kept.',
    );
    expect(changes).toBe(1);
    await waitFor(() => expect(fake.state.lastRun?.acknowledged).toBe(true));
  });
});

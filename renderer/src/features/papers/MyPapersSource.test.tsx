// @vitest-environment jsdom
// "My papers" in the sources pane: its own place and mark, and none of a feed's actions.
import type { FeedSummary } from '@shared/contract';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ItemSource } from '../library/ItemSource';
import { SourcesPane } from '../feeds/SourcesPane';
import { sampleFeed } from '../../testing/fakeBackend';
import { myPapersFeed } from './testing/fakePapersService';

afterEach(cleanup);

function renderPane(feeds: FeedSummary[], selected: ItemSource) {
  const ignore = () => undefined;
  render(
    <SourcesPane
      feeds={feeds}
      feedsStatus="ready"
      feedsError={null}
      totals={{ all: 0, unread: 0, starred: 0 }}
      selected={selected}
      refresh={{ running: false, lastRun: null }}
      now={new Date('2024-05-01T12:00:00.000Z')}
      transfer={null}
      onSelect={ignore}
      onAddFeed={ignore}
      onRefreshAll={ignore}
      onRefreshFeed={ignore}
      onCancelRefresh={ignore}
      onOpenSettings={ignore}
      onUnsubscribe={ignore}
      onRetry={ignore}
    />,
  );
  return screen.getByRole('navigation', { name: 'Sources' });
}

const MY_PAPERS = { ...myPapersFeed(), unreadCount: 4 };

describe('My papers in the sources pane', () => {
  it('is listed on its own with its mark, not among the feeds', () => {
    const pane = renderPane([MY_PAPERS, sampleFeed({ title: 'NEJM' })], {
      kind: 'view',
      view: 'all',
    });
    const mine = within(pane).getByRole('list', { name: 'Papers you added' });
    const button = within(mine).getByRole('button', { name: 'My papers' });
    expect(button.querySelector('.source-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(button).toHaveProperty('textContent', expect.stringContaining('4'));
    const feeds = within(pane).getByRole('list', { name: 'Feeds' });
    expect(within(feeds).queryByRole('button', { name: 'My papers' })).toBeNull();
    expect(within(feeds).getByRole('button', { name: 'NEJM' })).toBeTruthy();
  });

  it('offers no refresh, settings or unsubscribe when selected', () => {
    const pane = renderPane([MY_PAPERS, sampleFeed()], { kind: 'feed', feedId: MY_PAPERS.id });
    expect(
      within(pane).getByRole('button', { name: 'My papers' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(within(pane).queryByRole('group', { name: /^Actions for/ })).toBeNull();
    expect(within(pane).queryByRole('button', { name: 'Unsubscribe' })).toBeNull();
    expect(within(pane).queryByRole('button', { name: 'Refresh feed' })).toBeNull();
  });

  it('counts as no feed: "No feeds yet" and nothing to refresh when it is the only source', () => {
    const pane = renderPane([MY_PAPERS], { kind: 'view', view: 'all' });
    expect(within(pane).getByText('No feeds yet')).toBeTruthy();
    expect(within(pane).getByRole('button', { name: 'Refresh all' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});

// @vitest-environment jsdom
import type { FeedSummary } from '@shared/contract';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleFeed } from '../../testing/fakeBackend';
import type { RefreshState } from './useRefreshProgress';
import { SourcesPane } from './SourcesPane';

afterEach(cleanup);

const INVISIBLE_CONTROLS =
  /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/;

function renderPane(
  feeds: FeedSummary[],
  refresh: RefreshState = { running: false, lastRun: null },
) {
  const ignore = () => undefined;
  render(
    <SourcesPane
      feeds={feeds}
      feedsStatus="ready"
      feedsError={null}
      totals={{ all: 0, unread: 0, starred: 0 }}
      selected={{ kind: 'view', view: 'all' }}
      refresh={refresh}
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

describe('SourcesPane', () => {
  it('names feeds and folders without invisible controls, each name isolated', () => {
    const pane = renderPane([
      sampleFeed({ id: 'f1', title: 'Safe \u202Egpj.exe', folder: ['Cardio\u200Blogy'] }),
      sampleFeed({ id: 'f2', title: '\u2067مجلة الطب\u2069' }),
    ]);

    expect(within(pane).getByRole('button', { name: 'Safe gpj.exe' })).toBeTruthy();
    // jsdom's name computation trims the hidden " folder" span, so the space may be missing.
    expect(within(pane).getByRole('button', { name: /^Cardiology ?folder$/ })).toBeTruthy();
    const isolated = [...pane.querySelectorAll('bdi')].map((element) => element.textContent);
    expect(isolated).toEqual(expect.arrayContaining(['Safe gpj.exe', 'Cardiology', 'مجلة الطب']));
    expect(pane.textContent).not.toMatch(INVISIBLE_CONTROLS);
  });

  it('names the feed being refreshed without invisible controls', () => {
    const pane = renderPane([sampleFeed({ id: 'f1', title: 'NEJM\u202E' })], {
      running: true,
      done: null,
      total: null,
      feedId: 'f1',
      cancelling: false,
      lastRun: null,
    });

    expect(pane.textContent).toContain('Refreshing “NEJM”…');
    expect(pane.textContent).not.toMatch(INVISIBLE_CONTROLS);
  });
});

// @vitest-environment jsdom
// "Mark all read" from the list header: the menu's choices reach the backend with the list's
// scope, the toast says what happened, and its Undo takes back exactly that marking.
import type { Api } from '@shared/contract';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToastAction } from '../../ui/useToasts';
import type { ItemQuery } from './ItemSource';
import { MarkAllReadMenu } from './MarkAllReadMenu';
import { useMarkAllRead } from './useMarkAllRead';

type Library = Pick<Api['library'], 'markAllRead' | 'undoMarkAllRead'>;

/** A library that records its calls and marks as many items as it is told. */
function recordingLibrary(marked: number) {
  const calls: unknown[] = [];
  const library: Library = {
    markAllRead: async (args) => {
      calls.push(['mark', args]);
      return { ok: true, value: { marked, undoToken: marked > 0 ? 'token-7' : null } };
    },
    undoMarkAllRead: async (args) => {
      calls.push(['undo', args]);
      return { ok: true, value: { restored: marked } };
    },
  };
  return { library, calls };
}

function Harness({ library, query }: { library: Library; query: ItemQuery }) {
  const [news, setNews] = useState<{ message: string; action?: ToastAction }[]>([]);
  const [changes, setChanges] = useState(0);
  const markAll = useMarkAllRead({
    library,
    query,
    onChanged: () => setChanges((count) => count + 1),
    onNews: (message, action) => setNews((shown) => [...shown, { message, action }]),
    onFailure: (message) => setNews((shown) => [...shown, { message }]),
  });
  return (
    <>
      <MarkAllReadMenu enabled={!markAll.busy} onMark={(age) => void markAll.markAllRead(age)} />
      <p data-testid="changes">{changes}</p>
      {news.map(({ message, action }) => (
        <div key={message}>
          <p>{message}</p>
          {action ? (
            <button type="button" onClick={action.run}>
              {action.label}
            </button>
          ) : null}
        </div>
      ))}
    </>
  );
}

afterEach(cleanup);

describe('MarkAllReadMenu with useMarkAllRead', () => {
  it('marks a feed’s items older than a week, says how many, and undoes exactly that', async () => {
    const user = userEvent.setup();
    const { library, calls } = recordingLibrary(1_240);
    render(<Harness library={library} query={{ feedId: 'feed-1', filter: 'all' }} />);

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await user.click(screen.getByRole('menuitem', { name: 'Older than a week' }));

    expect(await screen.findByText('1,240 items older than a week marked as read.')).toBeTruthy();
    expect(calls).toEqual([['mark', { feedId: 'feed-1', filter: 'all', olderThan: 'week' }]]);
    expect(screen.getByTestId('changes').textContent).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('1,240 items marked unread again.')).toBeTruthy();
    expect(calls.at(-1)).toEqual(['undo', { undoToken: 'token-7' }]);
    expect(screen.getByTestId('changes').textContent).toBe('2');
  });

  it('passes a search on, and offers no undo when nothing was unread', async () => {
    const user = userEvent.setup();
    const { library, calls } = recordingLibrary(0);
    render(<Harness library={library} query={{ filter: 'unread', query: 'sepsis' }} />);

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await user.click(screen.getByRole('menuitem', { name: 'All in this list' }));

    expect(await screen.findByText('There are no unread items in this list.')).toBeTruthy();
    expect(calls).toEqual([['mark', { filter: 'unread', query: 'sepsis' }]]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByTestId('changes').textContent).toBe('0');
  });

  it('moves through its menu with the arrow keys and closes with Escape, focus back on the button', async () => {
    const user = userEvent.setup();
    const { library } = recordingLibrary(3);
    render(<Harness library={library} query={{ filter: 'all' }} />);
    const button = screen.getByRole('button', { name: 'Mark all read' });

    await user.click(button);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'All in this list' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Older than a day' }));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(
      screen.getByRole('menuitem', { name: 'Older than a week' }),
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});

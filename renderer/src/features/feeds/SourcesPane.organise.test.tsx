// @vitest-environment jsdom
import { fail, ok, type FeedSummary, type FolderChange, type Result } from '@shared/contract';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFeed } from '../../testing/fakeBackend';
import type { ItemSource } from '../library/ItemSource';
import { FEED_DRAG_TYPE } from './feedDrag';
import { SourcesPane, type SourcesBackend } from './SourcesPane';
import { emulateModalDialogs } from '../../testing/jsdomWindow';

afterEach(() => {
  cleanup();
  // Folders closed in one test would stay closed in the next.
  window.localStorage.clear();
});

beforeEach(emulateModalDialogs);

const FEEDS: FeedSummary[] = [
  sampleFeed({
    id: 'nejm',
    title: 'NEJM',
    folder: ['Cardiology'],
    unreadCount: 3,
    tags: ['Trials'],
  }),
  sampleFeed({ id: 'pubmed', title: 'PubMed: SGLT2', folder: ['Cardiology'], unreadCount: 2 }),
  sampleFeed({ id: 'bmj', title: 'BMJ', unreadCount: 1, tags: ['trials'] }),
];

/** What the pane asked the backend, and what it answers. */
function fakeBackend(calls: string[]): SourcesBackend {
  return {
    library: {
      // The library counts the paper both Cardiology feeds carry once: 4 unread, not 5.
      list: async (args) => {
        calls.push(`list ${JSON.stringify(args.folder ?? args.tag ?? null)} ${args.filter}`);
        const total = args.folder ? 4 : args.tag ? 3 : 0;
        return ok({ items: [], total, offset: 0 });
      },
    },
    feeds: {
      renameFolder: async ({ folder, name, merge }) => {
        calls.push(`rename ${folder.join('/')} to ${name}${merge ? ' (merge)' : ''}`);
        if (name === 'Preprints' && !merge) {
          return fail(
            'duplicate',
            'There is already a folder called “Preprints” here. Choose another name, or merge the two folders.',
          );
        }
        return ok<FolderChange>({ folder: [name], moved: 2 });
      },
      deleteFolder: async ({ folder }) => {
        calls.push(`delete ${folder.join('/')}`);
        return ok<FolderChange>({ folder: [], moved: 2 });
      },
    },
    app: { showContextMenu: async () => ok({ native: false }) },
  };
}

function Pane({ calls, moves }: { calls: string[]; moves: string[] }) {
  const [selected, setSelected] = useState<ItemSource>({ kind: 'view', view: 'all' });
  const ignore = () => undefined;
  return (
    <>
      <output aria-label="Selected">{JSON.stringify(selected)}</output>
      <SourcesPane
        feeds={FEEDS}
        feedsStatus="ready"
        feedsError={null}
        totals={{ all: 10, unread: 6, starred: 0 }}
        selected={selected}
        refresh={{ running: false, lastRun: null }}
        now={new Date('2024-05-01T12:00:00.000Z')}
        transfer={null}
        onSelect={setSelected}
        onAddFeed={ignore}
        onRefreshAll={ignore}
        onRefreshFeed={(feed) => calls.push(`refresh ${feed.id}`)}
        onCancelRefresh={ignore}
        onOpenSettings={ignore}
        onUnsubscribe={ignore}
        onRetry={ignore}
        backend={fakeBackend(calls)}
        onMoveFeed={async (feed, folder): Promise<Result<FeedSummary, string>> => {
          moves.push(`${feed.id} to ${folder.join('/') || 'top level'}`);
          return ok({ ...feed, folder });
        }}
        onFeedsChanged={() => undefined}
      />
    </>
  );
}

const selected = () =>
  JSON.parse(screen.getByRole('status', { name: 'Selected' }).textContent ?? '');
const sources = () => screen.getByRole('navigation', { name: 'Sources' });

describe('SourcesPane folders and tags', () => {
  it('lists a folder’s items when it is clicked, with the library’s unread count beside it', async () => {
    const user = userEvent.setup();
    render(<Pane calls={[]} moves={[]} />);
    const folder = within(sources()).getByRole('button', { name: /^Cardiology ?folder$/ });

    // 3 + 2 from the feeds at first, then the library's own count.
    await waitFor(() => expect(folder).toHaveProperty('textContent', expect.stringContaining('4')));
    expect(folder.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(folder);
    expect(selected()).toEqual({ kind: 'folder', path: ['Cardiology'] });
    expect(folder.getAttribute('aria-current')).toBe('page');

    // The triangle beside it opens and closes it without changing what is listed.
    const toggle = within(sources()).getByRole('button', { name: 'Cardiology folder contents' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(selected()).toEqual({ kind: 'folder', path: ['Cardiology'] });
  });

  it('lists tags in their own section, one per tag whatever its case', async () => {
    const user = userEvent.setup();
    render(<Pane calls={[]} moves={[]} />);
    const tags = within(sources()).getByRole('list', { name: 'Tags' });
    const tag = within(tags).getByRole('button', { name: /^Trials ?tag$/ });
    await user.click(tag);
    expect(selected()).toEqual({ kind: 'tag', tag: 'Trials' });
  });

  it('renames a folder from its menu, asking before merging it into another', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    render(<Pane calls={calls} moves={[]} />);
    const folder = within(sources()).getByRole('button', { name: /^Cardiology ?folder$/ });
    await user.click(folder);
    folder.focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu', { name: 'Actions for the folder Cardiology' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Rename…' }));

    const dialog = screen.getByRole('dialog', { name: 'Rename folder' });
    const name = within(dialog).getByRole('textbox', { name: 'Folder name' });
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Give the folder a name.');

    await user.type(name, 'Preprints');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/already a folder/);
    await user.click(within(dialog).getByRole('button', { name: 'Merge the two folders' }));

    await waitFor(() => expect(selected()).toEqual({ kind: 'folder', path: ['Preprints'] }));
    expect(calls.filter((call) => call.startsWith('rename'))).toEqual([
      'rename Cardiology to Preprints',
      'rename Cardiology to Preprints (merge)',
    ]);
  });

  it('confirms deleting a folder, saying nothing is unsubscribed', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    render(<Pane calls={calls} moves={[]} />);
    fireEvent.contextMenu(within(sources()).getByRole('button', { name: /^Cardiology ?folder$/ }), {
      clientX: 20,
      clientY: 30,
    });
    await user.click(await screen.findByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the folder “Cardiology”?' });
    expect(dialog.textContent).toContain(
      'Its 2 feeds move to the top level, with any folders inside it. Nothing is unsubscribed',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete folder' }));
    await waitFor(() => expect(calls).toContain('delete Cardiology'));
  });

  it('refreshes a feed from its menu', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    render(<Pane calls={calls} moves={[]} />);
    fireEvent.contextMenu(within(sources()).getByRole('button', { name: 'BMJ' }));
    const menu = await screen.findByRole('menu', { name: 'Actions for BMJ' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Refresh', 'Mark all as read', 'Settings…', 'Move to folder…', 'Unsubscribe…']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Refresh' }));
    expect(calls).toContain('refresh bmj');
  });

  it('files a feed dropped on a folder there, and one dropped on “Feeds” at the top level', async () => {
    const moves: string[] = [];
    render(<Pane calls={[]} moves={moves} />);
    const data = new Map<string, string>();
    const dataTransfer = {
      types: [FEED_DRAG_TYPE],
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    const bmj = within(sources()).getByRole('button', { name: 'BMJ' });
    expect(bmj.getAttribute('draggable')).toBe('true');
    fireEvent.dragStart(bmj, { dataTransfer });
    const folder = within(sources()).getByRole('button', { name: /^Cardiology ?folder$/ });
    fireEvent.dragOver(folder, { dataTransfer });
    fireEvent.drop(folder, { dataTransfer });

    fireEvent.dragStart(within(sources()).getByRole('button', { name: 'NEJM' }), { dataTransfer });
    fireEvent.drop(within(sources()).getByRole('heading', { name: 'Feeds' }), { dataTransfer });

    await waitFor(() => expect(moves).toEqual(['bmj to Cardiology', 'nejm to top level']));
  });

  it('moves a feed to a folder from the keyboard with “Move to folder…”', async () => {
    const user = userEvent.setup();
    const moves: string[] = [];
    render(<Pane calls={[]} moves={moves} />);
    within(sources()).getByRole('button', { name: 'BMJ' }).focus();
    await user.keyboard('{ContextMenu}');
    await user.click(await screen.findByRole('menuitem', { name: 'Move to folder…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move “BMJ”' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Or a new folder' }),
      'Journals / Weekly',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(moves).toEqual(['bmj to Journals/Weekly']));
  });
});

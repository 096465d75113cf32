// @vitest-environment jsdom
import type { ItemSummary } from '@shared/contract';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../../testing/fakeBackend';
import { ItemContextMenu } from './ItemContextMenu';

afterEach(cleanup);

const TRIAL = sampleItem({
  id: 'trial',
  title: 'Colchicine after myocardial infarction',
  link: 'https://journal.example.org/colchicine',
  paperIds: { doi: '10.1056/nejmoa1912388', pmid: null, arxiv: null },
});
const NEWS = sampleItem({ id: 'news', title: 'Ward news', link: null });

/** The list as the window draws it: a listbox of rows placed by aria-posinset. */
function List({ marked }: { marked: string[] }) {
  const rows: ItemSummary[] = [TRIAL, NEWS];
  return (
    <ItemContextMenu
      items={{ itemAt: (index) => rows[index] }}
      flags={{
        flagsOf: (item) => ({ read: item.id === 'news', starred: false }),
        setRead: async (item, read) => void marked.push(`${item.id} read=${read}`),
        setStarred: async (item, starred) => void marked.push(`${item.id} starred=${starred}`),
      }}
      onNews={() => undefined}
      onFailure={() => undefined}
    >
      <div role="listbox" aria-label="Items" tabIndex={0} aria-activedescendant="row-1">
        {rows.map((item, index) => (
          <div
            key={item.id}
            id={`row-${index}`}
            role="option"
            aria-selected={index === 1}
            aria-posinset={index + 1}
            aria-setsize={rows.length}
          >
            {item.title}
          </div>
        ))}
      </div>
    </ItemContextMenu>
  );
}

describe('ItemContextMenu', () => {
  it('opens on a right click on a row, with what can be done to that item', async () => {
    const user = userEvent.setup();
    const marked: string[] = [];
    render(<List marked={marked} />);
    fireEvent.contextMenu(screen.getByRole('option', { name: TRIAL.title }), {
      clientX: 30,
      clientY: 40,
    });
    const menu = screen.getByRole('menu', { name: `Actions for ${TRIAL.title}` });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Open in browser', 'Mark as read', 'Star', 'Copy link', 'Copy DOI']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Star' }));
    expect(marked).toEqual(['trial starred=true']);
  });

  it('opens on Shift+F10 for the selected row, leaving out what the item lacks', async () => {
    const user = userEvent.setup();
    const marked: string[] = [];
    render(<List marked={marked} />);
    screen.getByRole('listbox', { name: 'Items' }).focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Actions for Ward news' });
    for (const name of ['Open in browser', 'Copy link', 'Copy DOI']) {
      expect(within(menu).getByRole('menuitem', { name }).getAttribute('aria-disabled')).toBe(
        'true',
      );
    }
    // The first item it can do has the focus.
    expect(document.activeElement).toBe(
      within(menu).getByRole('menuitem', { name: 'Mark as unread' }),
    );
    await user.keyboard('{Enter}');
    expect(marked).toEqual(['news read=false']);
    expect(document.activeElement).toBe(screen.getByRole('listbox', { name: 'Items' }));
  });
});

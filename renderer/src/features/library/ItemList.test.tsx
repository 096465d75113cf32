// @vitest-environment jsdom
import type { ItemSummary } from '@shared/contract';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { giveListboxesHeight } from '../../testing/listboxViewport';
import { sampleItem } from '../../testing/fakeBackend';
import type { FlaggedItem, ItemFlags } from './ItemFlagStore';
import { ITEM_ROW_HEIGHT, ItemList } from './ItemList';
import type * as ItemRowModule from './ItemRow';
import type { ItemList as ItemListData } from './useItems';

// Which rows rendered, told by the real ItemRow itself: a row that did not change must not
// render again, since a row costs date formatting and a dozen elements.
const renderedRows = vi.hoisted(() => [] as number[]);
vi.mock('./ItemRow', async (importOriginal) => {
  const real = await importOriginal<typeof ItemRowModule>();
  return {
    ItemRow: (props: Parameters<typeof real.ItemRow>[0]) => {
      renderedRows.push(props.index);
      return real.ItemRow(props);
    },
  };
});

const ROWS_IN_VIEW = 6;
giveListboxesHeight(ROWS_IN_VIEW * ITEM_ROW_HEIGHT);
afterEach(cleanup);
beforeEach(() => {
  renderedRows.length = 0;
});

const NOW = new Date('2024-05-02T12:00:00.000Z');
const TOTAL = 1_000;
const library: ItemSummary[] = Array.from({ length: TOTAL }, (_, index) =>
  sampleItem({ id: `item-${index}`, title: `Paper ${index}` }),
);

/** The list's data with the first `loaded` rows arrived. */
function loadedItems(loaded: number): ItemListData {
  return {
    total: TOTAL,
    error: null,
    itemAt: (index) => (index < loaded ? library[index] : undefined),
    indexOf: (id) => library.findIndex((item) => item.id === id),
    requestRows: () => undefined,
    loadItemAt: (index) => Promise.resolve(library[index]),
    setMembership: () => undefined,
    reload: () => Promise.resolve(),
  };
}

interface ListState {
  items: ItemListData;
  readIds: ReadonlySet<string>;
  selectedIndex: number;
  onSelect: (index: number) => void;
}

function listElement({ items, readIds, selectedIndex, onSelect }: ListState) {
  // As in the app, each render brings a new flagsOf and new handlers.
  const flagsOf = (item: FlaggedItem): ItemFlags => ({
    read: readIds.has(item.id),
    starred: false,
  });
  return (
    <>
      <h2 id="items-heading">All items</h2>
      <ItemList
        items={items}
        total={TOTAL}
        labelledBy="items-heading"
        selectedId={selectedIndex >= 0 ? `item-${selectedIndex}` : null}
        selectedIndex={selectedIndex}
        flagsOf={flagsOf}
        feedTitleOf={() => 'NEJM'}
        now={NOW}
        onSelect={(index) => onSelect(index)}
        onOpen={() => undefined}
      />
    </>
  );
}

function renderList(initial: Partial<ListState> = {}) {
  let state: ListState = {
    items: loadedItems(TOTAL),
    readIds: new Set(),
    selectedIndex: -1,
    onSelect: () => undefined,
    ...initial,
  };
  const view = render(listElement(state));
  const update = (change: Partial<ListState>) => {
    state = { ...state, ...change };
    renderedRows.length = 0;
    view.rerender(listElement(state));
  };
  return { update };
}

function row(title: string): HTMLElement {
  return screen.getByRole('option', { name: new RegExp(`^${title},`) });
}

describe('ItemList', () => {
  it('renders again only the row an item was marked read in', () => {
    const { update } = renderList();

    update({ readIds: new Set(['item-2']) });

    expect(renderedRows).toEqual([2]);
    expect(row('Paper 2').getAttribute('aria-label')).not.toMatch(/unread/);
    expect(row('Paper 3').getAttribute('aria-label')).toMatch(/unread$/);
  });

  it('renders only the rows a newly arrived page fills', () => {
    const { update } = renderList({ items: loadedItems(ROWS_IN_VIEW) });
    const placeholders = screen.getByRole('listbox').querySelectorAll('.is-placeholder').length;
    expect(placeholders).toBeGreaterThan(0);

    update({ items: loadedItems(TOTAL) });

    expect(renderedRows).toEqual(
      Array.from({ length: placeholders }, (_, offset) => ROWS_IN_VIEW + offset),
    );
    expect(row(`Paper ${ROWS_IN_VIEW}`)).toBeTruthy();
  });

  it('renders again only the rows the selection left and reached, and reports clicks to the latest handler', async () => {
    const selected: number[] = [];
    const { update } = renderList({ selectedIndex: 1 });

    update({ selectedIndex: 4, onSelect: (index) => selected.push(index) });
    expect(renderedRows.sort((a, b) => a - b)).toEqual([1, 4]);
    expect(row('Paper 4').getAttribute('aria-selected')).toBe('true');

    await userEvent.click(row('Paper 3'));
    expect(selected).toEqual([3]);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CSSProperties } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { giveListboxesHeight } from '../testing/listboxViewport';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 50;
const VIEWPORT_HEIGHT = 500;
const OVERSCAN = 2;

giveListboxesHeight(VIEWPORT_HEIGHT);
afterEach(cleanup);

/** A list of `itemCount` rows that records which rows it was asked to render. */
function renderList(itemCount: number) {
  const rendered: number[] = [];
  const renderRow = (index: number, style: CSSProperties) => {
    rendered.push(index);
    return (
      <div role="option" aria-selected={false} style={style}>
        Row {index}
      </div>
    );
  };
  const view = render(
    <VirtualList
      role="listbox"
      aria-label="Rows"
      itemCount={itemCount}
      rowHeight={ROW_HEIGHT}
      overscan={OVERSCAN}
      renderRow={renderRow}
    />,
  );
  const list = screen.getByRole('listbox');
  const scrollTo = (scrollTop: number) => {
    list.scrollTop = scrollTop;
    fireEvent.scroll(list);
  };
  const shownRows = () => screen.getAllByRole('option').map((row) => row.textContent);
  return { rendered, scrollTo, shownRows, rerender: view.rerender, renderRow };
}

describe('VirtualList', () => {
  it('puts in the DOM only the rows in view and a few either side', () => {
    const { shownRows } = renderList(100_000);

    const rowsInView = VIEWPORT_HEIGHT / ROW_HEIGHT;
    expect(shownRows()).toHaveLength(rowsInView + OVERSCAN);
    expect(shownRows()[0]).toBe('Row 0');
  });

  it('renders no row again when a scroll stays within the rows already rendered', () => {
    const { rendered, scrollTo, shownRows } = renderList(100_000);
    scrollTo(10 * ROW_HEIGHT + 10);
    const before = shownRows();
    rendered.length = 0;

    scrollTo(10 * ROW_HEIGHT + 30);

    expect(rendered).toEqual([]);
    expect(shownRows()).toEqual(before);
  });

  it('renders only the rows that come into view as the list scrolls', () => {
    const { rendered, scrollTo, shownRows } = renderList(100_000);
    scrollTo(10 * ROW_HEIGHT);
    rendered.length = 0;

    scrollTo(11 * ROW_HEIGHT);

    const lastInView = 11 + VIEWPORT_HEIGHT / ROW_HEIGHT + OVERSCAN - 1;
    expect(rendered).toEqual([lastInView]);
    expect(shownRows().at(-1)).toBe(`Row ${lastInView}`);
    expect(shownRows()[0]).toBe(`Row ${11 - OVERSCAN}`);
  });

  it('renders every row again when it is given a new way to render them', () => {
    const { rendered, rerender, shownRows } = renderList(1_000);
    rendered.length = 0;

    rerender(
      <VirtualList
        role="listbox"
        aria-label="Rows"
        itemCount={1_000}
        rowHeight={ROW_HEIGHT}
        overscan={OVERSCAN}
        renderRow={(index, style) => (
          <div role="option" aria-selected={false} style={style}>
            Updated {index}
          </div>
        )}
      />,
    );

    expect(shownRows()[0]).toBe('Updated 0');
    expect(shownRows()).toHaveLength(VIEWPORT_HEIGHT / ROW_HEIGHT + OVERSCAN);
  });
});

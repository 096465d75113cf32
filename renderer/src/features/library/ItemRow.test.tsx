// @vitest-environment jsdom
import type { ItemSummary } from '@shared/contract';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../../testing/fakeBackend';
import { ItemRow } from './ItemRow';

afterEach(cleanup);

const NOW = new Date('2024-05-01T12:00:00.000Z');

function renderRow(
  item: Partial<ItemSummary> = {},
  { read = false, starred = false, feedTitle = 'NEJM' } = {},
) {
  const selected: number[] = [];
  const opened: number[] = [];
  render(
    <div role="listbox" aria-label="Items">
      <ItemRow
        id="row-0"
        item={sampleItem(item)}
        flags={{ read, starred }}
        feedTitle={feedTitle}
        index={0}
        total={1}
        selected={false}
        now={NOW}
        style={{}}
        onSelect={(index) => selected.push(index)}
        onOpen={(index) => opened.push(index)}
      />
    </div>,
  );
  return { row: screen.getByRole('option'), selected, opened };
}

describe('ItemRow', () => {
  it('shows the title, the feed and the date, and names itself title first', () => {
    const { row } = renderRow({ title: 'Early antibiotics in sepsis' });

    expect(row.textContent).toContain('Early antibiotics in sepsis');
    expect(row.textContent).toContain('NEJM');
    expect(row.querySelector('time')?.getAttribute('dateTime')).toBe('2024-05-01T06:00:00.000Z');
    expect(row.getAttribute('aria-label')).toMatch(
      /^Early antibiotics in sepsis, NEJM, .+, unread$/,
    );
  });

  it('names its parts in the order it shows them: title, feed, reach, date', () => {
    const { row } = renderRow({
      title: 'Finerenone in HFpEF',
      discussedBy: 2,
      sources: [
        { itemId: 'a', feedId: 'f1', feedTitle: 'NEJM', link: null },
        { itemId: 'b', feedId: 'f2', feedTitle: 'PubMed', link: null },
      ],
    });
    const date = row.querySelector('time')?.textContent ?? '';

    expect(date).not.toBe('');
    expect(row.getAttribute('aria-label')).toBe(
      `Finerenone in HFpEF, NEJM, from 2 sources, discussed by 2 colleagues, ${date}, unread`,
    );
  });

  it('says unread and starred, and drops them once read and unstarred', () => {
    const unreadStarred = renderRow({}, { read: false, starred: true }).row;
    expect(unreadStarred.getAttribute('aria-label')).toMatch(/, unread, starred$/);
    expect(unreadStarred.textContent).toContain('★');
    cleanup();

    const readRow = renderRow({}, { read: true, starred: false }).row;
    expect(readRow.getAttribute('aria-label')).not.toMatch(/unread|starred/);
    expect(readRow.textContent).not.toContain('★');
  });

  it('shows how many feeds carry the paper and how many colleagues discuss it', () => {
    const { row } = renderRow({
      sources: [
        { itemId: 'a', feedId: 'f1', feedTitle: 'NEJM', link: null },
        { itemId: 'b', feedId: 'f2', feedTitle: 'PubMed', link: null },
        { itemId: 'c', feedId: 'f3', feedTitle: 'Medscape', link: null },
      ],
      discussedBy: 2,
    });

    expect(row.textContent).toContain('from 3 sources');
    expect(row.textContent).toContain('Discussed by 2 colleagues');
    expect(row.getAttribute('aria-label')).toContain('from 3 sources, discussed by 2 colleagues');
  });

  it('shows no reach for a paper from one feed that nobody discusses', () => {
    const { row } = renderRow({ discussedBy: 0 });

    expect(row.textContent).not.toMatch(/sources|Discussed/);
  });

  it('selects on click and opens on double click', async () => {
    const user = userEvent.setup();
    const { row, selected, opened } = renderRow();

    await user.click(row);
    await user.dblClick(row);

    expect(selected.length).toBeGreaterThan(0);
    expect(opened).toEqual([0]);
  });

  it('strips bidirectional overrides and zero-width characters from the title and feed', () => {
    const { row } = renderRow(
      { title: 'Safe paper \u202Egpj.exe\u200B' },
      { feedTitle: '\u2067Evil\u2069 \uFEFFJournal' },
    );

    expect(row.textContent).toContain('Safe paper gpj.exe');
    expect(row.textContent).toContain('Evil Journal');
    expect(row.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/);
    expect(row.getAttribute('aria-label')).toMatch(/^Safe paper gpj\.exe, Evil Journal, /);
  });

  it('isolates the title and the feed name so their direction cannot reorder the row', () => {
    const { row } = renderRow({ title: 'דו״ח מקרה' }, { feedTitle: 'مجلة الطب' });

    const isolated = [...row.querySelectorAll('bdi')].map((element) => element.textContent);
    expect(isolated).toEqual(['דו״ח מקרה', 'مجلة الطب']);
  });
});

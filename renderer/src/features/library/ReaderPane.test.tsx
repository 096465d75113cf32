// @vitest-environment jsdom
import type { ItemDetail } from '@shared/contract';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../../testing/fakeBackend';
import type { ItemState } from './useItem';
import { ReaderPane } from './ReaderPane';

afterEach(cleanup);

const NOW = new Date('2024-05-01T12:00:00.000Z');

function renderReader(state: ItemState, { read = true, starred = false } = {}) {
  const actions: string[] = [];
  render(
    <ReaderPane
      state={state}
      flagsOf={() => ({ read, starred })}
      now={NOW}
      onToggleRead={() => actions.push('toggle-read')}
      onToggleStar={() => actions.push('toggle-star')}
      onOpenItem={(id) => actions.push(`open ${id}`)}
    />,
  );
  return { reader: screen.getByRole('article', { name: 'Reader' }), actions };
}

function renderItem(item: Partial<ItemDetail>, flags?: { read?: boolean; starred?: boolean }) {
  return renderReader({ status: 'ready', item: sampleItem(item) }, flags);
}

describe('ReaderPane', () => {
  it('says what to do when nothing is selected, and why an item could not open', () => {
    renderReader({ status: 'none' });
    expect(screen.getByText('Choose an item in the list to read it here.')).toBeTruthy();
    cleanup();

    renderReader({ status: 'failed', message: 'The item no longer exists.' });
    expect(screen.getByRole('alert').textContent).toBe(
      'This item could not be opened. The item no longer exists.',
    );
  });

  it('shows the title, the feed, the authors, the journal and the sanitised content', () => {
    const { reader } = renderItem({
      title: 'Early antibiotics in sepsis',
      feedTitle: 'NEJM',
      authors: ['Ana Smith', 'Bo Lee'],
      journal: 'N Engl J Med',
      contentHtml: '<p>Mortality fell.</p><script>alert(1)</script><img src=x onerror=alert(2)>',
    });

    expect(within(reader).getByRole('heading', { level: 1 }).textContent).toBe(
      'Early antibiotics in sepsis',
    );
    expect(reader.querySelector('.reader-feed')?.textContent).toBe('NEJM');
    expect(reader.querySelector('.reader-authors')?.textContent).toBe('Ana Smith, Bo Lee');
    expect(reader.querySelector('.reader-journal')?.textContent).toBe('N Engl J Med');
    const content = reader.querySelector('.reader-content');
    expect(content?.innerHTML).toBe('<p>Mortality fell.</p>');
  });

  it('shows the short author line when the feed gives no author list', () => {
    const { reader } = renderItem({ author: 'Editorial team', authors: [] });

    expect(reader.querySelector('.reader-author')?.textContent).toBe('Editorial team');
  });

  it('warns that a preprint has not been peer reviewed', () => {
    renderItem({ paperIds: { doi: '10.1101/2024.01.01.24300001', pmid: null, arxiv: null } });

    expect(screen.getByRole('note').textContent).toBe('Preprint — not peer reviewed');
  });

  it('opens every link outside the app rather than navigating the window', () => {
    const { reader } = renderItem({
      link: 'https://www.nejm.org/doi/full/10.1056/x',
      contentHtml:
        '<p><a href="https://example.org/trial">the trial</a> ' +
        '<a href="mailto:editor@example.org">write to the editor</a></p>',
    });

    const links = within(reader).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Open in browser',
      'the trial',
      'write to the editor',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://www.nejm.org/doi/full/10.1056/x',
      'https://example.org/trial',
      'mailto:editor@example.org',
    ]);
  });

  it('offers no link for an item whose address is not a web page', () => {
    const { reader } = renderItem({ link: 'javascript:alert(1)', contentHtml: '' });

    expect(within(reader).queryByRole('link')).toBeNull();
    expect(reader.querySelector('.reader-content')?.textContent).toBe('A randomised trial.');
  });

  it('marks read and stars through its buttons, which say what they will do', async () => {
    const user = userEvent.setup();
    const { reader, actions } = renderItem({}, { read: true, starred: true });

    await user.click(within(reader).getByRole('button', { name: 'Mark as unread' }));
    await user.click(within(reader).getByRole('button', { name: /Unstar/, pressed: true }));

    expect(actions).toEqual(['toggle-read', 'toggle-star']);
  });

  it('shows feed names, authors and titles without invisible controls, each isolated', () => {
    const { reader } = renderItem({
      title: 'Safe paper \u202Egpj.exe',
      feedTitle: '\u200BNEJM\u200F',
      author: 'A.\u2066 Smith\u2069',
      authors: [],
      journal: 'N Engl\u200D J Med',
      sources: [
        { itemId: 'a', feedId: 'f1', feedTitle: 'PubMed\u202B', link: null },
        { itemId: 'b', feedId: 'f2', feedTitle: 'Medscape\u061C', link: null },
      ],
      linkedVersion: {
        relation: 'published-version',
        doi: '10.1056/y',
        itemId: null,
        title: 'Journal \u202Dversion',
      },
      discussions: [
        {
          itemId: 'post-1',
          feedTitle: 'Dr Lee\u2060',
          author: '\uFEFFDr Lee',
          excerpt: 'Worth reading.',
          link: null,
          publishedAt: null,
        },
      ],
    });

    const texts = [...reader.querySelectorAll('bdi')].map((element) => element.textContent);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Safe paper gpj.exe',
        'NEJM',
        'A. Smith',
        'N Engl J Med',
        'PubMed',
        'Medscape',
        'Journal version',
        'Dr Lee',
      ]),
    );
    expect(reader.textContent).not.toMatch(
      /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/,
    );
    expect(within(reader).getByRole('button', { name: 'Read post by Dr Lee here' })).toBeTruthy();
  });
});

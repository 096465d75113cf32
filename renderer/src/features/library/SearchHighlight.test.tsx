// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../../testing/fakeBackend';
import { ItemRow } from './ItemRow';
import { ReaderPane } from './ReaderPane';
import { SearchHighlightContext } from './SearchHighlight';

afterEach(cleanup);

const NOW = new Date('2024-05-01T12:00:00.000Z');

function marksIn(element: Element): string[] {
  return [...element.querySelectorAll('mark')].map((mark) => mark.textContent ?? '');
}

function renderReader(terms: readonly string[], contentHtml: string) {
  const item = { ...sampleItem({ title: 'Empagliflozin in Heart Failure' }), contentHtml };
  const reader = (highlight: readonly string[]) => (
    <SearchHighlightContext.Provider value={highlight}>
      <ReaderPane
        state={{
          status: 'ready',
          item: { ...item, feedTitle: 'NEJM', discussions: [], linkedVersion: null },
        }}
        flagsOf={() => ({ read: true, starred: false })}
        now={NOW}
        onToggleRead={() => undefined}
        onToggleStar={() => undefined}
        onOpenItem={() => undefined}
      />
    </SearchHighlightContext.Provider>
  );
  const view = render(reader(terms));
  return {
    article: screen.getByRole('article', { name: 'Reader' }),
    rerender: (next: readonly string[]) => view.rerender(reader(next)),
  };
}

describe('search highlighting', () => {
  it('marks the matched words of a list row’s title', () => {
    render(
      <SearchHighlightContext.Provider value={['heart failure', 'empa']}>
        <div role="listbox" aria-label="Items">
          <ItemRow
            id="row-0"
            item={sampleItem({ title: 'Empagliflozin in heart-failure' })}
            flags={{ read: false, starred: false }}
            feedTitle="NEJM"
            index={0}
            total={1}
            selected={false}
            now={NOW}
            style={{}}
            onSelect={() => undefined}
            onOpen={() => undefined}
          />
        </div>
      </SearchHighlightContext.Provider>,
    );

    const title = screen.getByRole('option').querySelector('.item-row-title');
    expect(title?.textContent).toBe('Empagliflozin in heart-failure');
    expect(marksIn(title as Element)).toEqual(['Empa', 'heart-failure']);
  });

  it('marks words in the reader’s title and content text, never turning text into markup', () => {
    const { article, rerender } = renderReader(
      ['heart', 'img'],
      '<p>Heart <em>failure</em> &lt;img src=x onerror=alert(1)&gt; in the heart.</p>',
    );

    const content = article.querySelector('.reader-content') as Element;
    expect(marksIn(article.querySelector('h1') as Element)).toEqual(['Heart']);
    expect(marksIn(content)).toEqual(['Heart', 'img', 'heart']);
    expect(content.querySelector('img')).toBeNull();
    expect(content.textContent).toBe('Heart failure <img src=x onerror=alert(1)> in the heart.');

    rerender(['failure']);
    expect(marksIn(content)).toEqual(['failure']);
    expect(content.textContent).toBe('Heart failure <img src=x onerror=alert(1)> in the heart.');
  });
});

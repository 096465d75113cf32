// @vitest-environment jsdom
// Highlighting in the reader, as a user does it, over the fake backend's annotations service:
// what is painted over the paper, what the sidebar lists, and what the backend keeps.
import type { ItemDetail } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBackend, sampleItem, type FakeLibrary } from '../../testing/fakeBackend';
import { ReaderPane } from '../library/ReaderPane';
import { SearchHighlightContext } from '../library/SearchHighlight';

configure({ asyncUtilTimeout: 15_000 });

// jsdom lays nothing out; Lexical asks ranges for their geometry.
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const CONTENT =
  '<p>Early heparin reduced death at 90 days.</p>' +
  '<p>Major bleeding was <em>similar</em> in both groups.</p>';

let library: FakeLibrary;
let item: ItemDetail;

beforeEach(() => {
  item = sampleItem({ id: 'item-1', title: 'Heparin in sepsis', contentHtml: CONTENT });
  library = { feeds: [], items: [item] };
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  document.getSelection()?.removeAllRanges();
});

function renderReader(searchTerms: readonly string[] = []) {
  const backend = createFakeBackend(library);
  const view = render(
    <SearchHighlightContext.Provider value={searchTerms}>
      <ReaderPane
        state={{ status: 'ready', item }}
        flagsOf={() => ({ read: true, starred: false })}
        now={new Date('2024-05-01T12:00:00.000Z')}
        onToggleRead={() => undefined}
        onToggleStar={() => undefined}
        onOpenItem={() => undefined}
        annotations={backend.api.annotations}
      />
    </SearchHighlightContext.Provider>,
  );
  const content = () => view.container.querySelector<HTMLElement>('.reader-content')!;
  const sidebar = () => screen.getByRole('complementary', { name: 'Highlights and notes' });
  return { backend, view, content, sidebar };
}

/** Selects `words` in the paper's text, as dragging over them does, and lets the reader see it. */
function selectWords(root: HTMLElement, words: string) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    act(() => {
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    return;
  }
  throw new Error(`"${words}" is not in one text node of the content`);
}

function marks(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('mark.highlight')];
}

function storedHighlight(overrides: Partial<Annotation>): Annotation {
  return {
    id: '7b0e8a52-8f0e-4c55-9a43-2b1f3f2b6a10',
    itemId: 'item-1',
    source: 'https://www.nejm.org/doi/full/10.1056/item-1',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'death at 90 days',
        prefix: 'heparin reduced ',
        suffix: '.',
      },
      position: { type: 'TextPositionSelector', start: 22, end: 38 },
      page: null,
    },
    colour: 'red',
    note: '',
    noteId: null,
    tags: [],
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('highlighting in the reader', () => {
  it('paints a selection in the chosen colour, labelled with its meaning, and keeps it', async () => {
    const first = renderReader();
    await within(first.sidebar()).findByText(/Select words in the paper/);

    selectWords(first.content(), 'reduced death');
    const toolbar = await screen.findByRole('toolbar', { name: 'Highlight selection' });
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Methods concern' }));

    await waitFor(() => expect(marks(first.content())).toHaveLength(1));
    const [mark] = marks(first.content());
    expect(mark!.textContent).toBe('reduced death');
    expect(mark!.className).toBe('highlight highlight--red');
    expect(mark!.getAttribute('aria-description')).toBe('Highlight: Methods concern');
    expect(library.annotations?.annotations.map((a) => a.selectors.quote.exact)).toEqual([
      'reduced death',
    ]);
    expect(within(first.sidebar()).getByRole('button', { name: 'reduced death' })).toBeTruthy();

    // Opened again: fetched from the backend and painted on the same words.
    first.view.unmount();
    const second = renderReader();
    await waitFor(() =>
      expect(marks(second.content()).map((m) => m.textContent)).toEqual(['reduced death']),
    );
  });

  it('highlights from the keyboard through the reader toolbar’s Highlight button', async () => {
    const user = userEvent.setup();
    const { content } = renderReader();
    const button = await screen.findByRole('button', { name: 'Highlight' });
    expect(button.getAttribute('aria-disabled')).toBe('true');

    selectWords(content(), 'Major bleeding');
    expect(button.getAttribute('aria-disabled')).toBe('false');
    button.focus();
    await user.keyboard('{Enter}');
    const picker = screen.getByRole('toolbar', { name: 'Highlight colour' });
    expect(document.activeElement).toBe(
      within(picker).getByRole('button', { name: 'Key finding' }),
    );
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');

    await waitFor(() => expect(marks(content())).toHaveLength(1));
    expect(marks(content())[0]!.className).toBe('highlight highlight--blue');
    expect(marks(content())[0]!.textContent).toBe('Major bleeding');
  });

  it('paints highlights after the search words without losing them', async () => {
    library.annotations = {
      annotations: [storedHighlight({})],
      notes: [],
      meaningEdits: {},
    };
    const { content } = renderReader(['death', 'bleeding']);
    // One mark inside the search word's mark, one after it: together the highlighted words.
    await waitFor(() =>
      expect(marks(content()).map((mark) => mark.textContent)).toEqual(['death', ' at 90 days']),
    );
    expect(
      [...content().querySelectorAll('mark.search-hit')].map((mark) => mark.textContent),
    ).toEqual(['death', 'bleeding']);
  });

  it('lists a highlight whose words left the text as not found, with its note', async () => {
    library.annotations = {
      annotations: [
        storedHighlight({
          selectors: {
            quote: {
              type: 'TextQuoteSelector',
              exact: 'mortality at one year was unchanged',
              prefix: 'In the extension cohort, ',
              suffix: ' overall.',
            },
            position: { type: 'TextPositionSelector', start: 400, end: 435 },
            page: null,
          },
          note: 'Check the appendix.',
        }),
      ],
      notes: [],
      meaningEdits: {},
    };
    const { content, sidebar } = renderReader();
    const orphans = await within(sidebar()).findByRole('list', { name: 'Not found in the text' });
    expect(within(orphans).getByText('mortality at one year was unchanged')).toBeTruthy();
    expect(within(orphans).getByText(/text changed/)).toBeTruthy();
    expect(within(orphans).getByText('Check the appendix.')).toBeTruthy();
    expect(marks(content())).toHaveLength(0);
  });

  it('deletes a highlight, taking its mark away, and puts it back on Undo', async () => {
    const user = userEvent.setup();
    library.annotations = { annotations: [storedHighlight({})], notes: [], meaningEdits: {} };
    const { content, sidebar } = renderReader();
    await waitFor(() => expect(marks(content())).toHaveLength(1));

    await user.click(within(sidebar()).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(marks(content())).toHaveLength(0));
    expect(library.annotations.annotations).toEqual([]);

    const undo = within(sidebar())
      .getByText('Highlight deleted.')
      .closest<HTMLElement>('[role=status]')!;
    expect(undo.textContent).toContain('Highlight deleted.');
    await user.click(within(undo).getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(marks(content()).map((m) => m.textContent)).toEqual(['death at 90 days']),
    );
    expect(library.annotations.annotations.map((a) => a.id)).toEqual([storedHighlight({}).id]);
  });

  it('shows the colours’ meanings and renames one everywhere', async () => {
    const user = userEvent.setup();
    library.annotations = { annotations: [storedHighlight({})], notes: [], meaningEdits: {} };
    const { content, sidebar } = renderReader();
    await waitFor(() => expect(marks(content())).toHaveLength(1));

    await user.click(within(sidebar()).getByText('Colour meanings'));
    const red = within(sidebar()).getByRole('textbox', { name: 'Red' });
    await user.clear(red);
    await user.type(red, 'Bias risk');
    await user.click(within(sidebar()).getByRole('button', { name: 'Save meanings' }));

    await waitFor(() =>
      expect(marks(content())[0]!.getAttribute('aria-description')).toBe('Highlight: Bias risk'),
    );
    expect(within(sidebar()).getByRole('heading', { name: 'Bias risk' })).toBeTruthy();
    expect(library.annotations.meaningEdits.red).toBe('Bias risk');
  });

  it('tags the whole paper, tidied and kept, from its field in the sidebar', async () => {
    const user = userEvent.setup();
    const { sidebar } = renderReader();
    const section = await waitFor(() =>
      within(sidebar()).getByRole('region', { name: 'Tags on this paper' }),
    );

    const field = within(section).getByRole('textbox', { name: 'Tags' });
    await user.type(field, ' journal club, To teach,journal CLUB{Enter}');

    await waitFor(() =>
      expect(
        within(section)
          .getAllByRole('listitem')
          .map((tag) => tag.textContent),
      ).toEqual(['journal club', 'To teach']),
    );
    expect(library.annotations?.paperTags).toEqual({ 'item-1': ['journal club', 'To teach'] });
    expect((field as HTMLInputElement).value).toBe('journal club, To teach');
  });
});

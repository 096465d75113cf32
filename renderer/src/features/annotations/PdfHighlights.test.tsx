// @vitest-environment jsdom
// Highlighting a paper's PDF in the reader, as a user does it, over the fake backend's annotations
// service: words selected on a page become a highlight on that page of that file, painted on the
// page's text layer and listed with the PDF's highlights, apart from the article's.
import type { ItemDetail } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { buildPageText } from '@shared/domain/pdf/buildPageText';
import { describeTextRange } from '@shared/domain/annotations/selectors';
import {
  act,
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { $createTextNode, $getRoot, $isElementNode, getNearestEditorFromDOMNode } from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, sampleItem, type FakeLibrary } from '../../testing/fakeBackend';
import { ItemReader } from '../library/ItemReader';
import { fakePdfBytes, type FakePdf } from '../pdf/testing/FakePdfViewer';
import { linesOf } from '../pdf/testing/drawTextLayer';

configure({ asyncUtilTimeout: 15_000 });

// pdf.js draws on canvas, which jsdom lacks: a viewer that draws text layers as pdf.js does.
vi.mock('../pdf/PdfViewer', async () => ({
  PdfViewer: (await import('../pdf/testing/FakePdfViewer')).FakePdfViewer,
}));

// jsdom lays nothing out; Lexical asks ranges for their geometry.
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const HASH = 'e'.repeat(64);
const FILE_SOURCE = `urn:sha256:${HASH}`;
const PAGES = [
  linesOf('Heparin in septic shock', 'A pilot trial'),
  linesOf('Methods. We randomly assigned 40 adults', 'with septic shock to heparin or usual care.'),
  linesOf('Safety. Major bleeding occurred in 2 patients.'),
];
const pageText = (pageNumber: number) => buildPageText(PAGES[pageNumber - 1]!).text;

let library: FakeLibrary;
let item: ItemDetail;
let shownPdf: FakePdf;

beforeEach(() => {
  item = sampleItem({
    id: 'paper-1',
    title: 'Heparin in septic shock',
    contentHtml: '<p>Abstract. Heparin reduced organ failure.</p>',
    pdf: { hash: HASH, fileName: 'pilot.pdf', pageCount: 3 },
  });
  library = { feeds: [], items: [item] };
  shownPdf = { pages: PAGES, drawn: [1, 2] };
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  document.getSelection()?.removeAllRanges();
});

function renderReader() {
  const backend = createFakeBackend(library);
  const ignore = () => undefined;
  const view = render(
    <ItemReader
      item={item}
      flags={{ read: true, starred: false }}
      now={new Date('2024-05-01T12:00:00.000Z')}
      onToggleRead={ignore}
      onToggleStar={ignore}
      onOpenItem={ignore}
      annotations={backend.api.annotations}
      loadPdf={async () => fakePdfBytes(shownPdf)}
    />,
  );
  const sidebar = () => screen.getByRole('complementary', { name: 'Highlights and notes' });
  const page = (pageNumber: number) =>
    view.container.querySelector<HTMLElement>(`.pdf-page[data-page="${pageNumber}"]`)!;
  return { backend, view, sidebar, page };
}

async function pdfShown(): Promise<void> {
  await screen.findByRole('region', { name: 'Heparin in septic shock' });
}

function marksOn(page: HTMLElement): HTMLElement[] {
  return [...page.querySelectorAll<HTMLElement>('.textLayer mark.highlight')];
}

/** Selects `words` on a drawn page's text layer, as dragging over them does. */
function selectOnPage(page: HTMLElement, words: string) {
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
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
  throw new Error(`"${words}" is not in one text run of the page`);
}

let ids = 0;
function storedOnPage(pageNumber: number, words: string, text = pageText(pageNumber)): Annotation {
  const start = text.indexOf(words);
  ids += 1;
  return {
    id: `6f1d2c3b-4a5e-4f60-8a7b-${String(ids).padStart(12, '0')}`,
    itemId: 'paper-1',
    source: FILE_SOURCE,
    selectors: describeTextRange(text, start, start + words.length, { pageNumber })!,
    colour: 'yellow',
    note: '',
    noteId: null,
    tags: [],
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
  };
}

function onArticle(words: string): Annotation {
  const text = 'Abstract. Heparin reduced organ failure.';
  const start = text.indexOf(words);
  return {
    ...storedOnPage(1, 'Heparin'),
    id: '0a1b2c3d-4e5f-4a6b-8c7d-000000000099',
    source: 'https://www.nejm.org/doi/full/10.1056/paper-1',
    selectors: describeTextRange(text, start, start + words.length)!,
  };
}

describe('highlights on a PDF’s pages', () => {
  it('highlights words selected on a page, as a highlight on that page of that file', async () => {
    const { sidebar, page } = renderReader();
    await pdfShown();
    await within(sidebar()).findByText(/Select words in the paper/);

    selectOnPage(page(2), '40 adults');
    const toolbar = await screen.findByRole('toolbar', { name: 'Highlight selection' });
    expect(page(2).closest('.pdf-pages')?.contains(toolbar)).toBe(true);
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Key finding' }));

    await waitFor(() =>
      expect(marksOn(page(2)).map((mark) => mark.textContent)).toEqual(['40 adults']),
    );
    expect(marksOn(page(2))[0]!.getAttribute('aria-description')).toBe('Highlight: Key finding');
    expect(marksOn(page(1))).toEqual([]);
    const start = pageText(2).indexOf('40 adults');
    expect(library.annotations?.annotations).toMatchObject([
      {
        itemId: 'paper-1',
        source: FILE_SOURCE,
        colour: 'yellow',
        selectors: {
          page: { type: 'FragmentSelector', value: 'page=2' },
          quote: { exact: '40 adults', prefix: 'Methods. We randomly assigned ' },
          position: { start, end: start + '40 adults'.length },
        },
      },
    ]);
    const card = within(sidebar()).getByRole('listitem');
    expect(card.textContent).toContain('p. 2');
    expect(screen.queryByRole('toolbar', { name: 'Highlight selection' })).toBeNull();
  });

  it('highlights from the keyboard through the reader toolbar’s Highlight button', async () => {
    const user = userEvent.setup();
    const { page } = renderReader();
    await pdfShown();
    const button = await screen.findByRole('button', { name: 'Highlight' });
    expect(button.getAttribute('aria-disabled')).toBe('true');

    selectOnPage(page(1), 'A pilot trial');
    expect(button.getAttribute('aria-disabled')).toBe('false');
    button.focus();
    await user.keyboard('{Enter}{ArrowRight}{Enter}');

    await waitFor(() =>
      expect(marksOn(page(1)).map((mark) => mark.className)).toEqual(['highlight highlight--red']),
    );
    expect(library.annotations?.annotations[0]?.selectors.page?.value).toBe('page=1');
  });

  it('lists the PDF’s highlights with the PDF, and the article’s with the article', async () => {
    const user = userEvent.setup();
    library.annotations = {
      annotations: [onArticle('organ failure'), storedOnPage(3, 'Major bleeding')],
      notes: [],
      meaningEdits: {},
    };
    const { sidebar, view } = renderReader();
    await pdfShown();

    const highlights = await within(sidebar()).findByRole('region', { name: 'Highlights' });
    await within(highlights).findByRole('button', { name: 'Major bleeding' });
    expect(within(highlights).queryByText('organ failure')).toBeNull();
    expect(within(highlights).getByRole('heading', { name: 'Highlights (1)' })).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Article' }));
    await within(highlights).findByRole('button', { name: 'organ failure' });
    expect(within(highlights).queryByText('Major bleeding')).toBeNull();
    expect(
      [...view.container.querySelectorAll('.reader-content mark.highlight')].map(
        (m) => m.textContent,
      ),
    ).toEqual(['organ failure']);
  });

  it('reads the text of a page not drawn yet, and shows a highlight there from the sidebar', async () => {
    const user = userEvent.setup();
    library.annotations = {
      annotations: [storedOnPage(3, 'Major bleeding'), storedOnPage(2, 'usual care')],
      notes: [],
      meaningEdits: {},
    };
    const { sidebar, page } = renderReader();
    await pdfShown();
    await waitFor(() => expect(marksOn(page(2))).toHaveLength(1));
    expect(page(3).querySelector('.textLayer')).toBeNull();

    // In reading order: page 2, then page 3.
    await user.click(within(sidebar()).getByRole('button', { name: 'Reading order' }));
    const list = within(sidebar()).getByRole('list', { name: 'In reading order' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((card) => card.querySelector('.annotation-card-page')?.textContent),
    ).toEqual(['p. 2', 'p. 3']);

    await user.click(within(list).getByRole('button', { name: 'Major bleeding' }));

    await screen.findByText('Went to page 3');
    await waitFor(() =>
      expect(marksOn(page(3)).map((mark) => mark.textContent)).toEqual(['Major bleeding']),
    );
    expect(marksOn(page(3))[0]!.classList.contains('highlight--flash')).toBe(true);
  });

  it('keeps a highlight whose words are not on its page, as not found, and paints nothing', async () => {
    const older = 'Methods. We randomly assigned 60 adults in 2019 to enoxaparin or placebo.';
    library.annotations = {
      annotations: [{ ...storedOnPage(2, 'enoxaparin or placebo', older), note: 'Old version.' }],
      notes: [],
      meaningEdits: {},
    };
    const { sidebar, page } = renderReader();
    await pdfShown();

    const orphans = await within(sidebar()).findByRole('list', { name: 'Not found in the text' });
    expect(within(orphans).getByText('enoxaparin or placebo')).toBeTruthy();
    expect(
      within(orphans).getByText('These words are not found on page 2 of the PDF.'),
    ).toBeTruthy();
    expect(within(orphans).getByText('Old version.')).toBeTruthy();
    expect(marksOn(page(2))).toEqual([]);
  });

  it('paints a page’s highlights again when the page is drawn anew at another zoom', async () => {
    const user = userEvent.setup();
    library.annotations = {
      annotations: [storedOnPage(2, 'septic shock')],
      notes: [],
      meaningEdits: {},
    };
    const { page } = renderReader();
    await pdfShown();
    await waitFor(() => expect(marksOn(page(2))).toHaveLength(1));
    const before = page(2).querySelector('.textLayer');

    await user.click(screen.getByRole('button', { name: 'Zoom in' }));

    await waitFor(() => expect(page(2).querySelector('.textLayer')).not.toBe(before));
    await waitFor(() =>
      expect(marksOn(page(2)).map((mark) => mark.textContent)).toEqual(['septic shock']),
    );
  });

  it('opens a highlight’s card when its mark is clicked, and keeps a note written there', async () => {
    const user = userEvent.setup();
    const highlight = storedOnPage(2, 'usual care');
    library.annotations = { annotations: [highlight], notes: [], meaningEdits: {} };
    const { sidebar, page } = renderReader();
    await pdfShown();
    await waitFor(() => expect(marksOn(page(2))).toHaveLength(1));

    await user.click(marksOn(page(2))[0]!);

    const textbox = await within(sidebar()).findByRole('textbox', { name: 'Note on highlight' });
    const editor = getNearestEditorFromDOMNode(textbox)!;
    act(() => {
      editor.update(
        () => {
          const paragraph = $getRoot().getFirstChild();
          if ($isElementNode(paragraph)) paragraph.append($createTextNode('Open-label design.'));
        },
        { discrete: true },
      );
    });
    fireEvent.focusOut(textbox);

    await waitFor(() =>
      expect(
        library.annotations?.notes.map((note) => [note.annotationId, note.envelope.plainText]),
      ).toEqual([[highlight.id, 'Open-label design.']]),
    );
    expect(library.annotations?.annotations[0]?.note).toBe('Open-label design.');
  });
});

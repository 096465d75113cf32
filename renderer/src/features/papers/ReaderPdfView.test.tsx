// @vitest-environment jsdom
// The reader's PDF view: a tab beside the article for a paper with a PDF, the PDF fetched by its
// hash, and the view last used remembered per paper.
import type { ItemDetail } from '@shared/contract';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleItem } from '../../testing/fakeBackend';
import { ItemReader } from '../library/ItemReader';

// pdf.js draws on canvas, which jsdom lacks; the viewer has tests of its own and the journey
// renders real pages. Here it says what it was given.
vi.mock('../pdf/PdfViewer', () => ({
  PdfViewer: ({ data, title }: { data: ArrayBuffer; title: string }) => (
    <section aria-label={title}>PDF of {data.byteLength} bytes</section>
  ),
}));

const PDF = { hash: 'e'.repeat(64), fileName: 'heparin.pdf', pageCount: 3 };
const NOW = new Date('2024-05-01T12:00:00.000Z');

let fetched: string[];
const loadPdf = async (hash: string) => {
  fetched.push(hash);
  return new ArrayBuffer(1234);
};

beforeEach(() => {
  fetched = [];
  window.localStorage.clear();
});
afterEach(cleanup);

function renderReader(item: ItemDetail) {
  const ignore = () => undefined;
  return render(
    <ItemReader
      item={item}
      flags={{ read: true, starred: false }}
      now={NOW}
      onToggleRead={ignore}
      onToggleStar={ignore}
      onOpenItem={ignore}
      loadPdf={loadPdf}
    />,
  );
}

const paper = sampleItem({
  id: 'paper-1',
  title: 'Heparin in sepsis',
  contentHtml: '<p>Abstract of the trial.</p>',
  pdf: PDF,
});

describe('the reader’s PDF view', () => {
  it('shows no tabs for an item without a PDF', () => {
    renderReader(sampleItem());
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByText('A randomised trial.')).toBeTruthy();
  });

  it('opens a paper with a PDF on its PDF, fetched by hash, and switches to the article', async () => {
    const user = userEvent.setup();
    renderReader(paper);
    const pdfTab = screen.getByRole('tab', { name: 'PDF' });
    expect(pdfTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'PDF' });
    expect(await within(panel).findByRole('region', { name: 'Heparin in sepsis' })).toHaveProperty(
      'textContent',
      'PDF of 1234 bytes',
    );
    expect(fetched).toEqual([PDF.hash]);
    expect(screen.getByText('Abstract of the trial.').closest('[hidden]')).not.toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Article' }));
    expect(screen.getByRole('tabpanel', { name: 'Article' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Heparin in sepsis' })).toBeNull();
    expect(screen.getByText('Abstract of the trial.').closest('[hidden]')).toBeNull();
  });

  it('remembers per paper which view was last used', async () => {
    const user = userEvent.setup();
    const { unmount } = renderReader(paper);
    await user.click(screen.getByRole('tab', { name: 'Article' }));
    unmount();

    renderReader(paper);
    expect(screen.getByRole('tab', { name: 'Article' }).getAttribute('aria-selected')).toBe('true');
    cleanup();

    renderReader({ ...paper, id: 'paper-2' });
    expect(screen.getByRole('tab', { name: 'PDF' }).getAttribute('aria-selected')).toBe('true');
  });

  it('says so when the PDF cannot be fetched', async () => {
    const ignore = () => undefined;
    render(
      <ItemReader
        item={paper}
        flags={{ read: true, starred: false }}
        now={NOW}
        onToggleRead={ignore}
        onToggleStar={ignore}
        onOpenItem={ignore}
        loadPdf={() => Promise.reject(new Error('This PDF is no longer in your library’s folder.'))}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This PDF is no longer in your library’s folder.',
    );
  });
});

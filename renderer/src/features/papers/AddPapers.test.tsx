// @vitest-environment jsdom
// "Add papers" as a user meets it: the dialog's three ways in, files dropped on the window, and
// DOIs settled once Rounds is online, over the real contract client and an in-memory backend.
import { channelOf } from '@shared/contract';
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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBackend, type FakeBackend, type FakeLibrary } from '../../testing/fakeBackend';
import { AddPapers } from './AddPapers';
import { emulateModalDialogs } from '../../testing/jsdomWindow';

configure({ asyncUtilTimeout: 15_000 });

beforeEach(emulateModalDialogs);

const BIBTEX = `
@article{smith2024,
  title = {Early heparin in septic shock},
  author = {Smith, Anna},
  year = {2024}
}
@article{broken2023,
  author = {Nobody, Known},
  year = {2023}
}
@article{jones2022,
  title = {Vitamin C in sepsis},
  year = {2022}
}`;

const PDF_TEXT = '%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n';

let library: FakeLibrary;
let backend: FakeBackend;
let changes: number;
let news: string[];
let failures: string[];

beforeEach(() => {
  library = { feeds: [], items: [] };
  backend = createFakeBackend(library);
  changes = 0;
  news = [];
  failures = [];
});
afterEach(cleanup);

function renderAddPapers() {
  const user = userEvent.setup();
  render(
    <AddPapers
      papers={backend.api.papers}
      onLibraryChanged={() => changes++}
      onNews={(message) => news.push(message)}
      onFailure={(message) => failures.push(message)}
    />,
  );
  return user;
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Add papers…' }));
  return screen.getByRole('dialog', { name: 'Add papers' });
}

function file(name: string, text: string, type = '') {
  return new File([text], name, { type });
}

/** A drag of files over the window, as the browser reports it. */
function dataTransferOf(files: File[]) {
  return { types: ['Files'], files, dropEffect: 'none' };
}

describe('Add papers dialog', () => {
  it('imports a BibTeX file and shows the format, what was added, already there, and each problem', async () => {
    const user = renderAddPapers();
    const dialog = await openDialog(user);

    await user.upload(
      within(dialog).getByLabelText('BibTeX or RIS file'),
      file('library.bib', BIBTEX),
    );

    const outcomes = await within(dialog).findByRole('list', { name: 'Papers added' });
    expect(outcomes.textContent).toContain(
      '“library.bib” (BibTeX): 2 papers added, 0 already there, 1 could not be read.',
    );
    const problems = within(outcomes).getByRole('list', { name: 'Entries not imported' });
    expect(problems.textContent).toBe('broken2023: This entry has no title.');
    expect(library.items.map((item) => item.title)).toEqual([
      'Vitamin C in sepsis',
      'Early heparin in septic shock',
    ]);
    expect(library.feeds.map((feed) => [feed.title, feed.kind])).toEqual([['My papers', 'local']]);
    expect(changes).toBe(1);

    // The same file again adds nothing and says so.
    await user.upload(
      within(dialog).getByLabelText('BibTeX or RIS file'),
      file('library.bib', BIBTEX),
    );
    await waitFor(() =>
      expect(outcomes.textContent).toContain(
        '“library.bib” (BibTeX): 0 papers added, 2 already there, 1 could not be read.',
      ),
    );
    expect(changes).toBe(1);
  });

  it('adds a DOI found at Crossref, and one saved until Rounds is online', async () => {
    library.papers = {
      crossref: { '10.1056/found': { title: 'A found paper' } },
      pdfBytes: new Map(),
    };
    const user = renderAddPapers();
    const dialog = await openDialog(user);
    const field = within(dialog).getByRole('textbox', { name: 'DOI' });

    await user.type(field, '10.1056/found');
    await user.click(within(dialog).getByRole('button', { name: 'Add DOI' }));
    expect(
      await within(dialog).findByText('DOI 10.1056/found: found, and added to My papers.'),
    ).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('');

    await user.type(field, '10.1056/offline{Enter}');
    expect(
      await within(dialog).findByText(
        'DOI 10.1056/offline: saved — details will be fetched when you are online.',
      ),
    ).toBeTruthy();
    expect(library.items.map((item) => item.title)).toEqual([
      'DOI 10.1056/offline',
      'A found paper',
    ]);
  });

  it('shows why a DOI was refused and keeps what was typed', async () => {
    const user = renderAddPapers();
    const dialog = await openDialog(user);
    const field = within(dialog).getByRole('textbox', { name: 'DOI' });
    await user.type(field, 'not a doi{Enter}');
    expect(
      await within(dialog).findByText('DOI not a doi was not added. “not a doi” is not a DOI.'),
    ).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('not a doi');
  });

  it('adds a chosen PDF and refuses a file that is not one', async () => {
    const user = renderAddPapers();
    const dialog = await openDialog(user);
    const input = within(dialog).getByLabelText('PDF file');

    await user.upload(input, file('heparin-trial.pdf', PDF_TEXT, 'application/pdf'));
    expect(
      await within(dialog).findByText(
        '“heparin-trial.pdf” (1 page): added to My papers as “heparin-trial”.',
      ),
    ).toBeTruthy();
    expect(library.items[0]?.pdf).toMatchObject({ fileName: 'heparin-trial.pdf' });

    await user.upload(input, file('fake.pdf', 'not a pdf at all', 'application/pdf'));
    expect(
      await within(dialog).findByText('“fake.pdf” was not added. “fake.pdf” is not a PDF.'),
    ).toBeTruthy();
  });

  it('takes the focus, keeps the window’s shortcuts out of it, and closes with Done', async () => {
    const user = renderAddPapers();
    const dialog = await openDialog(user);
    expect(dialog.contains(document.activeElement)).toBe(true);

    const windowKeys: string[] = [];
    const listen = (event: KeyboardEvent) => windowKeys.push(event.key);
    window.addEventListener('keydown', listen);
    await user.keyboard('j');
    window.removeEventListener('keydown', listen);
    expect(windowKeys).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog', { name: 'Add papers' })).toBeNull();
  });
});

describe('dropping files on the window', () => {
  it('shows an overlay while files are held over the window, and hides it when they leave', () => {
    renderAddPapers();
    const transfer = dataTransferOf([file('library.bib', BIBTEX)]);
    fireEvent.dragEnter(window, { dataTransfer: transfer });
    expect(screen.getByText('Drop BibTeX, RIS or PDF files to add them to My papers')).toBeTruthy();
    fireEvent.dragLeave(window, { dataTransfer: transfer });
    expect(screen.queryByText('Drop BibTeX, RIS or PDF files to add them to My papers')).toBeNull();
  });

  it('adds dropped citation files and PDFs, refuses other files with a message, and shows it all', async () => {
    renderAddPapers();
    const files = [
      file('library.bib', BIBTEX),
      file('scan.pdf', PDF_TEXT, 'application/pdf'),
      file('notes.docx', 'words'),
    ];
    const transfer = dataTransferOf(files);
    fireEvent.dragEnter(window, { dataTransfer: transfer });
    const over = fireEvent.dragOver(window, { dataTransfer: transfer });
    // Cancelled, so the browser hands the files to the page instead of opening them.
    expect(over).toBe(false);
    fireEvent.drop(window, { dataTransfer: transfer });

    const dialog = await screen.findByRole('dialog', { name: 'Add papers' });
    expect(screen.queryByText(/^Drop BibTeX/)).toBeNull();
    expect(
      await within(dialog).findByText(
        '“notes.docx” was not added. Rounds takes BibTeX (.bib), RIS (.ris) and PDF (.pdf) files.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText(/^“library.bib” \(BibTeX\): 2 papers added/)).toBeTruthy();
    expect(within(dialog).getByText(/^“scan.pdf” \(1 page\): added to My papers/)).toBeTruthy();
    expect(library.items).toHaveLength(3);
    expect(changes).toBe(1);
  });

  it('leaves drags of text alone', () => {
    renderAddPapers();
    const transfer = { types: ['text/plain'], files: [], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer: transfer });
    expect(fireEvent.dragOver(window, { dataTransfer: transfer })).toBe(true);
    expect(screen.queryByText(/^Drop BibTeX/)).toBeNull();
  });
});

describe('DOIs settled once online', () => {
  it('refreshes the library, mentions papers filled in, and reports a DOI not found once', () => {
    renderAddPapers();
    const settled = channelOf('papers', 'onPendingLookupsSettled');
    const notFound = {
      itemId: 'local-1',
      doi: '10.1/typo',
      message: 'Crossref has no paper with the DOI 10.1/typo. Check it for a typing mistake.',
    };
    act(() =>
      backend.emit(settled, {
        filled: [{ itemId: 'local-2', title: 'Heparin in sepsis' }],
        notFound: [notFound],
        stillPending: 0,
      }),
    );
    act(() => backend.emit(settled, { filled: [], notFound: [notFound], stillPending: 0 }));

    expect(changes).toBe(2);
    expect(news).toEqual(['Details fetched for “Heparin in sepsis”.']);
    expect(failures).toEqual([notFound.message]);
  });
});

// @vitest-environment jsdom
// Exporting highlights and notes through the privacy guard: nothing found saves at once; a note
// naming a patient opens the guard's dialog, and the file is saved only once each finding is kept.
import { channelOf } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, sampleItem, type FakeBackend } from '../../testing/fakeBackend';
import { setUpComponentTests } from '../../testing/jsdomWindow';
import { saveTextFile } from '../../ui/saveTextFile';
import { AnnotationTransfer } from './AnnotationTransfer';

vi.mock('../../ui/saveTextFile', () => ({ saveTextFile: vi.fn() }));

setUpComponentTests();

function highlight(note: string): Annotation {
  return {
    id: '0b7c3f6e-2a41-4f4e-9d38-5f0a4c1e2b7d',
    itemId: 'item-dapa',
    source: 'https://doi.org/10.1056/nejmoa2024816',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'reduced kidney function decline',
        prefix: '',
        suffix: '',
      },
      position: null,
      page: null,
    },
    colour: 'yellow',
    note,
    noteId: null,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

let backend: FakeBackend;

function renderWith(note: string) {
  backend = createFakeBackend({
    feeds: [],
    items: [sampleItem({ id: 'item-dapa', title: 'Dapagliflozin in CKD', authors: ['J. Smith'] })],
    annotations: { annotations: [highlight(note)], notes: [], meaningEdits: {} },
  });
  render(
    <AnnotationTransfer
      client={backend.api.annotations}
      itemId="item-dapa"
      groupBy="colour"
      onImported={() => undefined}
    />,
  );
  return userEvent.setup();
}

beforeEach(() => vi.mocked(saveTextFile).mockClear());

describe('exporting highlights and notes', () => {
  it('saves at once when the notes name only published authors', async () => {
    const user = renderWith('Smith et al. 2023 saw the same.');
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));

    await waitFor(() => expect(saveTextFile).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      'Saved highlights-dapagliflozin-in-ckd.md.',
    );
  });

  it('asks about a patient in a note and saves once both findings are kept', async () => {
    const user = renderWith('John Smith, MRN 12345678');
    await user.click(screen.getByRole('button', { name: 'Export JSON-LD' }));

    const dialog = await screen.findByRole('dialog', { name: 'Before this leaves your computer' });
    const list = within(dialog).getByRole('list', { name: 'Possible patient identifiers' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('Name “John Smith” in Your note on “reduced kidney function…”'),
      expect.stringContaining(
        'Medical record number “12345678” in Your note on “reduced kidney function…”',
      ),
    ]);
    expect(saveTextFile).not.toHaveBeenCalled();

    for (const text of ['John Smith', '12345678']) {
      await user.click(within(dialog).getByRole('button', { name: `Keep “${text}”…` }));
      await user.click(
        within(dialog).getByRole('radio', { name: 'It does not identify a patient' }),
      );
      await user.click(within(dialog).getByRole('button', { name: 'Keep' }));
    }
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    await waitFor(() => expect(saveTextFile).toHaveBeenCalledTimes(1));
    expect(vi.mocked(saveTextFile).mock.calls[0]?.[1]).toContain('John Smith, MRN 12345678');
    const exports = backend.calls.filter(
      (call) => call.channel === channelOf('annotations', 'exportWebAnnotations'),
    );
    expect(exports.map((call) => call.args.kept)).toEqual([
      [
        { type: 'name', text: 'John Smith', reason: 'not-identifying' },
        { type: 'mrn', text: '12345678', reason: 'not-identifying' },
      ],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

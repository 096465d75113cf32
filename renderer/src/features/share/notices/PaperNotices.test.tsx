// @vitest-environment jsdom
// The reader's word on a paper's fate: the user marks it retracted, the reader says so at once,
// and clearing the mark takes the warning away. Through the in-memory backend.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { createFakeBackend, sampleItem, type FakeLibrary } from '../../../testing/fakeBackend';
import { setUpComponentTests } from '../../../testing/jsdomWindow';
import { fakeShare } from '../testing/fakeShareService';
import { PaperNotices } from './PaperNotices';

setUpComponentTests();

it('marks a paper retracted, warns that its summaries are held, and clears the mark', async () => {
  const library: FakeLibrary = {
    feeds: [],
    items: [sampleItem({ id: 'item-dapa', title: 'Dapagliflozin in CKD' })],
    share: fakeShare(),
  };
  const backend = createFakeBackend(library);
  const user = userEvent.setup();
  render(<PaperNotices client={backend.api.share} itemId="item-dapa" />);

  // Nothing known: no warning, only the question.
  await user.click(await screen.findByText('Retracted or corrected?'));
  expect(screen.queryByRole('alert')).toBeNull();

  await user.selectOptions(screen.getByLabelText('What happened to this paper'), 'Retracted');
  await user.click(screen.getByRole('button', { name: 'Save mark' }));
  const warning = await screen.findByRole('alert');
  expect(within(warning).getByText(/^Retracted: you marked this paper on/u)).toBeTruthy();
  expect(warning.textContent).toContain('Summaries of this paper are held');
  expect(library.share?.paperMarks?.['item-dapa']?.kind).toBe('retracted');

  await user.selectOptions(screen.getByLabelText('What happened to this paper'), '');
  await user.click(screen.getByRole('button', { name: 'Save mark' }));
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  expect(library.share?.paperMarks?.['item-dapa']).toBeUndefined();
});

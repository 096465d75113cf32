// @vitest-environment jsdom
// The guard's stop before an export: each finding listed with where it is, each kept with a
// reason (a note required for "other"), and the export allowed only once every one is kept.
import type { ExportFinding, KeptFinding } from '@shared/domain/guard/exportGuard';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setUpComponentTests } from '../../testing/jsdomWindow';
import { ExportFindingsDialog } from './ExportFindingsDialog';

setUpComponentTests();

const WHERE = 'Your note on “reduced kidney…”';
const FINDINGS: ExportFinding[] = [
  { type: 'name', start: 0, end: 10, text: 'John Smith', where: WHERE },
  { type: 'mrn', start: 16, end: 24, text: '12345678', where: WHERE },
];

function show(onExport = vi.fn(async (_kept: KeptFinding[]) => null as string | null)) {
  const onCancel = vi.fn();
  render(
    <ExportFindingsDialog
      findings={FINDINGS}
      editWhat="the highlight or note"
      onExport={onExport}
      onCancel={onCancel}
    />,
  );
  return { onExport, onCancel, user: userEvent.setup() };
}

describe('ExportFindingsDialog', () => {
  it('lists each possible identifier with where it is, and says how to remove it instead', () => {
    show();
    const dialog = screen.getByRole('dialog', { name: 'Before this leaves your computer' });
    const list = within(dialog).getByRole('list', { name: 'Possible patient identifiers' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining(`Name “John Smith” in ${WHERE}`),
      expect.stringContaining(`Medical record number “12345678” in ${WHERE}`),
    ]);
    expect(dialog.textContent).toMatch(/edit the highlight or note instead/u);
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('exports with every finding kept and its reason, once each is kept', async () => {
    const { onExport, user } = show();

    await user.click(screen.getByRole('button', { name: 'Keep “John Smith”…' }));
    const reasons = screen.getByRole('radiogroup', { name: 'Reason' });
    await user.click(
      within(reasons).getByRole('radio', { name: 'The person consented to being named' }),
    );
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await user.click(screen.getByRole('button', { name: 'Keep “12345678”…' }));
    await user.click(screen.getByRole('radio', { name: 'Another reason (say which in the note)' }));
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      'Say in the note why this text may stay.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'A made-up teaching number');
    await user.click(screen.getByRole('button', { name: 'Keep' }));

    expect(screen.getByRole('list', { name: 'Possible patient identifiers' }).textContent).toMatch(
      'Kept: The person consented to being named',
    );
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(onExport).toHaveBeenCalledWith([
      { type: 'name', text: 'John Smith', reason: 'consented' },
      { type: 'mrn', text: '12345678', reason: 'other', note: 'A made-up teaching number' },
    ]);
  });

  it('asks for a reason before keeping, lets a decision be undone, and shows a refusal', async () => {
    const { onExport, onCancel, user } = show(
      vi.fn(
        async () => 'Not exported: 1 possible patient identifier (name “Ann Lee” in Discussion).',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Keep “John Smith”…' }));
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByRole('alert').textContent).toMatch('Choose why this text may stay.');
    await user.click(screen.getByRole('radio', { name: 'An author of published work' }));
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    await user.click(screen.getByRole('button', { name: 'Don’t keep “John Smith”' }));
    expect(screen.getByRole('button', { name: 'Keep “John Smith”…' })).toBeTruthy();

    for (const text of ['John Smith', '12345678']) {
      await user.click(screen.getByRole('button', { name: `Keep “${text}”…` }));
      await user.click(screen.getByRole('radio', { name: 'It does not identify a patient' }));
      await user.click(screen.getByRole('button', { name: 'Keep' }));
    }
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(onExport).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toMatch('“Ann Lee” in Discussion');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});

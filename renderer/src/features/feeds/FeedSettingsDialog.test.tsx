// @vitest-environment jsdom
import { ok } from '@shared/contract';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFeed } from '../../testing/fakeBackend';
import { FeedSettingsDialog } from './FeedSettingsDialog';
import type { FeedSettingsChanges } from './feedSettingsDraft';
import { emulateModalDialogs } from '../../testing/jsdomWindow';

afterEach(cleanup);

beforeEach(emulateModalDialogs);

function renderDialog(keepImages: boolean) {
  const saved: FeedSettingsChanges[] = [];
  const feed = sampleFeed({ keepImages });
  render(
    <FeedSettingsDialog
      feed={feed}
      folderPaths={[]}
      onSave={async (_id, changes) => {
        saved.push(changes);
        return ok({ ...feed, ...changes, keepImages: changes.keepImages ?? keepImages });
      }}
      onClose={() => undefined}
    />,
  );
  return saved;
}

describe('FeedSettingsDialog', () => {
  it('turns on "Save images for offline reading" for the feed', async () => {
    const saved = renderDialog(false);
    const keep = screen.getByRole('checkbox', { name: 'Save images for offline reading' });
    expect((keep as HTMLInputElement).checked).toBe(false);
    expect(keep.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(keep.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/downloads the images of this feed’s papers/);

    fireEvent.click(keep);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('button', { name: 'Save' });
    expect(saved).toEqual([{ keepImages: true }]);
  });

  it('shows the setting as it is, and turns it off', () => {
    const saved = renderDialog(true);
    const keep = screen.getByRole('checkbox', { name: 'Save images for offline reading' });
    expect((keep as HTMLInputElement).checked).toBe(true);

    fireEvent.click(keep);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(saved).toEqual([{ keepImages: false }]);
  });
});

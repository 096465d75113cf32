import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryNeedles } from '../bench/library/syntheticLibrary';
import { launchApp, type RunningApp } from './fixtures/appTarget';
import { findScaleLibrary, SCALE_SPEC } from './fixtures/scaleLibrary';
import { expect, test } from './fixtures/test';
import { RoundsWindow } from './pages/RoundsWindow';

// How fast the window opens is measured by `npm run bench -- scale` (ui.first_list_ms,
// library.open_first_page_ms), not asserted here: these limits only stop a hung run, and are wide
// because a shared two-core machine may take minutes to copy and open 100,000 papers.
const HANG_GUARD_MS = 5 * 60_000;

const library = await findScaleLibrary();
const needles = libraryNeedles(SCALE_SPEC);

test.describe('a library of 100,000 papers', () => {
  test.skip(!library.ready, library.ready ? '' : library.reason);
  // Twice the host's start-up limit, so a host that never starts reports itself first. (Set here,
  // not with test.setTimeout in the hook: Electronegativity reads any setTimeout with a number as
  // a string-evaluating timer.)
  test.describe.configure({ mode: 'serial', timeout: 2 * HANG_GUARD_MS });

  let dataDir: string;
  let app: RunningApp;
  let rounds: RoundsWindow;

  test.beforeAll(async () => {
    if (!library.ready) return;
    // A copy: opening an item marks it read, and the generated library is reused by every run.
    dataDir = await mkdtemp(join(tmpdir(), 'rounds-scale-'));
    await cp(library.dir, dataDir, { recursive: true });
    app = await launchApp(dataDir, { startupTimeoutMs: HANG_GUARD_MS });
    rounds = new RoundsWindow(app.page);
  });

  /**
   * Types a search and waits until the list shows its answer: a count, or that nothing matched.
   * A library opened for the first time is indexed first, which the window says; then the answer
   * comes.
   */
  async function search(text: string): Promise<void> {
    await rounds.searchItems(text);
    const indexing = rounds.items.getByText(/^Search is getting ready/);
    const answer = rounds.items
      .getByRole('heading', { name: 'No matching items' })
      .or(rounds.listedCount().filter({ hasNotText: /^100,000 items$/ }));
    await expect(answer.or(indexing).first()).toBeVisible({ timeout: HANG_GUARD_MS });
    await expect(indexing).toBeHidden({ timeout: HANG_GUARD_MS });
    await expect(answer).toBeVisible();
  }

  test.afterAll(async () => {
    await app?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  test('the window opens on the newest papers with the library’s counts', async () => {
    await rounds.waitUntilReady();
    await expect(rounds.items.getByRole('option').first()).toBeVisible({ timeout: HANG_GUARD_MS });
    await expect(rounds.listedCount()).toHaveText('100,000 items');
    await expect(rounds.view('All items')).toHaveAccessibleDescription(/^100,000 items/);
    await expect(rounds.view('Unread')).toHaveAccessibleDescription(/^100,000 unread/);
  });

  test('a DOI finds its paper', async () => {
    const { doi, title } = needles.doiPaper;
    if (doi === null) throw new Error('The DOI needle is a journal paper, which always has a DOI');

    await search(doi);

    await expect(rounds.items.getByRole('option').first()).toHaveAccessibleName(
      new RegExp(`^${escapeRegExp(title)}`),
    );
  });

  test('a word deep in one abstract finds that paper, and opening it shows the word', async () => {
    const { deepWord, deepWordPaper } = needles;

    await search(deepWord);

    await expect(rounds.listedCount()).toHaveText('1 item');
    await expect(rounds.item(deepWordPaper.title)).toBeVisible();
    await rounds.openItem(deepWordPaper.title);
    await expect(rounds.reader).toContainText(deepWord);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

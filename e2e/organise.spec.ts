import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';

const FEED_TITLE = 'Heart Journal Club Digest';
const COLCHICINE = 'Colchicine after myocardial infarction: five-year follow-up';
const SGLT2 = 'SGLT2 inhibitors in heart failure with preserved ejection fraction';
const AF_TRIAL = 'Early rhythm control in recent-onset atrial fibrillation: a randomised trial';

test('a clinician mutes a keyword, unmutes it, and keeps a search as a folder', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  const { rounds } = await startApp();
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/cardiology.xml'));
  await expect(rounds.item(COLCHICINE)).toBeVisible();
  await rounds.expectUnread(FEED_TITLE, 3);

  // Muting hides the item from the list and the count at once; nothing is deleted.
  await rounds.muteKeyword('colchicine');
  await expect(rounds.item(COLCHICINE)).toBeHidden();
  await expect(rounds.item(SGLT2)).toBeVisible();
  await rounds.expectUnread(FEED_TITLE, 2);
  await expect(rounds.items.getByText('1 hidden by mute rules.')).toBeVisible();
  const rules = JSON.parse(await readFile(join(dataDir, 'library', 'rules.json'), 'utf8'));
  expect(rules.muteRules).toEqual([expect.objectContaining({ text: 'colchicine' })]);

  await rounds.unmuteKeyword('colchicine');
  await expect(rounds.item(COLCHICINE)).toBeVisible();
  await rounds.expectUnread(FEED_TITLE, 3);
  await expect(rounds.items.getByText(/hidden by mute rules/)).toHaveCount(0);

  // Oldest first, then back to newest first.
  await rounds.items.getByRole('button', { name: 'Newest first' }).click();
  await expect(rounds.items.getByRole('option').first()).toHaveAccessibleName(
    new RegExp(`^${COLCHICINE}`),
  );
  await rounds.items.getByRole('button', { name: 'Oldest first' }).click();
  await expect(rounds.items.getByRole('option').first()).toHaveAccessibleName(
    new RegExp(`^${AF_TRIAL}`),
  );

  // A search narrows the list as the user types; saved, it becomes a folder of its own.
  await rounds.searchItems('SGLT2');
  await expect(rounds.item(SGLT2)).toBeVisible();
  await expect(rounds.item(COLCHICINE)).toBeHidden();
  await expect(rounds.items.getByRole('option')).toHaveCount(1);

  await rounds.saveSearch('SGLT2 trials');
  await expect(rounds.savedSearch('SGLT2 trials')).toBeVisible();
  await expect(rounds.searchField()).toHaveValue('');

  await rounds.view('All items').click();
  await expect(rounds.item(AF_TRIAL)).toBeVisible();
  await rounds.savedSearch('SGLT2 trials').click();
  await expect(rounds.items.getByRole('heading', { name: 'SGLT2 trials' })).toBeVisible();
  await expect(rounds.item(SGLT2)).toBeVisible();
  await expect(rounds.items.getByRole('option')).toHaveCount(1);
});

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';
import { documentationScreenshot } from './fixtures/documentationScreenshot';

const FEED_TITLE = 'Heart Journal Club Digest';
const AF_TRIAL = 'Early rhythm control in recent-onset atrial fibrillation: a randomised trial';

/** Every JSON document in the data folder, as text, so the test can check what is on disk. */
async function readLibraryFiles(dataDir: string): Promise<string> {
  const entries = await readdir(join(dataDir, 'library'), { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

test('a clinician subscribes, reads, stars, restarts and finds everything as it was', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  const firstRun = await startApp();
  const { app } = firstRun;
  let { rounds } = firstRun;
  await rounds.waitUntilReady();

  await rounds.addFeed(feedServer.url('/cardiology.xml'));
  await expect(rounds.feed(FEED_TITLE)).toBeVisible();
  await expect(rounds.item(AF_TRIAL)).toBeVisible();
  await expect(
    rounds.item('SGLT2 inhibitors in heart failure with preserved ejection fraction'),
  ).toBeVisible();
  await expect(
    rounds.item('Colchicine after myocardial infarction: five-year follow-up'),
  ).toBeVisible();
  await rounds.expectUnread(FEED_TITLE, 3);

  await rounds.openItem(AF_TRIAL);
  await expect(rounds.reader).toContainText('Hazard ratio 0.79 (95% CI 0.66 to 0.94).');
  // Opening an item reads it: the toggle now offers the opposite, and the unread count drops.
  await expect(rounds.readToggle()).toHaveAccessibleName('Mark as unread');
  await rounds.expectUnread(FEED_TITLE, 2);

  await rounds.readToggle().click();
  await expect(rounds.readToggle()).toHaveAccessibleName('Mark as read');
  await rounds.expectUnread(FEED_TITLE, 3);
  await rounds.readToggle().click();
  await expect(rounds.readToggle()).toHaveAccessibleName('Mark as unread');

  await rounds.starToggle().click();
  await expect(rounds.starToggle()).toHaveAccessibleName('Unstar');
  await expect(rounds.starToggle()).toHaveAttribute('aria-pressed', 'true');

  await documentationScreenshot(app.page, 'screenshot-three-panes.png');
  await app.close();

  // What was acknowledged is on disk, in the data folder, not only in a window's memory.
  const onDisk = await readLibraryFiles(dataDir);
  expect(onDisk).toContain(AF_TRIAL);
  const compact = onDisk.replace(/\s+/g, '');
  expect(compact).toContain('"read":true');
  expect(compact).toContain('"starred":true');

  ({ rounds } = await startApp());
  await rounds.waitUntilReady();
  await rounds.expectUnread(FEED_TITLE, 2);
  await rounds.view('Starred').click();
  await expect(rounds.item(AF_TRIAL)).toBeVisible();
  await expect(rounds.items.getByRole('option')).toHaveCount(1);
  await rounds.openItem(AF_TRIAL);
  await expect(rounds.readToggle()).toHaveAccessibleName('Mark as unread');
  await expect(rounds.starToggle()).toHaveAccessibleName('Unstar');
});

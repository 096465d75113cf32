import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';
import { KeepPapersDialog } from './pages/KeepPapersDialog';
import { ReaderAnnotations } from './pages/ReaderAnnotations';

const FEED_TITLE = 'Retention Trials Weekly';
const FORGOTTEN = 'Old trial of bed rest, read and forgotten';
const SKIMMED = 'Old trial of early mobilisation, read once';
const STARRED = 'Old trial of tranexamic acid, starred';
const HIGHLIGHTED = 'Old trial of steroids, highlighted';
const UNREAD = 'Old trial of antibiotics, never opened';
const FRESH = 'New trial of oxygen targets, read this week';
const BRAND_NEW = 'Newest trial of fluids, after the clean-up';
const PASSAGE = 'Mortality fell from 30 to 24 percent';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  title: string;
  slug: string;
  /** When it was published. */
  at: Date;
}

const OLD = new Date('2020-03-02T08:00:00Z');
const ENTRIES: Entry[] = [
  { title: FORGOTTEN, slug: 'bed-rest', at: OLD },
  { title: SKIMMED, slug: 'mobilisation', at: OLD },
  { title: STARRED, slug: 'tranexamic', at: OLD },
  { title: HIGHLIGHTED, slug: 'steroids', at: OLD },
  { title: UNREAD, slug: 'antibiotics', at: OLD },
  { title: FRESH, slug: 'oxygen', at: new Date(Date.now() - DAY_MS) },
];

function feed(entries: readonly Entry[]): string {
  const items = entries
    .map(
      ({ title, slug, at }) =>
        `<item><title>${title}</title><link>https://trials.example.org/${slug}</link>` +
        `<guid>https://trials.example.org/${slug}</guid><pubDate>${at.toUTCString()}</pubDate>` +
        `<description>A randomised trial.</description><content:encoded><![CDATA[` +
        `<p>Methods. Adults in intensive care were randomly assigned.</p>` +
        `<p>Results. ${PASSAGE} in the ${slug} group.</p>]]></content:encoded></item>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>' +
    `<title>${FEED_TITLE}</title><link>https://trials.example.org/</link>` +
    `<description>Trials</description>${items}</channel></rss>`
  );
}

test('old read items expire by the policy the user sets; starred and highlighted papers stay, and a refresh does not bring the others back', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  feedServer.setRoute('/retention.xml', { body: feed(ENTRIES) });
  const { app, rounds } = await startApp();
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/retention.xml'));

  // Read some old papers, star one, highlight a passage in another; one old paper stays unread.
  for (const title of [FORGOTTEN, SKIMMED, STARRED, HIGHLIGHTED, FRESH]) {
    await rounds.openItem(title);
  }
  await rounds.openItem(STARRED);
  await rounds.starToggle().click();
  await expect(rounds.starToggle()).toHaveAccessibleName('Unstar');
  await rounds.openItem(HIGHLIGHTED);
  await new ReaderAnnotations(app.page, rounds.reader).highlight(PASSAGE, 'Key finding');
  // The marks and the highlight are saved in the background: wait until the backend has them.
  await expect
    .poll(async () => {
      const counts = await app.call<{ unread: number; starred: number }>('library.counts', []);
      return counts.ok ? counts.value : null;
    })
    .toMatchObject({ unread: 1, starred: 1 });
  await expect
    .poll(async () => {
      const page = await app.call<{ items: { id: string; title: string }[] }>('library.list', [
        { filter: 'all' },
      ]);
      const highlighted = page.ok
        ? page.value.items.find((item) => item.title === HIGHLIGHTED)
        : null;
      if (!highlighted) return 0;
      const saved = await app.call<{ annotations: unknown[] }>('annotations.forItem', [
        { itemId: highlighted.id },
      ]);
      return saved.ok ? saved.value.annotations.length : 0;
    })
    .toBe(1);

  // Keep papers… → remove read items older than 30 days → Apply now.
  const keepPapers = new KeepPapersDialog(app.page, rounds.sources);
  await keepPapers.open();
  await expect(keepPapers.dialog.getByRole('combobox', { name: 'Remove read items' })).toHaveValue(
    'never',
  );
  await keepPapers.removeReadItems('Older than 30 days');
  await keepPapers.applyNow();
  await expect(keepPapers.outcome()).toHaveText(
    'Removed 2 read items older than 30 days from 1 feed; starred, annotated, imported and discussed papers were kept.',
  );
  await expect(keepPapers.dialog.getByRole('region', { name: 'Last run' })).toContainText(
    'Kept: 1 starred, 1 annotated, 0 imported, 0 discussed.',
  );
  await keepPapers.close();

  // The list no longer has the old read papers; the starred, highlighted, unread and new stay.
  await rounds.feed(FEED_TITLE).click();
  for (const title of [STARRED, HIGHLIGHTED, UNREAD, FRESH]) {
    await expect(rounds.item(title)).toBeVisible();
  }
  for (const title of [FORGOTTEN, SKIMMED]) await expect(rounds.item(title)).toHaveCount(0);
  await expect(rounds.listedCount()).toHaveText('4 items');

  // Nor does search find them.
  await rounds.searchItems('randomly assigned');
  await expect(rounds.item(STARRED)).toBeVisible({ timeout: 30_000 });
  await expect(rounds.item(HIGHLIGHTED)).toBeVisible();
  for (const title of [FORGOTTEN, SKIMMED]) await expect(rounds.item(title)).toHaveCount(0);
  await rounds.searchItems('');

  // On disk: the policy, and the two removed items recorded against their feed.
  const library = join(dataDir, 'library');
  const policy = JSON.parse(await readFile(join(library, 'retention.json'), 'utf8')) as {
    olderThanDays: number | null;
    lastRun: { removed: number } | null;
  };
  expect(policy).toMatchObject({ olderThanDays: 30, lastRun: { removed: 2 } });
  const expired = JSON.parse(await readFile(join(library, 'retention-expired.json'), 'utf8')) as {
    feeds: Record<string, string[]>;
  };
  expect(Object.values(expired.feeds).flat()).toHaveLength(2);

  // The journal publishes one more paper and still lists the old ones: a refresh brings the new
  // one only.
  feedServer.setRoute('/retention.xml', {
    body: feed([...ENTRIES, { title: BRAND_NEW, slug: 'fluids', at: new Date() }]),
  });
  await rounds.refreshAll();
  await expect(rounds.item(BRAND_NEW)).toBeVisible({ timeout: 30_000 });
  for (const title of [FORGOTTEN, SKIMMED]) await expect(rounds.item(title)).toHaveCount(0);
  await expect(rounds.listedCount()).toHaveText('5 items');
  await rounds.expectUnread(FEED_TITLE, 2);
});

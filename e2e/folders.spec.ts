import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';
import { attachScreenshot } from './fixtures/documentationScreenshot';
import { rssWithItems } from './fixtures/hostApi';

const DOI = '10.5555/dapa.2026.014';
const PAPER = 'Dapagliflozin in chronic kidney disease: the DAPA-CKD extension';
const EDITORIAL = 'Editorial: colchicine after every infarct?';
const SODIUM = 'Dapagliflozin and urinary sodium excretion';
const LATE = 'Late-breaking: finerenone in diabetic kidney disease';

function item(title: string, link: string, date: string, doi: string | null = null): string {
  return `<item><title>${title}</title><link>${link}</link><guid>${link}</guid>
    ${doi ? `<prism:doi>${doi}</prism:doi>` : ''}<pubDate>${date}</pubDate>
    <description>${title}.</description></item>`;
}

function feed(title: string, items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
  <channel><title>${title}</title><link>https://example.org/</link><description>Papers</description>
  ${items.join('\n')}
  </channel></rss>`;
}

const JOURNAL_ITEMS = [
  item(PAPER, 'https://journal.example.org/dapa-ckd', 'Mon, 23 Nov 2026 09:00:00 GMT', DOI),
  item(EDITORIAL, 'https://journal.example.org/colchicine', 'Tue, 24 Nov 2026 09:00:00 GMT'),
];
// A PubMed search carries the journal's paper too: one paper, two feeds.
const PUBMED_ITEMS = [
  item(PAPER, 'https://pubmed.ncbi.nlm.nih.gov/40000001/', 'Wed, 25 Nov 2026 09:00:00 GMT', DOI),
  item(SODIUM, 'https://pubmed.ncbi.nlm.nih.gov/40000002/', 'Thu, 26 Nov 2026 09:00:00 GMT'),
];

test('a clinician files feeds in a folder, reads it, renames it, uses menus and drops an OPML file', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  feedServer.setRoute('/journal.xml', { body: feed('Heart Journal', JOURNAL_ITEMS) });
  feedServer.setRoute('/pubmed.xml', { body: feed('PubMed: dapagliflozin', PUBMED_ITEMS) });
  feedServer.setRoute('/preprints.xml', { body: rssWithItems('Preprint Server', 2) });

  const { rounds } = await startApp();
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/journal.xml'));
  await rounds.addFeed(feedServer.url('/pubmed.xml'));
  await expect(rounds.feed('PubMed: dapagliflozin')).toBeVisible();

  // One feed goes into a new folder from its menu; the other is dragged onto that folder.
  await rounds.moveFeedToNewFolder('Heart Journal', 'Cardiology');
  await expect(rounds.folder('Cardiology')).toBeVisible();
  await rounds.feed('PubMed: dapagliflozin').dragTo(rounds.folder('Cardiology'));
  await expect(rounds.sources.getByRole('list', { name: 'Feeds' })).toHaveText(
    /Cardiology.*Heart Journal.*PubMed: dapagliflozin/s,
  );

  // The folder lists both feeds' items, the paper they share once; its count agrees.
  await rounds.folder('Cardiology').click();
  await expect(rounds.items.getByRole('heading', { name: 'Cardiology' })).toBeVisible();
  await expect(rounds.items.getByRole('option')).toHaveCount(3);
  for (const title of [PAPER, EDITORIAL, SODIUM]) await expect(rounds.item(title)).toBeVisible();
  await expect(rounds.folder('Cardiology')).toHaveAccessibleDescription(/^3 unread/);
  await attachScreenshot(rounds.page, 'folder-view.png');

  // The menu opens from the keyboard too, and Escape gives the focus back.
  await rounds.folder('Cardiology').focus();
  await rounds.page.keyboard.press('Shift+F10');
  await expect(
    rounds.contextMenu().getByRole('menuitem', { name: 'Mark all as read' }),
  ).toBeFocused();
  await rounds.page.keyboard.press('Escape');
  await expect(rounds.contextMenu()).toBeHidden();
  await expect(rounds.folder('Cardiology')).toBeFocused();

  // Renamed, the folder keeps its feeds and the list follows it.
  await rounds.renameFolder('Cardiology', 'Nephrology');
  await expect(rounds.folder('Nephrology')).toBeVisible();
  await expect(rounds.folder('Cardiology')).toHaveCount(0);
  await expect(rounds.items.getByRole('heading', { name: 'Nephrology' })).toBeVisible();
  const feedsOnDisk = JSON.parse(await readFile(join(dataDir, 'library', 'feeds.json'), 'utf8'));
  expect(
    feedsOnDisk.feeds.map((stored: { title: string; folder: string[] }) => [
      stored.title,
      stored.folder,
    ]),
  ).toEqual(
    expect.arrayContaining([
      ['Heart Journal', ['Nephrology']],
      ['PubMed: dapagliflozin', ['Nephrology']],
    ]),
  );

  // A feed refreshed from its menu brings its new item into the folder's list.
  const journalRequests = () =>
    feedServer.requests.filter((request) => request.path === '/journal.xml').length;
  const before = journalRequests();
  feedServer.setRoute('/journal.xml', {
    body: feed('Heart Journal', [
      item(LATE, 'https://journal.example.org/late', 'Fri, 27 Nov 2026 09:00:00 GMT'),
      ...JOURNAL_ITEMS,
    ]),
  });
  await rounds.chooseFromMenu(rounds.feed('Heart Journal'), 'Refresh');
  await expect(rounds.item(LATE)).toBeVisible();
  expect(journalRequests()).toBe(before + 1);
  await expect(rounds.folder('Nephrology')).toHaveAccessibleDescription(/^4 unread/);

  // An item's own menu stars it.
  await rounds.chooseFromMenu(rounds.item(EDITORIAL), 'Star');
  await expect(rounds.item(EDITORIAL)).toHaveAccessibleName(/starred$/);

  // The folder's menu marks all its items read; the toast's Undo puts them back.
  await rounds.chooseFromMenu(rounds.folder('Nephrology'), 'Mark all as read');
  await expect(rounds.page.getByRole('status').getByText('4 items marked as read.')).toBeVisible();
  await expect(rounds.folder('Nephrology')).toHaveAccessibleDescription(/^0 unread/);
  await expect(rounds.item(LATE)).not.toHaveClass(/is-unread/);
  await rounds.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(rounds.folder('Nephrology')).toHaveAccessibleDescription(/^4 unread/);

  // A saved search shows how many items match; it is renamed and deleted from its menu.
  await rounds.view('All items').click();
  await rounds.searchItems('colchicine');
  await expect(rounds.items.getByRole('option')).toHaveCount(1);
  await rounds.saveSearch('Colchicine');
  await expect(rounds.savedSearch('Colchicine')).toHaveAccessibleDescription(
    '1 item matching “colchicine”',
  );
  await rounds.renameSavedSearch('Colchicine', 'Anti-inflammatories');
  await expect(rounds.savedSearch('Anti-inflammatories')).toBeVisible();
  const rulesFile = join(dataDir, 'library', 'rules.json');
  const renamed = JSON.parse(await readFile(rulesFile, 'utf8'));
  expect(renamed.savedSearches).toEqual([
    expect.objectContaining({ name: 'Anti-inflammatories', query: 'colchicine' }),
  ]);
  await rounds.deleteSavedSearch('Anti-inflammatories');
  await expect(rounds.sources.getByRole('list', { name: 'Saved searches' })).toHaveCount(0);
  expect(JSON.parse(await readFile(rulesFile, 'utf8')).savedSearches).toEqual([]);

  // An OPML file dropped on the window subscribes to its feeds, as "Import OPML…" does.
  await rounds.dropFileOnWindow(
    'club.opml',
    `<?xml version="1.0"?><opml version="2.0"><head><title>Club</title></head><body>
      <outline text="Preprint Server" type="rss" xmlUrl="${feedServer.url('/preprints.xml')}"/>
    </body></opml>`,
  );
  await expect(rounds.toast()).toContainText('Added 1 feed');
  await expect(rounds.feed('Preprint Server')).toBeVisible();
  await expect(rounds.page.getByRole('dialog', { name: 'Add papers' })).toHaveCount(0);
});

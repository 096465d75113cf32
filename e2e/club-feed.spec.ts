import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { CLUB_FEED_PAPER, clubFeedPaperXml } from './fixtures/clubFeedPaper';
import { FolderServer } from './fixtures/folderServer';
import { test as members, expect } from './fixtures/twoMembers';
import { SummaryComposer } from './pages/SummaryComposer';

const CLUB_FEED_TITLE = 'Renal JC summaries';
const DISCLOSURE = 'None';

interface ClubFeedFixtures {
  /** The folder Asha's Rounds publishes the club feed into: empty, removed after. */
  clubFeedFolder: string;
  /** A static web host over that folder, on loopback. */
  clubFeedHost: FolderServer;
}

const test = members.extend<ClubFeedFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  clubFeedFolder: async ({}, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'rounds-e2e-club-feed-'));
    await use(folder);
    await rm(folder, { recursive: true, force: true });
  },
  clubFeedHost: async ({ clubFeedFolder }, use) => {
    const host = await new FolderServer(clubFeedFolder).start();
    await use(host);
    await host.stop();
  },
});

/** A row of the item list by its title and the feed that brought it (its name says both). */
function rowFrom(items: Locator, title: string, feedTitle: string): Locator {
  return items.getByRole('option', {
    name: new RegExp(`^${escapeRegExp(`${title}, ${feedTitle}`)}`),
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a summary published to the club feed reaches a colleague as a discussion of the same paper', async ({
  asha,
  ben,
  feedServer,
  clubFeedFolder,
  clubFeedHost,
}) => {
  test.setTimeout(180_000);
  const paper = CLUB_FEED_PAPER;
  feedServer.setRoute(paper.path, { body: clubFeedPaperXml() });

  // Asha reads the paper in her journal's feed and starts a summary of it.
  await asha.rounds.addFeed(feedServer.url(paper.path));
  await asha.rounds.feed(paper.feedTitle).click();
  await asha.rounds.openItem(paper.title);
  const summaries = new SummaryComposer(asha.app.page);
  await summaries.writeSummaryButton().click();

  // Her first summary asks for her disclosure once; the draft is then composed with it, with the
  // paper's link and the level-of-evidence line, so the evidence checks pass as it stands.
  await summaries.answerDisclosure(DISCLOSURE);
  await expect(summaries.heading(paper.title)).toBeVisible();
  await expect(summaries.readiness()).toHaveText('Ready to share');

  // The club feed goes into a folder a web host serves.
  await summaries.openList();
  await expect(summaries.listed(paper.title)).toContainText('Not shared yet');
  await summaries.setFeedFolder(clubFeedFolder, CLUB_FEED_TITLE);
  await summaries.openFromList(paper.title);
  await summaries.publishButton().click();
  const feedPath = join(clubFeedFolder, 'feed.xml');
  await expect(summaries.publishResult()).toHaveText(`Published: 1 summary in ${feedPath}`);

  // On disk: the Atom feed naming the paper by its DOI, and the summary's visual abstract.
  const feedXml = await readFile(feedPath, 'utf8');
  expect(feedXml).toContain(`<title type="text">${CLUB_FEED_TITLE}</title>`);
  expect(feedXml).toContain(`https://doi.org/${paper.doi.toLowerCase()}`);
  expect((await readdir(clubFeedFolder)).filter((name) => name.endsWith('.png'))).toHaveLength(1);
  await summaries.openList();
  await expect(summaries.listed(paper.title)).toContainText('In the club feed');

  // Ben, on his own data folder, follows the same journal and then the club's feed.
  await ben.rounds.addFeed(feedServer.url(paper.path));
  await ben.rounds.feed(paper.feedTitle).click();
  await expect(ben.rounds.item(paper.title)).toHaveCount(1);
  await ben.rounds.addFeed(clubFeedHost.url('feed.xml'));
  await expect(ben.rounds.feed(CLUB_FEED_TITLE)).toBeVisible();

  // Every item together: the paper once, from its journal, discussed by one colleague. The
  // club's entry is the colleague's post, not another copy of the paper: the paper's row does not
  // say it came from two sources, and the post's row is not itself discussed.
  await ben.rounds.view('All items').click();
  const paperRow = rowFrom(ben.rounds.items, paper.title, paper.feedTitle);
  const postRow = rowFrom(ben.rounds.items, `Summary: ${paper.title}`, CLUB_FEED_TITLE);
  await expect(paperRow).toHaveCount(1);
  await expect(paperRow).toHaveAccessibleName(/, discussed by 1 colleague, /);
  await expect(postRow).toHaveCount(1);
  await expect(postRow).not.toHaveAccessibleName(/discussed by|from \d+ sources/);
  await expect(ben.rounds.items.getByRole('option', { name: /from \d+ sources/ })).toHaveCount(0);
  await expect(ben.rounds.items.getByRole('option')).toHaveCount(2);

  // The paper in the reader: its DOI, one source, and Asha's summary as a colleague's discussion.
  await paperRow.click();
  const reader = ben.rounds.reader;
  await expect(reader.getByRole('heading', { level: 1, name: paper.title })).toBeVisible();
  await expect(reader.getByRole('list', { name: 'Paper identifiers' })).toHaveText(paper.doiLabel);
  await expect(reader.getByRole('region', { name: 'Sources of this paper' })).toHaveCount(0);
  const discussions = reader.getByRole('region', { name: 'Colleague discussions' });
  await expect(
    discussions.getByRole('heading', { name: 'Discussed by 1 colleague' }),
  ).toBeVisible();
  const discussion = discussions.getByRole('listitem');
  await expect(discussion).toHaveCount(1);
  await expect(discussion).toContainText(asha.name);
  await expect(discussion).toContainText(CLUB_FEED_TITLE);

  // The post itself reads as Asha's summary, with no paper identifiers of its own.
  await discussion.getByRole('button', { name: `Read post by ${asha.name} here` }).click();
  // The paper's discussions leave with it; the post's text then proves the post is what is open.
  await expect(discussions).toHaveCount(0);
  await expect(reader).toContainText(`Disclosure: ${DISCLOSURE}`);
  await expect(reader).toContainText('Level of evidence: not yet appraised');
  await expect(reader.getByRole('list', { name: 'Paper identifiers' })).toHaveCount(0);
});

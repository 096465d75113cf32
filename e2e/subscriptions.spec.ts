import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';
import { documentationScreenshot } from './fixtures/documentationScreenshot';
import { rssWithItems } from './fixtures/hostApi';

const DOI = '10.5555/fine.2026.001';
const PAPER = 'Finerenone in heart failure with preserved ejection fraction: the FINE-HF trial';

/** A journal's feed carrying the paper with its DOI, as publishers do (prism:doi). */
function journalFeed(title: string, link: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>${title}</title><link>https://example.org/</link><description>Papers</description>
    <item><title>${PAPER}</title><link>${link}</link><guid>${link}</guid>
      <prism:doi>${DOI}</prism:doi><dc:creator>Moreau J</dc:creator>
      <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
      <description>Finerenone reduced worsening heart failure events.</description></item>
  </channel></rss>`;
}

/** A colleague's Mastodon feed: posts have no titles, and one cites the paper by its DOI link. */
const COLLEAGUE_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dr Amara Nwosu</title><link>https://med.example.social/@amara</link>
  <description>Posts</description>
  <item><guid>https://med.example.social/@amara/1</guid><link>https://med.example.social/@amara/1</link>
    <pubDate>Wed, 25 Nov 2026 07:30:00 GMT</pubDate>
    <description>&lt;p&gt;Our journal club read this today: &lt;a href="https://doi.org/${DOI}"&gt;doi.org/${DOI}&lt;/a&gt; — solid trial, modest effect. #cardiology&lt;/p&gt;</description></item>
</channel></rss>`;
/** The untitled post's title in the list, which Rounds makes from its first words. */
const COLLEAGUE_POST = 'Our journal club read this today';

test('a club imports its OPML of 20 feeds, refreshes with visible progress, sees one paper once with its sources and a colleague’s post, and mutes it', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  feedServer.setRoute('/club/heart-journal.xml', {
    body: journalFeed('Heart Journal', 'https://heart.example.org/fine-hf'),
  });
  feedServer.setRoute('/club/pubmed-finerenone.xml', {
    body: journalFeed('PubMed search: finerenone', 'https://pubmed.ncbi.nlm.nih.gov/39999999/'),
  });
  feedServer.setRoute('/club/amara.xml', { body: COLLEAGUE_FEED });
  const outlines = [
    `<outline text="Heart Journal" type="rss" xmlUrl="${feedServer.url('/club/heart-journal.xml')}"/>`,
    `<outline text="PubMed search: finerenone" type="rss" xmlUrl="${feedServer.url('/club/pubmed-finerenone.xml')}"/>`,
    `<outline text="Dr Amara Nwosu" type="rss" xmlUrl="${feedServer.url('/club/amara.xml')}"/>`,
  ];
  for (let n = 1; n <= 17; n += 1) {
    const path = `/club/journal-${n}.xml`;
    feedServer.setRoute(path, { body: rssWithItems(`Specialty Journal ${n}`, 3) });
    outlines.push(
      `<outline text="Specialty Journal ${n}" type="rss" xmlUrl="${feedServer.url(path)}"/>`,
    );
  }
  const opmlFile = join(dataDir, '..', `rounds-club-${Date.now()}.opml`);
  await writeFile(
    opmlFile,
    `<?xml version="1.0"?><opml version="2.0"><head><title>Cardiology club</title></head><body>
      <outline text="Cardiology">${outlines.slice(0, 3).join('')}</outline>
      <outline text="Journals">${outlines.slice(3).join('')}</outline>
    </body></opml>`,
  );

  const { app, rounds } = await startApp();
  await rounds.waitUntilReady();
  // One publisher answers at once and the others only once the progress has been seen, as on a
  // slow network, so the run is caught half-way whatever the machine's speed.
  const allButOne = { letThrough: 1 };
  let releaseAnswers = feedServer.holdAnswers(allButOne);
  await rounds.importOpml(opmlFile);
  await expect(rounds.toast()).toContainText('Added 20 feeds');

  // The import fetches the new feeds in one background run whose progress is on screen.
  await expect(rounds.refreshStatus()).toContainText(/Refreshing \d+ of 20/);
  // The list follows the run: the feed that has answered already has its items listed.
  await expect(rounds.items.getByRole('option').first()).toBeVisible();
  await expect(rounds.refreshStatus()).toContainText(/Refreshing \d+ of 20/);
  releaseAnswers();
  await expect(rounds.refreshStatus()).not.toContainText(/Refreshing/, { timeout: 30_000 });
  // Refresh all again, by hand: the same visible progress.
  releaseAnswers = feedServer.holdAnswers(allButOne);
  await rounds.refreshAll();
  await expect(rounds.refreshStatus()).toContainText(/Refreshing \d+ of 20/);
  releaseAnswers();
  await expect(rounds.refreshStatus()).not.toContainText(/Refreshing/, { timeout: 30_000 });

  await rounds.view('All items').click();
  // The paper came from two feeds and is listed once, saying so.
  await expect(rounds.item(PAPER)).toHaveCount(1);
  await expect(rounds.item(PAPER)).toHaveAccessibleName(/from 2 sources/);
  // The smart view counts what the list shows: 17 journals' 3 papers, the paper once (not once
  // per feed carrying it) and the colleague's post.
  await expect(rounds.listedCount()).toHaveText('53 items');
  const listed = (await rounds.listedCount().textContent()) ?? '';
  await expect(rounds.view('All items')).toHaveAccessibleDescription(listed);
  await expect(rounds.item(PAPER)).toHaveAccessibleName(/discussed by 1 colleague/i);
  await rounds.openItem(PAPER);
  const sources = rounds.reader.getByRole('region', { name: 'Sources of this paper' });
  await expect(sources.getByRole('link', { name: 'Heart Journal' })).toBeVisible();
  await expect(sources.getByRole('link', { name: 'PubMed search: finerenone' })).toBeVisible();
  const discussions = rounds.reader.getByRole('region', { name: 'Colleague discussions' });
  await expect(discussions).toContainText('Dr Amara Nwosu');
  await expect(discussions).toContainText('solid trial, modest effect');
  // "Read here" opens the post in the reader, with a way back to the paper.
  await discussions
    .getByRole('button', { name: /^Read post (by|in) Dr Amara Nwosu here$/ })
    .click();
  await expect(
    rounds.reader.getByRole('heading', { level: 1, name: new RegExp(`^${COLLEAGUE_POST}`) }),
  ).toBeVisible();
  await app.page.getByRole('button', { name: `Back to “${PAPER}”` }).click();
  await expect(rounds.reader.getByRole('heading', { level: 1, name: PAPER })).toBeVisible();

  await documentationScreenshot(app.page, 'screenshot-paper-sources.png');

  // Muting a keyword hides the matching paper from the list at once, and nothing else: the
  // count drops by its one row. (The journals' papers share publication times, so which of them
  // the window shows first depends on the order their feeds were fetched in; the count does not.)
  await rounds.view('All items').click();
  await expect(rounds.listedCount()).toHaveText('53 items');
  await rounds.muteKeyword('finerenone');
  await expect(rounds.item(PAPER)).toBeHidden();
  await expect(rounds.listedCount()).toHaveText('52 items');
  await expect(rounds.item(COLLEAGUE_POST)).toBeVisible();
});

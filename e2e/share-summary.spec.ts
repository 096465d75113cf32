import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { splitIntoThread } from '../shared/domain/share/threadSplitter';
import { test, expect, RENAL_JC, BLUESKY_APP_PASSWORD } from './fixtures/sharePlatforms';
import { SUMMARY_FEED, SUMMARY_PAPER_URL, summaryPaperFeedXml } from './fixtures/summaryPaperFeed';
import { escapeRegExp, SessionPage } from './pages/JournalClub';
import { ReaderAnnotations } from './pages/ReaderAnnotations';
import { SummaryComposer, type ThreadPlatformName } from './pages/SummaryComposer';

const SESSION = 'Semaglutide for diabetic kidney disease';
const BOTTOM_LINE = 'Offer semaglutide to adults with type 2 diabetes and chronic kidney disease.';
const LEVEL_OF_EVIDENCE = 'Level of evidence: Oxford CEBM Level 2, GRADE certainty moderate';
const DISCLOSURE = 'None';
const MASTODON_LIMIT = 500;

/** What a careless clinician types into the summary: a patient's name, MRN and date of birth. */
const PATIENT = { name: 'Margaret Okonkwo', mrn: '4417 2290', dateOfBirth: '14/03/1951' };
const PATIENT_LINE = `Seen in clinic: ${PATIENT.name}, MRN ${PATIENT.mrn}, DOB ${PATIENT.dateOfBirth}.`;

/**
 * The summary the member writes in place of the first draft. It keeps what the evidence guard
 * requires (the paper's link, the level of evidence, the disclosure) and cites four long links
 * on public hosts: Bluesky counts a link's every character where X counts 23, which is what
 * makes the same text 6 posts on Bluesky and 4 on X (asserted from the splitter below).
 */
const SUMMARY_TEXT = [
  `${SUMMARY_FEED.paper}\n${SUMMARY_PAPER_URL}`,
  'Key findings: weekly semaglutide lowered the risk of major kidney events by 24 percent over ' +
    'a median of 3.4 years. Serious adverse events were less frequent with semaglutide than ' +
    'with placebo. The benefit was consistent across baseline kidney function and albuminuria. ' +
    'Cardiovascular death was also lower with semaglutide. Nausea was the commonest reason to ' +
    'stop the drug.',
  [
    'Background reading, all open access:',
    '• Trial record: https://clinicaltrials.gov/study/NCT03819153?cond=chronic%20kidney%20disease&intr=semaglutide&rank=1&tab=results',
    '• Search: https://pubmed.ncbi.nlm.nih.gov/?term=semaglutide+kidney+outcomes+type+2+diabetes+chronic+kidney+disease&filter=pubt.randomizedcontrolledtrial&sort=date',
    '• Guidance: https://www.nice.org.uk/guidance/ng28/chapter/Recommendations#drug-treatment-for-adults-with-type-2-diabetes-and-chronic-kidney-disease',
    '• Cochrane: https://www.cochranelibrary.com/search?q=glucagon-like%20peptide-1%20receptor%20agonists%20kidney%20outcomes&t=1&type=reviews',
  ].join('\n'),
  `Bottom line: ${BOTTOM_LINE.charAt(0).toLowerCase()}${BOTTOM_LINE.slice(1)}`,
  LEVEL_OF_EVIDENCE,
  RENAL_JC.hashtag,
  `Disclosure: ${DISCLOSURE}`,
].join('\n\n');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, which always comes first after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Rates the paper (level of evidence, GRADE certainty) with its reason; the panel saves the two
 * together once the reason field is left. The first draft's level line shows they were kept.
 */
async function rate(
  session: SessionPage,
  rating: 'Level of evidence' | 'GRADE certainty',
  choice: string,
  reason: string,
): Promise<void> {
  const reasonLabel =
    rating === 'Level of evidence' ? 'Reason for the level' : 'Reason for the certainty';
  await session.page.getByLabel(rating, { exact: true }).selectOption({ label: choice });
  await session.page.getByLabel(reasonLabel, { exact: true }).fill(reason);
  await session.page.getByLabel(reasonLabel, { exact: true }).blur();
}

/** Asserts the preview shows the thread the splitter makes, every post within its limit. */
async function expectThread(
  composer: SummaryComposer,
  platform: ThreadPlatformName,
  posts: readonly string[],
): Promise<void> {
  await composer.choosePlatform(platform);
  await expect(composer.postCount()).toHaveText(`${posts.length} posts`);
  await expect(composer.posts(platform)).toHaveCount(posts.length);
  for (const [index, post] of posts.entries()) {
    await expect(composer.posts(platform).nth(index)).toContainText(post);
  }
  const counts = await composer.shownCounts(platform);
  expect(counts).toHaveLength(posts.length);
  for (const count of counts) {
    expect(count.over).toBe(false);
    expect(count.used).toBeLessThanOrEqual(count.limit);
  }
}

test('a member composes a summary from a session, the guard stops a patient’s details, and the redacted thread, card, handout and club feed go out', async ({
  asha,
  feedServer,
  bluesky,
  mastodon,
  feedFolder,
}, testInfo) => {
  test.setTimeout(240_000);
  const { page } = asha.app;

  // The member subscribes to the journal and highlights two sentences of the paper.
  feedServer.setRoute(SUMMARY_FEED.path, { body: summaryPaperFeedXml() });
  await asha.rounds.addFeed(feedServer.url(SUMMARY_FEED.path));
  await asha.rounds.feed(SUMMARY_FEED.title).click();
  await asha.rounds.openItem(SUMMARY_FEED.paper);
  const reader = new ReaderAnnotations(page, asha.rounds.reader);
  for (const quote of SUMMARY_FEED.highlights) await reader.highlight(quote, 'Key finding');

  // She plans the club's session on it and records the appraisal and the bottom line.
  await asha.club.open();
  await asha.club.createClub(RENAL_JC);
  await asha.club.newSession({
    title: SESSION,
    paperSearch: SUMMARY_FEED.searchWord,
    paperTitle: SUMMARY_FEED.paper,
    startsAt: '2026-12-09T19:00',
  });
  const session = new SessionPage(page, SESSION);
  await expect(session.heading).toBeVisible();
  await expect(session.highlights()).toContainText(SUMMARY_FEED.highlights[0]);
  await expect(session.highlights()).toContainText(SUMMARY_FEED.highlights[1]);
  await expect(session.designSuggestion()).toContainText(
    `Suggested: Randomised trial (“${SUMMARY_FEED.designPhrase}” in the abstract)`,
  );
  await session.useSuggestedDesign();
  await rate(session, 'Level of evidence', 'Level 2', 'One large, well-run randomised trial');
  await rate(session, 'GRADE certainty', 'Moderate', 'A single trial: some imprecision');
  await session.writeBottomLine(BOTTOM_LINE);

  // "Write summary": Rounds asks for the disclosure once, then opens the first draft.
  await page.getByRole('button', { name: `Write summary of ${SUMMARY_FEED.paper}` }).click();
  const composer = new SummaryComposer(page);
  await composer.answerDisclosure(DISCLOSURE);
  await expect(composer.heading(SUMMARY_FEED.paper)).toBeVisible();
  const firstDraft = composer.summaryText();
  await expect(firstDraft).toHaveValue(new RegExp(`${escapeRegExp(SUMMARY_PAPER_URL)}\\n`));
  await expect(firstDraft).toHaveValue(new RegExp(escapeRegExp(LEVEL_OF_EVIDENCE)));
  await expect(firstDraft).toHaveValue(new RegExp(escapeRegExp(`Bottom line: ${BOTTOM_LINE}`)));
  await expect(firstDraft).toHaveValue(new RegExp(`Disclosure: ${DISCLOSURE}$`));

  // Her own text: 6 posts on Bluesky, 4 on X, every counter within its limit.
  await composer.replaceSummary(SUMMARY_TEXT);
  const blueskyThread = splitIntoThread('bluesky', SUMMARY_TEXT).posts.map((post) => post.text);
  const xThread = splitIntoThread('x', SUMMARY_TEXT).posts.map((post) => post.text);
  expect(blueskyThread).toHaveLength(6);
  expect(xThread).toHaveLength(4);
  await expect(composer.readiness()).toHaveText('Ready to share');
  await expectThread(composer, 'Bluesky', blueskyThread);
  await expectThread(composer, 'X', xThread);

  // A patient's name, MRN and date of birth typed in: each is listed and marked, nothing leaves.
  await composer.typeAtEndOfSummary(`\n\n${PATIENT_LINE}`);
  await expect(composer.readiness()).toHaveText(
    'Not ready: 3 possible patient identifiers, 0 evidence issues',
  );
  await expect(composer.findings()).toHaveText(
    [
      `Name “${PATIENT.name}” in Summary`,
      `Medical record number “${PATIENT.mrn}” in Summary`,
      `Date “${PATIENT.dateOfBirth}” in Summary`,
    ].map((described) => new RegExp(`^${escapeRegExp(described)}`)),
  );
  await expect(composer.summaryMarks()).toHaveText([
    PATIENT.name,
    PATIENT.mrn,
    PATIENT.dateOfBirth,
  ]);
  await expect(composer.copyAllButton()).toBeDisabled();
  await expect(composer.copyPostButton(1)).toBeDisabled();
  for (const platform of ['Bluesky', 'Mastodon'] as const) {
    await composer.choosePlatform(platform);
    await expect(composer.postButton(platform)).toBeDisabled();
  }
  await expect(composer.saveLandscapeImageButton()).toBeDisabled();
  for (const format of ['Markdown', 'HTML', 'PDF'] as const) {
    await expect(composer.saveHandoutButton(format)).toBeDisabled();
  }
  await expect(composer.publishButton()).toBeDisabled();

  // Redacted one by one, the summary is ready again and holds only the placeholders.
  for (const identifier of [PATIENT.name, PATIENT.mrn, PATIENT.dateOfBirth]) {
    await composer.redact(identifier);
  }
  await expect(composer.readiness()).toHaveText('Ready to share');
  await expect(composer.summaryMarks()).toHaveCount(0);
  const redactedLine = 'Seen in clinic: [name], MRN [record number], DOB [date].';
  await expect(composer.summaryText()).toHaveValue(`${SUMMARY_TEXT}\n\n${redactedLine}`);
  const finalText = await composer.summaryText().inputValue();
  const altText = await composer.altText().inputValue();
  expect(altText).not.toBe('');

  // Accounts on the two loopback servers, then the thread to each: one post replying to the last.
  await composer.choosePlatform('Mastodon');
  await composer.addAccounts({
    bluesky: { server: bluesky.url, handle: bluesky.handle, appPassword: BLUESKY_APP_PASSWORD },
    mastodon: { instance: mastodon.url, accessToken: mastodon.accessToken },
  });
  await expect(composer.postButton('Mastodon')).toBeEnabled();

  const mastodonThread = splitIntoThread('mastodon', finalText, {
    mastodonLimit: MASTODON_LIMIT,
  }).posts.map((post) => post.text);
  await composer.postThread('Mastodon', mastodonThread.length);
  const statuses = mastodon.statuses();
  expect(statuses.map((status) => status.status)).toEqual(mastodonThread);
  expect(statuses[0]?.inReplyToId).toBeNull();
  statuses.slice(1).forEach((status, at) => expect(status.inReplyToId).toBe(statuses[at]?.id));
  expect(statuses[0]?.media).toHaveLength(1);
  expect(statuses[0]?.media[0]?.description).toBe(altText);
  expect(pngSize(statuses[0]?.media[0]?.bytes ?? Buffer.alloc(0))).toEqual({
    width: 1200,
    height: 675,
  });
  statuses.slice(1).forEach((status) => expect(status.media).toHaveLength(0));

  const blueskyFinal = splitIntoThread('bluesky', finalText).posts.map((post) => post.text);
  await composer.postThread('Bluesky', blueskyFinal.length);
  const posts = bluesky.posts();
  expect(posts.map((post) => post.text)).toEqual(blueskyFinal);
  const [root] = posts;
  expect(root?.reply).toBeNull();
  posts.slice(1).forEach((post, at) =>
    expect(post.reply).toEqual({
      root: { uri: root?.uri, cid: root?.cid },
      parent: { uri: posts[at]?.uri, cid: posts[at]?.cid },
    }),
  );
  expect(root?.images).toHaveLength(1);
  expect(root?.images[0]?.alt).toBe(altText);
  expect(root?.images[0]?.mimeType).toBe('image/png');
  posts.slice(1).forEach((post) => expect(post.images).toHaveLength(0));

  const everythingPosted = [
    ...statuses.map((status) => status.status),
    ...posts.map((post) => post.text),
  ].join('\n');
  for (const identifier of Object.values(PATIENT)) {
    expect(everythingPosted).not.toContain(identifier);
  }

  // The landscape card and the PDF handout, saved as downloads.
  const card = await composer.download(
    composer.saveLandscapeImageButton(),
    testInfo.outputPath('card.png'),
  );
  expect(card.suggestedName).toMatch(/-landscape\.png$/);
  const cardBytes = await readFile(card.path);
  expect(pngSize(cardBytes)).toEqual({ width: 1200, height: 675 });
  expect(cardBytes.length).toBeLessThan(1_000_000);

  const handout = await composer.download(
    composer.saveHandoutButton('PDF'),
    testInfo.outputPath('handout.pdf'),
  );
  expect(handout.suggestedName).toMatch(/\.pdf$/);
  const handoutBytes = await readFile(handout.path);
  expect(handoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The handout embeds its own font, so it prints the same everywhere.
  expect(handoutBytes.toString('latin1')).toContain('/FontFile2');

  // The club feed, published into the folder a static host would serve, set from the list.
  await composer.openList();
  await expect(composer.listed(SUMMARY_FEED.paper)).toContainText('Posted to Bluesky and Mastodon');
  await composer.setFeedFolder(feedFolder);
  await composer.openFromList(SUMMARY_FEED.paper);
  await composer.publishButton().click();
  const feedPath = join(feedFolder, 'feed.xml');
  await expect(composer.publishResult()).toHaveText(`Published: 1 summary in ${feedPath}`);
  const feed = await readFile(feedPath, 'utf8');
  expect(feed).toContain(SUMMARY_FEED.paper);
  expect(feed).toContain(SUMMARY_FEED.doi);
  for (const identifier of Object.values(PATIENT)) expect(feed).not.toContain(identifier);
  const pictures = (await readdir(feedFolder)).filter((name) => name.endsWith('.png'));
  expect(pictures).toHaveLength(1);
  expect(feed).toContain(pictures[0]);
  expect(pngSize(await readFile(join(feedFolder, pictures[0] ?? '')))).toEqual({
    width: 1200,
    height: 675,
  });
});

import { readFile } from 'node:fs/promises';
import { test, expect, planTrialSession } from './fixtures/twoMembers';
import { SYNC_TEXT } from './pages/JournalClub';

const SESSION = 'Finerenone live discussion';
const ASHA_LIVE = 'Asha: the kidney benefit held across every subgroup we looked at.';
const ASHA_OFFLINE = 'Asha offline: potassium above 5.5 stopped the drug in our clinic too.';
const BEN_OFFLINE = 'Ben offline: we should check whether our patients resemble the trial cohort.';

test('two members discuss live through the club server, keep typing while it is down, and converge when it is back', async ({
  asha,
  ben,
  feedServer,
  clubServer,
}, testInfo) => {
  test.setTimeout(240_000);
  await clubServer.start();

  // Ben got the session by bundle before the club had a server.
  let ashaSession = await planTrialSession(asha, feedServer, {
    title: SESSION,
    startsAt: '2026-12-16T19:00',
  });
  const bundle = await ashaSession.exportBundle(
    asha.club,
    (name) => testInfo.outputPath(name),
    'session.rounds',
  );
  await ben.club.importBundle(bundle.path);
  await expect(ben.club.news(`Added “${SESSION}” to Renal JC`)).toBeVisible();

  // Both point the club at the server (address and token), from the club page.
  for (const member of [asha, ben]) {
    await member.club.openClubPage('Renal JC');
    await member.club.setSyncServer(clubServer.url, clubServer.token);
  }
  ashaSession = await asha.club.openSession(SESSION);
  const benSession = await ben.club.openSession(SESSION);
  for (const session of [ashaSession, benSession]) {
    await expect(session.page.getByText(SYNC_TEXT.connected).first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(session.discussion()).toBeVisible();
  }

  // Live: what Asha types reaches Ben within two seconds (the acceptance criterion).
  await ashaSession.addDiscussionParagraph(ASHA_LIVE);
  await expect(benSession.discussion()).toContainText(ASHA_LIVE, { timeout: 2_000 });

  // The token stays on this machine: a bundle exported now does not carry it.
  const later = await ashaSession.exportBundle(
    asha.club,
    (name) => testInfo.outputPath(name),
    'session-with-server.rounds',
  );
  expect(await readFile(later.path, 'utf8')).not.toContain(clubServer.token);

  // The server goes down: both say so, and both keep writing.
  await clubServer.stop();
  for (const session of [ashaSession, benSession]) {
    await expect(session.page.getByText(SYNC_TEXT.offline).first()).toBeVisible({
      timeout: 30_000,
    });
  }
  await ashaSession.addDiscussionParagraph(ASHA_OFFLINE);
  await benSession.addDiscussionParagraph(BEN_OFFLINE);
  await expect(benSession.discussion()).not.toContainText(ASHA_OFFLINE);

  // Back on the same address: both reconnect and hold all three paragraphs, each once.
  await clubServer.start();
  for (const session of [ashaSession, benSession]) {
    await expect(session.page.getByText(SYNC_TEXT.connected).first()).toBeVisible({
      timeout: 90_000,
    });
  }
  for (const session of [ashaSession, benSession]) {
    for (const paragraph of [ASHA_LIVE, ASHA_OFFLINE, BEN_OFFLINE]) {
      await expect(session.discussion()).toContainText(paragraph, { timeout: 30_000 });
    }
    await expect(session.discussionParagraphs()).toHaveCount(3);
  }
});

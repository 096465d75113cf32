import { readFile } from 'node:fs/promises';
import { checklistFor } from '../shared/domain/club/appraisal/checklists';
import { test, expect, planTrialSession, type Member } from './fixtures/twoMembers';
import { TRIAL_FEED } from './fixtures/trialFeed';
import type { SessionPage } from './pages/JournalClub';
import { ReaderAnnotations } from './pages/ReaderAnnotations';

const SESSION = 'Finerenone for diabetic kidney disease';
const NOTHING_NEW = 'Nothing new: you already had everything in this bundle.';
const [FIRST_QUESTION, SECOND_QUESTION] = checklistFor('randomised-trial').map(
  (question) => question.text,
) as [string, string];

interface Contribution {
  quote: string;
  firstAnswer: 'Yes' | 'No';
  secondAnswer: 'Yes';
  vote: 'Yes' | 'Not sure';
  action: string;
}

const ASHA: Contribution = {
  quote: TRIAL_FEED.ashaQuote,
  firstAnswer: 'Yes',
  secondAnswer: 'Yes',
  vote: 'Yes',
  action: 'Audit potassium checks after starting finerenone',
};
const BEN: Contribution = {
  quote: TRIAL_FEED.benQuote,
  firstAnswer: 'No',
  secondAnswer: 'Yes',
  vote: 'Not sure',
  action: 'Draft a clinic leaflet on finerenone',
};

/** A member, offline, highlights the paper and appraises it, votes and adds an action. */
async function contribute(
  member: Member,
  session: SessionPage,
  work: Contribution,
): Promise<SessionPage> {
  await expect(member.club.syncState(/^Sync: off — exchange bundles to share/)).toBeVisible();

  await session.readPaper(TRIAL_FEED.paper);
  await expect(
    member.rounds.reader.getByRole('heading', { level: 1, name: TRIAL_FEED.paper }),
  ).toBeVisible();
  await new ReaderAnnotations(member.app.page, member.rounds.reader).highlight(
    work.quote,
    'Key finding',
  );

  const back = await member.club.openSession(SESSION);
  await expect(back.designSuggestion()).toContainText(
    `Suggested: Randomised trial (“${TRIAL_FEED.designPhrase}” in the abstract)`,
  );
  await back.useSuggestedDesign();
  await expect(back.studyDesign().locator('option:checked')).toHaveText('Randomised trial');
  await back.answer(FIRST_QUESTION, work.firstAnswer);
  await back.answer(SECOND_QUESTION, work.secondAnswer);
  await back.vote(work.vote);
  await back.addAction(work.action);
  return back;
}

/** Everything both members must see once they have each other's work. */
async function expectWholeClubWork(member: Member, session: SessionPage): Promise<void> {
  const checklist = session.checklist(TRIAL_FEED.paper);
  await expect(checklist.getByRole('columnheader', { name: `${member.name} (you)` })).toBeVisible();
  await expect(session.question(TRIAL_FEED.paper, FIRST_QUESTION)).toContainText(
    'Split: 1 yes, 1 no',
  );
  await expect(session.question(TRIAL_FEED.paper, SECOND_QUESTION)).toContainText(
    'Agreed: Yes (2 of 2)',
  );
  await expect(session.tally('Yes: 1')).toBeVisible();
  await expect(session.tally('No: 0')).toBeVisible();
  await expect(session.tally('Not sure: 1')).toBeVisible();
  await expect(session.actionDone(ASHA.action)).toBeVisible();
  await expect(session.actionDone(BEN.action)).toBeVisible();
  const highlights = session.highlights();
  await expect(highlights.getByRole('heading', { level: 3, name: /Asha Rao/ })).toBeVisible();
  await expect(highlights.getByRole('heading', { level: 3, name: /Ben Okafor/ })).toBeVisible();
  await expect(highlights).toContainText(ASHA.quote);
  await expect(highlights).toContainText(BEN.quote);
}

/** The parts of the session page that show the club's work. */
function workOnScreen(session: SessionPage) {
  return [
    session.checklist(TRIAL_FEED.paper),
    session.section('Would this change your practice?'),
    session.section('Action items'),
    session.highlights(),
  ];
}

test('two members appraise one paper offline and exchange bundles both ways: both see the same, re-import adds nothing', async ({
  asha,
  ben,
  feedServer,
}, testInfo) => {
  test.setTimeout(240_000);
  const saveAs = (name: string) => testInfo.outputPath(name);

  // Asha plans the session and sends Ben its bundle.
  let ashaSession = await planTrialSession(asha, feedServer, {
    title: SESSION,
    startsAt: '2026-12-09T19:00',
  });
  const invitation = await ashaSession.exportBundle(asha.club, saveAs, 'asha-first.rounds');
  expect(invitation.suggestedName).toBe(`${SESSION}.rounds`);
  const onDisk = JSON.parse(await readFile(invitation.path, 'utf8')) as {
    format: string;
    session: { title: string };
    papers: { title: string }[];
  };
  expect(onDisk.format).toBe('rounds.session-bundle');
  expect(onDisk.session.title).toBe(SESSION);
  expect(onDisk.papers.map((paper) => paper.title)).toEqual([TRIAL_FEED.paper]);

  // Ben has no club: he joins by importing it from the "Create a club" screen.
  await expect(ben.app.page.getByRole('heading', { name: 'Create a club' })).toBeVisible();
  await ben.club.importBundle(invitation.path);
  await expect(ben.club.news(`Added “${SESSION}” to Renal JC`)).toBeVisible();
  let benSession = await ben.club.openSession(SESSION);
  await expect(benSession.page.getByRole('button', { name: 'Back to Renal JC' })).toBeVisible();

  // Each works alone, with no server.
  ashaSession = await contribute(asha, ashaSession, ASHA);
  benSession = await contribute(ben, benSession, BEN);
  await expect(ashaSession.question(TRIAL_FEED.paper, FIRST_QUESTION)).toContainText(
    'One answer: Yes',
  );
  await expect(benSession.question(TRIAL_FEED.paper, FIRST_QUESTION)).toContainText(
    'One answer: No',
  );

  // Ben sends his work to Asha, then Asha sends hers (now holding both) back to Ben.
  const fromBen = await benSession.exportBundle(ben.club, saveAs, 'ben.rounds');
  await asha.club.importBundle(fromBen.path);
  await expect(asha.club.news(`Merged into “${SESSION}”`)).toBeVisible();
  await expectWholeClubWork(asha, ashaSession);

  const fromAsha = await ashaSession.exportBundle(asha.club, saveAs, 'asha-second.rounds');
  await ben.club.importBundle(fromAsha.path);
  await expect(ben.club.news(`Merged into “${SESSION}”`)).toBeVisible();
  await expectWholeClubWork(ben, benSession);

  // The same bundle again brings nothing new and changes nothing on screen.
  const before = await Promise.all(workOnScreen(benSession).map((part) => part.textContent()));
  await ben.club.importBundle(fromAsha.path);
  await expect(ben.club.news(NOTHING_NEW)).toBeVisible();
  for (const [at, part] of workOnScreen(benSession).entries()) {
    await expect(part).toHaveText(before[at] ?? '');
  }
  await expectWholeClubWork(ben, benSession);
});

import { violationsOn } from './fixtures/axe';
import { CLUB_FEED_PAPER, clubFeedPaperXml } from './fixtures/clubFeedPaper';
import { test, expect } from './fixtures/twoMembers';
import { SummaryComposer } from './pages/SummaryComposer';

// The summaries' screens under axe, in both palettes: the reader with a paper marked retracted,
// the disclosure dialog, the composer with a finding marked in the summary, the dialog that keeps
// a finding with a reason, the list of summaries and the Accounts dialog.

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the summaries' screens pass axe in the ${colorScheme} palette`, async ({
    asha,
    feedServer,
  }) => {
    test.setTimeout(180_000);
    const { page } = asha.app;
    await page.emulateMedia({ colorScheme });
    feedServer.setRoute(CLUB_FEED_PAPER.path, { body: clubFeedPaperXml() });
    await asha.rounds.addFeed(feedServer.url(CLUB_FEED_PAPER.path));
    await asha.rounds.feed(CLUB_FEED_PAPER.feedTitle).click();
    await asha.rounds.openItem(CLUB_FEED_PAPER.title);

    await page.getByText('Retracted or corrected?').click();
    await page.getByLabel('What happened to this paper').selectOption('Retracted');
    await page.getByRole('button', { name: 'Save mark' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'you marked this paper' }),
    ).toBeVisible();
    expect(await violationsOn(page), 'the reader with a retracted paper').toEqual([]);

    const summaries = new SummaryComposer(page);
    await summaries.writeSummaryButton().click();
    await expect(summaries.disclosureDialog()).toBeVisible();
    expect(await violationsOn(page), 'the disclosure dialog').toEqual([]);
    await summaries.answerDisclosure('None');
    await expect(summaries.heading(CLUB_FEED_PAPER.title)).toBeVisible();

    const summary = page.getByRole('textbox', { name: 'Summary', exact: true });
    await summary.click();
    await summary.press('End');
    await summary.pressSequentially('\n\nSeen by John Smith on ward 4.');
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Name “John Smith” in Summary' }),
    ).toBeVisible();
    expect(await violationsOn(page), 'the composer with a finding').toEqual([]);

    await page.getByRole('button', { name: 'Keep “John Smith”…' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep this text?' });
    await expect(keep).toBeVisible();
    expect(await violationsOn(page), 'the dialog that keeps a finding').toEqual([]);
    await keep.getByRole('button', { name: 'Cancel' }).click();
    await expect(keep).toBeHidden();

    await summaries.openList();
    await expect(summaries.listed(CLUB_FEED_PAPER.title)).toBeVisible();
    expect(await violationsOn(page), 'the list of summaries').toEqual([]);

    await page.getByRole('button', { name: 'Accounts…' }).click();
    const accounts = page.getByRole('dialog', { name: 'Accounts' });
    await expect(accounts).toBeVisible();
    expect(await violationsOn(page), 'the Accounts dialog').toEqual([]);
  });
}

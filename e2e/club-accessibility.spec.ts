import { violationsOn } from './fixtures/axe';
import { test, expect, planTrialSession, RENAL_JC } from './fixtures/twoMembers';
import { TRIAL_FEED } from './fixtures/trialFeed';

// The journal club's screens under axe, in both palettes: the club page, the session page with
// its appraisal grid, the presenter's view, the Log CPD dialog and the CPD log.

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the journal club's screens pass axe in the ${colorScheme} palette`, async ({
    asha,
    feedServer,
  }) => {
    test.setTimeout(180_000);
    const { page } = asha.app;
    await page.emulateMedia({ colorScheme });
    const session = await planTrialSession(asha, feedServer, {
      title: 'Finerenone in diabetic kidney disease',
      startsAt: '2026-03-10T19:00',
    });
    await session.useSuggestedDesign();
    await expect(session.checklist(TRIAL_FEED.paper)).toBeVisible();
    expect(await violationsOn(page), 'the session page').toEqual([]);

    await page.getByRole('button', { name: "Presenter's view" }).click();
    const presenter = page.getByRole('dialog', { name: "Presenter's view" });
    await expect(presenter.getByText(/^Question 1 of \d+$/)).toBeVisible();
    expect(await violationsOn(page), "the presenter's view").toEqual([]);
    await page.keyboard.press('Escape');
    await expect(presenter).toBeHidden();

    await page.getByRole('button', { name: 'Log CPD' }).click();
    await expect(session.logCpdDialog()).toBeVisible();
    expect(await violationsOn(page), 'the Log CPD dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(session.logCpdDialog()).toBeHidden();

    await asha.club.openClubPage(RENAL_JC.name);
    expect(await violationsOn(page), 'the club page').toEqual([]);

    await page.getByRole('button', { name: 'My CPD log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My CPD log' })).toBeVisible();
    expect(await violationsOn(page), 'the CPD log').toEqual([]);
  });
}

import type { Page } from '@playwright/test';
import { violationsOn } from './fixtures/axe';
import { test, expect } from './fixtures/test';
import { READING_FEED, readingFeedXml } from './fixtures/readingFeed';

/** The page's landmarks and headings as a screen reader's rotor lists them. */
async function outline(page: Page) {
  return {
    mains: await page.getByRole('main').count(),
    h1s: await page.getByRole('heading', { level: 1 }).allTextContents(),
  };
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every main screen passes axe in the ${colorScheme} palette`, async ({
    startApp,
    feedServer,
  }) => {
    feedServer.setRoute(READING_FEED.path, {
      contentType: 'application/rss+xml; charset=utf-8',
      body: readingFeedXml(),
    });
    const { app, rounds } = await startApp();
    const { page } = app;
    await page.emulateMedia({ colorScheme });
    await rounds.waitUntilReady();

    // The empty library.
    await expect(page.getByRole('heading', { name: 'No feeds yet' })).toBeVisible();
    expect(await outline(page)).toEqual({ mains: 1, h1s: ['Rounds'] });
    expect(await violationsOn(page), 'the empty library').toEqual([]);

    // A dialog open.
    await rounds.sources.getByRole('button', { name: 'Add feed' }).first().click();
    const addFeed = page.getByRole('dialog', { name: 'Add feed' });
    await expect(addFeed).toBeVisible();
    expect(await violationsOn(page), 'the Add feed dialog').toEqual([]);
    await addFeed.getByLabel('Feed address').fill(feedServer.url(READING_FEED.path));
    await addFeed.getByRole('button', { name: 'Subscribe' }).click();
    await expect(addFeed).toBeHidden();

    // A feed's list with the reader open, its read row selected in the focused list.
    await rounds.openItem(READING_FEED.second);
    await rounds.items.getByRole('listbox').focus();
    await expect(rounds.item(READING_FEED.second)).toHaveAttribute('aria-selected', 'true');
    expect(await outline(page)).toEqual({ mains: 1, h1s: [READING_FEED.second] });
    expect(await violationsOn(page), 'a feed with the reader open').toEqual([]);

    // The reading settings menu open.
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible();
    expect(await violationsOn(page), 'the reading settings').toEqual([]);
    await page.keyboard.press('Escape');

    // The shortcut overlay.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await violationsOn(page), 'the shortcut overlay').toEqual([]);
  });
}

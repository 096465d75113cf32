import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures/test';
import { attachScreenshot } from './fixtures/documentationScreenshot';
import { READING_FEED, readingFeedXml } from './fixtures/readingFeed';

/** Pages of the long read are turned one Space at a time; it has far fewer than this. */
const MAX_PAGES = 60;

/** The reader's scrolling area: how far down it is, and how much is left below. */
function scrollOf(reader: Locator) {
  return reader.locator('.reader-scroll').evaluate((element) => ({
    top: element.scrollTop,
    left: element.scrollHeight - element.clientHeight - element.scrollTop,
  }));
}

test('keyboard only: ? lists the shortcuts, / searches, n and Space read on, Esc backs out, Shift+A marks all read', async ({
  startApp,
  feedServer,
}) => {
  feedServer.setRoute(READING_FEED.path, {
    contentType: 'application/rss+xml; charset=utf-8',
    body: readingFeedXml(),
  });
  const { app, rounds } = await startApp();
  const { page } = app;
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url(READING_FEED.path));
  await expect(rounds.item(READING_FEED.longRead)).toBeVisible();
  const list = rounds.items.getByRole('listbox');
  await list.focus();

  // ? opens the overlay of every shortcut; Esc closes it and the focus is back on the list.
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByText('Next unread item', { exact: true })).toBeVisible();
  await expect(overlay.getByRole('definition').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await expect(list).toBeFocused();

  // / goes to the search field, without typing the slash; Tab leads back to the list.
  await page.keyboard.press('/');
  await expect(rounds.searchField()).toBeFocused();
  await expect(rounds.searchField()).toHaveValue('');
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();

  // n opens the first unread item.
  await page.keyboard.press('n');
  const longRead = rounds.reader.getByRole('heading', { level: 1, name: READING_FEED.longRead });
  await expect(longRead).toBeVisible();

  // Space turns the long read's pages, then at its end goes on to the next unread item.
  for (let page_turned = 0; ; page_turned += 1) {
    expect(page_turned).toBeLessThan(MAX_PAGES);
    const before = await scrollOf(rounds.reader);
    if (before.left <= 1) break;
    await page.keyboard.press(' ');
    await expect.poll(async () => (await scrollOf(rounds.reader)).top).toBeGreaterThan(before.top);
    await expect(longRead).toBeVisible();
  }
  await page.keyboard.press(' ');
  const second = rounds.reader.getByRole('heading', { level: 1, name: READING_FEED.second });
  await expect(second).toBeVisible();
  await expect(rounds.item(READING_FEED.second)).toHaveAttribute('aria-selected', 'true');

  // Two panes at 800 × 600: the list and the reader, the sources behind a button.
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(rounds.sources).toBeHidden();
  await expect(rounds.items).toBeVisible();
  await expect(second).toBeVisible();
  await expect(rounds.readToggle()).toBeVisible();
  await attachScreenshot(page, 'two-panes-800x600.png');

  // One pane at 400 × 800: the reader alone with a way back, nothing wider than the window.
  await page.setViewportSize({ width: 400, height: 800 });
  await expect(rounds.items).toBeHidden();
  await expect(second).toBeVisible();
  await expect(rounds.readToggle()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to list' })).toBeVisible();
  expect(await page.locator('html').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(400);
  expect(
    await rounds.reader
      .locator('.reader-scroll')
      .evaluate((element) => element.scrollWidth - element.clientWidth),
  ).toBeLessThanOrEqual(0);
  await attachScreenshot(page, 'one-pane-reader-400x800.png');

  // Esc backs out to the list, focused, with the item still selected; j reads on.
  await page.keyboard.press('Escape');
  await expect(rounds.items).toBeVisible();
  await expect(rounds.reader).toBeHidden();
  await expect(list).toBeFocused();
  await expect(rounds.item(READING_FEED.second)).toHaveAttribute('aria-selected', 'true');
  await attachScreenshot(page, 'one-pane-list-400x800.png');
  await page.keyboard.press('j');
  await expect(
    rounds.reader.getByRole('heading', { level: 1, name: READING_FEED.third }),
  ).toBeVisible();

  // Shift+A marks everything in the list read, and the toast's Undo puts back what it marked.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('m');
  await rounds.expectUnread(READING_FEED.title, 1);
  await list.focus();
  await page.keyboard.press('Shift+A');
  await expect(page.getByRole('status').getByText('1 item marked as read.')).toBeVisible();
  await rounds.expectUnread(READING_FEED.title, 0);
  await expect(rounds.item(READING_FEED.third)).not.toHaveClass(/is-unread/);
  const undo = page.getByRole('status').getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').getByText('1 item marked unread again.')).toBeVisible();
  await rounds.expectUnread(READING_FEED.title, 1);
  await expect(rounds.item(READING_FEED.third)).toHaveClass(/is-unread/);
  // What was read before the marking stays read.
  await expect(rounds.item(READING_FEED.second)).not.toHaveClass(/is-unread/);
});

test('reading settings: a larger text size from the "Aa" menu is kept when the window reloads', async ({
  startApp,
  feedServer,
}) => {
  feedServer.setRoute(READING_FEED.path, {
    contentType: 'application/rss+xml; charset=utf-8',
    body: readingFeedXml(),
  });
  const { app, rounds } = await startApp();
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url(READING_FEED.path));
  await rounds.openItem(READING_FEED.second);
  const text = rounds.reader.getByText('Restarting anticoagulation after a bleed.');
  const fontSize = () =>
    text.evaluate((element) =>
      parseFloat(element.ownerDocument.defaultView!.getComputedStyle(element).fontSize),
    );
  const normal = await fontSize();

  const settingsButton = app.page.getByRole('button', { name: 'Reading settings' });
  await settingsButton.click();
  const settings = app.page.getByRole('group', { name: 'Reading settings' });
  await settings.getByRole('radio', { name: 'Larger' }).check();
  await settings.getByRole('radio', { name: 'Sans serif' }).check();
  await expect.poll(fontSize).toBeGreaterThan(normal * 1.3);
  await app.page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(settingsButton).toBeFocused();
  // Escape closed the menu only: the reader is still open.
  await expect(rounds.reader.getByRole('heading', { level: 1 })).toBeVisible();

  await app.page.reload();
  await rounds.waitUntilReady();
  await rounds.feed(READING_FEED.title).click();
  await rounds.openItem(READING_FEED.second);
  await expect.poll(fontSize).toBeGreaterThan(normal * 1.3);
});

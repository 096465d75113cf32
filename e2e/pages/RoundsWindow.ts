import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Rounds window as a clinician sees it: sources on the left, items in the middle, the reader
 * on the right. Journeys talk to it in those terms and never reach for CSS selectors.
 */
export class RoundsWindow {
  readonly sources: Locator;
  readonly items: Locator;
  readonly reader: Locator;

  constructor(readonly page: Page) {
    this.sources = page.getByRole('navigation', { name: 'Sources' });
    this.items = page.getByRole('region', { name: 'Items' });
    this.reader = page.getByRole('article', { name: 'Reader' });
  }

  /** Waits until the three panes are on screen. */
  async waitUntilReady(): Promise<void> {
    await expect(this.sources).toBeVisible();
    await expect(this.items).toBeVisible();
    await expect(this.reader).toBeVisible();
  }

  private get addFeedDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add feed' });
  }

  /** Opens the add dialog and submits an address; leaves the dialog open if it fails. */
  async submitFeedAddress(url: string): Promise<void> {
    await this.sources.getByRole('button', { name: 'Add feed' }).first().click();
    await this.addFeedDialog.getByLabel('Feed address').fill(url);
    await this.addFeedDialog.getByRole('button', { name: 'Subscribe' }).click();
  }

  /** Subscribes to a feed and waits for the dialog to close. */
  async addFeed(url: string): Promise<void> {
    await this.submitFeedAddress(url);
    await expect(this.addFeedDialog).toBeHidden();
  }

  /** The error the add dialog shows. */
  addFeedError(): Locator {
    return this.addFeedDialog.getByRole('alert');
  }

  async cancelAddFeed(): Promise<void> {
    await this.addFeedDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.addFeedDialog).toBeHidden();
  }

  /** A feed's entry in the sources pane; its description carries the unread count. */
  feed(title: string): Locator {
    return this.sources.getByRole('button', { name: title, exact: true });
  }

  /** Asserts the unread count the sources pane shows for a feed. */
  async expectUnread(feedTitle: string, count: number): Promise<void> {
    await expect(this.feed(feedTitle)).toHaveAccessibleDescription(new RegExp(`^${count} unread`));
  }

  /** A smart view in the sources pane: 'All items', 'Unread' or 'Starred'. */
  view(name: 'All items' | 'Unread' | 'Starred'): Locator {
    return this.sources.getByRole('button', { name, exact: true });
  }

  /** The line above the list saying how many items it holds ("53 items"). */
  listedCount(): Locator {
    return this.items.getByText(/^[\d,]+ items?$/);
  }

  /** An item row in the list, found by its title. */
  item(title: string): Locator {
    return this.items.getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  async openItem(title: string): Promise<void> {
    await this.item(title).click();
    await expect(this.reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** The button that marks the open item read or unread (its name says what it will do). */
  readToggle(): Locator {
    return this.reader.getByRole('button', { name: /^Mark as (read|unread)$/ });
  }

  starToggle(): Locator {
    return this.reader.getByRole('button', { name: /^(Star|Unstar)$/ });
  }

  /** Imports an OPML file through the sources pane's "Import OPML…" button and file picker. */
  async importOpml(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.sources.getByRole('button', { name: 'Import OPML…' }).click();
    await (await chooser).setFiles(path);
  }

  async refreshAll(): Promise<void> {
    await this.sources.getByRole('button', { name: 'Refresh all' }).click();
  }

  /** The refresh progress line in the sources pane ("Refreshing 3 of 12…"). */
  refreshStatus(): Locator {
    return this.sources.getByRole('status').first();
  }

  /** The latest news toast ("Added 20 feeds …"). */
  toast(): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: /Added|Imported|feeds?/ })
      .last();
  }

  /** Notices about the data folder shown above the panes. */
  notices(): Locator {
    return this.page.getByRole('status').filter({ hasText: /restored|damaged|reset/i });
  }

  /** The search field above the item list. */
  searchField(): Locator {
    return this.items.getByRole('searchbox', { name: 'Search items' });
  }

  /** Types a search; the list follows once typing pauses. */
  async searchItems(text: string): Promise<void> {
    await this.searchField().fill(text);
  }

  /** Keeps the current search under a name through the "Save search" dialog. */
  async saveSearch(name: string): Promise<void> {
    await this.items.getByRole('button', { name: 'Save search' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save search' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** A saved search's entry under "Saved searches" in the sources pane. */
  savedSearch(name: string): Locator {
    return this.sources
      .getByRole('list', { name: 'Saved searches' })
      .getByRole('button', { name, exact: true });
  }

  private get muteRulesDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Mute rules' });
  }

  /** Mutes a keyword through the "Mute rules" dialog, then closes it. */
  async muteKeyword(text: string): Promise<void> {
    await this.sources.getByRole('button', { name: 'Mute rules…' }).click();
    await this.muteRulesDialog.getByRole('textbox', { name: 'Mute keyword' }).fill(text);
    await this.muteRulesDialog.getByRole('button', { name: 'Mute', exact: true }).click();
    await expect(
      this.muteRulesDialog.getByRole('button', { name: `Remove ${text}` }),
    ).toBeVisible();
    await this.muteRulesDialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.muteRulesDialog).toBeHidden();
  }

  /** Removes a mute rule through the "Mute rules" dialog, then closes it. */
  async unmuteKeyword(text: string): Promise<void> {
    await this.sources.getByRole('button', { name: 'Mute rules…' }).click();
    await this.muteRulesDialog.getByRole('button', { name: `Remove ${text}` }).click();
    await expect(this.muteRulesDialog.getByRole('button', { name: `Remove ${text}` })).toBeHidden();
    await this.muteRulesDialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.muteRulesDialog).toBeHidden();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

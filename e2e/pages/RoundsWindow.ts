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

  // Folders, tags, context menus and drops (e2e/folders.spec.ts).

  /** A folder's entry in the sources pane; selecting it lists its feeds' items. */
  folder(name: string): Locator {
    return this.sources.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(name)} ?folder$`),
    });
  }

  /** The triangle that opens and closes a folder. */
  folderToggle(name: string): Locator {
    return this.sources.getByRole('button', { name: `${name} folder contents`, exact: true });
  }

  /** A tag's entry under "Tags" in the sources pane. */
  tag(name: string): Locator {
    return this.sources
      .getByRole('list', { name: 'Tags' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)} ?tag$`) });
  }

  /** The "Feeds" heading, where a feed dropped leaves its folder for the top level. */
  feedsHeading(): Locator {
    return this.sources.getByRole('heading', { name: 'Feeds', exact: true });
  }

  /** The context menu the window draws (the host has no system menus). */
  contextMenu(): Locator {
    return this.page.getByRole('menu');
  }

  /** Right-clicks a row and picks an action from its menu. */
  async chooseFromMenu(row: Locator, action: string): Promise<void> {
    await row.click({ button: 'right' });
    await this.contextMenu().getByRole('menuitem', { name: action, exact: true }).click();
    await expect(this.contextMenu()).toBeHidden();
  }

  /** Files a feed in a folder (a new one, typed as "A / B") with its menu's "Move to folder…". */
  async moveFeedToNewFolder(feedTitle: string, folder: string): Promise<void> {
    await this.chooseFromMenu(this.feed(feedTitle), 'Move to folder…');
    const dialog = this.page.getByRole('dialog', { name: `Move “${feedTitle}”` });
    await dialog.getByRole('textbox', { name: 'Or a new folder' }).fill(folder);
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Renames a folder through its menu. */
  async renameFolder(name: string, newName: string): Promise<void> {
    await this.chooseFromMenu(this.folder(name), 'Rename…');
    const dialog = this.page.getByRole('dialog', { name: 'Rename folder' });
    await dialog.getByRole('textbox', { name: 'Folder name' }).fill(newName);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Renames a saved search through its menu. */
  async renameSavedSearch(name: string, newName: string): Promise<void> {
    await this.chooseFromMenu(this.savedSearch(name), 'Rename…');
    const dialog = this.page.getByRole('dialog', { name: 'Rename saved search' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(newName);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Deletes a saved search through its menu, confirming. */
  async deleteSavedSearch(name: string): Promise<void> {
    await this.chooseFromMenu(this.savedSearch(name), 'Delete…');
    const dialog = this.page.getByRole('alertdialog', {
      name: `Delete the saved search “${name}”?`,
    });
    await dialog.getByRole('button', { name: 'Delete search' }).click();
    await expect(dialog).toBeHidden();
  }

  /**
   * Drops a file on the window as a file manager would: a real drop event carrying the file, for
   * there is no file manager to drag from in a test.
   */
  async dropFileOnWindow(
    fileName: string,
    contents: string | Uint8Array,
    type = '',
  ): Promise<void> {
    // Bytes cross into the page as base64 (evaluate's arguments are JSON).
    const text = typeof contents === 'string' ? contents : null;
    const base64 = typeof contents === 'string' ? null : Buffer.from(contents).toString('base64');
    await this.page.evaluate(
      ({ fileName, text, base64, type }) => {
        // The page's own DOM types; this file is type-checked without the DOM library.
        const page = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: File): void } };
          DragEvent: new (type: string, init: object) => object;
          document: { body: { dispatchEvent(event: object): boolean } };
          atob(data: string): string;
        };
        const body =
          text ?? Uint8Array.from(page.atob(base64 ?? ''), (character) => character.charCodeAt(0));
        const transfer = new page.DataTransfer();
        transfer.items.add(new File([body], fileName, { type }));
        for (const name of ['dragenter', 'dragover', 'drop']) {
          const event = new page.DragEvent(name, {
            dataTransfer: transfer,
            bubbles: true,
            cancelable: true,
          });
          page.document.body.dispatchEvent(event);
        }
      },
      { fileName, text, base64, type },
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

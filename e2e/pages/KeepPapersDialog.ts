import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The "Keep papers" dialog as a clinician uses it: choose how long read items are kept, apply
 * the policy now, read what it removed.
 */
export class KeepPapersDialog {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    private readonly sources: Locator,
  ) {
    this.dialog = page.getByRole('dialog', { name: 'Keep papers' });
  }

  async open(): Promise<void> {
    await this.sources.getByRole('button', { name: 'Keep papers…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Picks "Older than N days" (or "Never: keep every item") for every feed. */
  async removeReadItems(choice: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Remove read items' }).selectOption(choice);
  }

  async applyNow(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Apply now' }).click();
  }

  /** What the last action said ("Removed 2 read items…", "Saved."). */
  outcome(): Locator {
    return this.dialog.getByRole('status');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

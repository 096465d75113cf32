import { expect, type Locator, type Page } from '@playwright/test';
import type { RoundsWindow } from './RoundsWindow';

/**
 * Summaries as a member writes and shares them (renderer/src/features/share): started from the
 * reader, listed under "Summaries", written in the composer, published to the club feed. Found
 * through the names a screen reader announces.
 */
export class Summaries {
  constructor(
    readonly page: Page,
    readonly rounds: RoundsWindow,
  ) {}

  /** "Write summary" in the reader's toolbar, on the open paper. */
  writeSummaryButton(): Locator {
    return this.rounds.reader.getByRole('button', { name: 'Write summary', exact: true });
  }

  /** "Your disclosure", asked once before the first summary and kept in the profile. */
  disclosureDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Your disclosure' });
  }

  /** Answers the disclosure dialog and waits for it to close. */
  async answerDisclosure(disclosure: string): Promise<void> {
    const dialog = this.disclosureDialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Disclosure' }).fill(disclosure);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The composer's title for a paper's summary. */
  composerHeading(paperTitle: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Summary: ${paperTitle}` });
  }

  /** A section of the composer ("Before sharing", "Club feed"…), found by its heading. */
  composerSection(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The guards' verdict in one line ("Ready to share", "Not ready: …"). */
  readiness(): Locator {
    return this.composerSection('Before sharing').getByRole('status').first();
  }

  /** "All summaries": from the composer back to the list. */
  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: 'All summaries', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Summaries' })).toBeVisible();
  }

  /** A summary's entry in the list, found by its paper's title. */
  listed(paperTitle: string): Locator {
    return this.page
      .getByRole('list', { name: 'Summaries' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: paperTitle, exact: true }) });
  }

  /** Opens a listed summary in the composer. */
  async open(paperTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${paperTitle}`, exact: true }).click();
    await expect(this.composerHeading(paperTitle)).toBeVisible();
  }

  /** Sets where the club feed is written and its title, through the list's "Club feed…". */
  async setClubFeed(settings: { title: string; folder: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Club feed…', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Club feed' });
    await dialog.getByRole('textbox', { name: 'Feed title' }).fill(settings.title);
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(settings.folder);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** "Publish to club feed" in the composer's "Club feed" section. */
  async publishToClubFeed(): Promise<void> {
    await this.composerSection('Club feed')
      .getByRole('button', { name: 'Publish to club feed' })
      .click();
  }

  /** What publishing says ("Published: 1 summary in …/feed.xml"). */
  clubFeedResult(): Locator {
    return this.composerSection('Club feed').getByRole('status');
  }
}

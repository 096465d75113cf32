import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The platforms the thread preview offers, by the names its radios show. */
export type ThreadPlatformName = 'X' | 'Bluesky' | 'Mastodon' | 'Threads' | 'LinkedIn';

/** One post's counter as the preview shows it ("212 / 300"). */
export interface ShownCount {
  used: number;
  limit: number;
  /** The counter says the post is over its limit. */
  over: boolean;
}

/** A download saved where the journey asked, with the name the app suggested. */
export interface SavedFile {
  path: string;
  suggestedName: string;
}

/**
 * The Summaries area as a clinician uses it (renderer/src/features/share): the disclosure asked
 * before the first summary, the composer's sections ("Before sharing", "Summary", "Thread
 * preview", "Visual abstract", "Handout", "Club feed"), the list of summaries and the "Accounts"
 * and "Club feed" dialogs, through the names a screen reader announces.
 */
export class SummaryComposer {
  readonly beforeSharing: Locator;
  readonly summary: Locator;
  readonly threadPreview: Locator;
  readonly visualAbstract: Locator;
  readonly handout: Locator;
  readonly clubFeed: Locator;

  constructor(readonly page: Page) {
    this.beforeSharing = this.section('Before sharing');
    this.summary = this.section('Summary');
    this.threadPreview = this.section('Thread preview');
    this.visualAbstract = this.section('Visual abstract');
    this.handout = this.section('Handout');
    this.clubFeed = this.section('Club feed');
  }

  /** A composer section, found by its heading (a named `<section>` is a region). */
  private section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The composer's title, "Summary: <paper title>". */
  heading(paperTitle: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Summary: ${paperTitle}` });
  }

  /** "Write summary" in the reader's toolbar, on the open paper. */
  writeSummaryButton(): Locator {
    return this.page.getByRole('button', { name: 'Write summary', exact: true });
  }

  /** "Your disclosure", asked once before the first summary and kept in the profile. */
  disclosureDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Your disclosure' });
  }

  /** Answers "Your disclosure", which Rounds asks once before the first summary. */
  async answerDisclosure(disclosure: string): Promise<void> {
    const dialog = this.disclosureDialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Disclosure' }).fill(disclosure);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** The summary's text box. */
  summaryText(): Locator {
    return this.summary.getByRole('textbox', { name: 'Summary', exact: true });
  }

  /**
   * The marks drawn behind the summary's text where the privacy guard found something. They are
   * hidden from assistive technology (the findings list is their accessible twin), so only their
   * element can find them.
   */
  summaryMarks(): Locator {
    return this.summary.locator('mark');
  }

  /** Replaces the summary and leaves the field, which saves it. */
  async replaceSummary(text: string): Promise<void> {
    await this.summaryText().fill(text);
    await this.summaryText().blur();
    await expect(this.summaryText()).toHaveValue(text);
  }

  /** Types at the end of the summary, key by key, as a clinician would. */
  async typeAtEndOfSummary(text: string): Promise<void> {
    const field = this.summaryText();
    await field.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** The one-line verdict: "Ready to share" or "Not ready: …". */
  readiness(): Locator {
    return this.beforeSharing
      .getByRole('status')
      .filter({ hasText: /^(Ready to share|Not ready: )/ });
  }

  /** The privacy guard's findings, each with its Redact and Keep buttons. */
  findings(): Locator {
    return this.beforeSharing
      .getByRole('list', { name: 'Possible patient identifiers' })
      .getByRole('listitem');
  }

  /** Redacts one finding and waits until the list no longer offers it. */
  async redact(text: string): Promise<void> {
    const button = this.beforeSharing.getByRole('button', { name: `Redact “${text}”` });
    await button.click();
    await expect(button).toBeHidden();
  }

  /**
   * Keeps one finding in the text with a reason on record ("Keep this text?"), and waits until
   * the list no longer offers it.
   */
  async keep(text: string, reason: string): Promise<void> {
    const button = this.beforeSharing.getByRole('button', { name: `Keep “${text}”…` }).first();
    await button.click();
    const dialog = this.page.getByRole('dialog', { name: 'Keep this text?' });
    await dialog.getByRole('radio', { name: reason }).check();
    await dialog.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Shows the thread as `platform` will split and count it. */
  async choosePlatform(platform: ThreadPlatformName): Promise<void> {
    const radio = this.threadPreview
      .getByRole('radiogroup', { name: 'Platform' })
      .getByRole('radio', { name: platform, exact: true });
    await radio.check();
    await expect(this.postList(platform)).toBeVisible();
  }

  /** The list of posts for a platform. */
  postList(platform: ThreadPlatformName): Locator {
    return this.threadPreview.getByRole('list', { name: `Posts for ${platform}` });
  }

  /** The posts of the platform's thread, in order. */
  posts(platform: ThreadPlatformName): Locator {
    return this.postList(platform).getByRole('listitem');
  }

  /** The line under the thread saying how many posts it has ("6 posts"). */
  postCount(): Locator {
    return this.threadPreview.getByText(/^\d[\d,]* posts?$/);
  }

  /** Every post's counter, read as the user reads it. */
  async shownCounts(platform: ThreadPlatformName): Promise<ShownCount[]> {
    const counters = await this.posts(platform)
      .locator('p[title]')
      .evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    return counters.map((counter) => {
      const match = /^([\d,]+) \/ ([\d,]+)/.exec(counter.trim());
      if (!match) throw new Error(`A post counter reads “${counter}”, not “used / limit”.`);
      const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
      return {
        used: number(match[1]),
        limit: number(match[2]),
        over: counter.includes('over the limit'),
      };
    });
  }

  copyAllButton(): Locator {
    return this.threadPreview.getByRole('button', { name: 'Copy all posts' });
  }

  /** "Copy post N" on one post of the previewed thread. */
  copyPostButton(number: number): Locator {
    return this.threadPreview.getByRole('button', { name: `Copy post ${number}`, exact: true });
  }

  /** "Post thread to …" (the preview must show that platform). */
  postButton(platform: 'Bluesky' | 'Mastodon'): Locator {
    return this.threadPreview.getByRole('button', { name: `Post thread to ${platform}` });
  }

  /** What the last post said ("Posted all 3 posts to Mastodon."). */
  postingResult(): Locator {
    return this.threadPreview.getByRole('status').last();
  }

  /** Posts the previewed thread and waits for the app to say every post is out. */
  async postThread(platform: 'Bluesky' | 'Mastodon', expectedPosts: number): Promise<void> {
    await this.choosePlatform(platform);
    await this.postButton(platform).click();
    await expect(this.postingResult()).toHaveText(
      `Posted all ${expectedPosts} posts to ${platform}.`,
    );
  }

  saveLandscapeImageButton(): Locator {
    return this.visualAbstract.getByRole('button', { name: 'Save landscape image' });
  }

  /** The visual abstract's alt text, as the composer holds it. */
  altText(): Locator {
    return this.visualAbstract.getByRole('textbox', { name: 'Alt text', exact: true });
  }

  saveHandoutButton(format: 'Markdown' | 'HTML' | 'PDF'): Locator {
    return this.handout.getByRole('button', { name: `Save handout as ${format}` });
  }

  publishButton(): Locator {
    return this.clubFeed.getByRole('button', { name: 'Publish to club feed' });
  }

  /** What the last publication said ("Published: 1 summary in …/feed.xml"). */
  publishResult(): Locator {
    return this.clubFeed.getByRole('status');
  }

  /** Presses a button that offers a file and saves the download at `path`. */
  async download(button: Locator, path: string): Promise<SavedFile> {
    const downloading: Promise<Download> = this.page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    await download.saveAs(path);
    return { path, suggestedName: download.suggestedFilename() };
  }

  /**
   * Adds both accounts in the "Accounts" dialog, opened from the composer's "Accounts…" (offered
   * under a platform with no account yet), then closes it.
   */
  async addAccounts(accounts: {
    bluesky: { server: string; handle: string; appPassword: string };
    mastodon: { instance: string; accessToken: string };
  }): Promise<void> {
    await this.threadPreview.getByRole('button', { name: 'Accounts…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Accounts' });
    await expect(dialog).toBeVisible();

    await dialog.getByRole('textbox', { name: 'Bluesky server' }).fill(accounts.bluesky.server);
    await dialog.getByRole('textbox', { name: 'Handle or e-mail' }).fill(accounts.bluesky.handle);
    await dialog.getByLabel('App password').fill(accounts.bluesky.appPassword);
    await dialog.getByRole('button', { name: 'Save Bluesky account' }).click();
    await expect(dialog.getByText(`Bluesky: ${accounts.bluesky.handle}`)).toBeVisible();

    await dialog
      .getByRole('textbox', { name: 'Mastodon instance' })
      .fill(accounts.mastodon.instance);
    await dialog.getByLabel('Access token').fill(accounts.mastodon.accessToken);
    await dialog.getByRole('button', { name: 'Save Mastodon account' }).click();
    await expect(dialog.getByText(`Mastodon: ${accounts.mastodon.instance}`)).toBeVisible();
    await expect(dialog.getByRole('status')).toHaveText('Saved your Mastodon account.');

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Leaves the composer for the list of summaries ("All summaries"). */
  async openList(): Promise<void> {
    await this.page.getByRole('button', { name: 'All summaries' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Summaries' })).toBeVisible();
  }

  /** A summary's entry in the list, found by its paper's title. */
  listed(paperTitle: string): Locator {
    return this.page
      .getByRole('list', { name: 'Summaries' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: paperTitle, exact: true }) });
  }

  /** Opens a summary from the list in the composer. */
  async openFromList(paperTitle: string): Promise<void> {
    await this.listed(paperTitle)
      .getByRole('button', { name: `Open ${paperTitle}`, exact: true })
      .click();
    await expect(this.heading(paperTitle)).toBeVisible();
  }

  /** Sets the folder the club feed is written to (and its title), in the list's "Club feed…". */
  async setFeedFolder(folder: string, title?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Club feed…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Club feed' });
    await expect(dialog).toBeVisible();
    if (title !== undefined) await dialog.getByRole('textbox', { name: 'Feed title' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Saved the club feed’s settings.' }),
    ).toBeVisible();
  }
}

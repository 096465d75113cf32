import { expect, type Locator, type Page } from '@playwright/test';
import type { RoundsWindow } from './RoundsWindow';

/** A download saved under the test's output folder, with the name the app suggested. */
export interface SavedDownload {
  path: string;
  suggestedName: string;
}

/** Where a journey keeps the files members save (the test's own output folder). */
export type OutputPath = (fileName: string) => string;

/** What "Sync server…" and the session page say about the club's server. */
export const SYNC_TEXT = {
  connected: /^Sync: connected/,
  offline: /^Sync: offline — your changes are kept and sent when the server is back/,
} as const;

/**
 * The journal club area as a member uses it: their profile, the club page, the session page and
 * the CPD log, through the names a screen reader announces (renderer/src/features/club).
 */
export class JournalClub {
  constructor(
    readonly page: Page,
    readonly rounds: RoundsWindow,
  ) {}

  /** Opens the club area from the sources pane. */
  async open(): Promise<void> {
    await this.rounds.sources.getByRole('button', { name: 'Journal club', exact: true }).click();
  }

  /** Goes to a club's page from anywhere: the club area, then "Back to <club>" if on a session. */
  async openClubPage(clubName: string): Promise<void> {
    await this.open();
    const heading = this.clubHeading(clubName);
    const back = this.page.getByRole('button', { name: `Back to ${clubName}`, exact: true });
    await expect(heading.or(back).first()).toBeVisible();
    if (await back.isVisible()) await back.click();
    await expect(heading).toBeVisible();
  }

  /** Fills the first-use profile form and waits for it to be kept. */
  async saveProfile(name: string, profession: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await this.page.getByRole('textbox', { name: 'Profession' }).fill(profession);
    await this.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your profile' })).toBeHidden();
  }

  async createClub(club: { name: string; hashtag: string; timeZone: string }): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Create a club' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Club name' }).fill(club.name);
    await this.page.getByRole('textbox', { name: 'Hashtag' }).fill(club.hashtag);
    await this.page.getByRole('textbox', { name: 'Time zone' }).fill(club.timeZone);
    await this.page.getByRole('button', { name: 'Create club' }).click();
    await expect(this.clubHeading(club.name)).toBeVisible();
  }

  /** The club page's title. */
  clubHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  /** The button that opens a session from the club page's lists. */
  sessionButton(title: string): Locator {
    return this.page.getByRole('button', { name: title, exact: true });
  }

  /** Plans a session through the "New session" dialog and waits until the dialog is gone. */
  async newSession(session: {
    title: string;
    paperSearch: string;
    paperTitle: string;
    startsAt: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'New session' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New session' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(session.title);
    await dialog.getByRole('searchbox', { name: 'Find a paper' }).fill(session.paperSearch);
    await dialog.getByRole('checkbox', { name: session.paperTitle }).check();
    await dialog.getByLabel('Date and time').fill(session.startsAt);
    await dialog.getByRole('button', { name: 'Create session' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Goes to a session from anywhere: the club area, then the session's button. */
  async openSession(title: string): Promise<SessionPage> {
    const session = new SessionPage(this.page, title);
    if (await session.heading.isVisible()) return session;
    await this.open();
    // The club area may come back on the session last open, or on the club page.
    const button = this.sessionButton(title);
    await expect(session.heading.or(button).first()).toBeVisible();
    if (await button.isVisible()) await button.click();
    await expect(session.heading).toBeVisible();
    return session;
  }

  /**
   * Picks a `.rounds` file through "Import a session bundle…" (on the club page, the "Create a
   * club" screen or a session page), as a member choosing it in the file chooser.
   */
  async importBundle(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import a session bundle…' }).click();
    await (await chooser).setFiles(path);
  }

  /** A message the club area shows in a status line (what an import said, for one). */
  news(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Sets the club's sync server in the "Sync server" dialog, from the club page. */
  async setSyncServer(address: string, token: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Sync server…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Sync server' });
    await dialog.getByRole('textbox', { name: 'Server address' }).fill(address);
    await dialog.getByLabel('Access token').fill(token);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByText(SYNC_TEXT.connected).first()).toBeVisible({
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The sync state line, wherever the club area shows it. */
  syncState(text: RegExp): Locator {
    return this.page.getByText(text).first();
  }

  /** Saves a file the app offers (Export bundle, Export CSV) into the test's output folder. */
  async download(button: Locator, outputPath: OutputPath, as: string): Promise<SavedDownload> {
    const downloading = this.page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    const path = outputPath(as);
    await download.saveAs(path);
    return { path, suggestedName: download.suggestedFilename() };
  }
}

/** One session's page: its papers, appraisal, discussion, votes, actions and bottom line. */
export class SessionPage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    readonly title: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  /**
   * The part of the page under an `h2`: the innermost section (or region) holding that heading.
   * Sections nest in document order, so the last match is the innermost.
   */
  section(name: string): Locator {
    return this.page
      .locator('section, [role="region"]')
      .filter({ has: this.page.getByRole('heading', { level: 2, name, exact: true }) })
      .last();
  }

  /** Opens a session paper in the reader. */
  async readPaper(paperTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Read ${paperTitle}`, exact: true }).click();
  }

  async exportBundle(club: JournalClub, outputPath: OutputPath, as: string) {
    return club.download(this.page.getByRole('button', { name: 'Export bundle' }), outputPath, as);
  }

  /** The design suggestion line under a paper's "Study design". */
  designSuggestion(): Locator {
    return this.page.getByText(/^Suggested: /);
  }

  async useSuggestedDesign(): Promise<void> {
    await this.page.getByRole('button', { name: 'Use suggestion' }).click();
    await expect(this.page.getByRole('button', { name: 'Use suggestion' })).toBeHidden();
  }

  studyDesign(): Locator {
    return this.page.getByRole('combobox', { name: 'Study design' });
  }

  checklist(paperTitle: string): Locator {
    return this.page.getByRole('table', { name: `Appraisal checklist: ${paperTitle}` });
  }

  /** A checklist row, found by its question (the row header). */
  question(paperTitle: string, questionText: string): Locator {
    return this.checklist(paperTitle).getByRole('row', {
      name: new RegExp(`^${escapeRegExp(questionText)}`),
    });
  }

  /** The member's own answer in a checklist row, checked and waited for. */
  async answer(questionText: string, answer: 'Yes' | 'No' | 'Unclear'): Promise<void> {
    const radio = this.page
      .getByRole('radiogroup', { name: `Your answer: ${questionText}` })
      .getByRole('radio', { name: answer, exact: true });
    // Click, not check(): the radio shows the saved answer, so it turns on once the backend has it.
    await radio.click();
    await expect(radio).toBeChecked();
  }

  async vote(vote: 'Yes' | 'No' | 'Not sure'): Promise<void> {
    const radio = this.page
      .getByRole('radiogroup', { name: 'Your vote' })
      .getByRole('radio', { name: vote, exact: true });
    // Click, not check(): the radio shows the saved answer, so it turns on once the backend has it.
    await radio.click();
    await expect(radio).toBeChecked();
  }

  /** The tally's list item, e.g. `Yes: 1`. */
  tally(text: string): Locator {
    return this.section('Would this change your practice?')
      .getByRole('listitem')
      .filter({
        hasText: new RegExp(`^${escapeRegExp(text)}$`),
      });
  }

  async addAction(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'New action' }).fill(text);
    await this.page.getByRole('button', { name: 'Add action' }).click();
    await expect(this.actionDone(text)).toBeVisible();
  }

  /** An action item's "Done" checkbox: one per action on the list. */
  actionDone(text: string): Locator {
    return this.page.getByRole('checkbox', { name: `Done: ${text}`, exact: true });
  }

  /** The highlights members brought to the session, under their names. */
  highlights(): Locator {
    return this.section('Members’ highlights').or(this.section("Members' highlights"));
  }

  /** The shared discussion editor. */
  discussion(): Locator {
    return this.page.getByRole('textbox', { name: 'Discussion', exact: true });
  }

  /** Types a new paragraph at the end of the discussion. */
  async addDiscussionParagraph(text: string): Promise<void> {
    const editor = this.discussion();
    await editor.click();
    await this.page.keyboard.press('Control+End');
    if ((await editor.innerText()).trim() !== '') await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
    await expect(editor).toContainText(text);
  }

  /** The discussion's paragraphs that hold text. */
  discussionParagraphs(): Locator {
    return this.discussion().getByRole('paragraph').filter({ hasText: /\S/ });
  }

  bottomLine(): Locator {
    return this.page.getByRole('textbox', { name: 'Bottom line' });
  }

  async writeBottomLine(text: string): Promise<void> {
    await this.bottomLine().fill(text);
    await this.page.getByRole('button', { name: 'Save bottom line' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Bottom line saved.' }),
    ).toBeVisible();
  }

  closeButton(): Locator {
    return this.page.getByRole('button', { name: 'Close session' });
  }

  /** What a refused close said. */
  alert(): Locator {
    return this.page.getByRole('alert');
  }

  logCpdDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Log CPD' });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

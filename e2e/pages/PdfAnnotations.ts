import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Highlights and notes on a paper's PDF as a clinician makes them: move through the pages, select
 * words on one, pick a colour by its meaning, and write the highlight's note in the side panel.
 */
export class PdfAnnotations {
  /** The PDF viewer, named after the paper. */
  readonly viewer: Locator;
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    reader: Locator,
    paperTitle: string,
  ) {
    this.viewer = reader.getByRole('region', { name: paperTitle, exact: true });
    this.panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  }

  /** Page `number` of the PDF (drawn when it comes near the visible area). */
  pdfPage(number: number): Locator {
    return this.viewer.locator(`.pdf-page[data-page="${number}"]`);
  }

  /** The highlights painted on a page, in reading order. */
  marksOn(number: number): Locator {
    return this.pdfPage(number).locator('.textLayer mark.highlight');
  }

  /** Waits for the PDF's first page to be drawn with its text. */
  async waitUntilShown(firstWords: string): Promise<void> {
    await expect(this.pdfPage(1).locator('.textLayer')).toContainText(firstWords, {
      timeout: 30_000,
    });
  }

  /** Goes to the next page with the toolbar's button, until page `number` is the one shown. */
  async goToPage(number: number): Promise<void> {
    const field = this.viewer.getByRole('textbox', { name: /^Page number/ });
    while (Number(await field.inputValue()) < number) {
      await this.viewer.getByRole('button', { name: 'Next page' }).click();
    }
    await expect(field).toHaveValue(String(number));
    await expect(this.pdfPage(number).locator('.textLayer span').first()).toBeVisible();
  }

  /** Selects `words` on a drawn page as a drag over them would, through the page's Selection. */
  async select(number: number, words: string): Promise<void> {
    await this.pdfPage(number)
      .locator('.textLayer')
      .evaluate((layer, wanted) => {
        // 4 is NodeFilter.SHOW_TEXT (this file is type-checked without the DOM's globals).
        const walker = layer.ownerDocument.createTreeWalker(layer, 4);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(wanted);
          if (at < 0) continue;
          const range = layer.ownerDocument.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const selection = layer.ownerDocument.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        throw new Error(`"${wanted}" is not in one line of the page's text`);
      }, words);
  }

  /** Selects `words` on page `number` and highlights them with the colour meaning `meaning`. */
  async highlight(number: number, words: string, meaning: string): Promise<void> {
    await this.select(number, words);
    const toolbar = this.viewer.getByRole('toolbar', { name: 'Highlight selection' });
    await toolbar.getByRole('button', { name: meaning, exact: true }).click();
    await expect(this.marksOn(number).filter({ hasText: words })).not.toHaveCount(0);
  }

  /** A highlight's card in the panel, found by its quoted words. */
  card(quote: string | RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: quote });
  }

  /** Writes a note on a highlight, `bold` in bold after `plain`, and waits until it is saved. */
  async writeNote(quote: string, plain: string, bold: string): Promise<void> {
    const card = this.card(quote);
    await card.getByRole('button', { name: 'Add note…' }).click();
    const note = card.getByRole('textbox', { name: 'Note on highlight' });
    await note.click();
    await note.pressSequentially(plain);
    await this.page.keyboard.press('Control+b');
    await note.pressSequentially(bold);
    await expect(note.locator('strong')).toHaveText(bold);
    await expect(card.getByRole('status')).toHaveText('Saved');
  }
}

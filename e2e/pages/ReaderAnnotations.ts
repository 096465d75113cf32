import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The reader's highlights and notes as a clinician uses them: select words in the paper, pick a
 * colour by its meaning, and work with the highlights in the side panel.
 */
export class ReaderAnnotations {
  readonly content: Locator;
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    reader: Locator,
  ) {
    // The paper's own text: the one part of the reader without a role of its own.
    this.content = reader.locator('.reader-content');
    this.panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  }

  /** The painted highlights, in reading order. */
  marks(): Locator {
    return this.content.locator('mark.highlight');
  }

  /** Selects `words` in the paper as a drag over them would, through the page's Selection. */
  async select(words: string): Promise<void> {
    await this.content.evaluate((root, wanted) => {
      // 4 is NodeFilter.SHOW_TEXT (this file is type-checked without the DOM's globals).
      const walker = root.ownerDocument.createTreeWalker(root, 4);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at < 0) continue;
        const range = root.ownerDocument.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = root.ownerDocument.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the paper's text`);
    }, words);
  }

  /** Selects `words` and highlights them with the colour that means `meaning`. */
  async highlight(words: string, meaning: string): Promise<void> {
    await this.select(words);
    const toolbar = this.page.getByRole('toolbar', { name: 'Highlight selection' });
    await toolbar.getByRole('button', { name: meaning, exact: true }).click();
    await expect(this.marks().filter({ hasText: words })).not.toHaveCount(0);
  }

  /** A highlight's card in the panel, found by its quoted words. */
  card(quote: string | RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: quote });
  }
}

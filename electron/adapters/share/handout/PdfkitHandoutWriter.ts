import PDFDocument from 'pdfkit';
import {
  HANDOUT_HEADINGS,
  HIGHLIGHT_COMMENT_LABEL,
  handoutFooter,
  handoutSections,
  handoutSourceLink,
  handoutTitle,
  handoutWarnings,
  oneLine,
  type HandoutQuote,
  type HandoutSection,
} from '@shared/domain/share/handout/handoutSections';
import type { HandoutField, HandoutContent } from '@shared/domain/share/summary';
import { findBundledResource } from '../../catalogue/findBundledResource';

/** Options of {@link renderHandoutPdf}. */
export interface HandoutPdfOptions {
  /** The creation date recorded in the PDF; tests pass a fixed one. Default: now. */
  now?: Date;
}

// Inter covers what clinicians type (≥ ≤ ± “ ” – and accented names), which the standard 14 PDF
// fonts cannot encode; pdfkit embeds a subset of each file as a TrueType font.
const FONT_FILES = {
  regular: 'fonts/Inter-Regular.ttf',
  bold: 'fonts/Inter-Bold.ttf',
  italic: 'fonts/Inter-Italic.ttf',
} as const;
type FontStyle = keyof typeof FONT_FILES;
const FONT_NAMES: Record<FontStyle, string> = {
  regular: 'Inter',
  bold: 'Inter-Bold',
  italic: 'Inter-Italic',
};

// A4 in points with 20 mm side margins; the larger bottom margin leaves room for the page number.
const MARGINS = { top: 56, bottom: 64, left: 57, right: 57 };
const COLOURS = {
  ink: '#1b1d21',
  muted: '#555b66',
  accent: '#0b57a4',
  rule: '#c9ced6',
  warningInk: '#6b2d00',
  warningPaper: '#fff4e6',
  warningRule: '#c56a12',
};
const SIZES = { title: 20, heading: 14, body: 11, small: 10, footer: 9 };
const LINE_GAP = 2;
const PARAGRAPH_GAP = 6;
const QUOTE_INDENT = 18;
const APPRAISAL_LABEL_WIDTH = 140;
const APPRAISAL_COLUMN_GAP = 12;
const WARNING_PADDING = 9;

/**
 * The handout as an A4 PDF: headings, the warnings in a box at the top, highlights indented,
 * the appraisal as label and value rows, text flowing across as many pages as it needs, and
 * "Page n of N" at the foot of every page. Only the bundled Inter fonts are used and embedded,
 * so every character prints the same on any machine. The document records the handout's title,
 * "Rounds" as its creator and `options.now` as its creation date; the same content and date give
 * the same bytes.
 */
export async function renderHandoutPdf(
  content: HandoutContent,
  options: HandoutPdfOptions = {},
): Promise<Uint8Array> {
  const fonts = bundledFontPaths();
  const document = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    // Pages stay in memory until the end so each can be numbered "of N".
    bufferPages: true,
    // Given as the default font so pdfkit never loads its Helvetica.
    font: fonts.regular,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: handoutTitle(content),
      Creator: 'Rounds',
      CreationDate: options.now ?? new Date(),
    },
  });
  const bytes = collectBytes(document);
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    document.registerFont(FONT_NAMES[style], fonts[style]);
  }
  new HandoutLayout(document).draw(content);
  numberPages(document);
  document.end();
  return bytes;
}

function bundledFontPaths(): Record<FontStyle, string> {
  const paths = {} as Record<FontStyle, string>;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    const path = findBundledResource(FONT_FILES[style]);
    if (path === null) {
      throw new Error(
        `Rounds cannot make the PDF handout because its font file resources/${FONT_FILES[style]} is missing. Reinstalling Rounds restores it.`,
      );
    }
    paths[style] = path;
  }
  return paths;
}

function collectBytes(document: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('error', reject);
    document.on('end', () => {
      const whole = Buffer.concat(chunks);
      resolve(new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength));
    });
  });
}

function numberPages(document: PDFKit.PDFDocument): void {
  const { start, count } = document.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    document.switchToPage(start + index);
    const page = document.page;
    const bottomMargin = page.margins.bottom;
    // Text below the bottom margin would make pdfkit start a new page; the footer lives there.
    page.margins.bottom = 0;
    document
      .font(FONT_NAMES.regular)
      .fontSize(SIZES.footer)
      .fillColor(COLOURS.muted)
      .text(
        `Page ${index + 1} of ${count}`,
        page.margins.left,
        page.height - bottomMargin / 2 - SIZES.footer / 2,
        {
          width: page.width - page.margins.left - page.margins.right,
          align: 'center',
          lineBreak: false,
        },
      );
    page.margins.bottom = bottomMargin;
  }
}

/** Draws the handout top to bottom, starting new pages as the text needs. */
class HandoutLayout {
  private readonly left: number;
  private readonly width: number;

  constructor(private readonly document: PDFKit.PDFDocument) {
    this.left = document.page.margins.left;
    this.width = document.page.width - document.page.margins.left - document.page.margins.right;
  }

  draw(content: HandoutContent): void {
    this.style('bold', SIZES.title).text(handoutTitle(content), this.left, this.document.y, {
      width: this.width,
      lineGap: LINE_GAP,
    });
    this.document.moveDown(0.4);
    this.citation(content);
    this.warnings(handoutWarnings(content));
    const level = oneLine(content.levelOfEvidence);
    if (level !== '') {
      this.style('bold', SIZES.body).text(
        `${HANDOUT_HEADINGS.levelOfEvidence}: `,
        this.left,
        this.document.y,
        { width: this.width, lineGap: LINE_GAP, continued: true },
      );
      this.style('regular', SIZES.body).text(level, { lineGap: LINE_GAP });
    }
    for (const section of handoutSections(content)) this.section(section);
    this.footer(handoutFooter(content));
  }

  private citation(content: HandoutContent): void {
    const citation = oneLine(content.citation);
    const link = handoutSourceLink(content.paper);
    if (citation === '' && link === null) return;
    const options = { width: this.width, lineGap: LINE_GAP };
    if (citation !== '') {
      this.style('regular', SIZES.small, COLOURS.muted).text(
        link === null ? citation : `${citation} `,
        this.left,
        this.document.y,
        { ...options, continued: link !== null },
      );
    }
    if (link !== null) {
      this.style('regular', SIZES.small, COLOURS.accent);
      const linkOptions = { ...options, link: link.href, underline: true };
      if (citation === '') this.document.text(link.text, this.left, this.document.y, linkOptions);
      else this.document.text(link.text, linkOptions);
    }
    this.document.moveDown(0.6);
  }

  private warnings(warnings: string[]): void {
    if (warnings.length === 0) return;
    const innerWidth = this.width - 2 * WARNING_PADDING;
    const textOptions = { width: innerWidth, lineGap: LINE_GAP, paragraphGap: 2 };
    this.style('bold', SIZES.body, COLOURS.warningInk);
    const textHeight = warnings.reduce(
      (sum, warning) => sum + this.document.heightOfString(warning, textOptions),
      0,
    );
    const boxHeight = textHeight + 2 * WARNING_PADDING;
    this.keepTogether(boxHeight);
    const top = this.document.y;
    this.document
      .save()
      .lineWidth(1.5)
      .rect(this.left, top, this.width, boxHeight)
      .fillAndStroke(COLOURS.warningPaper, COLOURS.warningRule)
      .restore();
    this.style('bold', SIZES.body, COLOURS.warningInk);
    let y = top + WARNING_PADDING;
    for (const warning of warnings) {
      this.document.text(warning, this.left + WARNING_PADDING, y, textOptions);
      y = this.document.y;
    }
    this.document.x = this.left;
    this.document.y = Math.max(this.document.y, top + boxHeight) + 10;
  }

  private section(section: HandoutSection): void {
    // A heading is never left alone at the foot of a page: it moves on with its first lines.
    this.document.moveDown(0.9);
    this.keepTogether(SIZES.heading * 2 + SIZES.body * 4);
    this.style('bold', SIZES.heading).text(section.heading, this.left, this.document.y, {
      width: this.width,
    });
    const ruleY = this.document.y + 1;
    this.document
      .save()
      .moveTo(this.left, ruleY)
      .lineTo(this.left + this.width, ruleY)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke()
      .restore();
    this.document.y = ruleY + 6;
    switch (section.kind) {
      case 'paragraphs':
        for (const paragraph of section.paragraphs) this.paragraph(paragraph);
        break;
      case 'highlights':
        for (const highlight of section.highlights) this.highlight(highlight);
        break;
      case 'appraisal':
        for (const row of section.rows) this.appraisalRow(row);
        break;
    }
  }

  private paragraph(text: string, indent = 0): void {
    this.style('regular', SIZES.body).text(text, this.left + indent, this.document.y, {
      width: this.width - indent,
      lineGap: LINE_GAP,
      paragraphGap: PARAGRAPH_GAP,
    });
  }

  private highlight(highlight: HandoutQuote): void {
    const x = this.left + QUOTE_INDENT;
    const width = this.width - QUOTE_INDENT;
    this.keepTogether(SIZES.body * 3);
    const top = this.document.y;
    const page = this.currentPage();
    this.style('italic', SIZES.body);
    for (const paragraph of highlight.quote) {
      this.document.text(paragraph, x, this.document.y, {
        width,
        lineGap: LINE_GAP,
        paragraphGap: 3,
      });
    }
    // The bar beside the quote is drawn only when the quote ended on the page it started on.
    if (this.currentPage() === page) {
      const bottom = this.document.y - 3;
      this.document
        .save()
        .moveTo(this.left + 6, top)
        .lineTo(this.left + 6, bottom)
        .lineWidth(2)
        .strokeColor(COLOURS.rule)
        .stroke()
        .restore();
    }
    if (highlight.by !== null) {
      this.style('regular', SIZES.small, COLOURS.muted).text(
        `— ${highlight.by}`,
        x,
        this.document.y,
        { width, lineGap: LINE_GAP, paragraphGap: 3 },
      );
    }
    highlight.comment.forEach((paragraph, index) => {
      const options = { width, lineGap: LINE_GAP, paragraphGap: 3 };
      if (index === 0) {
        this.style('bold', SIZES.small).text(`${HIGHLIGHT_COMMENT_LABEL} `, x, this.document.y, {
          ...options,
          continued: true,
        });
        this.style('regular', SIZES.small).text(paragraph, options);
      } else {
        this.style('regular', SIZES.small).text(paragraph, x, this.document.y, options);
      }
    });
    this.document.moveDown(0.6);
  }

  private appraisalRow(row: HandoutField): void {
    const valueX = this.left + APPRAISAL_LABEL_WIDTH + APPRAISAL_COLUMN_GAP;
    const valueWidth = this.width - APPRAISAL_LABEL_WIDTH - APPRAISAL_COLUMN_GAP;
    const labelOptions = { width: APPRAISAL_LABEL_WIDTH, lineGap: LINE_GAP };
    const valueOptions = { width: valueWidth, lineGap: LINE_GAP };
    this.style('bold', SIZES.small);
    const labelHeight = this.document.heightOfString(row.label, labelOptions);
    this.style('regular', SIZES.small);
    const valueHeight = this.document.heightOfString(row.value, valueOptions);
    this.keepTogether(Math.max(labelHeight, valueHeight) + 8);
    const top = this.document.y;
    const page = this.currentPage();
    this.style('bold', SIZES.small).text(row.label, this.left, top, labelOptions);
    const labelBottom = this.document.y;
    this.style('regular', SIZES.small).text(row.value, valueX, top, valueOptions);
    // A value longer than a page flows on; then only where it ended counts.
    const bottom =
      this.currentPage() === page ? Math.max(labelBottom, this.document.y) : this.document.y;
    const ruleY = bottom + 3;
    this.document
      .save()
      .moveTo(this.left, ruleY)
      .lineTo(this.left + this.width, ruleY)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke()
      .restore();
    this.document.x = this.left;
    this.document.y = ruleY + 5;
  }

  private footer(text: string): void {
    this.document.moveDown(1);
    this.keepTogether(SIZES.footer * 3);
    this.style('regular', SIZES.footer, COLOURS.muted).text(text, this.left, this.document.y, {
      width: this.width,
    });
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private keepTogether(height: number): void {
    const pageBottom = this.document.page.height - this.document.page.margins.bottom;
    const pageRoom = pageBottom - this.document.page.margins.top;
    if (this.document.y + height > pageBottom && height <= pageRoom) {
      this.document.addPage();
      this.document.x = this.left;
    }
  }

  private currentPage(): PDFKit.PDFPage {
    return this.document.page;
  }

  private style(style: FontStyle, size: number, colour = COLOURS.ink): PDFKit.PDFDocument {
    return this.document.font(FONT_NAMES[style]).fontSize(size).fillColor(colour);
  }
}

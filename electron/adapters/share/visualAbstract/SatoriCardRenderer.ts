// Draws a visual abstract card as a PNG: satori lays the element tree out into an SVG with the
// bundled Inter fonts (text becomes paths, so nothing depends on the machine's fonts), and resvg
// rasterises it. Both run in-process and offline: no loader is given that could fetch anything.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import {
  CARD_SIZES,
  MAX_CARD_BYTES,
  type CardSize,
  type VisualAbstractCard,
} from '@shared/domain/share/summary';
import { findBundledResource } from '../../catalogue/findBundledResource';
import { buildCardLayout, CARD_FONT_FAMILY } from './cardLayout';
import { loadSatori, type Font } from './satoriTypes';

const CARD_FONTS: { file: string; weight: Font['weight']; style: Font['style'] }[] = [
  { file: 'fonts/Inter-Regular.ttf', weight: 400, style: 'normal' },
  { file: 'fonts/Inter-Bold.ttf', weight: 700, style: 'normal' },
  { file: 'fonts/Inter-Italic.ttf', weight: 400, style: 'italic' },
];

export interface SatoriCardRendererOptions {
  /** Finds a file under `resources/` (e.g. `fonts/Inter-Bold.ttf`); tests point it elsewhere. */
  findFont?: (relativePath: string) => string | null;
  /**
   * Told of text the bundled fonts have no glyphs for (e.g. Chinese or Greek), which the card then
   * draws as empty boxes; the caller can warn the user before they share it.
   */
  onMissingGlyphs?: (segments: string[]) => void;
}

export class SatoriCardRenderer {
  private readonly findFont: (relativePath: string) => string | null;
  private readonly onMissingGlyphs: ((segments: string[]) => void) | undefined;
  // Parsing three font files on every card would cost more than drawing it, so they load once.
  private fonts: Promise<Font[]> | null = null;

  constructor(options: SatoriCardRendererOptions = {}) {
    this.findFont = options.findFont ?? ((relativePath) => findBundledResource(relativePath));
    this.onMissingGlyphs = options.onMissingGlyphs;
  }

  /** The card drawn at one of the card sizes, as PNG bytes of exactly that many pixels. */
  async render(card: VisualAbstractCard, size: CardSize): Promise<Uint8Array> {
    const fonts = await this.loadFonts();
    const { width, height } = CARD_SIZES[size];
    const missing = new Set<string>();
    const satori = await loadSatori();
    const svg = await satori(buildCardLayout(card, size), {
      width,
      height,
      fonts,
      // Called only for text no given font covers; answering with no fonts keeps the card
      // offline and lets the caller hear about it.
      loadAdditionalAsset: async (_language, segment) => {
        missing.add(segment);
        return [];
      },
    });
    if (missing.size > 0) this.onMissingGlyphs?.([...missing]);

    const rendered = new Resvg(svg, {
      fitTo: { mode: 'original' },
      background: '#FFFFFF',
      // The SVG carries its text as paths; scanning the system's fonts would only cost time.
      font: { loadSystemFonts: false },
      logLevel: 'off',
    }).render();
    if (rendered.width !== width || rendered.height !== height) {
      throw new Error(
        `The visual abstract came out ${rendered.width}×${rendered.height} pixels instead of ${width}×${height}.`,
      );
    }
    const png = rendered.asPng();
    // resvg-js offers no PNG encoder settings (always 8-bit RGBA), so the flat, text-only design
    // is what keeps cards small (tens of kilobytes); this guards the promise all the same.
    if (png.byteLength >= MAX_CARD_BYTES) {
      throw new Error(
        `The visual abstract came out at ${png.byteLength.toLocaleString('en')} bytes, over the ` +
          `${MAX_CARD_BYTES.toLocaleString('en')} bytes every platform accepts.`,
      );
    }
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  }

  private loadFonts(): Promise<Font[]> {
    if (this.fonts === null) {
      this.fonts = Promise.all(CARD_FONTS.map((font) => this.loadFont(font)));
      // A failed load is not kept, so a repaired installation works without a restart.
      this.fonts.catch(() => {
        this.fonts = null;
      });
    }
    return this.fonts;
  }

  private async loadFont({ file, weight, style }: (typeof CARD_FONTS)[number]): Promise<Font> {
    const path = this.findFont(file);
    if (path === null) {
      throw new Error(
        `The visual abstract cannot be drawn: the font file ${basename(file)} is missing from ` +
          `the app's resources/fonts folder. Reinstalling Rounds restores it.`,
      );
    }
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (cause) {
      throw new Error(
        `The visual abstract cannot be drawn: the font file ${basename(file)} could not be read ` +
          `at ${path}. Reinstalling Rounds restores it.`,
        { cause },
      );
    }
    return { name: CARD_FONT_FAMILY, data, weight, style };
  }
}

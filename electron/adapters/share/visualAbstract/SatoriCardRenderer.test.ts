import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { findBundledResource } from '../../catalogue/findBundledResource';
import {
  CARD_SIZES,
  MAX_CARD_BYTES,
  PREPRINT_LABEL,
  type CardSize,
  type VisualAbstractCard,
} from '@shared/domain/share/summary';
import { SatoriCardRenderer } from './SatoriCardRenderer';
import { colourHistogram, decodePng, PNG_SIGNATURE, readPngChunks } from './testing/decodePng';

const CARD: VisualAbstractCard = {
  question: 'Does early mobilisation after hip fracture surgery reduce delirium in older adults?',
  population: '412 adults aged 65 or over after hip fracture surgery',
  intervention: 'Out of bed within 24 hours of surgery',
  comparison: 'Usual care, out of bed after 48 hours',
  mainResult: 'Delirium 14% vs 23% (RR 0.61, 95% CI 0.41 to 0.90)',
  bottomLine: 'Getting patients up on day one is safe and may prevent one case of delirium in 11.',
  citation: 'Example A, Sample B et al. J Example Med 2026;12:345. doi:10.1000/example.1',
  levelOfEvidence: 'Level 2 (RCT)',
  club: 'St Elsewhere Geriatrics Journal Club',
  preprintLabel: null,
};

const SIZES: CardSize[] = ['landscape', 'square'];
// The banner's amber, as the card draws it (#FFC526, opaque), packed like colourHistogram's keys.
const BANNER_AMBER = 0xffc526ff;

// One renderer for the file: fonts load once, which is the point of keeping it.
const missingGlyphs: string[] = [];
const renderer = new SatoriCardRenderer({
  onMissingGlyphs: (segments) => missingGlyphs.push(...segments),
});

function ihdrSize(png: Uint8Array): { width: number; height: number } {
  const ihdr = readPngChunks(png)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('no IHDR');
  const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

/** The colours of the picture and the share of pixels that are not its background. */
function inkOf(png: Uint8Array): {
  colours: number;
  nonBackgroundShare: number;
  has: (c: number) => boolean;
} {
  const image = decodePng(png);
  const histogram = colourHistogram(image);
  const background = Math.max(...histogram.values());
  const pixels = image.width * image.height;
  return {
    colours: histogram.size,
    nonBackgroundShare: (pixels - background) / pixels,
    has: (colour) => (histogram.get(colour) ?? 0) > 0,
  };
}

const temporaryFolders: string[] = [];
afterEach(async () => {
  missingGlyphs.length = 0;
  await Promise.all(temporaryFolders.splice(0).map((folder) => rm(folder, { recursive: true })));
});

describe('SatoriCardRenderer', () => {
  it.each(SIZES)(
    'draws a %s card as a PNG of exactly the card size, under the byte limit',
    async (size) => {
      const png = await renderer.render(CARD, size);

      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(ihdrSize(png)).toEqual(CARD_SIZES[size]);
      expect(png.byteLength).toBeLessThan(MAX_CARD_BYTES);
      const ink = inkOf(png);
      expect(ink.colours).toBeGreaterThan(200);
      expect(ink.nonBackgroundShare).toBeGreaterThan(0.3);
      expect(ink.has(BANNER_AMBER)).toBe(false);
      expect(missingGlyphs).toEqual([]);
    },
  );

  it.each(SIZES)('shows the preprint banner on a %s card that carries the label', async (size) => {
    const png = await renderer.render({ ...CARD, preprintLabel: PREPRINT_LABEL }, size);
    expect(ihdrSize(png)).toEqual(CARD_SIZES[size]);
    expect(inkOf(png).has(BANNER_AMBER)).toBe(true);
  });

  it.each(SIZES)('keeps a %s card with very long fields at its size and limit', async (size) => {
    const long = 'Randomised, double-blind, multicentre trial in frail older adults; '.repeat(30);
    const card: VisualAbstractCard = {
      question: long,
      population: long,
      intervention: long,
      comparison: long,
      mainResult: long,
      bottomLine: long,
      citation: `${long} doi:10.1000/${'x'.repeat(300)}`,
      levelOfEvidence: long,
      club: long,
      preprintLabel: PREPRINT_LABEL,
    };
    const png = await renderer.render(card, size);
    expect(ihdrSize(png)).toEqual(CARD_SIZES[size]);
    expect(png.byteLength).toBeLessThan(MAX_CARD_BYTES);
    expect(inkOf(png).nonBackgroundShare).toBeGreaterThan(0.3);
  });

  it('draws ≥ ≤ – “ ” and accented letters with the bundled fonts, none missing', async () => {
    const png = await renderer.render(
      {
        ...CARD,
        mainResult: 'Response ≥ 50% in 61% – “clinically meaningful” – vs ≤ 20%',
        population: 'Patients with Ménière’s disease, Zürich and Besançon',
      },
      'landscape',
    );
    expect(ihdrSize(png)).toEqual(CARD_SIZES.landscape);
    expect(missingGlyphs).toEqual([]);
  });

  it('reports text the bundled fonts cannot draw, so the caller can warn', async () => {
    await renderer.render({ ...CARD, club: '东京 Journal Club' }, 'square');
    expect(missingGlyphs.join('')).toContain('东京');
  });

  it('leaves emoji out: the card is the same picture as without them', async () => {
    const withEmoji: VisualAbstractCard = {
      ...CARD,
      mainResult: `${CARD.mainResult} 🎉`,
      bottomLine: `👍🏽 ${CARD.bottomLine} 🧑‍⚕️`,
      club: `${CARD.club ?? ''} 🇬🇧`,
    };
    const [plain, stripped] = await Promise.all([
      renderer.render(CARD, 'square'),
      renderer.render(withEmoji, 'square'),
    ]);
    expect(Buffer.from(stripped).equals(Buffer.from(plain))).toBe(true);
    expect(missingGlyphs).toEqual([]);
  });

  it('reads each font file once, however many cards it draws', async () => {
    const looked: string[] = [];
    const counting = new SatoriCardRenderer({
      findFont: (relativePath) => {
        looked.push(relativePath);
        return findBundledResource(relativePath);
      },
    });
    await counting.render(CARD, 'landscape');
    await counting.render(CARD, 'square');
    expect(looked.sort()).toEqual([
      'fonts/Inter-Bold.ttf',
      'fonts/Inter-Italic.ttf',
      'fonts/Inter-Regular.ttf',
    ]);
  });

  it('names the font file that is missing from the app', async () => {
    const broken = new SatoriCardRenderer({
      findFont: (relativePath) =>
        relativePath.endsWith('Inter-Bold.ttf') ? null : findBundledResource(relativePath),
    });
    await expect(broken.render(CARD, 'landscape')).rejects.toThrow(/Inter-Bold\.ttf/);
  });

  it('names the font file it found but could not read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rounds-card-fonts-'));
    temporaryFolders.push(folder);
    const broken = new SatoriCardRenderer({
      findFont: (relativePath) =>
        relativePath.endsWith('Inter-Italic.ttf')
          ? join(folder, 'Inter-Italic.ttf')
          : findBundledResource(relativePath),
    });
    await expect(broken.render(CARD, 'square')).rejects.toThrow(/Inter-Italic\.ttf/);
  });
});

describe('decodePng (the test helper)', () => {
  it('gives the same pixels resvg drew', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">' +
      '<rect width="40" height="30" fill="#0B2E4F"/><circle cx="20" cy="15" r="9" fill="#FFC526"/></svg>';
    const rendered = new Resvg(svg).render();
    const decoded = decodePng(rendered.asPng());
    expect([decoded.width, decoded.height]).toEqual([40, 30]);
    expect(Buffer.from(decoded.rgba).equals(rendered.pixels)).toBe(true);
  });
});

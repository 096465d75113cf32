import { describe, expect, it } from 'vitest';
import { composeAltText, measureAltText } from './altText';
import { ALT_TEXT_LIMITS, PREPRINT_LABEL, type VisualAbstractCard } from './summary';

const CARD: VisualAbstractCard = {
  question: 'Does early mobilisation after hip fracture surgery reduce delirium?',
  population: '412 adults over 65 after hip fracture surgery',
  intervention: 'Out of bed within 24 hours',
  comparison: 'Usual care (out of bed after 48 hours)',
  mainResult: 'Delirium 14% vs 23% (RR 0.61, 95% CI 0.41 to 0.90)',
  bottomLine: 'Getting patients up on day one is safe and may prevent delirium',
  citation: 'Example A et al. J Example Med 2026. doi:10.1000/example.1',
  levelOfEvidence: 'Level 2 (single RCT)',
  club: 'St Elsewhere Geriatrics Journal Club',
  preprintLabel: null,
};

describe('composeAltText', () => {
  it('describes every field in the order the card is read, as plain sentences', () => {
    expect(composeAltText(CARD)).toBe(
      'Visual abstract. ' +
        'Question: Does early mobilisation after hip fracture surgery reduce delirium? ' +
        'Population: 412 adults over 65 after hip fracture surgery. ' +
        'Intervention: Out of bed within 24 hours. ' +
        'Compared with: Usual care (out of bed after 48 hours). ' +
        'Main result: Delirium 14% vs 23% (RR 0.61, 95% CI 0.41 to 0.90). ' +
        'Bottom line: Getting patients up on day one is safe and may prevent delirium. ' +
        'Source: Example A et al. J Example Med 2026. doi:10.1000/example.1. ' +
        'Level of evidence: Level 2 (single RCT). ' +
        'Shared by St Elsewhere Geriatrics Journal Club.',
    );
  });

  it('reads the preprint label first, as the card shows it above everything else', () => {
    const text = composeAltText({ ...CARD, preprintLabel: PREPRINT_LABEL });
    expect(text.startsWith(`Visual abstract. ${PREPRINT_LABEL}. Question:`)).toBe(true);
  });

  it('leaves out empty fields and the club of a personal summary', () => {
    const text = composeAltText({
      ...CARD,
      population: '   ',
      comparison: '',
      levelOfEvidence: '',
      club: null,
    });
    expect(text).not.toMatch(/Population|Compared with|Level of evidence|Shared by/);
    expect(text).toContain('Intervention: Out of bed within 24 hours. Main result:');
    expect(text.endsWith('doi:10.1000/example.1.')).toBe(true);
  });

  it('joins lines and runs of spaces so a screen reader reads one flowing sentence', () => {
    const text = composeAltText({ ...CARD, bottomLine: 'Safe\n\n  and   useful!' });
    expect(text).toContain('Bottom line: Safe and useful! Source:');
  });

  it('keeps a field’s own closing punctuation instead of doubling it', () => {
    const text = composeAltText({ ...CARD, mainResult: 'Fewer falls…', bottomLine: 'Do it.' });
    expect(text).toContain('Main result: Fewer falls… Bottom line: Do it. Source:');
  });

  it('is only the opening words for an empty card', () => {
    const empty: VisualAbstractCard = {
      question: '',
      population: '',
      intervention: '',
      comparison: '',
      mainResult: '',
      bottomLine: '',
      citation: '',
      levelOfEvidence: '',
      club: null,
      preprintLabel: null,
    };
    expect(composeAltText(empty)).toBe('Visual abstract.');
  });
});

describe('measureAltText', () => {
  it.each(['x', 'mastodon', 'bluesky'] as const)('uses the %s limit', (platform) => {
    expect(measureAltText('short', platform)).toEqual({
      used: 5,
      limit: ALT_TEXT_LIMITS[platform],
      fits: true,
    });
  });

  it('counts an emoji family, a flag and a decomposed é as one character each', () => {
    expect(measureAltText('👩‍👩‍👧🇬🇧e\u0301', 'x').used).toBe(3);
  });

  it('fits exactly at the limit and not one character beyond', () => {
    expect(measureAltText('a'.repeat(1_000), 'x').fits).toBe(true);
    expect(measureAltText('a'.repeat(1_001), 'x')).toEqual({
      used: 1_001,
      limit: 1_000,
      fits: false,
    });
    expect(measureAltText('a'.repeat(1_001), 'mastodon').fits).toBe(true);
  });

  it('counts the alt text of a realistic card well within every limit', () => {
    const measure = measureAltText(composeAltText(CARD), 'x');
    expect(measure.fits).toBe(true);
  });
});

import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { sampleHandout } from '@shared/domain/share/handout/testing/handoutFixture';
import { renderHandoutPdf } from './PdfkitHandoutWriter';

const NOW = new Date('2026-12-02T09:30:00Z');

interface ReadBack {
  /** The text of each page, items joined, a line break where pdf.js saw one. */
  pages: string[];
  info: Record<string, unknown>;
  pageSizes: number[][];
}

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const loading = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const document = await loading.promise;
  try {
    const pages: string[] = [];
    const pageSizes: number[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pageSizes.push(page.view.map((value) => Math.round(value)));
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown>, pageSizes };
  } finally {
    await document.destroy();
  }
}

/** The page's lines, with the spaces pdf.js may leave at a line's ends removed. */
function linesOf(text: string): string[] {
  return text.split('\n').map((line) => line.trim());
}

describe('renderHandoutPdf', () => {
  it('prints every section, in order, with the characters clinicians use', async () => {
    const bytes = await renderHandoutPdf(sampleHandout(), { now: NOW });
    const { pages, pageSizes } = await readBack(bytes);
    const text = pages.join('\n');
    const landmarks = [
      'Early statins after stroke',
      'Müller A, Silva J et al. N Engl J Med 2026;394:1001–1012.',
      'https://doi.org/10.1056/nejmoa2600001',
      'Preprint — not peer reviewed',
      'Level of evidence: Level 2 (single RCT)',
      'Summary',
      'Adults ≥ 18 years were given atorvastatin ≥ 5 mg within 48 hours.',
      'Recurrent stroke fell, p ≤ 0.05, with “quoted” caveats.',
      'In plain language',
      'Bottom line',
      'Highlights',
      'Mortality did not differ between the arms.',
      '— Dr Müller',
      'Comment: Underpowered for death.',
      'Appraisal',
      'Population',
      '2 400 adults, mean age 71 ± 9',
      'Notes and discussion',
      'We met at the café after rounds.',
      'Disclosure',
      'No conflicts of interest declared.',
      'Made with Rounds on 2026-12-02 · Ward 7 Journal Club',
    ];
    const lines = linesOf(text);
    const positions = landmarks.map((landmark) =>
      lines.findIndex((line) => line.includes(landmark)),
    );
    for (const [index, position] of positions.entries()) {
      expect(position, landmarks[index]).toBeGreaterThanOrEqual(0);
    }
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const exact of ['≥ 5 mg', '≤ 0.05', '“quoted”', 'Müller', 'café', '± 9', '1001–1012']) {
      expect(text).toContain(exact);
    }
    expect(pageSizes).toEqual([[0, 0, 595, 842]]);
    expect(linesOf(pages[0] ?? '')).toContain('Page 1 of 1');
  });

  it('embeds its own TrueType fonts, never a standard one', async () => {
    const bytes = await renderHandoutPdf(sampleHandout(), { now: NOW });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });

  it('flows a long handout across numbered pages', async () => {
    const paragraph =
      'Patients ≥ 65 years with eGFR ≤ 30 were excluded; the café-au-lait analysis by Müller followed. ';
    const summary = Array.from({ length: 60 }, (_, index) =>
      `${index + 1}. ${paragraph.repeat(3)}`.trim(),
    ).join('\n\n');
    const appraisal = Array.from({ length: 40 }, (_, index) => ({
      label: `Criterion ${index + 1}`,
      value: paragraph.repeat(2).trim(),
    }));
    const bytes = await renderHandoutPdf(sampleHandout({ summary, appraisal }), { now: NOW });
    const { pages } = await readBack(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(linesOf(page)).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const text = pages.join('\n');
    expect(text).toContain('60. Patients ≥ 65 years');
    expect(text).toContain('Criterion 40');
    expect(linesOf(pages[pages.length - 1] ?? '')).toContain(
      'Made with Rounds on 2026-12-02 · Ward 7 Journal Club',
    );
  });

  it('wraps text with no spaces in it instead of running off the page', async () => {
    const unbroken = 'x'.repeat(600);
    const bytes = await renderHandoutPdf(sampleHandout({ bottomLine: unbroken }), { now: NOW });
    const text = (await readBack(bytes)).pages.join('').replace(/\s/g, '');
    expect(text).toContain(unbroken);
  });

  it('records the title, Rounds as creator and the given date, so output is repeatable', async () => {
    const title = 'Statins ≥ 5 mg (Müller) “early”';
    const first = await renderHandoutPdf(sampleHandout({ title }), { now: NOW });
    const second = await renderHandoutPdf(sampleHandout({ title }), { now: NOW });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const { info } = await readBack(first);
    expect(info.Title).toBe(title);
    expect(info.Creator).toBe('Rounds');
    expect(info.CreationDate).toBe('D:20261202093000Z');
  });

  it('leaves out the optional sections that are empty', async () => {
    const bytes = await renderHandoutPdf(
      sampleHandout({
        warnings: [],
        laySummary: null,
        bottomLine: null,
        highlights: [],
        appraisal: [],
        notes: [],
        disclosure: '',
        club: null,
      }),
      { now: NOW },
    );
    const lines = linesOf((await readBack(bytes)).pages.join('\n'));
    for (const heading of ['In plain language', 'Bottom line', 'Highlights', 'Appraisal']) {
      expect(lines).not.toContain(heading);
    }
    expect(lines).not.toContain('Preprint — not peer reviewed');
    expect(lines).toContain('Made with Rounds on 2026-12-02');
  });
});

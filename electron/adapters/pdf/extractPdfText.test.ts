import { afterEach, describe, expect, it } from 'vitest';
import { PdfTextExtractor, type PdfTextExtractorOptions } from './extractPdfText';
import { ManualTimers } from './testing/ManualTimers';
import { buildTestPdf, expectedPageText } from './testing/writeTestPdf';

const PAGES = [
  ['Apixaban versus warfarin', 'in atrial fibrillation'],
  ['Methods', 'A randomised (double-blind) trial'],
  ['Results', 'Fewer strokes with thromboembolism prevention'],
];
const PAPER = buildTestPdf({
  pages: PAGES,
  title: 'Apixaban in AF — ARISTOTLE',
  outline: [
    { title: 'Methods', page: 2 },
    { title: 'Results', page: 3 },
  ],
});

/** A PDF of `pageCount` pages of 60 lines each. */
function longPdf(pageCount: number): Uint8Array {
  const line = 'Haemorrhage outcomes were adjudicated by a committee unaware of allocation';
  return buildTestPdf({
    pages: Array.from({ length: pageCount }, (_, page) =>
      Array.from({ length: 60 }, (__, row) => `${page}.${row} ${line}`),
    ),
  });
}

const extractors: PdfTextExtractor[] = [];
function extractor(options?: PdfTextExtractorOptions) {
  const created = new PdfTextExtractor(options);
  extractors.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(extractors.splice(0).map((created) => created.close()));
});

describe('PdfTextExtractor', () => {
  it('reads page count, title, each page’s text and the outline in a worker', async () => {
    const result = await extractor().extract(PAPER);

    if (!result.ok) throw new Error(result.message);
    expect(result.text).toEqual({
      pageCount: 3,
      title: 'Apixaban in AF — ARISTOTLE',
      pages: PAGES.map(expectedPageText),
      outline: [
        { title: 'Methods', page: 2, depth: 0 },
        { title: 'Results', page: 3, depth: 0 },
      ],
    });
    expect(result.text.pages[2]).toContain('thromboembolism');
    expect(result.text.pages.slice(0, 2).join(' ')).not.toContain('thromboembolism');
  });

  it('leaves the caller’s bytes intact and reads several PDFs in turn', async () => {
    const reader = extractor();
    const bytes = Uint8Array.from(PAPER);

    const [first, second] = await Promise.all([
      reader.extract(bytes),
      reader.extract(buildTestPdf({ pages: [['Only page']] })),
    ]);

    expect(bytes).toEqual(PAPER);
    expect(first).toMatchObject({ ok: true, text: { pageCount: 3 } });
    expect(second).toMatchObject({ ok: true, text: { pages: ['Only page'], title: null } });
  });

  it('tells a non-PDF, a damaged PDF and a password-protected one apart', async () => {
    const reader = extractor();
    const garbled = new TextEncoder().encode('%PDF-1.7\nthis was cut off in transit\n');

    const notPdf = await reader.extract(new TextEncoder().encode('<html>Sign in</html>'));
    const damaged = await reader.extract(garbled);
    const locked = await reader.extract(
      buildTestPdf({ pages: [['Secret']], passwordProtected: true }),
    );

    expect(notPdf).toMatchObject({ ok: false, code: 'not-a-pdf' });
    expect(damaged).toMatchObject({ ok: false, code: 'damaged' });
    expect(locked).toMatchObject({ ok: false, code: 'password-protected' });
    expect(locked.ok ? '' : locked.message).toMatch(/password/);
  });

  it('stops a PDF that takes too long, says so, and reads the next with a fresh worker', async () => {
    const timers = new ManualTimers();
    const reader = extractor({ timers, timeoutMs: 45_000 });

    const slow = reader.extract(longPdf(20));
    await timers.whenSet(45_000);
    timers.fire(45_000);

    const stopped = await slow;
    expect(stopped).toMatchObject({ ok: false, code: 'timeout' });
    expect(stopped.ok ? '' : stopped.message).toMatch(/longer than 45 seconds/);
    expect(await reader.extract(PAPER)).toMatchObject({ ok: true, text: { pageCount: 3 } });
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('refuses a PDF that needs more memory than the worker may have, and carries on', async () => {
    const reader = extractor({ maxHeapMb: 160 });

    const huge = await reader.extract(longPdf(4000));

    expect(huge).toMatchObject({ ok: false, code: 'too-large' });
    expect(huge.ok ? '' : huge.message).toMatch(/more than 160 MB/);
    // The same limit is ample for a paper: the refusal was the file's doing, not pdf.js's own size.
    expect(await reader.extract(PAPER)).toMatchObject({ ok: true, text: { pageCount: 3 } });
  }, 120_000);

  it('refuses work once closed', async () => {
    const reader = extractor();
    await reader.close();

    await expect(reader.extract(PAPER)).rejects.toThrow(/closed/);
  });
});

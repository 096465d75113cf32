/**
 * PDF benchmark: a 30-page paper added through `papers.addPdf` to a new library on the real host,
 * then opened in Chromium; `pdf.first_page_ms` is the time from choosing the paper's PDF tab to
 * its first page drawn (the canvas painted and the text layer in place). Each run is a new
 * browser context, so nothing of pdf.js is cached from the run before.
 *
 *   npx tsx bench/pdf.bench.ts
 *
 * Prints one JSON object per line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildTestPdf } from '../electron/adapters/pdf/testing/writeTestPdf';
import { seededRandom } from '../shared/testing/seededRandom';
import { HostProcess } from './scale/HostProcess';
import { launchBenchBrowser } from './scale/uiMetrics';
import { median } from './statistics';

const PAGES = 30;
const LINES_PER_PAGE = 45;
const RUNS = 5;
const TITLE = 'Early anticoagulation after ischaemic stroke: a randomised trial';
const HOST_SCRIPT = resolve(import.meta.dirname, '../out/main/host.js');

const WORDS = (
  'patients randomised anticoagulation stroke haemorrhage recurrence days early late ' +
  'outcome primary secondary ratio interval confidence adjusted trial cohort follow-up ' +
  'risk reduced increased similar among within after before during the of and in with'
).split(' ');

/** A paper's pages: lines of words, as a two-column article's text layer holds them. */
function pages(): string[][] {
  const next = seededRandom(3_030);
  return Array.from({ length: PAGES }, (_, page) =>
    Array.from({ length: LINES_PER_PAGE }, (_, line) =>
      page === 0 && line === 0
        ? TITLE
        : Array.from({ length: 9 }, () => WORDS[Math.floor(next() * WORDS.length)] ?? '').join(' '),
    ),
  );
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rounds-pdf-bench-'));
  const host = await HostProcess.start(HOST_SCRIPT, dataDir);
  const browser = await launchBenchBrowser();
  try {
    const bytes = buildTestPdf({ pages: pages(), title: TITLE });
    await host.expect('papers.addPdf', {
      fileName: 'anticoagulation-trial.pdf',
      base64: Buffer.from(bytes).toString('base64'),
    });
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(host.url);
        await page.getByRole('option', { name: new RegExp(TITLE.slice(0, 30)) }).click();
        const tab = page.getByRole('tab', { name: 'PDF' });
        // A new context remembers nothing: the paper opens on its article, one tab from the PDF.
        await tab.waitFor();
        const started = performance.now();
        await tab.click();
        const firstPage = page.locator('.pdf-page[data-page="1"]');
        await firstPage.locator('canvas').waitFor({ state: 'visible', timeout: 0 });
        await firstPage
          .locator('.textLayer span')
          .first()
          .waitFor({ state: 'attached', timeout: 0 });
        runs.push(Math.round((performance.now() - started) * 10) / 10);
      } finally {
        await context.close();
      }
    }
    console.log(
      JSON.stringify({
        name: 'pdf.first_page_ms',
        value: median(runs),
        unit: 'ms',
        min: Math.min(...runs),
        runs,
        variant: `${PAGES}-page PDF, PDF tab to first page drawn with its text layer`,
      }),
    );
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTestPdf } from '../electron/adapters/pdf/testing/writeTestPdf';
import { expect, test } from './fixtures/test';

const REFERENCES = 200;
/** Found in one abstract only, so a search for it lists exactly that paper. */
const RARE_WORD = 'thrombomodulinopathy';
const RARE_INDEX = 137;
const PDF_TITLE = 'Heparin dosing in septic shock: a pilot trial';
const PAGE_ONE = 'Heparin dosing in septic shock was studied in a pilot trial.';
/** Printed on page 3 of the PDF only. */
const PAGE_THREE_WORD = 'antithrombinaemia';

function bibtexLibrary(): string {
  return Array.from({ length: REFERENCES }, (_, index) => {
    const n = index + 1;
    const abstract =
      n === RARE_INDEX
        ? `Patients with ${RARE_WORD} were followed for a year.`
        : `Adults in intensive care were followed for ${n} days.`;
    return (
      `@article{ref${n},\n` +
      `  title = {Outcomes of intensive care cohort number ${n}},\n` +
      `  author = {Author${n}, Alex and Other, Bo},\n` +
      `  journal = {Critical Care Reports},\n` +
      `  year = {${2000 + (n % 25)}},\n` +
      `  abstract = {${abstract}}\n}\n`
    );
  }).join('\n');
}

test('a clinician imports a reference library and a PDF, finds both, and reads the PDF', async ({
  startApp,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'rounds-papers-journey-'));
  try {
    const bibPath = join(folder, 'my-library.bib');
    await writeFile(bibPath, bibtexLibrary());
    const pdfPath = join(folder, 'pilot-trial.pdf');
    await writeTestPdf(pdfPath, {
      title: PDF_TITLE,
      pages: [
        [PAGE_ONE, 'Methods are described on the next page.'],
        ['Methods: 40 adults were randomised.'],
        [`Safety: no case of ${PAGE_THREE_WORD} was seen.`],
      ],
    });

    const { rounds, app } = await startApp();
    await rounds.waitUntilReady();
    const page = app.page;

    // Import the reference manager's export through the dialog.
    await rounds.sources.getByRole('button', { name: 'Add papers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add papers' });
    await dialog.getByLabel('BibTeX or RIS file').setInputFiles(bibPath);
    await expect(
      dialog.getByText('“my-library.bib” (BibTeX): 200 papers added, 0 already there.'),
    ).toBeVisible({ timeout: 30_000 });

    // Then the PDF.
    await dialog.getByLabel('PDF file').setInputFiles(pdfPath);
    await expect(dialog.getByText(`“pilot-trial.pdf” (3 pages): added to My papers`)).toBeVisible({
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    // "My papers" has its own place in the sources pane.
    const myPapers = rounds.sources
      .getByRole('list', { name: 'Papers you added' })
      .getByRole('button', { name: 'My papers' });
    await expect(myPapers).toBeVisible();

    // A word in one abstract finds that paper and no other.
    await rounds.searchItems(RARE_WORD);
    await expect(rounds.item(`Outcomes of intensive care cohort number ${RARE_INDEX}`)).toBeVisible(
      {
        timeout: 30_000,
      },
    );
    await expect(rounds.items.getByRole('option')).toHaveCount(1);

    // A word printed only on page 3 of the PDF finds its paper.
    await rounds.searchItems(PAGE_THREE_WORD);
    await expect(rounds.item(PDF_TITLE)).toBeVisible({ timeout: 30_000 });
    await expect(rounds.items.getByRole('option')).toHaveCount(1);

    // Opening it shows the PDF, page 1 drawn with its text.
    await rounds.openItem(PDF_TITLE);
    await expect(rounds.reader.getByRole('tab', { name: 'PDF' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const viewer = rounds.reader.getByRole('region', { name: PDF_TITLE });
    await expect(viewer.getByText(PAGE_ONE)).toBeVisible({ timeout: 30_000 });
    const firstPage = viewer.locator('.pdf-page[data-page="1"] canvas');
    await expect(firstPage).toBeVisible();
    const drawnWidth = await firstPage.evaluate((canvas) => (canvas as { width: number }).width);
    expect(drawnWidth).toBeGreaterThan(0);

    // The article view is one tab away.
    await rounds.reader.getByRole('tab', { name: 'Article' }).click();
    await expect(viewer).toBeHidden();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

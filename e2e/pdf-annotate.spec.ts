import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTestPdf } from '../electron/adapters/pdf/testing/writeTestPdf';
import { attachScreenshot } from './fixtures/documentationScreenshot';
import { expect, test } from './fixtures/test';
import { PdfAnnotations } from './pages/PdfAnnotations';

const PDF_TITLE = 'Anticoagulation in septic shock: a pilot trial';
const PAGE_ONE = 'Anticoagulation in septic shock was studied in a pilot trial.';
/** On page 2: the passage the clinician highlights. */
const PASSAGE = 'randomised 40 adults with septic shock';
/** Printed on page 3 of the PDF only. */
const PAGE_THREE_WORD = 'hypofibrinogenaemia';

test('a clinician highlights a passage on a PDF page, notes it, restarts, and finds the paper by a word on another page', async ({
  startApp,
}) => {
  // Two starts of the app, a PDF read and indexed, and a search: more than one journey's time
  // on a busy machine.
  test.slow();
  const folder = await mkdtemp(join(tmpdir(), 'rounds-pdf-annotate-'));
  try {
    const pdfPath = join(folder, 'pilot-trial.pdf');
    await writeTestPdf(pdfPath, {
      title: PDF_TITLE,
      pages: [
        [PAGE_ONE, 'Methods are described on the next page.'],
        ['Methods', `We ${PASSAGE} to heparin or usual care.`, 'Allocation used envelopes.'],
        [`Safety: no case of ${PAGE_THREE_WORD} was seen.`],
      ],
    });

    let { app, rounds } = await startApp();
    await rounds.waitUntilReady();
    // Dropped on the window, as from a file manager.
    await rounds.dropFileOnWindow('pilot-trial.pdf', await readFile(pdfPath), 'application/pdf');
    const dialog = app.page.getByRole('dialog', { name: 'Add papers' });
    await expect(dialog.getByText('“pilot-trial.pdf” (3 pages): added to My papers')).toBeVisible({
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Open the PDF, go to page 2 and highlight the methods passage there.
    await rounds.openItem(PDF_TITLE);
    let pdf = new PdfAnnotations(app.page, rounds.reader, PDF_TITLE);
    await pdf.waitUntilShown(PAGE_ONE);
    await pdf.goToPage(2);
    await pdf.highlight(2, PASSAGE, 'Methods concern');
    await expect(pdf.marksOn(2)).toHaveText([PASSAGE]);
    await expect(pdf.marksOn(2)).toHaveAttribute('aria-description', 'Highlight: Methods concern');
    await expect(pdf.card(PASSAGE)).toContainText('p. 2');

    // A formatted note on it, saved by the editor's autosave.
    await pdf.writeNote(PASSAGE, 'Allocation ', 'not concealed');
    await app.close();

    // Restarted on the same data folder: the highlight is painted on page 2 with its note.
    ({ app, rounds } = await startApp());
    await rounds.waitUntilReady();
    await rounds.openItem(PDF_TITLE);
    pdf = new PdfAnnotations(app.page, rounds.reader, PDF_TITLE);
    await pdf.waitUntilShown(PAGE_ONE);
    await expect(pdf.card(PASSAGE)).toContainText('Allocation not concealed');
    await expect(pdf.card(PASSAGE)).toContainText('p. 2');
    await pdf.card(PASSAGE).getByRole('button', { name: PASSAGE }).click();
    await expect(pdf.pdfPage(2).locator('.textLayer mark.highlight')).toHaveText([PASSAGE]);
    await expect(pdf.marksOn(1)).toHaveCount(0);
    await attachScreenshot(app.page, 'pdf-highlight-on-page-2.png');
    await pdf.card(PASSAGE).getByRole('button', { name: 'Edit…' }).click();
    await expect(
      pdf.card(PASSAGE).getByRole('textbox', { name: 'Note on highlight' }).locator('strong'),
    ).toHaveText('not concealed');

    // A word printed only on page 3 finds the paper.
    await rounds.searchItems(PAGE_THREE_WORD);
    await expect(rounds.item(PDF_TITLE)).toBeVisible({ timeout: 30_000 });
    await expect(rounds.items.getByRole('option')).toHaveCount(1);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

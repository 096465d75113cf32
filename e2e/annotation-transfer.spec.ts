import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures/test';
import { ReaderAnnotations } from './pages/ReaderAnnotations';

const FEED_TITLE = 'Nephrology Trials';
const PAPER = 'Finerenone in chronic kidney disease with type 2 diabetes';
const FINDING = 'reduced kidney failure by 18 percent';
const CONCERN = 'Hyperkalaemia led to stopping the drug';

const FEED =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ' +
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>' +
  `<title>${FEED_TITLE}</title><link>https://journal.example.org/renal</link>` +
  '<description>Trials</description>' +
  `<item><title>${PAPER}</title><link>https://journal.example.org/renal/finerenone</link>` +
  '<guid>https://journal.example.org/renal/finerenone</guid>' +
  '<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><description>Abstract.</description>' +
  '<content:encoded><![CDATA[' +
  `<p>Results. Finerenone ${FINDING} over three years.</p>` +
  `<p>Safety. ${CONCERN} in 2 percent of patients.</p>` +
  ']]></content:encoded></item></channel></rss>';

test('a clinician exports highlights as JSON-LD, deletes them, imports the file: all return, none twice', async ({
  startApp,
  feedServer,
}, testInfo) => {
  feedServer.setRoute('/renal.xml', { body: FEED });
  const { app, rounds } = await startApp();
  const { page } = app;
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/renal.xml'));
  await rounds.openItem(PAPER);
  const annotations = new ReaderAnnotations(page, rounds.reader);

  await annotations.highlight(FINDING, 'Key finding');
  await annotations.highlight(CONCERN, 'Methods concern');
  const concern = annotations.card(CONCERN);
  await concern.getByRole('button', { name: 'Add note…' }).click();
  const note = concern.getByRole('textbox', { name: 'Note on highlight' });
  await note.click();
  await note.pressSequentially('Check potassium at four weeks');
  await expect(concern.getByRole('status')).toHaveText('Saved');
  await concern.getByRole('button', { name: 'Close' }).click();

  // Export this paper's annotations as W3C Web Annotation JSON-LD.
  const transfer = annotations.panel.getByRole('region', { name: 'Export and import' });
  const downloading = page.waitForEvent('download');
  await transfer.getByRole('button', { name: 'Export JSON-LD' }).click();
  const download = await downloading;
  const exported = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(exported);
  const document = JSON.parse(await readFile(exported, 'utf8'));
  const entries: { body?: unknown; target: { selector: { type: string }[] } }[] =
    document.items ?? document.first?.items ?? document;
  expect(entries).toHaveLength(2);
  for (const entry of entries) {
    expect(entry.target.selector.map((selector) => selector.type)).toEqual(
      expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']),
    );
  }
  expect(JSON.stringify(document)).toContain('Check potassium at four weeks');

  // Both highlights deleted: the paper shows none.
  for (const quote of [FINDING, CONCERN]) {
    await annotations.card(quote).getByRole('button', { name: 'Delete' }).click();
    await expect(annotations.card(quote)).toHaveCount(0);
  }
  await expect(annotations.marks()).toHaveCount(0);

  // Imported from the file: both return, painted on their words, the note with them.
  const fileInput = transfer.locator('input[type="file"]');
  await fileInput.setInputFiles(exported);
  await expect(transfer.getByRole('status')).toHaveText(
    'Imported: 2 added, 0 updated, 0 unchanged.',
  );
  await expect(annotations.marks()).toHaveText([FINDING, CONCERN]);
  await expect(annotations.card(CONCERN)).toContainText('Check potassium at four weeks');

  // The same file again changes nothing: no highlight twice.
  await fileInput.setInputFiles(exported);
  await expect(transfer.getByRole('status')).toHaveText(
    'Imported: 0 added, 0 updated, 2 unchanged.',
  );
  await expect(annotations.marks()).toHaveText([FINDING, CONCERN]);
  await expect(annotations.panel.getByRole('listitem')).toHaveCount(2);
});

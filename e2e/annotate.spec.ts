import { test, expect } from './fixtures/test';
import { ReaderAnnotations } from './pages/ReaderAnnotations';

const FEED_TITLE = 'Critical Care Trials';
const PAPER = 'Early heparin in septic shock: a randomised trial';
const OTHER = 'Vitamin C in sepsis: a meta-analysis';

const FINDING = 'Early heparin reduced death at 90 days';
const METHODS = 'randomly assigned 1200 adults with septic shock';
const PRACTICE = 'Major bleeding occurred in 4 percent of patients';

const ORIGINAL_TEXT =
  '<p>Background. Sepsis remains a leading cause of death in intensive care units worldwide.</p>' +
  `<p>Methods. We ${METHODS} to early heparin or usual care.</p>` +
  `<p>Results. ${FINDING} from 31 percent to 26 percent.</p>` +
  `<p>Safety. ${PRACTICE} in both groups.</p>`;

// The journal republishes the paper: a correction notice first, and one word changed inside the
// methods highlight ("adults" became "patients").
const REVISED_METHODS = 'randomly assigned 1200 patients with septic shock';
const REVISED_TEXT =
  '<p>Correction notice. This article was corrected on 2 December 2026; the enrolment numbers ' +
  'in the methods were restated.</p>' +
  ORIGINAL_TEXT.replace(METHODS, REVISED_METHODS);

function feed(paperHtml: string): string {
  const items = [
    { title: PAPER, slug: 'heparin', html: paperHtml, date: 'Mon, 23 Nov 2026 08:00:00 GMT' },
    {
      title: OTHER,
      slug: 'vitamin-c',
      html: '<p>No difference in mortality.</p>',
      date: 'Sun, 22 Nov 2026 08:00:00 GMT',
    },
  ]
    .map(
      ({ title, slug, html, date }) =>
        `<item><title>${title}</title><link>https://journal.example.org/icu/${slug}</link>` +
        `<guid>https://journal.example.org/icu/${slug}</guid><pubDate>${date}</pubDate>` +
        `<description>Abstract.</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>' +
    `<title>${FEED_TITLE}</title><link>https://journal.example.org/icu</link>` +
    `<description>Trials</description>${items}</channel></rss>`
  );
}

test('a clinician highlights a paper, notes it, restarts, and the highlights follow a revised text', async ({
  startApp,
  feedServer,
}) => {
  feedServer.setRoute('/icu.xml', { body: feed(ORIGINAL_TEXT) });

  let { app, rounds } = await startApp();
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/icu.xml'));
  await rounds.openItem(PAPER);
  let annotations = new ReaderAnnotations(app.page, rounds.reader);

  await annotations.highlight(FINDING, 'Key finding');
  await annotations.highlight(METHODS, 'Methods concern');
  await annotations.highlight(PRACTICE, 'Practice point');
  await expect(annotations.marks()).toHaveText([METHODS, FINDING, PRACTICE]);
  await expect(annotations.marks().nth(0)).toHaveAttribute(
    'aria-description',
    'Highlight: Methods concern',
  );

  // A formatted note on the methods highlight, saved by the editor's autosave.
  const methods = annotations.card(METHODS);
  await methods.getByRole('button', { name: 'Add note…' }).click();
  const note = methods.getByRole('textbox', { name: 'Note on highlight' });
  await note.click();
  await note.pressSequentially('Allocation ');
  await app.page.keyboard.press('Control+b');
  await note.pressSequentially('not concealed');
  await expect(note.locator('strong')).toHaveText('not concealed');
  await expect(methods.getByRole('status')).toHaveText('Saved');
  await app.close();

  // Restarted on the same data folder: the highlights and the note are still there.
  ({ app, rounds } = await startApp());
  await rounds.waitUntilReady();
  await rounds.openItem(PAPER);
  annotations = new ReaderAnnotations(app.page, rounds.reader);
  await expect(annotations.marks()).toHaveText([METHODS, FINDING, PRACTICE]);
  await expect(annotations.card(METHODS)).toContainText('Allocation not concealed');
  await annotations.card(METHODS).getByRole('button', { name: 'Edit…' }).click();
  await expect(
    annotations.card(METHODS).getByRole('textbox', { name: 'Note on highlight' }).locator('strong'),
  ).toHaveText('not concealed');

  // The journal revises the paper; after a refresh each highlight is found on its words again.
  feedServer.setRoute('/icu.xml', { body: feed(REVISED_TEXT) });
  await rounds.refreshAll();
  await expect(async () => {
    await rounds.openItem(OTHER);
    await rounds.openItem(PAPER);
    await expect(rounds.reader).toContainText('Correction notice', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(annotations.marks()).toHaveText([REVISED_METHODS, FINDING, PRACTICE]);
  await expect(annotations.panel.getByRole('list', { name: 'Not found in the text' })).toHaveCount(
    0,
  );
  // The card keeps the words as they were highlighted.
  await expect(annotations.card(METHODS)).toContainText('Allocation not concealed');

  // The "Annotated" smart view lists the highlighted paper and not the other one.
  await rounds.sources.getByRole('button', { name: 'Annotated', exact: true }).click();
  await expect(rounds.items.getByRole('heading', { name: 'Annotated' })).toBeVisible();
  await expect(rounds.item(PAPER)).toBeVisible();
  await expect(rounds.items.getByRole('option')).toHaveCount(1);
});

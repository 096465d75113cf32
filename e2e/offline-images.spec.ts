import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { pngOf } from '../electron/adapters/images/testing/tinyImages';
import type { FeedServer } from './fixtures/feedServer';
import { test, expect } from './fixtures/test';
import type { RoundsWindow } from './pages/RoundsWindow';

const KEPT_FEED = 'Thoracic Imaging Reports';
const KEPT_PAPER = 'Pulmonary embolism on CT angiography: a case series';
const PLAIN_FEED = 'Dermatology Digest';
const PLAIN_PAPER = 'Dermoscopy of early melanoma: an atlas';

const FINDINGS = 'Filling defects were seen in both lower lobe arteries of 14 of 20 patients.';
const CONCLUSION = 'CT angiography remains the first test when embolism is likely.';
const FIGURE = 'CT angiogram showing a saddle embolus';
const LESION = 'Dermoscopy of an asymmetric pigmented lesion';

// Real PNG bytes, 12 × 8 pixels, served by the same loopback server as the feeds.
const CT_IMAGE = Buffer.from(pngOf(12, 8, (x, y) => [x * 20, y * 30, 90]));
const LESION_IMAGE = Buffer.from(pngOf(4, 4, () => [120, 60, 30]));

function rss(title: string, slug: string, paper: string, html: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>' +
    `<title>${title}</title><link>https://journal.example.org/${slug}</link>` +
    `<description>${title}</description><item><title>${paper}</title>` +
    `<link>https://journal.example.org/${slug}/1</link><guid>https://journal.example.org/${slug}/1</guid>` +
    '<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><description>Abstract.</description>' +
    `<content:encoded><![CDATA[${html}]]></content:encoded></item></channel></rss>`
  );
}

function serveFeeds(feedServer: FeedServer): void {
  feedServer.setRoute('/images/ct-angiogram.png', { contentType: 'image/png', body: CT_IMAGE });
  feedServer.setRoute('/images/lesion.png', { contentType: 'image/png', body: LESION_IMAGE });
  feedServer.setRoute('/thoracic.xml', {
    body: rss(
      KEPT_FEED,
      'thoracic',
      KEPT_PAPER,
      `<p>${FINDINGS}</p><figure><img src="${feedServer.url('/images/ct-angiogram.png')}" ` +
        `alt="${FIGURE}"><figcaption>Figure 1.</figcaption></figure><p>${CONCLUSION}</p>`,
    ),
  });
  feedServer.setRoute('/dermatology.xml', {
    body: rss(
      PLAIN_FEED,
      'dermatology',
      PLAIN_PAPER,
      `<p>Twelve lesions.</p><img src="${feedServer.url('/images/lesion.png')}" alt="${LESION}">`,
    ),
  });
}

/** Turns on "Save images for offline reading" in a feed's settings. */
async function keepImagesOf(rounds: RoundsWindow, feedTitle: string): Promise<void> {
  await rounds.feed(feedTitle).click();
  await rounds.sources
    .getByRole('group', { name: `Actions for ${feedTitle}` })
    .getByRole('button', { name: 'Feed settings' })
    .click();
  const dialog = rounds.page.getByRole('dialog', { name: 'Feed settings' });
  await dialog.getByRole('checkbox', { name: 'Save images for offline reading' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/** The image's width once the browser has decoded it (0 if it could not be loaded). */
async function decodedWidth(image: Locator): Promise<number> {
  // Typed by what is used: the journeys are compiled without the DOM's types.
  return image.evaluate(async (element: { decode(): Promise<void>; naturalWidth: number }) => {
    await element.decode().catch(() => undefined);
    return element.naturalWidth;
  });
}

test('a clinician saves a feed’s images and reads its paper with them after the network is gone', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  // Two starts of the app in one journey.
  test.slow();
  serveFeeds(feedServer);
  const first = await startApp();
  let { rounds } = first;
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/thoracic.xml'));
  await rounds.addFeed(feedServer.url('/dermatology.xml'));

  // Images are not loaded until the user allows it.
  await rounds.view('All items').click();
  await rounds.openItem(KEPT_PAPER);
  await expect(rounds.reader.getByText(`[Image not loaded: ${FIGURE}]`)).toBeVisible();
  expect(feedServer.requests.filter((request) => request.path.startsWith('/images/'))).toEqual([]);

  await keepImagesOf(rounds, KEPT_FEED);
  await rounds.refreshAll();
  await rounds.openItem(KEPT_PAPER);
  const figure = rounds.reader.getByRole('img', { name: FIGURE });
  await expect(figure).toBeVisible();
  expect(await decodedWidth(figure)).toBe(12);

  // Stored once, by content, in the data folder; the other feed's image was never fetched.
  const hash = createHash('sha256').update(CT_IMAGE).digest('hex');
  expect(await readdir(join(dataDir, 'library', 'images', 'files'))).toEqual([`${hash}.img`]);
  expect(feedServer.requests.map((request) => request.path)).not.toContain('/images/lesion.png');

  // The network goes away and the app is started again on the same data folder.
  await feedServer.stop();
  await first.app.close();
  ({ rounds } = await startApp());
  await rounds.waitUntilReady();
  await rounds.view('All items').click();
  await rounds.openItem(KEPT_PAPER);
  await expect(rounds.reader.getByText(FINDINGS)).toBeVisible();
  await expect(rounds.reader.getByText(CONCLUSION)).toBeVisible();
  await expect(rounds.reader.getByText('Figure 1.')).toBeVisible();
  const offlineFigure = rounds.reader.getByRole('img', { name: FIGURE });
  await expect(offlineFigure).toHaveAttribute('src', `/files/images/${hash}`);
  expect(await decodedWidth(offlineFigure)).toBe(12);
  await expect(rounds.reader.getByText(/Image not loaded/)).toHaveCount(0);
  await expect(rounds.reader.getByRole('button', { name: 'Save this paper’s images' })).toHaveCount(
    0,
  );

  // A feed without the setting still shows what its image was, without loading it.
  await rounds.openItem(PLAIN_PAPER);
  await expect(rounds.reader.getByText(`[Image not loaded: ${LESION}]`)).toBeVisible();
  await expect(rounds.reader.getByRole('img')).toHaveCount(0);

  // Asked to save them with the network gone, it says why it could not, and loses nothing.
  await rounds.reader.getByRole('button', { name: 'Save this paper’s images' }).click();
  await expect(
    rounds.reader.getByRole('status').filter({ hasText: /could not be saved/ }),
  ).toHaveText(/^Saved 0 images\. 1 could not be saved: .+/);
  await expect(rounds.reader.getByText(`[Image not loaded: ${LESION}]`)).toBeVisible();
});

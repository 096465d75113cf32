import { test, expect } from './fixtures/test';

test('scripts, event handlers and javascript: links inside feed content never run', async ({
  startApp,
  feedServer,
}) => {
  const { app, rounds } = await startApp();
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/hostile.xml'));
  await rounds.openItem('Paper with hostile markup');

  await expect(rounds.reader).toContainText('The abstract text stays readable.');
  await expect(rounds.reader.getByRole('link', { name: 'Publisher page' })).toHaveAttribute(
    'href',
    'https://hostile.example.org/full',
  );
  // The javascript: link lost its target; clicking its text does nothing.
  const jsLink = rounds.reader.getByText('Click for the full text');
  await expect(jsLink).toBeVisible();
  expect(
    await jsLink.evaluate((node) => node.closest('a')?.getAttribute('href') ?? null),
  ).toBeNull();
  await jsLink.click();

  const article = rounds.reader;
  await expect(article.locator('script, iframe, form, input, [onerror], [style]')).toHaveCount(0);
  // Runs in the page; globalThis is the window there.
  const pwned = await app.page.evaluate(
    () => (globalThis as { __roundsPwned?: string }).__roundsPwned ?? null,
  );
  expect(pwned).toBeNull();
  expect(dialogs).toEqual([]);
});

import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';

/** A loopback port with nothing listening: the "server is down" case, without the internet. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('each bad address gets its own clear message and nothing is stored', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  const { rounds } = await startApp();
  await rounds.waitUntilReady();

  await rounds.submitFeedAddress('ftp://journal.example.org/feed');
  await expect(rounds.addFeedError()).toContainText(/http/i);
  await rounds.cancelAddFeed();

  await rounds.submitFeedAddress(`http://127.0.0.1:${await closedPort()}/feed.xml`);
  await expect(rounds.addFeedError()).toContainText(
    /could not (reach|connect)|unreachable|refused/i,
  );
  await rounds.cancelAddFeed();

  await rounds.submitFeedAddress(feedServer.url('/journal-home.html'));
  await expect(rounds.addFeedError()).toContainText(/not a feed|web page/i);
  await rounds.cancelAddFeed();

  await rounds.submitFeedAddress(feedServer.url('/missing.xml'));
  await expect(rounds.addFeedError()).toContainText('404');
  await rounds.cancelAddFeed();

  // Nothing was subscribed: the sources pane offers the first feed, and no item was written. (A
  // feed would be named by its address until it has a title; "Journal club" is the club area.)
  await expect(
    rounds.sources.getByRole('button', {
      name: /journal\.example|journal-home|missing|feed\.xml|127\.0\.0\.1/i,
    }),
  ).toHaveCount(0);
  const files = await readdir(join(dataDir, 'library'), { recursive: true });
  const itemFiles = files.filter(
    (file) => /items/.test(String(file)) && String(file).endsWith('.json'),
  );
  for (const file of itemFiles) {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(dataDir, 'library', String(file)), 'utf8')).not.toContain(
      'journal-home',
    );
  }
});

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures/test';
import { rssWithItems } from './fixtures/hostApi';

interface ItemPage {
  items: { id: string; read: boolean; starred: boolean }[];
  total: number;
}

test('a backend killed with SIGKILL during a burst of writes keeps every write it acknowledged', async ({
  startApp,
  feedServer,
}) => {
  feedServer.setRoute('/burst.xml', { body: rssWithItems('Burst', 400) });

  const { app } = await startApp();
  expect((await app.call('feeds.add', [{ url: feedServer.url('/burst.xml') }])).ok).toBe(true);
  const page = await app.call<ItemPage>('library.list', [{ limit: 500 }]);
  if (!page.ok) throw new Error(page.message);
  const ids = page.value.items.map((item) => item.id);
  expect(ids).toHaveLength(400);

  // Each write sets a distinct flag from false to true, so "acknowledged" has one meaning after
  // the crash: that flag must be true. Eight calls stay in flight, as a busy window would make.
  const acknowledged: { id: string; flag: 'read' | 'starred' }[] = [];
  const writes = ids.flatMap((id) => [
    { id, flag: 'read' as const },
    { id, flag: 'starred' as const },
  ]);
  // The kill is sent from inside the burst once 150 writes are acknowledged, so it lands with
  // writes in flight and most still to come, however fast or slow the machine is.
  const KILL_AFTER_ACKNOWLEDGED = 150;
  let next = 0;
  let killing: Promise<void> | undefined;
  const worker = async (): Promise<void> => {
    while (next < writes.length) {
      const write = writes[next++]!;
      const method = write.flag === 'read' ? 'library.setRead' : 'library.setStarred';
      try {
        const result = await app.call(method, [{ id: write.id, [write.flag]: true }]);
        if (result.ok) acknowledged.push(write);
      } catch {
        return; // the process died under this call: not acknowledged
      }
      if (acknowledged.length >= KILL_AFTER_ACKNOWLEDGED) killing ??= app.kill();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await killing;
  expect(acknowledged.length).toBeLessThan(writes.length); // the kill really landed mid-burst

  const restarted = await startApp();
  await restarted.rounds.waitUntilReady();
  const after = await restarted.app.call<ItemPage>('library.list', [{ limit: 500 }]);
  if (!after.ok) throw new Error(after.message);
  const byId = new Map(after.value.items.map((item) => [item.id, item]));
  expect(byId.size).toBe(400);
  const lost = acknowledged.filter((write) => byId.get(write.id)?.[write.flag] !== true);
  expect(lost).toEqual([]);
  await expect(restarted.rounds.notices()).toHaveCount(0);
});

test('a damaged data file is set aside, the last good copy restored, and the user told', async ({
  startApp,
  feedServer,
  dataDir,
}) => {
  let { app, rounds } = await startApp();
  await rounds.waitUntilReady();
  await rounds.addFeed(feedServer.url('/cardiology.xml'));
  await expect(rounds.feed('Heart Journal Club Digest')).toBeVisible();
  await app.close();
  // A second clean start takes the last-good copy of the document that now holds the feed.
  ({ app } = await startApp());
  await app.close();

  const feedsFile = join(dataDir, 'library', 'feeds.json');
  const damaged = '{"schemaVersion": 1, "feeds": [{"id": "trunc';
  await writeFile(feedsFile, damaged);

  ({ rounds } = await startApp());
  await rounds.waitUntilReady();
  await expect(rounds.notices()).toContainText('feeds.json');
  await expect(rounds.feed('Heart Journal Club Digest')).toBeVisible();

  // The damaged file was kept aside, byte for byte, next to the restored one.
  const names = await readdir(join(dataDir, 'library'));
  const keptAside = names.filter((name) => name.startsWith('feeds.json.corrupt'));
  expect(keptAside).toHaveLength(1);
  expect(await readFile(join(dataDir, 'library', keptAside[0]!), 'utf8')).toBe(damaged);
  JSON.parse(await readFile(feedsFile, 'utf8'));
});

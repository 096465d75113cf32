// Child process for the crash test: writes without pause, printing each write once it has been
// acknowledged (its promise resolved), until the parent kills it with SIGKILL.
import type { StoredItem } from '../../../services/library/LibraryStore';
import { LowdbLibraryStore } from '../LowdbLibraryStore';
import { sampleFeed, sampleItem, sampleItems } from './sampleLibrary';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writeBurst.ts <dataDir>');

const store = await LowdbLibraryStore.open(dataDir);
await store.saveFeed(sampleFeed('seed'));
await store.saveFeed(sampleFeed('burst'));
const seeded = sampleItems('seed', 5_000);
await store.putItems(seeded);
process.stdout.write('ready\n');

async function markRead(item: StoredItem): Promise<void> {
  await store.setItemState(item.id, { read: true });
  process.stdout.write(`state ${item.id}\n`);
}

async function addItem(n: number): Promise<void> {
  const item = sampleItem('burst', n);
  await store.putItems([item]);
  process.stdout.write(`item ${item.id}\n`);
}

// Several changes in flight at once, like clicks arriving while a refresh stores items.
const inFlight = new Set<Promise<void>>();
for (let n = 0; n < 2 * seeded.length; n += 1) {
  const work = n % 2 === 0 ? markRead(seeded[n / 2] as StoredItem) : addItem(n);
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
  if (inFlight.size >= 8) await Promise.race(inFlight);
}
await Promise.all(inFlight);
process.stdout.write('done\n');

// Child process for the retention crash test: removes read items batch after batch, as the
// retention policy does, while stars are given to items that stay, printing each batch once it
// is acknowledged. It kills itself (SIGKILL, as a power cut would) right after the given number
// of files were written during the given batch, so every step of a removal can be interrupted.
import { LowdbLibraryStore } from '../LowdbLibraryStore';
import { sampleFeed, sampleItems } from './sampleLibrary';

/** Items removed per call, as RetentionMainService removes them. */
export const REMOVE_BATCH = 40;
export const EXPIRING = sampleItems('expiring', 1_200);
export const STAYING = sampleItems('staying', 300);

/** The ids batch `n` removes. */
export function batchOf(n: number): string[] {
  return EXPIRING.slice(n * REMOVE_BATCH, (n + 1) * REMOVE_BATCH).map((item) => item.id);
}

const [dataDir, crashBatch, crashAfterWrites] = process.argv.slice(2);
if (dataDir) {
  let batch = -1;
  let writesInBatch = 0;
  const store = await LowdbLibraryStore.open(dataDir, {
    onDocumentWritten: () => {
      if (batch !== Number(crashBatch)) return;
      writesInBatch += 1;
      if (writesInBatch >= Number(crashAfterWrites)) process.kill(process.pid, 'SIGKILL');
    },
  });
  await store.saveFeed(sampleFeed('expiring'));
  await store.saveFeed(sampleFeed('staying'));
  await store.putItems([...EXPIRING, ...STAYING]);
  await Promise.all(
    [...EXPIRING, ...STAYING].map((item) => store.setItemState(item.id, { read: true })),
  );
  process.stdout.write('ready\n');

  for (let n = 0; n * REMOVE_BATCH < EXPIRING.length; n += 1) {
    batch = n;
    // A click on another item while the batch is removed: its mark shard may be one of theirs.
    const staying = STAYING[n % STAYING.length];
    const starred = staying
      ? store.setItemState(staying.id, { starred: true }).then(() => {
          process.stdout.write(`star ${staying.id}\n`);
        })
      : Promise.resolve();
    await Promise.all([store.removeItems(batchOf(n)), starred]);
    process.stdout.write(`removed ${n}\n`);
  }
  process.stdout.write('done\n');
}

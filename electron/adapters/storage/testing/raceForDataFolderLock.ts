// Child process for DataFolderLock.test.ts: waits for commands on stdin so that two of these can be
// told to take the same data folder at the same moment, many times over.
//   acquire <round>  ->  "round <round> won" | "round <round> in-use" | "round <round> failed <why>"
//   release <round>  ->  "round <round> released"
import { createInterface } from 'node:readline';
import { DataFolderInUseError, DataFolderLock } from '../DataFolderLock';

const [dataDir, staleMs] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: raceForDataFolderLock.ts <dataDir> <staleMs>');

let held: DataFolderLock | null = null;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, round] = line.split(' ');
  if (command === 'acquire') {
    try {
      held = await DataFolderLock.acquire(dataDir, { staleMs: Number(staleMs) });
      process.stdout.write(`round ${round} won\n`);
    } catch (error) {
      const outcome =
        error instanceof DataFolderInUseError
          ? 'in-use'
          : `failed ${String(error).replaceAll('\n', ' ')}`;
      process.stdout.write(`round ${round} ${outcome}\n`);
    }
  } else if (command === 'release') {
    await held?.release();
    held = null;
    process.stdout.write(`round ${round} released\n`);
  }
}

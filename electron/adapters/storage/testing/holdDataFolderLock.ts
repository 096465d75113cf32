// Child process for DataFolderLock.test.ts: takes the data folder's lock and keeps it until killed.
import { DataFolderLock } from '../DataFolderLock';

const [dataDir, staleMs] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: holdDataFolderLock.ts <dataDir> <staleMs>');
await DataFolderLock.acquire(dataDir, { staleMs: Number(staleMs) });
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);

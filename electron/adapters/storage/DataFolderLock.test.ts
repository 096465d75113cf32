import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, DataFolderLock } from './DataFolderLock';
import { spawnTypeScript, type TypeScriptChild } from './testing/spawnTypeScript';
import { temporaryDataDir } from './testing/sampleLibrary';

const LOCK_HOLDER = fileURLToPath(new URL('./testing/holdDataFolderLock.ts', import.meta.url));
/** proper-lockfile's smallest staleness. */
const STALE_MS = 2_000;

describe('DataFolderLock', () => {
  let dataDir: string;
  let remove: () => Promise<void>;
  const held: DataFolderLock[] = [];
  const children: TypeScriptChild[] = [];

  beforeEach(async () => {
    ({ dir: dataDir, remove } = await temporaryDataDir('rounds-lock-'));
  });

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await Promise.all(held.splice(0).map((lock) => lock.release()));
    await remove();
  });

  async function acquire(dir = dataDir): Promise<DataFolderLock> {
    const lock = await DataFolderLock.acquire(dir, { staleMs: STALE_MS });
    held.push(lock);
    return lock;
  }

  it('lets one owner at a time use the folder, with a message that names it', async () => {
    const first = await acquire();
    const refusal = acquire().catch((error: unknown) => error);
    const error = await refusal;
    expect(error).toBeInstanceOf(DataFolderInUseError);
    expect((error as Error).message).toBe(
      `Another Rounds window or host is already using the data folder ${dataDir}. ` +
        'Close it first, or start with a different --data-dir.',
    );

    await first.release();
    await first.release();
    await expect(acquire()).resolves.toBeInstanceOf(DataFolderLock);
  });

  it('creates a data folder that does not exist yet', async () => {
    const nested = join(dataDir, 'new', 'folder');
    await acquire(nested);
    expect(existsSync(nested)).toBe(true);
  });

  it('refuses a folder held by another live process, and takes it at once when that process was killed', async () => {
    const child = spawnTypeScript(LOCK_HOLDER, [dataDir, String(STALE_MS)]);
    children.push(child);
    await child.waitForLine((line) => line === 'locked');
    await expect(acquire()).rejects.toBeInstanceOf(DataFolderInUseError);

    child.process.kill('SIGKILL');
    await child.exited;
    // The owner is recorded beside the lock, so a restart after a crash is not kept waiting.
    await expect(acquire()).resolves.toBeInstanceOf(DataFolderLock);
  }, 30_000);

  it('waits for staleness when the owner cannot be checked (another machine on a shared folder)', async () => {
    const child = spawnTypeScript(LOCK_HOLDER, [dataDir, String(STALE_MS)]);
    children.push(child);
    await child.waitForLine((line) => line === 'locked');
    child.process.kill('SIGKILL');
    await child.exited;
    const killedAt = Date.now();
    const ownerFile = join(dataDir, 'rounds.lock.owner.json');
    const owner = JSON.parse(await readFile(ownerFile, 'utf8')) as { pid: number; host: string };
    await writeFile(ownerFile, JSON.stringify({ ...owner, host: 'another-machine' }));

    // The dead owner's lock is still fresh: it cannot be proven dead, so it is not taken at once...
    await expect(acquire()).rejects.toBeInstanceOf(DataFolderInUseError);
    // ...but it does not leave the folder stuck either.
    let lock: DataFolderLock | null = null;
    while (lock === null && Date.now() - killedAt < STALE_MS + 5_000) {
      lock = await acquire().catch(() => null);
      if (lock === null) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lock).toBeInstanceOf(DataFolderLock);
  }, 30_000);
});

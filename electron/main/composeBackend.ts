import type { AppInfo, Backend } from '@shared/contract';
import { HttpFeedFetcher } from '../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../adapters/feeds/RssFeedParser';
import { DataFolderLock } from '../adapters/storage/DataFolderLock';
import { LowdbLibraryStore } from '../adapters/storage/LowdbLibraryStore';
import { AppMainService } from '../services/app/AppMainService';
import { FeedMainService } from '../services/feeds/FeedMainService';
import { LibraryMainService } from '../services/library/LibraryMainService';

/** What both composition roots (Electron main and the host) need to build the backend. */
export interface BackendOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  version: string;
}

/** A running backend and the one way to stop it cleanly. */
export interface ComposedBackend {
  backend: Backend;
  /** Flushes pending writes and releases the data folder. */
  close(): Promise<void>;
}

/**
 * Builds adapters and services over one data folder. Electron's main process and the host call
 * this same function, so both run identical services. Deliberately free of any `electron` import.
 * Rejects with DataFolderInUseError when another process owns the folder.
 */
export async function composeBackend(options: BackendOptions): Promise<ComposedBackend> {
  const lock = await DataFolderLock.acquire(options.dataDir);
  let store: LowdbLibraryStore;
  try {
    store = await LowdbLibraryStore.open(options.dataDir);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const clock = { now: () => new Date() };
  const fetcher = new HttpFeedFetcher({
    userAgent: `Rounds/${options.version} (desktop journal club)`,
  });
  const feeds = new FeedMainService({ store, fetcher, parser: new RssFeedParser(), clock });
  const backend: Backend = {
    app: new AppMainService({
      store,
      info: { version: options.version, runtime: options.runtime, dataDir: options.dataDir },
    }),
    feeds,
    library: new LibraryMainService({ store }),
  };
  let closing: Promise<void> | undefined;
  return {
    backend,
    close: () => {
      closing ??= (async () => {
        feeds.dispose();
        await store.close();
        await lock.release();
      })();
      return closing;
    },
  };
}

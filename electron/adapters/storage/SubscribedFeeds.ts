import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type FeedRecord,
  type FeedsDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairFeedRecord, repairFeedsDocument } from '@shared/domain/library/repairFeedsDocument';
import type { StoredFeed } from '../../services/library/LibraryStore';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';

/** `feeds.json`: the subscriptions. Callers get copies, so nothing changes them behind its back. */
export class SubscribedFeeds {
  private readonly feeds = new Map<string, FeedRecord>();
  readonly document: LibraryDocument<FeedsDocument>;

  constructor(createDocument: CreateLibraryDocument) {
    this.document = createDocument<FeedsDocument>({
      relativePath: 'feeds.json',
      subject: 'your feed subscriptions',
      remedy: '',
      backup: 'last-good',
      repair: repairFeedsDocument,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, feeds: [] }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, feeds: [...this.feeds.values()] }),
      indent: 2,
    });
  }

  list(): StoredFeed[] {
    return [...this.feeds.values()].map(copyFeed);
  }

  get(id: string): StoredFeed | undefined {
    const feed = this.feeds.get(id);
    return feed && copyFeed(feed);
  }

  findByUrl(url: string): StoredFeed | undefined {
    for (const feed of this.feeds.values()) if (feed.url === url) return copyFeed(feed);
    return undefined;
  }

  has(id: string): boolean {
    return this.feeds.has(id);
  }

  async save(feed: StoredFeed): Promise<void> {
    const record = repairFeedRecord(feed);
    if (record === null) throw new TypeError('A feed needs an id and a URL to be stored.');
    this.feeds.set(record.id, record);
    await this.document.write();
  }

  async remove(id: string): Promise<void> {
    this.feeds.delete(id);
    await this.document.write();
  }

  /** Loads the subscriptions; returns the notice to show if the file had to be recovered. */
  async load(): Promise<StorageNotice | null> {
    const { document, notice } = await this.document.load();
    for (const feed of document.feeds) this.feeds.set(feed.id, feed);
    return notice;
  }
}

function copyFeed(feed: FeedRecord): StoredFeed {
  return { ...feed, lastError: feed.lastError && { ...feed.lastError } };
}

import { randomUUID } from 'node:crypto';
import { feedDisplayTitle } from '@shared/domain/library/feedDisplayTitle';
import {
  fail,
  ok,
  type OpmlImportSummary,
  type ServiceImplementation,
  type sourcesContract,
} from '@shared/contract';
import type { CatalogueFeed } from '@shared/domain/feeds/catalogueFromOpml';
import { normalizeFeedUrl } from '@shared/domain/feeds/normalizeFeedUrl';
import type { OpmlSubscription } from '@shared/domain/feeds/OpmlOutline';
import { subscriptionsFromOpml } from '@shared/domain/feeds/subscriptionsFromOpml';
import { writeOpml } from '@shared/domain/feeds/writeOpml';
import { DEFAULT_REFRESH_INTERVAL_MINUTES } from '@shared/domain/library/libraryDocuments';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { isLocalSource } from '@shared/domain/papers/myPapers';
import type { Clock } from '../feeds/ports';
import type { LibraryStore, StoredFeed } from '../library/LibraryStore';
import type { CatalogueSource, OpmlReader } from './ports';

type SourcesService = ServiceImplementation<typeof sourcesContract>;

/** What {@link SourcesMainService} works with. */
export interface SourcesMainServiceDependencies {
  store: LibraryStore;
  reader: OpmlReader;
  catalogue: CatalogueSource;
  clock: Clock;
  /**
   * Starts fetching newly imported feeds in the background; must not wait for them. The import
   * answers at once and the feeds fill in as the refresh reports progress.
   */
  refreshFeeds: (feedIds: string[]) => void;
}

/** The title of every exported OPML file. */
export const EXPORT_TITLE = 'Rounds subscriptions';

/**
 * Moving subscriptions in and out of Rounds as OPML, and the starter catalogue. An import reads
 * the whole file before writing anything, keeps its folders and categories, never duplicates a
 * feed already followed, and leaves the fetching to a background refresh.
 */
export class SourcesMainService implements SourcesService {
  private readonly store: LibraryStore;
  private readonly reader: OpmlReader;
  private readonly source: CatalogueSource;
  private readonly clock: Clock;
  private readonly refreshFeeds: (feedIds: string[]) => void;
  /** Imports run one after another, so two at once cannot both add the same feed. */
  private importing: Promise<unknown> = Promise.resolve();

  constructor(dependencies: SourcesMainServiceDependencies) {
    this.store = dependencies.store;
    this.reader = dependencies.reader;
    this.source = dependencies.catalogue;
    this.clock = dependencies.clock;
    this.refreshFeeds = dependencies.refreshFeeds;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly catalogue: SourcesService['catalogue'] = async () => {
    let entries: CatalogueFeed[];
    try {
      entries = await this.source.entries();
    } catch (error) {
      console.error('[rounds] the starter catalogue could not be loaded', error);
      return fail(
        'internal',
        'The list of suggested feeds that comes with Rounds could not be read. Reinstalling ' +
          'Rounds should restore it; you can still add feeds by their address.',
      );
    }
    const followed = this.followedAddresses();
    return ok(entries.map((entry) => ({ ...entry, subscribed: followed.has(keyOf(entry.url)) })));
  };

  readonly importOpml: SourcesService['importOpml'] = ({ text }) => {
    const run = this.importing.then(() => this.importNow(text));
    this.importing = run.catch(() => undefined);
    return run;
  };

  readonly exportOpml: SourcesService['exportOpml'] = async () => {
    const now = this.clock.now().toISOString();
    // "My papers" is kept by Rounds itself: it has no address another reader could follow.
    const subscriptions = this.store
      .listFeeds()
      .filter((feed) => !isLocalSource(feed))
      .map(toOpmlSubscription);
    const text = writeOpml({ title: EXPORT_TITLE, dateCreated: now, subscriptions });
    return ok({ fileName: `rounds-subscriptions-${now.slice(0, 10)}.opml`, text });
  };

  private async importNow(text: string) {
    const read = await this.reader.read(text);
    if (!read.ok) return read;
    const { subscriptions, skipped } = subscriptionsFromOpml(read.value.outlines);
    if (subscriptions.length === 0 && skipped.length === 0) {
      return fail('not-opml', 'This OPML file does not list any feeds.');
    }

    const followed = this.followedAddresses();
    const addedAt = this.clock.now().toISOString();
    const fresh = subscriptions.filter((subscription) => !followed.has(keyOf(subscription.url)));
    const records = fresh.map((subscription) => toFeedRecord(subscription, addedAt));
    await this.saveAllOrNone(records);

    if (records.length > 0) this.refreshFeeds(records.map((record) => record.id));
    const summary: OpmlImportSummary = {
      added: records.length,
      alreadySubscribed: subscriptions.length - fresh.length,
      skipped,
    };
    return ok(summary);
  }

  /** Saves every record, or, when one save fails, takes back those that were saved and throws. */
  private async saveAllOrNone(records: StoredFeed[]): Promise<void> {
    // Started together so the store can coalesce them into a few writes.
    const saves = await Promise.allSettled(records.map((record) => this.store.saveFeed(record)));
    const failure = saves.find((save) => save.status === 'rejected');
    if (failure === undefined) return;
    await Promise.allSettled(
      records
        .filter((_, index) => saves[index]?.status === 'fulfilled')
        .map((record) => this.store.removeFeed(record.id)),
    );
    throw failure.reason;
  }

  private followedAddresses(): Set<string> {
    return new Set(this.store.listFeeds().map((feed) => keyOf(feed.url)));
  }
}

/** Addresses compare in their normalised form, so `HTTPS://Example.org:443/feed` is a repeat. */
function keyOf(url: string): string {
  const normalized = normalizeFeedUrl(url);
  return normalized.ok ? normalized.value : url.trim();
}

function toFeedRecord(subscription: OpmlSubscription, addedAt: string): StoredFeed {
  return newFeedRecord({
    id: randomUUID(),
    url: subscription.url,
    // Until the first fetch names the feed, its own title is the outline's too; the outline's
    // name is also kept as the user's, because it is what they called it in their last reader.
    title: subscription.title,
    customTitle: subscription.title,
    addedAt,
    siteUrl: subscription.siteUrl,
    folder: subscription.folder,
    tags: subscription.tags,
    refreshIntervalMinutes: subscription.refreshIntervalMinutes ?? DEFAULT_REFRESH_INTERVAL_MINUTES,
  });
}

function toOpmlSubscription(feed: StoredFeed): OpmlSubscription {
  return {
    title: feedDisplayTitle(feed),
    url: feed.url,
    siteUrl: feed.siteUrl,
    folder: feed.folder,
    tags: feed.tags,
    refreshIntervalMinutes:
      feed.refreshIntervalMinutes === DEFAULT_REFRESH_INTERVAL_MINUTES
        ? null
        : feed.refreshIntervalMinutes,
  };
}

import { createHash, randomUUID } from 'node:crypto';
import {
  fail,
  type FeedError,
  type FeedFailureCode,
  type FeedRefreshOutcome,
  feedsContract,
  type FeedSummary,
  ok,
  type RefreshEvent,
  type ServiceImplementation,
} from '@shared/contract';
import { normalizeFeedUrl } from '@shared/domain/feeds/normalizeFeedUrl';
import { Emitter } from '../Emitter';
import type { LibraryStore, StoredFeed, StoredItem } from '../library/LibraryStore';
import { HostConcurrencyLimiter } from './HostConcurrencyLimiter';
import type { Clock, FeedFetcher, FeedParser, ParsedItem } from './ports';

type FeedsService = ServiceImplementation<typeof feedsContract>;
type AddFailureCode = (typeof feedsContract.members.add.errors)[number];

/** What {@link FeedMainService} works with. */
export interface FeedMainServiceDependencies {
  store: LibraryStore;
  fetcher: FeedFetcher;
  parser: FeedParser;
  clock: Clock;
  /** Feeds fetched at the same time, overall and per host. Default 4 and 2. */
  concurrency?: { overall: number; perHost: number };
}

/** Where a refresh was when something unexpected went wrong, and what the user is told. */
const UNEXPECTED_FAILURE = {
  fetching: {
    code: 'internal',
    message: 'Rounds could not download this feed because of an unexpected problem.',
  },
  parsing: {
    code: 'internal',
    message: 'Rounds could not read this feed because of an unexpected problem.',
  },
  saving: {
    code: 'internal',
    message: 'Rounds could not save this feed’s new articles because of an unexpected problem.',
  },
} as const satisfies Record<string, { code: FeedFailureCode; message: string }>;
type RefreshStage = keyof typeof UNEXPECTED_FAILURE;

const NO_VALIDATORS = { etag: null, lastModified: null };

/**
 * Subscriptions and fetching. A feed is stored only once it has been fetched and parsed; a
 * refresh asks each server whether anything changed, skips parsing an identical body, keeps the
 * items of a feed that fails, and reports each feed's outcome as it finishes.
 */
export class FeedMainService implements FeedsService {
  private readonly store: LibraryStore;
  private readonly fetcher: FeedFetcher;
  private readonly parser: FeedParser;
  private readonly clock: Clock;
  private readonly limiter: HostConcurrencyLimiter;
  private readonly refreshed = new Emitter<RefreshEvent>();
  /** Aborted by {@link dispose}: requests stop and nothing more is written. */
  private readonly lifetime = new AbortController();
  /** A second refresh of a feed already being refreshed joins the first. */
  private readonly refreshing = new Map<string, Promise<FeedRefreshOutcome>>();
  /** Addresses being subscribed right now, so a double submit does not subscribe twice. */
  private readonly adding = new Set<string>();
  private readonly titleOrder = new Intl.Collator(undefined, {
    sensitivity: 'base',
    numeric: true,
  });

  readonly onDidRefresh = this.refreshed.subscribe;

  constructor(dependencies: FeedMainServiceDependencies) {
    this.store = dependencies.store;
    this.fetcher = dependencies.fetcher;
    this.parser = dependencies.parser;
    this.clock = dependencies.clock;
    const concurrency = dependencies.concurrency ?? { overall: 4, perHost: 2 };
    this.limiter = new HostConcurrencyLimiter(concurrency.overall, concurrency.perHost);
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly add: FeedsService['add'] = async ({ url }) => {
    const normalized = normalizeFeedUrl(url);
    if (!normalized.ok) return normalized;
    const address = normalized.value;
    const duplicate = this.duplicateOf(address);
    if (duplicate) return duplicate;

    this.adding.add(address);
    try {
      const fetched = await this.fetcher.fetch(address, NO_VALIDATORS, this.lifetime.signal);
      if (fetched.kind === 'failed') return fail(asAddFailureCode(fetched.code), fetched.message);
      if (fetched.kind === 'not-modified') {
        return fail('http-error', 'The server answered “not modified” to a first request.');
      }
      const redirectedDuplicate =
        fetched.finalUrl !== address ? this.duplicateOf(fetched.finalUrl) : undefined;
      if (redirectedDuplicate) return redirectedDuplicate;

      const parsed = await this.parser.parse(fetched.body, fetched.contentType, fetched.finalUrl);
      if (!parsed.ok) return fail(parsed.code, parsed.message);

      this.lifetime.signal.throwIfAborted();
      const now = this.now();
      const feed: StoredFeed = {
        id: randomUUID(),
        url: fetched.finalUrl,
        title: parsed.feed.title,
        siteUrl: parsed.feed.siteUrl,
        addedAt: now,
        lastFetchedAt: now,
        lastError: null,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        bodyHash: sha256(fetched.body),
      };
      await this.store.saveFeed(feed);
      try {
        await this.store.putItems(this.toStoredItems(feed.id, parsed.feed.items, now));
      } catch (error) {
        // Subscribing is all or nothing: a feed without its items would look empty for good.
        await this.store.removeFeed(feed.id).catch(() => undefined);
        throw error;
      }
      return ok(this.summarise(feed));
    } finally {
      this.adding.delete(address);
    }
  };

  readonly list: FeedsService['list'] = async () => {
    const summaries = this.store.listFeeds().map((feed) => this.summarise(feed));
    summaries.sort(
      (a, b) => this.titleOrder.compare(a.title, b.title) || a.addedAt.localeCompare(b.addedAt),
    );
    return ok(summaries);
  };

  readonly remove: FeedsService['remove'] = async ({ id }) => {
    const removed = await this.store.removeFeed(id);
    return removed ? ok({ id }) : fail('not-found', 'That feed is no longer in your library.');
  };

  readonly refresh: FeedsService['refresh'] = async ({ id }) => {
    let feedIds: string[];
    if (id !== undefined) {
      if (!this.store.getFeed(id))
        return fail('not-found', 'That feed is no longer in your library.');
      feedIds = [id];
    } else {
      feedIds = this.store.listFeeds().map((feed) => feed.id);
    }

    const total = feedIds.length;
    let done = 0;
    const outcomes = await Promise.all(
      feedIds.map(async (feedId) => {
        const outcome = await this.refreshOnce(feedId);
        done++;
        if (!this.lifetime.signal.aborted) this.refreshed.fire({ done, total, outcome });
        return outcome;
      }),
    );
    return ok(outcomes);
  };

  /**
   * Stops requests in flight; from then on nothing is written and no event fires. The store is
   * closed by its owner afterwards.
   */
  dispose(): void {
    this.lifetime.abort(new Error('The feeds service was closed.'));
  }

  private duplicateOf(url: string) {
    const existing = this.store.findFeedByUrl(url);
    if (existing) return fail('duplicate', `You already follow “${existing.title}”.`);
    if (this.adding.has(url)) return fail('duplicate', 'This feed is already being added.');
    return undefined;
  }

  private refreshOnce(feedId: string): Promise<FeedRefreshOutcome> {
    const running = this.refreshing.get(feedId);
    if (running) return running;
    const host = hostOf(this.store.getFeed(feedId)?.url ?? '');
    const refresh = this.limiter
      .run(host, () => this.refreshFeed(feedId))
      .finally(() => this.refreshing.delete(feedId));
    this.refreshing.set(feedId, refresh);
    return refresh;
  }

  /** Never rejects: whatever goes wrong becomes this feed's error, and the other feeds go on. */
  private async refreshFeed(feedId: string): Promise<FeedRefreshOutcome> {
    const progress: { stage: RefreshStage } = { stage: 'fetching' };
    try {
      return await this.fetchAndStore(feedId, progress);
    } catch (error) {
      if (this.lifetime.signal.aborted) return untouched(feedId);
      console.error(`[rounds] refreshing feed ${feedId} failed while ${progress.stage}`, error);
      const { code, message } = UNEXPECTED_FAILURE[progress.stage];
      try {
        return await this.recordFailure(feedId, code, message);
      } catch (saveError) {
        console.error(`[rounds] could not record the failure of feed ${feedId}`, saveError);
        return { feedId, newItems: 0, unchanged: false, error: { code, message, at: this.now() } };
      }
    }
  }

  private async fetchAndStore(
    feedId: string,
    progress: { stage: RefreshStage },
  ): Promise<FeedRefreshOutcome> {
    // Read when its turn comes, not when queued, so the validators are the latest ones.
    const feed = this.store.getFeed(feedId);
    if (!feed || this.lifetime.signal.aborted) return untouched(feedId);

    const validators = { etag: feed.etag, lastModified: feed.lastModified };
    const fetched = await this.fetcher.fetch(feed.url, validators, this.lifetime.signal);
    if (fetched.kind === 'failed') return this.recordFailure(feedId, fetched.code, fetched.message);
    if (fetched.kind === 'not-modified')
      return this.recordSuccess(feedId, {}, { newItems: 0, unchanged: true });

    // Validators and body hash are kept only once the body has been read successfully: kept
    // after a failure, they would make the next refresh report a broken feed as unchanged.
    const bodyHash = sha256(fetched.body);
    const fetchedValidators = { etag: fetched.etag, lastModified: fetched.lastModified, bodyHash };
    if (bodyHash === feed.bodyHash) {
      return this.recordSuccess(feedId, fetchedValidators, { newItems: 0, unchanged: true });
    }

    progress.stage = 'parsing';
    const parsed = await this.parser.parse(fetched.body, fetched.contentType, fetched.finalUrl);
    if (!parsed.ok) return this.recordFailure(feedId, parsed.code, parsed.message);

    progress.stage = 'saving';
    if (!this.store.getFeed(feedId) || this.lifetime.signal.aborted) return untouched(feedId);
    const newItems = await this.store.putItems(
      this.toStoredItems(feedId, parsed.feed.items, this.now()),
    );
    const described = { title: parsed.feed.title, siteUrl: parsed.feed.siteUrl };
    return this.recordSuccess(
      feedId,
      { ...fetchedValidators, ...described },
      { newItems, unchanged: false },
    );
  }

  private async recordSuccess(
    feedId: string,
    changes: Partial<StoredFeed>,
    result: { newItems: number; unchanged: boolean },
  ): Promise<FeedRefreshOutcome> {
    const outcome = { feedId, ...result, error: null };
    const current = this.store.getFeed(feedId);
    if (!current || this.lifetime.signal.aborted) return outcome;
    await this.store.saveFeed({
      ...current,
      ...changes,
      lastFetchedAt: this.now(),
      lastError: null,
    });
    return outcome;
  }

  private async recordFailure(
    feedId: string,
    code: FeedFailureCode,
    message: string,
  ): Promise<FeedRefreshOutcome> {
    const error: FeedError = { code, message, at: this.now() };
    const current = this.store.getFeed(feedId);
    if (current && !this.lifetime.signal.aborted)
      await this.store.saveFeed({ ...current, lastError: error });
    return { feedId, newItems: 0, unchanged: false, error };
  }

  private toStoredItems(feedId: string, items: ParsedItem[], now: string): StoredItem[] {
    // An item keeps the time Rounds first stored it; a refresh only replaces its content.
    const firstFetched = new Map(
      this.store
        .queryItems({ feedId, filter: 'all', offset: 0, limit: Number.MAX_SAFE_INTEGER })
        .rows.map((row) => [row.id, row.fetchedAt]),
    );
    const stored = new Map<string, StoredItem>();
    for (const item of items) {
      const id = itemIdOf(feedId, item.guid);
      // Feeds sometimes repeat an entry; the first occurrence is the one readers see on top.
      if (stored.has(id)) continue;
      stored.set(id, { id, feedId, ...item, fetchedAt: firstFetched.get(id) ?? now });
    }
    return [...stored.values()];
  }

  private summarise(feed: StoredFeed): FeedSummary {
    const counts = this.store.countItems(feed.id);
    return {
      id: feed.id,
      url: feed.url,
      title: feed.title,
      siteUrl: feed.siteUrl,
      addedAt: feed.addedAt,
      lastFetchedAt: feed.lastFetchedAt,
      lastError: feed.lastError,
      itemCount: counts.total,
      unreadCount: counts.unread,
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** Stable across refreshes and restarts: the same entry of the same feed gets the same id. */
function itemIdOf(feedId: string, guid: string): string {
  return sha256(`${feedId}\n${guid}`).slice(0, 32);
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function untouched(feedId: string): FeedRefreshOutcome {
  return { feedId, newItems: 0, unchanged: true, error: null };
}

function asAddFailureCode(code: FeedFailureCode): AddFailureCode | 'internal' {
  const codes: readonly string[] = feedsContract.members.add.errors;
  return codes.includes(code) ? (code as AddFailureCode) : 'internal';
}

import { createHash, randomUUID } from 'node:crypto';
import {
  fail,
  type Failure,
  type FeedError,
  type FeedFailureCode,
  type FeedRefreshOutcome,
  feedsContract,
  type FeedSummary,
  ok,
  type RefreshEvent,
  type ServiceImplementation,
} from '@shared/contract';
import {
  type FolderMove,
  planFolderDeletion,
  planFolderRename,
} from '@shared/domain/feeds/feedGroups';
import { normalizeFeedTags } from '@shared/domain/feeds/normalizeFeedTags';
import { normalizeFeedUrl } from '@shared/domain/feeds/normalizeFeedUrl';
import { notLaterThan } from '@shared/domain/feeds/notLaterThan';
import { Emitter } from '../Emitter';
import type { FeedImageKeeper } from './FeedImageKeeper';
import type { LibraryStore, StoredFeed, StoredItem } from '../library/LibraryStore';
import { HostConcurrencyLimiter } from './HostConcurrencyLimiter';
import { feedDisplayTitle } from '@shared/domain/library/feedDisplayTitle';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { isLocalSource } from '@shared/domain/papers/myPapers';
import type {
  Clock,
  FeedFetcher,
  FeedLinkSource,
  FeedParser,
  FetchOutcome,
  ParsedFeed,
  ParsedItem,
} from './ports';

type FeedsService = ServiceImplementation<typeof feedsContract>;
type AddFailureCode = (typeof feedsContract.members.add.errors)[number];
type FetchedFeed = Extract<FetchOutcome, { kind: 'fetched' }>;

/** What {@link FeedMainService} works with. */
export interface FeedMainServiceDependencies {
  store: LibraryStore;
  fetcher: FeedFetcher;
  parser: FeedParser;
  clock: Clock;
  /** Feeds fetched at the same time, overall and per host. Default 4 and 2. */
  concurrency?: { overall: number; perHost: number };
  /** Told after each good refresh and settings change, to keep feeds' images; none when left out. */
  images?: FeedImageKeeper;
  /** Items the retention policy removed; without it, a refresh stores whatever its feed lists. */
  expiredItems?: ExpiredItemsGate;
}

/**
 * Items the retention policy removed while their feed still lists them (see
 * services/retention/ExpiredItemKeys). A refresh stores a feed's items through it: those removed
 * are left out, so they do not come back as new and unread, and the write waits for any removal
 * of that feed's items under way, so none can slip between the check and the write.
 */
export interface ExpiredItemsGate {
  /**
   * Runs `store` with the ids among `itemIds` (everything the feed now lists) that were removed,
   * once no removal of the feed's items is under way; forgets removed ids the feed no longer lists.
   */
  admit<T>(
    feedId: string,
    itemIds: readonly string[],
    store: (expired: ReadonlySet<string>) => Promise<T>,
  ): Promise<T>;
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
/** Longest wait after failures: a feed broken for a while is still tried once a day. */
const MAX_BACK_OFF_MS = 24 * 60 * 60 * 1000;
/** Titles longer than this are cut: a hostile or broken feed can send megabytes of "title". */
const MAX_TITLE_LENGTH = 1000;

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
  private readonly images: FeedImageKeeper | undefined;
  private readonly expiredItems: ExpiredItemsGate | null;
  private readonly refreshed = new Emitter<RefreshEvent>();
  /** Aborted by {@link dispose}: requests stop and nothing more is written. */
  private readonly lifetime = new AbortController();
  /** A second refresh of a feed already being refreshed joins the first. */
  private readonly refreshing = new Map<string, Promise<FeedRefreshOutcome>>();
  /** Refresh runs in progress, manual or scheduled; {@link cancelRefresh} stops them all. */
  private readonly runs = new Set<AbortController>();
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
    this.images = dependencies.images;
    this.expiredItems = dependencies.expiredItems ?? null;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly add: FeedsService['add'] = async ({ url }) => {
    const normalized = normalizeFeedUrl(url);
    if (!normalized.ok) return normalized;
    const address = normalized.value;
    const duplicate = this.duplicateOf(address);
    if (duplicate) return duplicate;

    this.adding.add(address);
    let followed: string | null = null;
    try {
      let found = await this.fetchToSubscribe(address);
      // A web page names its feed in <link rel="alternate">: follow the first one, and only once,
      // so pages pointing at pages can never lead Rounds round in circles.
      if (!found.ok && found.discoveredFeed !== null) {
        const discovered = found.discoveredFeed;
        followed = discovered.url;
        const duplicateFeed = this.duplicateOf(followed);
        if (duplicateFeed) return duplicateFeed;
        this.adding.add(followed);
        // The page named this address, not the user: the fetcher judges where it may lead.
        found = await this.fetchToSubscribe(followed, discovered.foundOn);
      }
      if (!found.ok) return found.failure;
      const { fetched, parsed } = found;

      this.lifetime.signal.throwIfAborted();
      const now = this.now();
      const feed: StoredFeed = newFeedRecord({
        id: randomUUID(),
        url: fetched.finalUrl,
        title: parsed.feed.title,
        siteUrl: parsed.feed.siteUrl,
        addedAt: now,
        lastFetchedAt: now,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        bodyHash: sha256(fetched.body),
      });
      await this.store.saveFeed(feed);
      try {
        await this.store.putItems(await this.toStoredItems(feed.id, parsed.feed.items, now));
      } catch (error) {
        // Subscribing is all or nothing: a feed without its items would look empty for good.
        await this.store.removeFeed(feed.id).catch(() => undefined);
        throw error;
      }
      return ok(this.summarise(feed));
    } finally {
      this.adding.delete(address);
      if (followed !== null) this.adding.delete(followed);
    }
  };

  /** Fetches and parses an address for `add`; a web page answers with the first feed it names. */
  private async fetchToSubscribe(
    address: string,
    linkedFrom?: FeedLinkSource,
  ): Promise<
    | { ok: true; fetched: FetchedFeed; parsed: { feed: ParsedFeed } }
    | {
        ok: false;
        failure: Failure<AddFailureCode | 'internal'>;
        discoveredFeed: { url: string; foundOn: FeedLinkSource } | null;
      }
  > {
    const refuse = (failure: Failure<AddFailureCode | 'internal'>) => ({
      ok: false as const,
      failure,
      discoveredFeed: null,
    });
    const fetched = await this.fetcher.fetch(
      address,
      NO_VALIDATORS,
      this.lifetime.signal,
      linkedFrom,
    );
    if (fetched.kind === 'failed') {
      return refuse(fail(asAddFailureCode(fetched.code), fetched.message));
    }
    if (fetched.kind === 'not-modified') {
      return refuse(fail('http-error', 'The server answered “not modified” to a first request.'));
    }
    const redirectedDuplicate =
      fetched.finalUrl !== address ? this.duplicateOf(fetched.finalUrl) : undefined;
    if (redirectedDuplicate) return refuse(redirectedDuplicate);

    const parsed = await this.parser.parse(fetched.body, fetched.contentType, fetched.finalUrl);
    if (parsed.ok) return { ok: true, fetched, parsed };
    const discovered = normalizeFeedUrl(parsed.discoveredFeeds?.[0] ?? '');
    return {
      ok: false,
      failure: fail(asAddFailureCode(parsed.code), parsed.message),
      discoveredFeed: discovered.ok
        ? {
            url: discovered.value,
            foundOn: { url: fetched.finalUrl, network: fetched.network },
          }
        : null,
    };
  }

  readonly list: FeedsService['list'] = async () => {
    const summaries = this.store.listFeeds().map((feed) => this.summarise(feed));
    summaries.sort(
      (a, b) => this.titleOrder.compare(a.title, b.title) || a.addedAt.localeCompare(b.addedAt),
    );
    return ok(summaries);
  };

  readonly remove: FeedsService['remove'] = async ({ id }) => {
    const feed = this.store.getFeed(id);
    // "My papers" holds what the user brought in by hand: no click on "unsubscribe" may lose it.
    const held = feed && isLocalSource(feed) ? this.store.countItems(id).total : 0;
    if (feed && held > 0) {
      return fail(
        'invalid-argument',
        `“${feedDisplayTitle(feed)}” holds ${held === 1 ? '1 paper' : `${held} papers`} you added yourself; unsubscribing would delete them, so Rounds keeps it.`,
      );
    }
    const removed = await this.store.removeFeed(id);
    return removed ? ok({ id }) : fail('not-found', 'That feed is no longer in your library.');
  };

  readonly update: FeedsService['update'] = async (changes) => {
    const current = this.store.getFeed(changes.id);
    if (!current) return fail('not-found', 'That feed is no longer in your library.');
    // Fields left out of the request keep their value; the schema already trimmed the strings.
    const updated: StoredFeed = {
      ...current,
      // A rename back to the feed's own title clears the override, so refreshes track it again.
      customTitle:
        changes.title === undefined
          ? current.customTitle
          : changes.title === current.title
            ? null
            : changes.title,
      folder: changes.folder ?? current.folder,
      tags: changes.tags === undefined ? current.tags : normalizeFeedTags(changes.tags),
      refreshIntervalMinutes: changes.refreshIntervalMinutes ?? current.refreshIntervalMinutes,
    };
    // Written only while on, like the other optional fields of a feed's record.
    const keepImages = changes.keepImages ?? current.keepImages === true;
    if (keepImages) updated.keepImages = true;
    else delete updated.keepImages;
    await this.store.saveFeed(updated);
    this.tellImageKeeper(() => this.images?.afterSettingsChanged(current, updated));
    return ok(this.summarise(updated));
  };

  /**
   * The user asked, so back-off after failures is ignored; a server's Retry-After is not (such a
   * feed is reported with a `rate-limited` error naming the time, and not fetched).
   */
  readonly refresh: FeedsService['refresh'] = async ({ id }) => {
    let feedIds: string[];
    if (id !== undefined) {
      const feed = this.store.getFeed(id);
      if (!feed) return fail('not-found', 'That feed is no longer in your library.');
      // A local source has nothing to fetch: it is as up to date as it can be.
      if (isLocalSource(feed)) return ok([untouched(id)]);
      feedIds = [id];
    } else {
      feedIds = this.fetchableFeeds().map((feed) => feed.id);
    }
    return ok(await this.runRefresh(feedIds));
  };

  /**
   * Aborts the requests in flight of every refresh in progress; feeds not started yet are not
   * fetched. Those feeds are reported as unchanged in the refresh's result, and no progress
   * event fires after the cancellation. Feeds already downloaded are still saved.
   */
  readonly cancelRefresh: FeedsService['cancelRefresh'] = async () => {
    const cancelled = this.runs.size > 0;
    for (const run of this.runs) run.abort(new Error('The refresh was cancelled.'));
    return ok({ cancelled });
  };

  readonly renameFolder: FeedsService['renameFolder'] = async ({ folder, name, merge }) => {
    const plan = planFolderRename(this.store.listFeeds(), { folder, name, merge });
    if (!plan.ok) {
      return plan.reason === 'clash'
        ? fail(
            'duplicate',
            `There is already a folder called “${plan.existing}” here. Choose another name, or merge the two folders.`,
          )
        : fail('not-found', noSuchFolder(folder));
    }
    await this.moveFeeds(plan.moves);
    return ok({ folder: plan.folder, moved: plan.moves.length });
  };

  readonly deleteFolder: FeedsService['deleteFolder'] = async ({ folder }) => {
    const plan = planFolderDeletion(this.store.listFeeds(), folder);
    if (!plan.ok) return fail('not-found', noSuchFolder(folder));
    await this.moveFeeds(plan.moves);
    return ok({ folder: plan.folder, moved: plan.moves.length });
  };

  /**
   * The background refresh: fetches the feeds whose interval has passed and whose back-off or
   * Retry-After has expired, with the same progress events as a manual refresh.
   */
  async refreshDue(): Promise<FeedRefreshOutcome[]> {
    const now = this.now();
    const due = this.fetchableFeeds()
      .filter((feed) => (nextRefreshAt(feed) ?? now) <= now)
      .map((feed) => feed.id);
    return due.length === 0 ? [] : this.runRefresh(due);
  }

  /**
   * Refreshes the given feeds as one run (one progress sequence), e.g. the feeds an OPML import
   * just created. Unknown ids are skipped.
   */
  async refreshFeeds(feedIds: readonly string[]): Promise<FeedRefreshOutcome[]> {
    const known = feedIds.filter((id) => {
      const feed = this.store.getFeed(id);
      return feed !== undefined && !isLocalSource(feed);
    });
    return known.length === 0 ? [] : this.runRefresh(known);
  }

  /**
   * Stops requests in flight; from then on nothing is written and no event fires. The store is
   * closed by its owner afterwards.
   */
  dispose(): void {
    this.lifetime.abort(new Error('The feeds service was closed.'));
  }

  /** Every feed a refresh may fetch: all but the sources Rounds keeps itself ("My papers"). */
  private fetchableFeeds(): StoredFeed[] {
    return this.store.listFeeds().filter((feed) => !isLocalSource(feed));
  }

  private duplicateOf(url: string) {
    const existing = this.store.findFeedByUrl(url);
    if (existing) return fail('duplicate', `You already follow “${feedDisplayTitle(existing)}”.`);
    if (this.adding.has(url)) return fail('duplicate', 'This feed is already being added.');
    return undefined;
  }

  private async runRefresh(feedIds: string[]): Promise<FeedRefreshOutcome[]> {
    const run = new AbortController();
    this.runs.add(run);
    const signal = AbortSignal.any([this.lifetime.signal, run.signal]);
    const total = feedIds.length;
    let done = 0;
    try {
      return await Promise.all(
        feedIds.map(async (feedId) => {
          const outcome = await this.refreshOnce(feedId, signal);
          done++;
          if (!signal.aborted) this.refreshed.fire({ done, total, outcome });
          return outcome;
        }),
      );
    } finally {
      this.runs.delete(run);
    }
  }

  private refreshOnce(feedId: string, signal: AbortSignal): Promise<FeedRefreshOutcome> {
    const running = this.refreshing.get(feedId);
    if (running) return running;
    const refresh = this.refreshFeed(feedId, signal).finally(() => this.refreshing.delete(feedId));
    this.refreshing.set(feedId, refresh);
    return refresh;
  }

  /** Never rejects: whatever goes wrong becomes this feed's error, and the other feeds go on. */
  private async refreshFeed(feedId: string, signal: AbortSignal): Promise<FeedRefreshOutcome> {
    const progress: { stage: RefreshStage } = { stage: 'fetching' };
    try {
      return await this.fetchAndStore(feedId, progress, signal);
    } catch (error) {
      if (signal.aborted) return untouched(feedId);
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
    signal: AbortSignal,
  ): Promise<FeedRefreshOutcome> {
    // The network and the parser hold one of the host's slots; saving does not, so the saves
    // of feeds that finish together are written to disk together instead of one by one.
    const host = hostOf(this.store.getFeed(feedId)?.url ?? '');
    const read = await this.limiter.run(host, () => this.download(feedId, progress, signal));
    switch (read.kind) {
      case 'settled':
        return read.outcome;
      case 'failed':
        return this.recordFailure(feedId, read.code, read.message, read.retryAfterSeconds);
      case 'unchanged': {
        const outcome = await this.recordSuccess(feedId, read.validators, {
          newItems: 0,
          unchanged: true,
        });
        this.imagesAfterRefresh(feedId, []);
        return outcome;
      }
    }
    progress.stage = 'saving';
    if (!this.store.getFeed(feedId) || this.lifetime.signal.aborted) return untouched(feedId);
    // Items the retention policy removed are left out, here and for the image keeper.
    const { stored: items, newItems } = await this.storeUnexpired(
      feedId,
      await this.toStoredItems(feedId, read.feed.items, this.now()),
    );
    const described = { title: capTitle(read.feed.title), siteUrl: read.feed.siteUrl };
    const outcome = await this.recordSuccess(
      feedId,
      { ...read.validators, ...described },
      { newItems, unchanged: false },
    );
    this.imagesAfterRefresh(feedId, items);
    return outcome;
  }

  /**
   * Stores a refreshed feed's items, less those the retention policy removed; resolves with the
   * items stored and how many were new.
   */
  private async storeUnexpired(
    feedId: string,
    items: StoredItem[],
  ): Promise<{ stored: StoredItem[]; newItems: number }> {
    if (this.expiredItems === null) {
      return { stored: items, newItems: await this.store.putItems(items) };
    }
    return this.expiredItems.admit(
      feedId,
      items.map((item) => item.id),
      async (expired) => {
        const stored = expired.size === 0 ? items : items.filter((item) => !expired.has(item.id));
        return { stored, newItems: await this.store.putItems(stored) };
      },
    );
  }

  /** Hands a good refresh's items to the image keeper, which fetches in the background. */
  private imagesAfterRefresh(feedId: string, items: readonly StoredItem[]): void {
    const feed = this.store.getFeed(feedId);
    if (feed === undefined || this.lifetime.signal.aborted) return;
    this.tellImageKeeper(() => this.images?.afterRefresh(feed, items));
  }

  /** Images are extra: whatever goes wrong with them is logged and never fails a feed. */
  private tellImageKeeper(tell: () => void): void {
    try {
      tell();
    } catch (error) {
      console.error('[rounds] the images of a feed could not be scheduled', error);
    }
  }

  /** Fetches a feed and parses it when it changed; writes nothing. */
  private async download(
    feedId: string,
    progress: { stage: RefreshStage },
    signal: AbortSignal,
  ): Promise<Download> {
    // Read when its turn comes, not when queued, so the validators are the latest ones.
    const feed = this.store.getFeed(feedId);
    if (!feed || signal.aborted) return { kind: 'settled', outcome: untouched(feedId) };
    const waitingForServer = this.serverAskedToWait(feed);
    if (waitingForServer) return { kind: 'settled', outcome: waitingForServer };

    const validators = { etag: feed.etag, lastModified: feed.lastModified };
    const fetched = await this.fetcher.fetch(feed.url, validators, signal);
    if (fetched.kind === 'failed') return fetched;
    if (fetched.kind === 'not-modified') return { kind: 'unchanged', validators: {} };

    // Validators and body hash are kept only once the body has been read successfully: kept
    // after a failure, they would make the next refresh report a broken feed as unchanged.
    const bodyHash = sha256(fetched.body);
    const fetchedValidators = { etag: fetched.etag, lastModified: fetched.lastModified, bodyHash };
    if (bodyHash === feed.bodyHash) return { kind: 'unchanged', validators: fetchedValidators };

    progress.stage = 'parsing';
    const parsed = await this.parser.parse(fetched.body, fetched.contentType, fetched.finalUrl);
    if (!parsed.ok) return { kind: 'failed', code: parsed.code, message: parsed.message };
    return { kind: 'parsed', validators: fetchedValidators, feed: parsed.feed };
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
      consecutiveFailures: 0,
      retryNotBefore: null,
    });
    return outcome;
  }

  /**
   * Keeps the error and backs off: the background refresh waits the feed's interval after the
   * first failure, twice that after the second, and so on up to a day. A server's Retry-After
   * replaces the back-off: the server said when. A refused address waits the whole day at once:
   * only a change of settings or of the feed's address can lift the refusal.
   */
  private async recordFailure(
    feedId: string,
    code: FeedFailureCode,
    message: string,
    retryAfterSeconds?: number,
  ): Promise<FeedRefreshOutcome> {
    const now = this.clock.now();
    const error: FeedError = { code, message, at: now.toISOString() };
    const current = this.store.getFeed(feedId);
    if (current && !this.lifetime.signal.aborted) {
      const consecutiveFailures = current.consecutiveFailures + 1;
      const waitMs =
        retryAfterSeconds !== undefined
          ? retryAfterSeconds * 1000
          : code === 'blocked-address'
            ? MAX_BACK_OFF_MS
            : Math.min(
                current.refreshIntervalMinutes * 60_000 * 2 ** (consecutiveFailures - 1),
                MAX_BACK_OFF_MS,
              );
      await this.store.saveFeed({
        ...current,
        lastError: error,
        consecutiveFailures,
        retryNotBefore: new Date(now.getTime() + waitMs).toISOString(),
      });
    }
    return { feedId, newItems: 0, unchanged: false, error };
  }

  /** A feed whose server answered "too many requests" is left alone until the time it gave. */
  private serverAskedToWait(feed: StoredFeed): FeedRefreshOutcome | null {
    const now = this.now();
    if (feed.lastError?.code !== 'rate-limited' || feed.retryNotBefore === null) return null;
    if (feed.retryNotBefore <= now) return null;
    const until = feed.retryNotBefore.replace('T', ' ').slice(0, 16);
    return {
      feedId: feed.id,
      newItems: 0,
      unchanged: true,
      error: {
        code: 'rate-limited',
        message: `Not refreshed: the server asked Rounds to wait, so this feed will be fetched again after ${until} UTC.`,
        at: now,
      },
    };
  }

  private async toStoredItems(
    feedId: string,
    items: ParsedItem[],
    now: string,
  ): Promise<StoredItem[]> {
    // An item keeps the time Rounds first stored it; a refresh only replaces its content.
    const firstFetched = new Map(
      (
        await this.store.queryItems({
          feedId,
          filter: 'all',
          offset: 0,
          limit: Number.MAX_SAFE_INTEGER,
        })
      ).rows.map((row) => [row.id, row.fetchedAt]),
    );
    const stored = new Map<string, StoredItem>();
    for (const item of items) {
      const id = itemIdOf(feedId, item.guid);
      // Feeds sometimes repeat an entry; the first occurrence is the one readers see on top.
      if (stored.has(id)) continue;
      const fetchedAt = firstFetched.get(id) ?? now;
      stored.set(id, {
        id,
        feedId,
        ...item,
        title: capTitle(item.title),
        // Clamped to the first fetch, not to this one, so a refresh never lifts it again.
        publishedAt: notLaterThan(item.publishedAt, fetchedAt),
        fetchedAt,
      });
    }
    return [...stored.values()];
  }

  /**
   * Files feeds in new folders. The saves start together, so the store writes the feeds' file
   * once with all of them: a crash leaves the folder as it was or as it became, never half moved.
   */
  private async moveFeeds(moves: readonly FolderMove[]): Promise<void> {
    const saves: Promise<void>[] = [];
    for (const move of moves) {
      const feed = this.store.getFeed(move.feedId);
      if (feed) saves.push(this.store.saveFeed({ ...feed, folder: move.folder }));
    }
    await Promise.all(saves);
  }

  private summarise(feed: StoredFeed): FeedSummary {
    const counts = this.store.countItems(feed.id);
    return {
      id: feed.id,
      kind: feed.kind === 'local' ? 'local' : 'feed',
      url: feed.url,
      title: feedDisplayTitle(feed),
      siteUrl: feed.siteUrl,
      addedAt: feed.addedAt,
      lastFetchedAt: feed.lastFetchedAt,
      lastError: feed.lastError,
      itemCount: counts.total,
      unreadCount: counts.unread,
      folder: feed.folder,
      tags: feed.tags,
      refreshIntervalMinutes: feed.refreshIntervalMinutes,
      nextRefreshAt: nextRefreshAt(feed),
      consecutiveFailures: feed.consecutiveFailures,
      keepImages: feed.keepImages === true,
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

/** When the background refresh will next fetch a feed: its interval, or later after back-off. */
function nextRefreshAt(feed: StoredFeed): string | null {
  if (feed.lastFetchedAt === null) return feed.retryNotBefore;
  const byInterval = new Date(
    Date.parse(feed.lastFetchedAt) + feed.refreshIntervalMinutes * 60_000,
  ).toISOString();
  return feed.retryNotBefore !== null && feed.retryNotBefore > byInterval
    ? feed.retryNotBefore
    : byInterval;
}

/** What downloading a feed came to, before anything is written. */
type Download =
  | { kind: 'settled'; outcome: FeedRefreshOutcome }
  | {
      kind: 'failed';
      code: FeedFailureCode;
      message: string;
      retryAfterSeconds?: number | undefined;
    }
  | { kind: 'unchanged'; validators: Partial<StoredFeed> }
  | { kind: 'parsed'; validators: Partial<StoredFeed>; feed: ParsedFeed };

function capTitle(title: string): string {
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

function noSuchFolder(folder: readonly string[]): string {
  return `There is no folder “${folder.join(' / ')}” any more: its feeds may have moved.`;
}

function untouched(feedId: string): FeedRefreshOutcome {
  return { feedId, newItems: 0, unchanged: true, error: null };
}

function asAddFailureCode(code: FeedFailureCode): AddFailureCode | 'internal' {
  const codes: readonly string[] = feedsContract.members.add.errors;
  return codes.includes(code) ? (code as AddFailureCode) : 'internal';
}

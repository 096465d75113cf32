import {
  fail,
  ok,
  type RetentionPolicy,
  type RetentionRun,
  type retentionContract,
  type ServiceImplementation,
} from '@shared/contract';
import { isLocalSource } from '@shared/domain/papers/myPapers';
import { describeRetentionRun } from '@shared/domain/retention/describeRetentionRun';
import type {
  RetentionRunRecord,
  RetentionSettingsDocument,
} from '@shared/domain/retention/retentionDocuments';
import {
  countKept,
  cutoffOf,
  noneKept,
  planRetention,
  retentionVerdict,
  type RetentionCandidate,
  type RetentionContext,
  type RetentionFacts,
} from '@shared/domain/retention/retentionRules';
import type { AnnotationStore } from '../annotations/AnnotationStore';
import { Emitter } from '../Emitter';
import type { LibraryStore } from '../library/LibraryStore';
import type { ExpiredItemKeys } from './ExpiredItemKeys';
import type { Clock, RetentionFiles } from './ports';

type RetentionService = ServiceImplementation<typeof retentionContract>;

/** What {@link RetentionMainService} works with. */
export interface RetentionMainServiceDependencies {
  library: Pick<LibraryStore, 'listFeeds' | 'itemIds' | 'retentionCandidates' | 'removeItems'>;
  annotations: Pick<AnnotationStore, 'annotatedItemIds'>;
  files: RetentionFiles;
  expiredItems: ExpiredItemKeys;
  clock: Clock;
  /** Items removed per write. Default 200: a few pieces and mark shards, some milliseconds. */
  batchSize?: number;
  /** Awaited between two batches so that reads, clicks and refreshes go first. */
  pause?: () => Promise<void>;
}

const DEFAULT_BATCH_SIZE = 200;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The retention policy: old read items expire by a rule the user sets (off by default), and
 * starred, unread, annotated, imported and discussed papers never do (see retentionRules). A run
 * walks the library feed by feed and removes in small batches, yielding in between, so lists,
 * clicks and refreshes are answered meanwhile; each item is checked again just before it goes.
 * Removed items are recorded per feed (ExpiredItemKeys) so a refresh does not bring them back.
 * Runs never overlap: "Apply now" during the daily run waits for it.
 */
export class RetentionMainService implements RetentionService {
  private readonly library: RetentionMainServiceDependencies['library'];
  private readonly annotations: RetentionMainServiceDependencies['annotations'];
  private readonly files: RetentionFiles;
  private readonly expiredItems: ExpiredItemKeys;
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly pause: () => Promise<void>;
  private readonly expired = new Emitter<RetentionRun>();
  /** The run in progress or last finished; the next one starts after it. */
  private runs: Promise<unknown> = Promise.resolve();
  private disposed = false;

  readonly onDidExpire = this.expired.subscribe;

  constructor(dependencies: RetentionMainServiceDependencies) {
    this.library = dependencies.library;
    this.annotations = dependencies.annotations;
    this.files = dependencies.files;
    this.expiredItems = dependencies.expiredItems;
    this.clock = dependencies.clock;
    this.batchSize = Math.max(1, dependencies.batchSize ?? DEFAULT_BATCH_SIZE);
    this.pause = dependencies.pause ?? nextTurn;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly policy: RetentionService['policy'] = async () => ok(this.state());

  readonly setPolicy: RetentionService['setPolicy'] = async ({ olderThanDays, feeds }) => {
    const subscribed = new Map(this.library.listFeeds().map((feed) => [feed.id, feed]));
    // The last rule given for a feed wins, as if the user had changed it twice.
    const rules = new Map(feeds.map((rule) => [rule.feedId, rule.olderThanDays]));
    for (const feedId of rules.keys()) {
      const feed = subscribed.get(feedId);
      if (!feed) return fail('not-found', 'That feed is no longer in your library.');
      if (isLocalSource(feed)) {
        return fail(
          'invalid-argument',
          '“My papers” holds papers you added yourself: they are never removed.',
        );
      }
    }
    await this.files.saveSettings({
      ...this.files.settings(),
      olderThanDays,
      feeds: [...rules].map(([feedId, days]) => ({ feedId, olderThanDays: days })),
    });
    return ok(this.state());
  };

  readonly applyNow: RetentionService['applyNow'] = async () => ok(await this.run('manual'));

  readonly acknowledgeRun: RetentionService['acknowledgeRun'] = async ({ at }) => {
    const settings = this.files.settings();
    if (settings.lastRun?.at !== at) {
      return fail('not-found', 'A later run has replaced that one.');
    }
    if (!settings.lastRun.acknowledged) {
      await this.files.saveSettings({
        ...settings,
        lastRun: { ...settings.lastRun, acknowledged: true },
      });
    }
    return ok({ at });
  };

  /**
   * The daily run: does nothing while no rule applies. Resolves with what it did, or null when
   * it did not run.
   */
  async runInBackground(): Promise<RetentionRun | null> {
    if (!hasAnyRule(this.currentPolicy())) return null;
    return this.run('background');
  }

  /** No further batches start; a run in progress stops after the one being written. */
  dispose(): void {
    this.disposed = true;
  }

  /** Resolves once the run in progress, if any, has stopped. */
  async settled(): Promise<void> {
    await this.runs.catch(() => undefined);
  }

  private run(trigger: RetentionRun['trigger']): Promise<RetentionRun> {
    const run = this.runs.catch(() => undefined).then(() => this.runOnce(trigger));
    this.runs = run;
    return run;
  }

  private async runOnce(trigger: RetentionRun['trigger']): Promise<RetentionRun> {
    const policy = this.currentPolicy();
    const feeds = this.library.listFeeds();
    await this.expiredItems.forgetFeedsExcept(new Set(feeds.map((feed) => feed.id)));
    if (!hasAnyRule(policy)) {
      const nothing = { olderThanDays: null, removed: 0, feeds: 0, kept: noneKept() };
      return {
        ...nothing,
        at: this.clock.now().toISOString(),
        trigger,
        message: describeRetentionRun({ ...nothing, off: true }),
        acknowledged: true,
      };
    }
    await this.forgetItemsStillStored();

    const nowMs = this.clock.now().getTime();
    const localFeedIds = new Set(feeds.filter(isLocalSource).map((feed) => feed.id));
    const context: RetentionContext = {
      policy,
      nowMs,
      localFeedIds,
      annotatedItemIds: new Set(this.annotations.annotatedItemIds()),
    };
    const candidates = await this.library.retentionCandidates(
      (feedId) => (localFeedIds.has(feedId) ? null : cutoffOf(policy, feedId, nowMs)),
      this.pause,
    );
    const walked = new Map(candidates.map((candidate) => [candidate.id, candidate]));
    const plan = planRetention(candidates, context);
    const kept = plan.kept;
    let removed = 0;
    const feedsTouched = new Set<string>();
    for (const [feedId, ids] of plan.expire) {
      for (let start = 0; start < ids.length && !this.disposed; start += this.batchSize) {
        const batch = ids.slice(start, start + this.batchSize);
        const gone = await this.expiredItems.expire(feedId, batch, () =>
          this.library.removeItems(batch, this.stillExpires(context, walked, kept)),
        );
        removed += gone.length;
        if (gone.length > 0) feedsTouched.add(feedId);
        await this.pause();
      }
    }

    const record: RetentionRunRecord = {
      at: this.clock.now().toISOString(),
      trigger,
      olderThanDays: policy.olderThanDays,
      removed,
      feeds: feedsTouched.size,
      kept,
      acknowledged: trigger === 'manual' || removed === 0,
    };
    await this.recordRun(
      record,
      feeds.map((feed) => feed.id),
    );
    const run = runOf(record);
    if (removed > 0) this.expired.fire(run);
    return run;
  }

  /**
   * Asks again, just before an item goes, with the library and annotations as they are then:
   * the user may have starred, reopened or highlighted it since the run began.
   */
  private stillExpires(
    context: RetentionContext,
    walked: ReadonlyMap<string, RetentionCandidate>,
    kept: RetentionRun['kept'],
  ): (facts: RetentionFacts) => boolean {
    // Read once per batch, when the library asks about its first item: the library asks about
    // every item of a batch at once, so this is the state at that moment.
    let annotatedNow: ReadonlySet<string> | null = null;
    return (facts) => {
      annotatedNow ??= new Set(this.annotations.annotatedItemIds());
      const verdict = retentionVerdict(
        // Whether a post cites a paper the library holds is known from the walk; an item the
        // walk did not see is kept.
        { ...facts, citesStoredPaper: walked.get(facts.id)?.citesStoredPaper ?? true },
        { ...context, annotatedItemIds: annotatedNow },
      );
      if (verdict !== 'expire') countKept(kept, verdict);
      return verdict === 'expire';
    };
  }

  /**
   * Forgets recorded ids of items that are in the library after all: a crash between recording
   * and removing them. Recorded, they would never be refreshed.
   */
  private async forgetItemsStillStored(): Promise<void> {
    const feedIds = this.expiredItems.feedIds();
    if (feedIds.length === 0) return;
    const stored = new Set(await this.library.itemIds());
    for (const feedId of feedIds) {
      await this.expiredItems.forget(
        feedId,
        this.expiredItems.of(feedId).filter((id) => stored.has(id)),
      );
    }
  }

  /**
   * Keeps the run's result for the settings dialog, and drops rules of feeds no longer
   * subscribed. A background run that removed nothing does not hide an earlier one whose
   * message the window has not shown yet.
   */
  private async recordRun(
    record: RetentionRunRecord,
    subscribed: readonly string[],
  ): Promise<void> {
    const settings = this.files.settings();
    const still = new Set(subscribed);
    const unseen = settings.lastRun !== null && !settings.lastRun.acknowledged;
    const replace = !(record.trigger === 'background' && record.removed === 0 && unseen);
    await this.files.saveSettings({
      ...settings,
      feeds: settings.feeds.filter((rule) => still.has(rule.feedId)),
      lastRun: replace ? record : settings.lastRun,
    });
  }

  private currentPolicy(): RetentionPolicy {
    return policyOf(this.files.settings());
  }

  private state() {
    const settings = this.files.settings();
    return {
      policy: policyOf(settings),
      lastRun: settings.lastRun === null ? null : runOf(settings.lastRun),
    };
  }
}

function policyOf(settings: RetentionSettingsDocument): RetentionPolicy {
  return {
    olderThanDays: settings.olderThanDays,
    feeds: settings.feeds.map((rule) => ({ ...rule })),
  };
}

function runOf(record: RetentionRunRecord): RetentionRun {
  return { ...record, kept: { ...record.kept }, message: describeRetentionRun(record) };
}

function hasAnyRule(policy: RetentionPolicy): boolean {
  return policy.olderThanDays !== null || policy.feeds.some((rule) => rule.olderThanDays !== null);
}

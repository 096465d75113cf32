import type { RetentionKept, RetentionPolicy } from '@shared/contract';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the policy needs to know of one stored item, as the library has it right now. */
export interface RetentionFacts {
  id: string;
  feedId: string;
  read: boolean;
  starred: boolean;
  /** ISO 8601: when it was published, or when Rounds first stored it if the feed gave no date. */
  datedAt: string;
  /** Every copy of the item's paper, this one included (just this item when it is no paper). */
  copies: readonly { itemId: string; feedId: string }[];
  /** Some copy of the paper has a PDF the user attached. */
  hasPdf: boolean;
  /** Colleagues whose posts cite this paper. */
  discussedBy: number;
}

/** An item the policy may remove, with what only a walk over the whole library can tell. */
export interface RetentionCandidate extends RetentionFacts {
  /**
   * The item is a colleague's post citing a paper the library holds: it counts in that paper's
   * "discussed by", and the paper never expires, so neither does the post.
   */
  citesStoredPaper: boolean;
}

/** What the rules are applied with. */
export interface RetentionContext {
  policy: RetentionPolicy;
  /** Now, in ms since the epoch. */
  nowMs: number;
  /** Sources Rounds keeps itself ("My papers"): their papers were imported by the user. */
  localFeedIds: ReadonlySet<string>;
  /** Items with at least one highlight or note. */
  annotatedItemIds: ReadonlySet<string>;
}

/** Why an item stays, or `expire`. The kept reasons after `recent` are {@link RetentionKept}'s. */
export type RetentionVerdict =
  'expire' | 'unread' | 'off' | 'recent' | 'starred' | 'annotated' | 'imported' | 'discussed';

/**
 * The time (ms) before which a feed's read items may expire, or null when its items never do:
 * the feed's own rule when it has one, else the overall policy.
 */
export function cutoffOf(policy: RetentionPolicy, feedId: string, nowMs: number): number | null {
  const own = policy.feeds.find((feed) => feed.feedId === feedId);
  const days = own ? own.olderThanDays : policy.olderThanDays;
  return days === null ? null : nowMs - days * DAY_MS;
}

/**
 * Whether an item expires, or the first reason it is kept. Only a read item older than its
 * feed's age may expire, and never one that is starred, annotated (on any copy of its paper),
 * imported ("My papers", a copy there, an attached PDF) or discussed (cited by colleagues'
 * posts, or itself such a post about a paper the library holds).
 */
export function retentionVerdict(
  item: RetentionCandidate,
  context: RetentionContext,
): RetentionVerdict {
  if (!item.read) return 'unread';
  const imported =
    item.hasPdf ||
    context.localFeedIds.has(item.feedId) ||
    item.copies.some((copy) => context.localFeedIds.has(copy.feedId));
  // "My papers" is never subject to a policy, so its papers are kept as imported, not as "off".
  const cutoff = context.localFeedIds.has(item.feedId)
    ? Number.POSITIVE_INFINITY
    : cutoffOf(context.policy, item.feedId, context.nowMs);
  if (cutoff === null) return 'off';
  const dated = Date.parse(item.datedAt);
  // An unreadable date is no proof of age: such an item is kept.
  if (!Number.isFinite(dated) || dated >= cutoff) return 'recent';
  if (item.starred) return 'starred';
  const annotated =
    context.annotatedItemIds.has(item.id) ||
    item.copies.some((copy) => context.annotatedItemIds.has(copy.itemId));
  if (annotated) return 'annotated';
  if (imported) return 'imported';
  if (item.discussedBy > 0 || item.citesStoredPaper) return 'discussed';
  return 'expire';
}

/** What one run removes, by feed, and what it kept that would otherwise have gone. */
export interface RetentionPlan {
  /** Ids to remove, by feed id, in the order given. */
  expire: Map<string, string[]>;
  kept: RetentionKept;
}

/** An empty tally of kept items. */
export function noneKept(): RetentionKept {
  return { starred: 0, annotated: 0, imported: 0, discussed: 0 };
}

/** Counts a kept item under its reason, when the reason is one the user is told about. */
export function countKept(kept: RetentionKept, verdict: RetentionVerdict): void {
  if (
    verdict === 'starred' ||
    verdict === 'annotated' ||
    verdict === 'imported' ||
    verdict === 'discussed'
  ) {
    kept[verdict] += 1;
  }
}

/** Applies {@link retentionVerdict} to every candidate. */
export function planRetention(
  candidates: Iterable<RetentionCandidate>,
  context: RetentionContext,
): RetentionPlan {
  const expire = new Map<string, string[]>();
  const kept = noneKept();
  for (const item of candidates) {
    const verdict = retentionVerdict(item, context);
    if (verdict !== 'expire') {
      countKept(kept, verdict);
      continue;
    }
    const ids = expire.get(item.feedId);
    if (ids) ids.push(item.id);
    else expire.set(item.feedId, [item.id]);
  }
  return { expire, kept };
}

import { z } from 'zod';
import { event, method, service } from './define';

/** The ages the window offers, in days; any whole number of days up to ten years is accepted. */
export const RETENTION_DAY_CHOICES = [30, 90, 180, 365] as const;

/** The longest age a policy may name: ten years. */
export const MAX_RETENTION_DAYS = 3650;

/** One feed that follows its own rule instead of the overall one. */
export interface FeedRetention {
  feedId: string;
  /** Read items older than this many days are removed; null keeps this feed's items for ever. */
  olderThanDays: number | null;
}

/**
 * How long read items are kept. Unread, starred, annotated, imported and discussed papers are
 * never removed, whatever the policy says.
 */
export interface RetentionPolicy {
  /**
   * Read items older than this many days (by publication, or by when Rounds stored an undated
   * item) are removed. Null, the default, removes nothing.
   */
  olderThanDays: number | null;
  /** Feeds with a rule of their own, which applies even when the overall policy is off. */
  feeds: FeedRetention[];
}

/** Items a run would have removed but kept, each counted once under its first reason. */
export interface RetentionKept {
  starred: number;
  annotated: number;
  /** Papers in "My papers", with a copy there, or with an attached PDF. */
  imported: number;
  /** Papers colleagues' posts cite, and those posts. */
  discussed: number;
}

/** What one run of the policy did. */
export interface RetentionRun {
  /** ISO 8601 UTC, when the run finished. */
  at: string;
  /** `background`: the daily run; `manual`: "Apply now". */
  trigger: 'background' | 'manual';
  /** The overall age the run applied; null when only feeds' own rules applied, or none. */
  olderThanDays: number | null;
  /** Items removed. */
  removed: number;
  /** Feeds that lost items. */
  feeds: number;
  kept: RetentionKept;
  /** The run told as a sentence ("Removed 1,240 read items older than 90 days from 12 feeds; …"). */
  message: string;
  /** False for a background run that removed items until the window has shown its message. */
  acknowledged: boolean;
}

/** The policy and the last run's result, as the settings dialog shows them. */
export interface RetentionState {
  policy: RetentionPolicy;
  /** Null until the policy has run once. */
  lastRun: RetentionRun | null;
}

const days = z
  .number()
  .int('Choose a whole number of days')
  .min(1, 'Keep read items at least one day')
  .max(MAX_RETENTION_DAYS, `Rounds keeps read items at most ${MAX_RETENTION_DAYS} days`)
  .nullable();

/** The most feeds that may have a rule of their own (far more than anyone follows). */
export const MAX_FEED_RETENTIONS = 5_000;

/**
 * The `retention` service: old read items expire by a policy the user sets (off by default).
 * The policy runs in the background once the library has loaded and then daily, or when asked.
 */
export const retentionContract = service('retention', {
  /** The policy and the last run's result. */
  policy: method<RetentionState>()({ args: z.tuple([]) }),
  /**
   * Replaces the policy; resolves once it is on disk. Nothing is removed until the policy next
   * runs (daily, or `applyNow`). Fails with `not-found` for a feed that is not subscribed, and
   * with `invalid-argument` for "My papers", whose papers never expire.
   */
  setPolicy: method<RetentionState>()({
    args: z.tuple([
      z.object({
        olderThanDays: days,
        feeds: z
          .array(z.object({ feedId: z.string().min(1).max(128), olderThanDays: days }))
          .max(MAX_FEED_RETENTIONS)
          .default([]),
      }),
    ]),
    errors: ['not-found'],
  }),
  /** Runs the policy now; resolves once the items are removed, with what was removed and kept. */
  applyNow: method<RetentionRun>()({ args: z.tuple([]) }),
  /** Says the window has shown the message of the run that finished at `at`. */
  acknowledgeRun: method<{ at: string }>()({
    args: z.tuple([z.object({ at: z.string().min(1).max(64) })]),
    errors: ['not-found'],
  }),
  /** Fires after a run removed items (a background run, or "Apply now" from any window). */
  onDidExpire: event<RetentionRun>(
    z.object({
      at: z.string(),
      trigger: z.enum(['background', 'manual']),
      olderThanDays: z.number().nullable(),
      removed: z.number(),
      feeds: z.number(),
      kept: z.object({
        starred: z.number(),
        annotated: z.number(),
        imported: z.number(),
        discussed: z.number(),
      }),
      message: z.string(),
      acknowledged: z.boolean(),
    }),
  ),
});

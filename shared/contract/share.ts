import { z } from 'zod';
import {
  PHI_TYPES,
  type Dismissal,
  type DismissalReason,
  type Finding,
} from '@shared/domain/guard/findings';
import {
  RETRACTION_KINDS,
  type EditorialNotice,
} from '@shared/domain/share/evidence/retractionStatus';
import type { PostedPost } from '@shared/domain/share/posting/threadPosting';
import { SHARE_PLATFORMS, type SharePlatform } from '@shared/domain/share/platformRules';
import type {
  ClubFeedEntry,
  HandoutField,
  HandoutHighlight,
  SummaryPaper,
  VisualAbstractCard,
} from '@shared/domain/share/summary';
import { event, method, service } from './define';

/** Where a draft was started: one paper of the library, or a club session (and one of its papers). */
export type DraftSource =
  | { kind: 'paper'; itemId: string }
  | { kind: 'session'; sessionId: string; clubId: string; paperId: string };

/** The platforms Rounds posts to directly (the others get a compose link). */
export const DIRECT_POSTING_PLATFORMS = ['bluesky', 'mastodon'] as const;
export type DirectPostingPlatform = (typeof DIRECT_POSTING_PLATFORMS)[number];

/** How far a thread got on one platform; kept so a failed thread can resume where it stopped. */
export interface PostedThread {
  /** Every post that is out, in order. */
  posts: PostedPost[];
  /** How many posts the thread has. */
  total: number;
  /** True once every post is out. */
  complete: boolean;
  /** The thread's text when it was posted; a changed text starts a new thread instead of resuming. */
  text: string;
  /** ISO 8601 UTC of the last attempt. */
  at: string;
}

/**
 * One summary being written: everything that leaves the machine when it is shared, each part
 * editable, and the decisions the guards asked for. Autosaved as the user types.
 */
export interface SummaryDraft {
  id: string;
  source: DraftSource;
  /** The session's title for a session's draft. */
  sessionTitle: string | null;
  club: { clubId: string; name: string; hashtag: string } | null;
  paper: SummaryPaper;
  /** The summary for colleagues: what the posts, the feed and the handout carry. */
  text: string;
  /** The level of evidence line the text must keep (the evidence guard checks it is there). */
  levelOfEvidence: string;
  /** The plain-language version for patients and the public. */
  laySummary: string;
  /** A Mastodon content warning, '' for none. */
  contentWarning: string;
  card: VisualAbstractCard;
  altText: string;
  /** What the handout adds to the summary, taken from the paper or session when the draft began. */
  handout: { highlights: HandoutHighlight[]; appraisal: HandoutField[]; notes: string };
  /** Guard findings the user kept, with the reason (matched by field, type and text). */
  dismissals: DraftDismissal[];
  /** True once the user confirmed removing the preprint label. */
  preprintLabelRemoved: boolean;
  /** Editorial notices known for the paper: retracted, withdrawn, corrected. */
  notices: EditorialNotice[];
  /** When the notices were last checked with Crossref (ISO 8601), or null. */
  noticesCheckedAt: string | null;
  /** True once the user acknowledged the notices (sharing is blocked until then). */
  noticesAcknowledged: boolean;
  posted: Record<DirectPostingPlatform, PostedThread | null>;
  /** When the summary was last published to the club feed (ISO 8601), or null. */
  publishedToFeedAt: string | null;
  /**
   * The entry as it was last published: the feed keeps carrying exactly that, whatever is edited
   * since, until this summary is published again.
   */
  feedEntry: ClubFeedEntry | null;
  createdAt: string;
  updatedAt: string;
}

/** A draft as the lists show it. */
export interface DraftListing {
  id: string;
  source: DraftSource;
  paperTitle: string;
  sessionTitle: string | null;
  clubName: string | null;
  /** The start of the summary's text. */
  excerpt: string;
  updatedAt: string;
  /** Platforms the whole thread went out to. */
  postedTo: DirectPostingPlatform[];
  publishedToFeed: boolean;
}

/** The parts of a draft a guard finding can be in. */
export const DRAFT_TEXT_FIELDS = [
  'text',
  'laySummary',
  'contentWarning',
  'altText',
  'card.question',
  'card.population',
  'card.intervention',
  'card.comparison',
  'card.mainResult',
  'card.bottomLine',
  'card.citation',
  'handout.notes',
] as const;
/** A fixed field, or one highlight's quote or comment (`handout.highlights.<i>.quote`). */
export type DraftTextField =
  (typeof DRAFT_TEXT_FIELDS)[number] | `handout.highlights.${number}.${'quote' | 'comment'}`;

/** A finding the user kept, in the part of the draft it was in. */
export interface DraftDismissal extends Dismissal {
  field: DraftTextField;
}

/** A finding that still blocks sharing, with the part of the draft it is in. */
export interface DraftFinding extends Finding {
  field: DraftTextField;
}

/** Something the evidence guard requires before the summary may leave. */
export interface EvidenceIssue {
  kind:
    | 'preprint-label'
    | 'source-link'
    | 'level-of-evidence'
    | 'disclosure-unanswered'
    | 'disclosure-missing'
    | 'editorial-notice';
  /** A sentence for the user saying what is missing and how to fix it. */
  message: string;
}

/** Whether the draft may leave, and what stops it. */
export interface ShareCheck {
  /** Findings neither redacted nor dismissed, in field order then position. */
  findings: DraftFinding[];
  evidence: EvidenceIssue[];
  /** True when nothing stops copying, posting and exporting. */
  ready: boolean;
}

/** A file for the window to save. */
export interface ShareFile {
  fileName: string;
  mediaType: 'image/png' | 'application/pdf' | 'text/markdown' | 'text/html';
  /** The bytes, base64. */
  base64: string;
  bytes: number;
}

/** The accounts Rounds can post with; secrets never come back to the window. */
export interface ShareAccounts {
  bluesky: { service: string; identifier: string } | null;
  mastodon: { instance: string } | null;
  /** How the secrets are kept: the OS keychain (Electron) or a file only the user can read (host). */
  protection: 'os-keychain' | 'owner-only-file';
}

/** Settings that apply to every summary of this profile. */
export interface ShareSettings {
  /** The conflict-of-interest disclosure added to every summary; null until the user answered. */
  disclosure: string | null;
  /** The user's Mastodon instance (`https://mastodon.social`), for compose links and posting. */
  mastodonInstance: string | null;
  /** The instance's post limit. */
  mastodonLimit: number;
  /** Where Crossref is asked about retractions (a loopback server in tests). */
  crossrefBaseUrl: string;
  /** The club feed's folder (absolute path), title and the address it will be served from. */
  feed: { folder: string | null; title: string; baseUrl: string | null };
}

/** What is known of a paper's fate after publication: the user's mark and Crossref's notices. */
export interface PaperNotices {
  itemId: string;
  doi: string | null;
  /** The user's own mark first (source `user`), then Crossref's, most severe first. */
  notices: EditorialNotice[];
  /** When Crossref was last asked about it (ISO 8601), or null. */
  checkedAt: string | null;
  /** Why Crossref's answer is old or missing ("offline…"), or null. */
  message: string | null;
}

/** The result of posting a thread. */
export interface ThreadPosted {
  platform: DirectPostingPlatform;
  thread: PostedThread;
  /** A sentence for the user; on failure it says which posts went out and that Resume continues. */
  message: string;
  /** Set when the thread stopped part-way. */
  failure: { reason: string; failedIndex: number } | null;
}

const id = z.string().min(1).max(128);
/** Every reason a guard finding may be kept for, as the dismissal form offers them. */
export const DISMISSAL_REASONS = [
  'not-identifying',
  'public-role',
  'published-author',
  'eponym',
  'consented',
  'other',
] as const satisfies readonly DismissalReason[];
const longText = (max: number) => z.string().max(max);
const draftFieldSchema = z.union([
  z.enum(DRAFT_TEXT_FIELDS),
  z.templateLiteral([
    'handout.highlights.',
    z.number().int().min(0),
    '.',
    z.enum(['quote', 'comment']),
  ]),
]);
const dismissalSchema = z.object({
  field: draftFieldSchema,
  finding: z.object({
    type: z.enum(PHI_TYPES),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: z.string().max(2_000),
  }),
  reason: z.enum(DISMISSAL_REASONS),
  note: z.string().max(500).optional(),
});
const cardSchema = z.object({
  question: longText(500),
  population: longText(500),
  intervention: longText(500),
  comparison: longText(500),
  mainResult: longText(500),
  bottomLine: longText(500),
  citation: longText(500),
  levelOfEvidence: longText(200),
  club: z.string().max(200).nullable(),
  preprintLabel: z.string().max(200).nullable(),
});
const highlightSchema = z.object({
  quote: longText(5_000),
  comment: z.string().max(5_000).nullable(),
  by: z.string().max(200).nullable(),
});

/** The longest summary text accepted: far more than any thread needs. */
export const MAX_SUMMARY_LENGTH = 20_000;

/** What `saveDraft` may change; every field is optional. */
const draftChangesSchema = z.object({
  text: longText(MAX_SUMMARY_LENGTH).optional(),
  levelOfEvidence: longText(300).optional(),
  laySummary: longText(MAX_SUMMARY_LENGTH).optional(),
  contentWarning: longText(500).optional(),
  card: cardSchema.optional(),
  altText: longText(2_000).optional(),
  handout: z
    .object({
      highlights: z.array(highlightSchema).max(500),
      appraisal: z.array(z.object({ label: longText(200), value: longText(2_000) })).max(100),
      notes: longText(100_000),
    })
    .optional(),
  dismissals: z.array(dismissalSchema).max(1_000).optional(),
  preprintLabelRemoved: z.boolean().optional(),
  noticesAcknowledged: z.boolean().optional(),
});
export type DraftChanges = z.input<typeof draftChangesSchema>;

const draftSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), itemId: id }),
  z.object({ kind: z.literal('session'), sessionId: id, clubId: id, paperId: id }),
]);

const credentialsSchema = z.discriminatedUnion('platform', [
  z.object({
    platform: z.literal('bluesky'),
    service: z.string().trim().min(1).max(300).default('https://bsky.social'),
    identifier: z.string().trim().min(1, 'Give your handle or e-mail').max(300),
    appPassword: z.string().trim().min(1, 'Give an app password').max(300),
  }),
  z.object({
    platform: z.literal('mastodon'),
    instance: z.string().trim().min(1, 'Give your instance’s address').max(300),
    accessToken: z.string().trim().min(1, 'Give an access token').max(500),
  }),
]);
export type AccountCredentials = z.input<typeof credentialsSchema>;

/**
 * The `share` service: summary drafts and everything that shares them — posts, the compose links,
 * direct posting to Bluesky and Mastodon, the visual abstract, the handout and the club feed. Every
 * way out runs the privacy guard and the evidence guard again and fails with `blocked`, the message
 * listing what to resolve, while anything stops it.
 */
export const shareContract = service('share', {
  /** Drafts, newest change first; narrowed to a paper or a session, or to those matching `query`. */
  drafts: method<DraftListing[]>()({
    args: z.tuple([
      z
        .object({
          itemId: id.optional(),
          sessionId: id.optional(),
          query: z.string().max(200).optional(),
        })
        .default({}),
    ]),
  }),
  /** Starts a draft from a paper or a session, composed from what the library and club hold. */
  createDraft: method<SummaryDraft>()({
    args: z.tuple([z.object({ source: draftSourceSchema })]),
    errors: ['not-found'],
  }),
  draft: method<SummaryDraft>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
  /** Saves edits (autosave); resolves once they are on disk. */
  saveDraft: method<SummaryDraft>()({
    args: z.tuple([z.object({ id, changes: draftChangesSchema })]),
    errors: ['not-found'],
    maxRequestBytes: 2 * 1024 * 1024,
  }),
  removeDraft: method<{ id: string }>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
  /** What the guards say about the draft as saved. */
  check: method<ShareCheck>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
  /** Asks Crossref (when online) whether the paper was retracted, withdrawn or corrected. */
  checkNotices: method<SummaryDraft>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
  /** The address of the platform's compose page with the post's text (`index` of the thread). */
  composeLink: method<{ url: string }>()({
    args: z.tuple([
      z.object({
        id,
        platform: z.enum(SHARE_PLATFORMS),
        index: z.number().int().min(0).default(0),
      }),
    ]),
    errors: ['not-found', 'blocked', 'needs-instance'],
  }),
  /** The thread's posts as the platform will show them, for copying; blocked like any export. */
  postsForCopy: method<{ posts: string[] }>()({
    args: z.tuple([z.object({ id, platform: z.enum(SHARE_PLATFORMS) })]),
    errors: ['not-found', 'blocked'],
  }),
  /**
   * Posts the thread (with the landscape card and its alt text on the first post when
   * `withImage`). A thread that stops part-way is an answer, not a failure: `failure` is set and
   * the message says which posts went out; calling again resumes after the last of them.
   */
  postThread: method<ThreadPosted>()({
    args: z.tuple([
      z.object({
        id,
        platform: z.enum(DIRECT_POSTING_PLATFORMS),
        withImage: z.boolean().default(true),
      }),
    ]),
    errors: ['not-found', 'blocked', 'needs-account'],
  }),
  /** The visual abstract as a PNG. */
  card: method<ShareFile>()({
    args: z.tuple([z.object({ id, size: z.enum(['landscape', 'square']) })]),
    errors: ['not-found', 'blocked'],
  }),
  /** The handout as Markdown, HTML or PDF. */
  handout: method<ShareFile>()({
    args: z.tuple([z.object({ id, format: z.enum(['markdown', 'html', 'pdf']) })]),
    errors: ['not-found', 'blocked'],
  }),
  /** Adds (or updates) the summary in the club feed and rewrites the feed's folder. */
  publishToFeed: method<{ feedPath: string; entries: number }>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found', 'blocked', 'no-feed-folder', 'write-failed'],
  }),
  /**
   * What is known of a paper's retraction, withdrawal or correction. With `check`, Crossref is
   * asked unless its answer is less than a week old; offline, the last answer is given with a
   * message. Summaries of a paper with a notice are held until the notice is acknowledged.
   */
  paperNotices: method<PaperNotices>()({
    args: z.tuple([z.object({ itemId: id, check: z.boolean().default(false) })]),
    errors: ['not-found'],
  }),
  /** The user marks a paper retracted, withdrawn or corrected (null clears the mark). */
  markPaper: method<PaperNotices>()({
    args: z.tuple([z.object({ itemId: id, kind: z.enum(RETRACTION_KINDS).nullable() })]),
    errors: ['not-found'],
  }),
  settings: method<ShareSettings>()({ args: z.tuple([]) }),
  setSettings: method<ShareSettings>()({
    args: z.tuple([
      z.object({
        disclosure: z.string().trim().min(1, 'Write a disclosure, even “None”').max(500).optional(),
        mastodonInstance: z.string().trim().max(300).nullable().optional(),
        mastodonLimit: z.number().int().min(100).max(100_000).optional(),
        crossrefBaseUrl: z.string().trim().min(1).max(300).optional(),
        feed: z
          .object({
            folder: z.string().trim().max(1_000).nullable(),
            title: z.string().trim().min(1).max(200),
            baseUrl: z.string().trim().max(500).nullable(),
          })
          .optional(),
      }),
    ]),
    errors: ['invalid-address', 'invalid-folder'],
  }),
  accounts: method<ShareAccounts>()({ args: z.tuple([]) }),
  /** Keeps the account's secret (app password or token) as `accounts().protection` says. */
  setAccount: method<ShareAccounts>()({
    args: z.tuple([credentialsSchema]),
    errors: ['invalid-address', 'cannot-store'],
  }),
  forgetAccount: method<ShareAccounts>()({
    args: z.tuple([z.object({ platform: z.enum(DIRECT_POSTING_PLATFORMS) })]),
  }),
  /** A paper's mark or notices changed (the reader's banner follows). */
  onDidChangePaperNotices: event<{ itemId: string }>(z.object({ itemId: z.string() })),
  /** A draft was created, saved, posted or removed. */
  onDidChangeDrafts: event<{ id: string }>(z.object({ id: z.string() })),
});

export type { SharePlatform };

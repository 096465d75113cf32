// Test support only: the `share` and `guard` services for the renderer's fake backend
// (renderer/src/testing/fakeBackend.ts), kept in memory. Drafts are composed, checked, split and
// linked by the shared domain's own functions, so the window is tested against the values the real
// backend gives; it renders no image or PDF and posts nowhere (those answers are canned bytes and
// the thread's posts as if they went out).
import {
  channelOf,
  type DirectPostingPlatform,
  type DraftChanges,
  type DraftListing,
  type DraftSource,
  type PaperNotices,
  type ItemDetail,
  type ShareAccounts,
  type ShareFile,
  type ShareSettings,
  type SharePlatform,
  type SummaryDraft,
  type SessionView,
  type ThreadPosted,
} from '@shared/contract';
import { scanForPhi } from '@shared/domain/guard/scanForPhi';
import type {
  EditorialNotice,
  RetractionKind,
} from '@shared/domain/share/evidence/retractionStatus';
import { blockedMessage, checkDraft } from '@shared/domain/share/checkDraft';
import { composeDraft, type DraftIngredients } from '@shared/domain/share/composeDraft';
import { composeLinkFor } from '@shared/domain/share/composeLinks';
import { DEFAULT_MASTODON_LIMIT } from '@shared/domain/share/platformRules';
import { sessionIngredients } from '@shared/domain/share/sessionIngredients';
import { summaryPaperOf } from '@shared/domain/share/summaryPaper';
import { splitIntoThread } from '@shared/domain/share/threadSplitter';
import { FakeFailure, FAKE_NOW } from '../../annotations/testing/fakeAnnotationsService';

/** What the fake keeps. */
export interface FakeShare {
  drafts: SummaryDraft[];
  settings: ShareSettings;
  accounts: ShareAccounts;
  /**
   * What `postThread` answers for a platform: by default every post goes out. A `FakeFailure`
   * is answered as that failure; a function decides per call.
   */
  /** The user's marks on papers, by item id. */
  paperMarks?: Record<string, EditorialNotice>;
  postThread?: Partial<
    Record<DirectPostingPlatform, (draft: SummaryDraft) => ThreadPosted | FakeFailure>
  >;
}

/** Settings as a fresh profile has them: no disclosure yet, no instance, no feed folder. */
export function fakeShareSettings(overrides: Partial<ShareSettings> = {}): ShareSettings {
  return {
    disclosure: null,
    mastodonInstance: null,
    mastodonLimit: DEFAULT_MASTODON_LIMIT,
    crossrefBaseUrl: 'https://api.crossref.org',
    feed: { folder: null, title: 'Journal club summaries', baseUrl: null },
    ...overrides,
  };
}

/** A fresh fake: no drafts, no accounts (kept in the OS keychain), default settings. */
export function fakeShare(overrides: Partial<FakeShare> = {}): FakeShare {
  return {
    drafts: [],
    settings: fakeShareSettings(),
    accounts: { bluesky: null, mastodon: null, protection: 'os-keychain' },
    ...overrides,
  };
}

/** The ingredients of a paper's draft, as the backend takes them from a library item. */
export function ingredientsFromItem(
  item: ItemDetail,
  source: DraftSource,
  disclosure: string | null,
): DraftIngredients {
  const year = item.publishedAt ? Number(item.publishedAt.slice(0, 4)) : null;
  return {
    source,
    paper: summaryPaperOf({
      itemId: item.id,
      title: item.title,
      authors: item.authors,
      journal: item.journal,
      year,
      doi: item.paperIds.doi,
      link: item.link,
    }),
    sessionTitle: null,
    club: null,
    highlights: [],
    appraisal: null,
    bottomLine: '',
    tally: null,
    notes: '',
    disclosure,
  };
}

/** A composed draft for tests that start from one: a paper's summary with `overrides`. */
export function sampleDraft(
  ingredients: DraftIngredients,
  overrides: Partial<SummaryDraft> = {},
): SummaryDraft {
  return {
    ...composeDraft(ingredients, overrides.id ?? 'draft-1', new Date(FAKE_NOW)),
    ...overrides,
  };
}

type Handler = (args: Record<string, unknown>) => unknown;

function ingredientsOf(
  library: FakeShareLibrary,
  source: DraftSource,
  disclosure: string | null,
): DraftIngredients {
  if (source.kind === 'paper') {
    const item = library.items.find((candidate) => candidate.id === source.itemId);
    if (!item) throw new FakeFailure('not-found', 'That paper is no longer in the library.');
    return ingredientsFromItem(item, source, disclosure);
  }
  const view = library.club?.sessions.find((session) => session.sessionId === source.sessionId);
  const found = view ? sessionIngredients(view, source.paperId, null) : null;
  if (!found) {
    throw new FakeFailure('not-found', 'That session or its paper is no longer on this computer.');
  }
  return { ...found, source, disclosure };
}

interface FakeShareLibrary {
  items: ItemDetail[];
  share?: FakeShare;
  /** Sessions a draft may start from (`club.sessions` of the fake club). */
  club?: { sessions: SessionView[] };
}

function listing(draft: SummaryDraft): DraftListing {
  return {
    id: draft.id,
    source: draft.source,
    paperTitle: draft.paper.title,
    sessionTitle: draft.sessionTitle,
    clubName: draft.club?.name ?? null,
    excerpt: draft.text.slice(0, 160),
    updatedAt: draft.updatedAt,
    postedTo: (['bluesky', 'mastodon'] as const).filter(
      (platform) => draft.posted[platform]?.complete,
    ),
    publishedToFeed: draft.publishedToFeedAt !== null,
  };
}

function textFile(fileName: string, mediaType: ShareFile['mediaType'], text: string): ShareFile {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { fileName, mediaType, base64: btoa(binary), bytes: bytes.length };
}

/** A 1×1 transparent PNG: the fake's stand-in for a rendered card. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The `share.*` and `guard.*` handlers over `library.share` (a fresh fake when absent). */
export function shareHandlers(library: FakeShareLibrary): [string, Handler][] {
  // Read on every call, so a test may give the library a fresh fake between tests.
  const state = () => (library.share ??= fakeShare());
  const find = (id: unknown): SummaryDraft => {
    const draft = state().drafts.find((candidate) => candidate.id === id);
    if (!draft) throw new FakeFailure('not-found', 'That draft is no longer here.');
    return draft;
  };
  const unlessBlocked = (draft: SummaryDraft) => {
    const check = checkDraft(draft, state().settings);
    if (!check.ready) throw new FakeFailure('blocked', blockedMessage(check));
  };
  const threadOf = (draft: SummaryDraft, platform: SharePlatform) =>
    splitIntoThread(platform, draft.text, {
      mastodonLimit: state().settings.mastodonLimit,
      contentWarning: draft.contentWarning,
    }).posts.map((post) => post.text);
  let nextId = 1;
  const noticesOf = (itemId: string): PaperNotices => {
    const item = library.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new FakeFailure('not-found', 'That paper is no longer in the library.');
    const mark = state().paperMarks?.[itemId];
    return {
      itemId,
      doi: item.paperIds.doi,
      notices: mark ? [mark] : [],
      checkedAt: null,
      message: null,
    };
  };
  return [
    [channelOf('guard', 'scan'), ({ text }) => scanForPhi(String(text))],
    [
      channelOf('share', 'drafts'),
      ({ itemId, sessionId, query }) =>
        state()
          .drafts.filter((draft) => !itemId || draft.paper.itemId === itemId)
          .filter(
            (draft) =>
              !sessionId ||
              (draft.source.kind === 'session' && draft.source.sessionId === sessionId),
          )
          .filter(
            (draft) =>
              !query ||
              `${draft.paper.title}\n${draft.text}`
                .toLowerCase()
                .includes(String(query).toLowerCase()),
          )
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map(listing),
    ],
    [
      channelOf('share', 'createDraft'),
      ({ source }) => {
        const from = source as DraftSource;
        const ingredients = ingredientsOf(library, from, state().settings.disclosure);
        // Ids never repeat, even when a test starts from a fake that already holds drafts.
        let id = `draft-${nextId++}`;
        while (state().drafts.some((draft) => draft.id === id)) id = `draft-${nextId++}`;
        const draft = composeDraft(ingredients, id, new Date(FAKE_NOW));
        state().drafts.push(draft);
        return draft;
      },
    ],
    [channelOf('share', 'draft'), ({ id }) => find(id)],
    [
      channelOf('share', 'saveDraft'),
      ({ id, changes }) => {
        const draft = find(id);
        Object.assign(draft, changes as DraftChanges, { updatedAt: FAKE_NOW });
        return draft;
      },
    ],
    [
      channelOf('share', 'removeDraft'),
      ({ id }) => {
        find(id);
        state().drafts = state().drafts.filter((draft) => draft.id !== id);
        return { id: String(id) };
      },
    ],
    [channelOf('share', 'check'), ({ id }) => checkDraft(find(id), state().settings)],
    [
      channelOf('share', 'checkNotices'),
      ({ id }) => Object.assign(find(id), { noticesCheckedAt: FAKE_NOW }),
    ],
    [
      channelOf('share', 'composeLink'),
      ({ id, platform, index }) => {
        const draft = find(id);
        unlessBlocked(draft);
        const posts = threadOf(draft, platform as SharePlatform);
        const link = composeLinkFor(platform as SharePlatform, posts[Number(index ?? 0)] ?? '', {
          mastodonInstance: state().settings.mastodonInstance,
          paperUrl: draft.paper.url,
        });
        if (!link.ok) throw new FakeFailure('needs-instance', link.message);
        return { url: link.url };
      },
    ],
    [
      channelOf('share', 'postsForCopy'),
      ({ id, platform }) => {
        const draft = find(id);
        unlessBlocked(draft);
        return { posts: threadOf(draft, platform as SharePlatform) };
      },
    ],
    [
      channelOf('share', 'postThread'),
      ({ id, platform }) => {
        const draft = find(id);
        unlessBlocked(draft);
        const on = platform as DirectPostingPlatform;
        if (!state().accounts[on]) {
          throw new FakeFailure(
            'needs-account',
            `Add your ${on === 'bluesky' ? 'Bluesky' : 'Mastodon'} account first.`,
          );
        }
        const answer = state().postThread?.[on]?.(draft);
        if (answer instanceof FakeFailure) throw answer;
        if (answer) return answer;
        const posts = threadOf(draft, on);
        const thread = {
          posts: posts.map((_, index) => ({
            index,
            id: `${on}-${index + 1}`,
            url: `https://example.org/${on}/${index + 1}`,
          })),
          total: posts.length,
          complete: true,
          text: draft.text,
          at: FAKE_NOW,
        };
        draft.posted = { ...draft.posted, [on]: thread };
        return {
          platform: on,
          thread,
          message: `Posted ${posts.length} posts.`,
          failure: null,
        } satisfies ThreadPosted;
      },
    ],
    [
      channelOf('share', 'card'),
      ({ id, size }) => {
        unlessBlocked(find(id));
        return {
          fileName: `summary-${String(size)}.png`,
          mediaType: 'image/png',
          base64: ONE_PIXEL_PNG,
          bytes: 68,
        };
      },
    ],
    [
      channelOf('share', 'handout'),
      ({ id, format }) => {
        const draft = find(id);
        unlessBlocked(draft);
        if (format === 'markdown') return textFile('summary.md', 'text/markdown', draft.text);
        if (format === 'html') return textFile('summary.html', 'text/html', `<p>${draft.text}</p>`);
        return textFile('summary.pdf', 'application/pdf', '%PDF-1.7\n');
      },
    ],
    [
      channelOf('share', 'publishToFeed'),
      ({ id }) => {
        const draft = find(id);
        unlessBlocked(draft);
        if (!state().settings.feed.folder) {
          throw new FakeFailure('no-feed-folder', 'Choose the club feed’s folder first.');
        }
        draft.publishedToFeedAt = FAKE_NOW;
        const entries = state().drafts.filter((entry) => entry.publishedToFeedAt !== null).length;
        return { feedPath: `${state().settings.feed.folder}/feed.xml`, entries };
      },
    ],
    [channelOf('share', 'paperNotices'), ({ itemId }) => noticesOf(String(itemId))],
    [
      channelOf('share', 'markPaper'),
      ({ itemId, kind }) => {
        const marks = (state().paperMarks ??= {});
        if (kind === null) delete marks[String(itemId)];
        else {
          marks[String(itemId)] = {
            kind: kind as RetractionKind,
            noticeDoi: null,
            date: FAKE_NOW.slice(0, 10),
            source: 'user',
          };
        }
        return noticesOf(String(itemId));
      },
    ],
    [channelOf('share', 'settings'), () => state().settings],
    [
      channelOf('share', 'setSettings'),
      (changes) => {
        state().settings = { ...state().settings, ...(changes as Partial<ShareSettings>) };
        return state().settings;
      },
    ],
    [channelOf('share', 'accounts'), () => state().accounts],
    [
      channelOf('share', 'setAccount'),
      (credentials) => {
        if (credentials.platform === 'bluesky') {
          state().accounts = {
            ...state().accounts,
            bluesky: {
              service: String(credentials.service ?? 'https://bsky.social'),
              identifier: String(credentials.identifier),
            },
          };
        } else {
          state().accounts = {
            ...state().accounts,
            mastodon: { instance: String(credentials.instance) },
          };
        }
        return state().accounts;
      },
    ],
    [
      channelOf('share', 'forgetAccount'),
      ({ platform }) => {
        state().accounts = { ...state().accounts, [platform as DirectPostingPlatform]: null };
        return state().accounts;
      },
    ],
  ];
}

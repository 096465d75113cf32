// Test support only: an in-memory backend behind the real contract client, for component tests
// where the backend is the boundary. It answers the calls the window makes to show, read and
// star items and to annotate them; any other call fails loudly, so a test never passes on an
// unanswered request.
import {
  channelOf,
  fail,
  ok,
  type Api,
  type FeedSummary,
  type ItemDetail,
  type ItemFilter,
  type ItemSummary,
} from '@shared/contract';
import { createClient } from '@shared/contract/createClient';
import {
  annotationHandlers,
  FakeFailure,
  type FakeAnnotations,
} from '../features/annotations/testing/fakeAnnotationsService';

import { clubHandlers, type FakeClub } from '../features/club/testing/fakeClubService';
import { paperHandlers, type FakePapers } from '../features/papers/testing/fakePapersService';
import { shareHandlers, type FakeShare } from '../features/share/testing/fakeShareService';

export { FakeFailure, type FakeAnnotations, type FakeClub, type FakePapers, type FakeShare };

type Handler = (args: Record<string, unknown>) => unknown;

/** A library the fake serves: feeds, and items in the order the list shows them. */
export interface FakeLibrary {
  feeds: FeedSummary[];
  items: ItemDetail[];
  /** Highlights, notes and the colours' meanings; none when left out. */
  annotations?: FakeAnnotations;
  /** What Crossref answers and the PDFs stored; nothing when left out. */
  papers?: FakePapers;
  /** The journal club's profile, clubs, sessions and CPD log; none when left out. */
  club?: FakeClub;
  /** Summary drafts, sharing settings and accounts; none when left out. */
  share?: FakeShare;
}

/** The fake backend: the typed client to give the window, and the calls it received. */
export interface FakeBackend {
  api: Api;
  /** Channels called, in order (`app:library.setRead`), with their first argument. */
  calls: { channel: string; args: Record<string, unknown> }[];
  /** Fires a contract event (`channelOf('papers', 'onPendingLookupsSettled')`) to its listeners. */
  emit(channel: string, payload: unknown): void;
}

/** A backend serving `library`, changing read and starred state in place as the app asks. */
export function createFakeBackend(library: FakeLibrary): FakeBackend {
  const calls: FakeBackend['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const handlers = handlersFor(library);
  const api = createClient({
    invoke: async (channel, args) => {
      const first = (args[0] ?? {}) as Record<string, unknown>;
      calls.push({ channel, args: first });
      const handler = handlers.get(channel);
      if (!handler) return fail('internal', `The fake backend has no ${channel}.`);
      try {
        return ok(await handler(first));
      } catch (error) {
        // A failure the contract declares (not-found…) is answered as the real backend would.
        if (error instanceof FakeFailure) return fail(error.code, error.message);
        throw error;
      }
    },
    subscribe: (channel, listener) => {
      const forChannel = listeners.get(channel) ?? new Set();
      listeners.set(channel, forChannel);
      forChannel.add(listener);
      return () => forChannel.delete(listener);
    },
  });
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { api, calls, emit };
}

function handlersFor(library: FakeLibrary): Map<string, Handler> {
  const listed = (filter: ItemFilter) =>
    library.items.filter((item) =>
      filter === 'unread' ? !item.read : filter === 'starred' ? item.starred : true,
    );
  const find = (id: unknown) => {
    const item = library.items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`The fake backend has no item ${String(id)}.`);
    return item;
  };
  return new Map<string, Handler>([
    [channelOf('app', 'notices'), () => []],
    [channelOf('feeds', 'list'), () => library.feeds],
    [channelOf('feeds', 'refresh'), () => []],
    [channelOf('rules', 'list'), () => ({ muteRules: [], savedSearches: [] })],
    [
      channelOf('library', 'counts'),
      () => ({
        all: library.items.length,
        unread: listed('unread').length,
        starred: listed('starred').length,
      }),
    ],
    [
      channelOf('library', 'list'),
      ({ filter = 'all', offset = 0, limit = 100 }) => {
        const items = listed(filter as ItemFilter);
        const start = offset as number;
        return {
          items: items.slice(start, start + (limit as number)).map(summaryOf),
          total: items.length,
          offset: start,
        };
      },
    ],
    [channelOf('library', 'get'), ({ id }) => find(id)],
    [
      channelOf('library', 'setRead'),
      ({ id, read }) => {
        find(id).read = read as boolean;
        return { id, read };
      },
    ],
    [
      channelOf('library', 'setStarred'),
      ({ id, starred }) => {
        find(id).starred = starred as boolean;
        return { id, starred };
      },
    ],
    ...annotationHandlers(library),
    ...paperHandlers(library),
    ...clubHandlers(library),
    ...shareHandlers(library),
  ]);
}

function summaryOf(item: ItemDetail): ItemSummary {
  const {
    contentHtml: _content,
    feedTitle: _feed,
    discussions: _d,
    linkedVersion: _v,
    ...summary
  } = item;
  return summary;
}

/** A feed as `feeds.list` returns it; `overrides` set what a test is about. */
export function sampleFeed(overrides: Partial<FeedSummary> = {}): FeedSummary {
  return {
    id: 'feed-nejm',
    kind: 'feed',
    url: 'https://www.nejm.org/rss',
    title: 'NEJM',
    siteUrl: 'https://www.nejm.org/',
    addedAt: '2024-01-01T00:00:00.000Z',
    lastFetchedAt: '2024-05-01T08:00:00.000Z',
    lastError: null,
    itemCount: 0,
    unreadCount: 0,
    folder: [],
    tags: [],
    refreshIntervalMinutes: 60,
    nextRefreshAt: null,
    consecutiveFailures: 0,
    keepImages: false,
    ...overrides,
  };
}

/** An unread journal article as `library.get` returns it; `overrides` set what a test is about. */
export function sampleItem(overrides: Partial<ItemDetail> = {}): ItemDetail {
  const id = overrides.id ?? 'item-1';
  return {
    id,
    feedId: 'feed-nejm',
    title: 'Early antibiotics in sepsis',
    link: `https://www.nejm.org/doi/full/10.1056/${id}`,
    author: 'A. Smith',
    publishedAt: '2024-05-01T06:00:00.000Z',
    excerpt: 'A randomised trial.',
    read: false,
    starred: false,
    authors: [],
    journal: null,
    paperIds: { doi: null, pmid: null, arxiv: null },
    sources: [{ itemId: id, feedId: 'feed-nejm', feedTitle: 'NEJM', link: null }],
    discussedBy: 0,
    pdf: null,
    contentHtml: '<p>A randomised trial.</p>',
    feedTitle: 'NEJM',
    discussions: [],
    linkedVersion: null,
    ...overrides,
  };
}

// Test support only: the `papers` service for the renderer's fake backend
// (renderer/src/testing/fakeBackend.ts), kept in memory. It answers as PapersMainService does
// for the cases the window shows (imports with problems, DOIs found, offline or unknown, PDFs
// created or refused) and adds what it imports to the fake library under "My papers".
import {
  channelOf,
  type CitationImportProblem,
  type FeedSummary,
  type ItemDetail,
} from '@shared/contract';
import { MY_PAPERS_FEED_ID, MY_PAPERS_TITLE } from '@shared/domain/papers/myPapers';
import { FakeFailure } from '../../annotations/testing/fakeAnnotationsService';

/** What Crossref says about a DOI in the fake: a title when found. */
export type FakeCrossrefAnswer = { title: string } | 'offline' | 'not-found';

/** The fake's papers state: what Crossref answers, and the DOIs waiting for it. */
export interface FakePapers {
  /** By lower-case DOI; a DOI not listed is one Crossref cannot be reached for. */
  crossref: Record<string, FakeCrossrefAnswer>;
  /** PDFs' bytes by hash, as the host would serve them at /files/pdf/<hash>. */
  pdfBytes: Map<string, Uint8Array>;
}

type Handler = (args: Record<string, unknown>) => unknown;

interface FakePapersLibrary {
  feeds: FeedSummary[];
  items: ItemDetail[];
  papers?: FakePapers;
}

/** The papers service's channels over the fake library. */
export function paperHandlers(library: FakePapersLibrary): [string, Handler][] {
  const state = (): FakePapers => (library.papers ??= { crossref: {}, pdfBytes: new Map() });
  const has = (id: string) => library.items.some((item) => item.id === id);
  const add = (item: ItemDetail) => {
    if (!library.feeds.some((feed) => feed.id === MY_PAPERS_FEED_ID)) {
      library.feeds.push(myPapersFeed());
    }
    library.items.unshift(item);
  };

  return [
    [
      channelOf('papers', 'importCitations'),
      ({ fileName, text }) => {
        const body = String(text);
        if (body.trim() === '') throw new FakeFailure('empty', `“${fileName}” is empty.`);
        const isRis = /^TY {2}- /m.test(body);
        const entries = isRis ? risEntries(body) : bibtexEntries(body);
        if (entries.length === 0) {
          throw new FakeFailure(
            'not-a-citation-file',
            `“${fileName}” is neither a BibTeX nor a RIS file.`,
          );
        }
        const problems: CitationImportProblem[] = [];
        let added = 0;
        let alreadyThere = 0;
        for (const entry of entries) {
          if (entry.title === null) {
            problems.push({ entry: entry.key, message: 'This entry has no title.' });
            continue;
          }
          const id = `local-${entry.key}`;
          if (has(id)) {
            alreadyThere++;
            continue;
          }
          add(paper(id, entry.title));
          added++;
        }
        return { format: isRis ? 'ris' : 'bibtex', added, alreadyThere, problems };
      },
    ],
    [
      channelOf('papers', 'addByDoi'),
      ({ doi }) => {
        const normalized = String(doi).trim().toLowerCase();
        if (!normalized.startsWith('10.')) {
          throw new FakeFailure('not-a-doi', `“${String(doi)}” is not a DOI.`);
        }
        const id = `local-doi-${normalized}`;
        if (has(id)) return { itemId: id, lookup: 'found', alreadyThere: true };
        const answer = state().crossref[normalized] ?? 'offline';
        if (answer === 'not-found') {
          throw new FakeFailure('not-found', `Crossref has no paper with the DOI ${normalized}.`);
        }
        if (answer === 'offline') {
          add(paper(id, `DOI ${normalized}`));
          return { itemId: id, lookup: 'pending', alreadyThere: false };
        }
        add(paper(id, answer.title));
        return { itemId: id, lookup: 'found', alreadyThere: false };
      },
    ],
    [
      channelOf('papers', 'addPdf'),
      ({ fileName, base64 }) => {
        const bytes = Uint8Array.from(atob(String(base64)), (character) => character.charCodeAt(0));
        if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
          throw new FakeFailure('not-a-pdf', `“${fileName}” is not a PDF.`);
        }
        const hash = fakeHashOf(bytes);
        const alreadyStored = state().pdfBytes.has(hash);
        state().pdfBytes.set(hash, bytes);
        const pdf = { hash, fileName: String(fileName), pageCount: 1 };
        const id = `local-pdf-${hash.slice(0, 12)}`;
        const title = String(fileName).replace(/\.pdf$/i, '');
        if (!has(id)) add({ ...paper(id, title), pdf });
        return { itemId: id, title, pdf, paper: 'created', alreadyStored };
      },
    ],
    [channelOf('papers', 'lookUpPending'), () => ({ filled: [], notFound: [], stillPending: 0 })],
  ];
}

/** "My papers" as `feeds.list` shows it. */
export function myPapersFeed(): FeedSummary {
  return {
    id: MY_PAPERS_FEED_ID,
    kind: 'local',
    url: 'rounds:my-papers',
    title: MY_PAPERS_TITLE,
    siteUrl: null,
    addedAt: '2024-05-01T12:00:00.000Z',
    lastFetchedAt: null,
    lastError: null,
    itemCount: 0,
    unreadCount: 0,
    folder: [],
    tags: [],
    refreshIntervalMinutes: 60,
    nextRefreshAt: null,
    consecutiveFailures: 0,
    keepImages: false,
  };
}

function paper(id: string, title: string): ItemDetail {
  return {
    id,
    feedId: MY_PAPERS_FEED_ID,
    title,
    link: null,
    author: null,
    publishedAt: null,
    excerpt: '',
    read: false,
    starred: false,
    authors: [],
    journal: null,
    paperIds: { doi: null, pmid: null, arxiv: null },
    sources: [{ itemId: id, feedId: MY_PAPERS_FEED_ID, feedTitle: MY_PAPERS_TITLE, link: null }],
    discussedBy: 0,
    pdf: null,
    contentHtml: '',
    feedTitle: MY_PAPERS_TITLE,
    discussions: [],
    linkedVersion: null,
  };
}

function bibtexEntries(text: string): { key: string; title: string | null }[] {
  return text.split(/(?=@\w+\s*\{)/).flatMap((chunk) => {
    const key = /^@\w+\s*\{\s*([^,\s]+)\s*,/.exec(chunk)?.[1];
    if (key === undefined) return [];
    const title = /\btitle\s*=\s*[{"]([^}"]*)[}"]/i.exec(chunk)?.[1] ?? null;
    return [{ key, title }];
  });
}

function risEntries(text: string): { key: string; title: string | null }[] {
  return text
    .split(/^ER {2}-.*$/m)
    .filter((record) => /^TY {2}- /m.test(record))
    .map((record, index) => ({
      key: `record ${index + 1}`,
      title: /^(?:TI|T1) {2}- (.+)$/m.exec(record)?.[1]?.trim() ?? null,
    }));
}

/** 64 hex digits that depend on every byte: enough to tell the fake's PDFs apart. */
function fakeHashOf(bytes: Uint8Array): string {
  let hash = 2166136261;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(8);
}

// The whole way a club summary travels: published into a folder, served from it as a static web
// host would, subscribed to by a colleague whose library already has the paper from its journal.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ClubFeedEntry, ClubFeedMeta } from '@shared/domain/share/summary';
import { FeedMainService } from '../../../services/feeds/FeedMainService';
import { LibraryMainService } from '../../../services/library/LibraryMainService';
import { SearchIndexFeeder } from '../../../services/library/SearchIndexFeeder';
import { HttpFeedFetcher } from '../../feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../feeds/RssFeedParser';
import { WorkerSearchIndex } from '../../search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../storage/LowdbLibraryStore';
import { FolderFeedPublisher } from './FolderFeedPublisher';

const DOI = '10.1056/NEJMoa2312345';
const PAPER_TITLE = 'Dapagliflozin in Heart Failure with Preserved Ejection Fraction';
const IMAGE_NAME = '5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21.png';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

const JOURNAL_RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://www.nejm.example/rss"><title>NEJM Current Issue</title><link>https://www.nejm.example/</link></channel>
  <item rdf:about="https://www.nejm.example/doi/full/${DOI}">
    <title>${PAPER_TITLE}</title>
    <link>https://www.nejm.example/doi/full/${DOI}</link>
    <description>In this trial, dapagliflozin reduced worsening heart failure.</description>
    <dc:creator>Solomon SD</dc:creator>
    <dc:date>2026-01-04T00:00:00Z</dc:date>
    <prism:doi>${DOI}</prism:doi>
    <prism:publicationName>N Engl J Med</prism:publicationName>
  </item>
</rdf:RDF>`;

const meta: ClubFeedMeta = {
  id: 'urn:uuid:0b8f4a52-6a1e-4c36-9d7e-2f1f7c3a9b10',
  title: 'Ward 7 Journal Club',
  baseUrl: null,
  updated: '2026-03-10T09:00:00.000Z',
};

const summary: ClubFeedEntry = {
  id: '5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21',
  title: 'DELIVER-2 in five minutes',
  summary: 'Dapagliflozin cut worsening heart failure.\n\nNo effect on mortality.',
  paper: {
    itemId: 'item-1',
    title: PAPER_TITLE,
    authors: ['Solomon SD'],
    journal: 'N Engl J Med',
    year: 2026,
    doi: DOI.toLowerCase(),
    url: `https://doi.org/${DOI.toLowerCase()}`,
    preprint: null,
  },
  published: '2026-03-09T18:00:00.000Z',
  updated: '2026-03-09T18:30:00.000Z',
  author: 'Dr Ada Okafor',
  image: { fileName: IMAGE_NAME, bytes: PNG.byteLength, altText: 'Visual abstract' },
};

/** Serves the published folder under /club/ as a static host does, and the journal's feed. */
class LoopbackHost {
  private readonly server: Server;

  constructor(folder: string) {
    this.server = createServer((req, res) => {
      const path = req.url ?? '';
      if (path === '/journal.rdf') {
        res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(JOURNAL_RDF);
        return;
      }
      const name = /^\/club\/([\w.-]+)$/.exec(path)?.[1];
      if (name === undefined) {
        res.writeHead(404).end();
        return;
      }
      readFile(join(folder, name)).then(
        (bytes) => {
          const type = extname(name) === '.png' ? 'image/png' : 'application/atom+xml';
          res.writeHead(200, { 'content-type': type }).end(bytes);
        },
        () => res.writeHead(404).end(),
      );
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let root: string;
let store: LowdbLibraryStore;
let host: LoopbackHost;
let feeds: FeedMainService;
let library: LibraryMainService;
let searchIndex: WorkerSearchIndex;
let search: SearchIndexFeeder;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rounds-club-feed-attach-'));
  const dataDir = join(root, 'data');
  store = await LowdbLibraryStore.open(dataDir);
  host = new LoopbackHost(join(root, 'site'));
  await host.start();
  feeds = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
    parser: new RssFeedParser(),
    clock: { now: () => new Date('2026-03-12T08:00:00.000Z') },
  });
  searchIndex = WorkerSearchIndex.inDataFolder(dataDir);
  search = new SearchIndexFeeder({ store, index: searchIndex });
  library = new LibraryMainService({ store, search });
});

afterEach(async () => {
  feeds?.dispose();
  await host.close();
  await search.close();
  await searchIndex.close();
  await store.close();
  await rm(root, { recursive: true, force: true });
});

async function subscribe(path: string): Promise<string> {
  const added = await feeds.add({ url: host.url(path) });
  if (!added.ok) throw new Error(`could not subscribe to ${path}: ${added.message}`);
  return added.value.id;
}

it('shows a subscribed club summary under the paper as a colleague’s discussion, not as another paper', async () => {
  await new FolderFeedPublisher().publish(
    join(root, 'site'),
    meta,
    [summary],
    new Map([[IMAGE_NAME, PNG]]),
  );
  const journal = await subscribe('/journal.rdf');
  const club = await subscribe('/club/feed.xml');

  const page = await library.list({ filter: 'all', offset: 0, limit: 100 });
  if (!page.ok) throw new Error(page.message);
  // The paper once, from its journal only; the summary listed as the club's post beside it.
  const papers = page.value.items.filter((item) => item.paperIds.doi !== null);
  expect(papers.map((paper) => [paper.title, paper.discussedBy])).toEqual([[PAPER_TITLE, 1]]);
  expect(papers[0]?.sources.map((source) => source.feedId)).toEqual([journal]);
  const post = page.value.items.find((item) => item.feedId === club);
  expect(post).toMatchObject({ title: 'DELIVER-2 in five minutes', author: 'Dr Ada Okafor' });

  const detail = await library.get({ id: papers[0]?.id ?? '' });
  if (!detail.ok) throw new Error(detail.message);
  expect(detail.value.discussions).toEqual([
    {
      itemId: post?.id,
      feedTitle: 'Ward 7 Journal Club',
      author: 'Dr Ada Okafor',
      excerpt: expect.stringContaining(PAPER_TITLE) as unknown as string,
      link: host.url('/club/feed.xml#summary-5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21'),
      publishedAt: '2026-03-09T18:00:00.000Z',
    },
  ]);

  // The summary's visual abstract is where its enclosure says, on the club's host.
  const opened = await library.get({ id: post?.id ?? '' });
  if (!opened.ok) throw new Error(opened.message);
  expect(opened.value.contentHtml).toContain('<p>No effect on mortality.</p>');
  const image = await fetch(host.url(`/club/${IMAGE_NAME}`));
  expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
});

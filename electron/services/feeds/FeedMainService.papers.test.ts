import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Subscribing is tested over the real adapters, as composeBackend wires them.
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LibraryMainService } from '../library/LibraryMainService';
import { SearchIndexFeeder } from '../library/SearchIndexFeeder';
import { FeedMainService } from './FeedMainService';

const DOI = '10.1056/NEJMoa2312345';

/** Pages served from 127.0.0.1, each with its content type; anything else is a 404. */
class PageServer {
  readonly pages = new Map<string, { type: string; body: string }>();
  readonly requested: string[] = [];
  private readonly server: Server = createServer((req, res) => {
    this.requested.push(req.url ?? '');
    const page = this.pages.get(req.url ?? '');
    if (page) res.writeHead(200, { 'content-type': page.type }).end(page.body);
    else res.writeHead(404).end();
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  serve(path: string, type: string, body: string): void {
    this.pages.set(path, { type, body });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const JOURNAL_RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://www.nejm.example/rss"><title>NEJM Current Issue</title><link>https://www.nejm.example/</link></channel>
  <item rdf:about="https://www.nejm.example/doi/full/${DOI}">
    <title>Dapagliflozin in Heart Failure with Preserved Ejection Fraction</title>
    <link>https://www.nejm.example/doi/full/${DOI}</link>
    <description>In this trial, dapagliflozin reduced worsening heart failure.</description>
    <dc:creator>Solomon SD</dc:creator><dc:creator>McMurray JJV</dc:creator>
    <dc:date>2026-01-04T00:00:00Z</dc:date>
    <prism:doi>${DOI}</prism:doi>
    <prism:publicationName>N Engl J Med</prism:publicationName>
  </item>
  <item rdf:about="https://www.nejm.example/doi/full/10.1056/NEJMe2400001">
    <title>Editorial: a new era</title>
    <link>https://www.nejm.example/doi/full/10.1056/NEJMe2400001</link>
    <dc:date>2026-01-03T00:00:00Z</dc:date>
    <prism:doi>10.1056/NEJMe2400001</prism:doi>
  </item>
</rdf:RDF>`;

const PUBMED_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>HFpEF - PubMed</title><link>https://pubmed.ncbi.nlm.nih.gov/</link>
  <item>
    <title>Dapagliflozin in heart failure with preserved ejection fraction.</title>
    <link>https://pubmed.ncbi.nlm.nih.gov/38234567/?utm_source=rss</link>
    <description>N Engl J Med. 2026. PMID:38234567 | DOI:${DOI}</description>
    <guid isPermaLink="false">pubmed:38234567</guid>
    <dc:identifier>pmid:38234567</dc:identifier>
    <dc:identifier>doi:${DOI}</dc:identifier>
    <dc:date>2026-01-06</dc:date>
  </item>
</channel></rss>`;

const SECOND_JOURNAL_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Cardiology Digest</title><link href="https://digest.example/"/>
  <entry>
    <id>tag:digest.example,2026:7</id>
    <title>Trial roundup: DELIVER-2</title>
    <link rel="alternate" href="https://doi.org/${DOI}"/>
    <updated>2026-01-09T00:00:00Z</updated>
    <summary>Our take on the trial.</summary>
  </entry>
</feed>`;

const MASTODON_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dr Kim Lee</title><link>https://med.social/@drkim</link>
  <item>
    <guid isPermaLink="true">https://med.social/@drkim/1</guid><link>https://med.social/@drkim/1</link>
    <pubDate>Sat, 10 Jan 2026 18:15:00 +0000</pubDate>
    <description>&lt;p&gt;Journal club pick: &lt;a href="https://doi.org/${DOI}"&gt;&lt;span class="invisible"&gt;https://&lt;/span&gt;&lt;span class="ellipsis"&gt;doi.org/10.1056/NEJMoa23&lt;/span&gt;&lt;span class="invisible"&gt;12345&lt;/span&gt;&lt;/a&gt;&lt;/p&gt;</description>
  </item>
  <item>
    <guid isPermaLink="true">https://med.social/@drkim/2</guid><link>https://med.social/@drkim/2</link>
    <pubDate>Sun, 11 Jan 2026 08:00:00 +0000</pubDate>
    <description>&lt;p&gt;Coffee first.&lt;/p&gt;</description>
  </item>
</channel></rss>`;

let dataDir: string;
let store: LowdbLibraryStore;
let server: PageServer;
let feeds: FeedMainService;
let library: LibraryMainService;
let searchIndex: WorkerSearchIndex;
let search: SearchIndexFeeder;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-papers-'));
  store = await LowdbLibraryStore.open(dataDir);
  server = new PageServer();
  await server.start();
  feeds = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
    parser: new RssFeedParser(),
    clock: { now: () => new Date('2026-01-12T08:00:00.000Z') },
  });
  searchIndex = WorkerSearchIndex.inDataFolder(dataDir);
  search = new SearchIndexFeeder({ store, index: searchIndex });
  library = new LibraryMainService({ store, search });
});

afterEach(async () => {
  feeds?.dispose();
  await server.close();
  await search.close();
  await searchIndex.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function subscribe(path: string, type: string, body: string): Promise<string> {
  server.serve(path, type, body);
  const added = await feeds.add({ url: server.url(path) });
  if (!added.ok) throw new Error(`could not subscribe to ${path}: ${added.message}`);
  return added.value.id;
}

describe('one paper once, across feeds', () => {
  it('lists a paper from a journal, a PubMed search and a second journal once, with three sources', async () => {
    const nejm = await subscribe('/nejm.rdf', 'application/rdf+xml', JOURNAL_RDF);
    const pubmed = await subscribe('/pubmed.xml', 'application/rss+xml', PUBMED_RSS);
    const digest = await subscribe('/digest.atom', 'application/atom+xml', SECOND_JOURNAL_ATOM);

    const page = await library.list({ filter: 'all', offset: 0, limit: 100 });
    if (!page.ok) throw new Error(page.message);
    expect(page.value.total).toBe(2);
    const [paper, editorial] = page.value.items;
    expect(editorial?.title).toBe('Editorial: a new era');
    expect(paper).toMatchObject({
      title: 'Dapagliflozin in Heart Failure with Preserved Ejection Fraction',
      journal: 'N Engl J Med',
      authors: ['Solomon SD', 'McMurray JJV'],
      paperIds: { doi: DOI.toLowerCase(), pmid: null, arxiv: null },
    });
    expect(paper?.sources.map(({ feedId, feedTitle }) => ({ feedId, feedTitle }))).toEqual([
      { feedId: nejm, feedTitle: 'NEJM Current Issue' },
      { feedId: pubmed, feedTitle: 'HFpEF - PubMed' },
      { feedId: digest, feedTitle: 'Cardiology Digest' },
    ]);
    expect(paper?.sources[1]?.link).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/38234567/?utm_source=rss',
    );

    // Reading it once reads it in every feed, and each feed's unread count says so.
    await library.setRead({ id: paper?.sources[2]?.itemId ?? '', read: true });
    const listed = await feeds.list();
    const unreadByFeed = Object.fromEntries(
      (listed.ok ? listed.value : []).map((feed) => [feed.title, feed.unreadCount]),
    );
    expect(unreadByFeed).toEqual({
      'Cardiology Digest': 0,
      'HFpEF - PubMed': 0,
      'NEJM Current Issue': 1,
    });
    const unread = await library.list({ filter: 'unread', offset: 0, limit: 100 });
    expect(unread.ok && unread.value.items.map((item) => item.title)).toEqual([
      'Editorial: a new era',
    ]);
  });

  it('attaches a colleague’s Mastodon post citing the DOI to the paper, and keeps the post listed', async () => {
    await subscribe('/nejm.rdf', 'application/rdf+xml', JOURNAL_RDF);
    const kim = await subscribe('/@drkim.rss', 'application/rss+xml', MASTODON_RSS);

    const page = await library.list({ filter: 'all', offset: 0, limit: 100 });
    if (!page.ok) throw new Error(page.message);
    const titles = page.value.items.map((item) => [item.title, item.discussedBy]);
    expect(titles).toEqual([
      ['Coffee first.', 0],
      ['Journal club pick: doi.org/10.1056/NEJMoa23…', 0],
      ['Dapagliflozin in Heart Failure with Preserved Ejection Fraction', 1],
      ['Editorial: a new era', 0],
    ]);

    const paperId = page.value.items[2]?.id ?? '';
    const detail = await library.get({ id: paperId });
    expect(detail.ok && detail.value.discussions).toEqual([
      {
        itemId: page.value.items[1]?.id,
        feedTitle: 'Dr Kim Lee',
        // A profile feed's posts are by the profile's owner.
        author: 'Dr Kim Lee',
        excerpt: 'Journal club pick: doi.org/10.1056/NEJMoa23…',
        link: 'https://med.social/@drkim/1',
        publishedAt: '2026-01-10T18:15:00.000Z',
      },
    ]);
    expect(page.value.items[1]?.feedId).toBe(kim);
  });
});

describe('subscribing from a web page', () => {
  it('follows the page’s feed link and subscribes to the feed itself', async () => {
    server.serve('/mastodon.rss', 'application/rss+xml', MASTODON_RSS);
    server.serve(
      '/@drkim',
      'text/html; charset=utf-8',
      `<!DOCTYPE html><html><head><title>Dr Kim Lee</title><link href="/mastodon.rss" rel="alternate" type="application/rss+xml"></head><body>Posts</body></html>`,
    );

    const added = await feeds.add({ url: server.url('/@drkim') });

    expect(added).toMatchObject({
      ok: true,
      value: { url: server.url('/mastodon.rss'), title: 'Dr Kim Lee', itemCount: 2 },
    });
    const again = await feeds.add({ url: server.url('/@drkim') });
    expect(again).toMatchObject({ ok: false, code: 'duplicate' });
  });

  it('follows one link only: a page whose feed link leads to another page is not a feed', async () => {
    const pageLinkingTo = (path: string) =>
      `<html><head><link rel="alternate" type="application/atom+xml" href="${path}"></head></html>`;
    server.serve('/a', 'text/html', pageLinkingTo('/b'));
    server.serve('/b', 'text/html', pageLinkingTo('/a'));

    const added = await feeds.add({ url: server.url('/a') });

    expect(added).toMatchObject({ ok: false, code: 'not-a-feed' });
    expect(server.requested).toEqual(['/a', '/b']);
    expect(store.listFeeds()).toEqual([]);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// The service is tested over the real adapters, as composeBackend wires them.
import { OpmlFileCatalogue } from '../../adapters/catalogue/OpmlFileCatalogue';
import { Xml2jsOpmlReader } from '../../adapters/opml/Xml2jsOpmlReader';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { MY_PAPERS_URL, myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import type { LibraryStore, StoredFeed } from '../library/LibraryStore';
import { SourcesMainService } from './SourcesMainService';

const NOW = new Date('2026-11-25T09:30:00.000Z');

const CATALOGUE = `<opml version="2.0"><body>
  <outline text="Cardiology">
    <outline text="Circulation" xmlUrl="https://circ.example/rss" publisher="AHA" kind="journal"/>
    <outline text="Heart" xmlUrl="https://heart.example/rss" publisher="BMJ" kind="journal"/>
  </outline>
</body></opml>`;

function opml(body: string): string {
  return `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${body}</body></opml>`;
}

describe('SourcesMainService', () => {
  let dataDir: string;
  let store: LowdbLibraryStore;
  let refreshed: string[][];

  function service(overrides: { store?: LibraryStore; catalogueFile?: string | null } = {}) {
    return new SourcesMainService({
      store: overrides.store ?? store,
      reader: new Xml2jsOpmlReader(),
      catalogue: new OpmlFileCatalogue(
        overrides.catalogueFile === undefined ? join(dataDir, 'catalogue.opml') : null,
      ),
      clock: { now: () => NOW },
      refreshFeeds: (ids) => refreshed.push(ids),
    });
  }

  async function follow(fields: Partial<StoredFeed> & { url: string; title: string }) {
    const feed = newFeedRecord({ id: fields.url, addedAt: NOW.toISOString(), ...fields });
    await store.saveFeed(feed);
    return feed;
  }

  async function reopen(): Promise<LowdbLibraryStore> {
    await store.close();
    store = await LowdbLibraryStore.open(dataDir);
    return store;
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rounds-sources-'));
    await writeFile(join(dataDir, 'catalogue.opml'), CATALOGUE);
    store = await LowdbLibraryStore.open(dataDir);
    refreshed = [];
  });

  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('importOpml', () => {
    it('subscribes to every feed with its folder and tags, durably, and starts fetching them', async () => {
      const result = await service().importOpml({
        text: opml(`
          <outline type="rss" text="Top" xmlUrl="https://top.example/rss" htmlUrl="https://top.example/"/>
          <outline text="Cardiology">
            <outline text="Heart failure">
              <outline type="rss" text="HF Journal" xmlUrl="https://hf.example/rss" category="trials,HF"/>
            </outline>
          </outline>`),
      });
      expect(result).toEqual({ ok: true, value: { added: 2, alreadySubscribed: 0, skipped: [] } });

      const feeds = (await reopen()).listFeeds().sort((a, b) => a.title.localeCompare(b.title));
      expect(feeds).toMatchObject([
        {
          title: 'HF Journal',
          url: 'https://hf.example/rss',
          folder: ['Cardiology', 'Heart failure'],
          tags: ['trials', 'HF'],
          lastFetchedAt: null,
          addedAt: NOW.toISOString(),
        },
        {
          title: 'Top',
          url: 'https://top.example/rss',
          siteUrl: 'https://top.example/',
          folder: [],
          tags: [],
        },
      ]);
      expect(refreshed).toHaveLength(1);
      expect([...(refreshed[0] ?? [])].sort()).toEqual(feeds.map((feed) => feed.id).sort());
    });

    it('leaves feeds already followed alone, comparing normalised addresses', async () => {
      await follow({ url: 'https://journal.example/rss', title: 'Journal', folder: ['Mine'] });
      const result = await service().importOpml({
        text: opml(`
          <outline text="Elsewhere">
            <outline text="Journal again" xmlUrl="HTTPS://Journal.Example:443/rss#latest"/>
          </outline>
          <outline text="New" xmlUrl="https://new.example/rss"/>`),
      });
      expect(result).toEqual({ ok: true, value: { added: 1, alreadySubscribed: 1, skipped: [] } });
      expect(store.getFeed('https://journal.example/rss')).toMatchObject({
        title: 'Journal',
        folder: ['Mine'],
      });
      expect(store.listFeeds()).toHaveLength(2);
    });

    it('imports the usable outlines and lists the others with a reason', async () => {
      const result = await service().importOpml({
        text: opml(`
          <outline text="Good" xmlUrl="https://good.example/rss"/>
          <outline text="Gopher" xmlUrl="gopher://old.example/"/>
          <outline type="link" text="Homepage" url="https://page.example/"/>`),
      });
      if (!result.ok) throw new Error(result.message);
      expect(result.value.added).toBe(1);
      expect(result.value.skipped.map((entry) => entry.title)).toEqual(['Gopher', 'Homepage']);
      expect(result.value.skipped.every((entry) => entry.reason.length > 10)).toBe(true);
    });

    it('writes nothing and fetches nothing when the file is not OPML', async () => {
      for (const text of [
        '<opml><body><outline text="A" xmlUrl="https://a.example/rss"/>',
        '<rss version="2.0"><channel><title>x</title></channel></rss>',
        opml('<outline text="An empty folder"/>'),
      ]) {
        const result = await service().importOpml({ text });
        expect(result).toMatchObject({ ok: false, code: 'not-opml' });
      }
      expect((await reopen()).listFeeds()).toEqual([]);
      expect(refreshed).toEqual([]);
    });

    it('takes back the feeds it saved when saving one of them fails', async () => {
      // The real store, except that saving one of the feeds fails as a full disk would.
      const failing: LibraryStore = Object.create(store, {
        saveFeed: {
          value: (feed: StoredFeed) =>
            feed.url.includes('broken')
              ? Promise.reject(new Error('disk full'))
              : store.saveFeed(feed),
        },
      });
      await expect(
        service({ store: failing }).importOpml({
          text: opml(`
            <outline text="A" xmlUrl="https://a.example/rss"/>
            <outline text="Broken" xmlUrl="https://broken.example/rss"/>
            <outline text="C" xmlUrl="https://c.example/rss"/>`),
        }),
      ).rejects.toThrow('disk full');
      expect((await reopen()).listFeeds()).toEqual([]);
      expect(refreshed).toEqual([]);
    });

    it('does not add a feed twice when two imports of the same file overlap', async () => {
      const sources = service();
      const text = opml('<outline text="A" xmlUrl="https://a.example/rss"/>');
      const [first, second] = await Promise.all([
        sources.importOpml({ text }),
        sources.importOpml({ text }),
      ]);
      expect([first, second]).toEqual([
        { ok: true, value: { added: 1, alreadySubscribed: 0, skipped: [] } },
        { ok: true, value: { added: 0, alreadySubscribed: 1, skipped: [] } },
      ]);
      expect(store.listFeeds()).toHaveLength(1);
    });
  });

  describe('exportOpml', () => {
    it('names the file after the day and writes every subscription', async () => {
      await follow({ url: 'https://a.example/rss', title: 'A', folder: ['F'] });
      const result = await service().exportOpml();
      if (!result.ok) throw new Error(result.message);
      expect(result.value.fileName).toBe('rounds-subscriptions-2026-11-25.opml');
      expect(result.value.text).toContain('<title>Rounds subscriptions</title>');
      expect(result.value.text).toContain(
        '<dateCreated>Wed, 25 Nov 2026 09:30:00 GMT</dateCreated>',
      );
      expect(result.value.text).toContain('xmlUrl="https://a.example/rss"');
    });

    it('leaves out "My papers", which is no subscription another reader could follow', async () => {
      await follow({ url: 'https://a.example/rss', title: 'A' });
      await store.saveFeed(myPapersFeedRecord(NOW.toISOString()));
      const result = await service().exportOpml();
      if (!result.ok) throw new Error(result.message);
      expect(result.value.text).toContain('xmlUrl="https://a.example/rss"');
      expect(result.value.text).not.toContain(MY_PAPERS_URL);
      expect(result.value.text).not.toContain('My papers');
    });

    it('round-trips: importing the export into an empty library loses nothing', async () => {
      await follow({
        url: 'https://a.example/rss?x=1&y=2',
        title: 'Tom & Jerry’s <Cardiology> "Digest"',
        siteUrl: 'https://a.example/?a=1&b=2',
        folder: ['Cardiology & Vascular', 'Heart failure'],
        tags: ['trials', 'Herzinsuffizienz', '心臓'],
        refreshIntervalMinutes: 180,
      });
      await follow({
        url: 'https://b.example/feed',
        title: 'Pädiatrie — Übersicht',
        folder: ['Cardiology & Vascular'],
      });
      await follow({ url: 'https://c.example/atom', title: 'Top level', tags: ['x'] });
      await follow({
        url: 'https://d.example/rss',
        title: 'Second deep',
        folder: ['Cardiology & Vascular', 'Heart failure'],
      });
      const exported = await service().exportOpml();
      if (!exported.ok) throw new Error(exported.message);

      const otherDir = await mkdtemp(join(tmpdir(), 'rounds-sources-other-'));
      const other = await LowdbLibraryStore.open(otherDir);
      try {
        const imported = await service({ store: other }).importOpml({ text: exported.value.text });
        expect(imported).toEqual({
          ok: true,
          value: { added: 4, alreadySubscribed: 0, skipped: [] },
        });
        const described = (feeds: StoredFeed[]) =>
          feeds
            .map(({ title, url, siteUrl, folder, tags, refreshIntervalMinutes }) => ({
              title,
              url,
              siteUrl,
              folder,
              tags,
              refreshIntervalMinutes,
            }))
            .sort((a, b) => a.url.localeCompare(b.url));
        expect(described(other.listFeeds())).toEqual(described(store.listFeeds()));
      } finally {
        await other.close();
        await rm(otherDir, { recursive: true, force: true });
      }
    });
  });

  describe('catalogue', () => {
    it('lists the catalogue and marks what the library already follows', async () => {
      await follow({ url: 'https://HEART.example:443/rss', title: 'Heart' });
      const result = await service().catalogue();
      if (!result.ok) throw new Error(result.message);
      expect(result.value.map((entry) => [entry.title, entry.specialty, entry.subscribed])).toEqual(
        [
          ['Circulation', 'Cardiology', false],
          ['Heart', 'Cardiology', true],
        ],
      );
      expect(store.listFeeds()).toHaveLength(1);
    });

    it('answers with a clear message when the bundled catalogue is missing', async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const result = await service({ catalogueFile: null }).catalogue();
        expect(result).toMatchObject({ ok: false, code: 'internal' });
        expect(result.ok ? '' : result.message).toMatch(/add feeds by their address/);
        expect(error).toHaveBeenCalledOnce();
      } finally {
        error.mockRestore();
      }
    });
  });
});

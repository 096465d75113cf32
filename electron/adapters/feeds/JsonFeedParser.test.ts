import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../services/feeds/ports';
import { JsonFeedParser } from './JsonFeedParser';
import { parseFeedOrThrow } from './testing/parseFeedOrThrow';

const FEED_URL = 'https://evidence.example/feed.json';

// Shaped like the JSON Feed 1.1 a Micro.blog or a static-site blog publishes.
const JSON_FEED_1_1 = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Evidence   Notes',
  home_page_url: '/',
  feed_url: 'https://evidence.example/feed.json',
  authors: [{ name: 'Dr Kim Lee', url: 'https://evidence.example/about' }],
  items: [
    {
      id: 'https://evidence.example/2024/01/05/sglt2.html',
      url: '/2024/01/05/sglt2.html',
      title: 'SGLT2 inhibitors: what the new trial adds',
      content_html:
        '<p>A careful read of <a href="https://doi.org/10.1056/NEJMoa2312345">the trial</a>.</p><script>x()</script>',
      summary: 'A careful read of the trial.',
      date_published: '2024-01-05T09:30:00+01:00',
      date_modified: '2024-01-06T10:00:00Z',
      authors: [{ name: 'Dr Kim Lee' }, { name: 'Dr Ana Ruiz' }],
      image: 'https://evidence.example/img/sglt2.png',
      attachments: [{ url: 'https://evidence.example/audio/1.mp3', mime_type: 'audio/mpeg' }],
    },
    {
      id: 42,
      url: 'https://evidence.example/2024/01/06/short',
      content_text: 'Short note without a title.\n\nSecond paragraph & more.',
      date_published: 'not a date',
      date_modified: '2024-01-06T08:00:00Z',
    },
    {
      id: 'link-1',
      external_url: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2399999',
      content_text: 'Worth reading.',
    },
    'not an item',
  ],
};

function parseJson(document: unknown, contentType: string | null = null): Promise<ParsedFeed> {
  return parseFeedOrThrow(JSON.stringify(document), FEED_URL, contentType);
}

describe('JsonFeedParser', () => {
  it('maps JSON Feed 1.1 to the same model as RSS, through the parser every feed goes through', async () => {
    const feed = await parseJson(JSON_FEED_1_1, 'application/feed+json');

    expect(feed.title).toBe('Evidence Notes');
    expect(feed.siteUrl).toBe('https://evidence.example/');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toEqual({
      guid: 'https://evidence.example/2024/01/05/sglt2.html',
      title: 'SGLT2 inhibitors: what the new trial adds',
      link: 'https://evidence.example/2024/01/05/sglt2.html',
      author: 'Dr Kim Lee, Dr Ana Ruiz',
      authors: ['Dr Kim Lee', 'Dr Ana Ruiz'],
      publishedAt: '2024-01-05T08:30:00.000Z',
      excerpt: 'A careful read of the trial.',
      contentHtml:
        '<p>A careful read of <a href="https://doi.org/10.1056/NEJMoa2312345" rel="noopener noreferrer">the trial</a>.</p>',
      journal: null,
      paperIds: { doi: null, pmid: null, arxiv: null },
      relatedDoi: null,
      citations: ['doi:10.1056/nejmoa2312345', 'link:doi.org/10.1056/NEJMoa2312345'],
      media: [
        { url: 'https://evidence.example/img/sglt2.png', type: null, medium: 'image' },
        { url: 'https://evidence.example/audio/1.mp3', type: 'audio/mpeg', medium: 'audio' },
      ],
    });
  });

  it('titles untitled text posts from their first line, falls back to date_modified and the feed’s authors', async () => {
    const [, note, linkPost] = (await parseJson(JSON_FEED_1_1)).items;

    expect(note).toMatchObject({
      guid: '42',
      title: 'Short note without a title.',
      author: 'Dr Kim Lee',
      publishedAt: '2024-01-06T08:00:00.000Z',
      contentHtml: '<p>Short note without a title.</p><p>Second paragraph &amp; more.</p>',
    });
    // A link post is about the article it points at.
    expect(linkPost).toMatchObject({ link: null, title: 'Worth reading.' });
    expect(linkPost?.citations).toContain('doi:10.1056/nejmoa2399999');
  });

  it('reads JSON Feed 1.0’s single author and recognises it by its version alone', async () => {
    const feed = await parseJson({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old style',
      author: { name: 'A. Blogger' },
      items: [{ id: '1', content_html: '<p>Hello</p>', title: '' }],
    });

    expect(feed.items[0]).toMatchObject({ author: 'A. Blogger', title: 'Hello' });
    expect(
      JsonFeedParser.recognises('{"version":"https:\\/\\/jsonfeed.org\\/version\\/1"}', null),
    ).toBe(true);
    expect(JsonFeedParser.recognises('{"items":[]}', 'application/json')).toBe(false);
    expect(JsonFeedParser.recognises('<rss/>', 'application/feed+json')).toBe(false);
  });

  it('calls damaged JSON served as a JSON Feed malformed, and other JSON not a feed', async () => {
    const parser = new JsonFeedParser();
    const damaged = await parser.parse(
      Buffer.from('{"version": "https://jsonfeed.org/version/1.1",'),
      'application/feed+json',
      FEED_URL,
    );
    const other = await parser.parse(
      Buffer.from('{"version": 2, "items": []}'),
      'application/feed+json',
      FEED_URL,
    );

    expect(damaged).toMatchObject({ ok: false, code: 'malformed-feed' });
    expect(other).toMatchObject({ ok: false, code: 'not-a-feed' });
  });

  it('strips invisible controls and undoes HTML escaping in titles, authors and the feed title', async () => {
    const feed = await parseFeedOrThrow(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Safe\u200B Notes\u202E',
        items: [
          {
            id: '1',
            title: 'Safe paper \u202Egpj.exe &amp; caf&eacute;',
            authors: [{ name: 'Dr\u2066 Mallory\u200B' }],
            content_text: 'Read \u202Ethis\u202C now',
          },
        ],
      }),
      FEED_URL,
      'application/feed+json',
    );

    expect(feed.title).toBe('Safe Notes');
    expect(feed.items[0]).toMatchObject({
      title: 'Safe paper gpj.exe & café',
      author: 'Dr Mallory',
      excerpt: 'Read this now',
    });
  });
});

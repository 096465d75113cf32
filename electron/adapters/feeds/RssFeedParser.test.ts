import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../services/feeds/ports';
import { RssFeedParser } from './RssFeedParser';
import { parseFeedOrThrow } from './testing/parseFeedOrThrow';

const FEED_URL = 'https://journal.example/feeds/cardiology.xml';
const parser = new RssFeedParser();

function parseFeed(
  xml: string | Uint8Array,
  contentType: string | null = null,
): Promise<ParsedFeed> {
  return parseFeedOrThrow(xml, FEED_URL, contentType);
}

async function notAFeed(body: string | Uint8Array): Promise<string> {
  const result = await parser.parse(
    typeof body === 'string' ? Buffer.from(body) : body,
    'text/html',
    FEED_URL,
  );
  if (result.ok) throw new Error('expected not-a-feed');
  expect(result.code).toBe('not-a-feed');
  return result.message;
}

const RSS_2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Cardiology &amp; Vascular Medicine</title>
    <link>/cardiology</link>
    <item>
      <title>SGLT2 inhibitors in heart failure</title>
      <link>/articles/sglt2</link>
      <guid isPermaLink="false">tag:journal.example,2024:1</guid>
      <dc:creator>Jane Doe</dc:creator>
      <pubDate>Tue, 02 Jan 2024 10:00:00 +0100</pubDate>
      <description>&lt;p&gt;A &lt;b&gt;short&lt;/b&gt; summary.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Full text with a <a href="figures/1">figure</a>.</p><img src="/img/1.png" alt="Figure">]]></content:encoded>
    </item>
    <item>
      <description>No title here.
Second line of the post.</description>
      <guid>https://journal.example/posts/2</guid>
      <author>editor@journal.example (The Editor)</author>
      <pubDate>not a date</pubDate>
    </item>
  </channel>
</rss>`;

describe('RssFeedParser', () => {
  it('maps RSS 2.0: titles, resolved links, author, UTC date, excerpt and sanitised content', async () => {
    const feed = await parseFeed(RSS_2, 'application/rss+xml');

    expect(feed.title).toBe('Cardiology & Vascular Medicine');
    expect(feed.siteUrl).toBe('https://journal.example/cardiology');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      guid: 'tag:journal.example,2024:1',
      title: 'SGLT2 inhibitors in heart failure',
      link: 'https://journal.example/articles/sglt2',
      author: 'Jane Doe',
      publishedAt: '2024-01-02T09:00:00.000Z',
      excerpt: 'A short summary.',
      contentHtml:
        '<p>Full text with a <a href="https://journal.example/articles/figures/1" rel="noopener noreferrer">figure</a>.</p>' +
        '<img src="https://journal.example/img/1.png" alt="Figure" />',
      authors: ['Jane Doe'],
      journal: null,
      paperIds: { doi: null, pmid: null, arxiv: null },
      relatedDoi: null,
      citations: [],
      media: [],
    });
  });

  it('gives an untitled item the first line of its text and uses a permalink guid as its link', async () => {
    const [, untitled] = (await parseFeed(RSS_2)).items;

    expect(untitled?.title).toBe('No title here.');
    expect(untitled?.link).toBe('https://journal.example/posts/2');
    expect(untitled?.author).toBe('The Editor');
    expect(untitled?.publishedAt).toBeNull();
  });

  it('shortens a derived title to about 120 characters and an excerpt to 280', async () => {
    const long = 'Randomised trial '.repeat(40);
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>T</title><item><description>${long}</description></item></channel></rss>`,
    );

    const item = feed.items[0];
    expect(item?.title.length).toBeLessThanOrEqual(120);
    expect(item?.title.startsWith('Randomised trial Randomised')).toBe(true);
    expect(item?.excerpt.length).toBeLessThanOrEqual(280);
    expect(item?.excerpt.endsWith('…')).toBe(true);
  });

  it('keeps a description written as unescaped XHTML as markup', async () => {
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>T</title><item><guid>x</guid><description><p>Raw XHTML summary</p><ul><li>Point</li></ul></description></item></channel></rss>`,
    );

    expect(feed.items[0]?.contentHtml).toBe('<p>Raw XHTML summary</p><ul><li>Point</li></ul>');
    expect(feed.items[0]?.excerpt).toBe('Raw XHTML summary Point');
  });

  it('maps Atom, honouring text, html and xhtml content types', async () => {
    const feed = await parseFeed(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Evidence &amp;amp; Practice</title>
  <link rel="self" href="https://journal.example/atom.xml"/>
  <link rel="alternate" href="https://journal.example/"/>
  <entry>
    <id>urn:uuid:1</id>
    <title type="html">&lt;i&gt;In vitro&lt;/i&gt; results</title>
    <link rel="alternate" href="https://journal.example/a/1"/>
    <author><name>A. Author</name></author>
    <published>2024-03-10T08:00:00-05:00</published>
    <updated>2024-03-11T08:00:00Z</updated>
    <summary type="text">Dose &lt; 5 mg was safe.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full <em>xhtml</em> body</p></div></content>
  </entry>
  <entry>
    <id>urn:uuid:2</id>
    <title>Plain &lt;b&gt; title</title>
    <updated>garbage</updated>
    <content>Line one &lt;script&gt;

Line two</content>
  </entry>
</feed>`);

    expect(feed.title).toBe('Evidence & Practice');
    expect(feed.siteUrl).toBe('https://journal.example/');
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      guid: 'urn:uuid:1',
      title: 'In vitro results',
      link: 'https://journal.example/a/1',
      author: 'A. Author',
      publishedAt: '2024-03-10T13:00:00.000Z',
      excerpt: 'Dose < 5 mg was safe.',
    });
    expect(first?.contentHtml).toContain('<p>Full <em>xhtml</em> body</p>');
    // Atom text is text: markup-looking characters are shown, never interpreted.
    expect(second?.title).toBe('Plain <b> title');
    expect(second?.publishedAt).toBeNull();
    expect(second?.contentHtml).toBe('<p>Line one &lt;script&gt;</p><p>Line two</p>');
  });

  it('maps RSS 1.0 (RDF) with Dublin Core dates', async () => {
    const feed = await parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://journal.example/rdf"><title>RDF Journal</title><link>https://journal.example/</link></channel>
  <item rdf:about="https://journal.example/rdf/1">
    <title>First RDF item</title>
    <link>https://journal.example/rdf/1</link>
    <dc:date>2024-05-01T12:00:00+02:00</dc:date>
    <dc:creator>R. Writer</dc:creator>
    <description>RDF summary</description>
  </item>
</rdf:RDF>`);

    expect(feed.title).toBe('RDF Journal');
    expect(feed.items).toEqual([
      {
        guid: 'https://journal.example/rdf/1',
        title: 'First RDF item',
        link: 'https://journal.example/rdf/1',
        author: 'R. Writer',
        publishedAt: '2024-05-01T10:00:00.000Z',
        excerpt: 'RDF summary',
        contentHtml: 'RDF summary',
        authors: ['R. Writer'],
        journal: null,
        paperIds: { doi: null, pmid: null, arxiv: null },
        relatedDoi: null,
        citations: [],
        media: [],
      },
    ]);
  });

  it('decodes windows-1252 and ISO-8859-1 feeds before parsing', async () => {
    const latin = (xml: string): Uint8Array => Uint8Array.from(Buffer.from(xml, 'latin1'));
    const declared = latin(
      '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf\xe9 \x93Journal\x94 \x80</title></channel></rss>',
    );
    const fromHttpOnly = latin(
      '<rss version="2.0"><channel><title>M\xe9decine g\xe9n\xe9rale</title></channel></rss>',
    );

    expect((await parseFeed(declared, 'text/xml; charset=utf-8')).title).toBe('Café “Journal” €');
    expect((await parseFeed(fromHttpOnly, 'application/rss+xml; charset=ISO-8859-1')).title).toBe(
      'Médecine générale',
    );
  });

  it('decodes UTF-8 with a byte order mark and UTF-16', async () => {
    const xml =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Zürich ✓</title></channel></rss>';
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(xml)]);
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...Buffer.from(xml.replace('?>', ' encoding="UTF-16"?>'), 'utf16le'),
    ]);

    expect((await parseFeed(withBom)).title).toBe('Zürich ✓');
    expect((await parseFeed(utf16)).title).toBe('Zürich ✓');
  });

  it('repairs bare ampersands and HTML entity names but leaves CDATA alone', async () => {
    const feed =
      await parseFeed(`<rss version="2.0"><channel><title>Q&A: statins & you&nbsp;today</title>
      <item><title><![CDATA[Tom & Jerry &amp; friends]]></title><link>https://journal.example/x?a=1&b=2</link></item>
    </channel></rss>`);

    expect(feed.title).toBe('Q&A: statins & you today');
    expect(feed.items[0]?.title).toBe('Tom & Jerry & friends');
    expect(feed.items[0]?.link).toBe('https://journal.example/x?a=1&b=2');
  });

  it('refuses entity declarations, external or internal, without expanding them', async () => {
    const result = await parser.parse(
      Buffer.from(`<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY lol "lollollollollollollollollollol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<rss version="2.0"><channel><title>&xxe;</title>
  <item><title>&lol2;</title><description>&xxe;</description></item>
</channel></rss>`),
      'application/rss+xml',
      FEED_URL,
    );

    const serialised = JSON.stringify(result);
    expect(serialised).not.toContain('root:');
    expect(serialised).not.toContain('lollol');
    expect(result).toMatchObject({ ok: false, code: 'unsafe-xml' });
  });

  it('removes scripts, event handlers and javascript: links from item content', async () => {
    const feed = await parseFeed(`<rss version="2.0"><channel><title>T</title><item><title>X</title>
      <link>javascript:alert(1)</link>
      <description><![CDATA[<p onclick="steal()">Hi<script>steal()</script></p><img src="x.png" onerror="steal()"><a href="javascript:steal()">link</a>]]></description>
    </item></channel></rss>`);

    const item = feed.items[0];
    expect(item?.link).toBeNull();
    expect(item?.contentHtml).toBe(
      '<p>Hi</p><img src="https://journal.example/feeds/x.png" /><a rel="noopener noreferrer">link</a>',
    );
    expect(item?.excerpt).toBe('Hi link');
  });

  it('does not mistake a guid that is only an id for an address', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>T</title><item><title>X</title><guid isPermaLink="false">12345</guid></item></channel></rss>',
    );

    expect(feed.items[0]).toMatchObject({ guid: '12345', link: null });
  });

  it('gives items without guid or link a stable identity', async () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><title>Only a title</title></item></channel></rss>';

    const first = (await parseFeed(xml)).items[0]?.guid;
    const second = (await parseFeed(xml)).items[0]?.guid;

    expect(first).toMatch(/^content:[0-9a-f]{32}$/);
    expect(second).toBe(first);
  });

  it('falls back to the host name when the feed has no title', async () => {
    expect(
      (await parseFeed('<rss version="2.0"><channel><title> </title></channel></rss>')).title,
    ).toBe('journal.example');
  });

  it('recognises a web page, JSON, an empty body and other XML as not a feed', async () => {
    expect(
      await notAFeed(
        '<!DOCTYPE html><html><head><title>Journal</title></head><body>Hi</body></html>',
      ),
    ).toMatch(/is a web page with no feed link/);
    expect(await notAFeed('\n<html lang="en"><body></body></html>')).toMatch(
      /is a web page with no feed link/,
    );
    expect(await notAFeed('{"version":"1","items":[]}')).toMatch(/JSON/);
    expect(await notAFeed(new Uint8Array(0))).toMatch(/empty/);
    expect(
      await notAFeed('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    ).toMatch(/<svg>/);
  });

  it('calls a feed whose XML is broken beyond repair malformed', async () => {
    const broken = await parser.parse(
      Buffer.from('<rss version="2.0"><channel><title>Broken</channel></rss>'),
      null,
      FEED_URL,
    );

    expect(broken).toMatchObject({ ok: false, code: 'malformed-feed' });
    expect(broken.ok ? '' : broken.message).toMatch(/damaged/);
  });
});

describe('RssFeedParser dates under different machine time zones', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTimeZone;
  });

  it('gives the same UTC dates in New York and in Kolkata, zone-less dates included', async () => {
    const xml = `<rss version="2.0"><channel><title>T</title>
      <item><guid>a</guid><pubDate>Sun, 10 Mar 2024 08:00:00</pubDate></item>
      <item><guid>b</guid><pubDate>Sun, 10 Mar 2024 08:00:00 EST</pubDate></item>
    </channel></rss>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><id>c</id><title>c</title><published>2024-03-10T08:00:00</published></entry></feed>`;

    const datesIn = async (timeZone: string): Promise<(string | null)[]> => {
      // Node re-reads TZ when it is assigned, so local-time arithmetic would show up here.
      process.env.TZ = timeZone;
      expect(new Date(2024, 2, 10).getTimezoneOffset()).toBe(
        timeZone === 'America/New_York' ? 300 : -330,
      );
      const items = [...(await parseFeed(xml)).items, ...(await parseFeed(atom)).items];
      return items.map((item) => item.publishedAt);
    };

    const expected = [
      '2024-03-10T08:00:00.000Z',
      '2024-03-10T13:00:00.000Z',
      '2024-03-10T08:00:00.000Z',
    ];
    expect(await datesIn('America/New_York')).toEqual(expected);
    expect(await datesIn('Asia/Kolkata')).toEqual(expected);
  });
});

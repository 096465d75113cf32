import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../services/feeds/ports';
import { RssFeedParser } from './RssFeedParser';
import { parseFeedOrThrow } from './testing/parseFeedOrThrow';

const parser = new RssFeedParser();

function parseFeed(xml: string, url: string): Promise<ParsedFeed> {
  return parseFeedOrThrow(xml, url, 'application/xml');
}

// Shaped like nature.com's RSS 1.0 feeds: PRISM and Dublin Core metadata per item.
const NATURE_RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"
  xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="http://feeds.nature.com/nm/rss/current"><title>Nature Medicine</title><link>https://www.nature.com/nm/current_issue</link></channel>
  <item rdf:about="https://www.nature.com/articles/s41591-024-02800-1">
    <title><![CDATA[Semaglutide &amp; kidney outcomes in type 2 diabetes]]></title>
    <link>https://www.nature.com/articles/s41591-024-02800-1</link>
    <content:encoded><![CDATA[<p>Nature Medicine, Published online: 05 January 2024; <a href="https://www.nature.com/articles/s41591-024-02800-1">doi:10.1038/s41591-024-02800-1</a></p>Kidney outcomes improved.]]></content:encoded>
    <dc:title><![CDATA[Semaglutide &amp; kidney outcomes in type 2 diabetes]]></dc:title>
    <dc:creator>Vlado Perkovic</dc:creator>
    <dc:creator>Katherine R. Tuttle</dc:creator>
    <dc:creator>Peter Rossing</dc:creator>
    <dc:creator>Kenneth W. Mahaffey</dc:creator>
    <dc:identifier>doi:10.1038/s41591-024-02800-1</dc:identifier>
    <dc:source>Nature Medicine, Published online: 2024-01-05</dc:source>
    <dc:date>2024-01-05</dc:date>
    <prism:publicationName>Nature Medicine</prism:publicationName>
    <prism:doi>10.1038/s41591-024-02800-1</prism:doi>
    <prism:url>https://www.nature.com/articles/s41591-024-02800-1</prism:url>
  </item>
</rdf:RDF>`;

// Shaped like a PubMed saved-search RSS feed.
const PUBMED_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
<channel><title>sglt2 heart failure - PubMed</title><link>https://pubmed.ncbi.nlm.nih.gov/rss/search/1abc/?limit=15</link>
<item>
  <title>Dapagliflozin in heart failure with preserved ejection fraction</title>
  <link>https://pubmed.ncbi.nlm.nih.gov/38234567/?utm_source=Feedly&amp;utm_medium=rss&amp;ff=20240106</link>
  <description>&lt;p&gt;N Engl J Med. 2024 Jan 4;390(1):1-12. doi: 10.1056/NEJMoa2312345.&lt;/p&gt;&lt;p&gt;&lt;b&gt;BACKGROUND:&lt;/b&gt; Trial text.&lt;/p&gt;&lt;p&gt;PMID:&lt;a href="https://pubmed.ncbi.nlm.nih.gov/38234567/"&gt;38234567&lt;/a&gt; | DOI:&lt;a href="https://doi.org/10.1056/NEJMoa2312345"&gt;10.1056/NEJMoa2312345&lt;/a&gt;&lt;/p&gt;</description>
  <dc:creator>Solomon SD</dc:creator>
  <dc:creator>McMurray JJV</dc:creator>
  <dc:date>2024-01-06</dc:date>
  <dc:source>N Engl J Med</dc:source>
  <dc:identifier>pmid:38234567</dc:identifier>
  <dc:identifier>doi:10.1056/NEJMoa2312345</dc:identifier>
  <guid isPermaLink="false">pubmed:38234567</guid>
</item>
</channel></rss>`;

// Shaped like arXiv's RSS since 2024, including the published version's DOI.
const ARXIV_RSS = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
<channel><title>q-bio.QM updates on arXiv.org</title><link>http://rss.arxiv.org/rss/q-bio.QM</link>
<item>
  <title>Deep learning for ECG triage</title>
  <link>https://arxiv.org/abs/2401.01234</link>
  <description>arXiv:2401.01234v2 Announce Type: replace Abstract: We train a model.</description>
  <guid isPermaLink="false">oai:arXiv.org:2401.01234v2</guid>
  <pubDate>Mon, 08 Jan 2024 00:00:00 -0500</pubDate>
  <arxiv:announce_type>replace</arxiv:announce_type>
  <dc:creator>Alice Smith, Bob Jones</dc:creator>
  <arxiv:journal_reference>Eur Heart J 2024</arxiv:journal_reference>
  <arxiv:DOI>https://doi.org/10.1093/eurheartj/ehad999</arxiv:DOI>
</item>
</channel></rss>`;

// Shaped like medRxiv's subject feeds, with the note the site shows once a preprint is published.
const MEDRXIV_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>medRxiv Cardiovascular Medicine</title><link>https://www.medrxiv.org</link>
<item>
  <title>Dapagliflozin in HFpEF: a pragmatic trial</title>
  <link>http://medrxiv.org/cgi/content/short/2023.06.01.23290812v2?rss=1</link>
  <description>Background: a preprint. Now published in The New England Journal of Medicine doi: 10.1056/NEJMoa2312345</description>
  <dc:identifier>doi:10.1101/2023.06.01.23290812</dc:identifier>
  <dc:date>2023-06-03</dc:date>
  <dc:publisher>Cold Spring Harbor Laboratory Press</dc:publisher>
</item>
</channel></rss>`;

// Shaped like a Mastodon profile feed: no titles, HTML with hidden link parts and a picture.
const MASTODON_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Dr Kim Lee</title><description>Public posts from @drkim@med.social</description><link>https://med.social/@drkim</link>
<item>
  <guid isPermaLink="true">https://med.social/@drkim/111700000000000001</guid>
  <link>https://med.social/@drkim/111700000000000001</link>
  <pubDate>Sat, 06 Jan 2024 18:15:00 +0000</pubDate>
  <description>&lt;p&gt;&lt;span class="h-card" translate="no"&gt;&lt;a href="https://med.social/@cardiojo" class="u-url mention"&gt;@&lt;span&gt;cardiojo&lt;/span&gt;&lt;/a&gt;&lt;/span&gt; Big HFpEF result, worth a journal club: &lt;a href="https://doi.org/10.1056/NEJMoa2312345" target="_blank" rel="nofollow noopener noreferrer" translate="no"&gt;&lt;span class="invisible"&gt;https://&lt;/span&gt;&lt;span class="ellipsis"&gt;doi.org/10.1056/NEJMoa23&lt;/span&gt;&lt;span class="invisible"&gt;12345&lt;/span&gt;&lt;/a&gt; &lt;a href="https://med.social/tags/cardiology" class="mention hashtag" rel="tag"&gt;#&lt;span&gt;cardiology&lt;/span&gt;&lt;/a&gt;&lt;/p&gt;</description>
  <media:content url="https://files.med.social/media/1/original.png" type="image/png" fileSize="12345" medium="image">
    <media:rating scheme="urn:simple">nonadult</media:rating>
    <media:description type="plain">A forest plot</media:description>
  </media:content>
</item>
</channel></rss>`;

describe('RssFeedParser, journal metadata', () => {
  it('reads a Nature RSS 1.0 item: DOI, every creator, the journal, dc:date and content:encoded', async () => {
    const [item] = (await parseFeed(NATURE_RDF, 'http://feeds.nature.com/nm/rss/current')).items;

    expect(item).toMatchObject({
      title: 'Semaglutide & kidney outcomes in type 2 diabetes',
      authors: ['Vlado Perkovic', 'Katherine R. Tuttle', 'Peter Rossing', 'Kenneth W. Mahaffey'],
      author: 'Vlado Perkovic, Katherine R. Tuttle, Peter Rossing et al.',
      journal: 'Nature Medicine',
      paperIds: { doi: '10.1038/s41591-024-02800-1', pmid: null, arxiv: null },
      publishedAt: '2024-01-05T00:00:00.000Z',
      citations: [],
    });
    expect(item?.contentHtml).toContain('Kidney outcomes improved.');
  });

  it('reads a PubMed item: PMID and DOI, the journal from dc:source', async () => {
    const [item] = (await parseFeed(PUBMED_RSS, 'https://pubmed.ncbi.nlm.nih.gov/rss/search/1abc/'))
      .items;

    expect(item).toMatchObject({
      guid: 'pubmed:38234567',
      authors: ['Solomon SD', 'McMurray JJV'],
      journal: 'N Engl J Med',
      paperIds: { doi: '10.1056/nejmoa2312345', pmid: '38234567', arxiv: null },
      relatedDoi: null,
    });
  });

  it('links a preprint to its published version when arXiv or medRxiv name it', async () => {
    const [arxiv] = (await parseFeed(ARXIV_RSS, 'http://rss.arxiv.org/rss/q-bio.QM')).items;
    const [medrxiv] = (await parseFeed(MEDRXIV_RSS, 'https://connect.medrxiv.org/cardio.xml'))
      .items;

    expect(arxiv).toMatchObject({
      paperIds: { doi: null, pmid: null, arxiv: '2401.01234' },
      relatedDoi: '10.1093/eurheartj/ehad999',
      authors: ['Alice Smith', 'Bob Jones'],
    });
    expect(medrxiv).toMatchObject({
      paperIds: { doi: '10.1101/2023.06.01.23290812', pmid: null, arxiv: null },
      relatedDoi: '10.1056/nejmoa2312345',
    });
  });

  it('reads Atom: several authors, xml:base at feed and entry level, xhtml content, rel="related"', async () => {
    const feed = await parseFeed(
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://journal.example/cardio/">
  <title>Cardio Letters</title>
  <link rel="alternate" href="./"/>
  <entry xml:base="issues/12/">
    <id>tag:journal.example,2024:letters/1</id>
    <title>Letter on &amp;lt;5 mg dosing</title>
    <link rel="alternate" href="letter-1.html"/>
    <link rel="related" href="https://doi.org/10.1056/NEJMoa2312345"/>
    <author><name>A. Author</name></author>
    <author><name>B. Author</name><email>b@journal.example</email></author>
    <updated>2024-02-01T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="../../figures/f1.png">figure 1</a> and <em>the trial</em>.</p></div></content>
  </entry>
</feed>`,
      'https://feeds.journal.example/atom.xml',
    );

    expect(feed.siteUrl).toBe('https://journal.example/cardio/');
    const [entry] = feed.items;
    expect(entry).toMatchObject({
      title: 'Letter on <5 mg dosing',
      link: 'https://journal.example/cardio/issues/12/letter-1.html',
      authors: ['A. Author', 'B. Author'],
      author: 'A. Author, B. Author',
    });
    expect(entry?.contentHtml).toBe(
      '<p>See <a href="https://journal.example/cardio/figures/f1.png" rel="noopener noreferrer">figure 1</a> and <em>the trial</em>.</p>',
    );
  });
});

describe('RssFeedParser, text decoded exactly once', () => {
  it('reads a title escaped once too often as its text, and decodes HTML entities and CDATA', async () => {
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>Q&amp;A &ndash; weekly</title>
        <item><title>Less &amp;lt; more: &lt;i&gt;in vitro&lt;/i&gt; caf&eacute;</title><description>Dose &amp;lt;b&amp;gt; &amp;amp;lt;</description></item>
        <item><title><![CDATA[Tom &amp; Jerry & <i>friends</i>]]></title></item>
      </channel></rss>`,
      'https://journal.example/rss',
    );

    expect(feed.title).toBe('Q&A – weekly');
    const [first, second] = feed.items;
    expect(first?.title).toBe('Less < more: in vitro café');
    // The description is HTML: "&lt;b&gt;" in it is the text "<b>", and "&amp;lt;" is "&lt;".
    expect(first?.excerpt).toBe('Dose <b> &lt;');
    expect(second?.title).toBe('Tom & Jerry & friends');
  });
});

describe('RssFeedParser, colleagues’ posts', () => {
  it('titles a Mastodon post from its text without the reply handle or hidden link parts', async () => {
    const [post] = (await parseFeed(MASTODON_RSS, 'https://med.social/@drkim.rss')).items;

    expect(post?.title).toBe(
      'Big HFpEF result, worth a journal club: doi.org/10.1056/NEJMoa23… #cardiology',
    );
    expect(post?.excerpt).toBe(
      '@cardiojo Big HFpEF result, worth a journal club: doi.org/10.1056/NEJMoa23… #cardiology',
    );
    expect(post?.paperIds).toEqual({ doi: null, pmid: null, arxiv: null });
    // Hashtag and mention links stay on the instance: navigation, not citations.
    expect(post?.citations).toEqual([
      'doi:10.1056/nejmoa2312345',
      'link:doi.org/10.1056/NEJMoa2312345',
    ]);
    expect(post?.media).toEqual([
      { url: 'https://files.med.social/media/1/original.png', type: 'image/png', medium: 'image' },
    ]);
  });

  it('titles a Bluesky post from its first line of plain text', async () => {
    const [post] = (
      await parseFeed(
        `<rss version="2.0"><channel><title>@drkim.bsky.social - Kim</title><link>https://bsky.app/profile/drkim.bsky.social</link>
        <item><link>https://bsky.app/profile/drkim.bsky.social/post/3kabc</link><description>New guideline out today
pubmed.ncbi.nlm.nih.gov/38000001</description><pubDate>06 Jan 2024 18:15 +0000</pubDate><guid isPermaLink="false">at://did:plc:x/app.bsky.feed.post/3kabc</guid></item>
        </channel></rss>`,
        'https://bsky.app/profile/did:plc:x/rss',
      )
    ).items;

    expect(post?.title).toBe('New guideline out today');
    expect(post?.citations).toContain('pmid:38000001');
  });
});

describe('RssFeedParser, feed discovery', () => {
  it('answers a web page with the feeds it links to', async () => {
    const result = await parser.parse(
      Buffer.from(
        '<!doctype html><html><head><base href="https://blog.example/"><link rel="alternate" type="application/rss+xml" title="Comments" href="comments.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>',
      ),
      'text/html',
      'https://blog.example/posts/1',
    );

    expect(result).toEqual({
      ok: false,
      code: 'not-a-feed',
      message: 'This is a web page; its feed is at https://blog.example/atom.xml.',
      discoveredFeeds: ['https://blog.example/atom.xml', 'https://blog.example/comments.xml'],
    });
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../services/feeds/ports';
import { parseFeedOrThrow } from './testing/parseFeedOrThrow';

/** Reads a fixture from ./fixtures through the parser every feed goes through. */
async function parseFixture(name: string, url: string): Promise<ParsedFeed> {
  const bytes = await readFile(new URL(`./fixtures/${name}`, import.meta.url));
  return parseFeedOrThrow(bytes, url, 'application/xml');
}

describe('RssFeedParser, paper identity written where journals put it', () => {
  it('takes the DOI of a JAMA-style citation line as the paper’s own', async () => {
    const feed = await parseFixture(
      'jama-doi-after-citation.xml',
      'https://jamanetwork.com/rss/site_3/67.xml',
    );

    expect(feed.items.map((item) => [item.paperIds.doi, item.citations])).toEqual([
      ['10.1001/jama.2026.0123', []],
      ['10.1001/jama.2026.0456', []],
    ]);
  });

  it('takes an Atom entry’s DOI from its only rel="related" doi.org link', async () => {
    const [entry] = (
      await parseFixture('atom-doi-in-related-link.xml', 'https://heartjournal.example/atom')
    ).items;

    expect(entry).toMatchObject({
      paperIds: { doi: '10.1093/eurheartj/ehag5521', pmid: null, arxiv: null },
      relatedDoi: null,
      citations: [],
    });
  });

  it('takes an Atom entry’s DOI from its id, however the id spells it', async () => {
    const feed = await parseFixture('atom-doi-in-id.xml', 'https://letters.example/atom');

    expect(feed.items.map((entry) => entry.paperIds.doi)).toEqual([
      '10.5555/letters.2026.001',
      '10.5555/letters.2026.002',
      '10.5555/letters.2026.003',
    ]);
  });
});

describe('RssFeedParser, authors however a feed lists them', () => {
  it('splits one dc:creator holding a Lancet-style list, and keeps "Surname, Given" whole', async () => {
    const feed = await parseFixture('lancet-creator-lists.xml', 'https://www.thelancet.com/rss');

    expect(feed.items.map((item) => item.authors)).toEqual([
      ['Smith J', 'Jones A', 'Brown K'],
      ['Maria Garcia', 'Wei Chen', 'Ama Mensah'],
      ['Okafor C', 'Lindqvist P', 'Tanaka H'],
      ['Horton, Richard'],
    ]);
    expect(feed.items[0]?.author).toBe('Smith J, Jones A, Brown K');
  });

  it('reads authors named only in the description, and leaves them out of the excerpt', async () => {
    const feed = await parseFixture('authors-in-description.xml', 'https://research.example/rss');

    expect(feed.items.map(({ authors, excerpt }) => ({ authors, excerpt }))).toEqual([
      {
        authors: ['Anna Berg', 'Tomas Novak', 'Lea Weiss'],
        excerpt: 'Fibroblasts switch state within days of an infarction.',
      },
      { authors: ['Ravi Patel', 'Sun Li'], excerpt: 'Macrophages shape the scar.' },
    ]);
  });

  it('names the profile as the author of a Mastodon or Bluesky post', async () => {
    const mastodon = await parseFixture(
      'mastodon-profile.rss',
      'https://mastodon.social/@drkim.rss',
    );
    const untitled = await parseFixture(
      'mastodon-profile-untitled.rss',
      'https://med.social/@cardiojo.rss',
    );
    const bluesky = await parseFixture(
      'bluesky-profile.rss',
      'https://bsky.app/profile/did:plc:x/rss',
    );

    expect(mastodon.items[0]).toMatchObject({ author: 'Dr Kim Lee', authors: ['Dr Kim Lee'] });
    expect(untitled.items[0]).toMatchObject({ author: '@cardiojo', authors: ['@cardiojo'] });
    expect(bluesky.items[0]).toMatchObject({ author: 'Kim Lee', authors: ['Kim Lee'] });
  });
});

describe('RssFeedParser, titles escaped twice by the publisher', () => {
  it('reads &amp;eacute; as é, &amp;amp; as & and &amp;lt; as <, keeping markup as text', async () => {
    const feed = await parseFixture('double-escaped-titles.xml', 'https://revue.example/rss');

    expect(feed.title).toBe('Revue Médicale & Soins');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Café au lait spots & neurofibromatosis',
      'Dose <5 mg vs >10 mg',
      '<script>alert(1)</script> in a title',
      'Naïve T cells & CDATA',
      'Plain & simple < once escaped',
    ]);
  });

  it('does the same for Atom titles of type html and text', async () => {
    const feed = await parseFixture('atom-double-escaped-title.xml', 'https://revue.example/atom');

    expect(feed.title).toBe('Revue Médicale');
    expect(feed.items.map((item) => item.title)).toEqual(['Café & thé', 'Café as text']);
  });
});

describe('RssFeedParser, invisible controls', () => {
  it('strips bidirectional overrides and zero-width characters from titles, authors and the feed title', async () => {
    const feed = await parseFixture('invisible-controls.xml', 'https://bidi.example/rss');

    expect(feed.title).toBe('Safe Journal');
    expect(feed.items[0]).toMatchObject({
      title: 'Safe paper gpj.exe',
      author: 'Dr Mallory',
      authors: ['Dr Mallory'],
      excerpt: 'Read this now',
    });
    // A joiner between pictographs builds one emoji and is kept.
    expect(feed.items[1]?.title).toBe('Family: 👨\u200D👩\u200D👧 stays joined');
  });
});

describe('RssFeedParser, entities and CDATA', () => {
  it('decodes XML, numeric and HTML named entities once, repairs bare "&" and leaves CDATA as written', async () => {
    const feed = await parseFixture('entities-and-cdata.xml', 'https://qa.example/rss');

    expect(feed.title).toBe('Q&A – Ask the Editors');
    expect(feed.siteUrl).toBe('https://qa.example/?a=1&b=2');
    expect(feed.items.map(({ title, link, excerpt }) => ({ title, link, excerpt }))).toEqual([
      {
        title: 'Naïve café study éé & R&D',
        link: 'https://qa.example/item?id=1&ref=rss',
        excerpt: 'Tom & Jerry & <friends> ]]> keep é',
      },
      {
        title: 'Unknown &bogus; entity and &copy',
        link: null,
        excerpt: 'AT&T — 5 mg ≤ 10 mg',
      },
    ]);
  });
});

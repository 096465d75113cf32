import { describe, expect, it } from 'vitest';
import { PREPRINT_LABEL } from '@shared/domain/share/summary';
import { buildClubAtomFeed, clubFeedEntryId } from './buildClubAtomFeed';
import {
  SAMPLE_DOI,
  SAMPLE_FEED_ID,
  SAMPLE_FEED_META,
  sampleFeedEntry,
} from './testing/sampleClubFeed';

const FEED_ID = SAMPLE_FEED_ID;
const DOI = SAMPLE_DOI;

const meta = SAMPLE_FEED_META;
const entry = sampleFeedEntry;

/** The text of every `<entry>` element, in document order. */
function entriesOf(xml: string): string[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1] ?? '');
}

/** The escaped HTML of an entry's content, unescaped once (as an XML parser would). */
function contentHtmlOf(entryXml: string): string {
  const escaped = /<content type="html">([\s\S]*?)<\/content>/.exec(entryXml)?.[1] ?? '';
  return escaped
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');
}

describe('buildClubAtomFeed', () => {
  it('writes an Atom 1.0 document with the feed’s id, title, date and Rounds as generator', () => {
    const xml = buildClubAtomFeed(meta, [entry()]);

    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`<id>${FEED_ID}</id>`);
    expect(xml).toContain('<title type="text">Ward 7 Journal Club</title>');
    expect(xml).toContain('<updated>2026-03-10T09:00:00.000Z</updated>');
    expect(xml).toContain('<generator>Rounds</generator>');
    // Without a base address the feed cannot know where it will live.
    expect(xml).not.toContain('rel="self"');
  });

  it('writes each entry with a stable id, title, author, dates and the summary as HTML paragraphs', () => {
    const [written] = entriesOf(buildClubAtomFeed(meta, [entry()]));

    expect(written).toContain('<id>urn:uuid:5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21</id>');
    expect(written).toContain('<title type="text">DELIVER-2 in five minutes</title>');
    expect(written).toContain('<author><name>Dr Ada Okafor</name></author>');
    expect(written).toContain('<published>2026-03-09T18:00:00.000Z</published>');
    expect(written).toContain('<updated>2026-03-09T18:30:00.000Z</updated>');
    const html = contentHtmlOf(written ?? '');
    expect(html).toContain(
      '<p>Dapagliflozin cut worsening heart failure.</p><p>No effect on mortality.</p>',
    );
    expect(html).toContain(
      `<p>Paper: <a href="https://doi.org/${DOI}">Dapagliflozin in Heart Failure with Preserved Ejection Fraction</a>. Solomon SD, McMurray JJV. N Engl J Med 2026.</p>`,
    );
  });

  it('gives the same summary the same entry id every time, whatever its draft id looks like', () => {
    expect(clubFeedEntryId(FEED_ID, '5D0C2A8E-41F7-4B1A-8F5E-0C9A7D3E6B21')).toBe(
      'urn:uuid:5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21',
    );
    const tag = clubFeedEntryId(FEED_ID, 'draft 7/a');
    expect(tag).toBe(clubFeedEntryId(FEED_ID, 'draft 7/a'));
    expect(tag).toMatch(/^tag:[a-z.]+,\d{4}:/);
    expect(tag).not.toMatch(/\s/);
    expect(tag).not.toBe(
      clubFeedEntryId('urn:uuid:11111111-2222-4333-8444-555555555555', 'draft 7/a'),
    );
  });

  it('names the paper by its DOI as a related link, never as the entry’s own address', () => {
    const [written] = entriesOf(buildClubAtomFeed(meta, [entry()]));

    expect(written).toContain(`<link rel="related" href="info:doi/${DOI}"`);
    // The entry's own address is the club's feed, so no reader takes the summary for the paper.
    expect(written).toMatch(/<link rel="alternate" href="feed\.xml#summary-5d0c2a8e[^"]*"\/>/);
    expect(written).not.toMatch(/<link rel="alternate" href="https:\/\/doi\.org/);
  });

  it('escapes <, & and quotes in titles, names and text, once in the XML and once more inside the HTML', () => {
    const xml = buildClubAtomFeed({ ...meta, title: 'Cardio & "Friends"' }, [
      entry({
        title: 'eGFR <30 & "frail" patients',
        author: "Dr O'Neil",
        summary: 'Risk <5% & "modest" benefit.',
      }),
    ]);

    expect(xml).toContain('<title type="text">Cardio &amp; &quot;Friends&quot;</title>');
    const [written] = entriesOf(xml);
    expect(written).toContain(
      '<title type="text">eGFR &lt;30 &amp; &quot;frail&quot; patients</title>',
    );
    expect(written).toContain('<name>Dr O&apos;Neil</name>');
    // The HTML says "&lt;5%", and the XML escapes that HTML's "&" and "<" in turn.
    expect(written).toContain(
      '&lt;p&gt;Risk &amp;lt;5% &amp;amp; &amp;quot;modest&amp;quot; benefit.&lt;/p&gt;',
    );
    expect(contentHtmlOf(written ?? '')).toContain(
      '<p>Risk &lt;5% &amp; &quot;modest&quot; benefit.</p>',
    );
  });

  it('removes characters XML forbids, and keeps emoji and accented letters', () => {
    const xml = buildClubAtomFeed(meta, [
      entry({
        title: 'Bad\u0000 \u0008byte\uFFFE title \uD800 🫀 café',
        summary: 'Form\u000Cfeed and \u001Fcontrol.',
        author: 'Dr\u0007 Lee',
      }),
    ]);

    expect(xml).toContain('<title type="text">Bad byte title  🫀 café</title>');
    expect(xml).toContain('<name>Dr Lee</name>');
    expect(xml).toContain('&lt;p&gt;Formfeed and control.&lt;/p&gt;');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('lists the newest summary first, whatever order it is given in', () => {
    const xml = buildClubAtomFeed(meta, [
      entry({ id: 'a', title: 'Oldest', published: '2026-01-01T00:00:00.000Z' }),
      entry({ id: 'c', title: 'Newest', published: '2026-03-01T00:00:00.000Z' }),
      entry({ id: 'b', title: 'Middle', published: '2026-02-01T00:00:00.000Z' }),
    ]);

    expect(
      entriesOf(xml).map((written) => /<title type="text">([^<]*)</.exec(written)?.[1]),
    ).toEqual(['Newest', 'Middle', 'Oldest']);
  });

  it('dates the feed by its latest change, even when a summary changed after the feed’s date', () => {
    const xml = buildClubAtomFeed(meta, [entry({ updated: '2026-03-11T07:00:00.000Z' })]);

    expect(xml.split('<entry>')[0]).toContain('<updated>2026-03-11T07:00:00.000Z</updated>');
  });

  it('links the image relative to the feed, with its size, type and alt text', () => {
    const [written] = entriesOf(
      buildClubAtomFeed(meta, [
        entry({
          image: {
            fileName: 'abc 1.png',
            bytes: 48_213,
            altText: 'Card: HR 0.82 & "fewer" events',
          },
        }),
      ]),
    );

    expect(written).toContain(
      '<link rel="enclosure" type="image/png" length="48213" href="abc%201.png"/>',
    );
    expect(written).toContain(
      '<media:content url="abc%201.png" type="image/png" medium="image" fileSize="48213">',
    );
    expect(contentHtmlOf(written ?? '')).toContain(
      '<img src="abc%201.png" alt="Card: HR 0.82 &amp; &quot;fewer&quot; events" />',
    );
  });

  it('makes every link absolute when the feed’s address is known, and links the feed to itself', () => {
    const xml = buildClubAtomFeed({ ...meta, baseUrl: 'https://club.example.org/ward7' }, [
      entry({ image: { fileName: 'abc.png', bytes: 10, altText: 'Card' } }),
    ]);

    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://club.example.org/ward7/feed.xml"/>',
    );
    const [written] = entriesOf(xml);
    expect(written).toContain('href="https://club.example.org/ward7/abc.png"');
    expect(contentHtmlOf(written ?? '')).toContain(
      '<img src="https://club.example.org/ward7/abc.png"',
    );
    expect(written).toContain(
      '<link rel="alternate" href="https://club.example.org/ward7/feed.xml#summary-5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21"/>',
    );
  });

  it('accepts the feed’s own address as its base', () => {
    const xml = buildClubAtomFeed(
      { ...meta, baseUrl: 'https://club.example.org/ward7/feed.xml' },
      [],
    );

    expect(xml).toContain('href="https://club.example.org/ward7/feed.xml"/>');
  });

  it('refuses a base address that is not a web address', () => {
    expect(() => buildClubAtomFeed({ ...meta, baseUrl: 'ftp://club.example.org/' }, [])).toThrow(
      /web address/,
    );
  });

  it('labels a preprint above everything else in the summary', () => {
    const [written] = entriesOf(
      buildClubAtomFeed(meta, [
        entry({
          paper: {
            ...entry().paper,
            journal: null,
            doi: '10.1101/2026.01.05.26300001',
            url: 'https://doi.org/10.1101/2026.01.05.26300001',
            preprint: 'medRxiv',
          },
        }),
      ]),
    );

    const html = contentHtmlOf(written ?? '');
    expect(html.startsWith(`<p><strong>${PREPRINT_LABEL}</strong></p>`)).toBe(true);
    expect(html).toContain('Solomon SD, McMurray JJV. medRxiv 2026.</p>');
  });

  it('carries no preprint label for a peer-reviewed paper', () => {
    const xml = buildClubAtomFeed(meta, [entry()]);

    expect(xml).not.toContain(PREPRINT_LABEL);
  });

  it('cites a paper without a DOI by its address, and one without either by its title only', () => {
    const [pubmed, bare] = entriesOf(
      buildClubAtomFeed(meta, [
        entry({
          id: 'b',
          published: '2026-03-09T00:00:00.000Z',
          paper: { ...entry().paper, doi: null, url: 'https://pubmed.ncbi.nlm.nih.gov/38234567/' },
        }),
        entry({
          id: 'a',
          published: '2026-03-08T00:00:00.000Z',
          paper: { ...entry().paper, doi: null, url: null, authors: [] },
        }),
      ]),
    );

    expect(pubmed).toContain(
      '<link rel="related" href="https://pubmed.ncbi.nlm.nih.gov/38234567/"',
    );
    expect(contentHtmlOf(pubmed ?? '')).toContain(
      '<a href="https://pubmed.ncbi.nlm.nih.gov/38234567/">',
    );
    expect(bare).not.toContain('rel="related"');
    expect(contentHtmlOf(bare ?? '')).toContain(
      '<p>Paper: Dapagliflozin in Heart Failure with Preserved Ejection Fraction. N Engl J Med 2026.</p>',
    );
  });

  it('names at most three of the paper’s authors', () => {
    const [written] = entriesOf(
      buildClubAtomFeed(meta, [
        entry({ paper: { ...entry().paper, authors: ['A A', 'B B', 'C C', 'D D'] } }),
      ]),
    );

    expect(contentHtmlOf(written ?? '')).toContain('. A A, B B, C C et al. N Engl J Med 2026.');
  });
});

// The club feed is written by pure code in shared/ and read back here by the parser every
// subscribed feed goes through, which shared/ may not import: what colleagues' Rounds will make of
// each entry is decided by that parser, so that is where it is checked.
import { describe, expect, it } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { buildClubAtomFeed } from '@shared/domain/share/clubFeed/buildClubAtomFeed';
import { PREPRINT_LABEL, type ClubFeedEntry } from '@shared/domain/share/summary';
import {
  SAMPLE_DOI,
  SAMPLE_FEED_META,
  sampleFeedEntry,
} from '@shared/domain/share/clubFeed/testing/sampleClubFeed';
import { parseFeedOrThrow } from '../../feeds/testing/parseFeedOrThrow';

const DOI = SAMPLE_DOI;
const FEED_URL = 'http://127.0.0.1:8080/club/feed.xml';

const meta = SAMPLE_FEED_META;

/** An entry whose title needs escaping, with its visual abstract. */
function entry(fields: Partial<ClubFeedEntry> = {}): ClubFeedEntry {
  return sampleFeedEntry({
    title: 'DELIVER-2: <5 minutes & "no" jargon',
    image: {
      fileName: '5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21.png',
      bytes: 48_213,
      altText: 'Visual abstract: HR 0.82',
    },
    ...fields,
  });
}

describe('the club feed as Rounds reads it back', () => {
  it('is well-formed XML for a strict parser, forbidden characters and all', async () => {
    const xml = buildClubAtomFeed(meta, [
      entry({ title: 'Bad\u0000 byte\uFFFF & <tag>', summary: 'Text \u001B with \uDC00 junk' }),
    ]);

    await expect(parseStringPromise(xml, { strict: true })).resolves.toBeDefined();
  });

  it('is a colleague’s discussion of the paper: no identity of its own, citing the paper’s DOI', async () => {
    const feed = await parseFeedOrThrow(buildClubAtomFeed(meta, [entry()]), FEED_URL);

    expect(feed.title).toBe('Ward 7 Journal Club');
    const [item] = feed.items;
    expect(item).toMatchObject({
      guid: 'urn:uuid:5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21',
      title: 'DELIVER-2: <5 minutes & "no" jargon',
      author: 'Dr Ada Okafor',
      publishedAt: '2026-03-09T18:00:00.000Z',
      // Not the paper itself: a paper's copy would carry the DOI here and be merged with it.
      paperIds: { doi: null, pmid: null, arxiv: null },
      relatedDoi: null,
      link: 'http://127.0.0.1:8080/club/feed.xml#summary-5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21',
    });
    // What makes the library attach it to the paper with that DOI.
    expect(item?.citations).toContain(`doi:${DOI}`);
  });

  it('carries the summary’s text, the image and the paper’s link to the reader', async () => {
    const [item] = (await parseFeedOrThrow(buildClubAtomFeed(meta, [entry()]), FEED_URL)).items;

    expect(item?.excerpt).toContain(
      'Dapagliflozin in Heart Failure with Preserved Ejection Fraction',
    );
    expect(item?.contentHtml).toContain('<p>Dapagliflozin cut worsening heart failure.</p>');
    expect(item?.contentHtml).toContain('<p>No effect on mortality.</p>');
    expect(item?.contentHtml).toContain(`<a href="https://doi.org/${DOI}"`);
    expect(item?.contentHtml).toContain(
      '<img src="http://127.0.0.1:8080/club/5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21.png" alt="Visual abstract: HR 0.82"',
    );
    expect(item?.media).toEqual([
      {
        url: 'http://127.0.0.1:8080/club/5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21.png',
        type: 'image/png',
        medium: 'image',
      },
    ]);
  });

  it('stays a discussion when the summary itself opens and closes with a journal’s citation line', async () => {
    const citationLine = `N Engl J Med. 2026;394(2):101-112. doi:${DOI}`;
    const [item] = (
      await parseFeedOrThrow(
        buildClubAtomFeed(meta, [
          entry({ summary: `${citationLine}\n\nShort take.\n\n${citationLine}` }),
        ]),
        FEED_URL,
      )
    ).items;

    expect(item?.paperIds).toEqual({ doi: null, pmid: null, arxiv: null });
    expect(item?.citations).toContain(`doi:${DOI}`);
  });

  it('keeps the preprint label in what the reader shows', async () => {
    const [item] = (
      await parseFeedOrThrow(
        buildClubAtomFeed(meta, [
          entry({
            paper: {
              ...entry().paper,
              doi: '10.1101/2026.01.05.26300001',
              url: 'https://doi.org/10.1101/2026.01.05.26300001',
              journal: null,
              preprint: 'medRxiv',
            },
          }),
        ]),
        FEED_URL,
      )
    ).items;

    expect(item?.excerpt.startsWith(PREPRINT_LABEL)).toBe(true);
    expect(item?.citations).toContain('doi:10.1101/2026.01.05.26300001');
    expect(item?.paperIds.doi).toBeNull();
  });

  it('resolves every link against the base address when one is set', async () => {
    const [item] = (
      await parseFeedOrThrow(
        buildClubAtomFeed({ ...meta, baseUrl: 'https://club.example.org/ward7/' }, [entry()]),
        // Fetched from elsewhere (a mirror): the absolute links still point at the base.
        'https://mirror.example.net/any/feed.xml',
      )
    ).items;

    expect(item?.media[0]?.url).toBe(
      'https://club.example.org/ward7/5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21.png',
    );
    expect(item?.link).toBe(
      'https://club.example.org/ward7/feed.xml#summary-5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21',
    );
    expect(item?.citations).toContain(`doi:${DOI}`);
  });
});

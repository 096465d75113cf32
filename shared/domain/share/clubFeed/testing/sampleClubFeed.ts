// Test support only: one club feed and one summary entry for the feed's tests (the builder, the
// round trip through Rounds' own parser, the folder publisher), each changing what it examines.
import type { ClubFeedEntry, ClubFeedMeta } from '../../summary';

export const SAMPLE_FEED_ID = 'urn:uuid:0b8f4a52-6a1e-4c36-9d7e-2f1f7c3a9b10';
export const SAMPLE_DOI = '10.1056/nejmoa2312345';

export const SAMPLE_FEED_META: ClubFeedMeta = {
  id: SAMPLE_FEED_ID,
  title: 'Ward 7 Journal Club',
  baseUrl: null,
  updated: '2026-03-10T09:00:00.000Z',
};

/** A summary of a journal paper with a DOI, without an image, with `fields` changed. */
export function sampleFeedEntry(fields: Partial<ClubFeedEntry> = {}): ClubFeedEntry {
  return {
    id: '5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21',
    title: 'DELIVER-2 in five minutes',
    summary: 'Dapagliflozin cut worsening heart failure.\n\nNo effect on mortality.',
    paper: {
      itemId: 'item-1',
      title: 'Dapagliflozin in Heart Failure with Preserved Ejection Fraction',
      authors: ['Solomon SD', 'McMurray JJV'],
      journal: 'N Engl J Med',
      year: 2026,
      doi: SAMPLE_DOI,
      url: `https://doi.org/${SAMPLE_DOI}`,
      preprint: null,
    },
    published: '2026-03-09T18:00:00.000Z',
    updated: '2026-03-09T18:30:00.000Z',
    author: 'Dr Ada Okafor',
    image: null,
    ...fields,
  };
}

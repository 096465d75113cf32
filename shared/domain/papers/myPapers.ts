import type { FeedRecord } from '../library/libraryDocuments';
import { newFeedRecord } from '../library/newFeedRecord';

/**
 * "My papers": the one source Rounds keeps itself, holding the papers a user brought from
 * elsewhere (a reference manager's file, a DOI, a PDF). It is stored as a feed record so that
 * lists, counts, marks and "a paper once" treat its papers like any other, but it is never
 * fetched: its address is not a web address and its record says `kind: 'local'`.
 */
export const MY_PAPERS_FEED_ID = 'local:my-papers';
export const MY_PAPERS_URL = 'rounds:my-papers';
export const MY_PAPERS_TITLE = 'My papers';

/** True for a source Rounds keeps itself, which no refresh may fetch. */
export function isLocalSource(feed: Pick<FeedRecord, 'kind'>): boolean {
  return feed.kind === 'local';
}

/** The record of "My papers", created by the first import. */
export function myPapersFeedRecord(addedAt: string): FeedRecord {
  return newFeedRecord({
    id: MY_PAPERS_FEED_ID,
    url: MY_PAPERS_URL,
    title: MY_PAPERS_TITLE,
    addedAt,
    kind: 'local',
  });
}

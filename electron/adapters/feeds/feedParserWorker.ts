// Entry point of the feed parsing worker thread (built to out/main/feedParserWorker.js). It reads
// one feed at a time with RssFeedParser and hands the items over in batches, each only when the
// backend asks for it, so the backend's thread never takes in one huge result at once.
import type { ParsedItem } from '../../services/feeds/ports';
import { type AnswerWorkerJob, serveWorkerJobs } from '../workers/serveWorkerJobs';
import type { WorkerJobMessage } from '../workers/workerJobProtocol';
import { RssFeedParser } from './RssFeedParser';
import {
  type FeedParserRequest,
  ITEMS_PER_MESSAGE,
  type ParseAnswer,
  type ParseRequest,
} from './feedParserProtocol';

const parser = new RssFeedParser();
/** Items of the current feed not handed over yet. */
let pending: { id: number; items: ParsedItem[]; next: number } | null = null;

serveWorkerJobs<FeedParserRequest, ParseAnswer>('feedParserWorker', (message, answer) =>
  message.kind === 'more' ? sendMoreItems(message.id, answer) : parse(message, answer),
);

async function parse(
  { id, body, contentType, url }: WorkerJobMessage<ParseRequest>,
  answer: AnswerWorkerJob<ParseAnswer>,
): Promise<void> {
  pending = null;
  const result = await parser.parse(body, contentType, url);
  if (!result.ok) {
    const { code, message, discoveredFeeds } = result;
    answer({ kind: 'failed', code, message, ...(discoveredFeeds && { discoveredFeeds }) });
    return;
  }
  const { items, ...feed } = result.feed;
  pending = { id, items, next: ITEMS_PER_MESSAGE };
  const last = items.length <= ITEMS_PER_MESSAGE;
  answer({ kind: 'parsed', feed, items: items.slice(0, ITEMS_PER_MESSAGE), last });
  if (last) pending = null;
}

function sendMoreItems(id: number, answer: AnswerWorkerJob<ParseAnswer>): void {
  if (pending?.id !== id) return;
  const { items, next } = pending;
  const last = next + ITEMS_PER_MESSAGE >= items.length;
  answer({ kind: 'items', items: items.slice(next, next + ITEMS_PER_MESSAGE), last });
  pending = last ? null : { id, items, next: next + ITEMS_PER_MESSAGE };
}

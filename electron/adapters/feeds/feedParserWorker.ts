// Entry point of the feed parsing worker thread (built to out/main/feedParserWorker.js). It reads
// one feed at a time with RssFeedParser and hands the items over in batches, each only when the
// backend asks for it, so the backend's thread never takes in one huge result at once.
import { parentPort } from 'node:worker_threads';
import type { ParsedItem } from '../../services/feeds/ports';
import { RssFeedParser } from './RssFeedParser';
import {
  ITEMS_PER_MESSAGE,
  type MoreItemsRequest,
  type ParseReply,
  type ParseRequest,
} from './feedParserProtocol';

const port = parentPort;
if (!port) throw new Error('feedParserWorker must run in a worker thread.');

const parser = new RssFeedParser();
/** Items of the current feed not handed over yet. */
let pending: { id: number; items: ParsedItem[]; next: number } | null = null;

port.on('message', (message: ParseRequest | MoreItemsRequest) => {
  if ('kind' in message) sendMoreItems(message.id);
  else void parse(message);
});

function send(reply: ParseReply): void {
  port?.postMessage(reply);
}

send({ kind: 'ready' });

async function parse({ id, body, contentType, url }: ParseRequest): Promise<void> {
  pending = null;
  try {
    const result = await parser.parse(body, contentType, url);
    if (!result.ok) {
      const { code, message, discoveredFeeds } = result;
      send({ id, kind: 'failed', code, message, ...(discoveredFeeds && { discoveredFeeds }) });
      return;
    }
    const { items, ...feed } = result.feed;
    pending = { id, items, next: ITEMS_PER_MESSAGE };
    const last = items.length <= ITEMS_PER_MESSAGE;
    send({ id, kind: 'parsed', feed, items: items.slice(0, ITEMS_PER_MESSAGE), last });
    if (last) pending = null;
  } catch (error) {
    send({ id, kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
  }
}

function sendMoreItems(id: number): void {
  if (pending?.id !== id) return;
  const { items, next } = pending;
  const last = next + ITEMS_PER_MESSAGE >= items.length;
  send({ id, kind: 'items', items: items.slice(next, next + ITEMS_PER_MESSAGE), last });
  pending = last ? null : { id, items, next: next + ITEMS_PER_MESSAGE };
}

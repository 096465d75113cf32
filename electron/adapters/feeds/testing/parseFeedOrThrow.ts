import type { ParsedFeed } from '../../../services/feeds/ports';
import { RssFeedParser } from '../RssFeedParser';

const parser = new RssFeedParser();

/**
 * Reads a document through the parser every feed goes through (RSS, Atom, RDF and JSON Feed alike)
 * and fails the test with the parser's own message when it is not read as a feed.
 */
export async function parseFeedOrThrow(
  body: string | Uint8Array,
  url: string,
  contentType: string | null = null,
): Promise<ParsedFeed> {
  const result = await parser.parse(
    typeof body === 'string' ? Buffer.from(body) : body,
    contentType,
    url,
  );
  if (!result.ok) throw new Error(`expected a feed, got: ${result.message}`);
  return result.feed;
}

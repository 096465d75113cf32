import { STATUS_CODES } from 'node:http';

// What the adapters that fetch from the network (feeds, Crossref) say about an answer or a
// failure, in the same words.

/** "404 Not Found"; HTTP/2 responses carry no reason phrase, so Node's table fills it in. */
export function describeStatus(response: Response): string {
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  return reason ? `${response.status} ${reason}` : String(response.status);
}

/** "1 second", "2.5 seconds". */
export function seconds(ms: number): string {
  const value = Math.round(ms / 100) / 10;
  return value === 1 ? '1 second' : `${value} seconds`;
}

/** Lets the connection go back to the pool (or close) without reading a body nobody needs. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is being thrown away: a failure to cancel it changes nothing for the caller.
  }
}

/** The system error code (ENOTFOUND, ECONNREFUSED…) fetch wraps in `cause`, a few levels deep. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

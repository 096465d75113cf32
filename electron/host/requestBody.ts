// Reading a request body under a size limit, and refusing one that is too large in a way the
// client can still read: a server that closes while the client is uploading makes the client fail
// with a broken pipe before it ever sees the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What reading a body came to. */
export type RequestBody =
  { kind: 'complete'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Past this much, an oversized upload is no longer read to let its client see the refusal: the
 * connection is cut instead. Generous, because everything read is thrown away at once.
 */
export const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/**
 * Reads the body as UTF-8 text. Answers `too-large` without reading anything when the declared
 * length is over `limitBytes`, and as soon as a streamed body passes it; the rest of the body is
 * then left paused for `endAfterDiscardingBody`.
 */
export function readBodyWithin(request: IncomingMessage, limitBytes: number): Promise<RequestBody> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      stopListening();
      request.pause();
      chunks.length = 0;
      resolve({ kind: 'too-large' });
    };
    const onEnd = () => {
      stopListening();
      resolve({ kind: 'complete', text: Buffer.concat(chunks).toString('utf8') });
    };
    // The client went away: there is no one left to answer.
    const onAborted = () => {
      stopListening();
      resolve({ kind: 'aborted' });
    };
    const stopListening = () => {
      request.off('data', onData).off('end', onEnd).off('error', onAborted);
    };
    request.on('data', onData).on('end', onEnd).on('error', onAborted);
  });
}

/**
 * Ends an answer already written in full (`Connection: close`) once the client has finished
 * sending the body nobody will use: read and thrown away, up to `MAX_DISCARDED_BYTES`.
 */
export function endAfterDiscardingBody(request: IncomingMessage, response: ServerResponse): void {
  const end = () => {
    if (!response.writableEnded) response.end();
  };
  if (request.complete) return end();
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) end();
  });
  request.once('end', end);
  // A client that gives up mid-upload closes the request with an error: nothing is left to answer.
  request.once('error', end);
  request.once('close', end);
  request.resume();
}

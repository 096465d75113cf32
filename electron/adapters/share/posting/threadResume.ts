import {
  describeRefusedServer,
  describeThreadFailure,
  postingPlatformName,
  type PostedPost,
  type PostingFailureReason,
  type PostingPlatform,
  type ThreadPostRequest,
  type ThreadPostResult,
} from '@shared/domain/share/posting/threadPosting';

/** Where a thread continues, or the failure to report when the earlier try's record is unusable. */
export type ResumePoint =
  { ok: true; posted: PostedPost[]; next: number } | { ok: false; result: ThreadPostResult };

/**
 * Reads `alreadyPosted`: the posts out from an earlier try must be the thread's first ones, each
 * once, each with what the platform needs to reply to it. Anything else would chain the rest of
 * the thread to the wrong post, so it is refused rather than guessed at.
 */
export function firstPostToSend(
  request: ThreadPostRequest,
  platform: PostingPlatform,
  canReplyTo: (post: PostedPost) => boolean,
): ResumePoint {
  const posted = [...request.alreadyPosted].sort((a, b) => a.index - b.index);
  const usable = posted.every(
    (post, position) =>
      post.index === position && position < request.posts.length && canReplyTo(post),
  );
  if (usable) return { ok: true, posted, next: posted.length };
  let contiguous = 0;
  while (contiguous < posted.length && posted[contiguous]?.index === contiguous) contiguous += 1;
  return {
    ok: false,
    result: {
      ok: false,
      posted: request.alreadyPosted,
      failedIndex: contiguous,
      reason: 'rejected',
      message: `Rounds cannot tell which ${postingPlatformName(platform)} posts of this thread are already out, so it did not post the rest. Delete the posts that went out, then post the thread again.`,
    },
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
export function pngDimensions(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 24 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunkType = String.fromCharCode(...png.subarray(12, 16));
  if (chunkType !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * The two ways a thread stops before its next post, as results that list every post out so far
 * (`posted` is read when the failure happens, so posts sent since are counted): a request that
 * failed, and a server address refused before anything was sent.
 */
export function threadStops(platform: PostingPlatform, total: number, posted: PostedPost[]) {
  const stopped = (reason: PostingFailureReason, message: string): ThreadPostResult => ({
    ok: false,
    posted,
    failedIndex: posted.length,
    reason,
    message,
  });
  return {
    failed: (reason: PostingFailureReason, detail: string): ThreadPostResult =>
      stopped(
        reason,
        describeThreadFailure({ platform, total, postedCount: posted.length, reason, detail }),
      ),
    serverRefused: (problem: string): ThreadPostResult =>
      stopped('credentials', describeRefusedServer(problem, platform, total, posted.length)),
  };
}

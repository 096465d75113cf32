// Which frames may call the backend: the top frame of one of our windows, showing our own
// renderer. Kept free of `electron` so the rule can be unit-tested; main supplies the window test.

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True when `frameUrl` is our renderer: for a file, the very same file (query and hash ignored);
 * for the dev server, the same origin (its client-side routes may change the path).
 */
export function isRendererUrl(frameUrl: string, rendererUrl: string): boolean {
  let frame: URL;
  let renderer: URL;
  try {
    frame = new URL(frameUrl);
    renderer = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (renderer.protocol === 'file:') {
    return (
      frame.protocol === 'file:' &&
      frame.host === renderer.host &&
      frame.pathname === renderer.pathname
    );
  }
  return frame.origin === renderer.origin;
}

/** What the check needs to know about the running app. */
export interface SenderPolicyOptions<F extends SenderFrame> {
  /** `file://…/out/renderer/index.html`, or the dev server URL in development. */
  rendererUrl: string;
  /** True when the frame is the main frame of a window this app created. */
  isOwnWindowFrame(frame: F): boolean;
}

/** Builds the predicate `registerContract` runs before handling any call. */
export function createSenderPolicy<F extends SenderFrame>(
  options: SenderPolicyOptions<F>,
): (frame: F) => boolean {
  return (frame) =>
    frame.parent === null &&
    options.isOwnWindowFrame(frame) &&
    isRendererUrl(frame.url, options.rendererUrl);
}

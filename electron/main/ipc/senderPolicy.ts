// Which frames may call the backend: the top frame of one of our windows, showing our own
// renderer. Kept free of `electron` so the rule can be unit-tested; main supplies the window test.

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True when `frameUrl` is a page of our renderer: same scheme and host as `rendererUrl` (any path,
 * since client-side routes may change it). That is app://rounds/ in a build and the dev server's
 * origin in development. A file:// page never is: any file on the disk shares that "origin".
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
  // Compared part by part: WHATWG URL gives custom schemes such as app: the opaque origin "null",
  // which would make every app:// host equal.
  return (
    frame.protocol !== 'file:' &&
    frame.protocol === renderer.protocol &&
    frame.host !== '' &&
    frame.host.toLowerCase() === renderer.host.toLowerCase()
  );
}

/** What the check needs to know about the running app. */
export interface SenderPolicyOptions<F extends SenderFrame> {
  /** `app://rounds/index.html`, or the dev server URL in development. */
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

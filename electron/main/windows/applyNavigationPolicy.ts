import type { WebContents } from 'electron';
import { isAllowedExternalUrl } from './isAllowedExternalUrl';

/**
 * Keeps every web contents on our renderer: navigation and new windows are refused, and http(s)
 * links the user follows open in the system browser instead. `openExternal` is `shell.openExternal`.
 */
export function applyNavigationPolicy(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  const openInBrowser = (url: string) => {
    if (!isAllowedExternalUrl(url)) return;
    openExternal(url).catch((error: unknown) =>
      console.error(`[rounds] could not open ${url}`, error),
    );
  };
  // Our own app:// pages included: the renderer routes by hash, so a real navigation could only
  // come from content, and would throw away what the user was typing.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openInBrowser(event.url);
  });
  // Subframes too (a sanitiser slip could let one through): refused without opening anything.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

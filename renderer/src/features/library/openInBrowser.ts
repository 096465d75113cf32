import { isDisplayableHref } from './isDisplayableHref';

/**
 * Opens an item's web page outside the app. In Electron the window-open handler hands http(s)
 * addresses to the system browser; in a browser it opens a tab. `noopener` keeps the page from
 * reaching back into Rounds.
 */
export function openInBrowser(url: string): void {
  if (!isDisplayableHref(url)) return;
  window.open(url, '_blank', 'noopener,noreferrer');
}

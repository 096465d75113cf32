/**
 * The parts of the window that keyboard shortcuts move the focus to or scroll, found by their
 * roles and names (as a screen reader finds them) rather than by the components' class names.
 */

/** The search field above the item list. */
export function searchField(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('[role="search"] input');
}

/** The item list, when it has items. */
export function itemList(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="listbox"]');
}

/** The reader's scrolling area, when an item is open. */
export function readerScroller(): HTMLElement | null {
  return document.querySelector<HTMLElement>('article[aria-label="Reader"] .reader-scroll');
}

/** How much of the previous page stays in view after paging down, so the eye keeps its place. */
const PAGE_OVERLAP_RATIO = 0.1;

/**
 * Scrolls the reader down by a page, or says it is already at the end (or there is nothing to
 * scroll), which is when Space moves on to the next unread item.
 */
export function pageDownReader(scroller: HTMLElement | null): 'scrolled' | 'at-end' {
  if (scroller === null) return 'at-end';
  const left = scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop;
  // Fractional scroll positions leave a pixel or so at the end.
  if (left <= 1) return 'at-end';
  scroller.scrollTop += Math.min(
    left,
    Math.round(scroller.clientHeight * (1 - PAGE_OVERLAP_RATIO)),
  );
  return 'scrolled';
}

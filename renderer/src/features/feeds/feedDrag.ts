import type { DragEvent } from 'react';

/**
 * The type under which a dragged feed carries its id: the window's own, so a feed is never
 * mistaken for dropped files (which add papers) or for text dragged in from elsewhere.
 */
export const FEED_DRAG_TYPE = 'application/x-rounds-feed';

/** Starts dragging a feed. */
export function startFeedDrag(event: DragEvent, feedId: string): void {
  event.dataTransfer.setData(FEED_DRAG_TYPE, feedId);
  event.dataTransfer.effectAllowed = 'move';
}

/** Whether a drag carries a feed; its id can only be read on drop. */
export function carriesFeed(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(FEED_DRAG_TYPE);
}

/** The id of the feed dropped, or null when the drop is something else. */
export function droppedFeedId(event: DragEvent): string | null {
  const id = event.dataTransfer.getData(FEED_DRAG_TYPE);
  return id === '' ? null : id;
}

/**
 * Handlers that make an element a place to drop a feed: `onEnter(true)` while a feed is held
 * over it (to highlight it), `onDropFeed` with the feed's id when it is let go there.
 */
export function feedDropTarget(
  onOver: (over: boolean) => void,
  onDropFeed: (feedId: string) => void,
) {
  return {
    onDragOver: (event: DragEvent) => {
      if (!carriesFeed(event)) return;
      // Accepting the drop: without this the browser refuses it.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      onOver(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      onOver(false);
    },
    onDrop: (event: DragEvent) => {
      const feedId = droppedFeedId(event);
      onOver(false);
      if (feedId === null) return;
      event.preventDefault();
      event.stopPropagation();
      onDropFeed(feedId);
    },
  };
}

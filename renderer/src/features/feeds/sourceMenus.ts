import type { FeedSummary } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import type { ContextMenuRequest } from '../../ui/ContextMenuOpener';
import type { FeedFolder, FeedTag } from './buildFolderTree';

// The context menus of the sources pane, one list of actions each: the same list becomes the
// system's menu in the desktop app and the window's own in a browser.

/** What a feed's menu can do. */
export interface FeedMenuHandlers {
  /** A refresh is running, so one feed cannot be refreshed on its own right now. */
  refreshing: boolean;
  onRefresh: () => void;
  onMarkAllRead: () => void;
  onOpenSettings: () => void;
  /** Absent where feeds cannot be moved. */
  onMove?: (() => void) | undefined;
  onUnsubscribe: () => void;
}

/** Refresh, Mark all as read, Settings…, Move to folder…, Unsubscribe… */
export function feedMenu(feed: FeedSummary, handlers: FeedMenuHandlers): ContextMenuRequest {
  const markAll = {
    id: 'mark-all-read',
    label: 'Mark all as read',
    enabled: feed.unreadCount > 0,
    run: handlers.onMarkAllRead,
  };
  const label = `Actions for ${stripInvisibleControls(feed.title)}`;
  // "My papers" is kept by Rounds itself: nothing to refresh, set up, move or unsubscribe.
  if (feed.kind === 'local') return { label, actions: [markAll] };
  return {
    label,
    actions: [
      { id: 'refresh', label: 'Refresh', enabled: !handlers.refreshing, run: handlers.onRefresh },
      markAll,
      { id: 'settings', label: 'Settings…', run: handlers.onOpenSettings },
      {
        id: 'move',
        label: 'Move to folder…',
        enabled: handlers.onMove !== undefined,
        run: () => handlers.onMove?.(),
      },
      {
        id: 'unsubscribe',
        label: 'Unsubscribe…',
        separatorBefore: true,
        run: handlers.onUnsubscribe,
      },
    ],
  };
}

/** What a folder's menu can do; rename and delete are absent where folders cannot change. */
export interface FolderMenuHandlers {
  onMarkAllRead: () => void;
  onRename?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
}

/** Mark all as read, Rename…, Delete… */
export function folderMenu(folder: FeedFolder, handlers: FolderMenuHandlers): ContextMenuRequest {
  return {
    label: `Actions for the folder ${stripInvisibleControls(folder.name)}`,
    actions: [
      {
        id: 'mark-all-read',
        label: 'Mark all as read',
        enabled: folder.unreadCount > 0,
        run: handlers.onMarkAllRead,
      },
      {
        id: 'rename',
        label: 'Rename…',
        enabled: handlers.onRename !== undefined,
        run: () => handlers.onRename?.(),
      },
      {
        id: 'delete',
        label: 'Delete…',
        separatorBefore: true,
        enabled: handlers.onDelete !== undefined,
        run: () => handlers.onDelete?.(),
      },
    ],
  };
}

/** Mark all as read: a tag is renamed or removed feed by feed, in each feed's settings. */
export function tagMenu(tag: FeedTag, onMarkAllRead: () => void): ContextMenuRequest {
  return {
    label: `Actions for the tag ${stripInvisibleControls(tag.name)}`,
    actions: [
      {
        id: 'mark-all-read',
        label: 'Mark all as read',
        enabled: tag.unreadCount > 0,
        run: onMarkAllRead,
      },
    ],
  };
}

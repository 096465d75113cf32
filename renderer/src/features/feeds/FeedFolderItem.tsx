import type { FeedSummary } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { useId, useState, type ReactNode } from 'react';
import type { ContextMenuTriggerProps } from '../../ui/ContextMenuOpener';
import type { FeedFolder } from './buildFolderTree';
import { feedDropTarget } from './feedDrag';
import { SourceButton } from './SourceButton';

export interface FeedFolderItemProps {
  folder: FeedFolder;
  isCollapsed: (key: string) => boolean;
  onToggle: (key: string) => void;
  /** Whether this folder is the source the list shows. */
  isSelected: (folder: FeedFolder) => boolean;
  onSelect: (folder: FeedFolder) => void;
  /** The folder's context menu (right click, Shift+F10, the menu key). */
  menuTrigger: (folder: FeedFolder) => ContextMenuTriggerProps;
  /** A feed was dropped on the folder: file it there. */
  onDropFeed: (feedId: string, folder: FeedFolder) => void;
  /** Draws one feed's list item; the pane decides what a feed row looks like. */
  renderFeed: (feed: FeedSummary) => ReactNode;
}

/**
 * A folder of the sources pane. Its name is a source like a feed (selecting it lists the items of
 * every feed in it, with its unread count beside it) and a place to drop a feed; the triangle
 * beside it opens and closes the nested list of its folders and feeds.
 */
export function FeedFolderItem({
  folder,
  isCollapsed,
  onToggle,
  isSelected,
  onSelect,
  menuTrigger,
  onDropFeed,
  renderFeed,
}: FeedFolderItemProps) {
  const contentsId = useId();
  const [dropping, setDropping] = useState(false);
  const collapsed = isCollapsed(folder.key);
  const unread = folder.unreadCount;
  const name = stripInvisibleControls(folder.name);
  return (
    <li className="folder-item">
      <div
        className="folder-row"
        {...feedDropTarget(setDropping, (feedId) => onDropFeed(feedId, folder))}
      >
        <button
          type="button"
          className="folder-toggle"
          aria-expanded={!collapsed}
          aria-controls={contentsId}
          aria-label={`${name} folder contents`}
          onClick={() => onToggle(folder.key)}
        >
          <span className="folder-chevron" aria-hidden="true" />
        </button>
        {/* "folder" is in the name so a folder never shares its name with a feed. */}
        <SourceButton
          label={folder.name}
          kindLabel=" folder"
          count={unread}
          countDescription={`${unread.toLocaleString()} unread`}
          selected={isSelected(folder)}
          dropTarget={dropping}
          buttonProps={menuTrigger(folder)}
          onSelect={() => onSelect(folder)}
        />
      </div>
      <ul id={contentsId} className="folder-contents" hidden={collapsed}>
        {folder.folders.map((child) => (
          <FeedFolderItem
            key={child.key}
            folder={child}
            isCollapsed={isCollapsed}
            onToggle={onToggle}
            isSelected={isSelected}
            onSelect={onSelect}
            menuTrigger={menuTrigger}
            onDropFeed={onDropFeed}
            renderFeed={renderFeed}
          />
        ))}
        {folder.feeds.map(renderFeed)}
      </ul>
    </li>
  );
}

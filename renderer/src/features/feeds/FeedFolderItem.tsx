import type { FeedSummary } from '@shared/contract';
import { useId, type ReactNode } from 'react';
import type { FeedFolder } from './buildFolderTree';
import { FeedText } from '../../ui/FeedText';

export interface FeedFolderItemProps {
  folder: FeedFolder;
  isCollapsed: (key: string) => boolean;
  onToggle: (key: string) => void;
  /** Draws one feed's list item; the pane decides what a feed row looks like. */
  renderFeed: (feed: FeedSummary) => ReactNode;
}

/**
 * A folder of the sources pane as a disclosure: the button opens and closes it and carries the
 * folder's unread total in its description, the nested list holds its folders and feeds.
 */
export function FeedFolderItem({ folder, isCollapsed, onToggle, renderFeed }: FeedFolderItemProps) {
  const descriptionId = useId();
  const contentsId = useId();
  const collapsed = isCollapsed(folder.key);
  const unread = folder.unreadCount;
  return (
    <li className="folder-item">
      <button
        type="button"
        className="source-button folder-button"
        aria-expanded={!collapsed}
        aria-controls={contentsId}
        aria-describedby={descriptionId}
        onClick={() => onToggle(folder.key)}
      >
        <span className="folder-chevron" aria-hidden="true" />
        {/* "folder" is in the name so a folder never shares its name with a feed. */}
        <span className="source-name">
          <FeedText text={folder.name} />
          <span className="visually-hidden"> folder</span>
        </span>
        <span className="source-count" aria-hidden="true">
          {unread > 0 ? unread.toLocaleString() : ''}
        </span>
        <span id={descriptionId} hidden>
          {`${unread.toLocaleString()} unread`}
        </span>
      </button>
      <ul id={contentsId} className="folder-contents" hidden={collapsed}>
        {folder.folders.map((child) => (
          <FeedFolderItem
            key={child.key}
            folder={child}
            isCollapsed={isCollapsed}
            onToggle={onToggle}
            renderFeed={renderFeed}
          />
        ))}
        {folder.feeds.map(renderFeed)}
      </ul>
    </li>
  );
}

import type { FeedSummary, FolderChange, Result } from '@shared/contract';
import { folderPathsOf } from './buildFolderTree';
import { DeleteFolderDialog } from './DeleteFolderDialog';
import { MoveToFolderDialog } from './MoveToFolderDialog';
import { RenameFolderDialog } from './RenameFolderDialog';

/** The dialog the sources pane has open for organising feeds; null when none. */
export type SourceDialog =
  | { kind: 'rename-folder'; folder: string[] }
  | { kind: 'delete-folder'; folder: string[]; feedCount: number }
  | { kind: 'move-feed'; feed: FeedSummary }
  | null;

/** The backend calls that change folders. */
export interface FolderChanges {
  rename: (folder: string[], name: string, merge: boolean) => Promise<Result<FolderChange, string>>;
  remove: (folder: string[]) => Promise<Result<FolderChange, string>>;
}

export interface SourceDialogsProps {
  dialog: SourceDialog;
  feeds: readonly FeedSummary[];
  /** Absent where folders cannot be changed: their dialogs never open. */
  folders: FolderChanges | undefined;
  /** Absent where feeds cannot be moved. */
  onMoveFeed:
    ((feed: FeedSummary, folder: string[]) => Promise<Result<FeedSummary, string>>) | undefined;
  /** A folder was renamed (`from` its old path) or deleted; the change says where it went. */
  onFolderChanged: (from: string[], change: FolderChange) => void;
  onClose: () => void;
}

/** Shows whichever of the sources pane's own dialogs is open. */
export function SourceDialogs({
  dialog,
  feeds,
  folders,
  onMoveFeed,
  onFolderChanged,
  onClose,
}: SourceDialogsProps) {
  switch (dialog?.kind) {
    case 'rename-folder':
      if (!folders) return null;
      return (
        <RenameFolderDialog
          folder={dialog.folder}
          onRename={(name, merge) => folders.rename(dialog.folder, name, merge)}
          onRenamed={(change) => {
            onClose();
            onFolderChanged(dialog.folder, change);
          }}
          onClose={onClose}
        />
      );
    case 'delete-folder':
      if (!folders) return null;
      return (
        <DeleteFolderDialog
          folder={dialog.folder}
          feedCount={dialog.feedCount}
          onDelete={() => folders.remove(dialog.folder)}
          onDeleted={(change) => {
            onClose();
            onFolderChanged(dialog.folder, change);
          }}
          onClose={onClose}
        />
      );
    case 'move-feed':
      if (!onMoveFeed) return null;
      return (
        <MoveToFolderDialog
          feed={dialog.feed}
          folderPaths={folderPathsOf(feeds.filter((feed) => feed.kind !== 'local'))}
          onMove={(folder) => onMoveFeed(dialog.feed, folder)}
          onClose={onClose}
        />
      );
    case undefined:
      return null;
  }
}

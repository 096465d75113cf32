import type { FeedSummary } from '@shared/contract';

/** One folder of the sources pane, with the folders and feeds filed directly inside it. */
export interface FeedFolder {
  name: string;
  /** Names from the outermost folder down to this one. */
  path: readonly string[];
  /** Identifies the folder among all others, for React keys and the remembered collapsed state. */
  key: string;
  folders: FeedFolder[];
  feeds: FeedSummary[];
  /** Unread items of every feed in this folder and the folders inside it. */
  unreadCount: number;
}

/** The whole sources tree: top-level folders first, then the feeds filed in no folder. */
export interface FeedTree {
  folders: FeedFolder[];
  feeds: FeedSummary[];
}

/** The key of a folder path; the separator cannot be typed into a folder name. */
export function folderKeyOf(path: readonly string[]): string {
  return path.join('\u001f');
}

/**
 * Files feeds into nested folders by their `folder` path. Folders are sorted by name; feeds keep
 * the order they come in (the backend lists them by title).
 */
export function buildFolderTree(feeds: readonly FeedSummary[]): FeedTree {
  const root: FeedFolder = { name: '', path: [], key: '', folders: [], feeds: [], unreadCount: 0 };
  const byKey = new Map<string, FeedFolder>([['', root]]);

  const folderAt = (path: readonly string[]): FeedFolder => {
    const key = folderKeyOf(path);
    const known = byKey.get(key);
    if (known) return known;
    const parent = folderAt(path.slice(0, -1));
    const folder: FeedFolder = {
      name: path[path.length - 1] ?? '',
      path,
      key,
      folders: [],
      feeds: [],
      unreadCount: 0,
    };
    parent.folders.push(folder);
    byKey.set(key, folder);
    return folder;
  };

  for (const feed of feeds) {
    const path = feed.folder.map((name) => name.trim()).filter((name) => name !== '');
    folderAt(path).feeds.push(feed);
    // Every folder on the way down counts the feed's unread items.
    for (let depth = 0; depth <= path.length; depth += 1) {
      const folder = byKey.get(folderKeyOf(path.slice(0, depth)));
      if (folder) folder.unreadCount += feed.unreadCount;
    }
  }

  sortFolders(root);
  return { folders: root.folders, feeds: root.feeds };
}

/** Every folder path in use, including the folders that only hold other folders, by name. */
export function folderPathsOf(feeds: readonly FeedSummary[]): string[][] {
  const paths: string[][] = [];
  const visit = (folders: readonly FeedFolder[]) => {
    for (const folder of folders) {
      paths.push([...folder.path]);
      visit(folder.folders);
    }
  };
  visit(buildFolderTree(feeds).folders);
  return paths;
}

function sortFolders(folder: FeedFolder): void {
  folder.folders.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  for (const child of folder.folders) sortFolders(child);
}

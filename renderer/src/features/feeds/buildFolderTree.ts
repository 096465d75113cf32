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

/** One tag of the sources pane: every feed carrying it, whatever the case it was typed in. */
export interface FeedTag {
  /** The first spelling met, in the order feeds come. */
  name: string;
  /** Identifies the tag (its name in lower case): for keys and the library's counts. */
  key: string;
  feeds: FeedSummary[];
  /** Unread items of its feeds. */
  unreadCount: number;
}

/**
 * The library's own unread count of a folder or tag (a paper two of its feeds carry counts once),
 * or undefined until it has answered, when the feeds' counts are added up instead.
 */
export type GroupUnreadCount<G> = (group: G) => number | undefined;

/** The key of a tag: tags differing only in case are one tag. */
export function tagKeyOf(tag: string): string {
  return tag.trim().toLocaleLowerCase();
}

/**
 * Files feeds into nested folders by their `folder` path. Folders are sorted by name; feeds keep
 * the order they come in (the backend lists them by title). A folder's unread count is the
 * library's, from `countOf`, or else the sum of its feeds'.
 */
export function buildFolderTree(
  feeds: readonly FeedSummary[],
  countOf: GroupUnreadCount<FeedFolder> = () => undefined,
): FeedTree {
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
  for (const folder of byKey.values()) {
    if (folder !== root) folder.unreadCount = countOf(folder) ?? folder.unreadCount;
  }
  return { folders: root.folders, feeds: root.feeds };
}

/** Every tag of these feeds, by name, with its feeds and unread count (see buildFolderTree). */
export function buildTagList(
  feeds: readonly FeedSummary[],
  countOf: GroupUnreadCount<FeedTag> = () => undefined,
): FeedTag[] {
  const byKey = new Map<string, FeedTag>();
  for (const feed of feeds) {
    for (const name of feed.tags) {
      const key = tagKeyOf(name);
      if (key === '') continue;
      let tag = byKey.get(key);
      if (!tag) byKey.set(key, (tag = { name: name.trim(), key, feeds: [], unreadCount: 0 }));
      if (tag.feeds.includes(feed)) continue;
      tag.feeds.push(feed);
      tag.unreadCount += feed.unreadCount;
    }
  }
  const tags = [...byKey.values()].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
  for (const tag of tags) tag.unreadCount = countOf(tag) ?? tag.unreadCount;
  return tags;
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

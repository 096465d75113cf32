/**
 * Folders and tags are not stored on their own: a folder is every feed whose folder path starts
 * with it, a tag every feed carrying it. These functions are the one definition of both, used by
 * the backend (listing a folder, renaming and deleting one) and by the window (the sources tree).
 */

/** What a feed must have for these functions: its folder path and tags. */
export interface GroupedFeed {
  id: string;
  folder: readonly string[];
  tags: readonly string[];
}

/** A feed's new folder path, as a rename or a deletion files it. */
export interface FolderMove {
  feedId: string;
  folder: string[];
}

/**
 * A folder path as the sources pane shows it: names trimmed, blank names left out (older files or
 * other tools' OPML may hold them), so `[' ', 'Trials']` is the folder `Trials` at the top level.
 */
export function folderPathOf(folder: readonly string[]): string[] {
  return folder.map((name) => name.trim()).filter((name) => name !== '');
}

/** Whether `path` is `folder` or a folder inside it. Names are compared exactly, as the tree does. */
export function isWithinFolder(path: readonly string[], folder: readonly string[]): boolean {
  if (folder.length === 0 || path.length < folder.length) return false;
  return folder.every((name, depth) => path[depth] === name);
}

/** The feeds filed in `folder` or in any folder inside it. */
export function feedsInFolder<F extends GroupedFeed>(
  feeds: readonly F[],
  folder: readonly string[],
): F[] {
  const wanted = folderPathOf(folder);
  return feeds.filter((feed) => isWithinFolder(folderPathOf(feed.folder), wanted));
}

/**
 * Whether two tags are the same tag: tags differ from each other by more than case (see
 * normalizeFeedTags), so "Trials" on one feed and "trials" on another are one tag.
 */
export function sameTag(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** The feeds carrying `tag`, whatever its case. */
export function feedsWithTag<F extends GroupedFeed>(feeds: readonly F[], tag: string): F[] {
  return feeds.filter((feed) => feed.tags.some((own) => sameTag(own, tag)));
}

/** What renaming a folder would do, or why it cannot be done as asked. */
export type FolderRenamePlan =
  /** `folder`: the folder's path once renamed. */
  | { ok: true; folder: string[]; moves: FolderMove[] }
  | { ok: false; reason: 'not-found' }
  /** Another folder beside it already has that name (ignoring case); `existing` is its spelling. */
  | { ok: false; reason: 'clash'; existing: string };

/**
 * Renames the last name of `folder` to `name`: every feed in it or in a folder inside it moves.
 * A folder beside it with the same name (ignoring case: "Trials" and "trials" side by side would
 * look like one folder twice) is a clash, refused unless `merge` says to join the two, in which
 * case the feeds join the existing folder under its own spelling. A change of case alone renames.
 */
export function planFolderRename(
  feeds: readonly GroupedFeed[],
  request: { folder: readonly string[]; name: string; merge?: boolean },
): FolderRenamePlan {
  const folder = folderPathOf(request.folder);
  const name = request.name.trim();
  const inside = feedsInFolder(feeds, folder);
  if (folder.length === 0 || inside.length === 0) return { ok: false, reason: 'not-found' };
  const parent = folder.slice(0, -1);
  const oldName = folder[folder.length - 1] as string;
  const existing = siblingNames(feeds, parent).find(
    (sibling) => sibling !== oldName && sibling.toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  if (existing !== undefined && !request.merge) return { ok: false, reason: 'clash', existing };
  const renamed = [...parent, existing ?? name];
  const moves = inside
    .map((feed) => ({
      feedId: feed.id,
      folder: [...renamed, ...folderPathOf(feed.folder).slice(folder.length)],
    }))
    .filter((move, index) => !samePath(move.folder, (inside[index] as GroupedFeed).folder));
  return { ok: true, folder: renamed, moves };
}

/** What deleting a folder would do: nothing is unsubscribed, the feeds move up a level. */
export type FolderDeletionPlan =
  /** `folder`: where the contents went, the deleted folder's parent (`[]`: the top level). */
  { ok: true; folder: string[]; moves: FolderMove[] } | { ok: false; reason: 'not-found' };

/**
 * Deletes a folder by moving what it holds into its parent (the top level for a top-level
 * folder): its feeds, and its folders with theirs, keep their place below it.
 */
export function planFolderDeletion(
  feeds: readonly GroupedFeed[],
  folderToDelete: readonly string[],
): FolderDeletionPlan {
  const folder = folderPathOf(folderToDelete);
  const inside = feedsInFolder(feeds, folder);
  if (folder.length === 0 || inside.length === 0) return { ok: false, reason: 'not-found' };
  const parent = folder.slice(0, -1);
  return {
    ok: true,
    folder: parent,
    moves: inside.map((feed) => ({
      feedId: feed.id,
      folder: [...parent, ...folderPathOf(feed.folder).slice(folder.length)],
    })),
  };
}

/** Names of the folders directly inside `parent` (the top level for `[]`). */
function siblingNames(feeds: readonly GroupedFeed[], parent: readonly string[]): string[] {
  const names = new Set<string>();
  for (const feed of feeds) {
    const path = folderPathOf(feed.folder);
    if (path.length <= parent.length) continue;
    if (parent.every((name, depth) => path[depth] === name))
      names.add(path[parent.length] as string);
  }
  return [...names];
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}
